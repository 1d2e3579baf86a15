// Pollutant routing on small networks written inline: a storage tank in steady flow is a
// continuously stirred reactor with decay whose concentration has a closed form; a checkpoint
// taken mid-run continues to the same loads; malformed [POLLUTANTS] lines and sections that would
// change the loads are refused with the line and field named.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "common/input_error.hpp"
#include "common/state_record.hpp"
#include "inp/reader.hpp"
#include "network/network_engine.hpp"
#include "routing/quality_kernels.hpp"

namespace {

using namespace sf;

// A 1000 m² tank held at 1 m by an outlet Q = 0.1 sqrt(h) that passes the constant inflow of
// 0.1 m³/s: volume V = 1000 m³, flow Q = 0.1 m³/s, inflow concentration 100 mg/L.
std::string tank_model(const std::string& pollutant_line) {
  return "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
         "START_TIME 00:00\nEND_DATE 01/02/2020\nEND_TIME 00:00\nROUTING_STEP 5\n"
         "VARIABLE_STEP 0\nREPORT_STEP 01:00\n"
         "[POLLUTANTS]\n" +
         pollutant_line +
         "\n[STORAGE]\nTANK 10.0 3.0 1.0 FUNCTIONAL 0 0 1000 0 0\n"
         "[OUTFALLS]\nO1 5.0 FREE NO\n"
         "[OUTLETS]\nOUT1 TANK O1 0 FUNCTIONAL/DEPTH 0.1 0.5 NO\n"
         "[INFLOWS]\nTANK FLOW \"\" FLOW 1.0 1.0 0.1\nTANK COD \"\" CONCEN 1.0 1.0 100\n";
}

TEST(QualityRouting, SteadyTankFollowsTheStirredReactorClosedForm) {
  const double k_per_day = 2.0;
  const inp::Model m = inp::read_inp_text(
      tank_model("COD MG/L 0 0 0 " + std::to_string(k_per_day) + " NO * 0 0 0"), "tank.inp");
  network::NetworkEngine eng(m);
  eng.start();
  const double q = 0.1, v = 1000.0, c_in = 100.0, k = k_per_day / 86400.0;
  // dC/dt = Q/V (Cin - C) - k C, C(0) = 0
  const double c_steady = q * c_in / (q + k * v), rate = q / v + k;
  const int tank = eng.node_index("TANK");
  for (double hours : {2.0, 6.0, 12.0, 24.0}) {
    eng.step_until(hours * 3600.0);
    const double exact = c_steady * (1.0 - std::exp(-rate * hours * 3600.0));
    EXPECT_NEAR(eng.node_volume(tank), v, 1e-6 * v);
    EXPECT_NEAR(eng.node_concentration(tank, 0), exact, 0.002 * exact) << hours << " h";
  }
  eng.finish();
  // the load out equals the inflow minus the decay and the mass left in the tank
  const network::QualityBalance b = eng.quality_balance().at(0);
  // the ledger books each step's rates half over it and half over the next, as SWMM's does, so
  // the first half step (2.5 s) of the inflow is not booked
  EXPECT_NEAR(b.external_inflow, q * c_in * (86400.0 - 2.5) * 1e-3, 1e-9 * b.external_inflow);
  EXPECT_GT(b.reacted, 0.0);
  EXPECT_LT(std::abs(b.continuity_error_pct()), 0.01);
  EXPECT_NEAR(eng.outfall_loads()[static_cast<size_t>(eng.node_index("O1"))], b.outflow,
              1e-3 * b.outflow);
}

TEST(QualityRouting, ReactorFunctionsMatchHandValues) {
  // 1 m³ at 10 mg/L, decay 0.1/s over 1 s -> 9 mg/L; mixed with 1 m³/s at 20 mg/L over 1 s
  const double c1 = network::decayed_concentration(10.0, 0.1, 1.0);
  EXPECT_DOUBLE_EQ(c1, 9.0);
  EXPECT_DOUBLE_EQ(network::mixed_concentration(c1, 1.0, 20.0, 1.0, 1.0), 14.5);
  // no inflow: unchanged; a decay past zero stops at zero
  EXPECT_DOUBLE_EQ(network::mixed_concentration(7.0, 1.0, 0.0, 0.0, 1.0), 7.0);
  EXPECT_DOUBLE_EQ(network::decayed_concentration(10.0, 2.0, 1.0), 0.0);
}

TEST(QualityRouting, CheckpointContinuesToTheSameLoads) {
  const inp::Model m = inp::read_inp_text(tank_model("COD MG/L 0 0 0 2 NO * 0 0 5"), "tank.inp");
  network::NetworkEngine whole(m);
  whole.start();
  while (whole.step()) {
  }
  network::NetworkEngine first(m), second(m);
  first.start();
  first.step_until(7.0 * 3600.0);
  StateRecord record;
  first.save_state(record);
  second.start();
  second.load_state(record);
  while (second.step()) {
  }
  whole.finish();
  second.finish();
  EXPECT_EQ(second.outfall_loads(), whole.outfall_loads());
  EXPECT_EQ(second.quality_balance().at(0).continuity_error_pct(),
            whole.quality_balance().at(0).continuity_error_pct());
}

TEST(QualityRouting, IgnoreQualityRoutesNoPollutant) {
  std::string text = tank_model("COD MG/L 0 0 0 2 NO * 0 0 0");
  text.insert(text.find("ROUTING_STEP"), "IGNORE_QUALITY YES\n");
  const inp::Model m = inp::read_inp_text(text, "tank.inp");
  network::NetworkEngine eng(m);
  eng.start();
  eng.step();
  EXPECT_EQ(eng.pollutant_count(), 0);
  EXPECT_TRUE(eng.quality_balance().empty());
}

TEST(QualityInput, ConcentrationInflowWithoutFlowIsWarnedAbout) {
  std::string text = tank_model("COD MG/L 0 0 0 0");
  text.replace(text.find("TANK FLOW"), 9, "O1 FLOW");  // the flow now enters elsewhere
  std::vector<std::string> warnings;
  inp::read_inp_text(text, "tank.inp", &warnings);
  bool found = false;
  for (const auto& w : warnings)
    found = found || w.find("CONCEN inflow of COD adds no load") != std::string::npos;
  EXPECT_TRUE(found);
}

std::string first_error(const std::string& text) {
  try {
    inp::read_inp_text(text, "bad.inp");
  } catch (const InputError& e) {
    return e.issues().empty() ? "" : e.what();
  }
  return "";
}

TEST(QualityInput, MalformedPollutantLinesAreRefusedNamingTheField) {
  EXPECT_NE(first_error(tank_model("COD MG/M3 0 0 0 0")).find("concentration units"),
            std::string::npos);
  EXPECT_NE(first_error(tank_model("COD MG/L -1 0 0 0")).find("Crain"), std::string::npos);
  EXPECT_NE(first_error(tank_model("COD MG/L 0 0 0 x")).find("Kdecay"), std::string::npos);
  EXPECT_NE(first_error(tank_model("COD MG/L 0 0")).find("expected at least 6"), std::string::npos);
  EXPECT_NE(first_error(tank_model("COD MG/L 0 0 0 0 NO TSS 0.1")).find("co-pollutant \"TSS\""),
            std::string::npos);
  EXPECT_NE(first_error(tank_model("COD MG/L 0 0 0 0 NO * 0 -5")).find("Cdwf"), std::string::npos);
  const std::string msg = first_error(tank_model("COD MG/L 0 0 0 0 MAYBE"));
  EXPECT_NE(msg.find("SnowOnly"), std::string::npos) << msg;
  EXPECT_NE(msg.find("bad.inp:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("[POLLUTANTS]"), std::string::npos) << msg;
}

TEST(QualityInput, TreatmentThatWouldChangeTheLoadsIsRefused) {
  const std::string msg =
      first_error(tank_model("COD MG/L 0 0 0 0") + "[TREATMENT]\nTANK COD R = 0.5 * R_COD\n");
  EXPECT_NE(msg.find("[TREATMENT]"), std::string::npos) << msg;
  EXPECT_NE(msg.find("not simulated"), std::string::npos) << msg;
}

TEST(QualityInput, RainConcentrationWithSubcatchmentsIsRefused) {
  const std::string text = tank_model("COD MG/L 12 0 0 0") +
                           "[RAINGAGES]\nG1 INTENSITY 0:15 1.0 TIMESERIES R1\n"
                           "[SUBCATCHMENTS]\nS1 G1 TANK 1 50 100 0.5 0\n"
                           "[SUBAREAS]\nS1 0.01 0.1 1 2 25 OUTLET\n"
                           "[INFILTRATION]\nS1 50 5 4 7 0\n"
                           "[TIMESERIES]\nR1 0:00 5\nR1 1:00 0\n";
  const std::string msg = first_error(text);
  EXPECT_NE(msg.find("Crain 12"), std::string::npos) << msg;
}

}  // namespace
