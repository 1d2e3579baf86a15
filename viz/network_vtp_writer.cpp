#include "viz/network_vtp_writer.hpp"

#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDoubleArray.h>
#include <vtkFieldData.h>
#include <vtkIdList.h>
#include <vtkIntArray.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkSmartPointer.h>
#include <vtkXMLPolyDataWriter.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <utility>

#include "viz/atomic_file.hpp"
#include "viz/vtk_xml_file.hpp"

namespace sf::viz {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class V>
void require_size(const V& v, std::size_t n, const char* name) {
  if (v.size() != n)
    throw std::invalid_argument(std::string("network snapshot: ") + name + " has " +
                                std::to_string(v.size()) + " entries; expected " +
                                std::to_string(n));
}

void check(const NetworkSnapshot& s) {
  const std::size_t nn = s.node_x.size(), nl = s.link_node1.size();
  require_size(s.node_y, nn, "node_y");
  require_size(s.node_z, nn, "node_z");
  require_size(s.node_depth, nn, "node_depth");
  require_size(s.node_head, nn, "node_head");
  require_size(s.node_flooding, nn, "node_flooding");
  if (!s.node_id.empty()) require_size(s.node_id, nn, "node_id");
  require_size(s.link_node2, nl, "link_node2");
  require_size(s.link_flow, nl, "link_flow");
  require_size(s.link_velocity, nl, "link_velocity");
  require_size(s.link_fill_ratio, nl, "link_fill_ratio");
  require_size(s.link_pump_status, nl, "link_pump_status");
  if (!s.link_id.empty()) require_size(s.link_id, nl, "link_id");
  for (std::size_t j = 0; j < nl; ++j)
    for (int n : {s.link_node1[j], s.link_node2[j]})
      if (n < 0 || std::size_t(n) >= nn)
        throw std::invalid_argument("network snapshot: link " + std::to_string(j) + " names node " +
                                    std::to_string(n) + "; expected 0.." + std::to_string(nn) +
                                    " (exclusive)");
  if (s.vertex_start.empty()) {
    if (!s.vertex_x.empty())
      throw std::invalid_argument("network snapshot: bends without vertex_start");
    return;
  }
  require_size(s.vertex_start, nl + 1, "vertex_start");
  require_size(s.vertex_y, s.vertex_x.size(), "vertex_y");
  if (s.vertex_start.front() != 0 || std::size_t(s.vertex_start.back()) != s.vertex_x.size())
    throw std::invalid_argument("network snapshot: vertex_start must run from 0 to the bend count");
  for (std::size_t j = 0; j < nl; ++j)
    if (s.vertex_start[j + 1] < s.vertex_start[j])
      throw std::invalid_argument("network snapshot: vertex_start decreases at link " +
                                  std::to_string(j));
}

vtkSmartPointer<vtkDoubleArray> double_array(const char* name, vtkIdType n) {
  auto a = vtkSmartPointer<vtkDoubleArray>::New();
  a->SetName(name);
  a->SetNumberOfTuples(n);
  return a;
}

vtkSmartPointer<vtkIntArray> int_array(const char* name, vtkIdType n) {
  auto a = vtkSmartPointer<vtkIntArray>::New();
  a->SetName(name);
  a->SetNumberOfTuples(n);
  return a;
}

vtkSmartPointer<vtkPolyData> to_polydata(const NetworkSnapshot& s) {
  const vtkIdType nn = vtkIdType(s.node_x.size()), nl = vtkIdType(s.link_node1.size());
  const vtkIdType nb = vtkIdType(s.vertex_x.size()), np = nn + nb;
  auto bends_of = [&](vtkIdType j) {
    return s.vertex_start.empty() ? std::pair<int, int>{0, 0}
                                  : std::pair<int, int>{s.vertex_start[j], s.vertex_start[j + 1]};
  };

  vtkNew<vtkPoints> points;
  points->SetDataTypeToDouble();
  points->SetNumberOfPoints(np);
  auto depth = double_array("node_depth", np), head = double_array("node_head", np);
  auto invert = double_array("node_invert", np), flooding = double_array("node_flooding", np);
  auto node_index = int_array("node_index", np);
  for (vtkIdType i = 0; i < nn; ++i) {
    points->SetPoint(i, s.node_x[i], s.node_y[i], s.node_z[i]);
    depth->SetValue(i, s.node_depth[i]);
    head->SetValue(i, s.node_head[i]);
    invert->SetValue(i, s.node_z[i]);
    flooding->SetValue(i, s.node_flooding[i]);
    node_index->SetValue(i, int(i));
  }
  // Bends: values interpolated by distance along the link, so a coloured pipe has no seams.
  for (vtkIdType j = 0; j < nl; ++j) {
    const auto [b0, b1] = bends_of(j);
    if (b0 == b1) continue;
    const int n1 = s.link_node1[j], n2 = s.link_node2[j];
    std::vector<double> along{0.0};
    double px = s.node_x[n1], py = s.node_y[n1];
    for (int b = b0; b < b1; ++b) {
      along.push_back(along.back() + std::hypot(s.vertex_x[b] - px, s.vertex_y[b] - py));
      px = s.vertex_x[b];
      py = s.vertex_y[b];
    }
    const double total = along.back() + std::hypot(s.node_x[n2] - px, s.node_y[n2] - py);
    for (int b = b0; b < b1; ++b) {
      const double w = total > 0.0 ? along[b - b0 + 1] / total : 0.5;
      auto lerp = [&](const std::vector<double>& v) { return (1.0 - w) * v[n1] + w * v[n2]; };
      const vtkIdType p = nn + b;
      points->SetPoint(p, s.vertex_x[b], s.vertex_y[b], lerp(s.node_z));
      depth->SetValue(p, lerp(s.node_depth));
      head->SetValue(p, lerp(s.node_head));
      invert->SetValue(p, lerp(s.node_z));
      flooding->SetValue(p, kNaN);
      node_index->SetValue(p, -1);
    }
  }

  vtkNew<vtkCellArray> verts, lines;
  for (vtkIdType i = 0; i < nn; ++i) verts->InsertNextCell(1, &i);
  for (vtkIdType j = 0; j < nl; ++j) {
    const auto [b0, b1] = bends_of(j);
    vtkNew<vtkIdList> ids;
    ids->InsertNextId(s.link_node1[j]);
    for (int b = b0; b < b1; ++b) ids->InsertNextId(nn + b);
    ids->InsertNextId(s.link_node2[j]);
    lines->InsertNextCell(ids);
  }

  const vtkIdType nc = nn + nl;  // vertex cells first, then lines (vtkPolyData's cell order)
  auto flow = double_array("link_flow", nc), velocity = double_array("link_velocity", nc);
  auto fill = double_array("link_fill_ratio", nc);
  auto pump = int_array("link_pump_status", nc), link_index = int_array("link_index", nc);
  for (vtkIdType c = 0; c < nn; ++c) {
    flow->SetValue(c, kNaN);
    velocity->SetValue(c, kNaN);
    fill->SetValue(c, kNaN);
    pump->SetValue(c, -1);
    link_index->SetValue(c, -1);
  }
  for (vtkIdType j = 0; j < nl; ++j) {
    flow->SetValue(nn + j, s.link_flow[j]);
    velocity->SetValue(nn + j, s.link_velocity[j]);
    fill->SetValue(nn + j, s.link_fill_ratio[j]);
    pump->SetValue(nn + j, s.link_pump_status[j]);
    link_index->SetValue(nn + j, int(j));
  }

  auto poly = vtkSmartPointer<vtkPolyData>::New();
  poly->SetPoints(points);
  poly->SetVerts(verts);
  poly->SetLines(lines);
  for (auto* a : {depth.Get(), head.Get(), invert.Get(), flooding.Get()})
    poly->GetPointData()->AddArray(a);
  poly->GetPointData()->AddArray(node_index);
  for (auto* a : {flow.Get(), velocity.Get(), fill.Get()}) poly->GetCellData()->AddArray(a);
  poly->GetCellData()->AddArray(pump);
  poly->GetCellData()->AddArray(link_index);
  auto time = double_array("TimeValue", 1);  // ParaView reads the time from this field
  time->SetValue(0, s.time_s);
  poly->GetFieldData()->AddArray(time);
  return poly;
}

void write_vtp(vtkPolyData* poly, const std::string& path) {
  vtkNew<vtkXMLPolyDataWriter> writer;
  writer->SetInputData(poly);
  write_vtk_xml_file(writer, path, "VTK poly data");
}

std::string vtp_name(const std::string& basename, int index) {
  char number[32];
  std::snprintf(number, sizeof number, "%05d", index);
  return basename + "_" + number + ".vtp";
}

}  // namespace

