// store::load_check_input: a small college built with the store's own APIs (roster imports,
// assignment versions, records through the hash chain; submissions with plain SQL), loaded as
// of a date and checked field by field.
#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "dormlink/check/obligations.hpp"
#include "dormlink/config.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/store/assignment_store.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/store/record_store.hpp"
#include "dormlink/store/roster_store.hpp"
#include "dormlink/util/csv.hpp"
#include "store/impl.hpp"

using namespace dormlink;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Autumn 2026: week w runs from Monday 2026-09-07 + 7(w-1); the last day is 2027-01-10.
Semester autumn() {
  Semester s;
  s.id = "2026-autumn";
  s.first_monday = ymd(2026, 9, 7);
  s.teaching_weeks = 18;
  s.holiday_weeks = {4};
  s.exam_weeks = {17, 18};
  return s;
}
const Semester k_autumn = autumn();

store::ImportContext on(Date date) {
  store::ImportContext c;
  c.source_name = "roster.csv";
  c.encoding = "UTF-8";
  c.semester_id = "2026-autumn";
  c.effective = date;
  c.imported_at = format_date(date) + " 09:00:00";
  c.imported_by = "counselor";
  return c;
}

constexpr const char* k_student_header = "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注\n";

void import_students(store::Database& db, Date date, const std::string& body) {
  const auto table = util::parse_csv(k_student_header + body, "students.csv");
  store::import_students(db, roster::parse_students(table, {"students.csv", &k_autumn}), on(date));
}

void import_staff(store::Database& db, Date date, const std::string& body) {
  const auto table = util::parse_csv("工号,姓名,角色,负责年级,负责班级,党支部\n" + body, "staff.csv");
  store::import_staff(db, roster::parse_staff(table, {"staff.csv", &k_autumn}), on(date));
}

// The rosters: S6 2022001 (probationary, leaves 10-12), S8 2022009 (leaves before the
// semester), S1 2023001 (member), S2 2023002 (moves 8-305 -> 8-306 on 09-20), S3 2023003
// (attention until 09-20), S4 2024001 (candidate, probationary from 10-12), S5 2024002 (member
// from 10-12; their name is corrected by a second import the same day).
void import_rosters(store::Database& db) {
  const auto dorms = util::parse_csv(
      "寝室,性别,容量\n8-301,男,4\n8-302,男,4\n8-303,男,4\n8-305,男,4\n8-306,男,4\n"
      "8-307,男,4\n",
      "dorms.csv");
  store::import_dorms(db, roster::parse_dorms(dorms, {"dorms.csv", &k_autumn}), on(ymd(2026, 8, 20)));
  const std::string s6 = "2022001,孙六,男,英语,4,英语2201,8-302,13800000006,中共预备党员,第一支部,\n";
  const std::string s1 = "2023001,张三,男,英语,4,英语2301,8-301,13800000001,中共党员,第一支部,\n";
  const std::string s2a = "2023002,李四,男,英语,4,英语2301,8-305,13800000002,群众,,\n";
  const std::string s3 = "2023003,王五,男,英语,4,英语2301,8-305,13800000003,群众,,";
  const std::string s4 = "2024001,赵六,男,英语,3,英语2401,8-302,13800000004,";
  const std::string s5 = "2024002,钱七,男,英语,3,英语2401,8-306,13800000005,";
  import_students(db, ymd(2026, 8, 25),
                  s6 + "2022009,周八,男,英语,4,英语2201,8-303,13800000009,群众,,\n" + s1 + s2a + s3 + "家庭经济困难\n" +
                      s4 + "发展对象,第二支部,\n" + s5 + "群众,,\n");
  const std::string rest_a = s3 + "家庭经济困难\n" + s4 + "发展对象,第二支部,\n" + s5 + "群众,,\n";
  import_students(db, ymd(2026, 9, 1), s6 + s1 + s2a + rest_a);
  const std::string s1_new_phone = "2023001,张三,男,英语,4,英语2301,8-301,13900000001,中共党员,第一支部,\n";
  const std::string s2b = "2023002,李四,男,英语,4,英语2301,8-306,13800000002,群众,,\n";
  import_students(db, ymd(2026, 9, 20),
                  s6 + s1_new_phone + s2b + s3 + "\n" + s4 + "发展对象,第二支部,\n" + s5 + "群众,,\n");
  import_students(db, ymd(2026, 10, 12),
                  s1_new_phone + s2b + s3 + "\n" + s4 + "中共预备党员,第二支部,\n" + s5 + "中共党员,第二支部,\n");
  import_students(db, ymd(2026, 10, 12),
                  s1_new_phone + s2b + s3 + "\n" + s4 + "中共预备党员,第二支部,\n" +
                      "2024002,钱柒,男,英语,3,英语2401,8-306,13800000005,中共党员,第二支部,\n");
}

