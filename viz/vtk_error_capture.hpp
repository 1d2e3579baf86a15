// While alive, keeps VTK from printing (its logger dumps errors of the writer and of the pipeline
// around it to stderr, in colour, over ten lines) and collects the messages of the objects named,
// so the writer can report one line instead. Libraries never print; only main() does.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>

class vtkObject;

namespace sf::viz {

class VtkErrorCapture {
 public:
  /// Observes the error and warning events of `sources` (e.g. a writer and its executive) and
  /// turns VTK's global warning display off, so objects without an observer stay silent too
  /// (VTK has no per-object switch for those); the destructor restores the previous setting.
  explicit VtkErrorCapture(std::initializer_list<vtkObject*> sources);
  ~VtkErrorCapture();
  VtkErrorCapture(const VtkErrorCapture&) = delete;
  VtkErrorCapture& operator=(const VtkErrorCapture&) = delete;

  /// The first message, on one line without VTK's source-file and object-address prefixes
  /// ("Ran out of disk space; deleting file(s) already written"); "" when none.
  std::string first_message() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sf::viz
