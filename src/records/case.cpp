// Cases: names, the order of staff steps, the case chain (include/dormlink/records/case.hpp).
#include "dormlink/records/case.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "dormlink/language.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::records {
namespace {

// What verify says of a broken case chain (docs/cases.md "The case chain").
namespace say {
inline constexpr Message event_missing{"case event #{} is missing: the case chain goes from #{} to #{}",
                                       "缺少事项步骤 #{}：事项链从 #{} 跳到了 #{}"};
inline constexpr Message event_out_of_order{"case event {} is out of order or appears twice: it comes after {}",
                                            "事项步骤 {} 顺序错乱或出现了两次：它排在 {} 之后"};
inline constexpr Message event_altered{"case event {} was altered: its content does not match its hash",
                                       "事项步骤 {} 被改动过：其内容与哈希不符"};
inline constexpr Message event_not_following{
    "case event {} does not follow the one before it: a case event was removed or reordered",
    "事项步骤 {} 没有接在前一步之后：有事项步骤被删除或调换了顺序"};
inline constexpr Message event_text_altered{"case event {}: its text was altered: it does not match its digest",
                                            "事项步骤 {}：其文字被改动过，与摘要不符"};
}  // namespace say

constexpr std::array<std::pair<CaseKind, std::array<std::string_view, 2>>, 2> k_kinds{{
    {CaseKind::concern, {"concern", "关注事项"}},
    {CaseKind::incident, {"incident", "特殊情况"}},
}};
constexpr std::array<std::pair<CaseStep, std::array<std::string_view, 2>>, 4> k_steps{{
    {CaseStep::open, {"open", "上报"}},
    {CaseStep::ack, {"ack", "确认收到"}},
    {CaseStep::action, {"action", "处理"}},
    {CaseStep::close, {"close", "结案"}},
}};
constexpr std::array<std::pair<CaseStatus, std::array<std::string_view, 2>>, 4> k_statuses{{
    {CaseStatus::reported, {"reported", "待确认"}},
    {CaseStatus::acknowledged, {"acknowledged", "已确认"}},
    {CaseStatus::action, {"action", "处理中"}},
    {CaseStatus::closed, {"closed", "已结案"}},
}};
// The key, the Chinese label, then the other spellings parse_escalation takes.
constexpr std::array<std::pair<Escalation, std::array<std::string_view, 5>>, 3> k_escalations{{
    {Escalation::counselor, {"counselor", "辅导员", "", "", ""}},
    {Escalation::head_teacher, {"head_teacher", "班主任", "head-teacher", "", ""}},
    {Escalation::leader, {"leader", "学院领导", "领导", "院领导", ""}},
}};

template <typename Table, typename Value>
std::string_view word(const Table& table, Value value, std::size_t column) {
  for (const auto& [v, words] : table)
    if (v == value) return words[column];
  return {};
}

std::string lower_ascii(std::string_view text) {
  std::string out(util::trim(text));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

template <typename Table>
auto parse_word(const Table& table, std::string_view text) -> std::optional<typename Table::value_type::first_type> {
  const auto wanted = lower_ascii(text);
  if (wanted.empty()) return std::nullopt;
  for (const auto& [value, words] : table) {
    for (auto w : words)
      if (!w.empty() && w == wanted) return value;
  }
  return std::nullopt;
}

void optional_text(Canonical& c, std::string_view name, const std::optional<std::string>& value) {
  if (value) {
    c.field(name, *value);
  } else {
    c.null_field(name);
  }
}

}  // namespace

std::string_view key(CaseKind kind) { return word(k_kinds, kind, 0); }
std::string_view label_zh(CaseKind kind) { return word(k_kinds, kind, 1); }
std::string_view key(CaseStep step) { return word(k_steps, step, 0); }
std::string_view label_zh(CaseStep step) { return word(k_steps, step, 1); }
std::string_view key(Escalation to) { return word(k_escalations, to, 0); }
std::string_view label_zh(Escalation to) { return word(k_escalations, to, 1); }
std::string_view key(CaseStatus status) { return word(k_statuses, status, 0); }
std::string_view label_zh(CaseStatus status) { return word(k_statuses, status, 1); }

std::optional<Escalation> parse_escalation(std::string_view text) { return parse_word(k_escalations, text); }
std::optional<CaseKind> parse_case_kind(std::string_view text) { return parse_word(k_kinds, text); }
std::optional<CaseStep> parse_case_step(std::string_view text) { return parse_word(k_steps, text); }

std::string canonical_case_text(const std::optional<std::string>& text) {
  Canonical c;
  optional_text(c, "text", text);
  return std::move(c).release();
}

Digest case_text_digest(const std::optional<std::string>& text) { return sha256(canonical_case_text(text)); }

std::string canonical_case_event(const CaseEvent& e, std::string_view text_digest_hex) {
  Canonical c;
  c.field("id", e.id);
  c.field("case_kind", key(e.kind));
  c.field("record_id", e.record_id);
  optional_text(c, "student_id", e.student_id);
  c.field("step", key(e.step));
  if (e.escalate_to) {
    c.field("escalate_to", key(*e.escalate_to));
  } else {
    c.null_field("escalate_to");
  }
  optional_text(c, "staff_id", e.staff_id);
  c.field("happened_at", e.happened_at);
  c.field("entered_at", e.entered_at);
  c.field("entered_by", e.entered_by);
  c.field("text_digest", text_digest_hex);
  return std::move(c).release();
}

CaseStatus CaseState::status() const {
  if (closed_at) return CaseStatus::closed;
  if (actions > 0) return CaseStatus::action;
  if (acknowledged_at) return CaseStatus::acknowledged;
  return CaseStatus::reported;
}

CaseState fold_case(CaseKind kind, std::string opened_at, const std::vector<CaseEvent>& events,
                    std::string_view as_of) {
  CaseState s;
  s.kind = kind;
  s.opened_at = std::move(opened_at);
  for (const auto& e : events) {
    if (!as_of.empty() && std::string_view(e.happened_at) > as_of) continue;
    s.event_ids.push_back(e.id);
    if (e.student_id && !s.student_id) s.student_id = e.student_id;
    if (e.step == CaseStep::open) {
      s.opened_at = e.happened_at;
      s.escalate_to = e.escalate_to;
    } else {
      if (!s.acknowledged_at) {
        s.acknowledged_at = e.happened_at;
        s.acknowledged_by = e.staff_id;
        s.acknowledged_by_step = e.step;
      }
      if (e.step == CaseStep::action) ++s.actions;
      if (e.step == CaseStep::close) {
        s.closed_at = e.happened_at;
        s.closed_by = e.staff_id;
      }
    }
    s.last_step = e.step;
    s.last_at = e.happened_at;
  }
  if (s.last_at.empty()) s.last_at = s.opened_at;
  return s;
}

StepRefusal check_step(const CaseState& state, CaseStep step, std::string_view at, std::string_view now) {
  if (state.opened_at.empty()) return StepRefusal::not_opened;
  if (state.closed_at) return StepRefusal::closed;
  if (step == CaseStep::ack && state.acknowledged_at) return StepRefusal::already_acknowledged;
  if (now < at) return StepRefusal::later_than_now;
  if (at < std::string_view(state.opened_at)) return StepRefusal::before_opened;
  if (state.last_step && *state.last_step != CaseStep::open && at < std::string_view(state.last_at)) {
    return StepRefusal::before_last_step;
  }
  return StepRefusal::none;
}

std::optional<ChainFault> CaseChainVerifier::next(const CaseChainEntry& entry) {
  if (m_fault) return m_fault;
  m_fault = check(entry);
  if (m_fault) return m_fault;
  m_head = from_hex(entry.hash).value_or(Digest{});
  m_expected = entry.event.id + 1;
  ++m_count;
  return std::nullopt;
}

std::optional<ChainFault> CaseChainVerifier::check(const CaseChainEntry& entry) {
  const std::int64_t id = entry.event.id;
  if (id < m_expected) return ChainFault{id, say::event_out_of_order(id, m_expected - 1)};
  if (id > m_expected) return ChainFault{m_expected, say::event_missing(m_expected, m_expected - 1, id)};
  const auto stored = from_hex(entry.hash);
  const auto previous = from_hex(entry.prev_hash);
  const auto canonical = canonical_case_event(entry.event, entry.text_digest);
  if (!stored || !previous || m_hasher.link(*previous, canonical) != *stored) {
    return ChainFault{id, say::event_altered(id)};
  }
  if (*previous != m_head) return ChainFault{id, say::event_not_following(id)};
  if (!entry.purged) {
    const auto digest = m_hasher.sha256(canonical_case_text(entry.has_text_row ? entry.text : std::nullopt));
    if (to_hex(digest) != entry.text_digest) return ChainFault{id, say::event_text_altered(id)};
  }
  return std::nullopt;
}

}  // namespace dormlink::records
