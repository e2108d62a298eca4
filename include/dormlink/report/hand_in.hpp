#pragma once
// Who handed a member's feedback form in (docs/forms.md "Submissions change meaning"): the
// member, with a returned file (本人报送); the counselor, for the member (代为整理, with a reason);
// or nobody yet (未报送). The feedback form and the counselor's summary show it.

#include <string>
#include <string_view>

#include "dormlink/language.hpp"
#include "dormlink/report/json.hpp"

namespace dormlink::report {

struct HandIn {
  enum class Source { none, member, on_behalf };
  Source source = Source::none;
  std::string at;      // local "YYYY-MM-DD HH:MM"
  std::string file;    // the member's returned file
  std::string reason;  // why the counselor handed it in (shown to the counselor and branch only)
  bool late = false;
};

std::string_view key(HandIn::Source source);

// One line: "本人报送 2026-11-16 21:30（form-….xlsx）", "代为整理 …（原因：…）", "未报送".
// `show_reason` is false for the committee, which sees neither the reason nor the file name (free text).
std::string hand_in_text(const HandIn& hand_in, Language language, bool show_reason);

// {"source": "member", "at": "...", "file": "...", "reason": "..." or null, "late": false}.
Json hand_in_json(const HandIn& hand_in, bool show_reason);

}  // namespace dormlink::report
