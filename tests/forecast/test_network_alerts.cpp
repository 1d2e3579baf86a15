// forecast::NetworkAlertTracker and the ensemble outlook on hand-made samples: first times,
// durations (each observation stands for the interval since the one before), maxima, the
// surcharge / flooding / curve-maximum limits and the members' shares.
#include <gtest/gtest.h>

#include "forecast/network_alerts.hpp"

namespace sf::forecast {
namespace {

NetworkAlertTracker tracker() {
  StationSpec s;
  s.pump = "P1";
  s.node = "W";
  s.full_depth_m = 2.0;
  s.flood_depth_m = 2.5;
  s.curve_max_flow_m3s = 0.05;
  OutfallSpec o;
  o.node = "O1";
  o.invert_m = 7.7;
  o.crown_m = 8.0;
  o.has_conduit = true;
  OutfallSpec pumped;  // only pumps end at it
  pumped.node = "O2";
  pumped.invert_m = 4.0;
  return NetworkAlertTracker({s}, {o, pumped}, 100.0);
}

void observe(NetworkAlertTracker& t, double time, double depth, double pump, double outfall_depth,
             double outfall_flow) {
  NetworkSample s;
  s.station_depth = {depth};
  s.pump_flow = {pump};
  s.outfall_depth = {outfall_depth, 9.0};
  s.outfall_flow = {outfall_flow, 0.05};
  t.observe(time, s);
}

TEST(NetworkAlerts, FirstTimesDurationsAndMaxima) {
  NetworkAlertTracker t = tracker();
  observe(t, 110, 1.5, 0.03, 0.2, 0.10);
  observe(t, 120, 2.0 - 1e-7, 0.05, 0.3, 0.40);  // at the full depth (within 1e-6 m)
  observe(t, 135, 2.5, -0.05, 0.31, 0.30);       // overflowing; reverse flow at the curve's max
  observe(t, 150, 1.9, 0.049, 0.25, 0.20);
  const StationAlert& a = t.stations()[0];
  EXPECT_EQ(a.surcharge.first_s, 120.0);
  EXPECT_EQ(a.surcharge.duration_s, 10.0 + 15.0);
  EXPECT_EQ(a.flooding.first_s, 135.0);
  EXPECT_EQ(a.flooding.duration_s, 15.0);
  EXPECT_EQ(a.at_curve_max.first_s, 120.0);
  EXPECT_EQ(a.at_curve_max.duration_s, 25.0);
  EXPECT_EQ(a.max_depth_m, 2.5);
  const OutfallAlert& o = t.outfalls()[0];
  EXPECT_EQ(o.surcharge.first_s, 120.0);  // 7.7 + 0.3 reaches the crown 8.0
  EXPECT_EQ(o.surcharge.duration_s, 25.0);
  EXPECT_DOUBLE_EQ(o.max_hgl_m, 7.7 + 0.31);
  EXPECT_EQ(o.peak_outflow_m3s, 0.40);
  // No conduit ends at O2: however high, it is never surcharged.
  EXPECT_FALSE(t.outfalls()[1].surcharge.happened());
  EXPECT_EQ(t.outfalls()[1].max_hgl_m, 13.0);
}

TEST(NetworkAlerts, MemberSharesAndTheEnvelope) {
  NetworkAlertTracker dry = tracker(), wet = tracker(), wetter = tracker();
  observe(dry, 130, 1.0, 0.02, 0.1, 0.1);
  observe(wet, 130, 2.2, 0.05, 0.1, 0.1);
  observe(wet, 160, 2.1, 0.05, 0.35, 0.5);
  observe(wetter, 120, 2.6, 0.05, 0.4, 0.7);
  observe(wetter, 125, 1.0, 0.01, 0.1, 0.2);
  const std::vector<NetworkAlertTracker> members = {dry, wet, wetter};
  const std::vector<StationOutlook> s = station_outlook(members);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_DOUBLE_EQ(s[0].p_surcharge, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s[0].p_flooding, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(s[0].p_at_curve_max, 2.0 / 3.0);
  EXPECT_EQ(s[0].envelope.surcharge.first_s, 120.0);    // the earliest member
  EXPECT_EQ(s[0].envelope.surcharge.duration_s, 60.0);  // the longest: 30 + 30 s in `wet`
  EXPECT_EQ(s[0].envelope.max_depth_m, 2.6);
  const std::vector<OutfallOutlook> o = outfall_outlook(members);
  EXPECT_DOUBLE_EQ(o[0].p_surcharge, 2.0 / 3.0);
  EXPECT_EQ(o[0].envelope.surcharge.first_s, 120.0);
  EXPECT_DOUBLE_EQ(o[0].envelope.max_hgl_m, 8.1);
  EXPECT_EQ(o[0].envelope.peak_outflow_m3s, 0.7);
  EXPECT_EQ(o[1].p_surcharge, 0.0);
  EXPECT_THROW(station_outlook({}), std::invalid_argument);
}

TEST(NetworkAlerts, ASampleOfAnotherSizeIsRefused) {
  NetworkAlertTracker t = tracker();
  NetworkSample s;
  EXPECT_THROW(t.observe(110, s), std::invalid_argument);
}

}  // namespace
}  // namespace sf::forecast
