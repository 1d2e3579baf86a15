// One number as text in a printf format ("%.3f", "%g"), for tables and reports.
#pragma once

#include <cstdio>
#include <string>

namespace sf {

/// `format` must take exactly one double (e.g. "%.3f"); the text is cut at 63 characters.
inline std::string number_text(const char* format, double v) {
  char b[64];
  std::snprintf(b, sizeof b, format, v);
  return b;
}

}  // namespace sf
