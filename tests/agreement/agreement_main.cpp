// spongeflow-agreement: runs the agreement cases on the CPU and the CUDA backend and checks that
// they agree (1e-10 relative in f64, 1e-5 in f32). Needs no GoogleTest, so that a bare GPU
// machine can run it.
//   spongeflow-agreement [--json FILE] [--swmm-cases DIR]
// Exit status: 0 all agree, 1 some disagree or failed, 2 bad arguments, 77 skipped (no CUDA
// backend in this build or no CUDA device here; ctest's SKIP_RETURN_CODE).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "agreement.hpp"

namespace {

using sf::agreement::Comparison;

constexpr int kSkipped = 77;

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n') ? ' ' : c;
  }
  return out;
}

void write_json(const std::string& path, const std::vector<Comparison>& all, int passed) {
  std::ofstream f(path);
  f << "{\n  \"passed\": " << passed << ",\n  \"failed\": " << all.size() - passed
    << ",\n  \"cases\": [\n";
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Comparison& c = all[i];
    char err[32], tol[32];
    std::snprintf(err, sizeof err, "%.3e", c.error);
    std::snprintf(tol, sizeof tol, "%.0e", c.tolerance);
    f << "    {\"name\": \"" << json_escape(c.name) << "\", \"precision\": \""
      << sf::to_string(c.precision) << "\", \"relative_error\": " << err
      << ", \"tolerance\": " << tol << ", \"pass\": " << (c.pass() ? "true" : "false")
      << ", \"note\": \"" << json_escape(c.note) << "\"}" << (i + 1 < all.size() ? "," : "")
      << "\n";
  }
  f << "  ]\n}\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string json, swmm_cases = SPONGEFLOW_SHARED_DIR "/swmm/cases";
  for (int a = 1; a < argc; ++a) {
    if (!std::strcmp(argv[a], "--json") && a + 1 < argc) {
      json = argv[++a];
    } else if (!std::strcmp(argv[a], "--swmm-cases") && a + 1 < argc) {
      swmm_cases = argv[++a];
    } else {
      std::fprintf(stderr, "usage: spongeflow-agreement [--json FILE] [--swmm-cases DIR]\n");
      return 2;
    }
  }
  if (!sf::cuda_backend_built() || !sf::cuda_device_available()) {
    std::printf("skipped: %s\n", sf::cuda_backend_built() ? "no CUDA device on this machine"
                                                          : "this build has no CUDA backend");
    return kSkipped;
  }
  std::vector<Comparison> all;
  auto add = [&](const char* family, auto&& run) {
    try {
      for (Comparison& c : run()) all.push_back(std::move(c));
    } catch (const std::exception& e) {
      Comparison c;
      c.name = family;
      c.note = std::string("threw: ") + e.what();
      all.push_back(c);
    }
  };
  for (sf::Precision p : {sf::Precision::kF64, sf::Precision::kF32}) {
    add("surface", [&] { return sf::agreement::surface_agreement(p); });
    add("coupled", [&] { return sf::agreement::coupled_agreement(p); });
  }
  add("network", [&] { return sf::agreement::network_agreement(swmm_cases); });
  int passed = 0;
  for (const Comparison& c : all) {
    passed += c.pass() ? 1 : 0;
    std::printf("%-4s %-40s %s  relative error %.3e (tolerance %.0e)%s%s\n",
                c.pass() ? "ok" : "FAIL", c.name.c_str(), sf::to_string(c.precision).c_str(),
                c.error, c.tolerance, c.note.empty() ? "" : "  ", c.note.c_str());
  }
  std::printf("%d of %zu cases agree\n", passed, all.size());
  if (!json.empty()) write_json(json, all, passed);
  return passed == int(all.size()) ? 0 : 1;
}
