// Reading the rain-grid, design-storm and soil/LID parts of a case file (case_reader.cpp reads
// the rest). Problems are appended to `issues`; nothing throws.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "config/case_config.hpp"
#include "config/table_reader.hpp"

namespace sf::config {

using PathResolver = std::function<std::string(const TableReader&, const char*, bool)>;

void read_rain_grid(const TableReader& rain, const PathResolver& path_of, CaseConfig& c);
void read_design_storm(const toml::table& doc, const std::string& file,
                       std::vector<InputIssue>& issues, CaseConfig& c);
void read_soil(const toml::table& doc, const std::string& file, const PathResolver& path_of,
               std::vector<InputIssue>& issues, CaseConfig& c);
/// [network] (case_reader_network.cpp).
void read_network(const toml::table& doc, const std::string& file, const PathResolver& path_of,
                  std::vector<InputIssue>& issues, CaseConfig& c);

}  // namespace sf::config
