#include "app/command_line_checks.hpp"

#include <charconv>
#include <cstdio>
#include <ostream>
#include <vector>

namespace sf::app {
namespace {

std::string plain(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.15g", v);
  return b;
}

}  // namespace

CLI::Validator whole_number_at_least(long long lo) {
  const std::string expected = "expected a whole number >= " + std::to_string(lo);
  return CLI::Validator(
      [lo, expected](std::string& text) -> std::string {
        long long v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size())
          return "'" + text + "' is not a whole number; " + expected;
        if (v < lo) return text + " is out of range; " + expected;
        return {};
      },
      "INT >= " + std::to_string(lo));
}

CLI::Validator number_between(double lo, double hi) {
  const std::string expected = "expected " + plain(lo) + " to " + plain(hi);
  return CLI::Validator(
      [lo, hi, expected](std::string& text) -> std::string {
        double v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size())
          return "'" + text + "' is not a number; " + expected;
        if (!(v >= lo && v <= hi)) return text + " is out of range; " + expected;
        return {};
      },
      "NUMBER in " + plain(lo) + " .. " + plain(hi));
}

CLI::Validator one_of(std::initializer_list<const char*> names) {
  std::vector<std::string> allowed(names.begin(), names.end());
  std::string list;
  for (const std::string& n : allowed) list += (list.empty() ? "" : ", ") + n;
  return CLI::Validator(
      [allowed, list](std::string& text) -> std::string {
        for (const std::string& n : allowed)
          if (text == n) return {};
        return "'" + text + "' is not one of: " + list;
      },
      "{" + list + "}");
}

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv, std::ostream& err) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --help-all, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string command = "spongeflow";
    for (const CLI::App* sub : app.get_subcommands()) command += " " + sub->get_name();
    std::string message = e.what();
    for (char& c : message)
      if (c == '\n') c = ' ';
    err << "error: " << message << " (see " << command << " --help)\n";
    return 1;
  }
  return std::nullopt;
}

}  // namespace sf::app
