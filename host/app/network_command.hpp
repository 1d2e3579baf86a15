// Entry point of `spongeflow network MODEL.inp [--report FILE] [--summary FILE]
// [--timeseries FILE]`: runs a SWMM network and writes the requested outputs.
#pragma once

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace sf::network {

struct NetworkCommandOptions {
  std::string inp_path;
  std::string report_path;      // empty: no report
  std::string summary_path;     // empty: no JSON summary
  std::string timeseries_path;  // empty: no CSV
  std::string backend = "cpu";  // "cpu" or "cuda"
};

/// Adds the `network` subcommand and its options to app: the one definition used by spongeflow
/// and spongeflow-network.
CLI::App* add_network_subcommand(CLI::App& app, NetworkCommandOptions& opts);

/// Returns 0 on success, 1 on input errors (printed to err), 2 on other failures.
int run_network_command(const NetworkCommandOptions& opts, std::ostream& out, std::ostream& err);

/// The whole `spongeflow network ...` command line (argv[1] == "network"), parsed with the
/// same program description and checks as the full program: what bin/spongeflow runs.
int network_command_main(int argc, char** argv);

}  // namespace sf::network
