#pragma once
// The language of what dormlink says: reports and summaries meant for staff (Words), and every
// message a person reads on the terminal or in mail (Message, docs/messages.md).

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

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

// The language of messages (errors, warnings, status lines, prompts): the command line's
// --lang, else the config's [college] language, else zh. Set once by the CLI before a command
// runs (cli/app.cpp); every module formats its messages in it. Process-wide: the one language
// a person reading this process's output reads.
Language message_language();
void set_message_language(Language language);

namespace detail {

// Replacement fields of a fmt format string ("{}", "{0}", "{:>3}"); "{{" and "}}" are literal.
consteval int count_fields(const char* text) {
  int fields = 0;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p == '{') {
      if (p[1] == '{') {
        ++p;
        continue;
      }
      ++fields;
    }
  }
  return fields;
}

consteval bool has_non_ascii(const char* text) {
  for (const char* p = text; *p != '\0'; ++p) {
    if (static_cast<unsigned char>(*p) >= 0x80) return true;
  }
  return false;
}

// Not constexpr on purpose: reaching it in a consteval constructor stops the build.
inline void catalogue_error(const char*) {}

}  // namespace detail

// One message of the catalogue in both languages (docs/messages.md): fmt format strings with
// the same replacement fields. Checked when compiled: a message whose two texts differ in their
// fields, or whose Chinese text has no Chinese in it, does not build. A module keeps its
// messages in one table, `src/MODULE/messages.hpp` (namespace `msg`), and says
// `throw UsageError(msg::unknown_command(name, suggestion))`.
class Message {
 public:
  consteval Message(const char* en, const char* zh) : m_en(en), m_zh(zh) {
    if (detail::count_fields(en) != detail::count_fields(zh)) detail::catalogue_error("fields differ");
    if (!detail::has_non_ascii(zh)) detail::catalogue_error("the Chinese text is not Chinese");
  }

  // The text in `language`, unformatted.
  constexpr const char* text(Language language) const { return language == Language::zh ? m_zh : m_en; }

  // Formatted in the message language.
  template <typename... Args>
  std::string operator()(Args&&... args) const {
    return in(message_language(), std::forward<Args>(args)...);
  }
  // Formatted in `language` (mail and reports that choose their own).
  template <typename... Args>
  std::string in(Language language, Args&&... args) const {
    return fmt::format(fmt::runtime(text(language)), std::forward<Args>(args)...);
  }

 private:
  const char* m_en;
  const char* m_zh;
};

}  // namespace dormlink
