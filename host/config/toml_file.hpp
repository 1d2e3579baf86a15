// Parsing a TOML input file with the project's error: sf::InputError naming the file and line.
#pragma once

#include <toml++/toml.h>

#include <string>

#include "common/input_error.hpp"

namespace sf::config {

/// The parsed file; a syntax error throws sf::InputError with the file, line and toml++'s text.
inline toml::table parse_toml_file(const std::string& path) {
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw InputError(InputIssue{path, int(e.source().begin.line), "", "",
                                "not valid TOML: " + std::string(e.description())});
  }
}

}  // namespace sf::config
