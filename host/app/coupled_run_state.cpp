// CoupledRun::save_state / restore_outputs: the coupled half of a checkpoint. Besides the
// network's and the exchange's state (CoupledSimulation::save_state), the outputs' own memory:
// the last snapshot's flooding (rates by difference), the last sample's time and balance, the
// conduits' surcharge time and how many bytes of network_timeseries.csv were written.
#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "app/coupled_run.hpp"
#include "common/input_error.hpp"

namespace sf::app {
namespace {

using Balance = couple::CoupledBalance;
// Every field of CoupledBalance, in the order of the entry `coupled_run_sample_balance`.
constexpr double Balance::*kBalanceFields[] = {
    &Balance::surface_initial,    &Balance::surface_final,      &Balance::rain,
    &Balance::boundary_inflow,    &Balance::boundary_outflow,   &Balance::source_inflow,
    &Balance::source_outflow,     &Balance::infiltration,       &Balance::other_surface_losses,
    &Balance::surface_clamp,      &Balance::network_initial,    &Balance::network_final,
    &Balance::network_inflow,     &Balance::outfall_outflow,    &Balance::network_flood_lost,
    &Balance::surface_to_network, &Balance::network_received,   &Balance::network_to_surface,
    &Balance::surface_received,   &Balance::outfall_to_surface, &Balance::outfall_received};
constexpr std::size_t kBalanceCount = sizeof kBalanceFields / sizeof kBalanceFields[0];
static_assert(sizeof(Balance) == kBalanceCount * sizeof(double),
              "a field was added to CoupledBalance: list it in kBalanceFields");

}  // namespace

void CoupledRun::save_state(StateRecord& record) {
  coupler_->save_state(record);
  csv_.flush();
  const std::streamoff csv_bytes = csv_.tellp();
  if (!csv_ || csv_bytes < 0)
    throw std::runtime_error("cannot write " + csv_path_ + " (its position is unknown)");
  record.put("coupled_run_outputs", std::vector<double>{snap_t_, sample_t_, double(csv_bytes)});
  record.put("coupled_run_snapshot_flood", snap_flood_);
  std::vector<double> balance;
  for (auto field : kBalanceFields) balance.push_back(sample_balance_.*field);
  record.put("coupled_run_sample_balance", std::move(balance));
  record.put("coupled_run_surcharged_s", surcharged_s_);
}

void CoupledRun::restore_memory(const StateRecord& record) {
  coupler_->load_state(record);
  const std::vector<double> o = record.get<double>("coupled_run_outputs", 3);
  snap_flood_ = record.get<double>("coupled_run_snapshot_flood", snap_flood_.size());
  const std::vector<double> balance =
      record.get<double>("coupled_run_sample_balance", kBalanceCount);
  for (std::size_t k = 0; k < kBalanceCount; ++k) sample_balance_.*kBalanceFields[k] = balance[k];
  surcharged_s_ = record.get<double>("coupled_run_surcharged_s", surcharged_s_.size());
  snap_t_ = o[0];
  sample_t_ = o[1];
}

void CoupledRun::restore_fresh(const StateRecord& record) {
  restore_memory(record);
  window_start_ = engine_->statistics();
  if (cfg_.network_vtk) vtp_ = std::make_unique<viz::NetworkVtpSeriesWriter>(out_dir_, "network");
  write_header();
  // The row of the state's time; the next row's rates still span the interval since the last
  // row of the run that wrote the checkpoint, as in that run.
  const double t = sample_t_;
  const couple::CoupledBalance b = sample_balance_;
  write_sample(surface_.time());
  sample_t_ = t;
  sample_balance_ = b;
  std::fill(surcharged_s_.begin(), surcharged_s_.end(), 0.0);
}

void CoupledRun::restore_outputs(const StateRecord& record) {
  restore_memory(record);
  const std::vector<double> o = record.get<double>("coupled_run_outputs", 3);

  // The rows up to the checkpoint stay; rows the first run wrote after it are dropped.
  const auto bytes = static_cast<std::uintmax_t>(o[2]);
  std::error_code ec;
  const std::uintmax_t have = std::filesystem::file_size(csv_path_, ec);
  if (ec || have < bytes)
    throw InputError(InputIssue{
        csv_path_, 0, "", "",
        ec ? "a restarted run continues this file, but it cannot be read (" + ec.message() +
                 "); restart in the output folder of the run that wrote the checkpoint"
           : "holds " + std::to_string(have) + " bytes; it held " + std::to_string(bytes) +
                 " when the checkpoint was written: restart in the output folder of the run "
                 "that wrote it"});
  std::filesystem::resize_file(csv_path_, bytes, ec);
  if (!ec) csv_.open(csv_path_, std::ios::app);
  if (ec || !csv_) throw std::runtime_error("cannot write " + csv_path_);

  if (cfg_.network_vtk) {
    vtp_ = std::make_unique<viz::NetworkVtpSeriesWriter>(out_dir_, "network");
    vtp_->continue_series(surface_.cursor().frame_times);
  }
}

}  // namespace sf::app
