// The program's name line and version, shared by spongeflow and spongeflow-network so that
// --help and --version read the same from both.
#pragma once

namespace sf::app {

inline constexpr const char* kProgramDescription =
    "spongeflow - GPU-accelerated urban flood and drainage simulator";
inline constexpr const char* kProgramVersion = "spongeflow 0.1.0";

}  // namespace sf::app
