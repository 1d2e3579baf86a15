// Regression against EPA SWMM 5.2.4 reference results (../shared/swmm): every case is routed
// in-process and compared with reference/<case>/summary.json. Tolerances: peak link flow 2 %
// (or 1 L/s), max node depth 2 cm, flood volume 5 %, continuity error below 1 %. Cases that do
// not match are listed in kKnownFailures with the measured deviation and the reason; the test
// fails if a listed case starts passing or an unlisted case fails. A markdown table of the
// deviations is written to <build>/swmm_validation.md (copied into docs/validation/swmm.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "inp/reader.hpp"
#include "network/network_engine.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct KnownFailure {
  const char* reason;
};

// Cases that do not (yet) match SWMM within the tolerances, with why. Measured deviations are
// in docs/validation/swmm.md.
const std::map<std::string, KnownFailure> kKnownFailures = {
    {"subcatch_user1_cms",
     {"runoff matches SWMM (runoff continuity table to its printed digits, every node's peak "
      "runoff inflow within 0.001 m3/s, link peaks within 0.8 %, flooding within 0.8 %); three "
      "nodes' surcharge-onset spikes differ by more than 2 cm: 03y46 6.0 cm low, 03y43 3.3 cm and "
      "02y43 2.0 cm high. These spikes are chaotic in SWMM itself (its Picard iteration diverges "
      "at the crown until MAX_TRIALS): with inputs within 0.1 % SWMM's own peaks move by up to "
      "37 cm (05y41) and 19 of 21 SWMM runs put a node beyond 2 cm of its reference; every "
      "node's ensemble mean agrees with SWMM's (test_swmm_ensemble)"}},
    {"outlet_gated_orifice_pumps",
     {"PUMP1 is driven by a PID control rule: its peak flow is 17 % off SWMM's run (0.438 "
      "against 0.375 m3/s) and the max depth 14.1 cm off at 80608e, both within SWMM's own "
      "spread over inputs within 0.1 % (PUMP1 0.369-0.541 m3/s, 80608e 0.71-3.07 m); orifice "
      "OR1@82309d-82308d, 66 % off before the exact circle's normal depth at small flows, is "
      "within 2.4 % (0.470 against 0.459 m3/s); every element's ensemble mean agrees with "
      "SWMM's (test_swmm_ensemble)"}},
    {"pump_type1_wetwell",
     {"conduit 8061's peak flow (into the TYPE1 wet well) is 7.1 % off SWMM's run (1.941 against "
      "2.088 m3/s), at the low end of SWMM's own spread over inputs within 0.1 % (1.94-2.15 "
      "m3/s; ensemble means agree, test_swmm_ensemble); 2.9 % before the wet well's crown and "
      "the circles' normal depth above full flow followed SWMM, 0.7 % before SWMM's enumerated "
      "critical depth"}},
    {"pump_ideal_wetwell_dwf",
     {"SWMM's own continuity error here is 1.92 %, ours 1.92 %, so the 1 % continuity criterion "
      "cannot hold; depths within 1.7 cm (Q-1) and flows within 2.5 % (the wet well R-1, 12.6 cm "
      "off with linear table lookup, is within 1.7 cm with SWMM's quadratic one)"}},
};

struct CaseResult {
  std::string name;
  bool ran = false;
  std::string error;
  double flow_dev_pct = 0.0;  // worst relative deviation of a peak link flow beyond 1 L/s
  std::string flow_worst;
  double depth_dev_cm = 0.0;
  std::string depth_worst;
  double flood_dev_pct = 0.0;
  std::string flood_worst;
  double cont_ours = 0.0, cont_swmm = 0.0;
  bool pass = false;
  double wall_s = 0.0;
  int steps = 0;
};

// A member of a reference object, or null when the object or the member is absent.
const json& member(const json& obj, const char* key) {
  static const json null;
  if (!obj.is_object()) return null;
  const auto it = obj.find(key);
  return it == obj.end() ? null : *it;
}

// A reference number; fallback where the reference has null (not applicable) or nothing.
double number_or(const json& v, double fallback) {
  return v.is_number() ? v.get<double>() : fallback;
}

