// Runs the spongeflow executable and captures its exit status and combined output.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace sf::test {

struct CliResult {
  int status = -1;
  std::string output;
};

inline CliResult run_spongeflow(const std::string& args) {
  const std::string cmd = std::string(SPONGEFLOW_BINARY_DIR) + "/bin/spongeflow " + args + " 2>&1";
  CliResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  while (std::fgets(buf.data(), int(buf.size()), p)) r.output += buf.data();
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

/// A fresh folder under the build tree for one test's files.
inline std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::path(SPONGEFLOW_BINARY_DIR) / "test-scratch" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p) << text;
}

/// An ESRI ASCII grid of nx x ny cells of 1 m whose values fall 0.01 m per column eastwards.
inline std::string ascii_grid(int nx, int ny, double base = 10.0) {
  std::string s = "ncols " + std::to_string(nx) + "\nnrows " + std::to_string(ny) +
                  "\nxllcorner 1000\nyllcorner 2000\ncellsize 1\nNODATA_value -9999\n";
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i) s += std::to_string(base - 0.01 * i) + " ";
    s += "\n";
  }
  return s;
}

}  // namespace sf::test
