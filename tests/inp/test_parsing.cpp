// Unit tests of the reader's building blocks: units, dates and times, tokens, curves, patterns,
// time series, options defaults, storage shapes and control rules, on small inline inputs.
#include <gtest/gtest.h>

#include <cmath>
#include <iterator>
#include <string>
#include <utility>

#include "inp/datetime.hpp"
#include "inp/reader.hpp"
#include "inp/tokenizer.hpp"
#include "inp/units.hpp"

using namespace sf::inp;

namespace {

constexpr double ft = 0.3048;

// A tiny valid network in the given flow units, with extra sections appended.
std::string network(const std::string& units, const std::string& extra = "") {
  return "[OPTIONS]\nFLOW_UNITS " + units +
         "\nSTART_DATE 01/01/2020\nSTART_TIME 06:00\nEND_DATE 01/02/2020\n"
         "[JUNCTIONS]\nJ1 100 10\n[OUTFALLS]\nO1 98 FREE\n"
         "[CONDUITS]\nC1 J1 O1 400 0.013 0 0\n[XSECTIONS]\nC1 CIRCULAR 1 0 0 0\n" +
         extra;
}

}  // namespace

TEST(Units, FlowFactorsAreExactSiDefinitions) {
  EXPECT_DOUBLE_EQ(cubic_metres_per_second(FlowUnits::CFS), 0.028316846592);
  EXPECT_DOUBLE_EQ(cubic_metres_per_second(FlowUnits::GPM), 3.785411784e-3 / 60.0);
  EXPECT_NEAR(cubic_metres_per_second(FlowUnits::MGD), 0.0438126364, 1e-10);
  EXPECT_DOUBLE_EQ(cubic_metres_per_second(FlowUnits::CMS), 1.0);
  EXPECT_DOUBLE_EQ(cubic_metres_per_second(FlowUnits::LPS), 1e-3);
  EXPECT_NEAR(cubic_metres_per_second(FlowUnits::MLD), 0.011574074, 1e-9);
  EXPECT_EQ(unit_system_of(FlowUnits::MGD), UnitSystem::US);
  EXPECT_EQ(unit_system_of(FlowUnits::LPS), UnitSystem::SI);
}

TEST(Units, WeirAndOutletCoefficients) {
  const UnitFactors us = unit_factors(FlowUnits::CFS);
  EXPECT_NEAR(us.weir_coeff, std::sqrt(ft), 1e-9);
  // Q = 2 h^1.5 in cfs/ft -> SI: 2 * 0.3048^3 / 0.3048^1.5
  EXPECT_NEAR(us.outlet_coeff(1.5) * 2.0, 2.0 * std::pow(ft, 1.5), 1e-12);
  const UnitFactors lps = unit_factors(FlowUnits::LPS);
  EXPECT_DOUBLE_EQ(lps.length, 1.0);
  EXPECT_DOUBLE_EQ(lps.weir_coeff, 1.0);
  EXPECT_DOUBLE_EQ(lps.flow, 1e-3);
  EXPECT_DOUBLE_EQ(lps.rate, 1e-3 / 3600.0);
}

TEST(DateTime, ParsesSwmmDateForms) {
  auto d = parse_date("01/15/2004");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2004);
  EXPECT_EQ(d->month, 1);
  EXPECT_EQ(d->day, 15);
  ASSERT_TRUE(parse_date("2-29-2004"));
  EXPECT_FALSE(parse_date("2-29-2003"));  // not a leap year
  auto n = parse_date("Mar/05/1999");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->month, 3);
  EXPECT_FALSE(parse_date("13/01/2000"));
  EXPECT_FALSE(parse_date("2000"));
  EXPECT_FALSE(parse_date("1/1"));
  auto md = parse_month_day("12/31");
  ASSERT_TRUE(md);
  EXPECT_EQ(day_of_year(*md), 365);
}

