#include "viz/line_layer_vtp.hpp"

#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDoubleArray.h>
#include <vtkIdList.h>
#include <vtkIntArray.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkStringArray.h>
#include <vtkXMLPolyDataWriter.h>

#include <stdexcept>

#include "viz/vtk_xml_file.hpp"

namespace sf::viz {
namespace {

template <class V>
void require_one_per_line(const std::string& name, const V& v, std::size_t n) {
  if (v.size() != n)
    throw std::invalid_argument("line layer: field " + name + " has " + std::to_string(v.size()) +
                                " values; expected one per line (" + std::to_string(n) + ")");
}

}  // namespace

void write_line_layer_vtp(const std::string& path, const LineLayer& layer) {
  const std::size_t n = layer.lines.size();
  vtkNew<vtkPoints> points;
  points->SetDataTypeToDouble();  // CRS coordinates need the digits
  vtkNew<vtkCellArray> cells;
  for (const auto& line : layer.lines) {
    vtkNew<vtkIdList> ids;
    for (const auto& p : line) ids->InsertNextId(points->InsertNextPoint(p[0], p[1], p[2]));
    cells->InsertNextCell(ids);
  }
  vtkNew<vtkPolyData> poly;
  poly->SetPoints(points);
  poly->SetLines(cells);
  for (const auto& [name, v] : layer.values) {
    require_one_per_line(name, v, n);
    vtkNew<vtkDoubleArray> a;
    a->SetName(name.c_str());
    for (double x : v) a->InsertNextValue(x);
    poly->GetCellData()->AddArray(a);
  }
  for (const auto& [name, v] : layer.integers) {
    require_one_per_line(name, v, n);
    vtkNew<vtkIntArray> a;
    a->SetName(name.c_str());
    for (int x : v) a->InsertNextValue(x);
    poly->GetCellData()->AddArray(a);
  }
  for (const auto& [name, v] : layer.texts) {
    require_one_per_line(name, v, n);
    vtkNew<vtkStringArray> a;
    a->SetName(name.c_str());
    for (const std::string& x : v) a->InsertNextValue(x);
    poly->GetCellData()->AddArray(a);
  }
  vtkNew<vtkXMLPolyDataWriter> writer;
  writer->SetInputData(poly);
  write_vtk_xml_file(writer, path, "VTK polydata (line layer)");
}

}  // namespace sf::viz
