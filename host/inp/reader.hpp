// Entry points of the SWMM 5.2 .inp reader: text or file in, Model (model.hpp) out.
// All problems of a file are collected (up to 100) and thrown as one sf::InputError.
#pragma once

#include <string>
#include <vector>

#include "common/input_error.hpp"
#include "inp/model.hpp"

namespace sf::inp {

/// Reads a .inp file. Relative paths inside it (TIMESERIES FILE ...) are taken relative to the
/// file's folder. Warnings (features kept but not simulated, inputs SWMM would adjust) are
/// appended to *warnings when it is not null. Throws sf::InputError listing every problem.
Model read_inp_file(const std::string& path, std::vector<std::string>* warnings = nullptr);

/// Reads .inp text. `name_for_messages` is the file name used in messages; `base_dir` is the
/// folder relative file references are resolved against (empty: the current folder).
Model read_inp_text(const std::string& text, const std::string& name_for_messages,
                    std::vector<std::string>* warnings = nullptr, const std::string& base_dir = "");

}  // namespace sf::inp
