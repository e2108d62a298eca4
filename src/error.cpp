#include "dormlink/error.hpp"

namespace dormlink {

Error::Error(ExitCode code, const std::string& message, std::vector<Problem> problems)
    : std::runtime_error(message), m_code(code), m_problems(std::move(problems)) {}

void ProblemCollector::add(std::string location, std::string message) {
  m_problems.push_back(Problem{std::move(location), std::move(message)});
}

}  // namespace dormlink
