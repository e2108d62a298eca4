#pragma once
// `--help` and `dormlink help` in the message language (docs/messages.md): in Chinese, each
// command's summary and each option's help come from the man pages' Chinese table
// (man_texts.hpp), the headings are Chinese, and the footer's notes are the Chinese page's (or a
// pointer to the English help); the examples stay as typed.

#include <CLI/CLI.hpp>

#include "dormlink/language.hpp"

namespace dormlink::cli {

// Rewrites the help texts of `root` and every command under it into `language`, just before a
// help is printed (the English definitions are what `man` and the completions read, so this is
// done only on the way to printing help). English leaves everything as defined.
void translate_help(CLI::App& root, Language language);

}  // namespace dormlink::cli
