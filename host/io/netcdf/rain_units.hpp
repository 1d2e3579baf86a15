// Rain units through UDUNITS-2: is a variable a rate (-> m/s) or an amount (-> m), and by what
// factor? Water equivalents use a density of 1000 kg m-3 (1 kg m-2 = 1 mm).
// The units must agree with the variable's standard_name and cell_methods: a variable that
// declares a rate (lwe_precipitation_rate, precipitation_flux, rainfall_rate, rainfall_flux)
// needs units convertible to m s-1 or kg m-2 s-1; one that declares an amount
// (precipitation_amount, lwe_thickness_of_precipitation_amount, rainfall_amount,
// thickness_of_rainfall_amount) or carries cell_methods "time: sum" needs m or kg m-2.
// Without a standard_name the units alone decide.
#pragma once

#include <memory>
#include <string>

namespace sf::io {

enum class RainQuantity { kRate, kAmount };

struct RainUnits {
  RainQuantity quantity = RainQuantity::kRate;
  double to_si = 1.0;  // value * to_si = m/s (rate) or m (amount)
};

/// The CF standard names a rain variable is looked up by, in order of preference.
const char* const* rain_standard_names();  // nullptr-terminated

/// Owns a UDUNITS-2 unit system (loaded once; a few milliseconds).
class UnitSystem {
 public:
  UnitSystem();  // throws std::runtime_error when the UDUNITS-2 database cannot be read
  ~UnitSystem();
  UnitSystem(const UnitSystem&) = delete;
  UnitSystem& operator=(const UnitSystem&) = delete;

  /// Classifies `units` for a variable; throws sf::InputError naming file and variable, the
  /// units found and the units accepted.
  RainUnits classify_rain(const std::string& units, const std::string& standard_name,
                          const std::string& cell_methods, const std::string& file,
                          const std::string& variable) const;

  /// Factor from `units` to metres (for x/y coordinates); throws sf::InputError.
  double length_to_metres(const std::string& units, const std::string& file,
                          const std::string& variable) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sf::io
