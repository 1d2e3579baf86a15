// The demo sewer carrying the demo city's dry-weather sewage, in the two layouts a 雨污分流
// (separation) plan compares: a combined sewer (合流制) whose flow is intercepted at the pump
// station towards the treatment plant, with the excess pumped or spilt over a weir to the river,
// and a separated system (分流制): the storm sewer to the river plus a sanitary sewer beside it
// to the plant. Both carry COD and NH3-N in the sewage. Assumptions and sources: docs/scenarios.md.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "demo/sewer_layout.hpp"

namespace sf::couple {

/// Sewage and interception design choices (defaults documented in docs/scenarios.md).
struct SewageOptions {
  double population_per_ha = 250.0;        // residents per hectare of drained city area
  double sewage_l_per_capita_day = 200.0;  // average dry-weather sewage per resident (L/(cap d))
  double interception_ratio = 2.0;         // n0: the interceptor carries (1 + n0) Qdw
  double sanitary_peak_factor = 2.0;       // Kz: sanitary pipes carry Kz x their average DWF
  double sanitary_min_diameter = 0.300;    // smallest sanitary sewer under a street (m)
  double plant_main_length = 500.0;        // pump station to the plant's inlet (m), off the map
  double plant_main_slope = 0.002;         // m/m
  double weir_length = 3.0;                // overflow weir crest (m)
  double cod_mg_l = 430.0;                 // raw sewage, medium strength
  double nh3n_mg_l = 25.0;
  /// Diurnal multipliers of the average DWF, hour 0..23 (written normalised to a mean of 1).
  std::array<double, 24> hourly_pattern{0.55, 0.45, 0.40, 0.38, 0.40, 0.55, 0.95, 1.45,
                                        1.55, 1.35, 1.20, 1.20, 1.25, 1.15, 1.05, 1.00,
                                        1.05, 1.20, 1.40, 1.50, 1.40, 1.20, 0.95, 0.72};
};

/// Average dry-weather flow (m³/s) entering each node of `layout` (node order): every manhole
/// receives the sewage of the residents on the area its gully inlets drain,
/// population_per_ha x area x sewage_l_per_capita_day.
std::vector<double> dry_weather_flows(const SewerLayout& layout, const SewageOptions& options);

struct SewageNetworks {
  std::string combined_inp;   // network_combined.inp
  std::string separated_inp;  // network_separated.inp
  double population = 0.0;
  double average_dwf_m3s = 0.0;           // Qdw, the whole city
  double interceptor_capacity_m3s = 0.0;  // (1 + n0) Qdw
  double interceptor_diameter = 0.0;      // m
};

/// Both networks of `storm` (the demo storm sewer from lay_out_demo_sewer), with subcatchments
/// on every inlet as network_runoff.inp; coordinates shifted by (x0, y0). `rain_series_line`,
/// when not empty, is added to [TIMESERIES] (the generated year of rain, see hourly_rain.hpp).
SewageNetworks make_sewage_networks(const SewerLayout& storm, double x0, double y0,
                                    const UrbanNetworkOptions& network,
                                    const SewageOptions& sewage = {},
                                    const std::string& rain_series_line = "");

/// The files `spongeflow make-demo` writes for cases/combined-sewer, as (name, text):
/// rain_year.dat (the generated year, HourlyRainOptions defaults), network_combined.inp and
/// network_separated.inp (both naming that year as the time series RAIN_YEAR).
std::vector<std::pair<std::string, std::string>> combined_sewer_demo_files(
    const SewerLayout& storm, double x0, double y0, const UrbanNetworkOptions& network = {});

}  // namespace sf::couple
