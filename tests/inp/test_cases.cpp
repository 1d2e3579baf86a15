// Reads the 15 real SWMM networks in ../shared/swmm/cases and checks element counts against
// SWMM's own (reference/<case>/summary.json) and a few values converted by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "inp/reader.hpp"

namespace fs = std::filesystem;
using namespace sf::inp;

namespace {

const fs::path kSwmm = fs::path(SPONGEFLOW_SHARED_DIR) / "swmm";

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The integers of summary.json's "element_counts" object (a flat object of ints).
std::map<std::string, int> element_counts(const fs::path& summary) {
  const std::string text = slurp(summary);
  std::map<std::string, int> counts;
  auto pos = text.find("\"element_counts\"");
  if (pos == std::string::npos) return counts;
  auto open = text.find('{', pos), close = text.find('}', pos);
  const std::string body = text.substr(open + 1, close - open - 1);
  std::regex kv("\"([a-z_]+)\"\\s*:\\s*(-?[0-9]+)");
  for (std::sregex_iterator it(body.begin(), body.end(), kv), end; it != end; ++it)
    counts[(*it)[1]] = std::stoi((*it)[2]);
  return counts;
}

Model read_case(const std::string& name, std::vector<std::string>* warnings = nullptr) {
  return read_inp_file((kSwmm / "cases" / (name + ".inp")).string(), warnings);
}

#define SKIP_WITHOUT_CASES()                                                      \
  if (!fs::exists(kSwmm / "cases"))                                               \
  GTEST_SKIP() << "shared SWMM cases not found at " << (kSwmm / "cases").string() \
               << " (set -DSPONGEFLOW_SHARED_DIR to the folder holding swmm/)"

constexpr double ft = 0.3048;

}  // namespace

TEST(InpCases, EveryCaseReadsAndMatchesSwmmElementCounts) {
  SKIP_WITHOUT_CASES();
  int n = 0;
  for (const auto& entry : fs::directory_iterator(kSwmm / "cases")) {
    if (entry.path().extension() != ".inp") continue;
    const std::string name = entry.path().stem().string();
    SCOPED_TRACE(name);
    std::vector<std::string> warnings;
    Model m;
    try {
      m = read_inp_file(entry.path().string(), &warnings);
    } catch (const sf::InputError& e) {
      ADD_FAILURE() << e.what();
      continue;
    }
    ++n;
    auto c = element_counts(kSwmm / "reference" / name / "summary.json");
    ASSERT_FALSE(c.empty());
    auto count_nodes = [&](NodeType t) {
      int k = 0;
      for (const auto& node : m.nodes) k += node.type == t;
      return k;
    };
    EXPECT_EQ(count_nodes(NodeType::Junction), c["junctions"]);
    EXPECT_EQ(static_cast<int>(m.outfalls.size()), c["outfalls"]);
    EXPECT_EQ(static_cast<int>(m.storages.size()), c["storage_units"]);
    EXPECT_EQ(static_cast<int>(m.dividers.size()), c["dividers"]);
    EXPECT_EQ(static_cast<int>(m.conduits.size()), c["conduits"]);
    EXPECT_EQ(static_cast<int>(m.pumps.size()), c["pumps"]);
    EXPECT_EQ(static_cast<int>(m.orifices.size()), c["orifices"]);
    EXPECT_EQ(static_cast<int>(m.weirs.size()), c["weirs"]);
    EXPECT_EQ(static_cast<int>(m.outlets.size()), c["outlets"]);
    EXPECT_EQ(static_cast<int>(m.transects.size()), c["transects"]);
    EXPECT_EQ(static_cast<int>(m.rules.size()), c["control_rules"]);
    EXPECT_EQ(static_cast<int>(m.inflows.size()), c["external_inflows"]);
    EXPECT_EQ(static_cast<int>(m.dry_weather_inflows.size()), c["dry_weather_inflows"]);
    EXPECT_EQ(static_cast<int>(m.subcatchments.size()), c["subcatchments"]);
    // Every link is resolved to real nodes.
    for (const auto& l : m.links) {
      EXPECT_GE(l.node1, 0);
      EXPECT_GE(l.node2, 0);
    }
  }
  EXPECT_EQ(n, 15);
}

TEST(InpCases, OptionsMatchWhatSwmmUsed) {
  SKIP_WITHOUT_CASES();
  Model m = read_case("outlet_gated_orifice_pumps");
  const Options& o = m.options;
  EXPECT_EQ(o.flow_units, FlowUnits::CFS);
  EXPECT_EQ(o.routing, RoutingModel::DynWave);
  EXPECT_DOUBLE_EQ(o.routing_step_s, 20.0);
  EXPECT_DOUBLE_EQ(o.variable_step, 0.5);
  EXPECT_EQ(o.max_trials, 0);
  EXPECT_EQ(o.effective_max_trials, 8);  // summary.json options.max_trials
  EXPECT_NEAR(o.effective_head_tolerance_m, 0.005 * ft, 1e-12);
  EXPECT_EQ(o.duration_s, 21600);
  EXPECT_DOUBLE_EQ(o.report_step_s, 60.0);
  EXPECT_NEAR(o.min_surfarea_m2, 12.566 * ft * ft, 1e-9);
  EXPECT_EQ(o.inertial_damping, InertialDamping::None);
  EXPECT_EQ(o.normal_flow_limited, NormalFlowLimited::Slope);
  EXPECT_DOUBLE_EQ(o.sys_flow_tol, 0.05);
}

TEST(InpCases, SwmmDurationCanBeOneSecondShort) {
  SKIP_WITHOUT_CASES();
  // README: SWMM's floor((end-start)*86400) loses a second for these cases.
  for (const char* name : {"extran_mixed_shapes_dwf", "storage_tabular_orifice_cms"}) {
    Model m = read_case(name);
    EXPECT_EQ(m.options.swmm_duration_s, m.options.duration_s - 1) << name;
  }
  Model m = read_case("outlet_gated_orifice_pumps");
  EXPECT_EQ(m.options.swmm_duration_s, m.options.duration_s);
}

