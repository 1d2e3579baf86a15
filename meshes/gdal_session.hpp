// Internal to sf_mesh_gdal: RAII helpers so every GDAL call is silent (libraries never print;
// GDAL's own message is kept and folded into our error) and every dataset is closed.
#pragma once

#include <gdal.h>

#include <cpl_error.h>

#include <string>

namespace sf::mesh::detail {

/// Registers the drivers and routes GDAL's messages away from stderr for this scope (GDAL's
/// handler stack is per thread, so concurrent readers do not disturb each other).
class QuietGdal {
 public:
  QuietGdal() {
    GDALAllRegister();  // cheap after the first call; done here so callers need no init step
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietGdal() { CPLPopErrorHandler(); }
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;

  /// GDAL's last error message, or `fallback` when it gave none.
  static std::string last_message(const std::string& fallback) {
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? std::string(msg) : fallback;
  }
};

/// Owns a GDALDatasetH and closes it on scope exit.
class DatasetHandle {
 public:
  explicit DatasetHandle(GDALDatasetH h = nullptr) : h_(h) {}
  ~DatasetHandle() { reset(); }
  DatasetHandle(const DatasetHandle&) = delete;
  DatasetHandle& operator=(const DatasetHandle&) = delete;

  GDALDatasetH get() const { return h_; }
  explicit operator bool() const { return h_ != nullptr; }
  /// Closes now; for writers this flushes the file, so check the error state afterwards.
  void reset() {
    if (h_) GDALClose(h_);
    h_ = nullptr;
  }

 private:
  GDALDatasetH h_;
};

}  // namespace sf::mesh::detail
