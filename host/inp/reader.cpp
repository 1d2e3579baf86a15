// Reads a whole .inp file: tokenizes it, registers every object ID (so references may point
// forward, as SWMM allows), then reads the sections in dependency order and throws one
// sf::InputError listing every problem found.
#include "inp/reader.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "inp/sections.hpp"

namespace sf::inp {
namespace detail {
namespace {

// Sections kept but not simulated, and the feature named in their warning.
const std::map<std::string, const char*> kUnsupported = {
    {"FILES", "interface files"},
    {"TEMPERATURE", "temperature / snowmelt climate data"},
    {"AQUIFERS", "groundwater"},
    {"GROUNDWATER", "groundwater"},
    {"GWF", "groundwater flow equations"},
    {"SNOWPACKS", "snowmelt"},
    {"LANDUSES", "water quality (land uses)"},
    {"BUILDUP", "water quality (pollutant buildup)"},
    {"WASHOFF", "water quality (pollutant washoff)"},
    {"COVERAGES", "water quality (land use coverage)"},
    {"LOADINGS", "water quality (initial loadings)"},
    {"TREATMENT", "water quality (treatment)"},
    {"RDII", "rainfall-dependent infiltration/inflow (RDII)"},
    {"HYDROGRAPHS", "RDII unit hydrographs"},
    {"ADJUSTMENTS", "monthly climate adjustments"},
    {"EVENTS", "event-only simulation periods"},
    {"STREETS", "street cross sections and inlets"},
    {"INLETS", "street inlets"},
    {"INLET_USAGE", "street inlets"},
};

// Sections that change subcatchment runoff but are not simulated: refused when the model has
// subcatchments (without them they have no effect and are kept with a warning).
const std::map<std::string, const char*> kRefusedWithRunoff = {
    {"SNOWPACKS", "snowmelt"},
    {"TEMPERATURE", "snowmelt and temperature-based evaporation"},
    {"AQUIFERS", "groundwater"},
    {"GROUNDWATER", "groundwater"},
    {"GWF", "groundwater flow equations"},
    {"ADJUSTMENTS", "monthly climate adjustments"},
};

bool is_map_section(const std::string& n) {
  return n == "COORDINATES" || n == "VERTICES" || n == "POLYGONS" || n == "SYMBOLS" ||
         n == "LABELS" || n == "TAGS" || n == "MAP" || n == "BACKDROP" || n == "PROFILES";
}

struct NodeSection {
  const char* name;
  NodeType type;
};
constexpr NodeSection kNodeSections[] = {{"JUNCTIONS", NodeType::Junction},
                                         {"OUTFALLS", NodeType::Outfall},
                                         {"STORAGE", NodeType::Storage},
                                         {"DIVIDERS", NodeType::Divider}};
struct LinkSection {
  const char* name;
  LinkType type;
};
constexpr LinkSection kLinkSections[] = {{"CONDUITS", LinkType::Conduit},
                                         {"PUMPS", LinkType::Pump},
                                         {"ORIFICES", LinkType::Orifice},
                                         {"WEIRS", LinkType::Weir},
                                         {"OUTLETS", LinkType::Outlet}};

class Reader {
 public:
  Reader(const std::string& text, Context& ctx) : file_(tokenize_inp(text)), ctx_(ctx) {}

  void run();

 private:
  template <class F>
  void each(const char* name, F&& fn) {
    for (const auto& block : file_.sections) {
      if (block.name != name || ctx_.full()) continue;
      ctx_.section = "[" + block.name + "]";
      fn(block);
    }
  }
  void check_sections();
  void register_nodes_and_links();
  void register_tables();
  void register_unsupported_names();
  void warn_unsupported();
  void refuse_unbuilt_hydrology();

