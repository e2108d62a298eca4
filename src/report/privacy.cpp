#include "dormlink/report/privacy.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace dormlink::report {

std::optional<Audience> parse_audience(std::string_view text) {
  if (text == "counselor") return Audience::counselor;
  if (text == "branch") return Audience::branch;
  if (text == "committee") return Audience::committee;
  return std::nullopt;
}

std::string_view to_string(Audience audience) {
  switch (audience) {
    case Audience::counselor:
      return "counselor";
    case Audience::branch:
      return "branch";
    case Audience::committee:
      return "committee";
  }
  return "counselor";
}

bool Privacy::phones_shown() const { return audience != Audience::committee; }

bool Privacy::phones_in_full() const { return phones_shown() && (include_sensitive || !mask_phones); }

bool Privacy::attention_of_named() const {
  if (!include_sensitive) return false;
  return audience != Audience::committee || committee_sees_attention_names;
}

bool Privacy::suppresses_small_counts() const { return audience == Audience::committee; }

std::string mask_phone(std::string_view phone) {
  if (phone.size() < 7) return "****";
  return fmt::format("{}****{}", phone.substr(0, 3), phone.substr(phone.size() - 4));
}

std::optional<int> ShownCount::value() const {
  if (hidden()) return std::nullopt;
  return m_value;
}

std::string ShownCount::text() const {
  switch (m_shown) {
    case Shown::exact:
      return std::to_string(m_value);
    case Shown::small:
      return fmt::format("<{}", m_threshold);
    case Shown::withheld:
      break;
  }
  return "—";
}

Json ShownCount::json() const {
  switch (m_shown) {
    case Shown::exact:
      return m_value;
    case Shown::small:
      return fmt::format("<{}", m_threshold);
    case Shown::withheld:
      break;
  }
  return nullptr;
}

bool Privacy::small(int n) const { return suppresses_small_counts() && n > 0 && n < small_count_threshold; }

ShownCount Privacy::count(int n) const {
  if (small(n)) return {ShownCount::Shown::small, 0, small_count_threshold};
  return exact(n);
}

// Small-count suppression is not enough when the parts of a total are shown: 10 students,
// 9 talked with, "<3" missed gives the 1 away.
std::vector<ShownCount> Privacy::parts(const std::vector<int>& counts) const {
  const bool any_small = std::any_of(counts.begin(), counts.end(), [&](int n) { return small(n); });
  std::vector<ShownCount> out;
  for (const int n : counts) {
    if (any_small && !small(n))
      out.push_back({ShownCount::Shown::withheld, 0, small_count_threshold});
    else
      out.push_back(count(n));
  }
  return out;
}

ShownCount Privacy::total(int exact_part, const std::vector<int>& sensitive) const {
  int sum = exact_part;
  for (const int n : sensitive) {
    if (small(n)) return {ShownCount::Shown::withheld, 0, small_count_threshold};
    sum += n;
  }
  return exact(sum);
}

ShownCount Privacy::exact(int n) { return {ShownCount::Shown::exact, n, 0}; }

std::string audience_label(Audience audience, bool zh) {
  switch (audience) {
    case Audience::counselor:
      return zh ? "辅导员" : "counselor";
    case Audience::branch:
      return zh ? "党支部" : "Party branch";
    case Audience::committee:
      break;
  }
  return zh ? "学院党委" : "college Party committee";
}

Privacy privacy_for(const PrivacyRules& rules, Audience audience, bool include_sensitive) {
  Privacy p;
  p.audience = audience;
  p.include_sensitive = include_sensitive;
  p.mask_phones = rules.mask_phones;
  p.small_count_threshold = rules.small_count_threshold;
  p.committee_sees_attention_names = rules.committee_sees_attention_names;
  return p;
}

}  // namespace dormlink::report
