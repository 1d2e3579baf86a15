// Reading the [network] table of a case file: the SWMM input to couple and the exchange
// parameters of inlets and manholes (docs/coupling.md); and [capacity], how the capacity
// assessment runs that network (docs/capacity.md). Problems are appended to `issues`.
#include "config/case_reader_extra.hpp"

namespace sf::config {
namespace {

void read_inlet(const TableReader& t, const std::string& prefix, InletConfig& c) {
  auto number = [&](const std::string& key, double lo, double hi, const char* expected,
                    double& value) {
    value = t.number_or_default((prefix + key).c_str(), lo, hi, expected);
  };
  number("_perimeter", 0, 100, "between 0 and 100 m", c.perimeter);
  number("_area", 0, 100, "between 0 and 100 m^2", c.area);
  number("_weir_coeff", 0, 5, "between 0 and 5", c.weir_coeff);
  number("_orifice_coeff", 0, 5, "between 0 and 5", c.orifice_coeff);
}

}  // namespace

void read_network(const toml::table& doc, const std::string& file, const PathResolver& path_of,
                  std::vector<InputIssue>& issues, CaseConfig& c) {
  const toml::table* nt = doc["network"].as_table();
  if (!nt) {
    if (doc.contains("network"))
      issues.push_back({file, int(doc["network"].node()->source().begin.line), "", "network",
                        "expected a table written [network]"});
    return;
  }
  const TableReader t(nt, "network", file, issues);
  NetworkConfig n;
  n.inp = path_of(t, "inp", true);
  n.coupling = path_of(t, "coupling", false);
  read_inlet(t, "inlet", n.inlet);
  read_inlet(t, "manhole", n.manhole);
  if (auto b = t.string("backend")) {
    if (*b == "auto" || *b == "cpu" || *b == "cuda" || *b == "gpu")
      n.backend = *b;
    else
      t.error("backend", "'" + *b + "' is not a backend; expected \"auto\", \"cpu\" or \"cuda\"");
  }
  if (auto m = t.string("subcatchments")) {
    if (*m == "ignore" || *m == "load_nodes")
      n.subcatchments = *m;
    else
      t.error("subcatchments",
              "'" + *m + "' is not a choice; expected \"ignore\" or \"load_nodes\"");
  }
  c.network = n;
}

void read_capacity(const toml::table& doc, const std::string& file, std::vector<InputIssue>& issues,
                   CaseConfig& c) {
  const TableReader t(doc["capacity"].as_table(), "capacity", file, issues);
  if (auto m = t.string("mode")) {
    if (*m == "network" || *m == "coupled")
      c.capacity.mode = *m;
    else
      t.error("mode", "'" + *m + "' is not a mode; expected \"network\" or \"coupled\"");
  }
  c.capacity.target_return_period_years =
      t.number_or_default("target_return_period", 0.1, 1e4, "> 0 years");
}

}  // namespace sf::config
