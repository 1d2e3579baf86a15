// The data model of a SWMM 5.2 .inp file after reading: every quantity in SI (m, m², m³, m³/s, s),
// every cross-reference resolved to an index. Produced by read_inp_file() (reader.hpp); the pipe
// engine (host/network) builds its arrays from it. See docs/network-input.md.
//
// Conventions
// - Indices are 0-based into the vectors of Model; -1 means "none".
// - Values are as written in the file, only converted to SI: no SWMM-style adjustments (minimum
//   conduit fall, raising a node's full depth to its highest crown, clamping negative offsets...)
//   are made here; where SWMM would make one, the reader adds a warning.
// - Where SWMM treats 0 as "use the default" (MAX_TRIALS, HEAD_TOLERANCE, MIN_SURFAREA, ...),
//   Options keeps what was written and also the effective value SWMM would use.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "inp/hydrology.hpp"
#include "pipe/shape.hpp"

namespace sf::inp {

// ---------------------------------------------------------------------------------------------
// Units and dates
// ---------------------------------------------------------------------------------------------

enum class FlowUnits { CFS, GPM, MGD, CMS, LPS, MLD };
enum class UnitSystem { US, SI };  // US for CFS/GPM/MGD (ft, in), SI for CMS/LPS/MLD (m, mm)

/// A calendar date and time of day, as SWMM reads it (no time zone).
struct DateTime {
  int year = 2004;  // SWMM's default start date is 01/01/2004
  int month = 1;
  int day = 1;
  int seconds_of_day = 0;  // 0 .. 86399
};

// ---------------------------------------------------------------------------------------------
// [OPTIONS]
// ---------------------------------------------------------------------------------------------

enum class RoutingModel { None, Steady, KinWave, XKinWave, DynWave };
enum class LinkOffsets { Depth, Elevation };
enum class InertialDamping { None, Partial, Full };
enum class NormalFlowLimited { Slope, Froude, Both, None };
enum class ForceMainEquation { HazenWilliams, DarcyWeisbach };
enum class SurchargeMethod { Extran, Slot };

struct Options {
  FlowUnits flow_units = FlowUnits::CFS;
  UnitSystem unit_system = UnitSystem::US;
  InfiltrationModel infiltration = InfiltrationModel::Horton;
  RoutingModel routing = RoutingModel::DynWave;  // SWMM 5.2.4 default
  LinkOffsets link_offsets = LinkOffsets::Depth;
  ForceMainEquation force_main_equation = ForceMainEquation::HazenWilliams;
  InertialDamping inertial_damping = InertialDamping::Partial;  // SWMM default SOME = PARTIAL
  NormalFlowLimited normal_flow_limited = NormalFlowLimited::Both;
  SurchargeMethod surcharge_method = SurchargeMethod::Extran;

  bool allow_ponding = false;
  bool skip_steady_state = false;
  bool ignore_rainfall = false;
  bool ignore_snowmelt = false;
  bool ignore_groundwater = false;
  bool ignore_rdii = false;
  bool ignore_routing = false;
  bool ignore_quality = false;

  DateTime start;                   // START_DATE / START_TIME
  DateTime end;                     // END_DATE / END_TIME (default: the start)
  DateTime report_start;            // REPORT_START_DATE / _TIME (default: the start)
  int sweep_start_day_of_year = 1;  // SWEEP_START mm/dd, as day of year (non-leap)
  int sweep_end_day_of_year = 365;  // SWEEP_END
  double dry_days = 0.0;            // START_DRY_DAYS [days]

  /// end - start in whole seconds, computed exactly.
  std::int64_t duration_s = 0;
  /// The duration SWMM really simulates: floor((end - start) * 86400) evaluated in SWMM's
  /// floating-point day numbers; can be 1 s shorter than duration_s.
  std::int64_t swmm_duration_s = 0;
  /// report_start - start [s] (can be > 0).
  std::int64_t report_start_offset_s = 0;

