// The CF "units" of the results' time axis: "seconds since <start of the run, UTC>".
#pragma once

#include <string>

namespace sf::io {

/// "seconds since 2024-07-01T00:00:00Z" for any ISO 8601 start ("2024-07-01",
/// "2024-07-01 10:00", "2024-07-01T10:00:00+10:00" ...), normalised to UTC with a "Z" so that
/// UDUNITS-2, cftime/xarray and GDAL read the same instant. An empty start (unknown) gives
/// "seconds since 1970-01-01". Throws std::invalid_argument naming the text and the expected
/// form when it is not an ISO 8601 date-time.
std::string cf_seconds_since(const std::string& iso8601_start);

}  // namespace sf::io