// T01 and T02 are counselors from 09-01, T03 a head teacher; on 10-01 T02 leaves and T04 comes.
void import_counselors(store::Database& db) {
  import_staff(db, ymd(2026, 9, 1),
               "T01,周老师,辅导员,2023级,英语2301,\nT02,吴老师,辅导员,2024级,,\n"
               "T03,郑老师,班主任,,英语2401,\n");
  import_staff(db, ymd(2026, 10, 1),
               "T01,周老师,辅导员,2023级,英语2301,\nT03,郑老师,班主任,,英语2401,\n"
               "T04,钱老师,辅导员,2024级;2025级,英语2401;英语2402,\n");
}

std::int64_t save_version(store::Database& db, const std::string& semester, const std::string& valid_from,
                          std::optional<std::int64_t> supersedes,
                          const std::vector<std::pair<std::string, std::string>>& pairs) {
  store::AssignmentRecord a;
  a.semester_id = semester;
  a.kind = supersedes ? "repair" : "solve";
  a.valid_from = valid_from;
  a.supersedes = supersedes;
  a.created_at = valid_from + " 08:00:00";
  a.created_by = "counselor";
  for (const auto& [dorm, member] : pairs) a.pairs.push_back({dorm, member, 0, false});
  return store::save_assignment(db, a);
}

// Three versions of the autumn chain (the third from after the evaluation date) and one of
// another semester.
void save_assignments(store::Database& db) {
  const auto v1 = save_version(db, "2026-autumn", "2026-09-07", std::nullopt,
                               {{"8-301", "2024001"}, {"8-305", "2023001"}, {"8-306", "2023001"}});
  const auto v2 = save_version(db, "2026-autumn", "2026-10-12", v1,
                               {{"8-302", "2024001"}, {"8-305", "2023001"}, {"8-306", "2024002"}});
  save_version(db, "2026-autumn", "2026-11-02", v2, {{"8-307", "2023001"}});
  save_version(db, "2026-spring", "2026-03-02", std::nullopt, {{"8-303", "2022009"}});
}

// A record to append: kind, member and time, then what else it has.
class Rec {
 public:
  Rec(records::Kind kind, std::string member, std::string happened) {
    m_row.kind = kind;
    m_row.member_id = std::move(member);
    m_row.semester_id = "2026-autumn";
    m_row.happened_at = std::move(happened);
    m_row.entered_at = m_row.happened_at + ":00";
    m_row.entered_by = "test";
    if (kind == records::Kind::excused) m_row.reason = "resident_away";
    if (kind == records::Kind::incident) m_row.incident = records::Incident{};
  }
  Rec& in(std::string dorm) {
    m_row.dorm_code = std::move(dorm);
    return *this;
  }
  Rec& with(std::vector<std::string> students) {
    m_row.students = std::move(students);
    return *this;
  }
  Rec& entered(std::string at) {
    m_row.entered_at = std::move(at);
    return *this;
  }
  Rec& corrects(std::int64_t id) {
    m_row.corrects = id;
    m_row.reason = "test";
    return *this;
  }
  Rec& reported(std::string at) {
    m_row.incident->reported_to = StaffRole::counselor;
    m_row.incident->reported_at = std::move(at);
    return *this;
  }
  Rec& semester(std::string id) {
    m_row.semester_id = std::move(id);
    return *this;
  }
  const records::Row& row() const { return m_row; }

 private:
  records::Row m_row;
};

std::int64_t add(store::Database& db, const Rec& rec) {
  return store::append_record(db, rec.row(), records::Content{"progress", std::nullopt, std::nullopt}).id;
}

