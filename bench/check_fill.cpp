// dormlink-check-fill: appends a plausible semester of records, teaching week by teaching
// week, to an imported and assigned dormlink database, through the library's hash chain
// (store::append_record), so that `dormlink check` can be timed at university scale: about
// two visits per dorm per duty week, a talk with every resident every duty week, excused
// weeks, orientation, plans, activities, symposiums, summaries, incidents, and a few
// corrections, withdrawals and purges. Deterministic for a given seed. See bench/README.md,
// "check".

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>
#include <fmt/ostream.h>

#include "dormlink/calendar.hpp"
#include "dormlink/config.hpp"
#include "dormlink/error.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/store/assignment_store.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/store/record_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "tool_main.hpp"

namespace dormlink::bench {
namespace {

constexpr std::string_view k_usage =
    "Usage: dormlink-check-fill --db PATH --config PATH --semester ID --weeks N [--seed S]\n"
    "Appends a semester of records (teaching weeks 1..N) of the semester's committed assignment\n"
    "in one transaction.\n";

// The command line.
struct Options {
  std::string db;
  std::string config;
  std::string semester;
  int weeks = -1;
  std::uint64_t seed = 20261220;
  bool help = false;
};

// One resident of a dorm on the assignment's first day.
struct Resident {
  std::string id;
  int cohort = 0;
  bool attention = false;
};

// One committed pair with the dorm's residents (sorted by id).
struct Pair {
  std::string member_id;
  std::string dorm_code;
  std::vector<Resident> residents;
};

// SplitMix64: the same sequence on every platform and library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}

  std::uint64_t next() {
    m_state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = m_state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // An int in [0, bound); bound > 0.
  int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }
  // True with probability per_mille / 1000.
  bool chance(int per_mille) { return below(1000) < per_mille; }

 private:
  std::uint64_t m_state;
};

// A record waiting to be appended, with its text.
struct Pending {
  records::Row row;
  records::Content content;
};

// Short texts of the feedback form's columns (工作进展及成效, 说明).
const std::vector<std::string_view>& progress_texts() {
  static const std::vector<std::string_view> table = {
      "了解寝室同学近期学习情况，提醒注意用电安全。", "督促按时作息，交流四级备考经验。",
      "寝室卫生有明显改善，同学反映宿舍热水不稳定。", "讨论期中考试复习计划，宣讲入党积极分子培养要求。",
      "帮助新生熟悉校园环境，调解室友间的小矛盾。",   "分享时间管理方法，关注个别同学情绪变化。",
      "传达学院近期通知，鼓励参加志愿服务。",         "了解实习和就业意向，提醒防范电信诈骗。",
  };
  return table;
}
const std::vector<std::string_view>& note_texts() {
  static const std::vector<std::string_view> table = {
      "已向辅导员反馈。", "下周继续跟进。",   "寝室长配合良好。",   "一名同学外出未见。",
      "情况正常。",       "已提醒注意休息。", "约好下次座谈时间。", "需联系班主任。",
  };
  return table;
}

records::Content make_content(Random& random) {
  return {std::string(progress_texts()[static_cast<std::size_t>(random.below(8))]),
          std::string(note_texts()[static_cast<std::size_t>(random.below(8))]), std::nullopt};
}

Date add_days(Date date, int days) { return Date{to_days(date) + std::chrono::days{days}}; }

// The generator: the semester, the pairs, the PRNG and the records of the current week.
class Filler {
 public:
  Filler(const Semester& semester, const Config& config, std::vector<Pair> pairs, std::uint64_t seed)
      : m_semester(semester), m_config(config), m_pairs(std::move(pairs)), m_random(seed) {
    std::set<std::string> members;
    for (const auto& pair : m_pairs) members.insert(pair.member_id);
    m_members.assign(members.begin(), members.end());
    for (const auto& pair : m_pairs) {
      m_activity_week[pair.dorm_code] = 1 + m_random.below(semester.teaching_weeks);
      m_symposium_week[pair.dorm_code] = 1 + m_random.below(semester.teaching_weeks);
      if (m_random.chance(10)) m_incident_week[pair.dorm_code] = 1 + m_random.below(semester.teaching_weeks);
    }
  }

