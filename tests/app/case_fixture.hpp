// In-process case-file tests: a small case (8 x 6 cells of 1 m, bed falling eastwards) read with
// read_case_file and load_case, and the text of any input error.
#pragma once

#include <string>

#include "cli_runner.hpp"
#include "common/input_error.hpp"
#include "config/case_loader.hpp"

namespace sf::test {

/// Writes dem.asc and case.toml ([grid], [time] and then `tables`) into a fresh folder.
inline std::filesystem::path write_case(const std::string& name, const std::string& tables) {
  const auto dir = scratch(name);
  write_file(dir / "dem.asc", ascii_grid(8, 6));
  write_file(dir / "case.toml", "[grid]\ndem = \"dem.asc\"\n[time]\nduration = 10\n" + tables);
  return dir / "case.toml";
}

/// Reads and loads the case; the engine's setup, or the error message ("" when there was none).
struct LoadOutcome {
  config::LoadedCase loaded;
  std::string error;
};

inline LoadOutcome load(const std::filesystem::path& case_file) {
  LoadOutcome out;
  try {
    out.loaded = config::load_case(config::read_case_file(case_file.string()));
  } catch (const InputError& e) {
    out.error = e.what();
  }
  return out;
}

}  // namespace sf::test
