// The wall-clock time now, as ISO 8601 UTC ("2026-12-02T17:40:00Z"), for history attributes.
#pragma once

#include <ctime>
#include <string>

namespace sf {

inline std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace sf
