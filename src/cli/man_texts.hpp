#pragma once
// The Chinese texts of the man pages and of zsh's descriptions: each command's summary and each
// option's help, keyed by command path and option name (docs/shell.md). The English texts are
// the CLI11 definitions themselves; a unit test fails when a command or an option has no
// Chinese text here, or when an entry names none.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "dormlink/language.hpp"

namespace dormlink::cli {

// A Chinese text, checked when compiled: one with no Chinese in it does not build.
class ChineseText {
 public:
  // Implicit, so that a table entry reads {"check", "--all", "……"}.
  consteval ChineseText(const char* text) : m_text(text) {  // NOLINT(google-explicit-constructor)
    if (!detail::has_non_ascii(text)) detail::catalogue_error("the Chinese text is not Chinese");
  }
  constexpr const char* text() const { return m_text; }

 private:
  const char* m_text;
};

// One entry. `command` is the command's path ("" for dormlink itself, "report summary");
// `option` is the option's name as help shows it ("--format", "-q" when it has no long name, a
// positional's name), "" for the command's summary, or "(notes)" for what the Chinese page says
// instead of the English help's footer prose (optional). The help flag of every command is the
// one entry {"*", "--help", ...}.
struct ManText {
  std::string_view command;
  std::string_view option;
  ChineseText text;
};

// Every entry (man_texts.cpp and man_texts_more.cpp).
std::span<const ManText> man_texts();

// The Chinese text of an entry; nullptr when there is none.
const char* chinese_text(std::string_view command, std::string_view option);

// A command's summary in `language` (English: its CLI11 description; Chinese: the table's,
// else the English one).
std::string command_summary(const CLI::App& app, Language language);

// The help of an option registered by `owner`, in `language` (as command_summary).
std::string option_help(const CLI::App& owner, const CLI::Option& option, Language language);

// "report summary --format", "check" ... for each command and option the help shows that has no
// Chinese text, in the order of the command tree.
std::vector<std::string> missing_chinese_texts(const CLI::App& root);

// The entries that name no command or option of `root`.
std::vector<std::string> unused_chinese_texts(const CLI::App& root);

}  // namespace dormlink::cli
