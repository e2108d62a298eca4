// Loads check::evaluate's input (docs/check.md): the rosters as dated stretches, the
// assignment chain, and the semester's effective records aggregated as they are read. The
// record scans read the covering indexes record_check and record_check_other (schema v4),
// never the wide record rows, and intern every student id and dorm code once, so that a
// university's semester (about 1,000,000 records) loads in well under a second.
#include "dormlink/store/check_store.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "check_cases.hpp"
#include "check_scan.hpp"
#include "codec.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

using check::CheckInput;

// The days the load looks at (text to bind, "YYYY-MM-DD"): records that happened in
// [first, end) count, end being the day after min(as_of, the semester's last day).
struct Window {
  std::string semester_id;
  std::string first;  // the semester's first Monday
  std::string last;   // the semester's last day (Sunday of the last teaching week)
  Date until{};       // min(as_of, last)
  std::string end;    // the day after `until`
  std::string as_of;
  std::string after_as_of;  // the day after as_of: submissions made before it count
};

std::string day_after(Date date) { return format_date(Date{to_days(date) + std::chrono::days{1}}); }

Window make_window(const Semester& semester, Date as_of) {
  const Date until = to_days(as_of) < to_days(semester.last_day()) ? as_of : semester.last_day();
  return {semester.id,
          format_date(semester.first_monday),
          format_date(semester.last_day()),
          until,
          day_after(until),
          format_date(as_of),
          day_after(as_of)};
}

// Binds the window's values to whichever of these named parameters the statement uses.
void bind_window(SQLite::Statement& q, const Window& w) {
  const std::pair<const char*, const std::string*> values[] = {
      {":semester", &w.semester_id},   {":first", &w.first}, {":last", &w.last}, {":end", &w.end}, {":as_of", &w.as_of},
      {":after_as_of", &w.after_as_of}};
  for (const auto& [name, value] : values)
    if (q.getIndex(name) != 0) q.bind(name, *value);
}

// The semester's records that happened in the window, [first, end).
constexpr const char* k_in_window = " r.semester_id = :semester AND r.happened_at >= :first AND r.happened_at < :end ";
// Incidents happen in the holidays too and belong to the semester that ended last (docs/check.md
// "The semester's edges"): they count up to as_of.
constexpr const char* k_in_window_or_incident =
    " r.semester_id = :semester AND r.happened_at >= :first AND (r.happened_at < :end OR (r.kind = 'incident' AND "
    "r.happened_at < :after_as_of)) ";

// The record kinds loaded one by one (visits and talks are aggregated). The partial index
// record_check_other (src/store/schema.cpp, v4) holds exactly these kinds: keep both lists equal.
constexpr const char* k_listed_kinds =
    "('excused', 'activity', 'symposium', 'orientation', 'plan', 'summary', 'incident')";

// Text of a column without copying it (valid until the statement steps; "" for NULL).
std::string_view text_of(const SQLite::Column& column) { return column.getText(); }

std::optional<Date> date_of(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return parse_iso_date(text_of(column));
}

// "YYYY-MM-DD HH:MM[...]" -> local date and time, "YYYY-MM-DD" -> the date without a time
// (docs/check.md "Incident times"); nullopt when malformed.
std::optional<LocalDateTime> parse_timestamp(std::string_view text) {
  if (text.size() == 10) {
    if (const auto day = parse_iso_date(text)) return LocalDateTime{*day, 0, 0, false};
  }
  if (text.size() < 16 || text[10] != ' ' || text[13] != ':') return std::nullopt;
  const auto date = parse_iso_date(text.substr(0, 10));
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -100; };
  const int hour = digit(11) * 10 + digit(12);
  const int minute = digit(14) * 10 + digit(15);
  if (!date || hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  return LocalDateTime{*date, hour, minute, true};
}

using scan::Days;
using scan::Effective;
using scan::Interner;

