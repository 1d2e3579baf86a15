#include "app/exec_sibling.hpp"

#include <unistd.h>

#include <climits>
#include <string>

namespace sf::app {

void exec_sibling(const char* name, char** argv) {
  char self[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (n <= 0) return;
  std::string path(self, static_cast<std::size_t>(n));
  path.resize(path.rfind('/') + 1);
  path += name;
  execv(path.c_str(), argv);
}

}  // namespace sf::app