TEST(DateTime, ParsesClockAndDecimalHours) {
  EXPECT_DOUBLE_EQ(*parse_clock_seconds("0:00:20"), 20.0);
  EXPECT_DOUBLE_EQ(*parse_clock_seconds("01:30"), 5400.0);
  EXPECT_DOUBLE_EQ(*parse_clock_seconds("36:00"), 36 * 3600.0);
  EXPECT_DOUBLE_EQ(*parse_clock_seconds("2.5"), 9000.0);
  EXPECT_FALSE(parse_clock_seconds("1:xx"));
  EXPECT_FALSE(parse_clock_seconds("-1"));
  EXPECT_FALSE(parse_clock_seconds(""));
}

TEST(DateTime, DayNumbersFollowSwmm) {
  EXPECT_EQ(day_number(Date{1899, 12, 30}), 0);
  EXPECT_EQ(day_number(Date{1900, 1, 1}), 2);
  DateTime a{2020, 1, 1, 0}, b{2020, 3, 1, 3600};
  EXPECT_EQ(seconds_between(a, b), (31 + 29) * 86400 + 3600);
}

TEST(Tokenizer, CommentsQuotesAndSections) {
  auto t = split_tokens("  J1  \"name with blanks\" 3.5 ; comment");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1], "name with blanks");
  EXPECT_EQ(split_tokens("N1 FLOW \"\" 1").size(), 4u);  // an empty quoted token is a field
  EXPECT_EQ(canonical_section_name("[junctions]"), "JUNCTIONS");
  EXPECT_EQ(canonical_section_name("[INLET_USAGE]"), "INLET_USAGE");
  EXPECT_EQ(canonical_section_name("[PIPES]"), "");
  auto f = tokenize_inp("[TITLE]\nA title ; kept whole\n[JUNCTIONS]\r\n;;comment\nJ1 1 2\r\n");
  ASSERT_EQ(f.sections.size(), 2u);
  EXPECT_EQ(f.sections[0].raw_text.at(0), "A title ; kept whole");
  ASSERT_EQ(f.sections[1].lines.size(), 1u);
  EXPECT_EQ(f.sections[1].lines[0].number, 5);
}

TEST(Options, SwmmDefaultsWhenLeftOut) {
  Model m = read_inp_text(network("CFS"), "t.inp");
  const Options& o = m.options;
  EXPECT_EQ(o.routing, RoutingModel::DynWave);
  EXPECT_DOUBLE_EQ(o.routing_step_s, 20.0);
  EXPECT_DOUBLE_EQ(o.report_step_s, 900.0);
  EXPECT_DOUBLE_EQ(o.variable_step, 0.75);
  EXPECT_EQ(o.inertial_damping, InertialDamping::Partial);
  EXPECT_EQ(o.normal_flow_limited, NormalFlowLimited::Both);
  EXPECT_EQ(o.effective_max_trials, 8);
  EXPECT_NEAR(o.effective_min_surfarea_m2, 12.566 * ft * ft, 1e-12);
  EXPECT_EQ(o.start.seconds_of_day, 6 * 3600);
  EXPECT_EQ(o.duration_s, 18 * 3600);
  EXPECT_EQ(o.report_start_offset_s, 0);
}

TEST(Options, StepsInClockAndFractionalForms) {
  std::string text = network("CFS");
  text.insert(text.find("[JUNCTIONS]"),
              "ROUTING_STEP 0.5\nREPORT_STEP 00:05:00\nLENGTHENING_STEP 0:00:10\nMIN_SLOPE 0.1\n"
              "SURCHARGE_METHOD SLOT\nFORCE_MAIN_EQUATION D-W\nHEAD_TOLERANCE 0.01\n");
  Model m = read_inp_text(text, "t.inp");
  EXPECT_DOUBLE_EQ(m.options.routing_step_s, 0.5);
  EXPECT_DOUBLE_EQ(m.options.report_step_s, 300.0);
  EXPECT_DOUBLE_EQ(m.options.lengthening_step_s, 10.0);
  EXPECT_DOUBLE_EQ(m.options.min_slope, 0.001);
  EXPECT_EQ(m.options.surcharge_method, SurchargeMethod::Slot);
  EXPECT_EQ(m.options.force_main_equation, ForceMainEquation::DarcyWeisbach);
  EXPECT_NEAR(m.options.head_tolerance_m, 0.01 * ft, 1e-12);
}

