#include "dormlink/error.hpp"

#include <fmt/format.h>

namespace dormlink {

Error::Error(ExitCode code, const std::string& message, std::vector<Problem> problems)
    : std::runtime_error(message), m_code(code), m_problems(std::move(problems)) {}

void ProblemCollector::add(std::string location, std::string message) {
  if (full()) {
    ++m_left_out;
    return;
  }
  m_problems.push_back(Problem{std::move(location), std::move(message)});
}

std::vector<Problem> ProblemCollector::take() {
  std::vector<Problem> out = std::move(m_problems);
  m_problems.clear();
  if (m_left_out > 0) {
    out.push_back(Problem{"", fmt::format("... and {} more problem{} not shown; fix these first", m_left_out,
                                          m_left_out == 1 ? "" : "s")});
  }
  if (!m_stop_note.empty()) out.push_back(Problem{"", std::move(m_stop_note)});
  m_left_out = 0;
  m_stop_note.clear();
  return out;
}

}  // namespace dormlink
