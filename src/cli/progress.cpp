// Progress of long work at a terminal (progress.hpp).
#include "cli/progress.hpp"

#include <chrono>
#include <cstdlib>

#include <fmt/format.h>
#include <unistd.h>

namespace dormlink::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Shown only after this much work: a quick command draws nothing. Tests set
// DORMLINK_PROGRESS_DELAY_MS (a test hook, docs/testing.md) to see it on any machine.
constexpr auto k_quiet_start = std::chrono::milliseconds(1000);
constexpr auto k_redraw = std::chrono::milliseconds(100);

// Straight to the terminal: the line is redrawn with \r and never reaches a log.
void draw(const std::string& text) {
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const auto n = ::write(STDERR_FILENO, p, left);
    if (n <= 0) return;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace

Progress::Progress(Context& ctx, std::string label, std::size_t total)
    : m_label(std::move(label)), m_total(total), m_quiet_start(k_quiet_start) {
  if (auto delay = ctx.env().read_env("DORMLINK_PROGRESS_DELAY_MS")) {
    m_quiet_start = std::chrono::milliseconds(std::atoi(delay->c_str()));
  }
  if (ctx.env().stderr_is_terminal && !ctx.options().quiet) m_thread = std::thread([this] { run(); });
}

Progress::~Progress() { finish(); }

void Progress::finish() {
  if (!m_thread.joinable()) return;
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void Progress::run() {
  const auto start = Clock::now();
  bool drawn = false;
  std::unique_lock lock(m_mutex);
  while (!m_wake.wait_for(lock, k_redraw, [this] { return m_stop; })) {
    const auto elapsed = Clock::now() - start;
    if (elapsed < m_quiet_start) continue;
    const auto done = m_done.load(std::memory_order_relaxed);
    const auto total = m_total.load(std::memory_order_relaxed);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
    draw(total > 0 ? fmt::format("\r\033[K{} {}/{} ({}%)", m_label, done, total, done * 100 / total)
                   : fmt::format("\r\033[K{} … {} s", m_label, seconds));
    drawn = true;
  }
  if (drawn) draw("\r\033[K");
}

}  // namespace dormlink::cli
