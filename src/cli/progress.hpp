#pragma once
// Progress of long work on standard error, only at a terminal (never under cron, in a pipe or
// with -q): after a second of work, one line redrawn a few times a second — "label 8200/16390"
// when the amount is known, "label … 3 s" otherwise — and cleared when the work ends.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

#include "cli/context.hpp"

namespace dormlink::cli {

class Progress {
 public:
  // `label` is printed as is (a command and a file name: nothing personal); `total` 0 when the
  // amount of work is unknown.
  Progress(Context& ctx, std::string label, std::size_t total = 0);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(std::size_t n = 1) { m_done.fetch_add(n, std::memory_order_relaxed); }
  // The amount of work, once it is known (0: unknown).
  void set_total(std::size_t total) { m_total.store(total, std::memory_order_relaxed); }
  // Ends the line now (before the command prints what it did).
  void finish();

 private:
  void run();

  std::string m_label;
  std::atomic<std::size_t> m_total;
  std::chrono::milliseconds m_quiet_start;
  std::atomic<std::size_t> m_done{0};
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  std::thread m_thread;
};

}  // namespace dormlink::cli
