// NetworkVtpSeriesWriter: two snapshots of a 3-node, 2-link network read back with VTK's own
// reader (points, polylines, point and cell arrays), the .pvd lists both with their times, and
// an inconsistent snapshot is refused with the array named.
#include <gtest/gtest.h>
#include <unistd.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkFieldData.h>
#include <vtkIdList.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkXMLPolyDataReader.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "viz/network_vtp_writer.hpp"

namespace {

namespace fs = std::filesystem;

/// A fresh folder per test, removed at the end.
struct Scratch {
  fs::path path;
  Scratch() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path = fs::temp_directory_path() /
           ("sf_couple_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(path);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

/// N0 (0,0) -> L0 -> N1 (100,0) -> L1 (a pump, one bend at (150,50)) -> N2 (100,100), in CRS
/// metres; values encode the element and the output number so a shift or a swap shows.
sf::NetworkSnapshot snapshot(int index, double time) {
  sf::NetworkSnapshot s;
  s.index = index;
  s.time_s = time;
  s.node_id = {"N0", "N1", "N2"};
  s.node_x = {530000.0, 530100.0, 530100.0};
  s.node_y = {3380000.0, 3380000.0, 3380100.0};
  s.node_z = {20.0, 19.0, 21.0};
  for (int i = 0; i < 3; ++i) {
    s.node_depth.push_back(0.1 * (i + 1) + index);
    s.node_head.push_back(s.node_z[i] + s.node_depth[i]);
    s.node_flooding.push_back(i == 2 ? 0.5 * index : 0.0);
  }
  s.link_id = {"L0", "L1"};
  s.link_node1 = {0, 1};
  s.link_node2 = {1, 2};
  s.vertex_start = {0, 0, 1};
  s.vertex_x = {530150.0};
  s.vertex_y = {3380050.0};
  s.link_flow = {0.25 + index, -0.5};
  s.link_velocity = {1.5, 0.0};
  s.link_fill_ratio = {0.4, 0.0};
  s.link_pump_status = {-1, index % 2};
  return s;
}

vtkSmartPointer<vtkPolyData> read_vtp(const fs::path& path) {
  vtkNew<vtkXMLPolyDataReader> reader;
  reader->SetFileName(path.string().c_str());
  reader->Update();
  vtkSmartPointer<vtkPolyData> poly = reader->GetOutput();
  return poly;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(NetworkVtp, TwoSnapshotsReadBackWithPolylinesAndArrays) {
  Scratch dir;
  sf::viz::NetworkVtpSeriesWriter writer(dir.path.string(), "net");
  writer.write(snapshot(0, 0.0));
  writer.write(snapshot(1, 300.0));
  writer.close();

  for (int index : {0, 1}) {
    const fs::path file = dir.path / ("net_0000" + std::to_string(index) + ".vtp");
    ASSERT_TRUE(fs::exists(file)) << file;
    vtkSmartPointer<vtkPolyData> poly = read_vtp(file);
    ASSERT_EQ(poly->GetNumberOfPoints(), 4);  // 3 nodes + 1 bend
    ASSERT_EQ(poly->GetNumberOfVerts(), 3);
    ASSERT_EQ(poly->GetNumberOfLines(), 2);
    double p[3];
    poly->GetPoint(1, p);
    EXPECT_DOUBLE_EQ(p[0], 530100.0);  // Float64 points keep CRS metres exact
    EXPECT_DOUBLE_EQ(p[1], 3380000.0);
    EXPECT_DOUBLE_EQ(p[2], 19.0);  // z is the invert

    // polylines: L0 = [0, 1], L1 = [1, bend, 2]
    vtkCellArray* lines = poly->GetLines();
    vtkNew<vtkIdList> ids;
    lines->GetCellAtId(0, ids);
    ASSERT_EQ(ids->GetNumberOfIds(), 2);
    EXPECT_EQ(ids->GetId(0), 0);
    EXPECT_EQ(ids->GetId(1), 1);
    lines->GetCellAtId(1, ids);
    ASSERT_EQ(ids->GetNumberOfIds(), 3);
    EXPECT_EQ(ids->GetId(0), 1);
    EXPECT_EQ(ids->GetId(1), 3);
    EXPECT_EQ(ids->GetId(2), 2);
    poly->GetPoint(3, p);
    EXPECT_DOUBLE_EQ(p[0], 530150.0);
    EXPECT_DOUBLE_EQ(p[1], 3380050.0);

    vtkPointData* pd = poly->GetPointData();
    ASSERT_NE(pd->GetArray("node_depth"), nullptr);
    for (int i = 0; i < 3; ++i) {
      EXPECT_NEAR(pd->GetArray("node_depth")->GetTuple1(i), 0.1 * (i + 1) + index, 1e-12);
      EXPECT_NEAR(pd->GetArray("node_head")->GetTuple1(i), snapshot(index, 0).node_head[i], 1e-12);
      EXPECT_EQ(pd->GetArray("node_index")->GetTuple1(i), i);
    }
    EXPECT_NEAR(pd->GetArray("node_flooding")->GetTuple1(2), 0.5 * index, 1e-12);
    // the bend is halfway along L1 (two equal legs): invert and depth interpolated there
    EXPECT_NEAR(pd->GetArray("node_invert")->GetTuple1(3), 20.0, 1e-9);
    EXPECT_NEAR(pd->GetArray("node_depth")->GetTuple1(3), 0.25 + index, 1e-9);
    EXPECT_TRUE(std::isnan(pd->GetArray("node_flooding")->GetTuple1(3)));
    EXPECT_EQ(pd->GetArray("node_index")->GetTuple1(3), -1);

    // cell data: 3 vertex cells, then the 2 lines
    vtkCellData* cd = poly->GetCellData();
    ASSERT_NE(cd->GetArray("link_flow"), nullptr);
    ASSERT_EQ(cd->GetArray("link_flow")->GetNumberOfTuples(), 5);
    EXPECT_TRUE(std::isnan(cd->GetArray("link_flow")->GetTuple1(0)));
    EXPECT_NEAR(cd->GetArray("link_flow")->GetTuple1(3), 0.25 + index, 1e-12);
    EXPECT_NEAR(cd->GetArray("link_flow")->GetTuple1(4), -0.5, 1e-12);
    EXPECT_NEAR(cd->GetArray("link_velocity")->GetTuple1(3), 1.5, 1e-12);
    EXPECT_NEAR(cd->GetArray("link_fill_ratio")->GetTuple1(3), 0.4, 1e-12);
    EXPECT_EQ(cd->GetArray("link_pump_status")->GetTuple1(3), -1);
    EXPECT_EQ(cd->GetArray("link_pump_status")->GetTuple1(4), index % 2);
    EXPECT_EQ(cd->GetArray("link_index")->GetTuple1(2), -1);
    EXPECT_EQ(cd->GetArray("link_index")->GetTuple1(4), 1);
    ASSERT_NE(poly->GetFieldData()->GetArray("TimeValue"), nullptr);
    EXPECT_DOUBLE_EQ(poly->GetFieldData()->GetArray("TimeValue")->GetTuple1(0), 300.0 * index);
  }

  const std::string pvd = slurp(dir.path / "net.pvd");
  EXPECT_NE(pvd.find("timestep=\"0\" group=\"\" part=\"0\" file=\"net_00000.vtp\""),
            std::string::npos)
      << pvd;
  EXPECT_NE(pvd.find("timestep=\"300\" group=\"\" part=\"0\" file=\"net_00001.vtp\""),
            std::string::npos)
      << pvd;
  EXPECT_EQ(writer.entries().size(), 2u);
  for (const auto& entry : fs::directory_iterator(dir.path))
    EXPECT_NE(entry.path().extension(), ".part") << "a temporary file was left behind";
}

TEST(NetworkVtp, RewritingAnIndexReplacesItsEntry) {
  Scratch dir;
  sf::viz::NetworkVtpSeriesWriter writer(dir.path.string());
  writer.write(snapshot(0, 0.0));
  writer.write(snapshot(0, 60.0));
  ASSERT_EQ(writer.entries().size(), 1u);
  EXPECT_DOUBLE_EQ(writer.entries()[0].time_s, 60.0);
  EXPECT_TRUE(fs::exists(dir.path / "network.pvd"));
}

TEST(NetworkVtp, InconsistentSnapshotNamesTheArray) {
  Scratch dir;
  sf::viz::NetworkVtpSeriesWriter writer(dir.path.string());
  sf::NetworkSnapshot s = snapshot(0, 0.0);
  s.link_velocity.pop_back();
  try {
    writer.write(s);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("link_velocity has 1 entries; expected 2"),
              std::string::npos)
        << e.what();
  }
  s = snapshot(0, 0.0);
  s.link_node2[1] = 7;
  EXPECT_THROW(writer.write(s), std::invalid_argument);
  EXPECT_FALSE(fs::exists(dir.path / "network_00000.vtp"));
}

}  // namespace
