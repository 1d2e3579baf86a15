#include "viz/snapshot_to_vtk.hpp"

#include <vtkCellData.h>
#include <vtkDataSetAttributes.h>
#include <vtkDoubleArray.h>
#include <vtkFieldData.h>
#include <vtkFloatArray.h>
#include <vtkIntArray.h>
#include <vtkUnsignedCharArray.h>

#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace sf::viz {
namespace {

void check_length(const std::vector<double>& a, std::size_t n, const char* name) {
  if (a.size() != n)
    throw std::invalid_argument(std::string("snapshot array '") + name + "' holds " +
                                std::to_string(a.size()) +
                                " values; expected nx * ny = " + std::to_string(n));
}

/// Float32 halves the files; 7 significant digits are ample for viewing depths and levels.
/// Inactive cells get NaN as well as the ghost flag, so tools that ignore ghosts still never
/// mistake the fill values under nodata (e.g. -9999) for data.
vtkSmartPointer<vtkFloatArray> cell_array(const char* name, const std::vector<double>& values,
                                          const std::vector<unsigned char>& active) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  auto a = vtkSmartPointer<vtkFloatArray>::New();
  a->SetName(name);
  a->SetNumberOfTuples(static_cast<vtkIdType>(values.size()));
  for (std::size_t k = 0; k < values.size(); ++k)
    a->SetValue(static_cast<vtkIdType>(k), active[k] ? static_cast<float>(values[k]) : nan);
  return a;
}

vtkSmartPointer<vtkFloatArray> velocity_array(const SurfaceSnapshot& s) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  auto a = vtkSmartPointer<vtkFloatArray>::New();
  a->SetName("velocity");
  a->SetNumberOfComponents(3);
  a->SetNumberOfTuples(static_cast<vtkIdType>(s.u.size()));
  for (std::size_t k = 0; k < s.u.size(); ++k) {
    const bool on = s.active[k] != 0;
    const float t[3] = {on ? static_cast<float>(s.u[k]) : nan,
                        on ? static_cast<float>(s.v[k]) : nan, on ? 0.0f : nan};
    a->SetTypedTuple(static_cast<vtkIdType>(k), t);
  }
  return a;
}

template <class Array, class T>
vtkSmartPointer<Array> one_value(const char* name, T value) {
  auto a = vtkSmartPointer<Array>::New();
  a->SetName(name);
  a->SetNumberOfTuples(1);
  a->SetValue(0, value);
  return a;
}

}  // namespace

vtkSmartPointer<vtkImageData> snapshot_to_image_data(const SurfaceSnapshot& s) {
  if (!s.grid) throw std::invalid_argument("snapshot has no grid geometry");
  const GridGeometry& g = *s.grid;
  if (g.nx <= 0 || g.ny <= 0 || !(g.dx > 0.0))
    throw std::invalid_argument("snapshot grid is empty or has a non-positive cell size");
  const std::size_t n = static_cast<std::size_t>(g.nx) * static_cast<std::size_t>(g.ny);
  if (s.active.size() != n)
    throw std::invalid_argument("snapshot array 'active' holds " + std::to_string(s.active.size()) +
                                " flags; expected nx * ny = " + std::to_string(n));
  check_length(s.bed, n, "bed");
  check_length(s.depth, n, "depth");
  check_length(s.level, n, "level");
  check_length(s.u, n, "u");
  check_length(s.v, n, "v");
  check_length(s.speed, n, "speed");
  check_length(s.max_depth, n, "max_depth");

  // Points are cell corners, so the grid has (nx + 1) x (ny + 1) points and nx x ny cells;
  // VTK's cell order (i fastest, j northwards) is the engine's order.
  auto image = vtkSmartPointer<vtkImageData>::New();
  image->SetDimensions(g.nx + 1, g.ny + 1, 1);
  image->SetOrigin(g.x0, g.y0, 0.0);
  image->SetSpacing(g.dx, g.dx, 1.0);

  vtkCellData* cells = image->GetCellData();
  cells->AddArray(cell_array("bed_elevation", s.bed, s.active));
  cells->AddArray(cell_array("water_level", s.level, s.active));
  cells->AddArray(cell_array("u", s.u, s.active));
  cells->AddArray(cell_array("v", s.v, s.active));
  cells->AddArray(cell_array("speed", s.speed, s.active));
  cells->AddArray(cell_array("max_depth", s.max_depth, s.active));
  cells->SetScalars(cell_array("depth", s.depth, s.active));
  cells->SetVectors(velocity_array(s));

  auto active = vtkSmartPointer<vtkUnsignedCharArray>::New();
  active->SetName("active");
  active->SetNumberOfTuples(static_cast<vtkIdType>(n));
  // HIDDENCELL: ParaView and VTK filters skip these cells (blanking) instead of drawing them.
  auto ghost = vtkSmartPointer<vtkUnsignedCharArray>::New();
  ghost->SetName(vtkDataSetAttributes::GhostArrayName());
  ghost->SetNumberOfTuples(static_cast<vtkIdType>(n));
  for (std::size_t k = 0; k < n; ++k) {
    const bool on = s.active[k] != 0;
    active->SetValue(static_cast<vtkIdType>(k), on ? 1 : 0);
    ghost->SetValue(static_cast<vtkIdType>(k), on ? 0 : vtkDataSetAttributes::HIDDENCELL);
  }
  cells->AddArray(active);
  cells->AddArray(ghost);

  image->GetFieldData()->AddArray(one_value<vtkDoubleArray>("TIME", s.time_s));
  image->GetFieldData()->AddArray(one_value<vtkIntArray>("INDEX", s.index));
  return image;
}

}  // namespace sf::viz