// Teaching weeks are 1..30 (Semester::teaching_weeks), so bit w of a 32-bit mask is week w.
constexpr int k_max_week = 30;

// One stretch of a version history (numbers from the interners).
struct Stretch {
  int student = 0;
  int dorm = -1;  // residences only
  Date from{};
  std::optional<Date> to;
  bool flag = false;  // attention (residences) or eligible (eligibility)
};

struct Facts {
  std::string name;
  std::string class_name;
  int cohort = 0;
  std::string branch;
  bool loaded = false;
};

// An excused, per-semester or incident record, before indices are final.
struct ListedRecord {
  std::int64_t id = 0;
  std::string kind;
  int member = 0;
  int dorm = -1;
  int week = 0;
  std::optional<Date> entered;
  std::optional<LocalDateTime> found;
  std::optional<LocalDateTime> reported;
};

// What the queries gathered, by interned number.
struct Gathered {
  Interner students;
  Interner dorms;
  std::vector<Facts> facts;  // by student number
  std::vector<Stretch> residences;
  std::vector<Stretch> eligibility;
  std::vector<std::tuple<std::size_t, int, int>> pairs;       // (version, dorm, member)
  std::vector<std::array<int, 2 * (k_max_week + 1)>> visits;  // by dorm: visits[w], late[w]
  std::vector<std::uint32_t> talk_weeks;                      // by student
  std::vector<std::array<int, k_max_week + 1>> talk_entered;  // by student, week: first entry day
  std::vector<ListedRecord> records;
  // A scoped load (CheckScope): the dorms and the students whose visits and talks are read,
  // by number (ids first seen after narrow_to are out of scope).
  bool scoped = false;
  std::vector<char> scope_dorms;
  std::vector<char> scope_students;

  // The number of a dorm or student the scans read, -1 for one out of scope (not interned).
  int scoped_dorm(std::string_view code) { return scoped ? within(dorms, scope_dorms, code) : dorms(code); }
  int scoped_student(std::string_view id) { return scoped ? within(students, scope_students, id) : students(id); }
  static int within(const Interner& ids, const std::vector<char>& scope, std::string_view id) {
    const int n = ids.find(id);
    return n >= 0 && static_cast<std::size_t>(n) < scope.size() && scope[static_cast<std::size_t>(n)] ? n : -1;
  }

  Facts& facts_of(int student) {
    if (static_cast<std::size_t>(student) >= facts.size()) facts.resize(static_cast<std::size_t>(student) + 1);
    return facts[static_cast<std::size_t>(student)];
  }
};

// Appends `s`, merged into the previous stretch when it continues it (same student, dorm and
// flag, starting the day the previous one ends).
void append_stretch(std::vector<Stretch>& out, const Stretch& s) {
  if (!out.empty()) {
    auto& prev = out.back();
    if (prev.student == s.student && prev.dorm == s.dorm && prev.flag == s.flag && prev.to && *prev.to == s.from) {
      prev.to = s.to;
      return;
    }
  }
  out.push_back(s);
}

// Keeps the stretches that overlap the semester's days.
void keep_overlapping(std::vector<Stretch>& stretches, const Semester& semester) {
  std::erase_if(stretches, [&](const Stretch& s) {
    return to_days(s.from) > to_days(semester.last_day()) || (s.to && to_days(*s.to) <= to_days(semester.first_monday));
  });
}

bool takes_dorms(std::string_view political, const Config& config) {
  return political == "party_member" || political == "probationary_member" ||
         (config.assignment.candidates_take_dorms && political == "candidate");
}

// One student version as read.
struct Version {
  int student = 0;
  std::int64_t id = 0;
  Date from{};
  std::optional<Date> to;
  bool current = false;
  int dorm = -1;
  bool attention = false;
  bool takes_dorms = false;
  Facts facts;
};

