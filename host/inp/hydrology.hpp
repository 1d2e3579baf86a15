// The runoff (hydrology) part of the .inp data model: rain gages, subcatchments with their
// subareas and infiltration, and evaporation, in SI (m, m², s, m/s). Included by model.hpp;
// read by read_hydrology.cpp, simulated by host/runoff. See docs/theory/runoff.md.
#pragma once

#include <array>
#include <string>

#include "inp/lid.hpp"

namespace sf::inp {

enum class InfiltrationModel { Horton, ModifiedHorton, GreenAmpt, ModifiedGreenAmpt, CurveNumber };

/// How a gage's time series values are written (SWMM [RAINGAGES] Format).
enum class RainFormat { Intensity, Volume, Cumulative };

struct RainGage {
  std::string id;
  RainFormat format = RainFormat::Intensity;
  double interval_s = 3600.0;  // recording interval (rounded to whole seconds, as SWMM does)
  double snow_catch = 1.0;     // SCF: multiplies snowfall only (snow is not simulated)
  int series = -1;             // the [TIMESERIES] holding the record (values as written)
  /// m/s per written intensity unit (in/hr or mm/hr); volumes are converted to intensities
  /// over interval_s first.
  double intensity_to_si = 0.0254 / 3600.0;
  int line = 0;
};

/// Where a subarea's runoff goes ([SUBAREAS] RouteTo).
enum class SubareaRouting { Outlet, Impervious, Pervious };

/// Infiltration parameters of one subcatchment's pervious area, in SI.
struct InfiltrationSpec {
  InfiltrationModel model = InfiltrationModel::Horton;
  // Horton and modified Horton
  double f0 = 0.0;          // maximum rate [m/s]
  double fmin = 0.0;        // minimum rate [m/s]
  double decay = 0.0;       // decay constant [1/s]
  double dry_time_s = 0.0;  // time to recover fully [s]
  double max_volume = 0.0;  // Fmax [m]; 0 = no limit
  // Green-Ampt
  double suction = 0.0;  // capillary suction head [m]
  double ksat = 0.0;     // saturated conductivity [m/s]
  double imd_max = 0.0;  // initial moisture deficit [-]
  // curve number
  double curve_number = 0.0;  // CN [-], clamped to 10..99 as SWMM does
};

struct Subcatchment {
  std::string id;
  int gage = -1;
  int outlet_node = -1;          // index into Model::nodes, or -1
  int outlet_subcatchment = -1;  // index into Model::subcatchments, or -1
  double area = 0.0;             // [m²]
  double frac_imperv = 0.0;      // [-]
  double width = 0.0;            // characteristic width of overland flow [m]
  double slope = 0.0;            // [m/m] (file gives percent)
  double curb_length = 0.0;      // as written (only used by water quality)
  // [SUBAREAS]
  bool has_subareas = false;
  double n_imperv = 0.0, n_perv = 0.0;  // Manning n [s/m^(1/3)]
  double s_imperv = 0.0, s_perv = 0.0;  // depression storage [m]
  double frac_zero = 0.0;               // share of the impervious area without storage [-]
  SubareaRouting route_to = SubareaRouting::Outlet;
  double frac_routed = 1.0;  // share of the routed subarea's runoff sent [-]
  // [INFILTRATION]
  bool has_infiltration = false;
  InfiltrationSpec infiltration;
  int line = 0;
};

enum class EvaporationKind { Constant, Monthly, TimeSeries };

struct Evaporation {
  EvaporationKind kind = EvaporationKind::Constant;
  std::array<double, 12> monthly{};      // rate per month [m/s] (Constant fills all twelve)
  int series = -1;                       // TIMESERIES: rates as written, times rate_to_si
  double rate_to_si = 0.0254 / 86400.0;  // in/day or mm/day -> m/s
  bool dry_only = false;                 // evaporate only in periods without rain
};

}  // namespace sf::inp
