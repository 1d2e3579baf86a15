#include "viz/vtk_series_writer.hpp"

#include <vtkNew.h>
#include <vtkXMLImageDataWriter.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include "viz/atomic_file.hpp"
#include "viz/snapshot_to_vtk.hpp"
#include "viz/vtk_xml_file.hpp"

namespace sf::viz {
namespace {

std::string vti_name(const std::string& basename, int index) {
  char number[32];
  std::snprintf(number, sizeof number, "%05d", index);
  return basename + "_" + number + ".vti";
}

void write_vti(vtkImageData* image, const std::string& path) {
  vtkNew<vtkXMLImageDataWriter> writer;
  writer->SetInputData(image);
  write_vtk_xml_file(writer, path, "VTK image data");
}

}  // namespace

VtkSeriesWriter::VtkSeriesWriter(std::string out_dir, std::string basename)
    : out_dir_(std::move(out_dir)), basename_(std::move(basename)) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir_, ec);
  if (ec) throw std::runtime_error(out_dir_ + ": cannot create the output folder: " + ec.message());
  pvd_.open((std::filesystem::path(out_dir_) / (basename_ + ".pvd")).string());
}

void VtkSeriesWriter::write(const SurfaceSnapshot& snapshot) {
  if (closed_) throw std::logic_error(pvd_.path() + ": write() after close()");
  vtkSmartPointer<vtkImageData> image = snapshot_to_image_data(snapshot);
  const std::string name = vti_name(basename_, snapshot.index);
  write_vti(image, (std::filesystem::path(out_dir_) / name).string());

  // The .vti is complete before the collection names it: the .pvd never points at half a file.
  pvd_.record(snapshot.index, snapshot.time_s, name);
}

void VtkSeriesWriter::continue_series(const std::vector<double>& earlier_times) {
  for (std::size_t k = 0; k < earlier_times.size(); ++k)
    pvd_.record(int(k), earlier_times[k], vti_name(basename_, int(k)));
}

void VtkSeriesWriter::close() {
  closed_ = true;
}

}  // namespace sf::viz