  double report_step_s = 900.0;     // REPORT_STEP
  double wet_step_s = 300.0;        // WET_STEP
  double dry_step_s = 3600.0;       // DRY_STEP
  double routing_step_s = 20.0;     // ROUTING_STEP (fixed or maximum step; may be fractional)
  double rule_step_s = 0.0;         // RULE_STEP (0 = every routing step)
  double minimum_step_s = 0.5;      // MINIMUM_STEP (variable-step lower bound)
  double variable_step = 0.75;      // VARIABLE_STEP: Courant safety factor; 0 = fixed step
  double lengthening_step_s = 0.0;  // LENGTHENING_STEP

  double min_slope = 0.0;  // MIN_SLOPE as a fraction (file gives percent) [-]
  int threads = 1;         // THREADS

  // Written values (0 = "use SWMM's default") and the effective value SWMM uses.
  double min_surfarea_m2 = 0.0;                            // MIN_SURFAREA converted to m²
  double effective_min_surfarea_m2 = 12.566 * 0.09290304;  // 12.566 ft² when 0
  int max_trials = 0;                                      // MAX_TRIALS
  int effective_max_trials = 8;                            // 8 when 0
  double head_tolerance_m = 0.0;                           // HEAD_TOLERANCE [m]
  double effective_head_tolerance_m = 0.005 * 0.3048;      // 0.005 ft when 0
  double sys_flow_tol = 0.05;  // SYS_FLOW_TOL as a fraction (file gives percent)
  double lat_flow_tol = 0.05;  // LAT_FLOW_TOL as a fraction

