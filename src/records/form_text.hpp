#pragma once
// What the form parsers (form_cell.cpp, form_kind.cpp, form_time.cpp) share: the folding of
// what an IME types. Private to src/records.

#include <string>
#include <string_view>

namespace dormlink::records::detail {

// One code point as fold_width folds it.
inline char32_t fold_width(char32_t c) {
  if (c >= U'\uFF01' && c <= U'\uFF5E') return c - 0xFEE0;
  if (c == U'\u3000' || c == U'\u00A0') return U' ';
  return c;
}

// Folds full-width ASCII (U+FF01..U+FF5E) to ASCII, U+3000 and NBSP to a space; everything
// else (case included) is kept. Malformed UTF-8 becomes U+FFFD.
std::string fold_width(std::string_view text);

}  // namespace dormlink::records::detail