// The records, numbered as the chain numbers them (the comments give their weeks).
void add_records(store::Database& db) {
  using records::Kind;
  const std::string s1 = "2023001";
  const std::string s4 = "2024001";
  // Visits: 8-305 week 1 (one entered late), week 2 (one entered late, then purged).
  CHECK(add(db, Rec(Kind::visit, s1, "2026-09-08 10:00").in("8-305").with({"2023002", "2023003"})) == 1);
  CHECK(add(db, Rec(Kind::visit, s1, "2026-09-13 23:59").in("8-305").entered("2026-09-14 00:30:00")) == 2);
  CHECK(add(db, Rec(Kind::visit, s1, "2026-09-14 00:00").in("8-305").entered("2026-09-14 08:00:00")) == 3);
  // 8-306: #4 withdrawn (#5); #6 corrected from week 1 to week 2 (#7).
  CHECK(add(db, Rec(Kind::visit, s1, "2026-09-09 19:00").in("8-306")) == 4);
  CHECK(add(db, Rec(Kind::withdrawal, s1, "2026-09-10 08:00").in("8-306").corrects(4)) == 5);
  CHECK(add(db, Rec(Kind::visit, s1, "2026-09-10 19:00").in("8-306")) == 6);
  CHECK(add(db, Rec(Kind::visit, s1, "2026-09-15 19:00").in("8-306").entered("2026-09-16 09:00:00").corrects(6)) == 7);
  CHECK(add(db, Rec(Kind::visit, s1, "2026-09-16 19:00").in("8-305").entered("2026-09-21 09:00:00")) == 8);
  CHECK(add(db, Rec(Kind::purge, s1, "2026-09-30 08:00").in("8-305").corrects(8)) == 9);
  store::purge_content(db, 8);
  // Talks: #10 (week 1, purged by #17), #11 (week 3), #12 withdrawn (#13), #14 -> #15 -> #16.
  CHECK(add(db, Rec(Kind::talk, s1, "2026-09-09 20:00").in("8-305").with({"2023002", "2023003"})) == 10);
  CHECK(add(db, Rec(Kind::talk, s1, "2026-09-22 20:00").in("8-306").with({"2023002"})) == 11);
  CHECK(add(db, Rec(Kind::talk, s1, "2026-09-23 20:00").in("8-305").with({"2023003"})) == 12);
  CHECK(add(db, Rec(Kind::withdrawal, s1, "2026-09-24 08:00").in("8-305").corrects(12)) == 13);
  CHECK(add(db, Rec(Kind::talk, s1, "2026-09-29 20:00").in("8-305").with({"2023003"})) == 14);
  CHECK(add(db, Rec(Kind::talk, s1, "2026-10-06 20:00").in("8-305").with({"2023003"}).corrects(14)) == 15);
  CHECK(add(db, Rec(Kind::talk, s1, "2026-10-13 20:00").in("8-305").with({"2023003"}).corrects(15)) == 16);
  CHECK(add(db, Rec(Kind::purge, s1, "2026-10-14 08:00").in("8-305").corrects(10)) == 17);
  // Excused: a dorm's week 2, all of S1's dorms in week 3; S4's week 4, withdrawn.
  CHECK(add(db, Rec(Kind::excused, s1, "2026-09-16 08:00").in("8-306")) == 18);
  CHECK(add(db, Rec(Kind::excused, s1, "2026-09-24 08:00")) == 19);
  CHECK(add(db, Rec(Kind::excused, s4, "2026-09-30 08:00")) == 20);
  CHECK(add(db, Rec(Kind::withdrawal, s4, "2026-10-01 08:00").corrects(20)) == 21);
  // Per-semester kinds (the activity entered 12 days late) and incidents.
  CHECK(add(db,
            Rec(Kind::activity, s1, "2026-09-18 19:00").in("8-305").with({"2023003"}).entered("2026-09-30 10:00:00")) ==
        22);
  CHECK(add(db, Rec(Kind::symposium, s4, "2026-10-14 19:00").in("8-301").entered("2026-10-14 21:00:00")) == 23);
  CHECK(add(db, Rec(Kind::orientation, s4, "2026-09-10 19:00").in("8-302")) == 24);
  CHECK(add(db, Rec(Kind::plan, s1, "2026-09-12 10:00").entered("2026-09-12 10:05:00")) == 25);
  CHECK(add(db, Rec(Kind::summary, "2024002", "2026-10-20 10:00")) == 26);
  CHECK(add(db, Rec(Kind::incident, s1, "2026-09-20 22:30").in("8-305").reported("2026-09-21 09:00")) == 27);
  CHECK(add(db, Rec(Kind::incident, s4, "2026-10-03 23:00").in("8-302")) == 28);
  // An off-assignment visit (week 5), a visit after the date, a talk in its last minute
  // (entered the next day), another semester's visit, one before the first Monday, an
  // education record (counted by nothing), a plan after the date.
  CHECK(add(db, Rec(Kind::visit, s1, "2026-10-06 10:00").in("8-303")) == 29);
  CHECK(add(db, Rec(Kind::visit, s1, "2026-10-26 10:00").in("8-305")) == 30);
  CHECK(add(db, Rec(Kind::talk, s1, "2026-10-25 23:59").in("8-306").with({"2024002"}).entered("2026-10-26 08:00:00")) ==
        31);
  CHECK(add(db, Rec(Kind::visit, s1, "2026-04-01 10:00").in("8-305").semester("2026-spring")) == 32);
  CHECK(add(db, Rec(Kind::visit, s1, "2026-09-06 10:00").in("8-305")) == 33);
  CHECK(add(db, Rec(Kind::education, s1, "2026-09-15 10:00").in("8-305")) == 34);
  CHECK(add(db, Rec(Kind::plan, s4, "2026-10-27 10:00")) == 35);
}

