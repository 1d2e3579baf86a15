#include "meshes/esri_ascii_check.hpp"

#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "common/input_error.hpp"

namespace sf::mesh {
namespace {

constexpr const char* kHeaderFields =
    "ncols, nrows, xllcorner (or xllcenter), yllcorner (or yllcenter), cellsize (or dx and dy), "
    "NODATA_value";

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> tokens;
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v'; };
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && space(line[i])) ++i;
    const std::size_t start = i;
    while (i < line.size() && !space(line[i])) ++i;
    if (i > start) tokens.push_back(line.substr(start, i - start));
  }
  return tokens;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// The whole token as a double (from_chars: no locale, no trailing garbage such as "1o.050").
std::optional<double> parse_number(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<long long> parse_count(std::string_view s) {
  long long v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

/// nan and inf are values (refused later with their count), not header keywords.
bool is_number_word(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  const std::string l = lower(s);
  return l == "nan" || l == "inf" || l == "infinity";
}

class Checker {
 public:
  explicit Checker(std::string path) : path_(std::move(path)) {}

  void run() {
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
      add(0, "", "cannot be opened for reading");
      finish();
    }
    std::string line;
    int line_no = 0;
    bool in_header = true;
    long long row = 0;
    int last_line = 0;
    while (!full() && std::getline(in, line)) {
      ++line_no;
      const auto tokens = split(line);
      if (tokens.empty()) continue;
      last_line = line_no;
      const bool keyword =
          std::isalpha(static_cast<unsigned char>(tokens[0][0])) && !is_number_word(tokens[0]);
      if (in_header && keyword) {
        header_line(line_no, tokens);
        continue;
      }
      if (in_header) {
        in_header = false;
        if (!header_complete(line_no)) return finish();
      }
      ++row;
      if (row > nrows_) {
        add(line_no, "row " + std::to_string(row),
            "more rows than the header's nrows = " + std::to_string(nrows_) +
                "; expected exactly nrows lines of values");
        break;
      }
      data_line(line_no, row, tokens);
    }
    if (in_header && !full() && header_complete(line_no))
      add(line_no, "",
          "the header is not followed by any values; expected nrows = " + std::to_string(nrows_) +
              " lines of ncols = " + std::to_string(ncols_) + " values");
    else if (!in_header && !full() && row < nrows_)
      add(last_line, "",
          "the file ends after " + std::to_string(row) +
              " rows of values; expected nrows = " + std::to_string(nrows_) + " (truncated file?)");
    finish();
  }

 private:
  void add(int line, std::string field, std::string message) {
    issues_.push_back(InputIssue{path_, line, "", std::move(field), std::move(message)});
  }
  bool full() const { return int(issues_.size()) >= kMaxAsciiGridIssues; }

  void finish() {
    if (issues_.empty()) return;
    if (full())
      issues_.push_back(InputIssue{path_, 0, "", "",
                                   "stopped after " + std::to_string(kMaxAsciiGridIssues) +
                                       " problems; fix these and check again"});
    throw InputError(std::move(issues_));
  }

  void header_line(int line_no, const std::vector<std::string_view>& tokens) {
    const std::string key = lower(tokens[0]);
    static const char* const kKnown[] = {"ncols",     "nrows",       "xllcorner", "xllcenter",
                                         "yllcorner", "yllcenter",   "cellsize",  "dx",
                                         "dy",        "nodata_value"};
    bool known = false;
    for (const char* k : kKnown) known = known || key == k;
    const std::string field(tokens[0]);
    if (known && seen_.count(key)) {
      add(line_no, field, "given twice (first on line " + std::to_string(seen_[key]) + ")");
      return;
    }
    if (known) seen_[key] = line_no;
    if (!known) {
      add(line_no, field, "unknown header field; expected one of: " + std::string(kHeaderFields));
      return;
    }
    if (tokens.size() != 2) {
      add(line_no, field,
          "found " + std::to_string(tokens.size() - 1) + " values; expected one: '" + field +
              " <value>'");
      return;
    }
    const std::string_view text = tokens[1];
    if (key == "ncols" || key == "nrows") {
      const auto n = parse_count(text);
      if (!n || *n <= 0 || *n > INT_MAX) {
        add(line_no, field,
            "'" + std::string(text) + "' is not a positive whole number of " +
                (key == "ncols" ? "columns" : "rows") + "; expected 1 to " +
                std::to_string(INT_MAX));
        return;
      }
      (key == "ncols" ? ncols_ : nrows_) = *n;
    } else {
      const auto v = parse_number(text);
      if (!v || !std::isfinite(*v)) {
        add(line_no, field, "'" + std::string(text) + "' is not a number");
        return;
      }
      const bool size = key == "cellsize" || key == "dx" || key == "dy";
      if (size && !(*v > 0)) {
        add(line_no, field,
            "'" + std::string(text) + "' is not a cell size; expected a number > 0 (m)");
        return;
      }
    }
  }

  /// Reports missing or conflicting header fields; false when the rows cannot be checked.
  bool header_complete(int line_no) {
    auto missing = [&](const std::string& what) {
      add(line_no, "",
          "header has no " + what + "; expected the fields " + kHeaderFields +
              " before the values");
    };
    if (!seen_.count("ncols")) missing("ncols");
    if (!seen_.count("nrows")) missing("nrows");
    for (const char* axis : {"x", "y"}) {
      const std::string corner = std::string(axis) + "llcorner",
                        center = std::string(axis) + "llcenter";
      if (seen_.count(corner) && seen_.count(center))
        add(seen_[center], center, "given together with " + corner + "; expected one");
      else if (!seen_.count(corner) && !seen_.count(center))
        missing(corner + " (or " + center + ")");
    }
    const bool cell = seen_.count("cellsize"), dx = seen_.count("dx"), dy = seen_.count("dy");
    if (!cell && !(dx && dy)) missing(dx || dy ? "dx and dy together" : "cellsize");
    if (cell && (dx || dy))
      add(seen_["cellsize"], "cellsize", "given together with dx/dy; expected one");
    return issues_.empty() && ncols_ > 0 && nrows_ > 0;
  }

  void data_line(int line_no, long long row, const std::vector<std::string_view>& tokens) {
    if (static_cast<long long>(tokens.size()) != ncols_) {
      add(line_no, "row " + std::to_string(row),
          "holds " + std::to_string(tokens.size()) + " values; expected ncols = " +
              std::to_string(ncols_) + " (one row of the grid per line)");
      if (full()) return;
    }
    for (std::size_t c = 0; c < tokens.size() && !full(); ++c)
      if (!parse_number(tokens[c]))
        add(line_no, "row " + std::to_string(row) + ", column " + std::to_string(c + 1),
            "'" + std::string(tokens[c]) + "' is not a number");
  }

  std::string path_;
  std::vector<InputIssue> issues_;
  std::map<std::string, int> seen_;  // header field (lower case) -> its line
  long long ncols_ = 0, nrows_ = 0;
};

}  // namespace

void check_esri_ascii_grid(const std::string& path) {
  Checker(path).run();
}

}  // namespace sf::mesh