// Every student version that touches the semester, in history order (read in table order and
// sorted here, which beats SQL's walk of the history index with a row lookup per version).
std::vector<Version> read_versions(SQLite::Database& db, const Window& w, const Config& config, Gathered& g) {
  SQLite::Statement q(db,
                      "SELECT student_id, id, valid_from, valid_to, status = 'current', dorm_code, attention <> '', "
                      "political_status, name, class_name, cohort, branch FROM student_version "
                      "WHERE valid_from <= :last AND (valid_to IS NULL OR valid_to >= :first)");
  bind_window(q, w);
  std::vector<Version> versions;
  while (q.executeStep()) {
    const auto from = date_of(q.getColumn(2));
    if (!from) continue;
    Version v;
    v.student = g.students(text_of(q.getColumn(0)));
    v.id = q.getColumn(1).getInt64();
    v.from = *from;
    v.to = date_of(q.getColumn(3));
    v.current = q.getColumn(4).getInt() != 0;
    if (!q.getColumn(5).isNull()) v.dorm = g.dorms(text_of(q.getColumn(5)));
    v.attention = q.getColumn(6).getInt() != 0;
    v.takes_dorms = takes_dorms(text_of(q.getColumn(7)), config);
    v.facts = {q.getColumn(8).getString(), q.getColumn(9).getString(), q.getColumn(10).getInt(),
               q.getColumn(11).getString(), true};
    versions.push_back(std::move(v));
  }
  std::sort(versions.begin(), versions.end(), [](const Version& a, const Version& b) {
    return std::tuple(a.student, to_days(a.from), a.id) < std::tuple(b.student, to_days(b.from), b.id);
  });
  return versions;
}

// Residences (current, in a dorm), eligibility (current and a member, or candidate when
// candidates take dorms) and the facts of the latest version begun on or before `until`
// (else the earliest), from the versions that touch the semester.
void load_versions(SQLite::Database& db, const Window& w, const Config& config, Gathered& g) {
  for (auto& v : read_versions(db, w, config, g)) {
    auto& facts = g.facts_of(v.student);
    const bool zero_length = v.to && to_days(*v.to) <= to_days(v.from);  // holds no day (undone, replaced)
    if (!facts.loaded || (!zero_length && to_days(v.from) <= to_days(w.until))) facts = std::move(v.facts);
    if (zero_length) continue;
    if (v.current && v.dorm >= 0) append_stretch(g.residences, {v.student, v.dorm, v.from, v.to, v.attention});
    append_stretch(g.eligibility, {v.student, -1, v.from, v.to, v.current && v.takes_dorms});
  }
}

// The facts of a student with no version touching the semester: the latest version begun on
// or before `until`, else the earliest; a zero-length version only when there is no other.
Facts load_facts(SQLite::Database& db, const Window& w, const std::string& student) {
  SQLite::Statement q(db,
                      "SELECT name, class_name, cohort, branch, valid_from, "
                      "valid_to IS NOT NULL AND valid_to <= valid_from FROM student_version "
                      "WHERE student_id = :student ORDER BY valid_from, id");
  q.bind(":student", student);
  Facts facts;
  while (q.executeStep()) {
    const auto from = date_of(q.getColumn(4));
    const bool zero_length = q.getColumn(5).getInt() != 0;
    if (!facts.loaded || (!zero_length && from && to_days(*from) <= to_days(w.until)))
      facts = {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt(),
               q.getColumn(3).getString(), true};
  }
  return facts;
}

// The semester's assignment versions in force from a day on or before as_of, in id order.
void load_assignments(SQLite::Database& db, const Window& w, CheckInput& input, Gathered& g) {
  SQLite::Statement q(db,
                      "SELECT a.id, a.valid_from, p.dorm_code, p.member_id FROM assignment a "
                      "LEFT JOIN assignment_pair p ON p.assignment_id = a.id "
                      "WHERE a.semester_id = :semester AND a.valid_from <= :as_of ORDER BY a.id, p.dorm_code");
  bind_window(q, w);
  std::int64_t current = 0;
  while (q.executeStep()) {
    const auto id = q.getColumn(0).getInt64();
    if (input.assignments.empty() || id != current) {
      current = id;
      input.assignments.push_back({date_of(q.getColumn(1)).value_or(Date{}), {}});
    }
    if (!q.getColumn(2).isNull())
      g.pairs.emplace_back(input.assignments.size() - 1, g.dorms(text_of(q.getColumn(2))),
                           g.students(text_of(q.getColumn(3))));
  }
}