  /// Every option as written (KEY -> value text, upper-case key), including the ones above.
  std::map<std::string, std::string> as_written;
};

// ---------------------------------------------------------------------------------------------
// Curves, time series, patterns
// ---------------------------------------------------------------------------------------------

enum class CurveType {
  Storage,    // depth [m] -> surface area [m²]
  Diversion,  // inflow [m³/s] -> diverted flow [m³/s]
  Tidal,      // hour of day, stored as seconds of day [s] -> stage [m]
  Rating,     // head or depth [m] -> flow [m³/s]
  Control,    // controller value (user units, NOT converted) -> setting [-]
  Shape,      // depth/full depth [-] -> width/full depth [-]
  Weir,       // head [m] -> weir discharge coefficient [SI, m^0.5/s]
  Pump1,      // wet-well volume [m³] -> flow [m³/s]
  Pump2,      // inlet depth [m] -> flow [m³/s]
  Pump3,      // head difference [m] -> flow [m³/s]
  Pump4,      // inlet depth [m] -> flow [m³/s] (continuous)
  Pump5,      // head difference [m] -> flow [m³/s] (variable speed)
};

struct Curve {
  std::string id;
  CurveType type = CurveType::Storage;
  std::vector<double> x;  // SI per the type (see CurveType)
  std::vector<double> y;  // SI per the type
  int line = 0;           // first line in the file (for messages)
};

/// What a time series' values measure; fixed by the first object that uses it.
enum class SeriesUse { Unused, Flow, Stage, Setting, Concentration, Other };

struct TimeSeries {
  std::string id;
  /// Seconds since the simulation start (Options::start). Points with a date are placed by
  /// their date; points without one are hours after the start, as in SWMM.
  std::vector<double> t_s;
  /// Values in SI according to `use`: Flow -> m³/s, Stage -> m, Setting/Concentration/Other and
  /// Unused -> as written. `raw` keeps the written values.
  std::vector<double> value;
  std::vector<double> raw;
  SeriesUse use = SeriesUse::Unused;
  std::string file;  // the external file when given as FILE (resolved path); empty otherwise
  int line = 0;
};

enum class PatternType { Monthly, Daily, Hourly, Weekend };

struct Pattern {
  std::string id;
  PatternType type = PatternType::Monthly;
  std::vector<double> factors;  // 12 (monthly), 7 (daily, Sunday first) or 24 (hourly, weekend)
  int line = 0;
};

// ---------------------------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------------------------

enum class NodeType { Junction, Outfall, Storage, Divider };

struct Node {
  std::string id;
  NodeType type = NodeType::Junction;
  int detail = -1;           // index into Model::outfalls/storages/dividers (by type); -1 junction
  double invert_elev = 0.0;  // [m]
  double max_depth = 0.0;    // full depth above invert [m] (0 for outfalls)
  double init_depth = 0.0;   // [m]
  double surcharge_depth = 0.0;  // depth above full depth before flooding [m]
  double ponded_area = 0.0;      // [m²] (junctions, dividers)
  int line = 0;
};

enum class OutfallType { Free, Normal, Fixed, Tidal, TimeSeries };

struct Outfall {
  int node = -1;
  OutfallType type = OutfallType::Free;
  double fixed_stage = 0.0;  // [m] (FIXED)
  int tidal_curve = -1;      // curve index (TIDAL)
  int stage_series = -1;     // time series index (TIMESERIES), values in m
  bool flap_gate = false;
  std::string route_to;  // subcatchment receiving the outflow; empty if none
};

enum class StorageShape { Tabular, Functional, Cylindrical, Conical, Paraboloid, Pyramidal };

struct Storage {
  int node = -1;
  StorageShape shape = StorageShape::Functional;
  /// The shape's three parameters as written, converted to SI: FUNCTIONAL (coefficient,
  /// exponent, constant) -> see a0/a1/a2; CYLINDRICAL/PARABOLIC/CONICAL/PYRAMIDAL (length [m],
  /// width [m], third: PARABOLIC height [m], CONICAL/PYRAMIDAL side slope run/rise [-]).
  std::array<double, 3> params{0.0, 0.0, 0.0};
  /// Surface area A(d) = a0 + a1 * d^a2 in m² for d in m (non-tabular shapes; SWMM's own
  /// conversion of the analytic shapes, see node.c). For CONICAL and PYRAMIDAL a2 is the
  /// quadratic coefficient: A = a0 + a1 d + a2 d².
  double a0 = 0.0, a1 = 0.0, a2 = 0.0;
  int area_curve = -1;                // STORAGE curve index (TABULAR)
  double evap_fraction = 0.0;         // Fevap [-]
  bool has_seepage = false;           // exfiltration parameters given and Ksat > 0
  double seepage_suction_head = 0.0;  // Green-Ampt suction head [m]
  double seepage_ksat = 0.0;          // saturated conductivity [m/s]
  double seepage_imd = 0.0;           // initial moisture deficit [-]
};

enum class DividerType { Cutoff, Overflow, Tabular, Weir };

struct Divider {
  int node = -1;
  int diverted_link = -1;  // link index
  DividerType type = DividerType::Overflow;
  double cutoff_flow = 0.0;     // CUTOFF qmin, or WEIR qmin [m³/s]
  int diversion_curve = -1;     // TABULAR
  double weir_max_depth = 0.0;  // WEIR dhmax [m]
  double weir_coeff = 0.0;      // WEIR cw [SI: m^0.5/s]
};

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

enum class LinkType { Conduit, Pump, Orifice, Weir, Outlet };

struct Link {
  std::string id;
  LinkType type = LinkType::Conduit;
  int detail = -1;  // index into Model::conduits/pumps/orifices/weirs/outlets (by type)
  int node1 = -1;   // from (inlet) node index
  int node2 = -1;   // to (outlet) node index
  /// Inlet/outlet offsets as depth above the node's invert [m] (LINK_OFFSETS ELEVATION is
  /// converted: offset = elevation - invert; '*' = 0). Pumps: 0.
  double offset1 = 0.0;
  double offset2 = 0.0;
  double init_flow = 0.0;  // [m³/s] (conduits)
  double max_flow = 0.0;   // [m³/s], 0 = no limit (conduits)
  int xsection = -1;       // index into Model::xsections; -1 for pumps and if none given
  int losses = -1;         // index into Model::losses; -1 if none
  int line = 0;
};

struct Conduit {
  int link = -1;
  double length = 0.0;     // [m]
  double roughness = 0.0;  // Manning n [s/m^(1/3)], same number as in US units
};

enum class PumpCurveKind { Type1, Type2, Type3, Type4, Type5, Ideal };

struct Pump {
  int link = -1;
  int curve = -1;  // pump curve index; -1 for IDEAL ('*')
  PumpCurveKind kind = PumpCurveKind::Ideal;
  bool initially_on = true;
  double startup_depth = 0.0;  // inlet node depth to switch on [m]
  double shutoff_depth = 0.0;  // inlet node depth to switch off [m]
};

enum class OrificeType { Side, Bottom };

struct Orifice {
  int link = -1;
  OrificeType type = OrificeType::Side;
  double discharge_coeff = 0.0;  // Cd [-]
  bool flap_gate = false;
  double close_time_s = 0.0;  // time to open/close [s] (file gives hours)
};

enum class WeirType { Transverse, Sideflow, VNotch, Trapezoidal, Roadway };
enum class RoadSurface { None, Paved, Gravel };

struct Weir {
  int link = -1;
  WeirType type = WeirType::Transverse;
  double discharge_coeff = 0.0;  // Cd [SI m^0.5/s]; US files are converted (see docs)
  bool flap_gate = false;
  double end_contractions = 0.0;     // EC [-]
  double end_discharge_coeff = 0.0;  // Cd2 for the triangular ends [SI m^0.5/s]
  bool can_surcharge = true;         // Sur (default YES)
  double road_width = 0.0;           // ROADWAY width [m]
  RoadSurface road_surface = RoadSurface::None;
  int coeff_curve = -1;  // WEIR curve of Cd vs head (5.2), -1 if none
};

enum class OutletRating { FunctionalDepth, FunctionalHead, TabularDepth, TabularHead };

struct Outlet {
  int link = -1;
  OutletRating rating = OutletRating::FunctionalDepth;
  double coeff = 0.0;     // Q = coeff * h^exponent with Q in m³/s and h in m (functional)
  double exponent = 0.0;  // [-]
  int rating_curve = -1;  // RATING curve index (tabular)
  bool flap_gate = false;
};

// ---------------------------------------------------------------------------------------------
// Cross sections, losses, transects
// ---------------------------------------------------------------------------------------------

/// The reader's name for the one SWMM shape list, kernels/pipe/shape.hpp.
using XsectShape = pipe::Shape;

struct Xsection {
  int link = -1;
  XsectShape shape = XsectShape::Circular;
  /// Geom1..4 converted per shape: lengths in m; dimensionless entries stay as written
  /// (TRAPEZOIDAL side slopes geom3/geom4, POWER exponent geom3, ARCH/ELLIPSE size codes
  /// geom3 when used). FORCE_MAIN: geom2 is the roughness: Hazen-Williams C [-] or
  /// Darcy-Weisbach epsilon [m] depending on Options::force_main_equation.
  std::array<double, 4> geom{0.0, 0.0, 0.0, 0.0};
  std::array<double, 4> geom_raw{0.0, 0.0, 0.0, 0.0};  // as written
  int barrels = 1;
  int culvert_code = 0;  // FHWA culvert inlet code, 0 = not a culvert
  int transect = -1;     // IRREGULAR: index into Model::transects
  int shape_curve = -1;  // CUSTOM: SHAPE curve index (geom1 = full height)
  std::string street;    // STREET: the street cross-section name ([STREETS], not simulated)
};

struct Losses {
  int link = -1;
  double k_entry = 0.0, k_exit = 0.0, k_avg = 0.0;  // minor loss coefficients [-]
  bool flap_gate = false;
  double seepage_rate = 0.0;  // [m/s] (file: in/hr or mm/hr)
};

struct Transect {
  std::string id;
  double n_left = 0.0, n_right = 0.0, n_channel = 0.0;  // Manning n (NC record)
  double bank_left = 0.0, bank_right = 0.0;  // bank stations [m], after the station modifier
  double meander = 0.0;                      // X1 length factor (meander modifier) [-]
  double station_factor = 1.0;               // X1 stations modifier (multiplies stations) [-]
  double elevation_offset = 0.0;             // X1 elevations modifier (added to elevations) [m]
  /// GR points: station [m] (modifier applied) and elevation [m] (modifier applied).
  std::vector<double> station;
  std::vector<double> elevation;
  int line = 0;
};

// ---------------------------------------------------------------------------------------------
// [POLLUTANTS] (water quality, docs/theory/water-quality.md)
// ---------------------------------------------------------------------------------------------

enum class ConcentrationUnits { MgPerL, UgPerL, CountPerL };

/// One pollutant. Concentrations stay in the pollutant's own units (mg/L, ug/L or #/L): the
/// routing mixes them as written; loads are converted to kg (or counts) only for output.
struct Pollutant {
  std::string id;
  ConcentrationUnits units = ConcentrationUnits::MgPerL;
  double rain_concen = 0.0;  // Crain, in rain water
  double gw_concen = 0.0;    // Cgw, in groundwater inflow (groundwater is not simulated)
  double rdii_concen = 0.0;  // Crdii, in RDII inflow (RDII is not simulated)
  double decay_per_s = 0.0;  // Kdecay, first-order decay [1/s] (file gives 1/days)
  bool snow_only = false;    // buildup only with snow (buildup is not simulated)
  int co_pollutant = -1;     // CoPollut index, -1 if none
  double co_fraction = 0.0;  // CoFrac [-]
  double dwf_concen = 0.0;   // Cdwf, default concentration of dry-weather flow
  double init_concen = 0.0;  // Cinit, in the network at the start
  int line = 0;
};

/// kg (or counts for #/L) per (concentration unit x m³): mg/L -> 1e-3 kg, ug/L -> 1e-6 kg,
/// #/L -> 1000 counts.
inline double load_per_concentration_volume(ConcentrationUnits u) {
  switch (u) {
    case ConcentrationUnits::UgPerL:
      return 1e-6;
    case ConcentrationUnits::CountPerL:
      return 1000.0;
    default:
      return 1e-3;
  }
}

// ---------------------------------------------------------------------------------------------
// Inflows
// ---------------------------------------------------------------------------------------------

enum class InflowKind { Flow, Concentration, Mass };

/// [INFLOWS]: Q(t) = scale * series(t) + baseline * pattern(t), all in m³/s for FLOW
/// (SWMM inflow.c: FLOW values are in the project's flow units, the units factor is unused).
struct ExternalInflow {
  int node = -1;
  std::string constituent;  // "FLOW" or a pollutant name
  int pollutant = -1;       // index into Model::pollutants; -1 for FLOW
  InflowKind kind = InflowKind::Flow;
  int series = -1;        // time series index (its values converted per kind), -1 if none
  double mfactor = 1.0;   // units factor: MASS inflows' values x mfactor = mass units/s (1 else)
  double sfactor = 1.0;   // scaling factor as written
  double scale = 1.0;     // = sfactor; multiplies the (converted) series values
  double baseline = 0.0;  // baseline in m³/s for FLOW (as written for pollutants)
  int baseline_pattern = -1;
  int line = 0;
};

/// [DWF]: Q(t) = average * product of the patterns' factors at t.
struct DryWeatherInflow {
  int node = -1;
  std::string constituent;    // "FLOW" or a pollutant name
  int pollutant = -1;         // index into Model::pollutants; -1 for FLOW
  double average = 0.0;       // [m³/s] for FLOW (a concentration for pollutants)
  std::vector<int> patterns;  // up to 4 pattern indices (any of monthly/daily/hourly/weekend)
  int line = 0;
};

// ---------------------------------------------------------------------------------------------
// Control rules (see controls.hpp for the parser)
// ---------------------------------------------------------------------------------------------

enum class RuleObject { Node, Link, Conduit, Pump, Orifice, Weir, Outlet, Simulation, Gage };

enum class RuleAttribute {
  Depth,
  MaxDepth,
  Head,
  Volume,
  Inflow,
  Flow,
  FullFlow,
  FullDepth,
  Status,
  Setting,
  Length,
  Slope,
  Velocity,
  TimeOpen,
  TimeClosed,  // object attributes
  Time,
  Date,
  ClockTime,
  Month,
  Day,
  DayOfYear,  // SIMULATION attributes
  Intensity,
  Rainfall,  // GAGE (not simulated)
  Unknown
};

enum class Relation { Eq, Ne, Lt, Le, Gt, Ge };

/// One side of a premise: an object's attribute, e.g. NODE N1 DEPTH or SIMULATION TIME.
struct RuleVariable {
  RuleObject object = RuleObject::Simulation;
  std::string id;  // empty for SIMULATION
  int index = -1;  // node or link index; -1 for SIMULATION / GAGE
  RuleAttribute attribute = RuleAttribute::Time;
};

/// One step of a rule EXPRESSION in postfix order (SWMM 5.2 mathexpr.c; see
/// inp/controls_expression.hpp for the grammar and the evaluation).
struct ExpressionOp {
  enum class Code { Number, Variable, Add, Sub, Mul, Div, Pow, Neg, Function } code = Code::Number;
  double number = 0.0;  // Number
  int index = -1;       // Variable: into RuleExpression::variables; Function: its code
};

/// EXPRESSION name = formula of named VARIABLEs (read in the file's units, as SWMM does).
struct RuleExpression {
  std::string name;
  std::vector<RuleVariable> variables;  // the named variables the formula reads
  std::vector<ExpressionOp> ops;        // postfix
  std::string formula;                  // as written
  int line = 0;
};

struct Premise {
  enum class Join { If, And, Or } join = Join::If;
  /// Index into Model::rule_expressions when the left side is an EXPRESSION (then lhs is
  /// unused and the right-hand value is a plain number), else -1.
  int expression = -1;
  RuleVariable lhs;
  Relation relation = Relation::Eq;
  bool rhs_is_variable = false;
  RuleVariable rhs_variable;
  /// Right-hand value in SI: depth/head [m], flow [m³/s], volume [m³], TIME/CLOCKTIME [s],
  /// DATE [days since 1899-12-30 as in SWMM], MONTH 1-12, DAY 1-7 (Sunday = 1),
  /// STATUS ON/OPEN = 1, OFF/CLOSED = 0, SETTING as written.
  double value = 0.0;
  std::string value_text;  // as written
  int line = 0;
};

struct Action {
  RuleObject object = RuleObject::Pump;  // PUMP, ORIFICE, WEIR, OUTLET, CONDUIT
  std::string id;
  int link = -1;
  RuleAttribute attribute = RuleAttribute::Setting;  // Status or Setting
  enum class Kind { Value, Curve, TimeSeries, Pid } kind = Kind::Value;
  double value = 0.0;                   // STATUS ON/OPEN = 1, OFF/CLOSED = 0; SETTING as written
  int curve = -1;                       // Kind::Curve (CONTROL curve)
  int series = -1;                      // Kind::TimeSeries
  double kp = 0.0, ki = 0.0, kd = 0.0;  // Kind::Pid (ki, kd in minutes as in SWMM)
  int line = 0;
};

struct Rule {
  std::string id;
  std::vector<Premise> premises;
  std::vector<Action> then_actions;
  std::vector<Action> else_actions;
  double priority = 0.0;
  int line = 0;
};

// ---------------------------------------------------------------------------------------------
// Report and map sections (kept for output and display; coordinates in map units, unconverted)
// ---------------------------------------------------------------------------------------------

struct Report {
  /// Each [REPORT] keyword and its values, in file order (e.g. NODES -> {"ALL"}).
  std::vector<std::pair<std::string, std::vector<std::string>>> entries;
};

struct Point2 {
  double x = 0.0, y = 0.0;
};

struct MapData {
  std::unordered_map<std::string, Point2> coordinates;                // node -> point
  std::unordered_map<std::string, std::vector<Point2>> vertices;      // link -> points
  std::unordered_map<std::string, std::vector<Point2>> polygons;      // subcatchment -> points
  std::unordered_map<std::string, Point2> symbols;                    // rain gage -> point
  std::vector<std::pair<std::string, std::vector<std::string>>> map;  // [MAP] keyword -> values
  struct Label {
    Point2 at;
    std::string text;
    std::vector<std::string> rest;  // anchor, font, size, bold, italic
  };
  std::vector<Label> labels;
  /// [TAGS]: object kind (Node/Link/Subcatch) -> id -> tag.
  std::map<std::string, std::map<std::string, std::string>> tags;
};

// ---------------------------------------------------------------------------------------------
// Sections kept but not simulated
// ---------------------------------------------------------------------------------------------

struct RawLine {
  int line = 0;
  std::vector<std::string> tokens;
};

/// A section the engine does not simulate (SUBCATCHMENTS, RAINGAGES, POLLUTANTS, ...), kept
/// token by token so that nothing is lost.
struct RawSection {
  std::string name;  // upper-case, without brackets, e.g. "SUBCATCHMENTS"
  std::vector<RawLine> lines;
};

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

struct Model {
  std::string source;              // the file name used in messages
  std::vector<std::string> title;  // [TITLE] lines
  Options options;

