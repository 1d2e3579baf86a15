// What a surface-coupled network node is (docs/coupling.md).
#pragma once

#include <optional>
#include <string>

namespace sf::couple {

/// An inlet takes gutter flow through a grate, a manhole lid can surcharge, an outfall
/// discharges onto the surface cell it lies in.
enum class CouplingRole { Inlet, Manhole, Outfall };

inline const char* role_name(CouplingRole role) {
  switch (role) {
    case CouplingRole::Inlet:
      return "inlet";
    case CouplingRole::Manhole:
      return "manhole";
    case CouplingRole::Outfall:
      return "outfall";
  }
  return "manhole";
}

inline std::optional<CouplingRole> parse_role(const std::string& s) {
  if (s == "inlet") return CouplingRole::Inlet;
  if (s == "manhole") return CouplingRole::Manhole;
  if (s == "outfall") return CouplingRole::Outfall;
  return std::nullopt;
}

}  // namespace sf::couple
