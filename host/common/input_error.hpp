// Typed input errors: libraries throw them, only main() prints and picks the exit status.
// Message shape: "<file>:<line>: [<section>] <field>: <found>; expected <expected>".
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace sf {

struct InputIssue {
  std::string file;     // path as the user gave it
  int line = 0;         // 1-based; 0 when not tied to a line
  std::string section;  // e.g. "[CONDUITS]" or "surface" (TOML table); may be empty
  std::string field;    // key, column or variable name; may be empty
  std::string message;  // what is wrong and what was expected

  std::string format() const {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line);
    s += ": ";
    if (!section.empty()) s += section + " ";
    if (!field.empty()) s += field + ": ";
    s += message;
    return s;
  }
};

/// One or more problems in user input. what() lists them all, one per line.
class InputError : public std::runtime_error {
 public:
  explicit InputError(InputIssue issue) : InputError(std::vector<InputIssue>{std::move(issue)}) {}
  explicit InputError(std::vector<InputIssue> issues)
      : std::runtime_error(join(issues)), issues_(std::move(issues)) {}
  const std::vector<InputIssue>& issues() const { return issues_; }

 private:
  static std::string join(const std::vector<InputIssue>& issues) {
    std::string s;
    for (const auto& i : issues) {
      if (!s.empty()) s += "\n";
      s += i.format();
    }
    return s;
  }
  std::vector<InputIssue> issues_;
};

}  // namespace sf
