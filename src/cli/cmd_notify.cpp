// dormlink notify: each recipient's own digest by mail (docs/digest.md §2). Recipients come from
// the rosters' e-mail columns and [notify]; each message says what became overdue since the
// digest last handed over for that recipient (digest_mark), which is recorded after sending.
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "cli/calendar_support.hpp"
#include "cli/check_digest.hpp"
#include "cli/context.hpp"
#include "cli/damage.hpp"
#include "cli/mailer.hpp"
#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/mail/message.hpp"
#include "dormlink/message.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/notify_store.hpp"
#include "dormlink/util/timezone.hpp"

namespace dormlink::cli {
namespace {

using Kind = report::DigestRecipient::Kind;

// notify's messages (docs/messages.md); the plan's line count follows the digests' language.
namespace say {
inline constexpr Message needs_via{"notify needs --via sendmail, sendmail:PROGRAM or mbox:DIR (or --dry-run)",
                                   "notify 需要 --via sendmail、sendmail:PROGRAM 或 mbox:DIR（或 --dry-run）"};
inline constexpr Message warning{"dormlink: warning: {}\n", "dormlink: 警告：{}\n"};
inline constexpr Message nothing_sent{"nothing was sent", "未发送任何内容"};
inline constexpr Message lines{"{} lines", "{} 行"};
inline constexpr Message dry_run{"— dry run: {} digests, nothing sent or recorded\n",
                                 "— 演练：共 {} 封摘要，均未发送，也未记录\n"};
inline constexpr Message sent{"— {} digests sent ({})\n", "— 已发送 {} 封摘要（{}）\n"};
inline constexpr Message not_sent{"{} of {} digests were not sent: {}; the others were sent and recorded",
                                  "{1} 封摘要中有 {0} 封未能发送：{2}；其余的已发送并记录"};
}  // namespace say

struct NotifyOptions {
  std::string via;
  bool dry_run = false;
  std::string recipient;  // --for: only this recipient
};

// One message to build: who it is for (the digest's recipient) and where it goes.
struct Addressee {
  report::DigestRecipient recipient;
  std::string key;  // report::recipient_key
  std::string name;
  std::string email;
};

struct Outgoing {
  Addressee to;
  std::string subject;
  std::string body;
  int lines = 0;
  std::string message_id;
};

// The index of the element whose key is `id` in a vector sorted by that key, -1 when none.
template <class T, class Key>
int index_by_id(const std::vector<T>& sorted, const std::string& id, Key key) {
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), id,
                                   [&](const T& item, const std::string& value) { return key(item) < value; });
  return it != sorted.end() && key(*it) == id ? static_cast<int>(it - sorted.begin()) : -1;
}

// input.people and input.counselors are sorted by id (check::CheckInput).
int person_index(const check::CheckInput& input, const std::string& id) {
  return index_by_id(input.people, id, [](const check::Person& p) -> const std::string& { return p.id; });
}

int counselor_index(const check::CheckInput& input, const std::string& staff_id) {
  return index_by_id(input.counselors, staff_id,
                     [](const check::Counselor& c) -> const std::string& { return c.staff_id; });
}

bool branch_has_members(const check::CheckInput& input, const std::string& branch) {
  return std::any_of(input.people.begin(), input.people.end(), [&](const auto& p) { return p.branch == branch; });
}

// Who gets a digest: the roster's counselors and branch secretaries with an address, members
// when [notify] members is true, and the committee's addresses; those with no part in the
// semester (a counselor without members, an empty branch) are left out.
std::vector<Addressee> addressees(const check::CheckInput& input, const std::vector<store::MailRecipient>& people,
                                  const NotifyConfig& notify) {
  std::vector<Addressee> out;
  for (const auto& p : people) {
    report::DigestRecipient r;
    if (p.kind == store::MailRecipient::Kind::counselor) {
      r = {Kind::counselor, counselor_index(input, p.id), {}};
      if (r.index < 0) continue;
    } else if (p.kind == store::MailRecipient::Kind::branch_secretary) {
      r = {Kind::branch, -1, p.branch};
      if (!branch_has_members(input, p.branch)) continue;
    } else {
      r = {Kind::member, person_index(input, p.id), {}};
      if (!notify.members || r.index < 0) continue;
    }
    out.push_back({r, report::recipient_key(input, r), p.name, p.email});
  }
  for (const auto& address : notify.committee) {
    report::DigestRecipient r{Kind::committee, -1, {}};
    out.push_back({r, report::recipient_key(input, r), {}, address});
  }
  return out;
}