  std::vector<Node> nodes;
  std::vector<Outfall> outfalls;
  std::vector<Storage> storages;
  std::vector<Divider> dividers;

  std::vector<Link> links;
  std::vector<Conduit> conduits;
  std::vector<Pump> pumps;
  std::vector<Orifice> orifices;
  std::vector<Weir> weirs;
  std::vector<Outlet> outlets;
  std::vector<Xsection> xsections;
  std::vector<Losses> losses;
  std::vector<Transect> transects;

  std::vector<Curve> curves;
  std::vector<TimeSeries> timeseries;
  std::vector<Pattern> patterns;

  std::vector<Pollutant> pollutants;
  std::vector<ExternalInflow> inflows;
  std::vector<DryWeatherInflow> dry_weather_inflows;
  std::vector<Rule> rules;
  std::vector<RuleExpression> rule_expressions;

  // hydrology (inp/hydrology.hpp)
  std::vector<RainGage> gages;
  std::vector<Subcatchment> subcatchments;
  Evaporation evaporation;
  std::vector<LidControl> lid_controls;  // [LID_CONTROLS] (inp/lid.hpp)
  std::vector<LidUsage> lid_usages;      // [LID_USAGE]

  Report report;
  MapData map;
  std::vector<RawSection> unsupported;  // kept-but-not-simulated sections, in file order

