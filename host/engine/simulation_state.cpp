// Simulation::save_state / load_state: the clock, the dt history and bounds, the rain field in
// use and the run cursor, around the solver's own state. Everything that decides the next step
// is stored as it is in memory, so a continued run takes the same steps bit for bit.
#include <cmath>
#include <stdexcept>

#include "engine/simulation.hpp"

namespace sf {

void Simulation::save_state(StateRecord& record) {
  solver_->save_state(record);
  record.put("clock", std::vector<double>{time_, double(steps_), double(retakes_), speed_, min_dt_,
                                          max_dt_, initial_volume_, rain_volume_});
  if (setup_.rain_field) {
    record.put("rain_field", rain_buffer_);
    record.put("rain_field_window",
               std::vector<double>{field_valid_until_, rain_field_sum_, rain_field_max_});
  }
  const RunCursor& c = cursor_;
  record.put("run_cursor",
             std::vector<double>{double(c.started), double(c.next_frame), c.regular_output,
                                 c.next_sample, c.sample_t, c.sample_v, double(c.steps_at_start),
                                 c.peak_outflow_m3s, c.time_of_peak_outflow_s});
  std::vector<double> hydrograph;
  hydrograph.reserve(2 * c.hydrograph.size());
  for (const auto& [t, q] : c.hydrograph) {
    hydrograph.push_back(t);
    hydrograph.push_back(q);
  }
  record.put("run_hydrograph", std::move(hydrograph));
  record.put("run_frame_times", c.frame_times);
}

void Simulation::load_state(const StateRecord& record) {
  solver_->load_state(record);
  const std::vector<double> clock = record.get<double>("clock", 8);
  time_ = clock[0];
  steps_ = static_cast<long long>(clock[1]);
  retakes_ = static_cast<long long>(clock[2]);
  speed_ = clock[3];
  min_dt_ = clock[4];
  max_dt_ = clock[5];
  initial_volume_ = clock[6];
  rain_volume_ = clock[7];
  if (setup_.rain_field) {
    rain_buffer_ = record.get<float>("rain_field", setup_.z.size());
    const std::vector<double> w = record.get<double>("rain_field_window", 3);
    field_valid_until_ = w[0];
    rain_field_sum_ = w[1];
    rain_field_max_ = w[2];
    if (!rain_buffer_.empty()) solver_->set_rain_field(rain_buffer_);
  } else if (record.has("rain_field")) {
    throw std::invalid_argument(
        "state entry 'rain_field' is present but this case has no rain grid");
  }
  const std::vector<double> cur = record.get<double>("run_cursor", 9);
  RunCursor c;
  c.started = cur[0] != 0.0;
  c.next_frame = static_cast<int>(cur[1]);
  c.regular_output = cur[2];
  c.next_sample = cur[3];
  c.sample_t = cur[4];
  c.sample_v = cur[5];
  c.steps_at_start = static_cast<long long>(cur[6]);
  c.peak_outflow_m3s = cur[7];
  c.time_of_peak_outflow_s = cur[8];
  const auto it = record.arrays().find("run_hydrograph");
  const std::size_t n = it == record.arrays().end() ? 0 : it->second.size();
  if (n % 2 != 0)
    throw std::invalid_argument("state entry 'run_hydrograph' has an odd number of values");
  const std::vector<double> hydrograph = record.get<double>("run_hydrograph", n);
  for (std::size_t k = 0; k < n; k += 2)
    c.hydrograph.emplace_back(hydrograph[k], hydrograph[k + 1]);
  c.frame_times = record.get<double>("run_frame_times", std::size_t(c.next_frame));
  cursor_ = std::move(c);
}

}  // namespace sf
