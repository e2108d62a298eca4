#pragma once
// `report assessment --mark MEMBER:SOURCE:MARK --by WHO [--note TEXT]` (docs/studio.md §3):
// parsing the marks, checking who may give them, recording them (table assessment_mark).

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/assessment_marks.hpp"

namespace dormlink::cli {

struct MarkOptions {
  std::vector<std::string> marks;  // --mark, as typed
  std::string by;                  // --by
  std::string note;                // --note
};

// One --mark, parsed.
struct ParsedMark {
  std::string typed;   // the whole --mark value, for messages
  std::string member;  // student id or name, as typed
  report::MarkSource source = report::MarkSource::studio;
  std::string mark;  // parse_mark's stored form
};

// Checks the options and parses every --mark; UsageError (exit 64) for a malformed one, a
// --mark without --by, or --by / --note without --mark.
std::vector<ParsedMark> parse_marks(const MarkOptions& options);

// Resolves each mark's member among the assessment's members, checks that --by may give it
// (a studio member for studio marks; the member's branch secretary for branch marks) on the
// assessment's date, and appends the marks, all in the caller's transaction. DataError
// (exit 65) naming who may, before anything is written.
void record_marks(Context& ctx, store::Database& db, const report::Assessment& assessment,
                  const std::vector<ParsedMark>& marks, const MarkOptions& options);

}  // namespace dormlink::cli
