// The records of an earlier results.nc that a restarted run keeps: a run continued from a
// checkpoint writes a new file that starts with the first N records of the old one (the frames
// written up to the checkpoint), so the finished file is the one an uninterrupted run writes,
// whatever the old file held after the checkpoint. Internal to sf_io_netcdf_results.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace sf::io {

namespace nc {
class WritableFile;
}

/// Number of records (length of "time") in `path`; throws std::runtime_error naming the file
/// when it cannot be read.
std::size_t results_record_count(const std::string& path);

/// Copies "time" and every record variable of `old_path` (records 0 .. records-1) into the open
/// file `to` (data mode, same grid), whose variable ids are `varids`. Returns the time of the
/// last record copied (s). Throws std::runtime_error naming the old file when it has fewer
/// records, another grid or lacks a variable.
double copy_result_records(const std::string& old_path, std::size_t records, nc::WritableFile& to,
                           const std::map<std::string, int>& varids, bool float64, std::size_t ny,
                           std::size_t nx);

}  // namespace sf::io