CaseResult run_case(const fs::path& inp, const fs::path& summary) {
  CaseResult r;
  r.name = inp.stem().string();
  const json ref = json::parse(std::ifstream(summary));
  const bool si = member(member(ref, "options"), "unit_system") == "SI";
  const double len = si ? 1.0 : 0.3048;
  const double flow = si ? 1.0 : 0.028316846592;
  const double vol_large = si ? 1000.0 : 3785.411784;  // 10^6 ltr or 10^6 gal in m³
  r.cont_swmm =
      number_or(member(member(ref, "flow_routing_continuity"), "continuity_error_pct"), 0.0);
  try {
    const auto t0 = std::chrono::steady_clock::now();
    sf::inp::Model model = sf::inp::read_inp_file(inp.string());
    sf::network::NetworkEngine eng(model, "cpu");
    eng.start();
    while (eng.step()) {
    }
    eng.finish();
    r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const sf::network::NetworkStatistics st = eng.statistics();
    r.steps = st.steps;
    r.cont_ours = eng.mass_balance().continuity_error_pct();
    r.ran = true;
    bool ok = true;
    for (const auto& [id, lk] : member(ref, "links").items()) {
      const int j = eng.link_index(id);
      if (j < 0) {  // the reference names a link the model does not have: a broken case
        ADD_FAILURE() << r.name << ": reference link " << id << " is not in the model";
        ok = false;
        continue;
      }
      const double q_ref = number_or(member(lk, "max_abs_flow"), 0.0) * flow;
      const double q = st.link_max_flow[j];
      const double diff = std::fabs(q - q_ref);
      const double pct = q_ref > 0.0 ? 100.0 * diff / q_ref : (diff > 0.001 ? 100.0 : 0.0);
      const bool fine = diff <= std::max(0.02 * q_ref, 0.001);
      if (!fine && pct > r.flow_dev_pct) {
        r.flow_dev_pct = pct;
        r.flow_worst = id;
      }
      if (fine && pct > r.flow_dev_pct && r.flow_worst.empty()) r.flow_dev_pct = pct;
      ok = ok && fine;
    }
    for (const auto& [id, nd] : member(ref, "nodes").items()) {
      const int i = eng.node_index(id);
      if (i < 0) {
        ADD_FAILURE() << r.name << ": reference node " << id << " is not in the model";
        ok = false;
        continue;
      }
      const double d_ref = number_or(member(nd, "max_depth"), 0.0) * len;
      const double dcm = 100.0 * std::fabs(st.node_max_depth[i] - d_ref);
      if (dcm > r.depth_dev_cm) {
        r.depth_dev_cm = dcm;
        r.depth_worst = id;
      }
      ok = ok && dcm <= 2.0;
      const double f_ref = number_or(member(nd, "flood_volume"), 0.0) * vol_large;
      const double f = st.node_flood_volume[i];
      const double fdiff = std::fabs(f - f_ref);
      // reference volumes are printed to 0.001 x 10^6 units: half a unit is within rounding
      const double floor_abs = 0.0005 * vol_large;
      const double fpct = f_ref > 0.0 ? 100.0 * fdiff / f_ref : (fdiff > floor_abs ? 100.0 : 0.0);
      if (fdiff > floor_abs && fpct > r.flood_dev_pct) {
        r.flood_dev_pct = fpct;
        r.flood_worst = id;
      }
      ok = ok && (fdiff <= std::max(0.05 * f_ref, floor_abs));
    }
    ok = ok && std::fabs(r.cont_ours) < 1.0;
    r.pass = ok;
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  return r;
}

std::string fmt(double v, int prec) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(prec);
  s << v;
  return s.str();
}

TEST(SwmmRegression, AllSharedCasesMatchReference) {
  const fs::path root = fs::path(SPONGEFLOW_SHARED_DIR) / "swmm";
  if (!fs::exists(root / "cases"))
    GTEST_SKIP() << "shared SWMM cases not found at " << root << " (../shared/swmm is optional)";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(root / "cases"))
    if (e.path().extension() == ".inp") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  std::ostringstream md;
  md << "| case | peak flow max dev (%) | max depth max dev (cm) | flood volume max dev (%) | "
        "continuity ours / SWMM (%) | result | note |\n|---|---|---|---|---|---|---|\n";
  for (const fs::path& inp : cases) {
    const std::string name = inp.stem().string();
    const char* only = std::getenv("SF_SWMM_CASE");  // run one case while investigating
    if (only && name != only) continue;
    const fs::path summary = root / "reference" / name / "summary.json";
    if (!fs::exists(summary)) continue;
    const CaseResult r = run_case(inp, summary);
    const auto known = kKnownFailures.find(name);
    const bool listed = known != kKnownFailures.end();
    std::string note = listed ? known->second.reason : "";
    if (!r.error.empty()) note = "error: " + r.error;
    md << "| `" << name << "` | " << fmt(r.flow_dev_pct, 1)
       << (r.flow_worst.empty() ? "" : " (" + r.flow_worst + ")") << " | " << fmt(r.depth_dev_cm, 1)
       << (r.depth_worst.empty() ? "" : " (" + r.depth_worst + ")") << " | "
       << fmt(r.flood_dev_pct, 1) << (r.flood_worst.empty() ? "" : " (" + r.flood_worst + ")")
       << " | " << fmt(r.cont_ours, 3) << " / " << fmt(r.cont_swmm, 3) << " | "
       << (r.pass ? "pass" : "FAIL") << " | " << note << " |\n";
    std::printf(
        "%-32s %s flow %.1f%% (%s) depth %.1f cm (%s) flood %.1f%% (%s) cont %.3f/%.3f "
        "%.2fs %d steps %s\n",
        name.c_str(), r.pass ? "pass" : "FAIL", r.flow_dev_pct, r.flow_worst.c_str(),
        r.depth_dev_cm, r.depth_worst.c_str(), r.flood_dev_pct, r.flood_worst.c_str(), r.cont_ours,
        r.cont_swmm, r.wall_s, r.steps, r.error.c_str());
    if (listed) {
      EXPECT_FALSE(r.pass) << name
                           << " is in kKnownFailures but now passes: remove it from the list";
    } else {
      EXPECT_TRUE(r.pass) << name << " no longer matches SWMM (flow " << r.flow_dev_pct
                          << " %, depth " << r.depth_dev_cm << " cm, flood " << r.flood_dev_pct
                          << " %, continuity " << r.cont_ours << " %) " << r.error;
    }
  }
  std::ofstream(fs::path(SPONGEFLOW_BINARY_DIR) / "swmm_validation.md") << md.str();
}

}  // namespace