  // The records of teaching week `week`, in the order they were entered.
  std::vector<Pending> week(int week) {
    m_week = week;
    m_monday = add_days(m_semester.first_monday, 7 * (week - 1));
    m_out.clear();
    std::set<std::string> away;  // members excused for the whole week (ill, placement)
    if (m_semester.has_duties(week)) {
      for (const auto& member : m_members)
        if (m_random.chance(5)) away.insert(member);
      for (const auto& member : away) add_simple(records::Kind::excused, member, std::nullopt, "ill");
    }
    for (const auto& pair : m_pairs) dorm_week(pair, away.count(pair.member_id) > 0);
    for (const auto& member : m_members) member_week(member);
    std::stable_sort(m_out.begin(), m_out.end(),
                     [](const Pending& a, const Pending& b) { return a.row.entered_at < b.row.entered_at; });
    return std::move(m_out);
  }

  // Corrections, withdrawals and purges of some of the week's records (ids known once
  // appended): about 0.5 %, 0.3 % and 0.05 % of the week's visits and talks.
  std::vector<Pending> amendments(const std::vector<std::pair<std::int64_t, records::Row>>& appended) {
    std::vector<Pending> out;
    for (const auto& [id, row] : appended) {
      if (row.kind != records::Kind::visit && row.kind != records::Kind::talk) continue;
      const int roll = m_random.below(10000);
      if (roll >= 85) continue;
      Pending p{row, make_content(m_random)};
      p.row.corrects = id;
      p.row.entered_at = format_date(add_days(*parse_iso_date(row.entered_at.substr(0, 10)), 1)) + " 09:30:00";
      if (roll < 50) {
        p.row.happened_at = row.happened_at.substr(0, 11) + "21:30";
        p.row.reason = "时间记错";
      } else {
        p.row.kind = roll < 80 ? records::Kind::withdrawal : records::Kind::purge;
        p.row.happened_at = p.row.entered_at.substr(0, 16);
        p.row.reason = roll < 80 ? "重复录入" : "学生申请";
        p.row.students.clear();
        p.row.channel.reset();
      }
      out.push_back(std::move(p));
    }
    return out;
  }

 private:
  // A time on day `day` (0 = Monday) of the current week, between 08:00 and 21:59, and its
  // entry one or two hours later (or, for `late`, one to three days after the week).
  void set_times(records::Row& row, int day, bool late) {
    const int hour = 8 + m_random.below(14);
    const int minute = m_random.below(60);
    const Date date = add_days(m_monday, day);
    row.happened_at = fmt::format("{} {:02}:{:02}", format_date(date), hour, minute);
    if (late) {
      row.entered_at = fmt::format("{} 10:{:02}:{:02}", format_date(add_days(m_monday, 7 + m_random.below(3))),
                                   m_random.below(60), m_random.below(60));
    } else {
      row.entered_at = fmt::format("{} {:02}:{:02}:{:02}", format_date(date), hour + 1 + m_random.below(2),
                                   m_random.below(60), m_random.below(60));
    }
  }

  records::Row& add(records::Kind kind, const std::string& member, std::optional<std::string> dorm, int day) {
    records::Row row;
    row.kind = kind;
    row.member_id = member;
    row.dorm_code = std::move(dorm);
    row.semester_id = m_semester.id;
    row.entered_by = "check-fill";
    row.channel = records::Channel::in_person;
    set_times(row, day, m_random.chance(30));
    m_out.push_back({std::move(row), make_content(m_random)});
    return m_out.back().row;
  }

  void add_simple(records::Kind kind, const std::string& member, std::optional<std::string> dorm,
                  std::string_view reason) {
    auto& row = add(kind, member, std::move(dorm), m_random.below(7));
    row.channel.reset();
    row.reason = std::string(reason);
  }

  static std::vector<std::string> ids_of(const std::vector<Resident>& residents) {
    std::vector<std::string> ids;
    for (const auto& r : residents) ids.push_back(r.id);
    return ids;
  }

