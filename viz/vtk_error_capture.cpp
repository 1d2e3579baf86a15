#include "viz/vtk_error_capture.hpp"

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkObject.h>
#include <vtkSmartPointer.h>

#include <sstream>
#include <vector>

namespace sf::viz {
namespace {

void keep_message(vtkObject*, unsigned long, void* client_data, void* call_data) {
  if (call_data)
    static_cast<std::vector<std::string>*>(client_data)
        ->emplace_back(static_cast<const char*>(call_data));
}

/// "ERROR: In .../vtkXMLWriter.cxx, line 812\nvtkXMLImageDataWriter (0x55d0): Ran out of disk
/// space\n\n" -> "Ran out of disk space".
std::string one_line(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.rfind("ERROR: In ", 0) == 0 || line.rfind("Warning: In ", 0) == 0)
      continue;
    const std::size_t address = line.find("): ");
    if (address != std::string::npos && line.find(" (0x") < address)
      line = line.substr(address + 3);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    return line;
  }
  return {};
}

}  // namespace

struct VtkErrorCapture::State {
  std::vector<std::string> messages;
  vtkSmartPointer<vtkCallbackCommand> callback;
  std::vector<std::pair<vtkSmartPointer<vtkObject>, unsigned long>> observers;
  int previous_display = 1;
};

VtkErrorCapture::VtkErrorCapture(std::initializer_list<vtkObject*> sources)
    : state_(std::make_unique<State>()) {
  state_->callback = vtkSmartPointer<vtkCallbackCommand>::New();
  state_->callback->SetCallback(keep_message);
  state_->callback->SetClientData(&state_->messages);
  for (vtkObject* source : sources) {
    if (!source) continue;
    for (unsigned long event : {vtkCommand::ErrorEvent, vtkCommand::WarningEvent})
      state_->observers.emplace_back(source, source->AddObserver(event, state_->callback));
  }
  state_->previous_display = vtkObject::GetGlobalWarningDisplay();
  vtkObject::GlobalWarningDisplayOff();
}

VtkErrorCapture::~VtkErrorCapture() {
  vtkObject::SetGlobalWarningDisplay(state_->previous_display);
  for (auto& [source, tag] : state_->observers) source->RemoveObserver(tag);
}

std::string VtkErrorCapture::first_message() const {
  for (const std::string& m : state_->messages) {
    const std::string line = one_line(m);
    if (!line.empty()) return line;
  }
  return {};
}

}  // namespace sf::viz