// Counselors on the staff roster on as_of, by staff id.
void load_counselors(SQLite::Database& db, const Window& w, CheckInput& input) {
  SQLite::Statement q(db,
                      "SELECT staff_id, name, cohorts, classes FROM staff_duty_version "
                      "WHERE role = 'counselor' AND status = 'current' AND valid_from <= :as_of "
                      "AND (valid_to IS NULL OR valid_to > :as_of) ORDER BY staff_id");
  bind_window(q, w);
  while (q.executeStep())
    input.counselors.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                                decode_cohorts(q.getColumn(2).getString()), decode_list(q.getColumn(3).getString())});
}

// CheckScope: the dorms the counselor's members hold in any version of the semester, with
// every pair and residence of those dorms (who else held one decides who answers for a
// window); the residents of those dorms are the students whose talks are read.
void narrow_to(SQLite::Database& db, const Window& w, int counselor, const CheckInput& input, Gathered& g) {
  g.scoped = true;
  g.scope_dorms.assign(g.dorms.size(), 0);
  std::vector<char> state(g.students.size(), 0);  // by student: 0 not yet seen, 1 the counselor's, 2 not
  for (const auto& [version, dorm, member] : g.pairs) {
    auto& known = state[static_cast<std::size_t>(member)];
    if (known == 0) {
      auto& facts = g.facts_of(member);
      if (!facts.loaded) facts = load_facts(db, w, std::string(g.students.id(member)));
      known = check::counselor_for(input.counselors, facts.class_name, facts.cohort) == counselor ? 1 : 2;
    }
    if (known == 1) g.scope_dorms[static_cast<std::size_t>(dorm)] = 1;
  }
  auto in_scope = [&](int dorm) { return g.scope_dorms[static_cast<std::size_t>(dorm)] != 0; };
  std::erase_if(g.pairs, [&](const auto& pair) { return !in_scope(std::get<1>(pair)); });
  std::erase_if(g.residences, [&](const Stretch& s) { return !in_scope(s.dorm); });
  g.scope_students.assign(g.students.size(), 0);
  for (const auto& s : g.residences) g.scope_students[static_cast<std::size_t>(s.student)] = 1;
}

// What the record scans share.
struct Scan {
  SQLite::Database& db;
  const Window& window;
  const Effective effective;
  Days happened;
  Days entered;
};

// Effective visits per dorm and teaching week, and how many of them were entered after the
// week's Sunday. Counted here as the index yields them (in time order): SQL's GROUP BY would
// sort every visit first, which takes longer than the scan.
void load_visits(Scan& scan, Gathered& g) {
  SQLite::Statement q(scan.db, std::string("SELECT r.id, r.dorm_code, r.happened_at, r.entered_at FROM record r "
                                           "WHERE r.kind = 'visit' AND r.dorm_code IS NOT NULL AND") +
                                   k_in_window);
  bind_window(q, scan.window);
  while (q.executeStep()) {
    if (!scan.effective(q.getColumn(0).getInt64())) continue;
    const int week = scan.happened.week(text_of(q.getColumn(2)));
    if (week < 1 || week > k_max_week) continue;
    const int number = g.scoped_dorm(text_of(q.getColumn(1)));
    if (number < 0) continue;
    const auto dorm = static_cast<std::size_t>(number);
    if (dorm >= g.visits.size()) g.visits.resize(dorm + 1);
    g.visits[dorm][static_cast<std::size_t>(week)]++;
    const auto entered = scan.entered(text_of(q.getColumn(3)));
    if (entered && *entered >= 7 * week) g.visits[dorm][static_cast<std::size_t>(k_max_week + 1 + week)]++;
  }
}

