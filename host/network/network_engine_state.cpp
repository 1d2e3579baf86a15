// NetworkEngine::save_state / load_state: the routing buffers of the backend, the host's clock,
// variable step, ledger and last-step rates, the link settings, the lateral inflows the rules
// read, the control rules' PID memory, the action log and the subcatchments' runoff. Stored as
// they are in memory, so a continued run takes the same steps bit for bit (docs/checkpoints.md).
#include <stdexcept>

#include "network/controls.hpp"
#include "network/engine_backend.hpp"
#include "network/forcing.hpp"
#include "network/network_engine.hpp"

namespace sf::network {
namespace {

constexpr std::size_t kClockValues = 13, kLedgerValues = 7, kActionValues = 4;

}  // namespace

void NetworkEngine::save_state(StateRecord& record) const {
#if defined(__GLIBCXX__) && defined(__x86_64__)
  // A member added to NetworkEngine changes its size: save it here and in load_state (or say why it
  // is no state), then update the size. Checked where the layout is known (libstdc++, x86-64).
  // (control_target_, rule_full_depth_, rule_link_flow_ and mirror_scratch_ are scratch of one
  // step, and the table pool in net_ is built from the model: no state)
  static_assert(sizeof(NetworkEngine) == 1864,
                "NetworkEngine grew: is the new member in its checkpoint state?");
#endif
  if (!started_) throw std::logic_error("NetworkEngine::save_state before start()");
  backend_->save_state(record);
  rules_->save_state(record);
  if (const runoff::RunoffModel* r = forcing_->runoff(); r && !r->empty()) r->save_state(record);
  record.put("network_clock",
             std::vector<double>{t_, last_dt_, variable_step_, rule_time_, prev_ext_, prev_dwf_,
                                 prev_out_, prev_flood_, double(steps_), double(unconverged_),
                                 trials_, min_dt_, max_dt_});
  const MassBalance& m = ledger_;
  record.put("network_ledger", std::vector<double>{m.dry_weather_inflow, m.external_inflow,
                                                   m.surface_inflow, m.external_outflow, m.flooding,
                                                   m.initial_storage, m.final_storage});
  record.put("network_settings", settings_);
  record.put("network_lateral_inflow", lat_);
  // pollutant inflows booked so far and the last step's rates (loads_ and the step_*_load_
  // vectors are scratch, rewritten every step)
  std::vector<double> quality;
  for (const auto* v : {&qledger_.dwf, &qledger_.external, &qledger_.initial, &qledger_.prev_dwf,
                        &qledger_.prev_ext})
    quality.insert(quality.end(), v->begin(), v->end());
  record.put("network_quality_ledger", std::move(quality));
  // action log: time, link, setting and the rule (1 + its index in the model; 0 for none)
  std::vector<double> actions;
  for (const ActionLog& a : actions_) {
    double rule = 0.0;
    for (std::size_t k = 0; k < model_.rules.size(); ++k)
      if (model_.rules[k].id == a.rule) rule = double(k + 1);
    actions.insert(actions.end(), {a.t, double(a.link), a.setting, rule});
  }
  record.put("network_actions", std::move(actions));
}

void NetworkEngine::load_state(const StateRecord& record) {
  if (!started_) throw std::logic_error("NetworkEngine::load_state before start()");
  backend_->load_state(record);
  rules_->load_state(record);
  runoff::RunoffModel* r = forcing_->runoff();
  if (r && !r->empty())
    r->load_state(record);
  else if (record.has("runoff_clock"))
    throw std::invalid_argument(
        "state entry 'runoff_clock' is present but this network has no subcatchments");
  const std::vector<double> c = record.get<double>("network_clock", kClockValues);
  t_ = c[0];
  last_dt_ = c[1];
  variable_step_ = c[2];
  rule_time_ = c[3];
  prev_ext_ = c[4];
  prev_dwf_ = c[5];
  prev_out_ = c[6];
  prev_flood_ = c[7];
  steps_ = int(c[8]);
  unconverged_ = int(c[9]);
  trials_ = c[10];
  min_dt_ = c[11];
  max_dt_ = c[12];
  const std::vector<double> m = record.get<double>("network_ledger", kLedgerValues);
  ledger_ = {m[0], m[1], m[2], m[3], m[4], m[5], m[6]};
  const std::size_t nn = std::size_t(net_.node_count()), nl = std::size_t(net_.link_count());
  settings_ = record.get<double>("network_settings", nl);
  lat_ = record.get<double>("network_lateral_inflow", nn);
  const std::size_t np = std::size_t(net_.pollutant_count());
  // checkpoints of networks without pollutants written before quality routing lack the entry
  const std::vector<double> q = np == 0 && !record.has("network_quality_ledger")
                                    ? std::vector<double>{}
                                    : record.get<double>("network_quality_ledger", 5 * np);
  std::size_t k = 0;
  for (auto* v : {&qledger_.dwf, &qledger_.external, &qledger_.initial, &qledger_.prev_dwf,
                  &qledger_.prev_ext}) {
    v->assign(q.begin() + std::ptrdiff_t(k), q.begin() + std::ptrdiff_t(k + np));
    k += np;
  }
  const auto it = record.arrays().find("network_actions");
  const std::size_t n = it == record.arrays().end() ? 0 : it->second.size();
  if (n % kActionValues != 0)
    throw std::invalid_argument("state entry 'network_actions' has " + std::to_string(n) +
                                " values; expected a multiple of 4");
  const std::vector<double> a = record.get<double>("network_actions", n);
  actions_.clear();
  for (std::size_t k = 0; k < n; k += kActionValues) {
    const int link = int(a[k + 1]), rule = int(a[k + 3]);
    if (link < 0 || std::size_t(link) >= nl || rule < 0 || std::size_t(rule) > model_.rules.size())
      throw std::invalid_argument(
          "state entry 'network_actions' names a link or rule that is "
          "not in this network");
    actions_.push_back({a[k], link, a[k + 2], rule > 0 ? model_.rules[rule - 1].id : ""});
  }
  // An orifice's or weir's coefficients follow its setting once a control changed it (the
  // network is built with those of a full opening); apply_controls keeps them so.
  std::vector<bool> changed(nl, false);
  for (const ActionLog& x : actions_) changed[std::size_t(x.link)] = true;
  bool regulators = false;
  for (std::size_t j = 0; j < nl; ++j) {
    const LinkKind k = net_.link_kind[j];
    if (changed[j] && (k == LinkKind::Orifice || k == LinkKind::Weir)) {
      update_regulator_coefficients(net_, int(j), settings_[j]);
      regulators = true;
    }
  }
  if (regulators) backend_->set_regulators(net_.regulator);
  cache_valid_ = false;
}

}  // namespace sf::network
