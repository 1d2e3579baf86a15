#include "demo/chain_network.hpp"

#include <cstdio>
#include <sstream>

namespace sf::demo {

std::string chain_network_inp(int chains, int per_chain, int hours) {
  char end_time[16];
  std::snprintf(end_time, sizeof end_time, "%02d:00", hours);
  std::ostringstream s;
  s << "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
    << "START_TIME 00:00\nEND_DATE 01/01/2020\nEND_TIME " << end_time << "\nROUTING_STEP 10\n"
    << "VARIABLE_STEP 0.75\nREPORT_STEP 00:15\n[JUNCTIONS]\n";
  for (int c = 0; c < chains; ++c)
    for (int k = 0; k < per_chain; ++k)
      s << "J" << c << "_" << k << " " << 100.0 - 0.1 * k << " 3 0 0 0\n";
  s << "[OUTFALLS]\n";
  for (int c = 0; c < chains; ++c) s << "O" << c << " " << 100.0 - 0.1 * per_chain << " FREE NO\n";
  s << "[CONDUITS]\n";
  for (int c = 0; c < chains; ++c)
    for (int k = 0; k < per_chain; ++k) {
      s << "C" << c << "_" << k << " J" << c << "_" << k << " ";
      if (k + 1 < per_chain)
        s << "J" << c << "_" << k + 1;
      else
        s << "O" << c;
      s << " 100 0.013 0 0 0 0\n";
    }
  s << "[XSECTIONS]\n";
  for (int c = 0; c < chains; ++c)
    for (int k = 0; k < per_chain; ++k) s << "C" << c << "_" << k << " CIRCULAR 1.0 0 0 0 1\n";
  s << "[TIMESERIES]\nHYD 0 0\nHYD 0.25 0.5\nHYD 1 0.1\nHYD 100 0.1\n[INFLOWS]\n";
  for (int c = 0; c < chains; ++c)
    for (int k = 0; k < per_chain; k += 10) s << "J" << c << "_" << k << " FLOW HYD FLOW 1.0 0.2\n";
  return s.str();
}

}  // namespace sf::demo
