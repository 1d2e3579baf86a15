// The message of the sf::InputError that f throws; a test failure (and "") when it throws none.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "common/input_error.hpp"

namespace sf::test {

inline std::string input_error_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const sf::InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no sf::InputError was thrown";
  return {};
}

}  // namespace sf::test
