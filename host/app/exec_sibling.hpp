// Replacing this process with another executable of the program, found in the same folder.
#pragma once

namespace sf::app {

/// execv()s the executable `name` that sits next to this one, with the same argv (argv[0]
/// unchanged, so its messages name the command as typed). Returns only on failure.
void exec_sibling(const char* name, char** argv);

}  // namespace sf::app
