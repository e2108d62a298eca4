#pragma once
// JSON output helpers shared by the reports.

#include <string>
#include <string_view>

namespace dormlink::report {

// Escapes a string for a JSON string literal (without the quotes).
std::string json_escape(std::string_view text);

}  // namespace dormlink::report
