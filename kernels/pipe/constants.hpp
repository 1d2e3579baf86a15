// Numerical constants of SWMM 5.2's dynamic-wave solver, expressed in SI. SWMM computes in US
// units with g = 32.2 ft/s²; we keep that value (9.81456 m/s²) so results match its reports.
#pragma once

namespace sf::pipe {

constexpr double kFtToM = 0.3048;
/// Gravity used by SWMM (32.2 ft/s²) in m/s² (Rossman 2017, eq. 3-3 uses g consistently).
constexpr double kGravity = 32.2 * kFtToM;
/// SWMM's "FUDGE" (0.0001 ft): depth below which a conduit end counts as dry [m].
constexpr double kFudge = 0.0001 * kFtToM;
/// The same FUDGE used as an area threshold (0.0001 ft²) [m²].
constexpr double kFudgeArea = 0.0001 * kFtToM * kFtToM;
/// The same FUDGE used as a flow threshold (0.0001 cfs) [m³/s].
constexpr double kFudgeFlow = 0.0001 * kFtToM * kFtToM * kFtToM;
/// Velocity cap in the momentum equation's inertial terms (50 ft/s) [m/s].
constexpr double kMaxVelocity = 50.0 * kFtToM;
/// Relative depth above which a closed conduit's top width is frozen (EXTRAN) [-].
constexpr double kExtranCrownCutoff = 0.96;
/// Relative depth above which the Preissmann slot applies (Sjoberg formula) [-].
constexpr double kSlotCrownCutoff = 0.985257;
/// Under-relaxation factor of the Picard iterations.
constexpr double kOmega = 0.5;
/// Flow below which a pump or outfall counts as idle (0.001 cfs) [m³/s].
constexpr double kMinRunoffFlow = 0.001 * kFtToM * kFtToM * kFtToM;
/// Minimum elevation drop given to a conduit with no fall (0.001 ft) [m].
constexpr double kMinDeltaZ = 0.001 * kFtToM;
/// Smallest equivalent length of an orifice or weir (200 ft) [m].
constexpr double kMinRegulatorLength = 200.0 * kFtToM;
/// Rectangular closed sections: area fraction above which the top closes (hydraulic radius).
constexpr double kRectAlfMax = 0.97;
constexpr double kPi = 3.14159265358979323846;

/// Flow classification of a conduit (Rossman 2017, section 3.4).
enum FlowClass : int {
  kDry = 0,
  kUpDry = 1,
  kDnDry = 2,
  kSubcritical = 3,
  kSupercritical = 4,
  kUpCritical = 5,
  kDnCritical = 6,
};

}  // namespace sf::pipe
