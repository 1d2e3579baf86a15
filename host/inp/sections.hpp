// Internal: one reader per group of .inp sections, called by reader.cpp in dependency order
// after every object ID has been registered (so references may point forward in the file).
#pragma once

#include <unordered_map>

#include "inp/context.hpp"
#include "inp/tokenizer.hpp"

namespace sf::inp::detail {

/// Which object a data line defines: line number -> index in Model::nodes / links
/// (lines that repeat an ID are absent).
struct Registry {
  std::unordered_map<int, int> node_of_line;
  std::unordered_map<int, int> link_of_line;
};

// read_options.cpp
void read_options(Context& ctx, const SectionBlock& block);
void finish_options(Context& ctx);

// read_tables.cpp
void read_curves(Context& ctx, const SectionBlock& block);
void read_timeseries(Context& ctx, const SectionBlock& block);
void read_patterns(Context& ctx, const SectionBlock& block);

// read_nodes.cpp
void read_junctions(Context& ctx, const SectionBlock& block, const Registry& reg);
void read_outfalls(Context& ctx, const SectionBlock& block, const Registry& reg);
void read_storage(Context& ctx, const SectionBlock& block, const Registry& reg);
void read_dividers(Context& ctx, const SectionBlock& block, const Registry& reg);

// read_links.cpp
void read_conduits(Context& ctx, const SectionBlock& block, const Registry& reg);
void read_pumps(Context& ctx, const SectionBlock& block, const Registry& reg);
void read_orifices(Context& ctx, const SectionBlock& block, const Registry& reg);
void read_weirs(Context& ctx, const SectionBlock& block, const Registry& reg);
void read_outlets(Context& ctx, const SectionBlock& block, const Registry& reg);
/// LINK_OFFSETS ELEVATION -> depth offsets, and the checks that need nodes, links and
/// cross sections together (regulator shapes, missing cross sections, negative offsets).
void finish_links(Context& ctx);

// read_xsections.cpp
void read_xsections(Context& ctx, const SectionBlock& block);
void read_losses(Context& ctx, const SectionBlock& block);
void read_transects(Context& ctx, const SectionBlock& block);

// read_inflows.cpp
void read_inflows(Context& ctx, const SectionBlock& block);
void read_dwf(Context& ctx, const SectionBlock& block);
/// Converts time series values according to their use (after every user was read).
void finish_series(Context& ctx);
/// Marks a series as used for `use` with SI factor `factor` (conflicting uses are errors).
void use_series(Context& ctx, int series, SeriesUse use, double factor, int line,
                const std::string& user);

// read_hydrology.cpp
/// Registers every rain gage and subcatchment ID (so subcatchments may name later ones).
void register_hydrology(Context& ctx, const std::vector<SectionBlock>& sections);
void read_raingages(Context& ctx, const SectionBlock& block);
void read_subcatchments(Context& ctx, const SectionBlock& block);
void read_subareas(Context& ctx, const SectionBlock& block);
void read_infiltration(Context& ctx, const SectionBlock& block);
void read_evaporation(Context& ctx, const SectionBlock& block);
/// Subcatchments without [SUBAREAS] or [INFILTRATION] lines; storage evaporation warning.
void finish_hydrology(Context& ctx);

// read_lid.cpp
void read_lid_controls(Context& ctx, const SectionBlock& block);
void read_lid_usage(Context& ctx, const SectionBlock& block);
/// Layer checks and derived values of each control; LID areas and shares per subcatchment.
void finish_lid(Context& ctx);

// read_quality.cpp
/// Registers every pollutant name (so a co-pollutant may name a later one).
void register_pollutants(Context& ctx, const std::vector<SectionBlock>& sections);
void read_pollutants(Context& ctx, const SectionBlock& block);
/// Refuses buildup/washoff and treatment where they would change the routed loads, and rain
/// concentrations carried by runoff (not simulated yet).
void refuse_unbuilt_quality(Context& ctx, const std::vector<SectionBlock>& sections);
/// Warns about pollutant properties that have no effect here (co-pollutants, Cgw, Crdii).
void warn_quality_without_effect(Context& ctx);
/// Warns about CONCEN inflows at nodes without a FLOW inflow (they add no load, as in SWMM).
void warn_concentration_without_flow(Context& ctx);

// controls.cpp
void read_controls(Context& ctx, const SectionBlock& block);

// read_map.cpp
void read_report(Context& ctx, const SectionBlock& block);
void read_map_section(Context& ctx, const SectionBlock& block);  // COORDINATES ... LABELS, MAP
void keep_unsupported(Context& ctx, const SectionBlock& block);

}  // namespace sf::inp::detail
