#pragma once
// Who a report or export is for, and what that audience may see (REQUIREMENTS §5, issue
// "report and export"): the committee sees aggregates only; phones are masked and attention
// categories hidden unless --include-sensitive --reason is given (and audited).

#include <optional>
#include <string>
#include <string_view>

namespace dormlink::report {

enum class Audience { counselor, branch, committee };

std::optional<Audience> parse_audience(std::string_view text);  // "counselor", "branch", "committee"
std::string_view to_string(Audience audience);
// 辅导员 / 党支部 / 学院党委, or counselor / Party branch / college Party committee.
std::string audience_label(Audience audience, bool zh);

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
};

// "13812345678" -> "138****5678"; anything shorter than 7 characters -> "****".
std::string mask_phone(std::string_view phone);

// A count as the audience sees it: "<3" for 1..threshold-1 when small counts are suppressed.
std::string shown_count(int count, const Privacy& privacy);

}  // namespace dormlink::report