TEST(InpCases, ConvertedValuesByHand) {
  SKIP_WITHOUT_CASES();
  Model m = read_case("outlet_gated_orifice_pumps");
  // [JUNCTIONS] 10309  101.60  9.40
  const Node& j = m.nodes[m.find_node("10309")];
  EXPECT_NEAR(j.invert_elev, 101.60 * ft, 1e-9);
  EXPECT_NEAR(j.max_depth, 9.40 * ft, 1e-9);
  EXPECT_EQ(j.type, NodeType::Junction);
  // [CONDUITS] 8040  80408  80608  1800.0  0.015
  const Link& l = m.links[m.find_link("8040")];
  EXPECT_EQ(l.type, LinkType::Conduit);
  EXPECT_EQ(l.node1, m.find_node("80408"));
  EXPECT_NEAR(m.conduits[l.detail].length, 1800.0 * ft, 1e-9);
  EXPECT_DOUBLE_EQ(m.conduits[l.detail].roughness, 0.015);
  // [CURVES] PUMPCURVEforPUMP1@82309e-15009e PUMP2 8.0 5.0 : depth ft -> m, flow cfs -> m³/s
  const Curve& c = m.curves[m.find_curve("PUMPCURVEforPUMP1@82309e-15009e")];
  EXPECT_EQ(c.type, CurveType::Pump2);
  ASSERT_EQ(c.x.size(), 3u);
  EXPECT_NEAR(c.x[0], 8.0 * ft, 1e-12);
  EXPECT_NEAR(c.y[0], 5.0 * ft * ft * ft, 1e-12);
  EXPECT_NEAR(c.x[2], 42.7 * ft, 1e-12);
  // IDs are case-insensitive, as in SWMM.
  EXPECT_EQ(m.find_node("10309A"), m.find_node("10309a"));
}

TEST(InpCases, SiCaseKeepsMetres) {
  SKIP_WITHOUT_CASES();
  Model m = read_case("storage_tabular_orifice_cms");
  EXPECT_EQ(m.options.unit_system, UnitSystem::SI);
  ASSERT_EQ(m.storages.size(), 1u);
  const Storage& s = m.storages[0];
  EXPECT_EQ(s.shape, StorageShape::Tabular);
  ASSERT_GE(s.area_curve, 0);
  const Curve& c = m.curves[s.area_curve];
  EXPECT_EQ(c.type, CurveType::Storage);
  ASSERT_GE(c.x.size(), 3u);
  EXPECT_DOUBLE_EQ(c.x[1], 0.2);  // Curve1 .2 246 : already metres and m²
  EXPECT_DOUBLE_EQ(c.y[1], 246.0);
  EXPECT_DOUBLE_EQ(m.nodes[s.node].init_depth, 0.5);
  EXPECT_DOUBLE_EQ(m.options.routing_step_s, 300.0);
}

TEST(InpCases, ControlRulesAreStructured) {
  SKIP_WITHOUT_CASES();
  Model m = read_case("pumps_type3_staged_rules");
  ASSERT_EQ(m.rules.size(), 10u);
  for (const auto& r : m.rules) {
    ASSERT_FALSE(r.premises.empty());
    EXPECT_EQ(r.premises[0].lhs.object, RuleObject::Node);
    EXPECT_EQ(r.premises[0].lhs.attribute, RuleAttribute::Depth);
    ASSERT_FALSE(r.then_actions.empty());
    EXPECT_EQ(r.then_actions[0].object, RuleObject::Pump);
    EXPECT_GE(r.then_actions[0].link, 0);
  }
  for (const auto& p : m.pumps) EXPECT_EQ(p.kind, PumpCurveKind::Type3);
}

TEST(InpCases, SubcatchmentsAreReadInSi) {
  SKIP_WITHOUT_CASES();
  std::vector<std::string> warnings;
  Model m = read_case("subcatch_user1_cms", &warnings);
  for (const auto& w : warnings) EXPECT_EQ(w.find("[SUBCATCHMENTS]"), std::string::npos) << w;
  ASSERT_EQ(m.gages.size(), 1u);
  EXPECT_EQ(m.gages[0].format, RainFormat::Volume);
  EXPECT_DOUBLE_EQ(m.gages[0].interval_s, 300.0);  // 0.08333 h rounded to whole seconds
  ASSERT_EQ(m.subcatchments.size(), 58u);
  const Subcatchment& s = m.subcatchments[0];  // c3y51 GAGE1 03y51 0.76 70.0 54.3 34.3 0
  EXPECT_EQ(s.id, "c3y51");
  EXPECT_EQ(m.nodes[s.outlet_node].id, "03y51");
  EXPECT_DOUBLE_EQ(s.area, 0.76e4);  // hectares
  EXPECT_DOUBLE_EQ(s.frac_imperv, 0.70);
  EXPECT_DOUBLE_EQ(s.slope, 0.343);
  EXPECT_DOUBLE_EQ(s.s_imperv, 0.05e-3);  // mm
  EXPECT_DOUBLE_EQ(s.frac_zero, 0.25);
  EXPECT_EQ(s.infiltration.model, InfiltrationModel::Horton);
  EXPECT_DOUBLE_EQ(s.infiltration.f0, 50.0e-3 / 3600.0);  // mm/hr
  EXPECT_DOUBLE_EQ(s.infiltration.decay, 2.016 / 3600.0);
  EXPECT_DOUBLE_EQ(s.infiltration.dry_time_s, 0.04134 * 86400.0);
}
