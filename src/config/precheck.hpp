#pragma once
// The raw-text pre-check of the TOML config (docs/config.md, "Robustness") and the character
// helpers the config files share: UTF-8 decoding, character classes, values quoted for
// messages. Internal to src/config; callers use dormlink/config.hpp. It needs no TOML parser.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dormlink::config_detail {

// The largest config accepted, in bytes (1 MiB); a larger one is one problem.
constexpr std::size_t k_max_config_bytes = 1024 * 1024;

// Problems shown at most; the rest are left out with one line saying so.
constexpr std::size_t k_max_problems = 100;

// A problem with its position, before it becomes "source:line:col: message".
struct Located {
  std::size_t line = 1;
  std::size_t column = 1;
  std::string message;
};

// One decoded code point and its length in bytes; length 0 when the bytes are not UTF-8
// (overlong forms, surrogates and values above U+10FFFF included).
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;
};

// The code point that starts at byte `pos` (inside the text).
CodePoint decode_utf8(std::string_view text, std::size_t pos);

// C0 controls other than tab, LF and CR; DEL; the C1 controls.
bool is_forbidden_control(char32_t c);

// Invisible format characters that can hide or reorder text: zero-width characters, bidi
// embeddings, overrides and isolates, invisible operators, and U+FEFF.
bool is_invisible_format(char32_t c);

// A character of a bare TOML key: ASCII letters and digits, "_" and "-".
bool is_bare_key_char(int c);

// A string for a message: quoted, control and invisible characters escaped, long text cut.
std::string quoted(std::string_view text);

// The problems of the raw text (its BOM already removed), in text order: size aside, every
// check of docs/config.md "Robustness". Text without problems is safe to parse.
// Stops once there are more problems than k_max_problems.
std::vector<Located> pre_check(std::string_view text);

}  // namespace dormlink::config_detail
