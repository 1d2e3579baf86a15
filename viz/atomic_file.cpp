#include "atomic_file.hpp"

#include <filesystem>
#include <fstream>
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
  const std::string tmp = temporary_name_for(path);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out.good()) {
      out.close();
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      throw std::runtime_error(path + ": cannot write " + tmp);
    }
  }
  move_into_place(tmp, path);
}

}  // namespace sf::viz
