#include "app/overflows_command.hpp"

#include "app/command_outputs.hpp"
#include "app/outfall_recorders.hpp"
#include "common/number_text.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <ostream>

#include "assess/overflow_events.hpp"
#include "common/atomic_text_file.hpp"
#include "common/input_error.hpp"
#include "inp/reader.hpp"
#include "network/network_engine.hpp"

namespace sf::app {
namespace {

/// The outfall nodes asked for (all outfalls when none is named).
std::vector<int> chosen_outfalls(const OverflowOptions& o, const network::NetworkData& net) {
  std::vector<int> nodes;
  if (o.outfalls.empty()) {
    for (int i = 0; i < net.node_count(); ++i)
      if (net.node_outfall[i] >= 0) nodes.push_back(i);
    return nodes;
  }
  std::vector<InputIssue> issues;
  for (const std::string& id : o.outfalls) {
    int found = -1;
    for (int i = 0; i < net.node_count(); ++i)
      if (net.node_id[i] == id) found = i;
    if (found < 0 || net.node_outfall[found] < 0)
      issues.push_back(
          {"--outfalls", 0, "", id,
           found < 0 ? "no such node in " + o.inp_path : "is not an outfall of " + o.inp_path});
    else
      nodes.push_back(found);
  }
  if (!issues.empty()) throw InputError(issues);
  return nodes;
}

}  // namespace

int overflows_command(const OverflowOptions& o, std::ostream& out, std::ostream& err) {
  return exit_status_of(err, [&]() {
    const inp::Model model = inp::read_inp_file(o.inp_path);
    network::NetworkEngine eng(model, "cpu");
    const network::NetworkData& net = eng.network();
    const std::vector<int> nodes = chosen_outfalls(o, net);
    if (nodes.empty())
      throw InputError(InputIssue{o.inp_path, 0, "[OUTFALLS]", "", "the network has no outfall"});
    OutfallRecorders outfalls(nodes, o.min_flow_m3s, o.inter_event_hours * 3600.0);
    eng.start();
    outfalls.start(eng);
    while (eng.step()) outfalls.step(eng);
    eng.finish();
    const std::vector<assess::OverflowRecorder>& rec = outfalls.recorders();
    const std::size_t np = std::size_t(eng.pollutant_count());
    const std::vector<network::QualityBalance> quality = eng.quality_balance();
    // "loads_kg" (or "loads_count" for #/L pollutants) as summary.json names them
    auto loads_json = [&](const std::vector<double>& loads) {
      nlohmann::ordered_json l = nlohmann::ordered_json::object();
      for (std::size_t p = 0; p < np; ++p) {
        const bool count = quality[p].units == inp::ConcentrationUnits::CountPerL;
        l[count ? "loads_count" : "loads_kg"][quality[p].pollutant] =
            p < loads.size() ? loads[p] : 0.0;
      }
      return l;
    };
    auto loads_csv = [&](const std::vector<double>& loads) {
      std::string text;
      for (std::size_t p = 0; p < np; ++p)
        text += "," + number_text("%.6g", p < loads.size() ? loads[p] : 0.0);
      return text;
    };
    std::string load_columns;
    for (const network::QualityBalance& b : quality)
      load_columns += ",load_" + b.pollutant +
                      (b.units == inp::ConcentrationUnits::CountPerL ? "_count" : "_kg");
    const network::NetworkStatistics st = eng.statistics();

    if (!make_output_folder(o.output_dir, err)) return 1;
    const std::filesystem::path dir(o.output_dir);
    std::string totals =
        "outfall,volume_m3,engine_volume_m3,events,overflow_h,longest_event_h,peak_m3s" +
        load_columns + "\n";
    std::string events =
        "outfall,event,start_h,end_h,duration_h,volume_m3,peak_m3s" + load_columns + "\n";
    nlohmann::ordered_json j;
    j["network"] = o.inp_path;
    j["inter_event_h"] = o.inter_event_hours;
    j["min_flow_m3s"] = o.min_flow_m3s;
    j["flow_routing_continuity_error_pct"] = eng.mass_balance().continuity_error_pct();
    double volume = 0.0, hours = 0.0;
    std::vector<double> total_loads(np, 0.0);
    std::size_t count = 0;
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      const assess::OverflowRecorder& r = rec[k];
      const std::string& id = net.node_id[nodes[k]];
      double longest = 0.0;
      for (std::size_t e = 0; e < r.events().size(); ++e) {
        const assess::OverflowEvent& ev = r.events()[e];
        longest = std::max(longest, ev.end_s - ev.start_s);
        events += id + "," + std::to_string(e + 1) + "," +
                  number_text("%.4f", ev.start_s / 3600.0) + "," +
                  number_text("%.4f", ev.end_s / 3600.0) + "," +
                  number_text("%.4f", (ev.end_s - ev.start_s) / 3600.0) + "," +
                  number_text("%.3f", ev.volume_m3) + "," + number_text("%.5f", ev.peak_m3s) +
                  loads_csv(ev.loads) + "\n";
      }
      totals += id + "," + number_text("%.3f", r.volume_m3()) + "," +
                number_text("%.3f", st.outfall_volume[nodes[k]]) + "," +
                std::to_string(r.events().size()) + "," +
                number_text("%.4f", r.overflow_s() / 3600.0) + "," +
                number_text("%.4f", longest / 3600.0) + "," + number_text("%.5f", r.peak_m3s()) +
                loads_csv(r.loads()) + "\n";
      j["outfalls"][id] = {
          {"volume_m3", r.volume_m3()},          {"engine_volume_m3", st.outfall_volume[nodes[k]]},
          {"events", r.events().size()},         {"overflow_h", r.overflow_s() / 3600.0},
          {"longest_event_h", longest / 3600.0}, {"peak_m3s", r.peak_m3s()}};
      j["outfalls"][id].update(loads_json(r.loads()));
      total_loads.resize(np, 0.0);
      for (std::size_t p = 0; p < std::min(np, r.loads().size()); ++p)
        total_loads[p] += r.loads()[p];
      volume += r.volume_m3();
      hours += r.overflow_s() / 3600.0;
      count += r.events().size();
    }
    j["total"] = {{"volume_m3", volume}, {"events", count}, {"overflow_h", hours}};
    j["total"].update(loads_json(total_loads));
    if (np > 0) {
      nlohmann::ordered_json errors = nlohmann::ordered_json::object();
      for (const network::QualityBalance& b : quality)
        errors[b.pollutant] = b.continuity_error_pct();
      j["quality_continuity_error_pct"] = std::move(errors);
    }
    for (const auto& [name, text] : {std::pair<std::string, std::string>{"overflows.csv", totals},
                                     {"overflow_events.csv", events},
                                     {"overflows.json", j.dump(2) + "\n"}}) {
      const std::string path = (dir / name).string();
      write_text_file_atomically(path, text, path + ".tmp");
    }
    out << nodes.size() << " outfalls: " << count << " overflow events, "
        << number_text("%.1f", volume) << " m3, " << number_text("%.2f", hours)
        << " h of overflow (events apart by more than " << o.inter_event_hours << " h; flow above "
        << o.min_flow_m3s << " m3/s)\n"
        << "flow routing continuity error: " << eng.mass_balance().continuity_error_pct() << " %\n";
    for (std::size_t p = 0; p < np; ++p)
      out << quality[p].pollutant
          << " through these outfalls: " << number_text("%.6g", total_loads[p])
          << (quality[p].units == inp::ConcentrationUnits::CountPerL ? " counts" : " kg")
          << " (quality continuity error " << number_text("%.3f", quality[p].continuity_error_pct())
          << " %)\n";
    out << "wrote overflows.csv, overflow_events.csv and overflows.json in " << o.output_dir
        << "\n";
    return 0;
  });
}

}  // namespace sf::app
