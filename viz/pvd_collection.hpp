// ParaView's .pvd collection file: the list of datasets of a time series with their times.
#pragma once

#include <string>
#include <vector>

namespace sf::viz {

struct PvdEntry {
  double time_s = 0.0;  // simulated time (s)
  std::string file;     // path relative to the .pvd file's folder
};

/// The XML text of a collection listing `entries` in the given order.
std::string pvd_xml(const std::vector<PvdEntry>& entries);

/// A .pvd kept on disk: each change rewrites it atomically, so it only ever lists files that
/// were complete when they were recorded. Shared by the surface and network series writers.
class PvdCollection {
 public:
  /// Writes an empty collection at `path`.
  void open(std::string path);
  /// Adds the dataset of snapshot `index`, or replaces the one recorded under that index.
  void record(int index, double time_s, const std::string& file);
  const std::string& path() const { return path_; }
  const std::vector<PvdEntry>& entries() const { return entries_; }

 private:
  std::string path_;
  std::vector<PvdEntry> entries_;
  std::vector<int> indices_;  // snapshot index of each entry, same order
};

}  // namespace sf::viz
