#include "app/observations_command.hpp"

#include <ostream>

#include "app/observation_comparison.hpp"
#include "common/input_error.hpp"

namespace sf::app {

int observations_command(const ObservationsOptions& o, std::ostream& out, std::ostream& err) {
  config::CaseConfig cfg;
  Backend backend;
  Precision precision;
  if (const int rc = prepare_case(o.run, cfg, backend, precision, err)) return rc;
  try {
    const io::SensorSet set = io::read_sensor_observations(o.observations, cfg.start_iso8601);
    const std::vector<SensorSite> sites = locate_sensors(cfg, set, o.run_dir);
    const std::vector<ComparisonRow> rows = compare_with_run(set, sites, o.run_dir, o.until_s);
    const nlohmann::ordered_json doc = write_comparison(
        o.output_dir.empty() ? o.run_dir : o.output_dir, set, sites, rows, o.run_dir, o.until_s);
    print_comparison(doc, out);
  } catch (const InputError& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace sf::app
