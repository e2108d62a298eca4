#pragma once
// [privacy] (REQUIREMENTS §5): what the committee may see. The config reads these from the TOML
// file (Config::privacy); report/privacy.hpp turns them and an audience into a Privacy — so the
// reports see these three values and nothing else of the config.

namespace dormlink {

struct PrivacyRules {
  bool committee_sees_attention_names = false;  // attention categories of named students
  int small_count_threshold = 3;                // counts below are shown as "<3"
  bool mask_phones = true;                      // phone numbers masked unless asked for

  bool operator==(const PrivacyRules&) const = default;
};

}  // namespace dormlink
