#pragma once
// What a message may show of what a user typed or a file held (docs/security.md "Messages").
// A roster row shifted by one comma puts a phone number or an attention category into any
// column, and a flag may be given one by mistake; so every user-supplied value is quoted
// through quote_value, and the one error handler passes everything it prints through
// scrub_message as well.

#include <optional>
#include <string>
#include <string_view>

namespace dormlink {

// True when the text may be a phone number, an e-mail address (local@domain.tld) or names an
// attention category: a run of 7 or more
// digits (also with spaces or dashes between the digits, and full-width digits, as NFKC folds
// them; a date such as 2026-09-07 or 20260907 is not such a run), or a spelling of an attention
// category (its key, zh or en label or a roster variant: the whole value, or inside it).
bool is_sensitive_value(std::string_view text);

// A user-supplied value as a message quotes it: "\"value\"" with hidden characters escaped
// (util::escape_hidden, one line), or (value not shown) / （值不显示） in the message language
// when is_sensitive_value.
std::string quote_value(std::string_view value);

// The last line of defence for whatever reaches the user's terminal on standard error: hidden
// characters escaped (tab and newline kept), and every phone-number-shaped digit run (a mobile
// number 1[3-9] plus 9 digits, optionally after 86 or 0086; a landline with its 0 area code)
// every e-mail address (local@domain.tld) and every attention category spelling of four or more
// characters replaced by (not shown).
// Student ids, dates and record numbers are left as they are.
std::string scrub_message(std::string_view message);

// The system's reason for errno `code` (strerror's text) in the message language: the common
// reasons (missing, permission denied, disk full, read-only, ...) have Chinese texts; others
// stay as the system words them.
std::string system_error_text(int code);

// Like scrub_message, but every run of 7 or more digits is replaced, as in quote_value: for
// text that only echoes the command line (CLI11's parse errors).
std::string scrub_command_line_echo(std::string_view message);

// Why text a user supplied cannot be stored: nullopt when it is valid UTF-8, otherwise "is not
// valid UTF-8 (byte 0xFF at offset 3)" naming the first bad byte, never the text.
std::optional<std::string> utf8_problem(std::string_view text);

// Why a name, id or code cannot be stored: invalid UTF-8 (as utf8_problem), or a hidden
// character (util::is_hidden_character, tab and newline included) named by code point and
// position: "contains U+202E (an invisible control or format character) at character 3; names,
// ids and codes must be plain visible text".
std::optional<std::string> name_problem(std::string_view text);

}  // namespace dormlink
