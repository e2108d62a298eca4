#pragma once
// The output language of reports and summaries meant for staff.

namespace dormlink {

enum class Language { zh, en };

// True for Chinese output.
inline bool zh(Language language) { return language == Language::zh; }

// One piece of wording in both languages, side by side. A report keeps all its wording in one
// labels table — a struct of Words, e.g. `Words title{"党员联系寝室情况汇总", "Summary"};` —
// and picks with `labels.title(language)`; no `zh(language) ? "…" : "…"` in the code.
struct Words {
  const char* zh;
  const char* en;
  constexpr const char* operator()(Language language) const { return language == Language::zh ? zh : en; }
};

}  // namespace dormlink
