#pragma once
// JSON output helpers shared by the reports.

#include <string>
#include <string_view>

namespace dormlink::report {

// Escapes a string for a JSON string literal (without the quotes). The result is valid UTF-8
// and safe on a terminal: quotes, backslashes and every hidden character (controls, bidi and
// zero-width characters, U+2028/U+2029; util::is_hidden_character) are escaped, so a parser
// gets the text back exactly; a byte that is not valid UTF-8 becomes U+FFFD.
std::string json_escape(std::string_view text);

}  // namespace dormlink::report