// Submissions with plain SQL: two feedback forms and a summary by the date, one form after it,
// one of another semester.
void add_submissions(store::Database& db) {
  SQLite::Statement q(
      db.impl().db,
      "INSERT INTO submission (kind, subject_id, semester_id, period, submitted_at, submitted_by, due_date, late, "
      "language, format, document, document_sha256, chain_head, record_count) "
      "VALUES (?, ?, ?, ?, ?, 'test', '2026-09-21', 0, 'zh', 'md', '', '', '', 0)");
  const std::vector<std::tuple<const char*, const char*, const char*, int, const char*>> rows = {
      {"feedback", "2023001", "2026-autumn", 1, "2026-09-21 09:00:00"},
      {"summary", "T01", "2026-autumn", 1, "2026-09-22 10:00:00"},
      {"feedback", "2024001", "2026-autumn", 2, "2026-10-25 23:59:59"},
      {"feedback", "2023001", "2026-autumn", 3, "2026-10-26 00:00:00"},
      {"feedback", "2023001", "2026-spring", 1, "2026-03-16 09:00:00"},
  };
  for (const auto& [kind, subject, semester, period, at] : rows) {
    q.reset();
    SQLite::bind(q, kind, subject, semester, period, at);
    q.exec();
  }
}

store::Database college() {
  auto db = store::Database::in_memory();
  import_rosters(db);
  import_counselors(db);
  save_assignments(db);
  add_records(db);
  add_submissions(db);
  return db;
}

// Readable renderings, so that a failed CHECK shows the whole list.
std::string show(const std::optional<Date>& d) { return d ? format_date(*d) : "-"; }
std::string show(const std::optional<LocalDateTime>& t) { return t ? format_local(*t) : "-"; }