  // One dorm's week: visits and talks in a duty week (or an excused week), orientation in the
  // first autumn weeks, its activity, symposium and incident when they fall in this week.
  void dorm_week(const Pair& pair, bool member_away) {
    const bool duty = m_semester.has_duties(m_week);
    if (duty && !member_away) {
      if (m_random.chance(10)) {
        add_simple(records::Kind::excused, pair.member_id, pair.dorm_code, "resident_away");
      } else {
        visits_and_talks(pair);
      }
    }
    const bool first_years = std::any_of(pair.residents.begin(), pair.residents.end(),
                                         [&](const Resident& r) { return r.cohort == cohort_of_year(1, m_semester); });
    if (first_years && m_week <= m_config.duties.orientation_weeks && m_random.chance(550))
      add(records::Kind::orientation, pair.member_id, pair.dorm_code, m_random.below(7)).students =
          ids_of(pair.residents);
    if (!duty) return;
    if (m_activity_week.at(pair.dorm_code) == m_week)
      add(records::Kind::activity, pair.member_id, pair.dorm_code, m_random.below(7)).students = ids_of(pair.residents);
    if (m_symposium_week.at(pair.dorm_code) == m_week)
      add(records::Kind::symposium, pair.member_id, pair.dorm_code, m_random.below(7)).students =
          ids_of(pair.residents);
    auto incident = m_incident_week.find(pair.dorm_code);
    if (incident != m_incident_week.end() && incident->second == m_week) add_incident(pair);
  }

  // Two visits (one in five dorm-weeks three), a talk with nearly every resident (one in four
  // twice, attention students always twice).
  void visits_and_talks(const Pair& pair) {
    const int visits = m_random.chance(200) ? 3 : 2;
    for (int v = 0; v < visits; ++v) {
      auto& row = add(records::Kind::visit, pair.member_id, pair.dorm_code, m_random.below(7));
      for (const auto& r : pair.residents)
        if (m_random.below(4) != 0) row.students.push_back(r.id);
    }
    for (const auto& r : pair.residents) {
      if (r.id == pair.member_id || m_random.chance(30)) continue;
      const int talks = (r.attention || m_random.chance(250)) ? 2 : 1;
      for (int t = 0; t < talks; ++t) {
        auto& row = add(records::Kind::talk, pair.member_id, pair.dorm_code, m_random.below(7));
        row.students = {r.id};
        if (m_random.chance(100)) row.channel = records::Channel::wechat;
      }
    }
  }

  void add_incident(const Pair& pair) {
    static const records::IncidentCategory k_categories[] = {
        records::IncidentCategory::banned_appliance, records::IncidentCategory::overnight_absence,
        records::IncidentCategory::fighting, records::IncidentCategory::emergency};
    auto& row = add(records::Kind::incident, pair.member_id, pair.dorm_code, m_random.below(5));
    records::Incident incident;
    incident.category = k_categories[m_random.below(4)];
    incident.severity = records::Severity::medium;
    incident.reported_to = StaffRole::counselor;
    if (!m_random.chance(100)) {
      const auto found = to_days(*parse_iso_date(row.happened_at.substr(0, 10)));
      const int hours = std::stoi(row.happened_at.substr(11, 2)) + 1 + m_random.below(36);
      incident.reported_at = fmt::format("{} {:02}:{}", format_date(Date{found + std::chrono::days{hours / 24}}),
                                         hours % 24, row.happened_at.substr(14, 2));
    }
    row.incident = incident;
  }

  // A member's plan in the first weeks (a few late, a few never) and summary near the end.
  void member_week(const std::string& member) {
    const int plan_roll = m_random.below(1000);
    if ((m_week <= m_config.duties.work_plan_due_week && plan_roll < 450) ||
        (m_week == m_config.duties.work_plan_due_week + 2 && plan_roll < 100))
      add_simple(records::Kind::plan, member, std::nullopt, "");
    if (m_week + 3 >= m_semester.teaching_weeks && m_random.chance(80))
      add_simple(records::Kind::summary, member, std::nullopt, "");
  }

