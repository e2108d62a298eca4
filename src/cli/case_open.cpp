// Opening a concern with its talk (case_open.hpp).
#include "cli/case_open.hpp"

#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/records/case.hpp"
#include "dormlink/store/case_store.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// The messages of an opened concern (docs/messages.md).
namespace say {
inline constexpr Message has_concern{
    "talk #{} has a concern already (case event #{}); a talk carries one concern: record the staff's steps with "
    "dormlink concern",
    "谈心记录 #{} 已有关注事项（事项步骤 #{}）；一条谈心记录只有一个关注事项：教职工的处理请用 dormlink concern 记录"};
inline constexpr Message reported_to{" · concern reported to the {}", " · 已上报{}的关注事项"};
inline constexpr Message counselor{"counselor", "辅导员"};
inline constexpr Message head_teacher{"head teacher", "班主任"};
inline constexpr Message leader{"college's leaders", "学院领导"};
}  // namespace say

}  // namespace

void open_concern(store::Database& db, std::int64_t record_id, const records::ConcernRequest& concern,
                  const std::string& student, const std::string& entered_at, const std::string& entered_by) {
  const auto target = store::load_case_target(db, record_id);
  for (const auto& e : target.events) {
    if (e.step == records::CaseStep::open) throw DataError(say::has_concern(target.root, e.id));
  }
  records::CaseEvent event;
  event.kind = records::CaseKind::concern;
  event.record_id = target.root;
  event.student_id = student;
  event.step = records::CaseStep::open;
  event.escalate_to = concern.escalate_to;
  // Opened when the member found it: the talk's time. Entered late, it is overdue at once for the staff:
  // nobody knew of it meanwhile (docs/cases.md).
  event.happened_at = target.happened_at.empty() ? entered_at.substr(0, 16) : target.happened_at;
  event.entered_at = entered_at;
  event.entered_by = entered_by;
  store::append_case_event(db, event, concern.text);
}

std::string concern_receipt(records::Escalation to) {
  switch (to) {
    case records::Escalation::head_teacher:
      return say::reported_to(say::head_teacher());
    case records::Escalation::leader:
      return say::reported_to(say::leader());
    default:
      return say::reported_to(say::counselor());
  }
}

std::optional<records::Escalation> escalation_of(const std::string& text) {
  if (util::trim(text).empty()) return records::Escalation::counselor;
  return records::parse_escalation(text);
}

}  // namespace dormlink::cli
