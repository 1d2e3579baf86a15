// Parameters and per-cell state of a LID / sponge measure as a stack of layers, after SWMM's LID
// model (Rossman & Huber 2016, Vol. I ch. 6 / Vol. III). A measure covers whole cells; the cell's
// 2D surface water is what flows onto it. Layer water is stored as depth of water per unit plan
// area (m), so the balance is a plain sum of the layers; levels and moistures are derived from it.
#pragma once

#include <cstdint>

#include "core/hd.hpp"

namespace sf::soil {

enum class LidKind : std::uint8_t {
  kNone = 0,
  kPermeablePavement,   // surface, pavement, optional soil, storage, optional underdrain
  kGreenRoof,           // surface, soil, drainage mat (storage drained by the mat law)
  kBioretention,        // surface, soil, optional storage, optional underdrain
  kInfiltrationTrench,  // surface, storage, optional underdrain
  kRainBarrel,          // storage (covered) with a drain opened after a dry delay
};

template <class T>
struct LidSurfaceLayer {
  T berm_height;  // water the measure's surface holds before overflowing to the cell (m)
};

template <class T>
struct LidPavementLayer {
  T thickness;         // m; 0 means no pavement layer
  T void_fraction;     // pore volume / total volume (-) (SWMM's void ratio e gives e/(1+e))
  T impervious_share;  // share of the pavement area of solid pavers (-)
  T permeability;      // rate water passes the pavement (m/s)
};

template <class T>
struct LidSoilLayer {
  T thickness;           // m; 0 means no soil layer
  T porosity;            // volume fraction (-)
  T field_capacity;      // moisture below which the soil does not drain by gravity (-)
  T wilting_point;       // moisture below which plants cannot evaporate water (-)
  T ks;                  // saturated hydraulic conductivity (m/s)
  T conductivity_slope;  // HCO in K(theta) = Ks exp(-HCO (porosity - theta)) (-)
  T suction;             // Green-Ampt suction head for infiltration from the surface (m)
  T initial_moisture;    // theta at the start (-), also sets the Green-Ampt deficit
};

template <class T>
struct LidStorageLayer {
  T height;         // m; 0 means no storage layer
  T void_fraction;  // (-); 1 for a barrel or tank
  T seepage;        // exfiltration capacity into the native soil (m/s); 0 for a lined unit
  T initial_fill;   // share of the storage full at the start (-)
};

template <class T>
struct LidDrainLayer {
  // Outflow q = coeff (h - offset)^exponent (m/s) with h the storage water level (m), so coeff is
  // in m^(1-exponent)/s. A green roof's drainage mat uses the same law with offset 0.
  T coeff;     // 0 means no drain
  T exponent;  // (-)
  T offset;    // height of the drain above the storage bottom (m)
  T delay;     // dry time after rain before the drain opens (s); rain barrels, else 0
};

template <class T>
struct LidParams {
  LidKind kind = LidKind::kNone;
  LidSurfaceLayer<T> surface{};
  LidPavementLayer<T> pavement{};
  LidSoilLayer<T> soil{};
  LidStorageLayer<T> storage{};
  LidDrainLayer<T> drain{};
};

/// Water held in each layer of one cell, as depth of water per unit area (m).
template <class T>
struct LidState {
  T surface = T(0);
  T pavement = T(0);
  T soil = T(0);
  T storage = T(0);
  T dry_time = T(0);  // time since the last rain (s), for the drain delay

  SF_HD T water() const { return surface + pavement + soil + storage; }
};

/// Water moved during one step (m per unit area). The balance of a step is, to round-off,
///   water_after - water_before = rain + from_surface - infiltrated - evaporated - drained -
///   overflow
template <class T>
struct LidFluxes {
  T rain = T(0);          // rain falling on the measure in the step
  T from_surface = T(0);  // taken from the cell's surface water
  T infiltrated = T(0);   // to the native soil below
  T evaporated = T(0);
  T drained = T(0);   // underdrain (or drainage mat) outflow, leaves the cell
  T overflow = T(0);  // returned to the cell's surface water
};

}  // namespace sf::soil
