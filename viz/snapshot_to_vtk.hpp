// Internal to sf_viz_vtk: one SurfaceSnapshot as a vtkImageData with cell arrays.
#pragma once

#include <vtkImageData.h>
#include <vtkSmartPointer.h>

#include "engine/snapshot.hpp"

namespace sf::viz {

/// Cell arrays (Float32): bed_elevation, depth, water_level, u, v, speed, velocity (3 components),
/// max_depth; plus active (UInt8, 1 = computed) and vtkGhostType (HIDDENCELL where inactive);
/// field data TIME (s, Float64) and INDEX. Throws std::invalid_argument when an array has the
/// wrong length or the grid is missing.
vtkSmartPointer<vtkImageData> snapshot_to_image_data(const SurfaceSnapshot& snapshot);

}  // namespace sf::viz