// Per student, the teaching weeks with an effective talk naming them (bit w). One row per
// talk and student, read from talk_student (schema v10) in time order: SQL's join of record
// and record_student probed record_student once per talk, half of the load. OR-ing the bits
// here beats SQL's sum(DISTINCT 1 << week) GROUP BY student, which sorts every row.
void load_talks(Scan& scan, Gathered& g) {
  SQLite::Statement q(scan.db, std::string("SELECT r.record_id, r.happened_at, r.student_id, r.entered_at "
                                           "FROM talk_student r WHERE") +
                                   k_in_window);
  bind_window(q, scan.window);
  while (q.executeStep()) {
    if (!scan.effective(q.getColumn(0).getInt64())) continue;
    const int week = scan.happened.week(text_of(q.getColumn(1)));
    if (week < 1 || week > k_max_week) continue;
    const int number = g.scoped_student(text_of(q.getColumn(2)));
    if (number < 0) continue;
    const auto student = static_cast<std::size_t>(number);
    if (student >= g.talk_weeks.size()) g.talk_weeks.resize(student + 1, 0);
    g.talk_weeks[student] |= std::uint32_t{1} << week;
    if (student >= g.talk_entered.size()) {
      std::array<int, k_max_week + 1> none;
      none.fill(INT_MAX);
      g.talk_entered.resize(student + 1, none);
    }
    const auto entered = scan.entered(text_of(q.getColumn(3))).value_or(-1);  // unreadable: in time
    auto& first = g.talk_entered[student][static_cast<std::size_t>(week)];
    first = std::min(first, entered);
  }
}

