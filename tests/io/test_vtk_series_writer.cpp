// VtkSeriesWriter: .vti files read back with VTK's own reader, the .pvd lists every snapshot
// with its time, and a writer that dies without close() still leaves a valid series.
#include <gtest/gtest.h>
#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkDataSetAttributes.h>
#include <vtkFieldData.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkXMLImageDataReader.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "scratch_dir.hpp"
#include "viz/vtk_series_writer.hpp"

namespace {

sf::GridGeometry small_grid() {
  sf::GridGeometry g;
  g.nx = 4;
  g.ny = 3;
  g.dx = 0.99993681000029;
  g.x0 = 382249.79174463;
  g.y0 = 6354265.4322858;
  return g;
}

/// Values that encode the cell and the output number, so a flipped or shifted array shows.
sf::SurfaceSnapshot snapshot(const sf::GridGeometry& g, int index, double time) {
  sf::SurfaceSnapshot s;
  s.grid = &g;
  s.index = index;
  s.time_s = time;
  const std::size_t n = static_cast<std::size_t>(g.nx) * g.ny;
  s.active.assign(n, 1);
  s.active[1] = 0;  // cell (1, 0) is nodata
  for (auto* a : {&s.bed, &s.depth, &s.level, &s.u, &s.v, &s.speed, &s.max_depth}) a->resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    s.bed[k] = 20.0 + 0.5 * static_cast<double>(k);
    s.depth[k] = 0.01 * static_cast<double>(k) + index;
    s.level[k] = s.bed[k] + s.depth[k];
    s.u[k] = 0.25 * static_cast<double>(k);
    s.v[k] = -0.5;
    s.speed[k] = std::hypot(s.u[k], s.v[k]);
    s.max_depth[k] = s.depth[k] + 0.125;
  }
  return s;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

vtkSmartPointer<vtkImageData> read_vti(const std::string& path) {
  vtkNew<vtkXMLImageDataReader> reader;
  reader->SetFileName(path.c_str());
  reader->Update();
  return reader->GetOutput();
}

TEST(VtkSeriesWriter, TwoSnapshotsReadBackWithTheirValuesAndTimes) {
  sf::test::ScratchDir dir;
  const auto grid = small_grid();
  sf::viz::VtkSeriesWriter writer(dir.file("results"), "flood");
  writer.write(snapshot(grid, 0, 0.0));
  writer.write(snapshot(grid, 1, 0.1));
  writer.close();

  const std::string pvd = slurp(dir.file("results/flood.pvd"));
  EXPECT_NE(pvd.find("<DataSet timestep=\"0\" group=\"\" part=\"0\" file=\"flood_00000.vti\"/>"),
            std::string::npos)
      << pvd;
  EXPECT_NE(pvd.find("<DataSet timestep=\"0.1\" group=\"\" part=\"0\" file=\"flood_00001.vti\"/>"),
            std::string::npos)
      << pvd;
  EXPECT_EQ(writer.entries().size(), 2u);

  auto image = read_vti(dir.file("results/flood_00001.vti"));
  ASSERT_NE(image, nullptr);
  EXPECT_EQ(image->GetNumberOfCells(), 12);
  int dims[3];
  image->GetDimensions(dims);
  EXPECT_EQ(dims[0], 5);
  EXPECT_EQ(dims[1], 4);
  double origin[3], spacing[3];
  image->GetOrigin(origin);
  image->GetSpacing(spacing);
  EXPECT_NEAR(origin[0], grid.x0, 1e-6);
  EXPECT_NEAR(origin[1], grid.y0, 1e-6);
  EXPECT_NEAR(spacing[0], grid.dx, 1e-12);

  vtkCellData* cells = image->GetCellData();
  for (const char* name : {"bed_elevation", "depth", "water_level", "u", "v", "speed", "velocity",
                           "max_depth", "active", vtkDataSetAttributes::GhostArrayName()})
    EXPECT_NE(cells->GetArray(name), nullptr) << name;
  // Cell (2, 1) has index 6: the engine's order is VTK's cell order.
  EXPECT_FLOAT_EQ(cells->GetArray("depth")->GetTuple1(6), 1.06f);
  EXPECT_FLOAT_EQ(cells->GetArray("bed_elevation")->GetTuple1(6), 23.0f);
  EXPECT_FLOAT_EQ(cells->GetArray("water_level")->GetTuple1(6), 24.06f);
  EXPECT_FLOAT_EQ(cells->GetArray("max_depth")->GetTuple1(6), 1.185f);
  EXPECT_FLOAT_EQ(cells->GetArray("velocity")->GetComponent(6, 0), 1.5f);
  EXPECT_FLOAT_EQ(cells->GetArray("velocity")->GetComponent(6, 1), -0.5f);
  EXPECT_EQ(cells->GetArray("velocity")->GetNumberOfComponents(), 3);
  // The nodata cell is hidden and carries no value.
  EXPECT_EQ(cells->GetArray("active")->GetTuple1(1), 0.0);
  EXPECT_EQ(cells->GetArray(vtkDataSetAttributes::GhostArrayName())->GetTuple1(1),
            vtkDataSetAttributes::HIDDENCELL);
  EXPECT_TRUE(std::isnan(cells->GetArray("depth")->GetTuple1(1)));
  EXPECT_EQ(cells->GetArray("active")->GetTuple1(6), 1.0);

  vtkDataArray* time = image->GetFieldData()->GetArray("TIME");
  ASSERT_NE(time, nullptr);
  EXPECT_EQ(time->GetTuple1(0), 0.1);
}

TEST(VtkSeriesWriter, InterruptedRunLeavesAValidSeries) {
  sf::test::ScratchDir dir;
  const auto grid = small_grid();
  {
    auto writer = std::make_unique<sf::viz::VtkSeriesWriter>(dir.file("run"));
    // Before any snapshot the collection already exists and is valid (and empty).
    EXPECT_NE(slurp(writer->pvd_path()).find("<Collection>\n  </Collection>"), std::string::npos);
    writer->write(snapshot(grid, 0, 0.0));
    writer->write(snapshot(grid, 1, 60.0));
    writer.reset();  // dies without close()
  }
  const std::string pvd = slurp(dir.file("run/surface.pvd"));
  EXPECT_NE(pvd.find("timestep=\"60\""), std::string::npos) << pvd;
  EXPECT_NE(pvd.find("</VTKFile>"), std::string::npos) << pvd;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.file("run"))) {
    ++files;
    EXPECT_EQ(entry.path().string().find(".part"), std::string::npos) << entry.path();
  }
  EXPECT_EQ(files, 3);  // surface.pvd and two .vti, no temporary leftovers
  EXPECT_EQ(read_vti(dir.file("run/surface_00001.vti"))->GetNumberOfCells(), 12);
}

TEST(VtkSeriesWriter, WrongArrayLengthIsRefused) {
  sf::test::ScratchDir dir;
  const auto grid = small_grid();
  sf::viz::VtkSeriesWriter writer(dir.file("run"));
  auto s = snapshot(grid, 0, 0.0);
  s.depth.pop_back();
  try {
    writer.write(s);
    FAIL() << "a short depth array was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "snapshot array 'depth' holds 11 values; expected nx * ny = 12");
  }
  EXPECT_TRUE(writer.entries().empty());
}

}  // namespace
