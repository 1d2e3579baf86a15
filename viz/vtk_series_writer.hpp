// VtkSeriesWriter: each snapshot as VTK XML ImageData (.vti, zlib-compressed appended binary,
// cell data) plus a ParaView collection (.pvd) with the simulated times. Every file is written
// under a temporary name and renamed, and the .pvd is rewritten after each snapshot, so a run
// that dies midway leaves a valid, openable series of what was written so far.
// Inactive (nodata) cells are flagged twice: vtkGhostType = HIDDENCELL, so ParaView and VTK
// filters blank them, and NaN in the float arrays, so tools that ignore ghost arrays never show
// the fill values under nodata as data. Fields are Float32 (viewing files: half the size).
#pragma once

#include <string>
#include <vector>

#include "engine/snapshot.hpp"
#include "viz/pvd_collection.hpp"

namespace sf::viz {

class VtkSeriesWriter final : public SnapshotWriter {
 public:
  /// Files go to `out_dir` (created when missing): `<basename>.pvd` and
  /// `<basename>_<index, 5 digits>.vti`. An empty collection is written at once, so even a run
  /// that stops before its first snapshot leaves a valid .pvd. Throws std::runtime_error when
  /// the folder or the .pvd cannot be written.
  explicit VtkSeriesWriter(std::string out_dir, std::string basename = "surface");

  /// Writes one snapshot and the updated collection. A snapshot with an index already written
  /// replaces that entry. Throws std::invalid_argument for an inconsistent snapshot and
  /// std::runtime_error when a file cannot be written.
  void write(const SurfaceSnapshot& snapshot) override;

  /// A run continued from a checkpoint: lists the snapshots 0 .. n-1 that the run before it wrote
  /// (their .vti files are already in the folder) at the given times, before the new ones.
  void continue_series(const std::vector<double>& earlier_times);

  /// Nothing is buffered, so closing only stops further writes.
  void close() override;

  const std::string& pvd_path() const { return pvd_.path(); }
  const std::vector<PvdEntry>& entries() const { return pvd_.entries(); }

 private:
  std::string out_dir_;
  std::string basename_;
  PvdCollection pvd_;
  bool closed_ = false;
};

}  // namespace sf::viz
