#include "cli/log_visit_prompt.hpp"

#include <algorithm>
#include <istream>
#include <map>

#include <fmt/ostream.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// Prints the question (with its default) to stderr and reads one line; nullopt at end of input.
std::optional<std::string> ask(Context& ctx, const std::string& question, const std::string& fallback) {
  if (fallback.empty()) {
    fmt::print(ctx.err(), "{}: ", question);
  } else {
    fmt::print(ctx.err(), "{} [{}]: ", question, fallback);
  }
  ctx.err().flush();
  std::string line;
  if (ctx.env().in == nullptr || !std::getline(*ctx.env().in, line)) return std::nullopt;
  if (auto problem = utf8_problem(line)) {
    throw UsageError(fmt::format("{}: the answer {}; type it again in a UTF-8 terminal", question, *problem));
  }
  auto answer = std::string(util::trim(line));
  return answer.empty() ? fallback : answer;
}

// The member's assigned dorms, in code order.
std::vector<std::string> dorms_of(const std::string& member, const std::map<std::string, std::string>& assignment) {
  std::vector<std::string> out;
  for (const auto& [dorm, who] : assignment) {
    if (who == member) out.push_back(dorm);
  }
  return out;
}

const roster::StudentRow* find(const roster::Snapshot& snapshot, const std::string& text) {
  for (const auto& s : snapshot.students) {
    if (s.student_id == text || s.facts.name == text) return &s;
  }
  return nullptr;
}

// Picks from a numbered list: a number chooses an item, anything else is taken as typed.
std::string pick(const std::vector<std::string>& items, const std::string& answer) {
  if (!answer.empty() && std::all_of(answer.begin(), answer.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    auto n = static_cast<std::size_t>(std::stoul(answer));
    if (n >= 1 && n <= items.size()) return items[n - 1];
  }
  return answer;
}

bool ask_dorm(Context& ctx, PromptFields& f, const roster::Snapshot& snapshot,
              const std::map<std::string, std::string>& assignment) {
  const auto* member = find(snapshot, f.member);
  auto dorms = member != nullptr ? dorms_of(member->student_id, assignment) : std::vector<std::string>{};
  for (std::size_t i = 0; i < dorms.size(); ++i) fmt::print(ctx.err(), "  {}) {}\n", i + 1, dorms[i]);
  auto answer = ask(ctx, "寝室 dorm", dorms.empty() ? "" : "1");
  if (!answer) return false;
  f.dorm = pick(dorms, *answer);
  return true;
}

bool ask_talked(Context& ctx, PromptFields& f, const roster::Snapshot& snapshot) {
  auto code = parse_dorm_code(f.dorm);
  std::vector<std::string> residents;
  for (const auto& s : snapshot.students) {
    if (code && s.facts.dorm == code->code()) residents.push_back(s.facts.name);
  }
  for (std::size_t i = 0; i < residents.size(); ++i) fmt::print(ctx.err(), "  {}) {}\n", i + 1, residents[i]);
  auto answer = ask(ctx, "谈话学生 residents talked with (numbers, comma-separated; Enter: none)", "");
  if (!answer) return false;
  std::string list = *answer;
  std::replace(list.begin(), list.end(), ' ', ',');
  for (std::size_t start = 0; start <= list.size();) {
    auto end = std::min(list.find(',', start), list.size());
    auto item = list.substr(start, end - start);
    if (!item.empty()) f.talked.push_back(pick(residents, item));
    start = end + 1;
  }
  return true;
}

}  // namespace

bool prompt_missing(Context& ctx, PromptFields& f, const roster::Snapshot& snapshot,
                    const std::map<std::string, std::string>& assignment, LocalDateTime now) {
  if (f.member.empty()) {
    auto answer = ask(ctx, "党员 member (student id or name)", "");
    if (!answer) return false;
    f.member = *answer;
  }
  if (f.dorm.empty() && !ask_dorm(ctx, f, snapshot, assignment)) return false;
  if (f.at.empty()) {
    auto answer = ask(ctx, "时间 when", format_local(now));
    if (!answer) return false;
    f.at = *answer;
  }
  if (f.kind.empty()) {
    auto answer = ask(ctx, "类型 kind", "走访");
    if (!answer) return false;
    f.kind = *answer;
  }
  if (f.talked.empty() && !ask_talked(ctx, f, snapshot)) return false;
  for (auto [field, question] : {std::pair{&f.progress, "工作进展及成效 progress"}, std::pair{&f.note, "说明 note"}}) {
    if (!field->empty()) continue;
    auto answer = ask(ctx, question, "");
    if (!answer) return false;
    *field = *answer;
  }
  return true;
}

bool confirm_save(Context& ctx, const std::string& summary) {
  fmt::print(ctx.err(), "{}\n", summary);
  auto answer = ask(ctx, "保存 save? [Y/n]", "");
  return answer && (answer->empty() || *answer == "y" || *answer == "Y" || *answer == "是" || *answer == "yes");
}

}  // namespace dormlink::cli
