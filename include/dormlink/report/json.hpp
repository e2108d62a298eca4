#pragma once
// JSON output helpers shared by the reports.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace dormlink::report {

// Escapes a string for a JSON string literal (without the quotes). The result is valid UTF-8
// and safe on a terminal: quotes, backslashes and every hidden character (controls, bidi and
// zero-width characters, U+2028/U+2029; util::is_hidden_character) are escaped, so a parser
// gets the text back exactly; a byte that is not valid UTF-8 becomes U+FFFD.
std::string json_escape(std::string_view text);

// A JSON value as built (keys in insertion order): numbers are numbers, booleans booleans,
// null null. Only src/report builds them.
using Json = nlohmann::ordered_json;

// The value on one line in the reports' layout — {"key": value, ...}, [a, b] — with every
// string through json_escape (so hidden characters are escaped and bad UTF-8 is U+FFFD, which
// nlohmann's own dump would not do).
std::string json_text(const Json& value);

// A report's whole JSON document in the reports' layout: the top-level object one key per line
// (two spaces), a non-empty array under a top-level key one element per line (four spaces),
// everything else on one line as json_text; ends with a newline. Every `--format json`
// renderer prints through this, so all reports share one layout.
std::string json_document(const Json& object);

}  // namespace dormlink::report
