// What the assessment commands (capacity, overflows, waterlogging) share around their work: the
// output folder made before anything is written, and bad input mapped to exit status 1.
#pragma once

#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>
#include <system_error>

#include "common/input_error.hpp"

namespace sf::app {

/// Creates `dir` (and its parents); false after printing the reason to `err`.
inline bool make_output_folder(const std::string& dir, std::ostream& err) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) err << "error: cannot create output folder " << dir << ": " << ec.message() << "\n";
  return !ec;
}

/// Runs `command` (returning an exit status); sf::InputError and std::invalid_argument are bad
/// input: printed to `err`, exit status 1. Other exceptions pass on (main() maps them to 2).
template <class Command>
int exit_status_of(std::ostream& err, Command&& command) {
  try {
    return command();
  } catch (const InputError& e) {
    err << "error: " << e.what() << "\n";
  } catch (const std::invalid_argument& e) {
    err << "error: " << e.what() << "\n";
  }
  return 1;
}

}  // namespace sf::app
