#pragma once
// What dormlink reads of its command line before CLI11 parses it, and `dormlink help`: the
// language of a parse error (--lang), and a mistyped command named with the nearest real one
// ("unknown command 'chek' — did you mean 'check'?", exit 64).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "dormlink/language.hpp"

namespace dormlink::cli {

// --lang zh|en (or --lang=zh) as typed, before the command's name or after it.
std::optional<Language> language_on_command_line(const std::vector<std::string>& args);
// DORMLINK_MESSAGES=zh|en: the language of messages (not of reports) when --lang is not given,
// whatever the config says; unset, empty or anything else: none.
std::optional<Language> messages_language_from(const std::optional<std::string>& variable);

// The command among `names` a mistyped `typed` most likely meant: one edit or transposition
// away (two for names of six letters or more), or the only name `typed` begins; none when
// several are equally near.
std::optional<std::string> nearest_name(std::string_view typed, const std::vector<std::string>& names);

// The error message when the first word that is not an option (or the word after a command
// that has only subcommands) names no command; nullopt when the words name commands (CLI11
// then parses them). args[0] is the program.
std::optional<std::string> unknown_command(const CLI::App& root, const std::vector<std::string>& args);

}  // namespace dormlink::cli