NetworkVtpSeriesWriter::NetworkVtpSeriesWriter(std::string out_dir, std::string basename)
    : out_dir_(std::move(out_dir)), basename_(std::move(basename)) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir_, ec);
  if (ec) throw std::runtime_error(out_dir_ + ": cannot create the output folder: " + ec.message());
  pvd_.open((std::filesystem::path(out_dir_) / (basename_ + ".pvd")).string());
}

void NetworkVtpSeriesWriter::write(const NetworkSnapshot& snapshot) {
  if (closed_) throw std::logic_error(pvd_.path() + ": write() after close()");
  check(snapshot);
  vtkSmartPointer<vtkPolyData> poly = to_polydata(snapshot);
  const std::string name = vtp_name(basename_, snapshot.index);
  write_vtp(poly, (std::filesystem::path(out_dir_) / name).string());

  // The .vtp is complete before the collection names it.
  pvd_.record(snapshot.index, snapshot.time_s, name);
}

void NetworkVtpSeriesWriter::close() {
  closed_ = true;
}

void NetworkVtpSeriesWriter::continue_series(const std::vector<double>& earlier_times) {
  for (std::size_t k = 0; k < earlier_times.size(); ++k)
    pvd_.record(int(k), earlier_times[k], vtp_name(basename_, int(k)));
}

}  // namespace sf::viz
