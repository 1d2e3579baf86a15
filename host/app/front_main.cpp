// bin/spongeflow: the program's entry point. `spongeflow network ...` runs here, in a small
// executable that links only the .inp reader, the network engine and its writers, so a network
// run starts in milliseconds. Every other command is handed to bin/spongeflow-app (main.cpp,
// with VTK, GDAL, HDF5, netCDF: ~130 shared libraries loaded and initialised before main, up
// to seconds on a busy machine) by execv with the same arguments, the same process id and
// environment, so its messages and exit codes are unchanged.
#include <cstring>
#include <iostream>

#include "app/exec_sibling.hpp"
#include "app/network_command.hpp"

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "network") == 0)
    return sf::network::network_command_main(argc, argv);
  sf::app::exec_sibling("spongeflow-app", argv);
  std::cerr << "error: cannot start spongeflow-app (expected beside spongeflow)\n";
  return 2;
}
