// check --digest (check_digest.hpp, docs/digest.md §1).
#include "cli/check_digest.hpp"

#include <utility>

#include <fmt/format.h>

#include "cli/lookup.hpp"
#include "cli/pdf.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/report/html.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/notify_store.hpp"

namespace dormlink::cli {
namespace {

using Kind = report::DigestRecipient::Kind;

// The digest's options (docs/messages.md).
namespace say {
inline constexpr Message bad_recipient{
    "--for {}: name a recipient as counselor:ID, branch:NAME, member:ID (an id or a name) or committee",
    "--for {}：请这样指定收件人：counselor:ID、branch:名称、member:ID（编号或姓名均可）或 committee"};
inline constexpr Message since_twice{"--since and --since-last name the same day two ways; give one",
                                     "--since 和 --since-last 是指定同一天的两种方式；请只给出其中一个"};
inline constexpr Message since_not_date{"--since {}: not a date; write YYYY-MM-DD",
                                        "--since {}：不是日期；请写成 YYYY-MM-DD"};
inline constexpr Message pdf_needs_file{"--format pdf writes a binary file: give -o FILE, or -o - to pipe it",
                                        "--format pdf 写出的是二进制文件：请给出 -o FILE，或用 -o - 输出到管道"};
}  // namespace say

// The <title> of the digests' page (--format html, pdf).
constexpr Words k_page_title{"联系寝室晚报 {}", "Dorm contact digest {}"};

// The page of --format html and pdf: a section per digest, then `line`, for a phone.
std::string digests_page(Context& ctx, const std::vector<report::Digest>& digests, Date as_of, std::string line) {
  std::string body;
  for (const auto& d : digests) body += report::render_digest_html(d, ctx.language());
  while (!line.empty() && line.back() == '\n') line.pop_back();
  if (!line.empty()) body += report::html::paragraph(line);
  const auto title = fmt::format(fmt::runtime(k_page_title(ctx.language())), format_date(as_of));
  return report::html::render_page({title, ctx.language(), report::html::Layout::phone, std::move(body)});
}

// What `--for` names before the lookup: the kind and the rest ("counselor:陈逸" -> counselor, "陈逸").
std::pair<Kind, std::string> split_recipient(const std::string& text) {
  if (text == "committee") return {Kind::committee, {}};
  const auto colon = text.find(':');
  const std::string kind = text.substr(0, colon);
  const std::string who = colon == std::string::npos ? std::string() : text.substr(colon + 1);
  if (colon != std::string::npos && !who.empty()) {
    if (kind == "counselor") return {Kind::counselor, who};
    if (kind == "branch") return {Kind::branch, who};
    if (kind == "member") return {Kind::member, who};
  }
  throw UsageError(say::bad_recipient(quote_value(text)));
}

// The command that lists everything the digest shortened.
std::string closing_hint(const check::CheckInput& input, const report::DigestRecipient& r) {
  switch (r.kind) {
    case Kind::counselor:
      return "dormlink check --counselor " + input.counselors.at(static_cast<std::size_t>(r.index)).staff_id;
    case Kind::member:
      return "dormlink check --member " + input.people.at(static_cast<std::size_t>(r.index)).id;
    case Kind::branch:
      return "dormlink check --digest --all-items --for branch:" + r.branch;
    case Kind::committee:
      return "dormlink report summary";
  }
  return {};
}

}  // namespace

void check_digest_output(Context& ctx, const DigestRequest& r) {
  if (r.format == "pdf" && r.output.empty()) throw UsageError(say::pdf_needs_file());
  if (r.output.empty()) return;
  check_output_path(ctx, r.output, r.force);
  if (r.format == "pdf") require_chromium(ctx);
}

std::string digests_document(Context& ctx, const std::vector<report::Digest>& digests, const std::string& format,
                             Date as_of, const std::string& line) {
  if (format == "json") return report::render_digest_json(digests);
  if (format == "html") return digests_page(ctx, digests, as_of, line);
  if (format == "pdf") return print_pdf(ctx, digests_page(ctx, digests, as_of, line));
  std::string out = line;
  for (std::size_t i = 0; i < digests.size(); ++i) {
    if (i > 0) out += format == "md" ? "\n---\n\n" : "\n────────\n\n";
    out += format == "md" ? report::render_digest_markdown(digests[i], ctx.language())
                          : report::render_digest_text(digests[i], ctx.language());
  }
  return out;
}

bool digests_wanted(const Context& ctx, const DigestRequest& r, bool findings) {
  return (!r.output.empty() && r.output != "-") || prints_result(ctx, r.format, findings);
}

void deliver_digests(Context& ctx, const DigestRequest& r, const std::string& document) {
  if (r.output.empty() || r.output == "-") {
    emit(ctx, document);
  } else {
    write_output_file(ctx, r.output, document, r.force);
  }
}

std::optional<Date> since_date(const DigestRequest& r, Date as_of) {
  if (r.since_last) {
    if (!r.since.empty()) throw UsageError(say::since_twice());
    return std::nullopt;
  }
  if (r.since.empty()) return Date{std::chrono::sys_days{as_of} - std::chrono::days{1}};
  auto d = parse_iso_date(r.since);
  if (!d) throw UsageError(say::since_not_date(quote_value(r.since)));
  return d;
}

std::optional<Date> since_for(store::Database& db, const DigestRequest& r, const std::string& key, Date as_of,
                              std::optional<Date> since) {
  if (!r.since_last) return since;
  return store::last_digest(db, key, as_of);
}

report::DigestRecipient parse_recipient(const check::CheckInput& input, const std::string& text) {
  const auto [kind, who] = split_recipient(text);
  report::DigestRecipient r;
  r.kind = kind;
  if (kind == Kind::counselor) r.index = find_counselor(input, who);
  if (kind == Kind::member) r.index = find_member(input, who);
  if (kind == Kind::branch) r.branch = find_branch(input, who);
  return r;
}

std::vector<check::Obligation> digest_obligations(const check::CheckInput& input, const Config& config, Date as_of) {
  std::vector<check::Obligation> out;
  for (auto& o : check::evaluate(input, config, as_of)) {
    if (o.status == check::Status::overdue || o.status == check::Status::due_soon || o.status == check::Status::at_risk)
      out.push_back(o);
  }
  return out;
}

report::Digest digest_for(Context& ctx, const check::CheckInput& input, const std::vector<check::Obligation>& items,
                          const report::DigestRecipient& recipient, const report::DigestOptions& options) {
  const auto privacy = report::privacy_for(ctx.config().privacy, report::audience_of(recipient.kind));
  auto digest = report::build_digest(input, items, recipient, privacy, options);
  digest.closing_hint = closing_hint(input, recipient);
  return digest;
}

int run_digest(Context& ctx, const DigestRequest& r, const Semester& semester, const std::string& member,
               const std::string& branch, const std::string& counselor) {
  const Date as_of = ctx.today();
  const auto since = since_date(r, as_of);
  std::string wanted = r.recipient;
  if (wanted.empty() && !member.empty()) wanted = "member:" + member;
  if (wanted.empty() && !branch.empty()) wanted = "branch:" + branch;
  if (wanted.empty() && !counselor.empty()) wanted = "counselor:" + counselor;
  // A counselor's digest reads only that counselor's dorms (store::CheckScope).
  store::CheckScope scope;
  if (!wanted.empty()) {
    if (auto [kind, who] = split_recipient(wanted); kind == Kind::counselor)
      scope.counselor = [who](const check::CheckInput& in) { return find_counselor(in, who); };
  }
  auto db = ctx.open_database(store::OpenMode::read_only);
  const auto input = store::load_check_input(db, ctx.config(), semester, as_of, scope);
  std::vector<report::DigestRecipient> recipients;
  if (!wanted.empty()) {
    recipients.push_back(parse_recipient(input, wanted));
  } else {
    for (std::size_t i = 0; i < input.counselors.size(); ++i)
      recipients.push_back({Kind::counselor, static_cast<int>(i), {}});
  }
  const auto items = digest_obligations(input, ctx.config(), as_of);
  std::vector<report::Digest> digests;
  int overdue = 0;
  for (const auto& recipient : recipients) {
    report::DigestOptions options;
    options.as_of = as_of;
    options.all_items = r.all_items;
    options.since = since_for(db, r, report::recipient_key(input, recipient), as_of, since);
    digests.push_back(digest_for(ctx, input, items, recipient, options));
    overdue += digests.back().overdue;
  }
  if (digests_wanted(ctx, r, overdue > 0)) deliver_digests(ctx, r, digests_document(ctx, digests, r.format, as_of));
  return overdue > 0 ? static_cast<int>(ExitCode::findings) : 0;
}

}  // namespace dormlink::cli
