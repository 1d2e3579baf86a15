#include "io/netcdf/hdf5_exit.hpp"

#include <hdf5.h>

namespace sf::io {

void skip_hdf5_cleanup_at_exit() {
  H5dont_atexit();  // fails harmlessly when HDF5 has already started
}

}  // namespace sf::io
