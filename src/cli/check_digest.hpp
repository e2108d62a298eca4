#pragma once
// `dormlink check --digest`: one short digest per recipient (docs/digest.md §1), and the pieces
// `notify` shares with it (who the recipients are, building each one's digest from one load).

#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/report/digest.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::cli {

struct DigestRequest {
  std::string recipient;    // --for: counselor:WHO, branch:WHO, member:WHO, committee ("" = every counselor)
  std::string since;        // --since DATE
  bool since_last = false;  // --since-last: from the recipient's last digest mark (notify)
  bool all_items = false;
  std::string format = "text";  // text, md, html, pdf or json
  std::string output;           // -o FILE; "" or "-": standard output
  bool force = false;           // --force: replace an existing FILE
};

// Before anything is read: --format pdf needs -o (and Chromium), -o FILE must be writable
// (check_output_path). UsageError, CantCreateError, UnavailableError.
void check_digest_output(Context& ctx, const DigestRequest& request);

// The digests of the run in --format: text or Markdown one after the other, JSON one document,
// html one page for a phone with a section each, pdf that page printed. `line` (a date outside
// every semester) is said before the digests, or on the page after them.
std::string digests_document(Context& ctx, const std::vector<report::Digest>& digests, const std::string& format,
                             Date as_of, const std::string& line = {});

// Whether the digests are written: to -o FILE always; to standard output unless -q and there
// are no `findings` (JSON always: prints_result).
bool digests_wanted(const Context& ctx, const DigestRequest& request, bool findings);

// The document to -o FILE (mode 0600, atomically), else to standard output.
void deliver_digests(Context& ctx, const DigestRequest& request, const std::string& document);

// "counselor:WHO" etc. resolved against the loaded semester (the one lookup: lookup.hpp).
report::DigestRecipient parse_recipient(const check::CheckInput& input, const std::string& text);

// The listed obligations of the semester as of the date (overdue, due soon, at risk).
std::vector<check::Obligation> digest_obligations(const check::CheckInput& input, const Config& config, Date as_of);

// The digest of one recipient, with the privacy of its audience and the hint naming the
// command that lists everything.
report::Digest digest_for(Context& ctx, const check::CheckInput& input, const std::vector<check::Obligation>& items,
                          const report::DigestRecipient& recipient, const report::DigestOptions& options);

// The first day whose due items count as new: --since, else yesterday (nullopt only with
// --since-last, which since_for reads per recipient).
std::optional<Date> since_date(const DigestRequest& request, Date as_of);

// With --since-last: the as-of date of the recipient's last recorded digest before `as_of`,
// nullopt (everything new) when none was recorded; else `since`.
std::optional<Date> since_for(store::Database& db, const DigestRequest& request, const std::string& key, Date as_of,
                              std::optional<Date> since);

// check --digest (cmd_check.cpp decides the semester; `member`/`counselor` are check's own
// --member/--counselor, read as --for member:/counselor: when --for is not given).
int run_digest(Context& ctx, const DigestRequest& request, const Semester& semester, const std::string& member,
               const std::string& branch, const std::string& counselor);

}  // namespace dormlink::cli