std::vector<std::string> people_of(const check::CheckInput& in) {
  std::vector<std::string> out;
  for (const auto& p : in.people)
    out.push_back(fmt::format("{} {} {} {} {}", p.id, p.name, p.class_name, p.cohort, p.branch));
  return out;
}
std::vector<std::string> residences_of(const check::CheckInput& in) {
  std::vector<std::string> out;
  for (const auto& r : in.residences)
    out.push_back(fmt::format("{} {} {} {} {}", r.person, r.dorm, format_date(r.from), show(r.to), r.attention));
  return out;
}
std::vector<std::string> eligibility_of(const check::CheckInput& in) {
  std::vector<std::string> out;
  for (const auto& e : in.eligibility)
    out.push_back(fmt::format("{} {} {} {}", e.person, format_date(e.from), show(e.to), e.eligible));
  return out;
}
std::vector<std::string> assignments_of(const check::CheckInput& in) {
  std::vector<std::string> out;
  for (const auto& a : in.assignments) {
    std::string line = format_date(a.valid_from);
    for (const auto& [dorm, member] : a.pairs) line += fmt::format(" {}:{}", dorm, member);
    out.push_back(line);
  }
  return out;
}
std::vector<std::string> counselors_of(const check::CheckInput& in) {
  std::vector<std::string> out;
  for (const auto& c : in.counselors)
    out.push_back(fmt::format("{} {} {} {}", c.staff_id, c.name, fmt::join(c.cohorts, ","), fmt::join(c.classes, ",")));
  return out;
}
std::vector<std::string> visits_of(const check::CheckInput& in) {
  std::vector<std::string> out;
  for (const auto& v : in.visits) out.push_back(fmt::format("{} w{} {} late {}", v.dorm, v.week, v.visits, v.late));
  return out;
}
std::vector<std::string> excuses_of(const check::CheckInput& in) {
  std::vector<std::string> out;
  for (const auto& e : in.excuses) out.push_back(fmt::format("{} {} w{}", e.member, e.dorm, e.week));
  return out;
}
std::vector<std::string> talks_of(const check::CheckInput& in) {
  std::vector<std::string> out;
  for (const auto& t : in.talks) out.push_back(fmt::format("{} {:#x}", t.person, t.weeks));
  return out;
}
std::vector<std::string> kind_records_of(const check::CheckInput& in) {
  static const char* const k_names[] = {"activity", "symposium", "orientation", "plan", "summary"};
  std::vector<std::string> out;
  for (const auto& k : in.kind_records)
    out.push_back(fmt::format("#{} {} {} {} w{} {}", k.id, k_names[static_cast<int>(k.kind)], k.member, k.dorm, k.week,
                              format_date(k.entered)));
  return out;
}
std::vector<std::string> incidents_of(const check::CheckInput& in) {
  std::vector<std::string> out;
  for (const auto& i : in.incidents)
    out.push_back(fmt::format("#{} {} {} {} {}", i.id, i.member, i.dorm, format_local(i.found), show(i.reported)));
  return out;
}
std::vector<std::string> submissions_of(const check::CheckInput& in) {
  std::vector<std::string> out;
  for (const auto& s : in.submissions)
    out.push_back(fmt::format("{} {} p{} {}", s.summary ? "summary" : "feedback", s.subject_id, s.period,
                              format_date(s.submitted)));
  return out;
}

using Lines = std::vector<std::string>;

// One line per entry, so that a failed check prints both lists.
std::string joined(const Lines& lines) { return fmt::format("\n{}\n", fmt::join(lines, "\n")); }

}  // namespace

#define CHECK_LINES(actual, ...) CHECK(joined(actual) == joined(Lines __VA_ARGS__))

