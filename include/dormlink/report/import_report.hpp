#pragma once
// Rendering what an import did (or would do with --dry-run) for the terminal.

#include <string>
#include <vector>

#include "dormlink/language.hpp"
#include "dormlink/roster/plan.hpp"

namespace dormlink::report {

// The import's counts, and with --dry-run every move, status change and departure.
std::string render_import_summary(const roster::ImportSummary& summary, Language language);

// "\"a\", \"b\"" for notes about column names, each through quote_value (a headerless file's
// first row may hold a phone number).
std::string join_quoted(const std::vector<std::string>& items);

}  // namespace dormlink::report
