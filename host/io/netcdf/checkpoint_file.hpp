// checkpoint.nc: the state of a run (sf::StateRecord) as a CF-1.8 netCDF-4 file, for
// `spongeflow run --restart`. Each state entry is one variable of its own type (float or double,
// as the run holds it), so values read back are bit-identical; global attributes say which case,
// precision and time the state belongs to, and a checksum over every value catches a file that
// was damaged after it was written. Layout: docs/checkpoints.md.
#pragma once

#include <cstdint>
#include <string>

#include "common/state_record.hpp"

namespace sf::io {

/// What a checkpoint says about the run that wrote it.
struct CheckpointHeader {
  std::string case_file;        // path of the case, for messages
  std::uint64_t case_hash = 0;  // fingerprint of the case and grid (app/case_fingerprint.hpp)
  std::string precision;        // "f32" or "f64"
  std::string backend;          // "cpu" or "cuda" (informative: another backend may continue)
  double time_s = 0;            // simulated time of the state (s since the start)
  std::string created;          // ISO 8601 UTC when it was written (informative)
};

struct Checkpoint {
  CheckpointHeader header;
  StateRecord state;
};

/// Writes `path` atomically: to "<path>.part", flushed and closed, then renamed over `path`, so
/// a run killed while writing leaves the previous checkpoint intact. Throws std::runtime_error
/// naming the file and the reason.
void write_checkpoint(const std::string& path, const CheckpointHeader& header,
                      const StateRecord& state);

/// Reads a checkpoint; throws sf::InputError naming the file and what is wrong with it (not
/// netCDF, truncated, not a spongeflow checkpoint, a newer format, a checksum mismatch).
Checkpoint read_checkpoint(const std::string& path);

/// The hash as written in the file: 16 lower-case hex digits.
std::string hash_text(std::uint64_t hash);

}  // namespace sf::io
