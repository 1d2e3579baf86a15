// .inp tokenizer (see tokenizer.hpp).
#include "inp/tokenizer.hpp"

#include <cctype>
#include <sstream>

namespace sf::inp {
namespace {

// SWMM matches a section header by the prefix it lists (text.h, ws_*); canonical names are
// those of the SWMM 5.2 manual.
struct SectionPrefix {
  const char* prefix;
  const char* name;
};
constexpr SectionPrefix kSections[] = {
    {"[TITLE", "TITLE"},
    {"[OPTION", "OPTIONS"},
    {"[FILE", "FILES"},
    {"[RAINGAGE", "RAINGAGES"},
    {"[TEMPERATURE", "TEMPERATURE"},
    {"[EVAP", "EVAPORATION"},
    {"[SUBCATCHMENT", "SUBCATCHMENTS"},
    {"[SUBAREA", "SUBAREAS"},
    {"[INFIL", "INFILTRATION"},
    {"[AQUIFER", "AQUIFERS"},
    {"[GROUNDWATER", "GROUNDWATER"},
    {"[SNOWPACK", "SNOWPACKS"},
    {"[JUNC", "JUNCTIONS"},
    {"[OUTFALL", "OUTFALLS"},
    {"[STORAGE", "STORAGE"},
    {"[DIVIDER", "DIVIDERS"},
    {"[CONDUIT", "CONDUITS"},
    {"[PUMP", "PUMPS"},
    {"[ORIFICE", "ORIFICES"},
    {"[WEIR", "WEIRS"},
    {"[OUTLET", "OUTLETS"},
    {"[XSECT", "XSECTIONS"},
    {"[TRANSECT", "TRANSECTS"},
    {"[LOSS", "LOSSES"},
    {"[CONTROL", "CONTROLS"},
    {"[POLLUT", "POLLUTANTS"},
    {"[LANDUSE", "LANDUSES"},
    {"[BUILDUP", "BUILDUP"},
    {"[WASHOFF", "WASHOFF"},
    {"[COVERAGE", "COVERAGES"},
    {"[INFLOW", "INFLOWS"},
    {"[DWF", "DWF"},
    {"[PATTERN", "PATTERNS"},
    {"[RDII", "RDII"},
    {"[HYDROGRAPH", "HYDROGRAPHS"},
    {"[LOADING", "LOADINGS"},
    {"[TREATMENT", "TREATMENT"},
    {"[CURVE", "CURVES"},
    {"[TIMESERIES", "TIMESERIES"},
    {"[REPORT", "REPORT"},
    {"[MAP", "MAP"},
    {"[COORDINATE", "COORDINATES"},
    {"[VERTICES", "VERTICES"},
    {"[POLYGON", "POLYGONS"},
    {"[SYMBOL", "SYMBOLS"},
    {"[LABEL", "LABELS"},
    {"[BACKDROP", "BACKDROP"},
    {"[TAG", "TAGS"},
    {"[PROFILE", "PROFILES"},
    {"[LID_CONTROL", "LID_CONTROLS"},
    {"[LID_USAGE", "LID_USAGE"},
    {"[GW_FLOW", "GWF"},
    {"[GWF", "GWF"},
    {"[ADJUSTMENT", "ADJUSTMENTS"},
    {"[EVENT", "EVENTS"},
    {"[STREET", "STREETS"},
    {"[INLET_USAGE", "INLET_USAGE"},
    {"[INLET", "INLETS"},
};

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string strip_comment(const std::string& line) {
  auto pos = line.find(';');
  return pos == std::string::npos ? line : line.substr(0, pos);
}

}  // namespace

std::vector<std::string> split_tokens(const std::string& line) {
  const std::string s = strip_comment(line);
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < s.size()) {
    if (is_separator(s[i])) {
      ++i;
      continue;
    }
    if (s[i] == '"') {  // quoted token: up to the closing quote or the end of the line
      size_t end = s.find('"', i + 1);
      if (end == std::string::npos) end = s.size();
      tokens.push_back(s.substr(i + 1, end - i - 1));
      i = end + 1;
      continue;
    }
    size_t end = i;
    while (end < s.size() && !is_separator(s[end])) ++end;
    tokens.push_back(s.substr(i, end - i));
    i = end;
  }
  return tokens;
}

std::string canonical_section_name(const std::string& header) {
  const std::string h = upper(header);
  const SectionPrefix* best = nullptr;
  size_t best_len = 0;
  for (const auto& sp : kSections) {
    const std::string p = sp.prefix;
    if (h.compare(0, p.size(), p) == 0 && p.size() > best_len) {
      best = &sp;
      best_len = p.size();
    }
  }
  return best ? best->name : std::string();
}

TokenizedFile tokenize_inp(const std::string& text) {
  TokenizedFile out;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // UTF-8 BOM
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto tokens = split_tokens(line);
    if (!tokens.empty() && tokens[0][0] == '[') {
      SectionBlock block;
      block.header_line = number;
      block.name = canonical_section_name(tokens[0]);
      block.known = !block.name.empty();
      if (!block.known) {
        std::string h = upper(tokens[0]);
        if (!h.empty() && h.front() == '[') h.erase(0, 1);
        if (!h.empty() && h.back() == ']') h.pop_back();
        block.name = h;
      }
      out.sections.push_back(std::move(block));
      continue;
    }
    if (!out.sections.empty() && out.sections.back().name == "TITLE") {
      // Title text is free text: keep it whole, drop only comment lines and blank lines.
      std::string t = line;
      size_t first = t.find_first_not_of(" \t");
      if (first != std::string::npos && t[first] != ';') {
        size_t last = t.find_last_not_of(" \t");
        out.sections.back().raw_text.push_back(t.substr(first, last - first + 1));
      }
      continue;
    }
    if (tokens.empty()) continue;
    InputLine il;
    il.number = number;
    il.tokens = std::move(tokens);
    il.text = strip_comment(line);
    if (out.sections.empty())
      out.stray_lines.push_back(std::move(il));
    else
      out.sections.back().lines.push_back(std::move(il));
  }
  return out;
}

}  // namespace sf::inp
