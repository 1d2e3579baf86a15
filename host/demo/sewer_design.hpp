// Storm-sewer design rules used to lay out the urban demo network: rational-method design flow,
// Manning full-bore pipe size, commercial diameters and the wet-well volume of a pump station.
// Textbook formulas, SI units; the choices behind the numbers are in docs/coupling.md.
#pragma once

namespace sf::couple {

/// Rational method Q = C i A (m³/s) with C the runoff coefficient (-), i the design rain
/// intensity (m/s) and A the contributing area (m²) (Kuichling 1889; e.g. ASCE/WEF 1992,
/// "Design and Construction of Urban Stormwater Management Systems", ch. 5).
double rational_flow(double runoff_coeff, double intensity_m_per_s, double area_m2);

/// Diameter (m) of a circular pipe flowing full that carries q (m³/s) at slope s (m/m) with
/// Manning's n: q = (1/n) (pi D²/4) (D/4)^(2/3) s^(1/2)  =>  D = (4^(5/3) n q / (pi
/// s^(1/2)))^(3/8). Throws std::invalid_argument for a slope or n that is not positive.
double manning_full_diameter(double q, double manning_n, double slope);

/// Full-bore Manning capacity (m³/s) of a circular pipe of diameter d (m) at slope s.
double manning_full_flow(double d, double manning_n, double slope);

/// The smallest commercial (metric nominal) diameter >= d, from 0.30 m up to 3.0 m in the usual
/// 75/150 mm steps; d above the largest size throws std::invalid_argument.
double next_commercial_diameter(double d);

/// Plan area (m²) of a wet well whose volume between pump start and stop levels, band (m) apart,
/// keeps a constant-speed pump of capacity q_pump (m³/s) from starting more often than once per
/// min_cycle_s (s): the shortest cycle of a sump filled at inflow Q_in and emptied at q_pump is
/// 4 V / q_pump (at Q_in = q_pump / 2), so V = q_pump * min_cycle / 4 (e.g. Jones, Sanks et al.,
/// "Pumping Station Design", 3rd ed. 2006, ch. 12).
double wet_well_area(double q_pump, double min_cycle_s, double band);

}  // namespace sf::couple
