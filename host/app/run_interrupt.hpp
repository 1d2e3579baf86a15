// SIGINT and SIGTERM during a run: the handler only records the signal; the run loop looks at it
// before each step and stops there, so every file is closed and summary.json says where it
// stopped ("interrupted", exit status 128 + signal: 130 for Ctrl-C).
#pragma once

#include <signal.h>

#include <functional>
#include <stdexcept>
#include <string>

namespace sf::app {

/// Thrown at a step boundary after SIGINT or SIGTERM.
class RunInterrupted : public std::runtime_error {
 public:
  explicit RunInterrupted(int signal_number);
  int signal_number() const { return signal_; }

 private:
  int signal_;
};

/// While alive, SIGINT and SIGTERM are recorded instead of ending the process. The handler is
/// installed with SA_RESETHAND, so a second signal ends the process at once as usual. One made
/// inside another's lifetime keeps a request the outer one recorded (the run then stops at once).
class InterruptRequests {
 public:
  InterruptRequests();
  ~InterruptRequests();  // restores the previous handlers and forgets a request
  InterruptRequests(const InterruptRequests&) = delete;
  InterruptRequests& operator=(const InterruptRequests&) = delete;

  /// The signal received (SIGINT, SIGTERM), or 0.
  int requested() const;
  /// Throws RunInterrupted when a signal was received.
  void throw_if_requested() const;

  /// Wraps a run-loop step (or the plain surface step when `step` is empty) so that it first
  /// checks for a request; `plain_step` advances the surface alone.
  std::function<double(double)> checked_step(std::function<double(double)> step,
                                             std::function<double(double)> plain_step) const;

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

}  // namespace sf::app