TEST(Curves, ConvertedByTypeAndMultiLine) {
  Model m = read_inp_text(network("CFS",
                                  "[CURVES]\nT1 TIDAL 0 1.5 12 3.0\nT1 24 1.5\nP1 PUMP1 0 0 100 2\n"
                                  "S1 SHAPE 0 0 0.5 1 1 0.4\n"),
                          "t.inp");
  const Curve& t = m.curves[m.find_curve("T1")];
  EXPECT_EQ(t.type, CurveType::Tidal);
  ASSERT_EQ(t.x.size(), 3u);
  EXPECT_DOUBLE_EQ(t.x[1], 12 * 3600.0);
  EXPECT_NEAR(t.y[1], 3.0 * ft, 1e-12);
  const Curve& p = m.curves[m.find_curve("p1")];
  EXPECT_NEAR(p.x[1], 100 * ft * ft * ft, 1e-12);  // wet-well volume ft³ -> m³
  EXPECT_NEAR(p.y[1], 2 * ft * ft * ft, 1e-12);
  const Curve& s = m.curves[m.find_curve("S1")];
  EXPECT_DOUBLE_EQ(s.y[2], 0.4);  // shape curves are dimensionless
}

TEST(Patterns, AllTypesAndContinuationLines) {
  std::string hourly = "H1 HOURLY";
  for (int i = 0; i < 12; ++i) hourly += " 1.0";
  hourly += "\nH1";
  for (int i = 0; i < 12; ++i) hourly += " 0.5";
  Model m = read_inp_text(network("CFS",
                                  "[PATTERNS]\nM1 MONTHLY 1 1 1 1 1 1 1 1 1 1 1 2\n"
                                  "D1 DAILY 1 1 1 1 1 1 0.5\n" +
                                      hourly + "\n"),
                          "t.inp");
  EXPECT_EQ(m.patterns[m.find_pattern("M1")].factors.size(), 12u);
  EXPECT_EQ(m.patterns[m.find_pattern("D1")].type, PatternType::Daily);
  const Pattern& h = m.patterns[m.find_pattern("H1")];
  ASSERT_EQ(h.factors.size(), 24u);
  EXPECT_DOUBLE_EQ(h.factors[23], 0.5);
}

TEST(TimeSeries, DatesRelativeTimesAndFlowConversion) {
  Model m = read_inp_text(network("CFS",
                                  "[TIMESERIES]\nQ1 01/01/2020 07:00 1.0\nQ1 08:00 2.0 9.5 3.0\n"
                                  "Q2 0 0\nQ2 1.5 10\n"
                                  "[INFLOWS]\nJ1 FLOW Q1 FLOW 1.0 2.0 0.5\n"),
                          "t.inp");
  const TimeSeries& q1 = m.timeseries[m.find_series("Q1")];
  ASSERT_EQ(q1.t_s.size(), 3u);
  EXPECT_DOUBLE_EQ(q1.t_s[0], 3600.0);  // 07:00 with the run starting at 06:00
  EXPECT_DOUBLE_EQ(q1.t_s[1], 2 * 3600.0);
  EXPECT_DOUBLE_EQ(q1.t_s[2], 3.5 * 3600.0);  // date carried over, decimal hours
  EXPECT_EQ(q1.use, SeriesUse::Flow);
  EXPECT_NEAR(q1.value[1], 2.0 * ft * ft * ft, 1e-12);
  EXPECT_DOUBLE_EQ(q1.raw[1], 2.0);
  const TimeSeries& q2 = m.timeseries[m.find_series("Q2")];
  EXPECT_DOUBLE_EQ(q2.t_s[1], 1.5 * 3600.0);  // no date: hours after the start
  EXPECT_EQ(q2.use, SeriesUse::Unused);
  ASSERT_EQ(m.inflows.size(), 1u);
  EXPECT_DOUBLE_EQ(m.inflows[0].scale, 2.0);
  EXPECT_NEAR(m.inflows[0].baseline, 0.5 * ft * ft * ft, 1e-12);
}

