// Defaults of the case file come from one place, the schema (case_schema.cpp), or from the
// engine's constants that the schema states. Here: every documented number default can be read,
// and a case that leaves the keys out gets exactly those values.
#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

#include "case_fixture.hpp"
#include "config/case_schema.hpp"

namespace sf::test {
namespace {

// A number key whose documented default is a plain number (not "required", "-", a key name or a
// conditional text such as roughness's "0.03 (manning); required otherwise").
bool has_number_default(const config::KeySpec& k, double& value) {
  const std::string type = k.type;
  char* end = nullptr;
  value = std::strtod(k.default_value, &end);
  return (type == "number" || type == "integer") && end != k.default_value && *end == '\0';
}

TEST(CaseKeys, EveryDocumentedNumberDefaultCanBeRead) {
  int numbers = 0;
  for (const config::KeySpec& k : config::case_schema()) {
    double value = 0;
    if (!has_number_default(k, value)) continue;
    ++numbers;
    EXPECT_EQ(config::schema_default(k.table, k.key), value) << k.table << "." << k.key;
  }
  EXPECT_GT(numbers, 40);
  EXPECT_THROW(config::schema_default("surface", "no_such_key"), std::logic_error);
  EXPECT_THROW(config::schema_default("surface", "friction"), std::logic_error);  // "manning"
}

// A case with every optional table, none of its defaulted keys given.
TEST(CaseKeys, AbsentKeysTakeTheSchemaDefaults) {
  const auto file = write_case("schema_defaults",
                               "[surface]\n"
                               "[numerics]\n"
                               "[rain]\ngauges = \"g.csv\"\ngauge_series = \"s.csv\"\n"
                               "gauge_method = \"idw\"\n"
                               "[design_storm]\npreset = \"shanghai-2017\"\nreturn_period = 10\n"
                               "duration = 3600\n"
                               "[soil]\nland_use = \"lu.asc\"\n"
                               "[[landuse]]\nid = 1\nlid = \"bio\"\n"
                               "[[lid]]\nname = \"bio\"\nkind = \"bioretention\"\n"
                               "[[boundary]]\nside = \"east\"\ntype = \"free\"\n"
                               "[[source]]\nx = 1\ny = 1\ndischarge = 0.1\n"
                               "[network]\ninp = \"net.inp\"\n"
                               "[output]\n");
  config::CaseConfig c;
  try {
    c = config::read_case_file(file.string());
  } catch (const InputError& e) {
    FAIL() << e.what();
  }
  auto d = [](const char* table, const char* key) { return config::schema_default(table, key); };
  // [waterlogging]: the array defaults the schema states, in SI (duration bounds in s).
  const config::WaterloggingConfig w = config::waterlogging_defaults();
  EXPECT_EQ(c.waterlogging.depth_bounds_m, (std::vector<double>{0.15, 0.30, 0.50}));
  EXPECT_EQ(c.waterlogging.duration_bounds_s, (std::vector<double>{0.0, 1800.0, 3600.0}));
  EXPECT_EQ(c.waterlogging.risk, (std::vector<std::vector<int>>{{1, 1, 2}, {1, 2, 3}, {2, 3, 3}}));
  EXPECT_EQ(c.waterlogging.risk_names, (std::vector<std::string>{"low", "medium", "high"}));
  EXPECT_EQ(c.waterlogging.hazard_bounds_m2_s, w.hazard_bounds_m2_s);
  EXPECT_EQ(c.waterlogging.hazard_names.size(), 4u);
  EXPECT_EQ(c.waterlogging.min_area_m2, d("waterlogging", "min_area"));
  EXPECT_EQ(c.capacity.target_return_period_years, d("capacity", "target_return_period"));
  EXPECT_EQ(c.capacity.mode, "network");
  EXPECT_EQ(c.raise_height, d("grid", "raise_height"));
  EXPECT_EQ(c.roughness, d("surface", "manning"));
  EXPECT_EQ(c.initial_depth, d("surface", "initial_depth"));
  EXPECT_EQ(c.flood_threshold, d("surface", "flood_threshold"));
  EXPECT_EQ(c.user_threshold, d("surface", "user_threshold"));
  EXPECT_EQ(c.order, d("numerics", "order"));
  EXPECT_EQ(c.cfl, d("numerics", "cfl"));
  EXPECT_EQ(c.max_dt, d("numerics", "max_dt"));
  EXPECT_EQ(c.dry_depth, d("numerics", "dry_depth"));
  EXPECT_EQ(c.gravity, d("numerics", "gravity"));
  ASSERT_TRUE(c.rain_gauges);
  EXPECT_EQ(c.rain_gauges->power, d("rain", "idw_power"));
  ASSERT_TRUE(c.design_storm);
  EXPECT_EQ(c.design_storm->peak_position, d("design_storm", "peak_position"));
  EXPECT_EQ(c.design_storm->step_s, d("design_storm", "step"));
  ASSERT_TRUE(c.soil);
  EXPECT_EQ(c.soil->evaporation_m_per_s, d("soil", "evaporation"));
  ASSERT_EQ(c.soil->model.classes.size(), 1u);
  const soil::LandUseClass& lc = c.soil->model.classes[0];
  EXPECT_EQ(lc.manning_n, d("landuse", "manning"));
  EXPECT_EQ(lc.impervious_share, d("landuse", "impervious"));
  const soil::LidParams<double>& lid = lc.lid;
  EXPECT_EQ(lid.surface.berm_height, d("lid", "berm") * 1e-3);  // mm -> m
  EXPECT_EQ(lid.soil.porosity, d("lid", "porosity"));
  EXPECT_EQ(lid.soil.field_capacity, d("lid", "field_capacity"));
  EXPECT_EQ(lid.soil.wilting_point, d("lid", "wilting_point"));
  EXPECT_EQ(lid.soil.initial_moisture, lid.soil.field_capacity);  // documented: field_capacity
  EXPECT_EQ(lid.soil.conductivity_slope, d("lid", "conductivity_slope"));
  const double r = d("lid", "storage_void_ratio");  // voids/solids -> voids/total
  EXPECT_DOUBLE_EQ(lid.storage.void_fraction, r / (1.0 + r));
  EXPECT_EQ(lid.drain.exponent, d("lid", "drain_exponent"));
  EXPECT_EQ(lid.drain.delay, d("lid", "drain_delay") * 3600.0);  // h -> s
  ASSERT_EQ(c.boundaries.size(), 1u);
  EXPECT_EQ(c.boundaries[0].min_slope, d("boundary", "min_slope"));
  ASSERT_EQ(c.sources.size(), 1u);
  EXPECT_EQ(c.sources[0].radius, d("source", "radius"));
  ASSERT_TRUE(c.network);
  for (const auto& [kind, inlet] :
       {std::pair<std::string, const config::InletConfig*>{"inlet", &c.network->inlet},
        {"manhole", &c.network->manhole}}) {
    EXPECT_EQ(inlet->perimeter, config::schema_default("network", kind + "_perimeter")) << kind;
    EXPECT_EQ(inlet->area, config::schema_default("network", kind + "_area")) << kind;
    EXPECT_EQ(inlet->weir_coeff, config::schema_default("network", kind + "_weir_coeff")) << kind;
    EXPECT_EQ(inlet->orifice_coeff, config::schema_default("network", kind + "_orifice_coeff"))
        << kind;
  }
  EXPECT_EQ(c.network->subcatchments, "ignore");  // the schema's documented default
  EXPECT_EQ(c.timeseries_interval, d("output", "timeseries_interval"));
}

}  // namespace
}  // namespace sf::test