// A digest with nothing overdue, nothing due soon and no incident is not mailed.
bool worth_sending(const report::Digest& d) { return d.overdue > 0 || d.due_soon > 0 || !d.incidents.empty(); }

std::string file_stem(std::size_t n, const std::string& key) {
  std::string stem = fmt::format("{:02}-", n);
  for (char c : key) stem += (c == ':' || c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) ? '-' : c;
  return stem;
}

}  // namespace

namespace {

// The message of one addressee, nullopt when the digest is empty; the digest as `check --digest
// --for` gives it: a counselor's from a load of that counselor's part of the semester (names
// are told apart within it), the others' from the whole college's.
std::optional<Outgoing> compose_one(Context& ctx, store::Database& db, const Semester& semester,
                                    const check::CheckInput& all, const std::vector<check::Obligation>& all_items,
                                    const std::shared_ptr<const std::vector<std::string>>& names, const Addressee& a) {
  const Date as_of = ctx.today();
  report::DigestOptions options;
  options.as_of = as_of;
  options.since = store::last_digest(db, a.key, as_of);
  options.shared_names = names;
  std::optional<check::CheckInput> own;
  std::vector<check::Obligation> own_items;
  auto recipient = a.recipient;
  if (recipient.kind == Kind::counselor) {
    const std::string staff_id = all.counselors.at(static_cast<std::size_t>(recipient.index)).staff_id;
    store::CheckScope scope;
    scope.counselor = [staff_id](const check::CheckInput& in) { return counselor_index(in, staff_id); };
    own = store::load_check_input(db, ctx.config(), semester, as_of, scope);
    own_items = digest_obligations(*own, ctx.config(), as_of);
    options.shared_names = nullptr;  // told apart within the counselor's own load
    recipient.index = counselor_index(*own, staff_id);
  }
  const auto digest = digest_for(ctx, own ? *own : all, own ? own_items : all_items, recipient, options);
  if (!worth_sending(digest)) return std::nullopt;
  Outgoing m{
      a, report::digest_subject(digest, ctx.language()), report::render_digest_text(digest, ctx.language()), 0, {}};
  m.lines = static_cast<int>(std::count(m.body.begin(), m.body.end(), '\n'));
  m.message_id =
      mail::digest_message_id(a.key + "\n" + a.email, format_date(as_of), mail::domain_of(ctx.config().notify.from));
  return m;
}

// Builds each addressee's message (digest since its last mark); empty ones are dropped.
std::vector<Outgoing> compose(Context& ctx, store::Database& db, const Semester& semester,
                              const check::CheckInput& input, const std::vector<check::Obligation>& items,
                              const std::vector<Addressee>& to) {
  std::vector<Outgoing> out;
  const auto names = std::make_shared<const std::vector<std::string>>(report::shared_names(input));
  for (const auto& a : to) {
    if (auto m = compose_one(ctx, db, semester, input, items, names, a)) out.push_back(std::move(*m));
  }
  return out;
}

// What a line about a message shows: its recipient's key and name, never the address.
std::string who(const Outgoing& m) { return m.to.name.empty() ? m.to.key : fmt::format("{} {}", m.to.key, m.to.name); }

// Sends each message; returns the marks of those handed over and names the ones that were not.
std::vector<store::DigestMark> send_all(Context& ctx, const Via& via, const std::vector<Outgoing>& messages,
                                        std::vector<std::string>& failed) {
  const auto now = ctx.env().now;
  const std::string stamp = ctx.timestamp();
  const long long epoch = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  std::vector<store::DigestMark> marks;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const auto& m = messages[i];
    mail::Message message{ctx.config().notify.from,         m.to.email,   m.to.name, m.subject,
                          mail::rfc5322_date(stamp, epoch), m.message_id, m.body};
    try {
      deliver(via, file_stem(i + 1, m.to.key), mail::render(message, false), mail::render(message, true), who(m));
      marks.push_back({m.to.key, format_date(ctx.today()), m.message_id, stamp, via.name()});
    } catch (const Error& e) {
      ctx.err() << "dormlink: " << e.what() << "\n";
      failed.push_back(who(m));
    }
  }
  return marks;
}

