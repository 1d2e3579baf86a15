// spongeflow command line: run cases, make the demo data, list case-file keys, run networks.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "app/assess_command.hpp"
#include "app/capacity_command.hpp"
#include "app/command_line_checks.hpp"
#include "app/forecast_command.hpp"
#include "app/network_command.hpp"
#include "app/nowcast_command.hpp"
#include "app/observations_command.hpp"
#include "app/overflows_command.hpp"
#include "app/program_info.hpp"
#include "app/run_command.hpp"
#include "app/scenarios_command.hpp"
#include "app/sensors_command.hpp"
#include "app/watch_command.hpp"
#include "app/waterlogging_command.hpp"
#include "common/atomic_text_file.hpp"
#include "common/input_error.hpp"
#include "config/case_schema.hpp"
#include "demo/demo_dem_write.hpp"
#include "demo/sewage_networks.hpp"
#include "demo/urban_demo_network.hpp"
#include "engine/backend.hpp"
#include "io/netcdf/hdf5_exit.hpp"
#include "meshes/crs_gdal.hpp"

namespace {

bool parse_sets(const std::vector<std::string>& sets,
                std::vector<std::pair<std::string, std::string>>& out) {
  for (const std::string& s : sets) {
    const auto eq = s.find('=');
    if (eq == std::string::npos) {
      std::cerr << "error: --set " << s << ": expected table.key=value\n";
      return false;
    }
    out.emplace_back(s.substr(0, eq), s.substr(eq + 1));
  }
  return true;
}

/// The urban demo sewer under the demo streets (cases/urban-demo): network.inp + coupling.csv,
/// and network_runoff.inp, the same with subcatchments (cases/capacity-demo).
void write_demo_network(const sf::mesh::DemoCatchment& catchment, const sf::mesh::DemoOptions& opt,
                        const std::string& dir) {
  sf::couple::UrbanDemoNetwork net;
  try {
    net = sf::couple::make_urban_demo_network(catchment, opt);
  } catch (const std::invalid_argument& e) {
    std::cout << "no demo sewer for this catchment size: " << e.what() << "\n";
    return;
  }
  const std::pair<std::string, std::string> files[] = {
      {"network.inp", net.inp_text},
      {"network_runoff.inp", net.runoff_inp_text},
      {"coupling.csv", sf::couple::coupling_points_csv(net.coupling_points)}};
  const auto sewage_files =  // cases/combined-sewer (docs/scenarios.md)
      sf::couple::combined_sewer_demo_files(net.layout, catchment.dem.x0, catchment.dem.y0);
  for (const auto& [name, text] : sewage_files) {
    const std::string path = (std::filesystem::path(dir) / name).string();
    sf::write_text_file_atomically(path, text, path + ".tmp");
    std::cout << "wrote " << path << "\n";
  }
  for (const auto& [name, text] : files) {
    const std::string path = (std::filesystem::path(dir) / name).string();
    std::ofstream out(path);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
    std::cout << "wrote " << path << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  sf::io::skip_hdf5_cleanup_at_exit();
  CLI::App app{sf::app::kProgramDescription};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(sf::app::kProgramVersion));

  sf::app::RunOptions run;
  std::vector<std::string> sets;
  auto* run_cmd = app.add_subcommand("run", "Run a surface flood case described by a TOML file");
  run_cmd->add_option("case", run.case_file, "Case file (case.toml)")->required();
  run_cmd->add_option("--backend", run.backend, "cpu or cuda")
      ->check(sf::app::one_of({"cpu", "cuda"}));
  run_cmd->add_option("--precision", run.precision, "f32 or f64 (default: f64 on cpu, f32 on cuda)")
      ->check(sf::app::one_of({"f32", "f64"}));
  run_cmd->add_option("--threads", run.threads, "OpenMP threads for the cpu backend")
      ->check(sf::app::whole_number_at_least(1));
  run_cmd->add_option("--output", run.output_dir, "Output folder (overrides [output] directory)");
  run_cmd->add_option("--data", run.data_dir, "Folder that ${data} in case paths stands for");
  run_cmd->add_option("--set", sets, "Override a key: --set numerics.cfl=0.4 (repeatable)");
  run_cmd->add_flag("--quiet", run.quiet, "Print only errors and warnings");
  run_cmd
      ->add_option("--checkpoint-interval", run.checkpoint_interval,
                   "Write checkpoint.nc into the output folder every SECONDS of simulated time")
      ->check(sf::app::number_between(1e-3, 1e12));
  run_cmd->add_option("--restart", run.restart_file,
                      "Continue the run from a checkpoint.nc of the same case");

  sf::app::RunOptions assess;
  std::vector<std::string> assess_sets;
  auto* assess_cmd = app.add_subcommand(
      "assess", "Run a case with and without its sponge measures and report the reductions");
  assess_cmd->add_option("case", assess.case_file, "Case file with [[lid]] measures")->required();
  assess_cmd->add_option("--backend", assess.backend, "cpu or cuda")
      ->check(sf::app::one_of({"cpu", "cuda"}));
  assess_cmd->add_option("--precision", assess.precision, "f32 or f64")
      ->check(sf::app::one_of({"f32", "f64"}));
  assess_cmd->add_option("--threads", assess.threads, "OpenMP threads")
      ->check(sf::app::whole_number_at_least(1));
  assess_cmd->add_option("--output", assess.output_dir, "Output folder");
  assess_cmd->add_option("--data", assess.data_dir, "Folder that ${data} stands for");
  assess_cmd->add_option("--set", assess_sets, "Override a key (repeatable)");
  assess_cmd->add_flag("--quiet", assess.quiet, "Print only errors and warnings");

  sf::app::CaptureRatioOptions capture;
  auto* capture_cmd = app.add_subcommand(
      "capture-ratio",
      "Annual runoff volume capture ratio from a daily rain series (CSV date,rain_mm)");
  capture_cmd->add_option("daily_csv", capture.daily_rain_csv, "Daily rain CSV")->required();
  capture_cmd->add_option("--depth", capture.depth_mm, "Design capture depth (mm)");
  capture_cmd->add_option("--target", capture.target, "Target ratio, e.g. 0.75")
      ->check(sf::app::number_between(0.0, 1.0));

  std::string demo_dir, demo_crs;
  std::vector<double> demo_origin;
  auto* demo_cmd = app.add_subcommand("make-demo", "Generate the synthetic demo catchment rasters");
  demo_cmd->add_option("dir", demo_dir, "Folder to write dem.tif, manning.tif, ... into")
      ->required();
  demo_cmd->add_option("--crs", demo_crs,
                       "Place the catchment in this CRS (e.g. EPSG:32756); default EPSG:4547");
  demo_cmd->add_option("--origin", demo_origin, "South-west corner X Y in that CRS (m)")
      ->expected(2);
  int demo_size = 500;
  demo_cmd->add_option("--size", demo_size, "Cells per side (2 m cells; default 500 = 1 km)")
      ->check(CLI::Range(50, 20000));

  auto* keys_cmd = app.add_subcommand("case-keys", "Print the case-file key reference (Markdown)");

  sf::network::NetworkCommandOptions net;
  auto* net_cmd = sf::network::add_network_subcommand(app, net);

  sf::app::WaterloggingOptions wl;
  auto* wl_cmd = app.add_subcommand("waterlogging",
                                    "Waterlogging spots and risk classes from a run's results.nc");
  wl_cmd->add_option("results", wl.results_nc,
                     "results.nc of a run (default with --case: the case's output folder)");
  wl_cmd->add_option("--case", wl.case_file,
                     "Case file: its [waterlogging] class tables, roads and results folder");
  wl_cmd->add_option("--output", wl.output_dir, "Folder for the spots and maps")->required();
  wl_cmd
      ->add_option("--threshold", wl.threshold,
                   "flood or user: the run's threshold (and duration map) that makes a spot")
      ->check(sf::app::one_of({"flood", "user"}));
  wl_cmd->add_option("--min-area", wl.min_area_m2, "Drop spots smaller than this (m2)")
      ->check(sf::app::number_between(0.0, 1e12));
  wl_cmd->add_option("--land-use", wl.land_use, "Land-use raster on the results grid");
  wl_cmd->add_option("--road-classes", wl.road_classes, "Land-use values of roads: 3,4")
      ->delimiter(',');

  sf::app::ScenariosOptions scn;
  auto* scn_cmd = app.add_subcommand(
      "scenarios",
      "Compare named variants of a case (combined/separated sewers, sponge, tanks) "
      "on the same storms: overflows, flooding, capture ratio (docs/scenarios.md)");
  scn_cmd->add_option("scenarios", scn.scenarios_file, "SCENARIOS.toml")->required();
  scn_cmd->add_option("--output", scn.output_dir, "Folder for scenarios.json and the report")
      ->required();
  scn_cmd->add_option("--parallel", scn.parallel, "Runs routed at the same time")
      ->check(CLI::PositiveNumber);

  sf::app::CapacityOptions cap;
  auto* cap_cmd = app.add_subcommand(
      "capacity", "Drainage capacity of every conduit by return period, and a renewal list");
  cap_cmd->add_option("case", cap.case_file, "Case file with [network] and [design_storm]")
      ->required();
  cap_cmd
      ->add_option("--return-periods", cap.return_periods,
                   "Return periods in years, increasing: 1,2,3,5,10")
      ->required()
      ->delimiter(',')
      ->check(sf::app::number_between(0.1, 1e4));
  cap_cmd->add_option("--output", cap.output_dir, "Folder for the tables, layers and summary")
      ->required();
  cap_cmd->add_option("--parallel", cap.parallel, "Design storms routed at the same time")
      ->check(sf::app::whole_number_at_least(1));
  cap_cmd->add_option("--data", cap.data_dir, "Folder that ${data} in case paths stands for");
  cap_cmd
      ->add_option("--outfalls", cap.outfalls,
                   "Overflow outfalls (CSO) whose volume, events and loads to report: O1,O2")
      ->delimiter(',');

  sf::app::OverflowOptions ovf;
  auto* ovf_cmd = app.add_subcommand(
      "overflows", "Overflow volume, events and durations per outfall of a SWMM network (CSO)");
  ovf_cmd->add_option("model", ovf.inp_path, "SWMM input file (MODEL.inp)")->required();
  ovf_cmd->add_option("--output", ovf.output_dir, "Folder for the tables")->required();
  ovf_cmd->add_option("--outfalls", ovf.outfalls, "Outfalls to report (default: all): O1,O2")
      ->delimiter(',');
  ovf_cmd
      ->add_option("--inter-event-hours", ovf.inter_event_hours,
                   "Dry time that separates two events (default 6)")
      ->check(sf::app::number_between(0.0, 1e4));
  ovf_cmd
      ->add_option("--min-flow", ovf.min_flow_m3s,
                   "Outfall flow (m3/s) above which it overflows (default 0.001)")
      ->check(sf::app::number_between(0.0, 1e6));

  sf::app::ForecastOptions fc;
  std::vector<std::string> fc_sets;
  auto* fc_cmd = app.add_subcommand(
      "forecast", "Forecast from an analysis run's checkpoint with a (ensemble) rain nowcast");
  fc_cmd->add_option("case", fc.run.case_file, "Case file of the analysis run")->required();
  sf::app::WatchOptions watch;
  fc_cmd->add_option("--state", fc.state, "checkpoint.nc of the analysis run");
  fc_cmd->add_option("--rain", fc.rain, "Nowcast: CF-netCDF file or glob");
  fc_cmd->add_option("--watch", watch.inbox,
                     "Loop: forecast each new nowcast arriving in this folder (instead of "
                     "--state and --rain); --output is the loop's root folder");
  fc_cmd->add_option("--cycles", watch.cycles, "With --watch: stop after N forecasts")
      ->check(CLI::Range(1, 1000000));
  fc_cmd->add_option("--keep", watch.keep, "With --watch: cycles kept (default 6)")
      ->check(CLI::Range(1, 1000000));
  fc_cmd->add_option("--poll", watch.poll_s, "With --watch: seconds between looks (default 5)")
      ->check(sf::app::number_between(0.01, 3600.0));
  fc_cmd->add_option("--lead", fc.lead_s, "Lead time (s) from the state's time")
      ->check(sf::app::number_between(1.0, 1e7));
  fc_cmd->add_option("--output", fc.output_dir, "Folder for the forecast")->required();
  fc_cmd->add_option("--thresholds", fc.thresholds, "Depths (m) of the probability maps: 0.15,0.3")
      ->delimiter(',')
      ->check(sf::app::number_between(1e-4, 100.0));
  fc_cmd
      ->add_option("--arrival-interval", fc.arrival_interval_s,
                   "Simulated seconds between looks for the time of arrival (default 60)")
      ->check(sf::app::number_between(1e-3, 1e6));
  fc_cmd->add_option("--min-area", fc.min_area_m2, "Drop alert spots smaller than this (m2)")
      ->check(sf::app::number_between(0.0, 1e12));
  fc_cmd->add_option("--land-use", fc.land_use,
                     "Land-use raster on the case grid (alerts on roads)");
  fc_cmd->add_option("--road-classes", fc.road_classes, "Land-use values of roads: 3,4")
      ->delimiter(',');
  fc_cmd->add_option("--zones", fc.zones,
                     "Polygons of zones (GeoJSON, shapefile, GeoPackage): zones.csv per zone");
  fc_cmd->add_option("--observations", fc.observations,
                     "Sensor readings (CSV, SensorThings JSON, or a folder of them): compared "
                     "with the analysis run; read again each cycle of --watch");
  fc_cmd->add_flag("--correct-state", fc.correct_state,
                   "With --observations: nudge the state toward the latest depth/level readings");
  fc_cmd
      ->add_option("--correction-radius", fc.correction_radius_m,
                   "Reach (m) of a sensor's state correction (default 100)")
      ->check(sf::app::number_between(1e-3, 1e6));
  fc_cmd
      ->add_option("--correction-window", fc.correction_window_s,
                   "Readings at most this old (s) correct the state (default 900)")
      ->check(sf::app::number_between(0.0, 1e9));
  fc_cmd->add_option("--backend", fc.run.backend, "cpu or cuda")
      ->check(sf::app::one_of({"cpu", "cuda"}));
  fc_cmd->add_option("--precision", fc.run.precision, "f32 or f64 (as the analysis run)")
      ->check(sf::app::one_of({"f32", "f64"}));
  fc_cmd->add_option("--threads", fc.run.threads, "OpenMP threads for the cpu backend")
      ->check(sf::app::whole_number_at_least(1));
  fc_cmd->add_option("--data", fc.run.data_dir, "Folder that ${data} in case paths stands for");
  fc_cmd->add_option("--set", fc_sets, "Override a key, as for the analysis run (repeatable)");
  fc_cmd->add_flag("--quiet", fc.run.quiet, "Print only errors, warnings and the forecast summary");

  sf::app::ObservationsOptions obs;
  std::vector<std::string> obs_sets;
  auto* obs_cmd = app.add_subcommand(
      "observations", "Compare sensor readings with a finished run (surface or coupled)");
  obs_cmd->add_option("case", obs.run.case_file, "Case file of the run")->required();
  obs_cmd->add_option("run", obs.run_dir, "Output folder of the run")->required();
  obs_cmd->add_option("--observations", obs.observations, "Sensor CSV or JSON file, or a folder")
      ->required();
  obs_cmd->add_option("--output", obs.output_dir, "Folder for observations.csv/json (the run's)");
  obs_cmd->add_option("--until", obs.until_s, "Compare readings up to this time (s)");
  obs_cmd->add_option("--data", obs.run.data_dir, "Folder that ${data} in case paths stands for");
  obs_cmd->add_option("--set", obs_sets, "Override a key, as for the run (repeatable)");

  sf::app::MakeSensorsOptions ms;
  auto* ms_cmd = app.add_subcommand(
      "make-sensors", "Synthetic depth sensors at a run's deepest low points (bias, noise)");
  ms_cmd->add_option("results", ms.results, "results.nc of the run the sensors observe")
      ->required();
  ms_cmd->add_option("output", ms.output, "Sensor CSV to write")->required();
  ms_cmd->add_option("--count", ms.count, "Sensors (default 4)")->check(CLI::Range(1, 10000));
  ms_cmd->add_option("--spacing", ms.spacing_m, "Least distance between sensors (m, default 100)")
      ->check(sf::app::number_between(0.0, 1e6));
  ms_cmd->add_option("--min-depth", ms.min_depth_m, "Only cells deeper than this (m, default 0.05)")
      ->check(sf::app::number_between(0.0, 100.0));
  ms_cmd->add_option("--bias", ms.bias_m, "Added to every reading (m, default 0)")
      ->check(sf::app::number_between(-10.0, 10.0));
  ms_cmd->add_option("--noise", ms.noise_m, "Standard deviation of the noise (m, default 0.005)")
      ->check(sf::app::number_between(0.0, 10.0));
  ms_cmd->add_option("--seed", ms.seed, "Seed of the noise (default 7)");

  sf::app::MakeNowcastOptions mn;
  auto* mn_cmd = app.add_subcommand(
      "make-nowcast",
      "Generate synthetic ensemble rain nowcasts (CF-netCDF) on a DEM's grid, or cut them from a "
      "radar sequence (--radar)");
  mn_cmd->add_option("dem", mn.dem, "DEM whose grid the nowcasts cover")->required();
  mn_cmd->add_option("dir", mn.output_dir, "Folder for nowcast_t<issue s>.nc")->required();
  mn_cmd->add_option("--members", mn.members, "Ensemble members (default 5)")
      ->check(CLI::Range(1, 1000));
  mn_cmd->add_option("--cycles", mn.cycles, "Files, one per issue time (default 3)")
      ->check(CLI::Range(1, 10000));
  mn_cmd->add_option("--first-issue", mn.first_issue_s, "Issue time of the first file (s)")
      ->check(sf::app::number_between(0.0, 1e8));
  mn_cmd->add_option("--cycle", mn.cycle_s, "Seconds between issue times (default 600)")
      ->check(sf::app::number_between(1.0, 1e6));
  mn_cmd->add_option("--lead", mn.lead_s, "Forecast period of each file (s, default 7200)")
      ->check(sf::app::number_between(1.0, 1e6));
  mn_cmd->add_option("--frame", mn.frame_s, "Frame length (s, default 300)")
      ->check(sf::app::number_between(1.0, 1e5));
  mn_cmd->add_option("--start", mn.start,
                     "Time 0 of the storm (the case's [time] start; default "
                     "2024-07-01T00:00:00Z, with --radar the start of its first frame)");
  mn_cmd->add_option("--radar", mn.radar,
                     "Cut this CF-netCDF radar sequence into the nowcasts instead of the "
                     "synthetic storm (its later frames are the forecast; --frame is ignored)");

  if (const auto status = sf::app::parse_command_line(app, argc, argv, std::cerr)) return *status;

  try {
    if (*run_cmd) {
      if (!parse_sets(sets, run.set)) return 1;
      return sf::app::run_case(run, std::cout, std::cerr);
    }
    if (*assess_cmd) {
      if (!parse_sets(assess_sets, assess.set)) return 1;
      return sf::app::assess_case(assess, std::cout, std::cerr);
    }
    if (*capture_cmd) {
      if (!capture.depth_mm && !capture.target) {
        std::cerr << "error: capture-ratio needs --depth MM or --target RATIO\n";
        return 1;
      }
      return sf::app::capture_ratio_command(capture, std::cout, std::cerr);
    }
    if (*demo_cmd) {
      sf::mesh::DemoOptions opt;
      opt.nx = opt.ny = demo_size;
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
      write_demo_network(catchment, opt, demo_dir);
      std::cout << std::fixed << std::setprecision(2) << "outlet: " << catchment.outlet.side
                << " edge, from " << catchment.outlet.from << " to " << catchment.outlet.to
                << " m\n";
      return 0;
    }
    if (*ovf_cmd) return sf::app::overflows_command(ovf, std::cout, std::cerr);
    if (*cap_cmd) return sf::app::capacity_command(cap, std::cout, std::cerr);
    if (*scn_cmd) return sf::app::scenarios_command(scn, std::cout, std::cerr);
    if (*mn_cmd) return sf::app::make_nowcast_command(mn, std::cout, std::cerr);
    if (*ms_cmd) return sf::app::make_sensors_command(ms, std::cout, std::cerr);
    if (*obs_cmd) {
      if (!parse_sets(obs_sets, obs.run.set)) return 1;
      return sf::app::observations_command(obs, std::cout, std::cerr);
    }
    if (*fc_cmd) {
      if (!parse_sets(fc_sets, fc.run.set)) return 1;
      if (!fc.land_use.empty() && fc.road_classes.empty()) {
        std::cerr << "error: --land-use needs --road-classes V1,V2,... (the land-use values of "
                     "roads)\n";
        return 1;
      }
      if (fc.correct_state && fc.observations.empty()) {
        std::cerr << "error: --correct-state needs --observations FILE_OR_DIR\n";
        return 1;
      }
      if (!watch.inbox.empty()) {
        if (!fc.state.empty() || !fc.rain.empty()) {
          std::cerr << "error: --watch takes the state and the rain from the loop; leave out "
                       "--state and --rain\n";
          return 1;
        }
        watch.forecast = fc;
        watch.root = fc.output_dir;
        return sf::app::watch_command(watch, std::cout, std::cerr);
      }
      if (fc.state.empty() || fc.rain.empty()) {
        std::cerr << "error: forecast needs --state CHECKPOINT and --rain NOWCAST (or --watch "
                     "INBOX)\n";
        return 1;
      }
      return sf::app::forecast_command(fc, std::cout, std::cerr);
    }
    if (*wl_cmd) return sf::app::waterlogging_command(wl, std::cout, std::cerr);
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