TEST_SUITE("store.check") {
  // People (by id): 0 2022001 S6, 1 2023001 S1, 2 2023002 S2, 3 2023003 S3, 4 2024001 S4,
  // 5 2024002 S5. Dorms: 0 8-301, 1 8-302, 2 8-303, 3 8-305, 4 8-306.
  TEST_CASE("a semester as of a date: every field") {
    auto db = college();
    const auto in = store::load_check_input(db, Config{}, k_autumn, ymd(2026, 10, 25));
    CHECK(in.semester == k_autumn);
    CHECK_LINES(people_of(in), {"2022001 孙六 英语2201 2023 第一支部", "2023001 张三 英语2301 2023 第一支部",
                                "2023002 李四 英语2301 2023 ", "2023003 王五 英语2301 2023 ",
                                "2024001 赵六 英语2401 2024 第二支部", "2024002 钱柒 英语2401 2024 第二支部"});
    CHECK_LINES(in.dorms, {"8-301", "8-302", "8-303", "8-305", "8-306"});
    // S1's phone change and S4's and S5's status changes keep one stretch; S2 moved; S3's
    // attention ended; S6 left.
    CHECK_LINES(residences_of(in),
                {"0 1 2026-08-25 2026-10-12 false", "1 0 2026-08-25 - false", "2 3 2026-08-25 2026-09-20 false",
                 "2 4 2026-09-20 - false", "3 3 2026-08-25 2026-09-20 true", "3 3 2026-09-20 - false",
                 "4 1 2026-08-25 - false", "5 4 2026-08-25 - false"});
    // S4 went from candidate to probationary member (eligible throughout); S5 became a member
    // (the same-day re-import's zero-length version holds no day); S6 left.
    CHECK_LINES(eligibility_of(in), {"0 2026-08-25 2026-10-12 true", "0 2026-10-12 - false", "1 2026-08-25 - true",
                                     "2 2026-08-25 - false", "3 2026-08-25 - false", "4 2026-08-25 - true",
                                     "5 2026-08-25 2026-10-12 false", "5 2026-10-12 - true"});
    CHECK_LINES(assignments_of(in), {"2026-09-07 0:4 3:1 4:1", "2026-10-12 1:4 3:1 4:5"});
    CHECK_LINES(counselors_of(in), {"T01 周老师 2023 英语2301", "T04 钱老师 2024,2025 英语2401,英语2402"});
    CHECK_LINES(visits_of(in), {"2 w5 1 late 0", "3 w1 2 late 1", "3 w2 2 late 1", "4 w2 1 late 0"});
    CHECK_LINES(excuses_of(in), {"1 -1 w3", "1 4 w2"});
    // S2: weeks 1 and 3; S3: week 1 (purged talk #10) and 6 (#16, the last correction); S5: 7.
    CHECK_LINES(talks_of(in), {"2 0xa", "3 0x42", "5 0x80"});
    CHECK_LINES(kind_records_of(in),
                {"#22 activity 1 3 w2 2026-09-30", "#23 symposium 4 0 w6 2026-10-14",
                 "#24 orientation 4 1 w1 2026-09-10", "#25 plan 1 -1 w1 2026-09-12", "#26 summary 5 -1 w7 2026-10-20"});
    CHECK_LINES(incidents_of(in), {"#27 1 3 2026-09-20 22:30 2026-09-21 09:00", "#28 4 1 2026-10-03 23:00 -"});
    CHECK_LINES(submissions_of(in),
                {"feedback 2023001 p1 2026-09-21", "feedback 2024001 p2 2026-10-25", "summary T01 p1 2026-09-22"});
  }

  TEST_CASE("records count by the day they happened, up to the date") {
    auto db = college();
    SUBCASE("the day before the last talk: S5 has no talk, the form of period 2 is not yet in") {
      const auto in = store::load_check_input(db, Config{}, k_autumn, ymd(2026, 10, 24));
      CHECK_LINES(talks_of(in), {"2 0xa", "3 0x42"});
      CHECK_LINES(submissions_of(in), {"feedback 2023001 p1 2026-09-21", "summary T01 p1 2026-09-22"});
      CHECK(kind_records_of(in).size() == 5);
    }
    SUBCASE("after the semester: every autumn record, but records count only inside its weeks") {
      const auto in = store::load_check_input(db, Config{}, k_autumn, ymd(2027, 3, 1));
      CHECK_LINES(visits_of(in), {"2 w5 1 late 0", "3 w1 2 late 1", "3 w2 2 late 1", "3 w8 1 late 0", "4 w2 1 late 0"});
      CHECK(kind_records_of(in).back() == "#35 plan 4 -1 w8 2026-10-27");
      CHECK(assignments_of(in).size() == 3);
      CHECK(assignments_of(in)[2] == "2026-11-02 5:1");  // 8-307 (dorm 5) joins the dorms
      CHECK(in.dorms.back() == "8-307");
    }
  }

  TEST_CASE("before the semester: names from the earliest versions, no records, no assignment") {
    auto db = college();
    const auto in = store::load_check_input(db, Config{}, k_autumn, ymd(2026, 8, 1));
    CHECK(people_of(in)[5] == "2024002 钱七 英语2401 2024 ");
    CHECK(in.residences.size() == 8);
    CHECK(in.assignments.empty());
    CHECK(in.counselors.empty());
    CHECK(in.visits.empty());
    CHECK(in.talks.empty());
    CHECK(in.excuses.empty());
    CHECK(in.kind_records.empty());
    CHECK(in.incidents.empty());
    CHECK(in.submissions.empty());
  }

  TEST_CASE("candidates are eligible only when assignment.candidates_take_dorms") {
    auto db = college();
    Config config;
    config.assignment.candidates_take_dorms = false;
    const auto in = store::load_check_input(db, config, k_autumn, ymd(2026, 10, 25));
    CHECK(eligibility_of(in)[5] == "4 2026-08-25 2026-10-12 false");
    CHECK(eligibility_of(in)[6] == "4 2026-10-12 - true");
  }

  TEST_CASE("an empty database loads an empty input") {
    auto db = store::Database::in_memory();
    const auto in = store::load_check_input(db, Config{}, k_autumn, ymd(2026, 10, 25));
    CHECK(in.people.empty());
    CHECK(in.dorms.empty());
    CHECK(in.assignments.empty());
    CHECK(in.visits.empty());
  }
}