// One line per message on standard output (none with -q), and the dry run's note on stderr.
void print_plan(Context& ctx, const std::vector<Outgoing>& messages, bool dry_run) {
  if (ctx.options().quiet) return;
  for (const auto& m : messages)
    fmt::print(ctx.out(), "{}\t{}\t{}\n", who(m), m.subject, say::lines.in(ctx.language(), m.lines));
  if (dry_run) ctx.err() << say::dry_run(messages.size());
}

int run_notify(Context& ctx, const NotifyOptions& o) {
  if (o.via.empty() && !o.dry_run) throw UsageError(say::needs_via());
  const Via via = parse_via(o.via.empty() ? "sendmail" : o.via);
  if (!o.dry_run) check_delivery(via);
  const Date as_of = ctx.today();
  // In term or in the close-out after a semester (docs/check.md "The semester's edges").
  const Semester* semester = checked_semester(ctx.config(), as_of);
  if (semester == nullptr) {
    bool outside_known = false;
    const auto where = outside_calendar(ctx, as_of, outside_known);
    if (outside_known) {
      ctx.err() << say::warning(where);
    } else if (!ctx.options().quiet) {
      fmt::print(ctx.err(), "{}\n", where);
    }
    return 0;
  }
  check::CheckInput input;
  std::vector<Outgoing> messages;
  int overdue = 0;
  read_undamaged(ctx, say::nothing_sent(), [&](store::Database& db) {
    input = store::load_check_input(db, ctx.config(), *semester, as_of, {});
    auto to = addressees(input, store::load_mail_recipients(db, as_of), ctx.config().notify);
    if (!o.recipient.empty()) {
      const auto key = report::recipient_key(input, parse_recipient(input, o.recipient));
      std::erase_if(to, [&](const Addressee& a) { return a.key != key; });
    }
    const auto items = digest_obligations(input, ctx.config(), as_of);
    overdue = static_cast<int>(
        std::count_if(items.begin(), items.end(), [](const auto& i) { return i.status == check::Status::overdue; }));
    messages = compose(ctx, db, *semester, input, items, to);
  });
  print_plan(ctx, messages, o.dry_run);
  if (!o.dry_run && !messages.empty()) {
    std::vector<std::string> failed;
    const auto marks = send_all(ctx, via, messages, failed);
    if (!marks.empty()) {
      auto db = ctx.open_database(store::OpenMode::read_write);
      store::record_digest_marks(db, marks);
    }
    if (!ctx.options().quiet) ctx.err() << say::sent(marks.size(), via.name());
    if (!failed.empty())
      throw IoError(say::not_sent(failed.size(), messages.size(), fmt::format("{}", fmt::join(failed, ", "))));
  }
  return overdue > 0 ? static_cast<int>(ExitCode::findings) : 0;
}

}  // namespace

void add_notify_command(CLI::App& root, std::vector<Command>& commands) {
  auto o = std::make_shared<NotifyOptions>();
  auto* app = root.add_subcommand("notify", "Mail each counselor, branch secretary (and member) their digest");
  app->add_option("--via", o->via, "sendmail (/usr/sbin/sendmail -t), sendmail:PROGRAM or mbox:DIR (.eml files)")
      ->type_name("HOW");
  app->add_flag("--dry-run", o->dry_run, "List who would get which digest; send and record nothing");
  app->add_option("--for", o->recipient, "Only this recipient: counselor:WHO, branch:WHO, member:WHO or committee")
      ->type_name("RECIPIENT");
  app->footer(
      "Recipients: the rosters' 邮箱 column (counselors, branch secretaries; members with [notify] members = true)\n"
      "and [notify] committee. Each digest lists what became overdue since that recipient's last digest.\n"
      "Exit: 0 nothing overdue, 1 something overdue (as check), 69 no sendmail, 74 a message not sent.\n\n"
      "Examples:\n"
      "  dormlink notify --dry-run\n"
      "  dormlink notify --via sendmail\n"
      "  dormlink notify --via mbox:outbox --for counselor:T2024001");
  commands.push_back({app, [o](Context& ctx) { return run_notify(ctx, *o); }});
}

}  // namespace dormlink::cli
