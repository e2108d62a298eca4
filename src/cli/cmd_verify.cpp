// dormlink verify: checks the file (quick_check), then walks the records' hash chain and names the first broken or
// missing record, checking it against every head the database holds and every head given with --expect-head.
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include <algorithm>

#include "cli/context.hpp"
#include "cli/damage.hpp"
#include "cli/messages.hpp"
#include "cli/progress.hpp"
#include "dormlink/error.hpp"
#include "dormlink/store/case_store.hpp"
#include "dormlink/store/record_store.hpp"

namespace dormlink::cli {
namespace {

// What verify says of the case chain (docs/cases.md "The case chain").
namespace say {
inline constexpr Message case_failed{"verify: {} records intact; FAILED at case event {}: {}\n",
                                     "校验：{} 条记录完好；在事项步骤 {} 处失败：{}\n"};
inline constexpr Message cases_ok{"verify: {} case events intact; case chain head {}\n",
                                  "校验：{} 个事项步骤完好；事项链头 {}\n"};
}  // namespace say

struct VerifyOptions {
  std::vector<std::string> expect_heads;
};

bool all_hex(std::string_view s) { return s.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos; }

// "HEX" (the head now) or "HEX@COUNT" (the head when the chain held COUNT records).
records::ChainAnchor parse_expected_head(const std::string& given) {
  const auto at = given.find('@');
  const std::string hex = given.substr(0, at);
  if (hex.size() < 8 || hex.size() > 64 || !all_hex(hex)) {
    throw UsageError(msg::expect_head_hex(given));
  }
  std::int64_t count = records::ChainAnchor::k_current;
  if (at != std::string::npos) {
    const std::string digits = given.substr(at + 1);
    const bool ok = !digits.empty() && digits.size() <= 12 &&
                    digits.find_first_not_of("0123456789") == std::string::npos && std::stoll(digits) >= 1;
    if (!ok) {
      throw UsageError(msg::expect_head_count(given));
    }
    count = std::stoll(digits);
  }
  return {msg::expect_head_anchor(given), count, hex};
}

std::string anchors_sentence(const store::VerifyReport& r) {
  return msg::verify_anchors(r.submissions, r.submissions == 1 ? "" : "s", r.backups, r.backups == 1 ? "" : "s",
                             r.given, r.given == 1 ? "" : "s");
}

int run_verify(Context& ctx, const VerifyOptions& o) {
  std::vector<records::ChainAnchor> given;
  for (const auto& h : o.expect_heads) given.push_back(parse_expected_head(h));
  store::VerifyReport report;
  store::CaseVerifyReport cases;
  {
    Progress progress(ctx, "verify");
    read_undamaged(ctx, msg::chain_not_verified(), [&](store::Database& db) {
      report = store::verify_records(db, std::move(given));
      if (!report.fault) cases = store::verify_cases(db);
    });
  }
  if (report.fault) {
    ctx.out() << msg::verify_failed(report.fault->id, report.fault->what)
              << msg::verify_intact_before(
                     std::min<std::int64_t>(static_cast<std::int64_t>(report.records), report.fault->id - 1));
    return static_cast<int>(ExitCode::findings);
  }
  if (cases.fault) {
    ctx.out() << say::case_failed(report.records, cases.fault->id, cases.fault->what);
    return static_cast<int>(ExitCode::findings);
  }
  if (!ctx.options().quiet) {
    ctx.out() << msg::verify_ok(report.records, report.head.empty() ? msg::no_head() : report.head,
                                anchors_sentence(report));
    if (cases.events > 0) ctx.out() << say::cases_ok(cases.events, cases.head);
  }
  return 0;
}

}  // namespace

void add_verify_command(CLI::App& root, std::vector<Command>& commands) {
  auto* app = root.add_subcommand("verify", "Check the records' hash chain (exit 1 when broken)");
  auto o = std::make_shared<VerifyOptions>();
  app->add_option("--expect-head", o->expect_heads,
                  "A chain head printed earlier (on a form, by backup or verify): HEX for the head now, "
                  "HEX@COUNT for the head when the chain held COUNT records; repeatable")
      ->type_name("HEX[@COUNT]");
  app->footer(
      "Every submitted form and every backup receipt names the record count and chain head it was "
      "built on; verify checks the chain against each of them, so removed newest records are "
      "found too.\n\nExamples:\n  dormlink verify\n  dormlink verify --expect-head 8f3a0c1d5e2b@1234\n"
      "  dormlink -q verify || echo 'records were tampered with'");
  commands.push_back({app, [o](Context& ctx) { return run_verify(ctx, *o); }});
}

}  // namespace dormlink::cli
