// The [XSECTIONS] keyword of a cross-section shape ("CIRCULAR", "RECT_CLOSED", ...), for
// outputs that name a conduit's shape the way its .inp file does.
#pragma once

#include "pipe/shape.hpp"

namespace sf::inp {

const char* shape_keyword(pipe::Shape shape);

}  // namespace sf::inp