TEST_SUITE("store.check") {
  TEST_CASE("after an undone import, people carry the facts from before it") {
    auto db = college();
    const auto table = util::parse_csv(
        std::string(k_student_header) + "2023001,张叁,男,英语,4,英语2302,8-301,13900000001,中共党员,第一支部,\n",
        "rename.csv");
    auto context = on(ymd(2026, 10, 20));
    context.departures = false;
    const auto rename = store::import_students(db, roster::parse_students(table, {"rename.csv", &k_autumn}), context);
    const auto renamed = store::load_check_input(db, Config{}, k_autumn, ymd(2026, 10, 25));
    CHECK(people_of(renamed)[1] == "2023001 张叁 英语2302 2023 第一支部");
    store::undo_import(db, {rename.batch_id, "2026-10-21 09:00:00", "counselor", false});
    const auto undone = store::load_check_input(db, Config{}, k_autumn, ymd(2026, 10, 25));
    CHECK(people_of(undone)[1] == "2023001 张三 英语2301 2023 第一支部");
  }
}

namespace {

// An obligation by ids (indices differ between a scoped and a whole input).
std::string obligation_line(const check::CheckInput& in, const check::Obligation& o) {
  auto person = [&](int i) { return i < 0 ? std::string("-") : in.people[static_cast<std::size_t>(i)].id; };
  const std::string dorm = o.dorm < 0 ? "-" : in.dorms[static_cast<std::size_t>(o.dorm)];
  const std::string counselor = o.counselor < 0 ? "-" : in.counselors[static_cast<std::size_t>(o.counselor)].staff_id;
  return fmt::format("{} {} {} {} {} {} p{} #{} {}..{} due {} {}/{} late {} {}min", check::to_string(o.rule),
                     check::to_string(o.status), counselor, person(o.member), dorm, person(o.student), o.period,
                     o.record_id, format_date(o.window_from), format_date(o.window_to), format_date(o.due), o.found,
                     o.expected, o.late, o.minutes);
}

std::vector<std::string> obligations_for(const check::CheckInput& in, const Config& config, Date as_of,
                                         const std::string& staff_id) {
  check::EvaluateOptions options;
  options.keep_met = true;
  for (std::size_t i = 0; i < in.counselors.size(); ++i)
    if (in.counselors[i].staff_id == staff_id) options.counselor = static_cast<int>(i);
  std::vector<std::string> out;
  for (const auto& o : check::evaluate(in, config, as_of, options)) out.push_back(obligation_line(in, o));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_SUITE("store.check") {
  // S1 (T01's member) holds 8-306 in the first version, S5 (T04's) in the second, from 10-12,
  // inside a biweekly or monthly talk period: a scoped load keeps every pair of a dorm its
  // counselor's members ever held, since the holder at a window's end answers for it.
  TEST_CASE("a load scoped to a counselor gives that counselor exactly the obligations of the whole load") {
    auto db = college();
    Config config;
    SUBCASE("weekly talks") { config.duties.talk_period = Period::week; }
    SUBCASE("biweekly talks") { config.duties.talk_period = Period::biweek; }
    SUBCASE("monthly talks") { config.duties.talk_period = Period::month; }
    for (const Date as_of :
         {ymd(2026, 9, 20), ymd(2026, 10, 5), ymd(2026, 10, 25), ymd(2026, 11, 10), ymd(2027, 1, 10)}) {
      const auto whole = store::load_check_input(db, config, k_autumn, as_of);
      REQUIRE_FALSE(whole.counselors.empty());
      for (const auto& c : whole.counselors) {
        INFO(format_date(as_of) << " counselor " << c.staff_id);
        store::CheckScope scope;
        scope.counselor = [&](const check::CheckInput& in) {
          for (std::size_t i = 0; i < in.counselors.size(); ++i)
            if (in.counselors[i].staff_id == c.staff_id) return static_cast<int>(i);
          return -1;
        };
        const auto scoped = store::load_check_input(db, config, k_autumn, as_of, scope);
        const auto expected = obligations_for(whole, config, as_of, c.staff_id);
        CHECK(joined(obligations_for(scoped, config, as_of, c.staff_id)) == joined(expected));
        if (c.staff_id == "T04" && as_of == ymd(2026, 10, 25)) {
          CHECK_FALSE(expected.empty());
          CHECK(scoped.people.size() < whole.people.size());  // S3 and S6 of T01's dorms are not read
        }
      }
    }
  }
}
