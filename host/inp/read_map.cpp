// [REPORT], the map sections (COORDINATES, VERTICES, POLYGONS, SYMBOLS, LABELS, MAP, TAGS,
// BACKDROP, PROFILES) and the sections kept but not simulated.
#include "inp/sections.hpp"

namespace sf::inp::detail {
namespace {

Point2 point(Row& row, size_t i) {
  return Point2{row.number(i, "X"), row.number(i + 1, "Y")};
}

}  // namespace

void read_report(Context& ctx, const SectionBlock& block) {
  static const std::vector<const char*> kKeys = {
      "DISABLED", "INPUT", "CONTINUITY", "FLOWSTATS", "CONTROLS", "SUBCATCHMENTS",
      "NODES",    "LINKS", "AVERAGES",   "NODESTATS", "LID"};
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    row.keyword(0, "report option", kKeys);
    std::vector<std::string> values(line.tokens.begin() + 1, line.tokens.end());
    ctx.model.report.entries.emplace_back(upper(row.id()), std::move(values));
  }
}

void read_map_section(Context& ctx, const SectionBlock& block) {
  MapData& map = ctx.model.map;
  const std::string& name = block.name;
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    if (name == "COORDINATES") {
      if (!row.require(3, "Node X Y")) continue;
      row.node(0, "node");
      map.coordinates[row.id()] = point(row, 1);
    } else if (name == "VERTICES") {
      if (!row.require(3, "Link X Y")) continue;
      row.link(0, "link");
      map.vertices[row.id()].push_back(point(row, 1));
    } else if (name == "POLYGONS") {
      if (!row.require(3, "Subcatchment X Y")) continue;
      map.polygons[row.id()].push_back(point(row, 1));
    } else if (name == "SYMBOLS") {
      if (!row.require(3, "Gage X Y")) continue;
      map.symbols[row.id()] = point(row, 1);
    } else if (name == "LABELS") {
      if (!row.require(3, "X Y Label [Anchor Font Size Bold Italic]")) continue;
      MapData::Label l;
      l.at = Point2{row.number(0, "X"), row.number(1, "Y")};
      l.text = row.tok(2);
      l.rest.assign(line.tokens.begin() + 3, line.tokens.end());
      map.labels.push_back(std::move(l));
    } else if (name == "TAGS") {
      if (!row.require(3, "Node|Link|Subcatch ID Tag")) continue;
      int kind = row.keyword(0, "tagged object", {"NODE", "LINK", "SUBCATCH", "GAGE"});
      if (kind == 0) row.node(1, "node");
      if (kind == 1) row.link(1, "link");
      if (kind >= 0) map.tags[upper(row.id())][row.tok(1)] = row.tok(2);
    } else {  // MAP, BACKDROP, PROFILES: display settings, kept as written
      std::vector<std::string> values(line.tokens.begin() + 1, line.tokens.end());
      map.map.emplace_back(name == "MAP" ? upper(row.id()) : name + " " + row.id(),
                           std::move(values));
    }
  }
}

void keep_unsupported(Context& ctx, const SectionBlock& block) {
  RawSection* raw = nullptr;
  for (auto& r : ctx.model.unsupported)
    if (r.name == block.name) raw = &r;
  if (!raw) {
    ctx.model.unsupported.push_back(RawSection{block.name, {}});
    raw = &ctx.model.unsupported.back();
  }
  for (const auto& line : block.lines) raw->lines.push_back(RawLine{line.number, line.tokens});
}

}  // namespace sf::inp::detail