  const Semester& m_semester;
  const Config& m_config;
  std::vector<Pair> m_pairs;
  Random m_random;
  std::vector<std::string> m_members;
  std::map<std::string, int> m_activity_week;
  std::map<std::string, int> m_symposium_week;
  std::map<std::string, int> m_incident_week;
  int m_week = 0;
  Date m_monday{};
  std::vector<Pending> m_out;
};

// The committed pairs with each dorm's residents on the assignment's valid_from.
std::vector<Pair> load_pairs(store::Database& db, const std::string& semester) {
  const auto assignment = store::load_current_assignment(db, semester);
  if (!assignment || assignment->pairs.empty())
    throw DataError(fmt::format("semester \"{}\" has no committed assignment; run `dormlink assign` first", semester));
  const auto date = parse_iso_date(assignment->valid_from);
  if (!date) throw DataError(fmt::format("assignment valid_from \"{}\" is not a date", assignment->valid_from));
  const auto roster = store::load_roster(db, *date);
  std::map<std::string, std::vector<Resident>> residents;
  for (const auto& s : roster.students)
    if (!s.facts.dorm.empty())
      residents[s.facts.dorm].push_back({s.student_id, s.facts.cohort, !s.facts.attention.empty()});
  std::vector<Pair> pairs;
  for (const auto& pair : assignment->pairs)
    pairs.push_back({pair.member_id, pair.dorm_code, residents[pair.dorm_code]});
  return pairs;
}

// The kind of a record as counted in the summary line; corrections apart.
std::string label(const records::Row& row) {
  const bool correction = row.corrects && row.kind != records::Kind::withdrawal && row.kind != records::Kind::purge;
  return std::string(records::key(row.kind)) + (correction ? " (correction)" : "");
}

// Appends the records of weeks 1..N in one transaction and prints what was done.
int run(const Options& options, std::ostream& out) {
  const Config config = load_config_file(options.config);
  const Semester* semester = config.calendar.find(options.semester);
  if (!semester) throw UsageError(fmt::format("semester \"{}\" is not in {}", options.semester, options.config));
  auto db = store::Database::open(options.db, store::OpenMode::read_write);
  Filler filler(*semester, config, load_pairs(db, options.semester), options.seed);
  const int weeks = std::min(options.weeks, semester->teaching_weeks);
  std::map<std::string, std::int64_t> kinds;
  store::Receipt last;
  const auto start = std::chrono::steady_clock::now();
  db.transaction([&] {
    for (int week = 1; week <= weeks; ++week) {
      std::vector<std::pair<std::int64_t, records::Row>> appended;
      for (auto& p : filler.week(week)) {
        kinds[label(p.row)]++;
        last = store::append_record(db, p.row, p.content);
        appended.emplace_back(last.id, std::move(p.row));
      }
      for (auto& p : filler.amendments(appended)) {
        kinds[label(p.row)]++;
        const auto target = *p.row.corrects;
        const bool purge = p.row.kind == records::Kind::purge;
        last = store::append_record(db, std::move(p.row), p.content);
        if (purge) store::purge_content(db, target);
      }
    }
  });
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::string counts;
  for (const auto& [kind, n] : kinds) counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", kind, n);
  fmt::print(out,
             "check-fill: semester {}, weeks 1..{}, seed {}, appended {} records in {:.1f} s ({}); chain head {}\n",
             options.semester, weeks, options.seed, last.id, seconds.count(), counts, last.hash);
  return 0;
}

// Parses a non-negative integer option; throws UsageError otherwise.
std::uint64_t parse_number(std::string_view name, std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty() || text.size() > 18) throw UsageError(fmt::format("{} \"{}\" is not a number", name, text));
  for (const char c : text) {
    if (c < '0' || c > '9') throw UsageError(fmt::format("{} \"{}\" is not a number", name, text));
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

// Options with a value: name -> setter.
using Setter = std::function<void(Options&, std::string_view)>;
const std::map<std::string_view, Setter>& value_options() {
  static const std::map<std::string_view, Setter> table = {
      {"--db", [](Options& o, std::string_view v) { o.db = std::string(v); }},
      {"--config", [](Options& o, std::string_view v) { o.config = std::string(v); }},
      {"--semester", [](Options& o, std::string_view v) { o.semester = std::string(v); }},
      {"--weeks",
       [](Options& o, std::string_view v) {
         o.weeks = static_cast<int>(std::min<std::uint64_t>(parse_number("--weeks", v), 30));
       }},
      {"--seed", [](Options& o, std::string_view v) { o.seed = parse_number("--seed", v); }},
  };
  return table;
}

// Parses argv; throws UsageError on unknown options, missing values or missing inputs.
Options parse_args(const std::vector<std::string_view>& args) {
  Options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      options.help = true;
      continue;
    }
    const auto found = value_options().find(args[i]);
    if (found == value_options().end()) throw UsageError(fmt::format("unknown argument \"{}\"", args[i]));
    if (i + 1 == args.size()) throw UsageError(fmt::format("{} needs a value", args[i]));
    found->second(options, args[++i]);
  }
  if (!options.help && (options.db.empty() || options.config.empty() || options.semester.empty() || options.weeks < 1))
    throw UsageError("--db, --config, --semester and --weeks are required");
  return options;
}

}  // namespace
}  // namespace dormlink::bench

int main(int argc, char** argv) {
  using namespace dormlink;
  return bench::tool_main("dormlink-check-fill", bench::k_usage, argc, argv, bench::parse_args, bench::run);
}
