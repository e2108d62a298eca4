#include "dormlink/report/privacy.hpp"

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
    case Audience::counselor: return "counselor";
    case Audience::branch: return "branch";
    case Audience::committee: return "committee";
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

std::string shown_count(int count, const Privacy& privacy) {
  if (privacy.suppresses_small_counts() && count > 0 && count < privacy.small_count_threshold) {
    return fmt::format("<{}", privacy.small_count_threshold);
  }
  return std::to_string(count);
}

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

}  // namespace dormlink::report
