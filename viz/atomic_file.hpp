// Files that appear complete or not at all: write under a temporary name in the same folder,
// then rename (atomic on POSIX file systems), so a run killed midway never leaves half a file.
#pragma once

#include <string>

namespace sf::viz {

/// The temporary name used for `path` while it is being written.
std::string temporary_name_for(const std::string& path);

/// Renames `tmp` to `path`, replacing it. Throws std::runtime_error naming both on failure.
void move_into_place(const std::string& tmp, const std::string& path);

/// Writes `text` to `path` through a temporary file. Throws std::runtime_error on failure.
void write_text_file_atomically(const std::string& path, const std::string& text);

}  // namespace sf::viz
