// Reading the parts of a case file that have their own file: [surface], the rain grid, the design
// storm, soil/LID, boundaries and sources, [network] (case_reader.cpp reads the rest and calls
// these). Problems are appended to `issues`; nothing throws.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "config/case_config.hpp"
#include "config/table_reader.hpp"

namespace sf::config {

using PathResolver = std::function<std::string(const TableReader&, const char*, bool)>;

/// [surface]: friction law and coefficient, initial water and flow, thresholds
/// (case_reader_surface.cpp).
void read_surface(const TableReader& surf, const PathResolver& path_of, CaseConfig& c);
void read_rain_grid(const TableReader& rain, const PathResolver& path_of, CaseConfig& c);
void read_design_storm(const toml::table& doc, const std::string& file,
                       std::vector<InputIssue>& issues, CaseConfig& c);
void read_soil(const toml::table& doc, const std::string& file, const PathResolver& path_of,
               std::vector<InputIssue>& issues, CaseConfig& c);
/// A number (constant) or an array matching `times_key` (linear in between); ok = false when a
/// given or required series could not be read (case_reader_boundary.cpp).
TimeSeries read_series(const TableReader& t, const char* key, const char* times_key, bool required,
                       bool& ok);
/// [[boundary]] and [[source]] (case_reader_boundary.cpp).
void read_boundaries(const toml::table& doc, const std::string& file,
                     std::vector<InputIssue>& issues, CaseConfig& c);
void read_sources(const toml::table& doc, const std::string& file, std::vector<InputIssue>& issues,
                  CaseConfig& c);
/// Longest duration a case may ask for (s): about 317 years, far past any event or season.
constexpr double kMaxDuration = 1e10;
/// Shortest output interval (s): finer snapshots resolve nothing a flood map needs and a run
/// writing one per step never ends.
constexpr double kMinOutputInterval = 0.01;
/// Most snapshots one run may write (duration / output_interval).
constexpr double kMaxOutputFrames = 10000;
/// [time]: duration, output_interval (floor and frame cap) and start (case_reader_time.cpp).
void read_time(const TableReader& time, bool has_table, CaseConfig& c);
/// [network] (case_reader_network.cpp).
void read_network(const toml::table& doc, const std::string& file, const PathResolver& path_of,
                  std::vector<InputIssue>& issues, CaseConfig& c);
/// [waterlogging]: class tables, each key read or taken from the schema's default
/// (case_reader_waterlogging.cpp).
void read_waterlogging(const toml::table& doc, const std::string& file,
                       std::vector<InputIssue>& issues, CaseConfig& c);
/// [capacity] (case_reader_network.cpp).
void read_capacity(const toml::table& doc, const std::string& file,
                   std::vector<InputIssue>& issues, CaseConfig& c);

}  // namespace sf::config
