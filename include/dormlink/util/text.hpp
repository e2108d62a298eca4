#pragma once
// UTF-8 text helpers: validation, trimming, NFKC, terminal width. ICU is used only here.

#include <cstddef>
#include <string>
#include <string_view>

namespace dormlink::util {

// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view text);

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
