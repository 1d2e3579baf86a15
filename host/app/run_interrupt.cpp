#include "app/run_interrupt.hpp"

#include <atomic>
#include <csignal>
#include <cstring>

namespace sf::app {
namespace {

// The one piece of global mutable state: a signal handler gets no pointer to the run, so the
// signal it saw must live where the handler can reach it. A lock-free atomic is safe to store to
// from a handler; InterruptRequests owns its lifetime (set up and cleared by it only).
std::atomic<int> g_received_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the handler's store must be lock-free");

extern "C" void record_signal(int signal_number) {
  g_received_signal.store(signal_number, std::memory_order_relaxed);
}

}  // namespace

RunInterrupted::RunInterrupted(int signal_number)
    : std::runtime_error(std::string("interrupted by ") +
                         (signal_number == SIGINT    ? "SIGINT"
                          : signal_number == SIGTERM ? "SIGTERM"
                                                     : "signal " + std::to_string(signal_number))),
      signal_(signal_number) {}

InterruptRequests::InterruptRequests() {
  // A request is not cleared here: one recorded by an enclosing InterruptRequests (the forecast
  // loop around its runs) must stop a run that starts after it. Without an enclosing one the
  // flag is 0, since a signal then ends the process.
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = record_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // a second Ctrl-C ends the process the usual way
  sigaction(SIGINT, &action, &previous_int_);
  sigaction(SIGTERM, &action, &previous_term_);
}

InterruptRequests::~InterruptRequests() {
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
  g_received_signal.store(0);
}

int InterruptRequests::requested() const {
  return g_received_signal.load(std::memory_order_relaxed);
}

void InterruptRequests::throw_if_requested() const {
  if (const int s = requested()) throw RunInterrupted(s);
}

std::function<double(double)> InterruptRequests::checked_step(
    std::function<double(double)> step, std::function<double(double)> plain_step) const {
  return [this, step = std::move(step), plain_step = std::move(plain_step)](double t_limit) {
    throw_if_requested();
    return step ? step(t_limit) : plain_step(t_limit);
  };
}

}  // namespace sf::app
