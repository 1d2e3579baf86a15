// Command-line checks with plain messages, and the parse that maps every CLI11 error to exit
// status 1 with one line (CLI11's own codes 105/106/109 are not the documented 1 for bad input).
#pragma once

#include <CLI/CLI.hpp>

#include <initializer_list>
#include <optional>
#include <string>

namespace sf::app {

/// A whole number >= lo, e.g. "--threads: 0 is out of range; expected a whole number >= 1".
CLI::Validator whole_number_at_least(long long lo);

/// A number in [lo, hi], stated as plain numbers: "2 is out of range; expected 0 to 1".
CLI::Validator number_between(double lo, double hi);

/// One of `names`: "'gpu' is not one of: cpu, cuda".
CLI::Validator one_of(std::initializer_list<const char*> names);

/// Parses the command line. Returns the exit status when the program must stop now: 0 after
/// --help or --version, 1 after a command-line error (printed to `err` as one line).
std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv, std::ostream& err);

}  // namespace sf::app
