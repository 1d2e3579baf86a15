// Runs the spongeflow executable and captures its exit status and combined output.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

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

/// Starts bin/spongeflow with `args` (stdout and stderr to `log`), waits until `ready()` holds
/// or `timeout` passes, sends `signal_number` and returns the exit status (minus the signal when
/// the signal killed it).
inline int run_spongeflow_and_signal(const std::vector<std::string>& args, const std::string& log,
                                     const std::function<bool()>& ready, int signal_number,
                                     std::chrono::seconds timeout = std::chrono::seconds(30)) {
  const std::string binary = std::string(SPONGEFLOW_BINARY_DIR) + "/bin/spongeflow";
  std::vector<std::string> all = {binary};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    if (!freopen(log.c_str(), "w", stdout) || !freopen(log.c_str(), "a", stderr)) _exit(99);
    execv(binary.c_str(), argv.data());
    _exit(98);
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!ready() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  kill(pid, signal_number);
  int st = 0;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
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
