#pragma once
// The output language of reports and summaries meant for staff.

namespace dormlink {

enum class Language { zh, en };

// True for Chinese output: the reports pick their wording with it.
inline bool zh(Language language) { return language == Language::zh; }

}  // namespace dormlink