// Effective excused, per-semester and incident records, one by one, in id order (sorted here:
// the index yields them by kind and time).
void load_records(Scan& scan, Gathered& g) {
  SQLite::Statement q(scan.db, std::string("SELECT r.id, r.kind, r.member_id, r.dorm_code, r.happened_at, "
                                           "r.entered_at, r.reported_at FROM record r WHERE r.kind IN ") +
                                   k_listed_kinds + " AND" + k_in_window_or_incident);
  bind_window(q, scan.window);
  while (q.executeStep()) {
    const auto id = q.getColumn(0).getInt64();
    if (!scan.effective(id)) continue;
    ListedRecord r;
    r.id = id;
    r.kind = q.getColumn(1).getString();
    r.member = g.students(text_of(q.getColumn(2)));
    r.dorm = q.getColumn(3).isNull() ? -1 : g.dorms(text_of(q.getColumn(3)));
    r.week = scan.happened.week(text_of(q.getColumn(4)));
    r.found = parse_timestamp(text_of(q.getColumn(4)));
    r.entered = parse_iso_date(text_of(q.getColumn(5)).substr(0, 10));
    if (!q.getColumn(6).isNull()) r.reported = parse_timestamp(text_of(q.getColumn(6)));
    if (r.week >= 1) g.records.push_back(std::move(r));
  }
  std::sort(g.records.begin(), g.records.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
}

// Submissions of the semester made on or before as_of.
void load_submissions(SQLite::Database& db, const Window& w, CheckInput& input) {
  SQLite::Statement q(db,
                      "SELECT kind = 'summary', subject_id, period, submitted_at, source = 'member' FROM submission "
                      "WHERE semester_id = :semester AND submitted_at < :after_as_of "
                      "ORDER BY kind, subject_id, period, submitted_at, id");
  bind_window(q, w);
  while (q.executeStep()) {
    const auto submitted = parse_iso_date(text_of(q.getColumn(3)).substr(0, 10));
    if (submitted)
      input.submissions.push_back({q.getColumn(0).getInt() != 0, q.getColumn(4).getInt() != 0,
                                   q.getColumn(1).getString(), q.getColumn(2).getInt(), *submitted});
  }
}

// The marked numbers of an interner in id order: `order` (numbers) and `index` (number ->
// position, -1 when unmarked).
struct Ranking {
  std::vector<int> order;
  std::vector<int> index;
};

Ranking rank(const Interner& interner, const std::vector<bool>& marked) {
  Ranking r;
  for (std::size_t n = 0; n < interner.size(); ++n)
    if (marked[n]) r.order.push_back(static_cast<int>(n));
  std::sort(r.order.begin(), r.order.end(), [&](int a, int b) { return interner.id(a) < interner.id(b); });
  r.index.assign(interner.size(), -1);
  for (std::size_t i = 0; i < r.order.size(); ++i) r.index[static_cast<std::size_t>(r.order[i])] = static_cast<int>(i);
  return r;
}

// The final indices of people and dorms.
struct Rankings {
  Ranking people;
  Ranking dorms;

  int person(int student) const { return people.index[static_cast<std::size_t>(student)]; }
  int dorm(int number) const { return number < 0 ? -1 : dorms.index[static_cast<std::size_t>(number)]; }
};

// People: residents of the semester, assigned members, members of listed records and
// students talked with. Dorms: every dorm one of those names.
Rankings rank_people_and_dorms(const Gathered& g) {
  std::vector<bool> person(g.students.size(), false);
  std::vector<bool> dorm(g.dorms.size(), false);
  for (const auto& s : g.residences) {
    person[static_cast<std::size_t>(s.student)] = true;
    dorm[static_cast<std::size_t>(s.dorm)] = true;
  }
  for (const auto& [version, d, member] : g.pairs) {
    person[static_cast<std::size_t>(member)] = true;
    dorm[static_cast<std::size_t>(d)] = true;
  }
  for (std::size_t s = 0; s < g.talk_weeks.size(); ++s)
    if (g.talk_weeks[s] != 0) person[s] = true;
  for (std::size_t d = 0; d < g.visits.size(); ++d)
    if (std::any_of(g.visits[d].begin(), g.visits[d].end(), [](int n) { return n > 0; })) dorm[d] = true;
  for (const auto& r : g.records) {
    person[static_cast<std::size_t>(r.member)] = true;
    if (r.dorm >= 0) dorm[static_cast<std::size_t>(r.dorm)] = true;
  }
  return {rank(g.students, person), rank(g.dorms, dorm)};
}

// The per-semester kinds by their record kind key.
std::optional<check::CountedKind> counted_kind(const std::string& kind) {
  static const std::pair<const char*, check::CountedKind> k_table[] = {{"activity", check::CountedKind::activity},
                                                                       {"symposium", check::CountedKind::symposium},
                                                                       {"orientation", check::CountedKind::orientation},
                                                                       {"plan", check::CountedKind::plan},
                                                                       {"summary", check::CountedKind::summary}};
  for (const auto& [key, value] : k_table)
    if (kind == key) return value;
  return std::nullopt;
}

// Adds an excused, per-semester or incident record to `input`, with final indices.
void add_record(const ListedRecord& r, int member, int dorm, CheckInput& input) {
  if (r.kind == "excused") {
    input.excuses.push_back({member, dorm, r.week});
  } else if (r.kind == "incident") {
    if (r.found)
      input.incidents.push_back(
          {.id = r.id, .member = member, .dorm = dorm, .found = *r.found, .reported = r.reported});
  } else if (const auto kind = counted_kind(r.kind); kind && r.entered) {
    input.kind_records.push_back({*kind, member, dorm, r.week, *r.entered, r.id});
  }
}

// People and dorms, residences and eligibility, assignment pairs, in final indices.
void fill_rosters(SQLite::Database& db, const Window& w, Gathered& g, const Rankings& r, CheckInput& input) {
  for (const int n : r.people.order) {
    const std::string id(g.students.id(n));
    const Facts facts = g.facts_of(n).loaded ? g.facts_of(n) : load_facts(db, w, id);
    input.people.push_back({id, facts.name, facts.class_name, facts.cohort, facts.branch});
  }
  for (const int n : r.dorms.order) input.dorms.emplace_back(g.dorms.id(n));
  for (const auto& s : g.residences)
    input.residences.push_back({r.person(s.student), r.dorm(s.dorm), s.from, s.to, s.flag});
  for (const auto& s : g.eligibility)
    if (r.person(s.student) >= 0) input.eligibility.push_back({r.person(s.student), s.from, s.to, s.flag});
  auto by_person = [](const auto& a, const auto& b) { return std::tie(a.person, a.from) < std::tie(b.person, b.from); };
  std::sort(input.residences.begin(), input.residences.end(), by_person);
  std::sort(input.eligibility.begin(), input.eligibility.end(), by_person);
  for (const auto& [version, dorm, member] : g.pairs)
    input.assignments[version].pairs.emplace_back(r.dorm(dorm), r.person(member));
  for (auto& a : input.assignments) std::sort(a.pairs.begin(), a.pairs.end());
}

// Visits, talks and listed records, in final indices, sorted.
void fill_records(const Gathered& g, const Rankings& r, CheckInput& input) {
  for (const int n : r.dorms.order) {
    if (static_cast<std::size_t>(n) >= g.visits.size()) continue;
    const auto& counts = g.visits[static_cast<std::size_t>(n)];
    for (std::size_t week = 1; week <= k_max_week; ++week)
      if (counts[week] > 0)
        input.visits.push_back({r.dorm(n), static_cast<int>(week), counts[week], counts[k_max_week + 1 + week]});
  }
  for (const int n : r.people.order) {
    const auto s = static_cast<std::size_t>(n);
    if (s >= g.talk_weeks.size() || g.talk_weeks[s] == 0) continue;
    check::TalkWeeks t{r.person(n), g.talk_weeks[s], {}};
    for (int week = 1; week <= k_max_week; ++week) {
      const int day = g.talk_entered[s][static_cast<std::size_t>(week)];
      if (day != INT_MAX)
        t.first_entered.emplace_back(week, Date{to_days(input.semester.first_monday) + std::chrono::days{day}});
    }
    input.talks.push_back(std::move(t));
  }
  for (const auto& record : g.records) add_record(record, r.person(record.member), r.dorm(record.dorm), input);
  std::sort(input.excuses.begin(), input.excuses.end(), [](const auto& a, const auto& b) {
    return std::tie(a.member, a.dorm, a.week) < std::tie(b.member, b.dorm, b.week);
  });
}

}  // namespace

check::CheckInput load_check_input(Database& database, const Config& config, const Semester& semester, Date as_of,
                                   const CheckScope& scope) {
  CheckInput input;
  input.semester = semester;
  const Window w = make_window(semester, as_of);
  database.transaction([&] {
    auto& db = database.impl().db;
    Gathered g;
    load_versions(db, w, config, g);
    keep_overlapping(g.residences, semester);
    keep_overlapping(g.eligibility, semester);
    load_assignments(db, w, input, g);
    load_counselors(db, w, input);
    const int counselor = scope.counselor ? scope.counselor(input) : -1;
    if (counselor >= 0) narrow_to(db, w, counselor, input, g);
    Scan scan{db, w, Effective(db), Days(semester), Days(semester)};
    load_visits(scan, g);
    load_talks(scan, g);
    load_records(scan, g);
    load_submissions(db, w, input);
    const Rankings rankings = rank_people_and_dorms(g);
    fill_rosters(db, w, g, rankings, input);
    fill_records(g, rankings, input);
    load_check_cases(db, config, as_of, input);
  });
  return input;
}

}  // namespace dormlink::store
