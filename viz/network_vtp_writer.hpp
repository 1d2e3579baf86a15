// NetworkVtpSeriesWriter: each NetworkSnapshot as VTK XML PolyData (.vtp): nodes as vertex
// cells, links as polylines through their bends, plus a ParaView collection (.pvd). Files are
// written under a temporary name and renamed, and the .pvd is rewritten after each snapshot
// (like VtkSeriesWriter), so a run that stops midway leaves a valid series.
//
// Point data (every point): node_depth, node_head, node_invert, node_flooding, node_index;
//   bend points carry depth, head and invert interpolated along their link, flooding NaN,
//   node_index -1. Points are (x, y, invert) in Float64 (CRS coordinates need the digits).
// Cell data (vertex cells first, then lines, in VTK's order): link_flow, link_velocity,
//   link_fill_ratio (NaN on vertex cells), link_pump_status (-1 for non-pumps and nodes),
//   link_index (-1 on vertex cells, else the link's index in the snapshot).
#pragma once

#include <string>
#include <vector>

#include "network/network_snapshot.hpp"
#include "viz/pvd_collection.hpp"

namespace sf::viz {

class NetworkVtpSeriesWriter {
 public:
  /// Files go to `out_dir` (created when missing): `<basename>.pvd` and
  /// `<basename>_<index, 5 digits>.vtp`. An empty collection is written at once.
  /// Throws std::runtime_error when the folder or the .pvd cannot be written.
  explicit NetworkVtpSeriesWriter(std::string out_dir, std::string basename = "network");

  /// Writes one snapshot and the updated collection; an index already written replaces that
  /// entry. Throws std::invalid_argument naming the array for an inconsistent snapshot and
  /// std::runtime_error when a file cannot be written.
  void write(const NetworkSnapshot& snapshot);

  /// A run continued from a checkpoint: lists the snapshots 0 .. n-1 that the run before it wrote
  /// (their .vtp files are in the folder) before the ones this run writes.
  void continue_series(const std::vector<double>& earlier_times);

  /// Nothing is buffered, so closing only stops further writes.
  void close();

  const std::string& pvd_path() const { return pvd_.path(); }
  const std::vector<PvdEntry>& entries() const { return pvd_.entries(); }

 private:
  std::string out_dir_;
  std::string basename_;
  PvdCollection pvd_;
  bool closed_ = false;
};

}  // namespace sf::viz
