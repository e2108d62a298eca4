// The terminal session of `log-visit` (entry_session.hpp).
#include "cli/entry_session.hpp"

#include "cli/confirm.hpp"
#include "cli/messages.hpp"

#include <algorithm>
#include <istream>
#include <map>

#include <fmt/ostream.h>

#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/message.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/store/record_store.hpp"
#include "dormlink/util/pinyin.hpp"
#include "dormlink/util/text.hpp"
#include "dormlink/when.hpp"

namespace dormlink::cli {
namespace {

// The session's prompts and answers (docs/messages.md).
namespace say {
inline constexpr Message member{"member (student id, name or pinyin)", "党员（学号、姓名或拼音）"};
inline constexpr Message member_found{"  {} {} · dorms {}\n", "  {} {} · 联系寝室 {}\n"};
inline constexpr Message no_dorms{"none on {}", "{} 无"};
inline constexpr Message dorm{"contact {} · dorm ({}Enter: finish)", "联系 {} · 寝室（{}直接回车：结束）"};
inline constexpr Message reason{"  reason ({} is not your dorm)", "  原因（{} 不是你联系的寝室）"};
inline constexpr Message when{"  when", "  时间"};
inline constexpr Message residents{"  residents of {}: {}\n", "  {} 的学生：{}\n"};
inline constexpr Message talked{"  talked with (1 2, 1-3, * all; Enter: none)",
                                "  谈心学生（1 2、1-3、* 全部；回车：无）"};
inline constexpr Message progress{"  progress and effect (Enter: none)", "  工作进展及成效（回车：无）"};
inline constexpr Message not_listed{"{}: not on the list (1-{})", "{}：不在列表中（1-{}）"};
inline constexpr Message no_resident{"{}: no resident of {} has that name", "{}：{} 没有这个名字的学生"};
inline constexpr Message several{"{}: {} residents match; type the number", "{}：{} 名学生匹配；请输入编号"};
inline constexpr Message unknown_word{"{}: not a dorm number, a dorm, a kind or a channel",
                                      "{}：不是寝室编号、寝室号、记录类型或联系方式"};
inline constexpr Message no_dorm{"{}: no such dorm", "{}：没有这个寝室"};
inline constexpr Message not_contact{"{}: not a contact kind (visit, talk, symposium, activity, ...)",
                                     "{}：不是联系类记录（走访、谈心、座谈会、寝室活动……）"};
inline constexpr Message same_as{"the same record as contact {}", "与第 {} 条联系相同"};
inline constexpr Message noted{"  ✓ {}\n", "  ✓ {}\n"};
inline constexpr Message unsaved{"input ended: {} record{} not saved\n", "输入结束：{0} 条记录未保存{1:.0}\n"};
inline constexpr Message heading{"To save: {} record{}\n", "将保存 {0} 条记录{1:.0}：\n"};
inline constexpr Message save{"Save? [Y/n]", "保存？[Y/n]"};
inline constexpr Message none_entered{"no contact was entered\n", "没有输入联系记录\n"};
inline constexpr Message bad_utf8{"the answer {}; type it again in a UTF-8 terminal",
                                  "输入{}；请在 UTF-8 终端中重新输入"};
}  // namespace say

// One contact as typed so far.
struct Contact {
  records::Kind kind = records::Kind::visit;
  records::Channel channel = records::Channel::in_person;
  std::string dorm;    // the dorm's code
  std::string reason;  // when the dorm is not the member's
  LocalDateTime at;
  std::vector<std::string> talked;  // student ids
  std::string progress;
};

// Why an answer was refused: printed, and the question asked again.
struct Refusal {
  std::string message;
};

// An error as a refusal: its problems, one per line, or its message.
Refusal refusal_of(const Error& e) {
  if (e.problems().empty()) return Refusal{e.what()};
  Refusal refusal;
  for (const auto& p : e.problems()) refusal.message += (refusal.message.empty() ? "" : "\n  ! ") + p.message;
  return refusal;
}

// Adds minutes to a time of day, crossing midnight into the next day.
LocalDateTime plus_minutes(LocalDateTime at, int minutes) {
  if (!at.has_time) return at;
  int total = at.hour * 60 + at.minute + minutes;
  at.date = Date{to_days(at.date) + std::chrono::days{total / (24 * 60)}};
  total %= 24 * 60;
  at.hour = total / 60;
  at.minute = total % 60;
  return at;
}

// Splits an answer at spaces, commas and 、.
std::vector<std::string> words_of(const std::string& typed) {
  std::string text;
  for (std::size_t pos = 0; pos < typed.size();) {
    const auto start = pos;
    const char32_t c = util::next_code_point(typed, pos);
    if (c == U'，' || c == U'、' || c == U'；' || c == U',' || c == U';') {
      text += ' ';
    } else {
      text.append(typed, start, pos - start);
    }
  }
  std::vector<std::string> out;
  for (std::size_t start = 0; start < text.size();) {
    auto end = std::min(text.find(' ', start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::optional<std::size_t> number_of(std::string_view word) {
  if (word.empty() || word.size() > 4 ||
      !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return static_cast<std::size_t>(std::stoul(std::string(word)));
}

class Session {
 public:
  Session(Context& ctx, store::Database& db, EntryResolver& resolver, const EntryClock& clock)
      : m_ctx(ctx), m_db(db), m_resolver(resolver), m_clock(clock) {}

  std::optional<std::string> ask(const std::string& question, const std::string& fallback);
  std::optional<std::string> ask_member(Date date, const std::string& given);
  std::optional<std::vector<records::EntryRequest>> run(const SessionStart& start);

 private:
  // Asks until `accept` takes the answer (returns no Refusal); false when input ends.
  template <typename Accept>
  bool ask_until(const std::string& question, const std::string& fallback, Accept accept);
  bool ask_dorm(Contact& c, std::size_t number, const std::string& fallback, bool& finished);
  std::optional<Refusal> take_dorm(Contact& c, const std::string& answer);
  bool ask_when(Contact& c, LocalDateTime fallback);
  bool ask_contact(Contact& c, LocalDateTime fallback, const std::string& talked);
  void keep(const Contact& c, std::size_t number);
  bool ask_talked(Contact& c, const std::string& fallback);
  std::optional<Refusal> take_talked(Contact& c, const std::string& answer,
                                     const std::vector<const roster::StudentRow*>& residents);
  std::vector<const roster::StudentRow*> residents_of(const Contact& c);
  std::vector<records::EntryRequest> requests_of(const Contact& c) const;
  std::optional<Refusal> check(const Contact& c, bool final);
  std::string describe(const records::ResolvedEntry& entry) const;
  bool confirm();

  Context& m_ctx;
  store::Database& m_db;
  EntryResolver& m_resolver;
  const EntryClock& m_clock;
  std::string m_member;       // the member's student id
  std::string m_member_name;  // for the summary
  std::vector<std::string> m_dorms;
  std::string m_reason;                           // the last reason typed, offered again
  std::vector<records::EntryRequest> m_requests;  // the contacts taken, as requests
  std::vector<records::ResolvedEntry> m_entries;  // the same, resolved
  std::map<std::string, std::size_t> m_keys;      // canonical row -> contact number
  std::map<std::string, std::string> m_names;     // student id -> name
};

std::optional<std::string> Session::ask(const std::string& question, const std::string& fallback) {
  if (fallback.empty()) {
    fmt::print(m_ctx.err(), "{}: ", question);
  } else {
    fmt::print(m_ctx.err(), "{} [{}]: ", question, fallback);
  }
  m_ctx.err().flush();
  std::string line;
  if (m_ctx.env().in == nullptr || !std::getline(*m_ctx.env().in, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (auto problem = utf8_problem(line)) {
    fmt::print(m_ctx.err(), "  ! {}\n", say::bad_utf8(*problem));
    return ask(question, fallback);
  }
  auto answer = std::string(util::trim(line));
  return answer.empty() ? fallback : answer;
}

template <typename Accept>
bool Session::ask_until(const std::string& question, const std::string& fallback, Accept accept) {
  for (;;) {
    auto answer = ask(question, fallback);
    if (!answer) return false;
    std::optional<Refusal> refusal;
    try {
      refusal = accept(*answer);
    } catch (const Error& e) {
      refusal = refusal_of(e);
    }
    if (!refusal) return true;
    fmt::print(m_ctx.err(), "  ! {}\n", refusal->message);
  }
}

// The member: `given` on the command line (an error ends the command), else asked.
std::optional<std::string> Session::ask_member(Date date, const std::string& given) {
  bool ended = false;
  auto take = [&](const std::string& answer) -> std::optional<Refusal> {
    if (answer.empty()) {
      ended = true;
      return std::nullopt;
    }
    const auto& row = m_resolver.member(answer, date);
    m_member = row.student_id;
    m_member_name = row.facts.name;
    return std::nullopt;
  };
  if (!given.empty()) {
    take(given);
  } else if (!ask_until(say::member(), "", take) || ended) {
    return std::nullopt;
  }
  m_dorms.clear();
  for (const auto& [dorm, who] : m_resolver.assignment(date)) {
    if (who == m_member) m_dorms.push_back(dorm);
  }
  std::string list;
  for (const auto& d : m_dorms) list += (list.empty() ? "" : ", ") + d;
  fmt::print(m_ctx.err(), "{}",
             say::member_found(m_member_name, m_member, list.empty() ? say::no_dorms(format_date(date)) : list));
  return m_member;
}

// A word of the dorm answer that is a contact kind or a channel, applied to the contact.
bool take_kind_or_channel(Contact& c, const std::string& word) {
  if (auto channel = records::parse_channel(word)) {
    c.channel = *channel;
    return true;
  }
  auto kind = records::parse_kind(word);
  if (!kind) return false;
  if (!records::is_contact(*kind)) throw UsageError(say::not_contact(quote_value(word)));
  c.kind = *kind;
  return true;
}

// "2", "10-107", "2 谈心", "1 phone": the dorm (a number of the list or a code), then
// optionally the kind and the channel, which later contacts keep.
std::optional<Refusal> Session::take_dorm(Contact& c, const std::string& answer) {
  std::optional<std::string> dorm;
  for (const auto& word : words_of(answer)) {
    if (auto n = number_of(word); n && !dorm) {
      if (*n < 1 || *n > m_dorms.size()) return Refusal{say::not_listed(quote_value(word), m_dorms.size())};
      dorm = m_dorms[*n - 1];
    } else if (auto code = parse_dorm_code(word); code && !dorm) {
      const auto& dorms = m_resolver.snapshot(m_clock.today).dorms;
      if (std::none_of(dorms.begin(), dorms.end(), [&](const auto& d) { return d.dorm.code() == code->code(); }))
        return Refusal{say::no_dorm(quote_value(word))};
      dorm = code->code();
    } else if (!take_kind_or_channel(c, word)) {
      return Refusal{say::unknown_word(quote_value(word))};
    }
  }
  if (!dorm) return Refusal{say::unknown_word(quote_value(answer))};
  c.dorm = *dorm;
  return std::nullopt;
}

bool Session::ask_dorm(Contact& c, std::size_t number, const std::string& fallback, bool& finished) {
  std::string list;
  for (std::size_t i = 0; i < m_dorms.size(); ++i) list += fmt::format("{} {}{}", i + 1, m_dorms[i], "; ");
  finished = false;
  bool ok = ask_until(say::dorm(number, list), fallback, [&](const std::string& answer) -> std::optional<Refusal> {
    if (answer.empty()) {
      finished = true;
      return std::nullopt;
    }
    return take_dorm(c, answer);
  });
  if (!ok || finished) return ok;
  c.reason.clear();
  if (std::find(m_dorms.begin(), m_dorms.end(), c.dorm) != m_dorms.end()) return true;
  return ask_until(say::reason(c.dorm), m_reason, [&](const std::string& answer) -> std::optional<Refusal> {
    if (answer.empty()) return Refusal{say::reason(c.dorm)};
    c.reason = m_reason = answer;
    return std::nullopt;
  });
}

bool Session::ask_when(Contact& c, LocalDateTime fallback) {
  return ask_until(say::when(), format_local(fallback), [&](const std::string& answer) -> std::optional<Refusal> {
    auto parsed = parse_when(answer, m_clock.today, fallback.date);
    if (const auto* error = std::get_if<WhenError>(&parsed)) return Refusal{error->message};
    c.at = std::get<LocalDateTime>(parsed);
    c.talked.clear();
    return check(c, false);
  });
}

std::vector<const roster::StudentRow*> Session::residents_of(const Contact& c) {
  std::vector<const roster::StudentRow*> out;
  for (const auto& s : m_resolver.snapshot(c.at.date).students) {
    if (s.facts.dorm == c.dorm && s.student_id != m_member) out.push_back(&s);
  }
  return out;
}

// The residents a word names: a number, a range 1-3, * for all, digits run together (12 for
// 1 and 2 when the list is shorter than 10), or a name, its start or its pinyin.
std::optional<Refusal> pick_residents(const std::string& word, const std::vector<const roster::StudentRow*>& list,
                                      const std::string& dorm, std::vector<std::size_t>& picked) {
  const auto n = list.size();
  if (word == "*" || word == "all" || word == "全部" || word == "全") {
    for (std::size_t i = 1; i <= n; ++i) picked.push_back(i);
    return std::nullopt;
  }
  if (auto dash = word.find('-'); dash != std::string::npos) {
    auto from = number_of(word.substr(0, dash));
    auto to = number_of(word.substr(dash + 1));
    if (!from || !to || *from < 1 || *to > n || *from > *to) return Refusal{say::not_listed(quote_value(word), n)};
    for (auto i = *from; i <= *to; ++i) picked.push_back(i);
    return std::nullopt;
  }
  if (auto number = number_of(word)) {
    if (*number >= 1 && *number <= n) {
      picked.push_back(*number);
      return std::nullopt;
    }
    if (n >= 10 || std::any_of(word.begin(), word.end(), [n](char c) { return c == '0' || std::size_t(c - '0') > n; }))
      return Refusal{say::not_listed(quote_value(word), n)};
    for (char c : word) picked.push_back(static_cast<std::size_t>(c - '0'));
    return std::nullopt;
  }
  std::vector<std::size_t> matches;
  auto best = util::PinyinMatch::none;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& name = list[i]->facts.name;
    auto kind = list[i]->student_id == word || name == word ? util::PinyinMatch::full
                : name.starts_with(word)                    ? util::PinyinMatch::prefix
                : util::is_pinyin_text(word)                ? util::match_pinyin(word, util::pinyin(name))
                                                            : util::PinyinMatch::none;
    if (kind == util::PinyinMatch::none || kind < best) continue;
    if (best < kind) matches.clear();
    best = kind;
    matches.push_back(i + 1);
  }
  if (matches.empty()) return Refusal{say::no_resident(quote_value(word), dorm)};
  if (matches.size() > 1) return Refusal{say::several(quote_value(word), matches.size())};
  picked.push_back(matches.front());
  return std::nullopt;
}

std::optional<Refusal> Session::take_talked(Contact& c, const std::string& answer,
                                            const std::vector<const roster::StudentRow*>& residents) {
  std::vector<std::size_t> picked;
  for (const auto& word : words_of(answer)) {
    if (word == "-" || word == "无") continue;
    if (auto refusal = pick_residents(word, residents, c.dorm, picked)) return refusal;
  }
  std::sort(picked.begin(), picked.end());
  picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
  c.talked.clear();
  for (auto i : picked) {
    c.talked.push_back(residents[i - 1]->student_id);
    m_names[residents[i - 1]->student_id] = residents[i - 1]->facts.name;
  }
  return check(c, false);
}

bool Session::ask_talked(Contact& c, const std::string& fallback) {
  const auto residents = residents_of(c);
  std::string list;
  for (std::size_t i = 0; i < residents.size(); ++i) {
    list += fmt::format("{}{} {}", i == 0 ? "" : "  ", i + 1, residents[i]->facts.name);
  }
  fmt::print(m_ctx.err(), "{}", say::residents(c.dorm, list.empty() ? "-" : list));
  return ask_until(say::talked(), fallback,
                   [&](const std::string& answer) { return take_talked(c, answer, residents); });
}

std::vector<records::EntryRequest> Session::requests_of(const Contact& c) const {
  records::EntryRequest r;
  r.kind = c.kind;
  r.member = m_member;
  r.dorm = c.dorm;
  r.at = c.at;
  r.talked = c.talked;
  r.channel = c.channel;
  r.reason = c.reason;
  if (!c.progress.empty()) r.content.progress = c.progress;
  std::vector<records::EntryRequest> out{r};
  if (c.kind == records::Kind::visit && !c.talked.empty()) {
    r.kind = records::Kind::talk;
    r.content = {};
    out.push_back(r);
  }
  return out;
}

// Resolves the contact's records; with `final`, also refuses a record entered before.
std::optional<Refusal> Session::check(const Contact& c, bool final) {
  for (const auto& request : requests_of(c)) {
    auto entry = m_resolver.resolve(request);
    if (!final) continue;
    auto key = records::canonical_row(entry.row, records::canonical_content(request.content));
    if (auto it = m_keys.find(key); it != m_keys.end()) return Refusal{say::same_as(it->second)};
    if (auto existing = store::find_duplicate(m_db, entry.row, request.content))
      return Refusal{msg::identical_record(*existing)};
  }
  return std::nullopt;
}

// The time, the residents and the progress of a contact whose dorm is chosen; asked again
// from the time while the whole contact is refused (the same as one entered before).
bool Session::ask_contact(Contact& c, LocalDateTime fallback, const std::string& talked) {
  for (;;) {
    if (!ask_when(c, fallback) || !ask_talked(c, talked)) return false;
    auto progress = ask(say::progress(), "");
    if (!progress) return false;
    c.progress = *progress;
    std::optional<Refusal> refusal;
    try {
      refusal = check(c, true);
    } catch (const Error& e) {
      refusal = refusal_of(e);
    }
    if (!refusal) return true;
    fmt::print(m_ctx.err(), "  ! {}\n", refusal->message);
    fallback = c.at;
  }
}

std::string Session::describe(const records::ResolvedEntry& entry) const {
  const bool zh = message_language() == Language::zh;
  std::string names;
  for (const auto& id : entry.row.students) {
    auto it = m_names.find(id);
    names += (names.empty() ? "" : (zh ? "、" : ", ")) + (it != m_names.end() ? it->second : id);
  }
  return fmt::format("{} {} {}{}{}", zh ? records::label_zh(entry.row.kind) : records::key(entry.row.kind),
                     entry.row.dorm_code.value_or("-"), entry.row.happened_at, names.empty() ? "" : "  ", names);
}

void Session::keep(const Contact& c, std::size_t number) {
  for (auto& request : requests_of(c)) {
    auto entry = m_resolver.resolve(request);
    m_keys.emplace(records::canonical_row(entry.row, records::canonical_content(request.content)), number);
    fmt::print(m_ctx.err(), "{}", say::noted(describe(entry)));
    m_entries.push_back(std::move(entry));
    m_requests.push_back(std::move(request));
  }
}

bool Session::confirm() {
  const auto count = m_entries.size();
  fmt::print(m_ctx.err(), "{}", say::heading(count, count == 1 ? "" : "s"));
  for (std::size_t i = 0; i < count; ++i) fmt::print(m_ctx.err(), "  {}. {}\n", i + 1, describe(m_entries[i]));
  auto answer = ask(say::save(), "");
  if (!answer) return false;
  return answer->empty() || means_yes(*answer);
}

// The first contact's time: --at, or the default of a missing --at.
LocalDateTime first_time(const SessionStart& start, const EntryClock& clock) {
  if (start.at.empty()) return clock.default_at();
  auto parsed = parse_when(start.at, clock.today);
  if (const auto* error = std::get_if<WhenError>(&parsed)) throw UsageError("--at " + error->message);
  return std::get<LocalDateTime>(parsed);
}

// The contact a session starts from: --kind and --channel.
Contact first_contact(const SessionStart& start) {
  Contact c;
  if (!start.kind.empty() && !take_kind_or_channel(c, start.kind)) {
    throw UsageError(say::not_contact(quote_value(start.kind)));
  }
  if (!start.channel.empty()) {
    auto channel = records::parse_channel(start.channel);
    if (!channel) throw UsageError(say::unknown_word(quote_value(start.channel)));
    c.channel = *channel;
  }
  return c;
}

std::optional<std::vector<records::EntryRequest>> Session::run(const SessionStart& start) {
  auto at = first_time(start, m_clock);
  Contact last = first_contact(start);
  m_reason = start.reason;
  if (!ask_member(at.date, start.member)) return std::nullopt;
  std::string talked;
  for (const auto& t : start.talked) talked += (talked.empty() ? "" : " ") + t;
  for (std::size_t number = 1;; ++number) {
    Contact c = last;
    bool finished = false;
    const bool ok = ask_dorm(c, number, number == 1 ? start.dorm : "", finished) &&
                    (finished || ask_contact(c, at, number == 1 ? talked : ""));
    if (!ok) {
      if (!m_entries.empty())
        fmt::print(m_ctx.err(), "{}", say::unsaved(m_entries.size(), m_entries.size() == 1 ? "" : "s"));
      return std::nullopt;
    }
    if (finished) break;
    keep(c, number);
    last = c;
    at = std::min(plus_minutes(c.at, 5), m_clock.now);
  }
  if (m_entries.empty()) {
    fmt::print(m_ctx.err(), "{}", say::none_entered());
    return std::nullopt;
  }
  if (!confirm()) return std::nullopt;
  return m_requests;
}

}  // namespace

std::optional<std::vector<records::EntryRequest>> run_entry_session(Context& ctx, store::Database& db,
                                                                    EntryResolver& resolver, const EntryClock& clock,
                                                                    const SessionStart& start) {
  Session session(ctx, db, resolver, clock);
  return session.run(start);
}

std::optional<std::string> ask_member(Context& ctx, store::Database& db, EntryResolver& resolver, Date date) {
  const EntryClock clock{};
  Session session(ctx, db, resolver, clock);
  return session.ask_member(date, "");
}

}  // namespace dormlink::cli
