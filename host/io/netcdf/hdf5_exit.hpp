// HDF5 registers an atexit handler that closes every file still open. netCDF-4 leaves a file open
// in HDF5 when its final flush fails (full disk, file-size limit), and that handler then crashes
// in H5F__close_cb (exit 139 instead of 2). Every results file is closed explicitly before exit,
// so the handler has nothing left to save: it is switched off.
#pragma once

namespace sf::io {

/// Call first thing in main(), before any netCDF or HDF5 call (HDF5 registers its handler when
/// it starts). Later calls, or calls after HDF5 started, do nothing.
void skip_hdf5_cleanup_at_exit();

}  // namespace sf::io
