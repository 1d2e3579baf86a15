#include "vtk_series_writer.hpp"

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkNew.h>
#include <vtkXMLImageDataWriter.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include "atomic_file.hpp"
#include "snapshot_to_vtk.hpp"

namespace sf::viz {
namespace {

std::string vti_name(const std::string& basename, int index) {
  char number[32];
  std::snprintf(number, sizeof number, "%05d", index);
  return basename + "_" + number + ".vti";
}

/// Collects VTK's error text instead of letting VTK print it (libraries never print).
void keep_error_text(vtkObject*, unsigned long, void* client_data, void* call_data) {
  auto* text = static_cast<std::string*>(client_data);
  if (call_data) *text = static_cast<const char*>(call_data);
}

void write_vti(vtkImageData* image, const std::string& path) {
  const std::string tmp = temporary_name_for(path);
  std::string vtk_error;
  vtkNew<vtkCallbackCommand> on_error;
  on_error->SetCallback(keep_error_text);
  on_error->SetClientData(&vtk_error);

  vtkNew<vtkXMLImageDataWriter> writer;
  writer->AddObserver(vtkCommand::ErrorEvent, on_error);
  writer->SetInputData(image);
  writer->SetFileName(tmp.c_str());
  writer->SetDataModeToAppended();
  writer->EncodeAppendedDataOff();  // raw binary, not base64
  writer->SetCompressorTypeToZLib();
  writer->SetHeaderTypeToUInt64();  // arrays over 4 GiB stay readable
  if (writer->Write() != 1 || writer->GetErrorCode() != 0 || !vtk_error.empty()) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error(path + ": cannot write VTK image data" +
                             (vtk_error.empty() ? std::string() : ": " + vtk_error));
  }
  move_into_place(tmp, path);
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

void VtkSeriesWriter::close() {
  closed_ = true;
}

}  // namespace sf::viz
