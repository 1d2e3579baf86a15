// Defaults of the engine that a case file may override. The case-file schema states the same
// values (host/config/case_schema.cpp; CaseKeys.SchemaDefaultsAreTheEngineDefaults checks that
// they agree), so each default has one source here.
#pragma once

namespace sf {

/// Depth above which a cell counts as flooded in the event statistics and the summary (m). 0.15 m
/// is the usual threshold of urban waterlogging (城市内涝) in Chinese practice (GB 51222-2017, the
/// standard for urban flooding prevention and control, sec. 3.2: road ponding deeper than 15 cm).
inline constexpr double kDefaultFloodThreshold = 0.15;

/// A second depth threshold whose duration above it the netCDF results map (m).
inline constexpr double kDefaultUserThreshold = 0.3;

}  // namespace sf
