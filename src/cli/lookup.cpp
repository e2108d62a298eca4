// --member and --counselor against check's input (lookup.hpp).
#include "cli/lookup.hpp"

#include <vector>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {

int find_member(const check::CheckInput& input, const std::string& text) {
  const auto wanted = util::normalize_code(text);
  std::vector<int> found;
  for (std::size_t i = 0; i < input.people.size(); ++i) {
    if (input.people[i].id == wanted) return static_cast<int>(i);
    if (input.people[i].name == wanted) found.push_back(static_cast<int>(i));
  }
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    throw UsageError(fmt::format("--member {}: no member or resident of {} has that id or name", quote_value(text),
                                 input.semester.id));
  }
  std::vector<std::string> ids;
  for (int i : found) ids.push_back(input.people[static_cast<std::size_t>(i)].id);
  throw UsageError(fmt::format("--member {}: {} students have that name ({}); give the student id", quote_value(text),
                               ids.size(), fmt::join(ids, ", ")));
}

int find_counselor(const check::CheckInput& input, const std::string& text) {
  const auto wanted = util::normalize_code(text);
  for (std::size_t i = 0; i < input.counselors.size(); ++i) {
    if (input.counselors[i].staff_id == wanted || input.counselors[i].name == wanted) return static_cast<int>(i);
  }
  throw UsageError(
      fmt::format("--counselor {}: no counselor on the staff roster has that id or name", quote_value(text)));
}

}  // namespace dormlink::cli
