#pragma once
// Rendering what an import did (or would do with --dry-run) for the terminal.

#include <string>
#include <vector>

#include "dormlink/language.hpp"
#include "dormlink/roster/plan.hpp"

namespace dormlink::report {

// The import's counts and batch number; with --dry-run, first the effective date and how far
// it is from today, then every move, status change and departure.
std::string render_import_summary(const roster::ImportSummary& summary, Language language);

// What `import undo` did (or would do): the batch reversed, the undo's batch, the counts.
std::string render_undo_summary(const roster::UndoSummary& summary, Language language);

// "\"a\", \"b\"" for notes about column names, each through quote_value (a headerless file's
// first row may hold a phone number).
std::string join_quoted(const std::vector<std::string>& items);

}  // namespace dormlink::report
