#include "viz/atomic_file.hpp"

#include "common/atomic_text_file.hpp"

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace sf::viz {

std::string temporary_name_for(const std::string& path) {
  // Same folder (rename must not cross file systems); ".part" hides it from "*.vti" globs.
  return path + ".part";
}

void move_into_place(const std::string& tmp, const std::string& path) {
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error(path + ": cannot move " + tmp + " into place: " + ec.message());
  }
}

void write_text_file_atomically(const std::string& path, const std::string& text) {
  sf::write_text_file_atomically(path, text, temporary_name_for(path));
}

}  // namespace sf::viz
