// spongeflow command line: run cases, make the demo data, list case-file keys, run networks.
#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>

#include "app/run_command.hpp"
#include "common/input_error.hpp"
#include "config/case_schema.hpp"
#include "crs_gdal.hpp"
#include "demo_dem_write.hpp"
#include "engine/backend.hpp"
#include "network/network_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"spongeflow - GPU-accelerated urban flood and drainage simulator"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("spongeflow 0.1.0"));

  sf::app::RunOptions run;
  std::vector<std::string> sets;
  auto* run_cmd = app.add_subcommand("run", "Run a surface flood case described by a TOML file");
  run_cmd->add_option("case", run.case_file, "Case file (case.toml)")->required();
  run_cmd->add_option("--backend", run.backend, "cpu or cuda")
      ->check(CLI::IsMember({"cpu", "cuda"}));
  run_cmd->add_option("--precision", run.precision, "f32 or f64 (default: f64 on cpu, f32 on cuda)")
      ->check(CLI::IsMember({"f32", "f64"}));
  run_cmd->add_option("--threads", run.threads, "OpenMP threads for the cpu backend")
      ->check(CLI::PositiveNumber);
  run_cmd->add_option("--output", run.output_dir, "Output folder (overrides [output] directory)");
  run_cmd->add_option("--data", run.data_dir, "Folder that ${data} in case paths stands for");
  run_cmd->add_option("--set", sets, "Override a key: --set numerics.cfl=0.4 (repeatable)");
  run_cmd->add_flag("--quiet", run.quiet, "Print only errors and warnings");

  std::string demo_dir, demo_crs;
  std::vector<double> demo_origin;
  auto* demo_cmd = app.add_subcommand("make-demo", "Generate the synthetic demo catchment rasters");
  demo_cmd->add_option("dir", demo_dir, "Folder to write dem.tif, manning.tif, ... into")
      ->required();
  demo_cmd->add_option("--crs", demo_crs,
                       "Place the catchment in this CRS (e.g. EPSG:32756); default EPSG:4547");
  demo_cmd->add_option("--origin", demo_origin, "South-west corner X Y in that CRS (m)")
      ->expected(2);

  auto* keys_cmd = app.add_subcommand("case-keys", "Print the case-file key reference (Markdown)");

  sf::network::NetworkCommandOptions net;
  auto* net_cmd = app.add_subcommand("network", "Run an EPA SWMM 5 .inp pipe network on its own");
  net_cmd->add_option("model", net.inp_path, "SWMM input file (MODEL.inp)")->required();
  net_cmd->add_option("--report", net.report_path, "Write a SWMM-style text report");
  net_cmd->add_option("--summary", net.summary_path, "Write a JSON summary in SI units");
  net_cmd->add_option("--timeseries", net.timeseries_path,
                      "Write node depths and link flows at the report step");
  net_cmd->add_option("--backend", net.backend, "cpu or cuda")->check(CLI::IsMember({"cpu", "cuda"}));

  CLI11_PARSE(app, argc, argv);

  try {
    if (*run_cmd) {
      for (const std::string& s : sets) {
        const auto eq = s.find('=');
        if (eq == std::string::npos) {
          std::cerr << "error: --set " << s << ": expected table.key=value\n";
          return 1;
        }
        run.set.emplace_back(s.substr(0, eq), s.substr(eq + 1));
      }
      return sf::app::run_case(run, std::cout, std::cerr);
    }
    if (*demo_cmd) {
      sf::mesh::DemoOptions opt;
      if (demo_origin.size() == 2) {
        opt.x0 = demo_origin[0];
        opt.y0 = demo_origin[1];
      }
      auto catchment = sf::mesh::make_demo_catchment(opt);
      if (!demo_crs.empty()) {
        const std::string wkt = sf::mesh::crs_wkt_from_user_text(demo_crs);
        for (sf::mesh::Raster* r : {&catchment.dem, &catchment.ground, &catchment.buildings,
                                    &catchment.manning, &catchment.land_use})
          r->crs_wkt = wkt;
      }
      for (const std::string& f : sf::mesh::write_demo_catchment(catchment, demo_dir))
        std::cout << "wrote " << f << "\n";
      std::cout << std::fixed << std::setprecision(2) << "outlet: " << catchment.outlet.side << " edge, from " << catchment.outlet.from
                << " to " << catchment.outlet.to << " m\n";
      return 0;
    }
    if (*net_cmd) return sf::network::run_network_command(net, std::cout, std::cerr);
    if (*keys_cmd) {
      std::cout << sf::config::case_schema_markdown();
      return 0;
    }
  } catch (const sf::InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
