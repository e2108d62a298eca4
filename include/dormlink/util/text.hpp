#pragma once
// UTF-8 text helpers: validation, trimming, NFKC, terminal width. ICU is used only here.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dormlink::util {

// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Byte offset of the first byte that does not begin a well-formed UTF-8 sequence (a stray
// continuation byte, a bad lead byte, a truncated, overlong or surrogate sequence); nullopt when
// the whole text is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// For messages about text that is not valid UTF-8: "byte 0xFF at offset 3" (or "truncated at
// offset 3" at the end); names the first bad byte, never the text. Empty when the text is valid.
std::string describe_invalid_utf8(std::string_view text);

// True for the characters that are not plain visible text: C0 controls, DEL, C1 controls
// (U+0080-U+009F, U+0085 among them), format characters (bidi embeddings, overrides, isolates
// and marks, zero-width spaces and joiners, U+2060, U+FEFF, tag characters) and the line and
// paragraph separators U+2028 and U+2029. Tab and newline are hidden characters too; callers
// that allow them as layout say so.
bool is_hidden_character(char32_t c);

// A hidden character found in text: where it is and what it is.
struct HiddenCharacter {
  std::size_t offset = 0;    // byte offset
  std::size_t position = 0;  // 1-based position in characters (code points)
  char32_t code_point = 0;
};

// The first hidden character of the text; tab and newline (and CR before a newline) are
// allowed when `allow_layout`. Malformed UTF-8 is not reported here (see find_invalid_utf8).
std::optional<HiddenCharacter> find_hidden_character(std::string_view text, bool allow_layout = false);

// "U+202E": how a message names a code point.
std::string code_point_label(char32_t c);

// How escape_hidden treats tab and line breaks.
enum class LineBreaks {
  keep,  // documents: tab, newline and CR-before-newline stay as they are
  mark,  // one-line cells and messages: a line break (LF or CRLF) becomes "↵", a tab a space
};

// Text that is safe to print (docs/security.md "Text in outputs"): every hidden character
// becomes a visible escape, \u{1B} for a C0/C1 control or \u{202E} for a format character
// (\u{E0041} beyond the BMP); each byte that is not valid UTF-8 becomes U+FFFD. Everything
// else is unchanged, so clean text passes through byte for byte.
std::string escape_hidden(std::string_view text, LineBreaks breaks);

// A run of decimal digits in text and how it joins the run before it. Digits are folded to
// ASCII as NFKC folds them (full-width ０-９, circled and other compatibility digits).
struct DigitGroup {
  std::size_t begin = 0;  // byte span in the text
  std::size_t end = 0;
  std::string digits;   // the run's digits in ASCII
  std::string gap;      // separators between this run and the previous one, folded to ' ' and '-'
  bool joined = false;  // 1-3 spaces or dashes (only) separate it from the previous run
};

// Every digit run of the text, in order. Spaces (ASCII, U+3000, NBSP) and dashes (ASCII,
// full-width, U+2010-U+2015, U+2212) between two runs join them, as in "139 1234 5678".
std::vector<DigitGroup> digit_groups(std::string_view text);

// Removes leading and trailing ASCII white space and U+3000 IDEOGRAPHIC SPACE (and NBSP).
std::string_view trim(std::string_view text);

// Unicode NFKC normalisation (full-width digits and letters from an IME become ASCII).
// Input must be valid UTF-8; ASCII input is returned unchanged without calling ICU.
std::string nfkc(std::string_view text);

// trim(nfkc(text)): the normal form of identifiers, phone numbers, codes and numbers.
std::string normalize_code(std::string_view text);

// Columns the text occupies in a terminal: East Asian wide and full-width characters count 2.
std::size_t display_width(std::string_view text);

// Decodes one code point at `pos`, advancing it; returns U+FFFD on malformed input.
char32_t next_code_point(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace dormlink::util
