#include "io/netcdf/rain_units.hpp"

#include <udunits2.h>

#include <stdexcept>

#include "common/input_error.hpp"

namespace sf::io {
namespace {

constexpr double kWaterDensity = 1000.0;  // kg m-3

bool is_one_of(const std::string& s, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (s == n) return true;
  return false;
}

struct FreeUnit {
  void operator()(ut_unit* u) const { ut_free(u); }
};
using UnitPtr = std::unique_ptr<ut_unit, FreeUnit>;

}  // namespace

const char* const* rain_standard_names() {
  static const char* const names[] = {"lwe_precipitation_rate",
                                      "precipitation_flux",
                                      "precipitation_amount",
                                      "lwe_thickness_of_precipitation_amount",
                                      "rainfall_rate",
                                      "rainfall_flux",
                                      "rainfall_amount",
                                      "thickness_of_rainfall_amount",
                                      nullptr};
  return names;
}

struct UnitSystem::Impl {
  ut_system* system = nullptr;
  UnitPtr metre, metre_per_second, kg_per_m2, kg_per_m2_per_second;

  UnitPtr parse(const std::string& text) const {
    const auto b = text.find_first_not_of(" \t");
    if (b == std::string::npos) return UnitPtr(nullptr);
    const std::string t = text.substr(b, text.find_last_not_of(" \t") - b + 1);
    return UnitPtr(ut_parse(system, t.c_str(), UT_ASCII));
  }
  // Factor from `from` to `to`, or 0 when they are not convertible.
  static double factor(const ut_unit* from, const ut_unit* to) {
    if (!from || !ut_are_convertible(from, to)) return 0.0;
    cv_converter* c = ut_get_converter(const_cast<ut_unit*>(from), const_cast<ut_unit*>(to));
    if (!c) return 0.0;
    const double one = cv_convert_double(c, 1.0), zero = cv_convert_double(c, 0.0);
    cv_free(c);
    return zero == 0.0 ? one : 0.0;  // an offset (like degC) is never a rain unit
  }
};

UnitSystem::UnitSystem() : impl_(std::make_unique<Impl>()) {
  ut_set_error_message_handler(ut_ignore);  // UDUNITS would print to stderr; we throw instead
  impl_->system = ut_read_xml(nullptr);
  if (!impl_->system)
    throw std::runtime_error(
        "cannot read the UDUNITS-2 unit database (set UDUNITS2_XML_PATH to udunits2.xml)");
  impl_->metre = impl_->parse("m");
  impl_->metre_per_second = impl_->parse("m s-1");
  impl_->kg_per_m2 = impl_->parse("kg m-2");
  impl_->kg_per_m2_per_second = impl_->parse("kg m-2 s-1");
}

UnitSystem::~UnitSystem() {
  if (impl_) {
    impl_->metre.reset();
    impl_->metre_per_second.reset();
    impl_->kg_per_m2.reset();
    impl_->kg_per_m2_per_second.reset();
    if (impl_->system) ut_free_system(impl_->system);
  }
}

RainUnits UnitSystem::classify_rain(const std::string& units, const std::string& standard_name,
                                    const std::string& cell_methods, const std::string& file,
                                    const std::string& variable) const {
  const UnitPtr unit = impl_->parse(units);
  if (!unit)
    throw InputError(InputIssue{file, 0, "[rain]", variable,
                                "units \"" + units +
                                    "\" are missing or not understood by UDUNITS-2; expected a "
                                    "rain rate (e.g. mm h-1, m s-1, kg m-2 s-1) or amount (e.g. "
                                    "mm, kg m-2)"});
  const double rate_length = Impl::factor(unit.get(), impl_->metre_per_second.get());
  const double rate_mass = Impl::factor(unit.get(), impl_->kg_per_m2_per_second.get());
  const double amount_length = Impl::factor(unit.get(), impl_->metre.get());
  const double amount_mass = Impl::factor(unit.get(), impl_->kg_per_m2.get());

  const bool declares_rate =
      is_one_of(standard_name,
                {"lwe_precipitation_rate", "precipitation_flux", "rainfall_rate", "rainfall_flux"});
  const bool declares_amount =
      is_one_of(standard_name, {"precipitation_amount", "lwe_thickness_of_precipitation_amount",
                                "rainfall_amount", "thickness_of_rainfall_amount"}) ||
      cell_methods.find("time: sum") != std::string::npos;
  const std::string declared = standard_name.empty() ? "cell_methods \"" + cell_methods + "\""
                                                     : "standard_name " + standard_name;

  const bool is_rate = rate_length > 0.0 || rate_mass > 0.0;
  const bool is_amount = amount_length > 0.0 || amount_mass > 0.0;
  if (declares_rate && !is_rate)
    throw InputError(
        InputIssue{file, 0, "[rain]", variable,
                   "units \"" + units + "\" are " +
                       (is_amount ? "an amount (a length or mass per area)" : "not a rate") +
                       ", but " + declared +
                       " declares a rate; expected units convertible to m s-1 (e.g. "
                       "mm h-1, mm s-1) or kg m-2 s-1"});
  if (declares_amount && !is_amount)
    throw InputError(
        InputIssue{file, 0, "[rain]", variable,
                   "units \"" + units + "\" are " + (is_rate ? "a rate" : "not an amount") +
                       ", but " + declared +
                       " declares an accumulated amount; expected units convertible to m (e.g. "
                       "mm) or kg m-2"});
  if (is_rate && !declares_amount)
    return RainUnits{RainQuantity::kRate,
                     rate_length > 0.0 ? rate_length : rate_mass / kWaterDensity};
  if (is_amount && !declares_rate)
    return RainUnits{RainQuantity::kAmount,
                     amount_length > 0.0 ? amount_length : amount_mass / kWaterDensity};
  throw InputError(InputIssue{file, 0, "[rain]", variable,
                              "units \"" + units +
                                  "\" are neither a rain rate nor a rain amount; expected units "
                                  "convertible to m s-1, kg m-2 s-1, m or kg m-2"});
}

double UnitSystem::length_to_metres(const std::string& units, const std::string& file,
                                    const std::string& variable) const {
  const UnitPtr unit = impl_->parse(units);
  const double f = Impl::factor(unit.get(), impl_->metre.get());
  if (!(f > 0.0))
    throw InputError(InputIssue{file, 0, "[rain]", variable,
                                "coordinate units \"" + units +
                                    "\" are not a length; expected m or km (or degrees for "
                                    "latitude/longitude)"});
  return f;
}

}  // namespace sf::io
