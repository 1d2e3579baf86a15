// Whole-engine checks on small networks written inline: steady uniform flow in one pipe
// against Manning, and the mass balance of a small network.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "common/backend_choice.hpp"
#include "common/input_error.hpp"
#include "inp/reader.hpp"
#include "network/forcing.hpp"
#include "network/network_engine.hpp"

// The engine keeps a reference to its model: building one from a temporary must not compile.
static_assert(!std::is_constructible_v<sf::network::NetworkEngine, sf::inp::Model&&>);
static_assert(std::is_constructible_v<sf::network::NetworkEngine, const sf::inp::Model&>);

namespace {

using namespace sf;

std::string single_pipe(double q_cms, int hours) {
  return std::string(
             "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
             "START_TIME 00:00\nEND_DATE 01/0") +
         std::to_string(1 + hours / 24) + "/2020\nEND_TIME " + std::to_string(hours % 24) +
         ":00\nROUTING_STEP 20\nREPORT_STEP 00:15\n"
         "[JUNCTIONS]\nJ1 10.0 3 0 0 0\nJ2 9.0 3 0 0 0\n[OUTFALLS]\nO1 8.0 FREE NO\n"
         "[CONDUITS]\nC1 J1 J2 1000 0.013 0 0 0 0\nC2 J2 O1 1000 0.013 0 0 0 0\n"
         "[XSECTIONS]\nC1 CIRCULAR 1.0 0 0 0 1\nC2 CIRCULAR 1.0 0 0 0 1\n"
         "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 " +
         std::to_string(q_cms) + "\n";
}

TEST(NetworkEngine, SteadyFlowInOnePipeMatchesManning) {
  const double q = 0.4;
  const inp::Model m = inp::read_inp_text(single_pipe(q, 12), "single_pipe.inp");
  network::NetworkEngine eng(m);
  eng.start();
  while (eng.step()) {
  }
  eng.finish();
  const int c1 = eng.link_index("C1");
  EXPECT_NEAR(eng.link_flow(c1), q, 0.002 * q);
  // mid-length depth of the first pipe is close to the normal depth of D = 1 m, S = 0.001,
  // n = 0.013: the upstream-weighted finite-difference momentum equation settles within 10 %
  // (0.563 m against 0.516 m, the same offset SWMM's scheme gives a short pipe)
  const network::NetworkData& net = eng.network();
  const double yn = pipe::normal_depth(net.xsect[c1], net.tables.view(), net.conduit[c1].beta, q);
  EXPECT_NEAR(eng.link_depth(c1), yn, 0.1 * yn);
  EXPECT_LT(std::fabs(eng.mass_balance().continuity_error_pct()), 1.0);
}

TEST(NetworkEngine, MassBalanceOfASmallNetworkCloses) {
  const inp::Model m = inp::read_inp_text(single_pipe(0.8, 12), "small.inp");
  network::NetworkEngine eng(m);
  eng.start();
  while (eng.step()) {
  }
  eng.finish();
  const network::MassBalance& mb = eng.mass_balance();
  EXPECT_NEAR(mb.external_inflow, 0.8 * 12 * 3600, 2.0);
  EXPECT_GT(mb.external_outflow, 0.0);
  // the filling of the empty pipes costs SWMM's scheme a fixed volume; over 12 h it is < 1 %
  EXPECT_LT(std::fabs(mb.continuity_error_pct()), 1.0);
}

// The network engine takes exactly the backend names the surface solver takes (one parser,
// common/backend_choice.hpp): "omp" is refused like any unknown name, "gpu" means CUDA.
TEST(NetworkEngine, AcceptsTheSurfaceSolversBackendNames) {
  const inp::Model m = inp::read_inp_text(single_pipe(0.1, 1), "names.inp");
  for (const std::string name : {"cpu", "cuda", "gpu", "omp", "CPU", ""}) {
    bool known = true;
    try {
      parse_backend(name);
    } catch (const std::invalid_argument&) {
      known = false;
    }
    bool refused = false;
    try {
      network::NetworkEngine eng(m, name);
    } catch (const std::invalid_argument&) {
      refused = true;
    } catch (const std::runtime_error&) {  // CUDA named but not built: the name was accepted
    }
    EXPECT_EQ(refused, !known) << "backend name '" << name << "'";
  }
}

// Time-series values come from a bisection over the times (the reader refuses times that do
// not increase, which the bisection relies on): a long series reads as linear interpolation
// between its points, zero (or its last value, extended) after its end.
TEST(NetworkForcing, LongSeriesIsInterpolatedBetweenItsPoints) {
  std::string text = single_pipe(0.1, 1) + "[TIMESERIES]\n";
  for (int k = 0; k <= 600; ++k)  // one point a minute for 10 h: 0.001 k m³/s
    text += "TS " + std::to_string(k / 60) + ":" + (k % 60 < 10 ? "0" : "") +
            std::to_string(k % 60) + " " + std::to_string(0.001 * k) + "\n";
  const inp::Model m = inp::read_inp_text(text, "series.inp");
  const network::Forcing f(m);
  const int ts = m.find_series("TS");
  EXPECT_EQ(f.series_value(ts, -1.0, false), 0.0);
  EXPECT_EQ(f.series_value(ts, 0.0, false), 0.0);
  EXPECT_NEAR(f.series_value(ts, 90.0, false), 0.0015, 1e-15);
  EXPECT_NEAR(f.series_value(ts, 5 * 3600.0 + 30.0, false), 0.3005, 1e-14);
  EXPECT_EQ(f.series_value(ts, 120.0, false), 0.002);
  EXPECT_EQ(f.series_value(ts, 36000.0, false), 0.6);
  EXPECT_EQ(f.series_value(ts, 36001.0, false), 0.0);
  EXPECT_EQ(f.series_value(ts, 36001.0, true), 0.6);
  EXPECT_THROW(
      inp::read_inp_text(single_pipe(0.1, 1) + "[TIMESERIES]\nB 0 1\nB 2 2\nB 1 3\n", "back.inp"),
      InputError);
}

}  // namespace
