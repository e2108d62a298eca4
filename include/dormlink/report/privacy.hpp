#pragma once
// Who a report or export is for, and what that audience may see (REQUIREMENTS §5, issue
// "report and export"): the committee sees aggregates only; phones are masked and attention
// categories hidden unless --include-sensitive --reason is given (and audited).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/privacy_rules.hpp"
#include "dormlink/report/json.hpp"

namespace dormlink::report {

enum class Audience { counselor, branch, committee };

std::optional<Audience> parse_audience(std::string_view text);  // "counselor", "branch", "committee"
std::string_view to_string(Audience audience);
// 辅导员 / 党支部 / 学院党委, or counselor / Party branch / college Party committee.
std::string audience_label(Audience audience, bool zh);

struct Privacy;

// A count as an audience may see it (docs/reports.md "Audiences and privacy"): the number, or
// hidden — "<3" when it is small itself, "—" when it would give a small neighbour away. Only
// Privacy makes one (count, parts, total, exact), so privacy is decided where a report is
// built; a renderer can format a ShownCount but never reach the number behind a hidden one
// (a hidden count does not hold it). The default is a shown 0.
class ShownCount {
 public:
  ShownCount() = default;

  // Whether the audience does not see the number.
  bool hidden() const { return m_shown != Shown::exact; }
  // The number, for charts and sums; nullopt when hidden.
  std::optional<int> value() const;
  // Whether the audience sees 0 (never true when hidden).
  bool zero() const { return m_shown == Shown::exact && m_value == 0; }
  // Text and Markdown: "12", "<3" (small), "—" (a part withheld next to a small one).
  std::string text() const;
  // JSON: 12, "<3" (a string), null (withheld).
  Json json() const;

 private:
  friend struct Privacy;
  enum class Shown { exact, small, withheld };
  ShownCount(Shown shown, int value, int threshold) : m_shown(shown), m_value(value), m_threshold(threshold) {}

  Shown m_shown = Shown::exact;
  int m_value = 0;  // 0 unless exact
  int m_threshold = 0;
};

struct Privacy {
  Audience audience = Audience::counselor;
  bool include_sensitive = false;               // --include-sensitive --reason (written to the audit table)
  bool mask_phones = true;                      // privacy.mask_phones
  int small_count_threshold = 3;                // privacy.small_count_threshold
  bool committee_sees_attention_names = false;  // privacy.committee_sees_attention_names

  // Whether phone numbers appear in full (else masked, or left out for the committee).
  bool phones_in_full() const;
  // Whether any phone number appears at all (the committee never sees them).
  bool phones_shown() const;
  // Whether attention categories may be shown next to a named student.
  bool attention_of_named() const;
  // Whether counts are suppressed below the threshold (the committee's aggregates).
  bool suppresses_small_counts() const;

  // A count of attention students or incidents: "<3" for 1..threshold-1 when small counts are
  // suppressed; 0 is shown, because an empty group singles no one out.
  ShownCount count(int n) const;
  // The parts of a split of such a count (talked / missed; in time / late / unreported), in
  // order: when any part is small, it shows as "<3" and every other part as "—", so a small
  // part cannot be recovered from the total and its neighbours.
  std::vector<ShownCount> parts(const std::vector<int>& counts) const;
  // A total over rules: exact_part (rules that are never sensitive) plus the sensitive
  // rules' counts; "—" when any sensitive count is small.
  ShownCount total(int exact_part, const std::vector<int>& sensitive) const;
  // A count that says nothing about attention students or incidents: always the number.
  static ShownCount exact(int n);

 private:
  bool small(int n) const;
};

// "13812345678" -> "138****5678"; anything shorter than 7 characters -> "****".
std::string mask_phone(std::string_view phone);

// The privacy of `audience` under the config's [privacy] rules; with `include_sensitive`, the
// fields --include-sensitive --reason asked for.
Privacy privacy_for(const PrivacyRules& rules, Audience audience, bool include_sensitive = false);

}  // namespace dormlink::report
