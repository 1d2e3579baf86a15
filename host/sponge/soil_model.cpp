// Validation and conversion of the land-use class table (see soil_model.hpp).
#include "sponge/soil_model.hpp"

#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>

#include "common/input_error.hpp"

namespace sf::soil {
namespace {

// Collects the problems of one class so that the user sees all of them at once.
class ClassChecker {
 public:
  ClassChecker(std::vector<InputIssue>& issues, std::string source, std::string cls)
      : issues_(issues), source_(std::move(source)), section_("[soil] class '" + cls + "'") {}

  void fail(const std::string& field, double found, const std::string& expected) {
    std::ostringstream m;
    m << found << "; expected " << expected;
    issues_.push_back({source_, 0, section_, field, m.str()});
  }
  void fail(const std::string& field, const std::string& message) {
    issues_.push_back({source_, 0, section_, field, message});
  }
  void at_least(const std::string& field, double v, double lo, const std::string& what) {
    if (!(v >= lo)) fail(field, v, what);
  }
  void positive(const std::string& field, double v, const std::string& what) {
    if (!(v > 0)) fail(field, v, what);
  }
  void share(const std::string& field, double v) {
    if (!(v >= 0 && v <= 1)) fail(field, v, "a share in [0, 1]");
  }

 private:
  std::vector<InputIssue>& issues_;
  std::string source_, section_;
};

void check_infiltration(ClassChecker& c, const InfiltrationParams<double>& p) {
  switch (p.model) {
    case InfiltrationModel::kHorton: {
      const auto& h = p.horton;
      c.at_least("horton.fmin", h.fmin, 0, "a rate >= 0 (m/s)");
      if (!(h.f0 >= h.fmin))
        c.fail("horton.f0", h.f0, "a rate >= fmin (" + std::to_string(h.fmin) + " m/s)");
      c.at_least("horton.decay", h.decay, 0, "a decay constant >= 0 (1/s)");
      c.at_least("horton.recovery", h.recovery, 0, "a regeneration constant >= 0 (1/s)");
      c.positive("horton.max_volume", h.max_volume, "a depth > 0 (m), or no limit");
      break;
    }
    case InfiltrationModel::kGreenAmpt: {
      const auto& g = p.green_ampt;
      c.positive("green_ampt.ks", g.ks, "a conductivity > 0 (m/s)");
      c.at_least("green_ampt.suction", g.suction, 0, "a suction head >= 0 (m)");
      c.share("green_ampt.imd_max", g.imd_max);
      break;
    }
    case InfiltrationModel::kCurveNumber: {
      const auto& n = p.curve_number;
      c.at_least("curve_number.s_max", n.s_max, 0, "a retention >= 0 (m), i.e. CN in (0, 100]");
      c.share("curve_number.initial_abstraction_ratio", n.initial_abstraction_ratio);
      c.positive("curve_number.regen", n.regen, "a regeneration constant > 0 (1/s)");
      break;
    }
    case InfiltrationModel::kNone:
      break;
    default:
      c.fail("infiltration.model", "unknown infiltration model");
  }
}

void check_lid(ClassChecker& c, const LidParams<double>& p) {
  if (p.kind == LidKind::kNone) return;
  const bool pavement = p.pavement.thickness > 0, soil = p.soil.thickness > 0,
             storage = p.storage.height > 0;
  c.at_least("lid.surface.berm_height", p.surface.berm_height, 0, "a height >= 0 (m)");
  c.at_least("lid.pavement.thickness", p.pavement.thickness, 0, "a thickness >= 0 (m)");
  c.at_least("lid.soil.thickness", p.soil.thickness, 0, "a thickness >= 0 (m)");
  c.at_least("lid.storage.height", p.storage.height, 0, "a height >= 0 (m)");
  if (pavement) {
    if (!(p.pavement.void_fraction > 0 && p.pavement.void_fraction < 1))
      c.fail("lid.pavement.void_fraction", p.pavement.void_fraction, "a fraction in (0, 1)");
    if (!(p.pavement.impervious_share >= 0 && p.pavement.impervious_share < 1))
      c.fail("lid.pavement.impervious_share", p.pavement.impervious_share, "a share in [0, 1)");
    c.positive("lid.pavement.permeability", p.pavement.permeability, "a rate > 0 (m/s)");
  }
  if (soil) {
    const auto& s = p.soil;
    if (!(s.porosity > 0 && s.porosity <= 1))
      c.fail("lid.soil.porosity", s.porosity, "a fraction in (0, 1]");
    if (!(s.field_capacity >= 0 && s.field_capacity <= s.porosity))
      c.fail("lid.soil.field_capacity", s.field_capacity, "a moisture in [0, porosity]");
    if (!(s.wilting_point >= 0 && s.wilting_point <= s.field_capacity))
      c.fail("lid.soil.wilting_point", s.wilting_point, "a moisture in [0, field_capacity]");
    if (!(s.initial_moisture >= 0 && s.initial_moisture <= s.porosity))
      c.fail("lid.soil.initial_moisture", s.initial_moisture, "a moisture in [0, porosity]");
    c.positive("lid.soil.ks", s.ks, "a conductivity > 0 (m/s)");
    c.at_least("lid.soil.conductivity_slope", s.conductivity_slope, 0, "a slope >= 0");
    c.at_least("lid.soil.suction", s.suction, 0, "a suction head >= 0 (m)");
  }
  if (storage) {
    if (!(p.storage.void_fraction > 0 && p.storage.void_fraction <= 1))
      c.fail("lid.storage.void_fraction", p.storage.void_fraction, "a fraction in (0, 1]");
    c.share("lid.storage.initial_fill", p.storage.initial_fill);
  }
  c.at_least("lid.storage.seepage", p.storage.seepage, 0, "a rate >= 0 (m/s)");
  c.at_least("lid.drain.coeff", p.drain.coeff, 0, "a coefficient >= 0 (m^(1-n)/s)");
  c.at_least("lid.drain.exponent", p.drain.exponent, 0, "an exponent >= 0");
  c.at_least("lid.drain.delay", p.drain.delay, 0, "a delay >= 0 (s)");
  if (!(p.drain.offset >= 0 && (!storage || p.drain.offset <= p.storage.height)))
    c.fail("lid.drain.offset", p.drain.offset, "a height in [0, storage height]");
  if (p.drain.coeff > 0 && !storage)
    c.fail("lid.drain.coeff", "a drain needs a storage layer (lid.storage.height > 0)");

  auto need = [&](bool present, const char* field, const char* kind) {
    if (!present) c.fail(field, std::string("0; a ") + kind + " needs this layer (> 0)");
  };
  auto forbid = [&](bool present, const char* field, const char* kind) {
    if (present) c.fail(field, std::string("a ") + kind + " has no such layer; expected 0");
  };
  switch (p.kind) {
    case LidKind::kPermeablePavement:
      need(pavement, "lid.pavement.thickness", "permeable pavement");
      need(storage, "lid.storage.height", "permeable pavement");
      break;
    case LidKind::kGreenRoof:
      need(soil, "lid.soil.thickness", "green roof");
      need(storage, "lid.storage.height", "green roof (drainage mat)");
      forbid(pavement, "lid.pavement.thickness", "green roof");
      if (p.storage.seepage != 0)
        c.fail("lid.storage.seepage", p.storage.seepage,
               "0 for a green roof (a roof does not seep)");
      break;
    case LidKind::kBioretention:
      need(soil, "lid.soil.thickness", "bioretention cell");
      forbid(pavement, "lid.pavement.thickness", "bioretention cell");
      break;
    case LidKind::kInfiltrationTrench:
      need(storage, "lid.storage.height", "infiltration trench");
      forbid(pavement, "lid.pavement.thickness", "infiltration trench");
      forbid(soil, "lid.soil.thickness", "infiltration trench");
      break;
    case LidKind::kRainBarrel:
      need(storage, "lid.storage.height", "rain barrel");
      forbid(pavement, "lid.pavement.thickness", "rain barrel");
      forbid(soil, "lid.soil.thickness", "rain barrel");
      if (p.storage.seepage != 0)
        c.fail("lid.storage.seepage", p.storage.seepage, "0 for a rain barrel (it is closed)");
      break;
    default:
      c.fail("lid.kind", "unknown LID kind");
  }
}

}  // namespace

void validate(const SoilModel& model, const std::string& source) {
  std::vector<InputIssue> issues;
  if (model.classes.empty())
    issues.push_back({source, 0, "[soil]", "classes", "none given; expected at least one class"});
  if (model.classes.size() > 256)
    issues.push_back({source, 0, "[soil]", "classes",
                      std::to_string(model.classes.size()) + " given; expected at most 256"});
  std::set<std::string> seen;
  for (const LandUseClass& cls : model.classes) {
    ClassChecker c(issues, source, cls.name);
    if (cls.name.empty())
      c.fail("name", "empty; expected a class name");
    else if (!seen.insert(cls.name).second)
      c.fail("name", "defined twice; expected unique names");
    c.positive("manning_n", cls.manning_n, "a Manning n > 0 (s m^-1/3)");
    c.share("impervious_share", cls.impervious_share);
    check_infiltration(c, cls.infiltration);
    check_lid(c, cls.lid);
  }
  if (!issues.empty()) throw InputError(std::move(issues));
}

namespace {
template <class T>
HortonParams<T> cast(const HortonParams<double>& p) {
  return {T(p.f0), T(p.fmin), T(p.decay), T(p.recovery),
          std::isinf(p.max_volume) ? std::numeric_limits<T>::infinity() : T(p.max_volume)};
}
template <class T>
LidParams<T> cast(const LidParams<double>& p) {
  LidParams<T> q;
  q.kind = p.kind;
  q.surface = {T(p.surface.berm_height)};
  q.pavement = {T(p.pavement.thickness), T(p.pavement.void_fraction),
                T(p.pavement.impervious_share), T(p.pavement.permeability)};
  q.soil = {T(p.soil.thickness),
            T(p.soil.porosity),
            T(p.soil.field_capacity),
            T(p.soil.wilting_point),
            T(p.soil.ks),
            T(p.soil.conductivity_slope),
            T(p.soil.suction),
            T(p.soil.initial_moisture)};
  q.storage = {T(p.storage.height), T(p.storage.void_fraction), T(p.storage.seepage),
               T(p.storage.initial_fill)};
  q.drain = {T(p.drain.coeff), T(p.drain.exponent), T(p.drain.offset), T(p.drain.delay)};
  return q;
}
}  // namespace

template <class T>
std::vector<SoilClassParams<T>> class_table(const SoilModel& model) {
  std::vector<SoilClassParams<T>> table;
  for (const LandUseClass& cls : model.classes) {
    SoilClassParams<T> c;
    c.pervious_share = T(1.0 - cls.impervious_share);
    const auto& in = cls.infiltration;
    c.infiltration.model = in.model;
    c.infiltration.horton = cast<T>(in.horton);
    c.infiltration.green_ampt = {T(in.green_ampt.ks), T(in.green_ampt.suction),
                                 T(in.green_ampt.imd_max)};
    c.infiltration.curve_number = {T(in.curve_number.s_max),
                                   T(in.curve_number.initial_abstraction_ratio),
                                   T(in.curve_number.regen)};
    c.lid = cast<T>(cls.lid);
    table.push_back(c);
  }
  return table;
}

template <class T>
SoilInitialState<T> initial_state(const SoilModel& model,
                                  const std::vector<std::uint8_t>& cell_class) {
  const std::vector<SoilClassParams<T>> table = class_table<T>(model);
  const std::size_t n = cell_class.size();
  SoilInitialState<T> s;
  for (auto& slot : s.infiltration) slot.assign(n, T(0));
  for (auto* v : {&s.lid_surface, &s.lid_pavement, &s.lid_soil, &s.lid_storage, &s.lid_dry_time})
    v->assign(n, T(0));
  for (std::size_t k = 0; k < n; ++k) {
    if (cell_class[k] >= table.size())
      throw std::out_of_range("soil class index " + std::to_string(cell_class[k]) + " of cell " +
                              std::to_string(k) + " is not in the class table");
    const SoilClassParams<T>& c = table[cell_class[k]];
    T slots[kInfiltrationSlots];
    if (c.lid.kind != LidKind::kNone) {
      // A measure's soil surface keeps its Green-Ampt state in the infiltration slots.
      InfiltrationParams<T> ga;
      ga.model = InfiltrationModel::kGreenAmpt;
      ga.green_ampt = lid_soil_infiltration_params(c.lid);
      initial_infiltration_slots(ga, slots);
      const LidState<T> l = lid_initial_state(c.lid);
      s.lid_surface[k] = l.surface;
      s.lid_pavement[k] = l.pavement;
      s.lid_soil[k] = l.soil;
      s.lid_storage[k] = l.storage;
      s.lid_dry_time[k] = l.dry_time;
    } else {
      initial_infiltration_slots(c.infiltration, slots);
    }
    for (int i = 0; i < kInfiltrationSlots; ++i) s.infiltration[i][k] = slots[i];
  }
  return s;
}

template std::vector<SoilClassParams<float>> class_table<float>(const SoilModel&);
template std::vector<SoilClassParams<double>> class_table<double>(const SoilModel&);
template SoilInitialState<float> initial_state<float>(const SoilModel&,
                                                      const std::vector<std::uint8_t>&);
template SoilInitialState<double> initial_state<double>(const SoilModel&,
                                                        const std::vector<std::uint8_t>&);

double horton_recovery_from_drying_time(double drying_days) {
  return -std::log(1.0 - 0.98) / (drying_days * 86400.0);
}
double curve_number_retention(double curve_number) {
  return 0.0254 * (1000.0 / curve_number - 10.0);
}
double curve_number_regen_from_drying_time(double drying_days) {
  return 1.0 / (drying_days * 86400.0);
}
double drain_coeff_from_swmm_us(double coeff_in_per_h, double exponent) {
  return coeff_in_per_h * (0.0254 / 3600.0) / std::pow(0.0254, exponent);
}
double drain_coeff_from_swmm_si(double coeff_mm_per_h, double exponent) {
  return coeff_mm_per_h * (0.001 / 3600.0) / std::pow(0.001, exponent);
}

}  // namespace sf::soil
