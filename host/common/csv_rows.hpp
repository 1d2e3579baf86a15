// The one CSV dialect of spongeflow's input tables (rain gauges and their series, hyetographs,
// coupling points, daily rain for the capture ratio): '#' starts a comment that runs to the end
// of the line, blank lines are skipped, cells are split at every comma and trimmed of spaces,
// tabs and carriage returns; a trailing comma leaves an empty last cell. No quoting: no value
// of these tables holds a comma. Each reader checks its own header and columns and reports
// through sf::InputError with the row's line number.
// Debian 12 packages libcsv (a C callback parser) and fast-cpp-csv-parser (columns fixed at
// compile time): neither fits variable columns, '#' comments and per-row line numbers better
// than these few lines.
#pragma once

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "common/input_error.hpp"

namespace sf::csv {

struct Row {
  int line = 0;                    // 1-based line number in the file
  std::string text;                // the line without its comment, trimmed
  std::vector<std::string> cells;  // trimmed cells; at least one
};

inline std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

inline std::vector<std::string> split_cells(const std::string& text) {
  std::vector<std::string> cells;
  std::string::size_type begin = 0;
  while (true) {
    const auto comma = text.find(',', begin);
    cells.push_back(trim(text.substr(begin, comma - begin)));
    if (comma == std::string::npos) break;
    begin = comma + 1;
  }
  return cells;
}

/// The rows of a CSV file that hold data or a header. Throws sf::InputError ("cannot open
/// <what>", with the given section) when the file cannot be read.
inline std::vector<Row> read_rows(const std::string& path, const std::string& section = "",
                                  const std::string& what = "the file") {
  std::ifstream in(path);
  if (!in) throw InputError(InputIssue{path, 0, section, "", "cannot open " + what});
  std::vector<Row> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::string text = trim(line);
    if (text.empty()) continue;
    std::vector<std::string> cells = split_cells(text);
    rows.push_back(Row{number, std::move(text), std::move(cells)});
  }
  return rows;
}

/// A whole cell as a finite number (strtod syntax); false for an empty cell, trailing
/// characters, infinity or NaN.
inline bool parse_number(const std::string& cell, double& value) {
  if (cell.empty()) return false;
  char* end = nullptr;
  value = std::strtod(cell.c_str(), &end);
  return end == cell.c_str() + cell.size() && std::isfinite(value);
}

}  // namespace sf::csv