  TokenizedFile file_;
  Context& ctx_;
  Registry reg_;
};

void Reader::check_sections() {
  for (const auto& line : file_.stray_lines)
    ctx_.error(line.number, "",
               "\"" + line.tokens[0] +
                   "\" appears before any section header; expected a section "
                   "such as [OPTIONS] first");
  for (const auto& block : file_.sections)
    if (!block.known) {
      ctx_.section = "";
      ctx_.error(block.header_line, "[" + block.name + "]",
                 "unknown section; expected a SWMM 5.2 section such as [JUNCTIONS] or [CONDUITS]");
    }
}

void Reader::register_nodes_and_links() {
  Model& m = ctx_.model;
  std::unordered_map<std::string, int> node_line, link_line;
  for (const auto& block : file_.sections) {
    for (const auto& ns : kNodeSections) {
      if (block.name != ns.name) continue;
      ctx_.section = "[" + block.name + "]";
      for (const auto& line : block.lines) {
        const std::string key = upper(line.tokens[0]);
        if (auto it = node_line.find(key); it != node_line.end()) {
          ctx_.error(line.number, line.tokens[0],
                     "duplicate node ID (first defined on line " + std::to_string(it->second) +
                         "); expected every node ID to be unique");
          continue;
        }
        node_line[key] = line.number;
        const int idx = static_cast<int>(m.nodes.size());
        Node n;
        n.id = line.tokens[0];
        n.type = ns.type;
        n.line = line.number;
        switch (ns.type) {
          case NodeType::Outfall:
            n.detail = static_cast<int>(m.outfalls.size());
            m.outfalls.push_back(Outfall{});
            m.outfalls.back().node = idx;
            break;
          case NodeType::Storage:
            n.detail = static_cast<int>(m.storages.size());
            m.storages.push_back(Storage{});
            m.storages.back().node = idx;
            break;
          case NodeType::Divider:
            n.detail = static_cast<int>(m.dividers.size());
            m.dividers.push_back(Divider{});
            m.dividers.back().node = idx;
            break;
          default:
            break;
        }
        m.nodes.push_back(n);
        m.node_index[key] = idx;
        reg_.node_of_line[line.number] = idx;
      }
    }
    for (const auto& ls : kLinkSections) {
      if (block.name != ls.name) continue;
      ctx_.section = "[" + block.name + "]";
      for (const auto& line : block.lines) {
        const std::string key = upper(line.tokens[0]);
        if (auto it = link_line.find(key); it != link_line.end()) {
          ctx_.error(line.number, line.tokens[0],
                     "duplicate link ID (first defined on line " + std::to_string(it->second) +
                         "); expected every link ID to be unique");
          continue;
        }
        link_line[key] = line.number;
        const int idx = static_cast<int>(m.links.size());
        Link l;
        l.id = line.tokens[0];
        l.type = ls.type;
        l.line = line.number;
        switch (ls.type) {
          case LinkType::Conduit:
            l.detail = static_cast<int>(m.conduits.size());
            m.conduits.push_back(Conduit{idx});
            break;
          case LinkType::Pump:
            l.detail = static_cast<int>(m.pumps.size());
            m.pumps.push_back(Pump{});
            m.pumps.back().link = idx;
            break;
          case LinkType::Orifice:
            l.detail = static_cast<int>(m.orifices.size());
            m.orifices.push_back(Orifice{});
            m.orifices.back().link = idx;
            break;
          case LinkType::Weir:
            l.detail = static_cast<int>(m.weirs.size());
            m.weirs.push_back(Weir{});
            m.weirs.back().link = idx;
            break;
          case LinkType::Outlet:
            l.detail = static_cast<int>(m.outlets.size());
            m.outlets.push_back(Outlet{});
            m.outlets.back().link = idx;
            break;
        }
        m.links.push_back(l);
        m.link_index[key] = idx;
        reg_.link_of_line[line.number] = idx;
      }
    }
  }
}

template <class T>
void register_table(const SectionBlock& block, std::vector<T>& items,
                    std::unordered_map<std::string, int>& index) {
  for (const auto& line : block.lines) {
    const std::string key = upper(line.tokens[0]);
    if (index.count(key)) continue;  // later lines of the same table
    index[key] = static_cast<int>(items.size());
    T item;
    item.id = line.tokens[0];
    item.line = line.number;
    items.push_back(item);
  }
}

void Reader::register_tables() {
  Model& m = ctx_.model;
  for (const auto& block : file_.sections) {
    if (block.name == "CURVES") register_table(block, m.curves, m.curve_index);
    if (block.name == "TIMESERIES") register_table(block, m.timeseries, m.series_index);
    if (block.name == "PATTERNS") register_table(block, m.patterns, m.pattern_index);
    if (block.name == "TRANSECTS") {
      ctx_.section = "[TRANSECTS]";
      for (const auto& line : block.lines) {
        if (upper(line.tokens[0]) != "X1" || line.tokens.size() < 2) continue;
        const std::string key = upper(line.tokens[1]);
        if (auto it = m.transect_index.find(key); it != m.transect_index.end()) {
          ctx_.error(line.number, line.tokens[1],
                     "duplicate transect ID (first defined on line " +
                         std::to_string(m.transects[it->second].line) + "); expected unique IDs");
          continue;
        }
        m.transect_index[key] = static_cast<int>(m.transects.size());
        Transect t;
        t.id = line.tokens[1];
        t.line = line.number;
        m.transects.push_back(t);
      }
    }
  }
  ctx_.series_factor.assign(m.timeseries.size(), 1.0);
  ctx_.series_first_use_line.assign(m.timeseries.size(), 0);
  ctx_.series_first_user.assign(m.timeseries.size(), "");
}

void Reader::register_unsupported_names() {
  for (const auto& block : file_.sections) {
    std::unordered_set<std::string>* names = nullptr;
    if (block.name == "SUBCATCHMENTS") names = &ctx_.subcatchments;
    if (block.name == "POLLUTANTS") names = &ctx_.pollutants;
    if (block.name == "RAINGAGES") names = &ctx_.gages;
    if (block.name == "STREETS") names = &ctx_.streets;
    if (!names) continue;
    for (const auto& line : block.lines) names->insert(upper(line.tokens[0]));
  }
}

void Reader::warn_unsupported() {
  std::unordered_set<std::string> warned;
  for (const auto& block : file_.sections) {
    auto it = kUnsupported.find(block.name);
    if (it == kUnsupported.end() || block.lines.empty()) continue;
    if (!ctx_.model.subcatchments.empty() && kRefusedWithRunoff.count(block.name)) continue;
    ctx_.section = "[" + block.name + "]";
    keep_unsupported(ctx_, block);
    if (!warned.insert(block.name).second) continue;
    ctx_.warn(block.header_line, "",
              std::string("not simulated yet: ") + it->second + "; the section's " +
                  std::to_string(block.lines.size()) + " line(s) are kept but ignored");
  }
}

void Reader::refuse_unbuilt_hydrology() {
  if (ctx_.model.subcatchments.empty()) return;
  for (const auto& block : file_.sections) {
    auto it = kRefusedWithRunoff.find(block.name);
    if (it == kRefusedWithRunoff.end() || block.lines.empty()) continue;
    ctx_.section = "[" + block.name + "]";
    ctx_.error(block.header_line, "",
               std::string(it->second) +
                   " is not simulated, and this model's subcatchments would depend on it; "
                   "expected no [" +
                   block.name + "] section (remove it to run without it)");
  }
}

void Reader::run() {
  check_sections();
  for (const auto& block : file_.sections)
    if (block.name == "TITLE")
      for (const auto& t : block.raw_text) ctx_.model.title.push_back(t);
  each("OPTIONS", [&](const SectionBlock& b) { read_options(ctx_, b); });
  finish_options(ctx_);
  register_nodes_and_links();
  register_tables();
  register_unsupported_names();
  register_pollutants(ctx_, file_.sections);
  register_hydrology(ctx_, file_.sections);

  each("CURVES", [&](const SectionBlock& b) { read_curves(ctx_, b); });
  each("TIMESERIES", [&](const SectionBlock& b) { read_timeseries(ctx_, b); });
  each("PATTERNS", [&](const SectionBlock& b) { read_patterns(ctx_, b); });
  each("TRANSECTS", [&](const SectionBlock& b) { read_transects(ctx_, b); });
  each("EVAPORATION", [&](const SectionBlock& b) { read_evaporation(ctx_, b); });
  each("RAINGAGES", [&](const SectionBlock& b) { read_raingages(ctx_, b); });

  each("JUNCTIONS", [&](const SectionBlock& b) { read_junctions(ctx_, b, reg_); });
  each("OUTFALLS", [&](const SectionBlock& b) { read_outfalls(ctx_, b, reg_); });
  each("STORAGE", [&](const SectionBlock& b) { read_storage(ctx_, b, reg_); });
  each("DIVIDERS", [&](const SectionBlock& b) { read_dividers(ctx_, b, reg_); });
  each("CONDUITS", [&](const SectionBlock& b) { read_conduits(ctx_, b, reg_); });
  each("PUMPS", [&](const SectionBlock& b) { read_pumps(ctx_, b, reg_); });
  each("ORIFICES", [&](const SectionBlock& b) { read_orifices(ctx_, b, reg_); });
  each("WEIRS", [&](const SectionBlock& b) { read_weirs(ctx_, b, reg_); });
  each("OUTLETS", [&](const SectionBlock& b) { read_outlets(ctx_, b, reg_); });
  each("XSECTIONS", [&](const SectionBlock& b) { read_xsections(ctx_, b); });
  each("LOSSES", [&](const SectionBlock& b) { read_losses(ctx_, b); });
  if (!ctx_.full()) finish_links(ctx_);
  each("SUBCATCHMENTS", [&](const SectionBlock& b) { read_subcatchments(ctx_, b); });
  each("SUBAREAS", [&](const SectionBlock& b) { read_subareas(ctx_, b); });
  each("INFILTRATION", [&](const SectionBlock& b) { read_infiltration(ctx_, b); });
  if (!ctx_.full()) finish_hydrology(ctx_);
  each("LID_CONTROLS", [&](const SectionBlock& b) { read_lid_controls(ctx_, b); });
  each("LID_USAGE", [&](const SectionBlock& b) { read_lid_usage(ctx_, b); });
  if (!ctx_.full()) finish_lid(ctx_);
  refuse_unbuilt_hydrology();

  each("POLLUTANTS", [&](const SectionBlock& b) { read_pollutants(ctx_, b); });
  if (!ctx_.full()) refuse_unbuilt_quality(ctx_, file_.sections);
  if (!ctx_.full()) warn_quality_without_effect(ctx_);
  each("INFLOWS", [&](const SectionBlock& b) { read_inflows(ctx_, b); });
  each("DWF", [&](const SectionBlock& b) { read_dwf(ctx_, b); });
  if (!ctx_.full()) warn_concentration_without_flow(ctx_);
  each("CONTROLS", [&](const SectionBlock& b) { read_controls(ctx_, b); });
  each("REPORT", [&](const SectionBlock& b) { read_report(ctx_, b); });
  for (const auto& block : file_.sections) {
    if (!is_map_section(block.name) || ctx_.full()) continue;
    ctx_.section = "[" + block.name + "]";
    read_map_section(ctx_, block);
  }
  warn_unsupported();
  finish_series(ctx_);
  if (ctx_.model.nodes.empty() && ctx_.errors().empty()) {
    ctx_.section = "";
    ctx_.warn(0, "", "the file defines no nodes");
  }
}

}  // namespace
}  // namespace detail

Model read_inp_text(const std::string& text, const std::string& name_for_messages,
                    std::vector<std::string>* warnings, const std::string& base_dir) {
  detail::Context ctx(name_for_messages, base_dir, warnings);
  ctx.model.source = name_for_messages;
  detail::Reader reader(text, ctx);
  reader.run();
  if (!ctx.errors().empty()) throw InputError(ctx.errors());
  return std::move(ctx.model);
}

Model read_inp_file(const std::string& path, std::vector<std::string>* warnings) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw InputError(InputIssue{path, 0, "", "", "is a folder; expected a SWMM .inp file"});
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(
        InputIssue{path, 0, "", "", "cannot open the file; expected a readable SWMM .inp file"});
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError(InputIssue{path, 0, "", "", "is empty; expected a SWMM .inp file"});
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
  return read_inp_text(text.str(), path, warnings, dir);
}

}  // namespace sf::inp
