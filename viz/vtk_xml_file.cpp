#include "viz/vtk_xml_file.hpp"

#include <vtkErrorCode.h>
#include <vtkExecutive.h>
#include <vtkXMLWriter.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "viz/atomic_file.hpp"
#include "viz/vtk_error_capture.hpp"

namespace sf::viz {
namespace {

/// The system's reason for a failed write (errno, e.g. "No space left on device"), else what
/// VTK said, else VTK's error code.
std::string failure_reason(int saved_errno, const std::string& vtk_message,
                           unsigned long vtk_code) {
  if (saved_errno != 0) return std::strerror(saved_errno);
  if (!vtk_message.empty()) return "VTK: " + vtk_message;
  if (vtk_code > vtkErrorCode::FirstVTKErrorCode && vtk_code < vtkErrorCode::UserError)
    return vtkErrorCode::GetStringFromErrorCode(vtk_code);
  return "unknown error";
}

}  // namespace

void write_vtk_xml_file(vtkXMLWriter* writer, const std::string& path, const std::string& what) {
  const std::string tmp = temporary_name_for(path);
  VtkErrorCapture vtk_messages{writer, writer->GetExecutive()};
  writer->SetFileName(tmp.c_str());
  writer->SetDataModeToAppended();
  writer->EncodeAppendedDataOff();  // raw binary, not base64
  writer->SetCompressorTypeToZLib();
  writer->SetHeaderTypeToUInt64();  // arrays over 4 GiB stay readable
  errno = 0;
  const bool written = writer->Write() == 1 && writer->GetErrorCode() == 0;
  const int saved_errno = errno;  // the failing write(2) or open(2); 0 when none failed
  const std::string vtk_message = vtk_messages.first_message();
  if (!written || !vtk_message.empty()) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error(
        path + ": cannot write " + what + ": " +
        failure_reason(written ? 0 : saved_errno, vtk_message, writer->GetErrorCode()));
  }
  move_into_place(tmp, path);
}

}  // namespace sf::viz
