// --member and --counselor against check's input (lookup.hpp).
#include "cli/lookup.hpp"

#include <set>
#include <vector>

#include <fmt/format.h>

#include "cli/messages.hpp"
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
    throw UsageError(msg::no_member_or_resident(quote_value(text), input.semester.id));
  }
  std::vector<std::string> who;  // "2023110101 张思 英语2301"
  for (int i : found) {
    const auto& p = input.people[static_cast<std::size_t>(i)];
    who.push_back(p.class_name.empty() ? fmt::format("{} {}", p.id, p.name)
                                       : fmt::format("{} {} {}", p.id, p.name, p.class_name));
  }
  throw UsageError(msg::students_share_name(quote_value(text), who.size(), fmt::format("{}", fmt::join(who, ", "))));
}

int find_counselor(const check::CheckInput& input, const std::string& text) {
  const auto wanted = util::normalize_code(text);
  std::vector<int> found;
  for (std::size_t i = 0; i < input.counselors.size(); ++i) {
    if (input.counselors[i].staff_id == wanted) return static_cast<int>(i);
    if (input.counselors[i].name == wanted) found.push_back(static_cast<int>(i));
  }
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    throw UsageError(msg::no_counselor(quote_value(text)));
  }
  std::vector<std::string> who;
  for (int i : found) {
    const auto& c = input.counselors[static_cast<std::size_t>(i)];
    who.push_back(fmt::format("{} {}", c.staff_id, c.name));
  }
  throw UsageError(msg::counselors_share_name(quote_value(text), who.size(), fmt::format("{}", fmt::join(who, ", "))));
}

std::string find_branch(const check::CheckInput& input, const std::string& text) {
  const auto wanted = util::normalize_code(text);
  std::set<std::string> branches;
  for (const auto& p : input.people)
    if (!p.branch.empty()) branches.insert(p.branch);
  if (branches.count(wanted) > 0) return wanted;
  std::vector<std::string> found;
  for (const auto& b : branches)
    if (!wanted.empty() && b.find(wanted) != std::string::npos) found.push_back(b);
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    throw UsageError(
        msg::no_branch(quote_value(text), input.semester.id, fmt::format("{}", fmt::join(branches, ", "))));
  }
  throw UsageError(msg::several_branches(quote_value(text), found.size(), fmt::format("{}", fmt::join(found, ", "))));
}

}  // namespace dormlink::cli