  // ID -> index lookups. Keys are the IDs in upper case: SWMM matches object IDs without regard
  // to ASCII case (hash.c), so "c1" and "C1" name the same conduit. Use the find_* functions.
  std::unordered_map<std::string, int> node_index;
  std::unordered_map<std::string, int> link_index;
  std::unordered_map<std::string, int> curve_index;
  std::unordered_map<std::string, int> series_index;
  std::unordered_map<std::string, int> pattern_index;
  std::unordered_map<std::string, int> transect_index;
  std::unordered_map<std::string, int> gage_index;
  std::unordered_map<std::string, int> subcatchment_index;
  std::unordered_map<std::string, int> pollutant_index;
  int find_pollutant(const std::string& id) const { return find(pollutant_index, id); }
  int find_gage(const std::string& id) const { return find(gage_index, id); }
  int find_subcatchment(const std::string& id) const { return find(subcatchment_index, id); }
  int find_transect(const std::string& id) const { return find(transect_index, id); }

  /// -1 when the id is unknown.
  int find_node(const std::string& id) const { return find(node_index, id); }
  int find_link(const std::string& id) const { return find(link_index, id); }
  int find_curve(const std::string& id) const { return find(curve_index, id); }
  int find_series(const std::string& id) const { return find(series_index, id); }
  int find_pattern(const std::string& id) const { return find(pattern_index, id); }

  /// Multiply a value in SI by this to get the file's units back (see units.hpp for all).
  double length_to_user = 1.0;  // m -> ft or m
  double flow_to_user = 1.0;    // m³/s -> the FLOW_UNITS

 private:
  static int find(const std::unordered_map<std::string, int>& m, const std::string& id) {
    std::string key = id;
    for (char& c : key)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    auto it = m.find(key);
    return it == m.end() ? -1 : it->second;
  }
};

}  // namespace sf::inp
