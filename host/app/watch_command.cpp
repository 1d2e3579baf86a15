#include "app/watch_command.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <set>
#include <thread>
#include <vector>

#include "app/run_interrupt.hpp"
#include "common/input_error.hpp"
#include "io/netcdf/checkpoint_file.hpp"

namespace sf::app {
namespace {

namespace fs = std::filesystem;

/// Complete nowcasts in the inbox not looked at yet, by name. Writers rename a finished file in,
/// so a name ending in .nc is complete; hidden names and .part/.tmp files are still arriving.
std::vector<fs::path> new_nowcasts(const fs::path& inbox, const std::set<std::string>& seen) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(inbox)) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name.empty() || name[0] == '.' || e.path().extension() != ".nc" ||
        seen.count(name))
      continue;
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// Cycle folders NNNN-NAME in ROOT/cycles, oldest first.
std::vector<fs::path> cycle_folders(const fs::path& cycles) {
  std::vector<fs::path> out;
  if (!fs::exists(cycles)) return out;
  for (const fs::directory_entry& e : fs::directory_iterator(cycles))
    if (e.is_directory() && e.path().filename().string().size() > 5) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

int next_cycle_number(const fs::path& cycles) {
  int n = 0;
  for (const fs::path& p : cycle_folders(cycles)) n = std::max(n, std::atoi(p.filename().c_str()));
  return n + 1;
}

/// ROOT/latest -> cycles/NAME, replaced atomically (a new link renamed over the old one).
void point_latest(const fs::path& root, const fs::path& cycle) {
  const fs::path tmp = root / ".latest.tmp";
  std::error_code ec;
  fs::remove(tmp, ec);
  fs::create_directory_symlink(fs::path("cycles") / cycle.filename(), tmp);
  fs::rename(tmp, root / "latest");
}

void prune(const fs::path& cycles, int keep, std::ostream& out) {
  std::vector<fs::path> all = cycle_folders(cycles);
  for (std::size_t k = 0; k + std::size_t(keep) < all.size(); ++k) {
    fs::remove_all(all[k]);
    out << "watch: removed old cycle " << all[k].filename().string() << "\n";
  }
}

struct Watch {
  const WatchOptions& o;
  const config::CaseConfig& cfg;
  Backend backend;
  Precision precision;
  std::uint64_t case_hash;
  fs::path root, analysis, checkpoint, cycles;
  std::ostream& out;
  std::ostream& err;

  double analysis_time() const {
    return fs::exists(checkpoint) ? io::read_checkpoint(checkpoint.string()).header.time_s : 0.0;
  }

  /// One cycle; 0 when a forecast was made, else the status of what refused it.
  int cycle(const fs::path& nowcast) {
    const double t_state = analysis_time();
    const double t_issue = nowcast_issue_time(cfg, nowcast.string());
    if (!(t_issue > t_state + 1e-6))
      throw InputError(InputIssue{nowcast.string(), 0, "", "",
                                  "issued at t = " + std::to_string(t_issue) +
                                      " s, not after the analysis state at t = " +
                                      std::to_string(t_state) + " s: a late or repeated nowcast"});

    // Analysis: carry the state on to the issue time with the observed frames.
    config::CaseConfig a = with_nowcast_rain(cfg, nowcast.string(), 0);
    a.duration = t_issue;
    CheckpointOptions ck;
    ck.interval_s = t_issue;  // one checkpoint, at the end
    ck.case_text_hash = case_hash;
    if (fs::exists(checkpoint)) ck.restart_file = checkpoint.string();
    io::RunReport report;
    out << "watch: analysis " << t_state << " -> " << t_issue << " s with the observed frames of "
        << nowcast.filename().string() << "\n";
    if (const int rc =
            execute_case(a, backend, precision, analysis.string(), true, out, err, report, ck))
      return rc;

    // Forecast from the new state.
    char name[32];
    std::snprintf(name, sizeof name, "%04d-", next_cycle_number(cycles));
    const fs::path dir = cycles / (name + nowcast.stem().string());
    ForecastOptions f = o.forecast;
    f.state = checkpoint.string();
    f.rain = nowcast.string();
    f.output_dir = dir.string();
    f.observations_warn_only = true;  // a bad sensor file must not stop the forecasts
    if (const int rc = forecast_command(f, out, err)) {
      std::error_code ec;
      fs::remove_all(dir, ec);
      return rc;
    }
    point_latest(root, dir);
    prune(cycles, o.keep, out);
    out << "watch: cycle " << dir.filename().string() << " done; latest -> "
        << (fs::path("cycles") / dir.filename()).string() << "\n";
    return 0;
  }
};

}  // namespace

int watch_command(const WatchOptions& o, std::ostream& out, std::ostream& err) {
  config::CaseConfig cfg;
  Backend backend;
  Precision precision;
  if (const int rc = prepare_case(o.forecast.run, cfg, backend, precision, err)) return rc;
  std::uint64_t hash = 0;
  try {
    hash = case_text_fingerprint(o.forecast.run.case_file, o.forecast.run.set);
  } catch (const InputError& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  }
  std::error_code ec;
  if (!fs::is_directory(o.inbox, ec)) {
    err << "error: " << o.inbox
        << ": --watch: no such folder; expected the folder nowcasts arrive in\n";
    return 1;
  }
  const fs::path root(o.root);
  Watch w{o,
          cfg,
          backend,
          precision,
          hash,
          root,
          root / "analysis",
          root / "analysis" / "checkpoint.nc",
          root / "cycles",
          out,
          err};
  fs::create_directories(w.cycles);
  std::set<std::string> seen;
  int done = 0;
  // Between runs a SIGINT or SIGTERM is recorded here and ends the loop at the next look; during
  // a run, the run stops at its next step and its exit status ends the loop.
  InterruptRequests interrupts;
  auto stopped = [&](const std::string& where) {
    err << "watch: stopped by a signal " << where << "; the next start goes on from "
        << w.checkpoint.string() << "\n";
    return 128 + interrupts.requested();
  };
  out << "watch: waiting for nowcasts in " << o.inbox << " (every " << o.poll_s << " s)\n";
  while (o.cycles == 0 || done < o.cycles) {
    if (interrupts.requested()) return stopped("while waiting");
    const std::vector<fs::path> files = new_nowcasts(o.inbox, seen);
    if (files.empty()) {
      std::this_thread::sleep_for(std::chrono::duration<double>(o.poll_s));
      continue;
    }
    for (const fs::path& f : files) {
      if (interrupts.requested()) return stopped("between cycles");
      seen.insert(f.filename().string());
      int rc = 0;
      try {
        rc = w.cycle(f);
      } catch (const InputError& e) {
        err << "error: " << e.what() << "\n";
        rc = 1;
      } catch (const std::exception& e) {
        err << "error: " << f.string() << ": " << e.what() << "\n";
        rc = 2;
      }
      if (rc >= 128) {  // SIGINT or SIGTERM stopped the run: the loop stops too
        stopped("during the cycle of " + f.filename().string());
        return rc;
      }
      if (rc != 0) {
        err << "watch: refused " << f.filename().string()
            << "; the previous forecast stays in place (latest)\n";
        continue;
      }
      if (++done == o.cycles) break;
    }
  }
  return 0;
}

}  // namespace sf::app