TEST(Storage, FunctionalAndAnalyticShapesInSi) {
  Model m = read_inp_text(
      network("CFS",
              "[STORAGE]\nS1 90 10 0 FUNCTIONAL 2 1.5 100 0 0.5\n"
              "S2 90 10 0 CYLINDRICAL 20 10 0\nS3 90 10 0 PYRAMIDAL 10 5 2 0 0 4 1 0.3\n"),
      "t.inp");
  const Storage& s1 = m.storages[0];
  // A(d) = 100 + 2 d^1.5 ft² with d in ft; check at d = 4 ft.
  const double d = 4 * ft;
  EXPECT_NEAR(s1.a0 + s1.a1 * std::pow(d, s1.a2), (100 + 2 * std::pow(4.0, 1.5)) * ft * ft, 1e-9);
  EXPECT_DOUBLE_EQ(s1.evap_fraction, 0.5);
  EXPECT_NEAR(m.storages[1].a0, 3.14159265358979 * 10 * 5 * ft * ft, 1e-9);
  const Storage& s3 = m.storages[2];
  EXPECT_TRUE(s3.has_seepage);
  EXPECT_NEAR(s3.seepage_suction_head, 4 * 0.0254, 1e-12);
  EXPECT_NEAR(s3.seepage_ksat, 1 * 0.0254 / 3600, 1e-15);
}

TEST(Links, ElevationOffsetsBecomeDepths) {
  std::string text = network("CMS",
                             "[WEIRS]\nW1 J1 O1 SIDEFLOW 101.5 1.8 YES\n"
                             "[XSECTIONS]\nW1 RECT_OPEN 1 2 0 0\n");
  text.insert(text.find("[JUNCTIONS]"), "LINK_OFFSETS ELEVATION\n");
  text.replace(text.find("C1 J1 O1 400 0.013 0 0"), 22, "C1 J1 O1 400 0.013 * 98.5");
  Model m = read_inp_text(text, "t.inp");
  const Link& c = m.links[m.find_link("C1")];
  EXPECT_DOUBLE_EQ(c.offset1, 0.0);
  EXPECT_DOUBLE_EQ(c.offset2, 0.5);
  const Link& w = m.links[m.find_link("W1")];
  EXPECT_DOUBLE_EQ(w.offset1, 1.5);
  EXPECT_TRUE(m.weirs[w.detail].flap_gate);
  EXPECT_DOUBLE_EQ(m.weirs[w.detail].discharge_coeff, 1.8);  // SI file: already m^0.5/s
}

TEST(Controls, PremisesAndActionsInSi) {
  Model m = read_inp_text(
      network("CFS",
              "[PUMPS]\nP1 J1 O1 * ON 2 1\n[CONTROLS]\nRULE R1\nIF NODE J1 DEPTH > 5\n"
              "AND SIMULATION TIME >= 1:30\nOR SIMULATION MONTH = 6\n"
              "THEN PUMP P1 STATUS = OFF\nAND CONDUIT C1 STATUS = CLOSED\n"
              "ELSE PUMP P1 SETTING = 1.2\nPRIORITY 3\n"),
      "t.inp");
  ASSERT_EQ(m.rules.size(), 1u);
  const Rule& r = m.rules[0];
  ASSERT_EQ(r.premises.size(), 3u);
  EXPECT_NEAR(r.premises[0].value, 5 * ft, 1e-12);
  EXPECT_EQ(r.premises[0].relation, Relation::Gt);
  EXPECT_DOUBLE_EQ(r.premises[1].value, 5400.0);
  EXPECT_EQ(r.premises[2].join, Premise::Join::Or);
  ASSERT_EQ(r.then_actions.size(), 2u);
  EXPECT_DOUBLE_EQ(r.then_actions[0].value, 0.0);
  EXPECT_EQ(r.then_actions[1].object, RuleObject::Conduit);
  ASSERT_EQ(r.else_actions.size(), 1u);
  EXPECT_DOUBLE_EQ(r.else_actions[0].value, 1.2);
  EXPECT_DOUBLE_EQ(r.priority, 3.0);
  const Pump& p = m.pumps[0];
  EXPECT_EQ(p.kind, PumpCurveKind::Ideal);
  EXPECT_NEAR(p.startup_depth, 2 * ft, 1e-12);
}

