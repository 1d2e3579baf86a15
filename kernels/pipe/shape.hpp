// The SWMM 5.2 cross-section shapes, in SWMM's order (enums.h, XsectType): the one list used by
// the .inp reader (host/inp, which maps the [XSECTIONS] keywords onto it) and the pipe physics.
#pragma once

namespace sf::pipe {

enum class Shape : int {
  Dummy,
  Circular,
  FilledCircular,
  RectClosed,
  RectOpen,
  Trapezoidal,
  Triangular,
  Parabolic,
  PowerFunc,
  RectTriangular,
  RectRound,
  ModBasket,
  HorizEllipse,
  VertEllipse,
  Arch,
  Egg,
  Horseshoe,
  Gothic,
  Catenary,
  SemiElliptical,
  BasketHandle,
  SemiCircular,
  Irregular,
  Custom,
  ForceMain,
  Street  // read (a [STREETS] cross section) but not simulated: build_xsect refuses it
};

/// Number of shapes, for tables indexed by Shape.
inline constexpr int kShapeCount = static_cast<int>(Shape::Street) + 1;

}  // namespace sf::pipe
