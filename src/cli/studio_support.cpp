// What the studio's view, the cultivation count and the marks load (studio_support.hpp).
#include "cli/studio_support.hpp"

#include <algorithm>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"

namespace dormlink::cli {
namespace {

// The studio's messages (docs/messages.md).
namespace say {
inline constexpr Message unknown_studio_member{
    "{}: [studio] members lists {}, which is neither a current student nor a current staff member on {}; remove it "
    "or import the roster that has it",
    "{}：[studio] members 中的 {} 在 {} 既不是在校学生，也不是在职教师；请删去，或先导入含此人的花名册"};
}  // namespace say

int person_index(const check::CheckInput& input, const std::string& id) {
  const auto it = std::lower_bound(input.people.begin(), input.people.end(), id,
                                   [](const check::Person& p, const std::string& x) { return p.id < x; });
  return it != input.people.end() && it->id == id ? static_cast<int>(it - input.people.begin()) : -1;
}

int dorm_index(const check::CheckInput& input, const std::string& code) {
  const auto it = std::lower_bound(input.dorms.begin(), input.dorms.end(), code);
  return it != input.dorms.end() && *it == code ? static_cast<int>(it - input.dorms.begin()) : -1;
}

std::optional<report::Mark> mark_of(const store::MarkRow& row) {
  return report::Mark{row.mark, row.given_by, row.given_by_name, row.entered_at.substr(0, 16), row.note};
}

}  // namespace

std::vector<store::StudioPerson> load_studio_checked(Context& ctx, store::Database& db, Date on) {
  std::vector<std::string> unknown;
  auto studio = store::load_studio(db, on, ctx.config().studio.members, unknown);
  if (!unknown.empty()) {
    throw ConfigError(
        say::unknown_studio_member(ctx.options().config_path, quote_value(unknown.front()), format_date(on)));
  }
  return studio;
}

report::Cultivation load_cultivation(Context& ctx, store::Database& db, const check::CheckInput& input, Date as_of) {
  report::CultivationInput in;
  in.check = &input;
  in.per_month = ctx.config().duties.cultivation_per_activist;
  in.as_of = as_of;
  if (in.per_month <= 0) return report::build_cultivation(in);
  const Date last = input.semester.last_day();
  const Date on = to_days(as_of) < to_days(last) ? as_of : last;
  for (const auto& id : store::load_activists(db, on))
    if (const int p = person_index(input, id); p >= 0) in.activists.push_back(p);
  for (const auto& row : store::load_cultivation_records(db, input.semester.id, input.semester.first_monday, on)) {
    report::CultivationRecord r{row.id,
                                row.education,
                                person_index(input, row.member_id),
                                row.dorm_code.empty() ? -1 : dorm_index(input, row.dorm_code),
                                row.day,
                                {}};
    for (const auto& s : row.students)
      if (const int p = person_index(input, s); p >= 0) r.students.push_back(p);
    in.records.push_back(std::move(r));
  }
  return report::build_cultivation(in);
}

std::vector<report::MemberMarks> load_member_marks(store::Database& db, const std::string& semester_id) {
  std::vector<report::MemberMarks> out;
  for (const auto& row : store::latest_marks(db, semester_id)) {
    if (out.empty() || out.back().member_id != row.member_id) out.push_back({row.member_id, {}, {}});
    (row.source == "studio" ? out.back().studio : out.back().branch) = mark_of(row);
  }
  return out;
}

}  // namespace dormlink::cli