// SWMM reads these silently or with its warning 11; they are kept, with a warning.
TEST(Controls, PremisesSwmmNeverFindsTrueOrMismatchedAreWarned) {
  std::vector<std::string> w;
  Model m =
      read_inp_text(network("CFS",
                            "[PUMPS]\nP1 J1 O1 * ON 2 1\n[CONTROLS]\nRULE R1\nIF LINK C1 STATUS = "
                            "OPEN\nAND OUTLET C1 SETTING > 0.5\n"
                            "THEN PUMP P1 STATUS = OFF\nRULE R2\nIF NODE J1 DEPTH > LINK C1 FLOW\n"
                            "THEN PUMP P1 STATUS = ON\nRULE R3\nIF LINK P1 LENGTH > 1\n"
                            "THEN PUMP P1 STATUS = ON\n"),
                    "t.inp", &w);
  ASSERT_EQ(m.rules.size(), 3u);
  auto has = [&](const std::string& fragment) {
    for (const auto& s : w)
      if (s.find(fragment) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(
      has("premise on link C1 is never true (only pumps, orifices and weirs have a "
          "SETTING"));
  EXPECT_TRUE(has("WARNING 11: non-matching attributes in Control Rule R2"));
  EXPECT_TRUE(has("premise on link P1 is never true (only conduits have FULLFLOW"));
}

TEST(Warnings, UnsupportedSectionsAreKeptAndWarnedOnce) {
  std::vector<std::string> w;
  Model m = read_inp_text(network("CFS",
                                  "[LANDUSES]\nRESIDENTIAL 0 0\n"
                                  "[HYDROGRAPHS]\nUH1 G1\n[HYDROGRAPHS]\nUH1 ALL SHORT 0.1 1 2\n"),
                          "t.inp", &w);
  int uh = 0;
  for (const auto& s : w) uh += s.find("[HYDROGRAPHS]") != std::string::npos;
  EXPECT_EQ(uh, 1);
  ASSERT_EQ(m.unsupported.size(), 2u);
  EXPECT_EQ(m.unsupported[1].name, "HYDROGRAPHS");
  EXPECT_EQ(m.unsupported[1].lines.size(), 2u);
}

// [XSECTIONS] keywords land on the kernels' shape list (kernels/pipe/shape.hpp), which the
// reader uses directly: the first, the last and a few from the middle of SWMM's table.
TEST(Xsections, KeywordsReadAsTheKernelsShapes) {
  const std::pair<const char*, sf::pipe::Shape> cases[] = {
      {"DUMMY 0 0 0 0", sf::pipe::Shape::Dummy},
      {"CIRCULAR 1 0 0 0", sf::pipe::Shape::Circular},
      {"POWER 2 3 0.5 0", sf::pipe::Shape::PowerFunc},
      {"MODBASKETHANDLE 2 3 1 0", sf::pipe::Shape::ModBasket},
      {"SEMICIRCULAR 1 0 0 0", sf::pipe::Shape::SemiCircular},
      {"FORCE_MAIN 1 130 0 0", sf::pipe::Shape::ForceMain},
      {"STREET ST1", sf::pipe::Shape::Street}};
  std::string conduits = "[CONDUITS]\n", xsections = "[XSECTIONS]\n";
  for (std::size_t k = 0; k < std::size(cases); ++k) {
    const std::string id = "C" + std::to_string(k);
    conduits += id + " J1 O1 400 0.013 0 0\n";
    xsections += id + " " + cases[k].first + "\n";
  }
  const std::string text =
      "[OPTIONS]\nFLOW_UNITS CMS\nSTART_DATE 01/01/2020\nSTART_TIME 06:00\n"
      "END_DATE 01/02/2020\n[JUNCTIONS]\nJ1 100 10\n[OUTFALLS]\nO1 98 FREE\n" +
      conduits + xsections + "[STREETS]\nST1 20 10 0.02 0.15 0.5 0.016 0.016 0 0 2 0\n";
  const Model m = read_inp_text(text, "shapes.inp");
  ASSERT_EQ(m.links.size(), std::size(cases));
  for (std::size_t k = 0; k < std::size(cases); ++k) {
    ASSERT_GE(m.links[k].xsection, 0) << cases[k].first;
    EXPECT_EQ(m.xsections[m.links[k].xsection].shape, cases[k].second) << cases[k].first;
  }
}
