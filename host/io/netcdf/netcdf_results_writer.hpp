// NetcdfResultsWriter: the surface results of a run as one CF-1.8 netCDF-4 file (classic
// model, zlib): depth, water level and velocity on a time axis, and the event maps (maximum
// depth, speed and hazard, times of arrival and of the peak, durations above thresholds)
// rewritten at every snapshot so that a run stopped midway still has them. Layout and
// variables: docs/results-netcdf.md.
//
// Crash safety: the file is created as "<path>.part", receives its first snapshot, is flushed
// and only then renamed to <path> (replacing a previous run's file in one step). From then on
// it is written in place and flushed (nc_sync) at the end of every write(), so if the run dies
// between two writes, <path> is a valid file holding every snapshot written so far. Copying
// the whole file at every snapshot would make that hold even for a crash *inside* write(), at
// a cost growing with the run; a process killed in the middle of an HDF5 write can corrupt the
// file (netCDF-4 keeps metadata in HDF5 caches until the flush), which we accept.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/snapshot.hpp"

namespace sf::io {

namespace nc {
class WritableFile;
}
struct ResultVariable;

struct NetcdfResultsOptions {
  std::string title = "spongeflow results";  // global "title": the case name
  std::string institution;                   // global "institution" (omitted when empty)
  std::string source = "spongeflow";         // global "source": model and version
  /// Start of the run as ISO 8601 ("2024-07-01T00:00:00Z", "2024-07-01 10:00+10:00"): the
  /// time axis is "seconds since" it, in UTC. Empty when unknown: "seconds since 1970-01-01".
  std::string run_start_iso8601;
  int compress_level = 4;      // zlib level with the shuffle filter, 0 (off) .. 9
  bool store_float64 = false;  // fields as 64-bit floats; default 32-bit (half the size)
  /// A run continued from a checkpoint: the new file starts with the first `keep_records`
  /// records of the existing file at `path` (which must hold that many); records after them,
  /// written by the run after its checkpoint, are dropped. 0: a new file.
  std::size_t keep_records = 0;
};

class NetcdfResultsWriter final : public SnapshotWriter {
 public:
  /// Nothing is created until the first snapshot (the grid is not known before). Throws
  /// std::invalid_argument for a bad option (compression level, start date-time) and
  /// std::runtime_error when the folder of `path` does not exist.
  explicit NetcdfResultsWriter(std::string path, NetcdfResultsOptions options = {});
  /// Closes the file when close() was not called; errors are swallowed (the data of every
  /// finished write() is already on disk).
  ~NetcdfResultsWriter() override;
  NetcdfResultsWriter(const NetcdfResultsWriter&) = delete;
  NetcdfResultsWriter& operator=(const NetcdfResultsWriter&) = delete;

  /// Appends one record (times must increase) and rewrites the event maps present in the
  /// snapshot; maps whose vectors are empty are skipped. Throws std::invalid_argument for a
  /// snapshot that does not fit (array sizes, another grid, time not after the previous one)
  /// and std::runtime_error naming the file and the variable for a netCDF failure.
  void write(const SurfaceSnapshot& snapshot) override;

  /// Closes the file; throws std::runtime_error when closing fails. Further writes throw.
  void close() override;

  const std::string& path() const { return path_; }
  std::size_t records_written() const { return records_; }

 private:
  void check_snapshot(const SurfaceSnapshot& snapshot) const;
  void create_file(const SurfaceSnapshot& snapshot);
  void define_coordinates();
  bool has_new_maps(const SurfaceSnapshot& snapshot) const;
  /// Defines the maps present in the snapshot but not yet in the file (in define mode).
  std::vector<const ResultVariable*> define_new_maps(const SurfaceSnapshot& snapshot);
  void write_thresholds(const std::vector<const ResultVariable*>& maps,
                        const SurfaceSnapshot& snapshot);
  int define_field(const ResultVariable& variable, const SurfaceSnapshot& snapshot);
  void write_coordinates();
  /// Appends the record, rewrites the maps and flushes; the first one also renames the file.
  void write_record_and_maps(const SurfaceSnapshot& snapshot, bool first);
  void discard_unfinished_file();
  void write_field(const ResultVariable& variable, const SurfaceSnapshot& snapshot,
                   std::size_t record);

  std::string path_;
  NetcdfResultsOptions options_;
  std::string time_units_;
  std::unique_ptr<nc::WritableFile> file_;
  GridGeometry grid_;  // the first snapshot's grid; later ones must match it
  bool has_crs_ = false;
  int time_dim_ = -1, y_dim_ = -1, x_dim_ = -1, bounds_dim_ = -1;
  std::map<std::string, int> varids_;
  std::size_t records_ = 0;
  double last_time_s_ = 0.0;
  bool closed_ = false;
};

}  // namespace sf::io
