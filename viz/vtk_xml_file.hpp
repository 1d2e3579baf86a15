// One VTK XML file written the way every spongeflow writer does it: zlib-compressed appended raw
// binary with 64-bit headers, under a temporary name then renamed, and any failure reported as
// one line with the system's reason ("No space left on device") instead of VTK's stderr dump.
#pragma once

#include <string>

class vtkXMLWriter;

namespace sf::viz {

/// Writes `writer`'s input (already set) to `path`. `what` names the data in messages ("VTK
/// image data"). Throws std::runtime_error "<path>: cannot write <what>: <reason> (VTK: ...)".
void write_vtk_xml_file(vtkXMLWriter* writer, const std::string& path, const std::string& what);

}  // namespace sf::viz
