#pragma once
// What every command that enters records shares (log-visit, import form): the two clocks of
// an entry, and the rosters and assignments by date that resolve what was typed.

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "dormlink/records/entry.hpp"
#include "dormlink/roster/snapshot.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::cli {

// The two clocks of an entry: `now`, the real moment of entry in the college's zone (no event
// may be later), and `today`, the day relative words (今天, 昨天) and a missing --at refer to:
// --as-of when given. A missing --at is `now`, or with an earlier --as-of the last minute of
// that day.
struct EntryClock {
  LocalDateTime now;
  Date today{};
  LocalDateTime default_at() const {
    if (to_days(today) >= to_days(now.date)) return now;
    return LocalDateTime{today, 23, 59, true};
  }
};

EntryClock clock_of(Context& ctx);

// Rosters and assignments by date, loaded once per date inside the command's transaction.
// A command that enters one record asks for `points`: `resolve` then reads only the students,
// dorm and assignment pair the request can mean (docs/performance.md), so its cost does not
// grow with the college; commands of many records (a CSV file, forms) load whole days once.
class EntryResolver {
 public:
  enum class Loading { whole_days, points };
  EntryResolver(store::Database& db, const Config& config, LocalDateTime now, Loading loading = Loading::whole_days)
      : m_db(db), m_config(config), m_now(now), m_loading(loading) {}

  // The rosters valid on a date.
  const roster::Snapshot& snapshot(Date date) { return load(date).snapshot; }

  // The committed assignment (dorm -> member) in force on a date; empty when none is.
  const std::map<std::string, std::string>& assignment(Date date) { return load(date).assignment; }

  // The member a typed text names on a date (records::find_member); throws DataError.
  const roster::StudentRow& member(const std::string& text, Date date);

  // Resolves and checks one request against the rosters and assignment of its date.
  records::ResolvedEntry resolve(const records::EntryRequest& request);

 private:
  struct Day {
    roster::Snapshot snapshot;
    std::map<std::string, std::string> assignment;
    bool committed = false;
  };

  Day& load(Date date);
  // EntryContext::explain_absent for a record of `date`: the rosters name the student only later.
  std::function<std::optional<std::string>(std::string_view, const std::string&)> explainer(Date date);
  // Resolves by point queries; nullopt when a typed name needs the whole roster (pinyin).
  std::optional<records::ResolvedEntry> resolve_by_points(const records::EntryRequest& request);

  store::Database& m_db;
  const Config& m_config;
  LocalDateTime m_now;
  Loading m_loading;
  std::map<std::string, Day> m_days;
};

}  // namespace dormlink::cli
