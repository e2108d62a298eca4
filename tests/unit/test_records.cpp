#include <doctest/doctest.h>

#include "dormlink/error.hpp"
#include "dormlink/records/entry.hpp"

using namespace dormlink;
using namespace dormlink::records;
using namespace std::chrono;

namespace {

roster::StudentRow student(const char* id, const char* name, const char* dorm, PoliticalStatus status) {
  roster::StudentRow s;
  s.student_id = id;
  s.facts.name = name;
  s.facts.dorm = dorm;
  s.facts.status = status;
  return s;
}

struct Fixture {
  roster::Snapshot snapshot;
  std::map<std::string, std::string> assignment{{"8-305", "M1"}};
  Calendar calendar;
  Fixture() {
    snapshot.students = {student("M1", "李晴紫", "9-101", PoliticalStatus::party_member),
                         student("M2", "李晴", "9-102", PoliticalStatus::candidate),
                         student("S1", "张三", "8-305", PoliticalStatus::masses),
                         student("S2", "王五", "8-306", PoliticalStatus::masses)};
    for (const char* code : {"8-305", "8-306", "9-101", "9-102"}) {
      roster::DormRow d;
      d.dorm = *parse_dorm_code(code);
      snapshot.dorms.push_back(d);
    }
    Semester s;
    s.id = "2026-autumn";
    s.first_monday = Date{year{2026}, month{9}, day{7}};
    s.teaching_weeks = 18;
    calendar.semesters.push_back(s);
  }
  EntryContext context(bool with_assignment = true) {
    return EntryContext{&snapshot,
                        with_assignment ? &assignment : nullptr,
                        &calendar,
                        LocalDateTime{Date{year{2026}, month{10}, day{12}}, 21, 0, true},
                        {}};
  }
};

EntryRequest visit(const char* member, const char* dorm) {
  EntryRequest r;
  r.member = member;
  r.dorm = dorm;
  r.at = LocalDateTime{Date{year{2026}, month{10}, day{12}}, 19, 30, true};
  return r;
}

std::vector<std::string> problems_of(const EntryRequest& r, const EntryContext& c) {
  try {
    resolve_entry(r, c);
  } catch (const DataError& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.message);
    return out;
  }
  return {};
}

}  // namespace

TEST_SUITE("records.entry") {
  TEST_CASE("a visit by the assigned member resolves ids, semester and time") {
    Fixture f;
    auto r = visit("李晴紫", "8栋305");
    r.talked = {"张三"};
    auto e = resolve_entry(r, f.context());
    CHECK(e.row.member_id == "M1");
    CHECK(e.member_name == "李晴紫");
    CHECK(e.row.dorm_code == "8-305");
    CHECK(e.row.semester_id == "2026-autumn");
    CHECK(e.row.happened_at == "2026-10-12 19:30");
    CHECK(e.row.students == std::vector<std::string>{"S1"});
    CHECK_FALSE(e.row.off_assignment);
  }

  TEST_CASE("an exact name wins over a prefix, an ambiguous prefix is refused") {
    Fixture f;
    auto exact = visit("李晴", "8-305");
    exact.reason = "代为走访";
    CHECK(resolve_entry(exact, f.context()).row.member_id == "M2");
    auto problems = problems_of(visit("李", "8-305"), f.context());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "--member \"李\": 2 students match (李晴紫 M1, 李晴 M2); give the student id");
  }

  TEST_CASE("a member and residents can be typed in pinyin") {
    Fixture f;
    auto r = visit("liqingzi", "8-305");
    r.talked = {"zs"};
    auto e = resolve_entry(r, f.context());
    CHECK(e.row.member_id == "M1");
    CHECK(e.row.students == std::vector<std::string>{"S1"});
    auto full = visit("li qing", "8-305");  // a full reading beats the prefix of 李晴紫
    full.reason = "代为走访";
    CHECK(resolve_entry(full, f.context()).row.member_id == "M2");
    CHECK(problems_of(visit("liq", "8-305"), f.context()) ==
          std::vector<std::string>{"--member \"liq\": 2 students match (李晴紫 M1, 李晴 M2); give the student id"});
  }

  TEST_CASE("--member among several matches takes the one Party member, --talked does not narrow") {
    Fixture f;
    f.snapshot.students.push_back(student("S3", "李青", "8-306", PoliticalStatus::masses));
    f.snapshot.students.push_back(student("S4", "林巧珍", "8-306", PoliticalStatus::masses));
    auto r = visit("lqz", "8-305");  // 李晴紫 (member) and 林巧珍 (masses) share the initials
    CHECK(resolve_entry(r, f.context()).row.member_id == "M1");
    CHECK(find_member("lqz", f.context()).student_id == "M1");
    // Two members still need the id (the "liq" case above).
    CHECK_THROWS_WITH_AS(find_member("张三", f.context()), doctest::Contains("not a Party member"), DataError);
  }

  TEST_CASE("every check has its message") {
    Fixture f;
    SUBCASE("not a member") {
      CHECK(problems_of(visit("张三", "8-305"), f.context()) ==
            std::vector<std::string>{"--member \"张三\": 张三 S1 is 群众, not a Party member or candidate"});
    }
    SUBCASE("unknown member and dorm") {
      CHECK(problems_of(visit("nobody", "8-999"), f.context()) ==
            std::vector<std::string>{"--member \"nobody\": no current student has that id or name",
                                     "--dorm \"8-999\": no such dorm; write building-room like 8-305"});
    }
    SUBCASE("not assigned, and no assignment at all") {
      CHECK(problems_of(visit("M1", "8-306"), f.context()) ==
            std::vector<std::string>{
                "李晴紫 M1 is not assigned to dorm 8-306 on 2026-10-12; pass --reason to record it anyway"});
      CHECK(problems_of(visit("M1", "8-305"), f.context(false)) ==
            std::vector<std::string>{"no assignment is committed for 2026-autumn on 2026-10-12; run `dormlink assign`, "
                                     "or pass --reason to record it anyway"});
    }
    SUBCASE("a resident of another dorm") {
      auto r = visit("M1", "8-305");
      r.talked = {"王五"};
      CHECK(problems_of(r, f.context()) ==
            std::vector<std::string>{"--talked \"王五\": 王五 S2 does not live in dorm 8-305 on 2026-10-12"});
    }
    SUBCASE("in the future, outside the semester") {
      auto r = visit("M1", "8-305");
      r.at = LocalDateTime{Date{year{2026}, month{10}, day{12}}, 21, 30, true};
      CHECK(
          problems_of(r, f.context()) ==
          std::vector<std::string>{
              "--at \"2026-10-12 21:30\" is later than now (2026-10-12 21:00); a record is entered after it happened"});
      r.at = LocalDateTime{Date{year{2026}, month{8}, day{1}}, 10, 0, true};
      CHECK(problems_of(r, f.context()) ==
            std::vector<std::string>{"--at \"2026-08-01 10:00\" is before every semester of the config"});
    }
    SUBCASE("contacts need a dorm, excuses a reason") {
      auto r = visit("M1", "8-305");
      r.dorm.reset();
      CHECK(problems_of(r, f.context()) == std::vector<std::string>{"a visit needs --dorm"});
      r.kind = Kind::excused;
      CHECK(problems_of(r, f.context()) ==
            std::vector<std::string>{
                "an excused record needs --reason (resident away, dorm empty, holiday, ill, placement...)"});
    }
  }

  TEST_CASE("incidents need a category, a report cannot come before the finding") {
    Fixture f;
    auto r = visit("M1", "8-305");
    r.kind = Kind::incident;
    CHECK(problems_of(r, f.context()) ==
          std::vector<std::string>{"an incident needs --category (赌博, 打架, 上网成瘾, 私自在外住宿, 使用违规电器, "
                                   "无故旷课, 其他违纪, 突发事件)"});
    r.incident =
        Incident{IncidentCategory::banned_appliance, Severity::medium, StaffRole::counselor, "2026-10-12 19:00"};
    CHECK(problems_of(r, f.context()) ==
          std::vector<std::string>{
              "--reported-at \"2026-10-12 19:00\" is before the incident was found (2026-10-12 19:30)"});
    r.incident->reported_at = "2026-10-12 20:00";
    auto e = resolve_entry(r, f.context());
    REQUIRE(e.row.incident.has_value());
    CHECK(e.row.incident->category == IncidentCategory::banned_appliance);
    CHECK(parse_incident_category("夜不归宿") == IncidentCategory::overnight_absence);
    CHECK(parse_severity("严重") == Severity::high);
    Row without = e.row;
    without.incident->reported_at = "2026-10-12 21:00";
    CHECK(canonical_row(e.row, "d") != canonical_row(without, "d"));
  }

  TEST_CASE("between semesters only incidents and excused absences are recorded, to the semester that ended") {
    Fixture f;
    auto context = f.context();
    context.now = LocalDateTime{Date{year{2027}, month{1}, day{21}}, 10, 0, true};  // autumn ended 2027-01-10
    auto r = visit("M1", "8-305");
    r.at = LocalDateTime{Date{year{2027}, month{1}, day{20}}, 23, 10, true};
    CHECK(problems_of(r, context) ==
          std::vector<std::string>{"--at \"2027-01-20 23:10\" is outside every semester of the config (2026-autumn "
                                   "ended on 2027-01-10); between semesters only incidents and excused absences are "
                                   "recorded"});
    r.kind = Kind::incident;
    r.incident = Incident{IncidentCategory::banned_appliance, std::nullopt, StaffRole::counselor, std::nullopt};
    const auto incident = resolve_entry(r, context);
    CHECK(incident.row.semester_id == "2026-autumn");
    CHECK_FALSE(incident.row.off_assignment);  // the dorm's last assignment holds it
    r.kind = Kind::excused;
    r.incident.reset();
    r.dorm.reset();
    r.reason = "寒假";
    CHECK(resolve_entry(r, context).row.semester_id == "2026-autumn");
  }

  TEST_CASE("a report time is never after the moment of entry") {
    Fixture f;  // now: 2026-10-12 21:00
    auto r = visit("M1", "8-305");
    r.kind = Kind::incident;
    r.incident = Incident{IncidentCategory::fighting, std::nullopt, StaffRole::counselor, "2026-10-18 09:00"};
    CHECK(
        problems_of(r, f.context()) ==
        std::vector<std::string>{"--reported-at \"2026-10-18 09:00\" is later than now (2026-10-12 21:00); record the "
                                 "report once it was made"});
    r.incident->reported_at = "2026-10-12 21:01";
    CHECK(problems_of(r, f.context()).size() == 1);
    r.incident->reported_at = "2026-10-12 21:00";
    CHECK(problems_of(r, f.context()).empty());
  }

  TEST_CASE("a member cannot be one of the residents talked with") {
    Fixture f;
    auto r = visit("M1", "8-305");
    r.kind = Kind::talk;
    r.talked = {"张三", "李晴紫"};
    CHECK(problems_of(r, f.context()) ==
          std::vector<std::string>{"--talked \"李晴紫\": 李晴紫 M1 is the member who made the contact; list the "
                                   "residents talked with"});
  }

  TEST_CASE("a correction is of a live record of the same member and kind") {
    Fixture f;
    auto e = resolve_entry(visit("M1", "8-305"), f.context());
    const CorrectionTarget own{7, true, "visit", "M1", "8-305", std::nullopt};
    auto refused = [&](CorrectionTarget t) -> std::vector<std::string> {
      try {
        check_correction(e.row, t, "时间记错");
      } catch (const DataError& error) {
        std::vector<std::string> out{error.what()};
        for (const auto& p : error.problems()) out.push_back(p.message);
        return out;
      }
      return {};
    };
    CHECK(refused(own).empty());
    SUBCASE("another member's record") {
      auto t = own;
      t.member_id = "M2";
      CHECK(refused(t) == std::vector<std::string>{"--corrects 7: 1 problem; nothing was saved",
                                                   "record #7 belongs to member M2, not M1; only the member's own "
                                                   "records can be corrected"});
    }
    SUBCASE("another kind") {
      auto t = own;
      t.kind = "activity";
      const auto problems = refused(t);
      REQUIRE(problems.size() == 2);
      CHECK(problems[1].starts_with("record #7 is a 参与寝室活动 (activity), not a 走访 (visit)"));
    }
    SUBCASE("missing, zero, already corrected, a pointer record") {
      auto t = own;
      t.exists = false;
      CHECK(refused(t).front() ==
            "--corrects 7: there is no record #7; give the number on the receipt of the record "
            "to correct");
      t = own;
      t.id = 0;
      CHECK_FALSE(refused(t).empty());
      t = own;
      t.superseded_by = 9;
      CHECK(refused(t).at(1) == "record #7 was already corrected or withdrawn by #9; correct #9 instead");
      t = own;
      t.kind = "withdrawal";
      CHECK(refused(t).at(1) == "record #7 is a withdrawal, which cannot be corrected");
    }
    SUBCASE("a reason is required") { CHECK_THROWS_AS(check_correction(e.row, own, ""), UsageError); }
  }

  TEST_CASE("plans and summaries need no dorm but need their text") {
    Fixture f;
    auto r = visit("M1", "8-305");
    r.dorm.reset();
    r.kind = Kind::plan;
    CHECK(problems_of(r, f.context()) == std::vector<std::string>{"a plan needs its text (--progress or --note)"});
    r.content.progress = "每周二、四晚走访";
    CHECK_FALSE(resolve_entry(r, f.context()).row.dorm_code.has_value());
  }

  TEST_CASE("a reason lets a member record a dorm that is not theirs, marked off-assignment") {
    Fixture f;
    auto r = visit("M1", "8-306");
    r.reason = "代同学走访";
    auto e = resolve_entry(r, f.context());
    CHECK(e.row.off_assignment);
    CHECK(e.row.reason == "代同学走访");
  }

  TEST_CASE("kinds and channels parse from keys and Chinese names, canonical rows differ by every field") {
    CHECK(parse_kind("谈心") == Kind::talk);
    CHECK(parse_kind("个别交流") == Kind::talk);
    CHECK(parse_kind("visit") == Kind::visit);
    CHECK_FALSE(parse_kind("闲聊").has_value());
    CHECK(parse_channel("微信") == Channel::wechat);
    Row a;
    a.member_id = "M1";
    Row b = a;
    b.students = {"S1"};
    CHECK(canonical_row(a, "d") != canonical_row(b, "d"));
    CHECK(canonical_row(a, "d") != canonical_row(a, "e"));
    Content empty;
    Content blank{std::string(), std::nullopt, std::nullopt};
    CHECK(canonical_content(empty) != canonical_content(blank));
  }

  TEST_CASE("encoding into a reused buffer gives the bytes of a fresh encoding, whatever it held") {
    Row full;
    full.id = 7;
    full.member_id = "2023110101";
    full.dorm_code = "8-305";
    full.channel = Channel::wechat;
    full.corrects = 3;
    full.students = {"2024110201", "2024110202", "2024110203"};
    full.incident = Incident{IncidentCategory::banned_appliance, Severity::medium, StaffRole::counselor,
                             std::string("2026-09-15 20:00")};
    full.form = FormSource{4, std::string(64, 'a'), "0123456789abcdef"};
    Row bare;
    bare.id = 8;
    bare.member_id = "M";
    std::string buffer;
    for (const Row* row : {&full, &bare, &full}) {
      canonical_row_into(*row, "d", buffer);
      CHECK(buffer == canonical_row(*row, "d"));
    }
    const Content long_text{std::string(500, 'x'), std::string("note"), std::nullopt};
    const Content none;
    for (const Content* content : {&long_text, &none}) {
      canonical_content_into(*content, buffer);
      CHECK(buffer == canonical_content(*content));
    }
  }
}

#include "dormlink/records/csv_entry.hpp"

TEST_SUITE("records.csv") {
  TEST_CASE("the feedback form's columns become requests, the channel may sit in brackets") {
    auto table = util::parse_csv(
        "党员姓名,联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n"
        "李晴紫,10-106,2026-09-15 19:30,张晨昕、黄佳菁（微信）,了解情况,无\n"
        "李晴紫,10-107,昨天 20:00,,,\n",
        "form.csv");
    auto rows = parse_record_csv(table, "form.csv", Date{year{2026}, month{9}, day{20}});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].line == 2);
    CHECK(rows[0].request.talked == std::vector<std::string>{"张晨昕", "黄佳菁"});
    CHECK(rows[0].request.channel == Channel::wechat);
    CHECK(rows[0].request.content.progress == "了解情况");
    CHECK(rows[0].request.kind == Kind::talk);  // names and no 类型: a talk (docs/forms.md rule 4)
    CHECK(format_local(rows[1].request.at) == "2026-09-19 20:00");
    CHECK(rows[1].request.kind == Kind::visit);  // no names: a visit (rule 5)
  }

  TEST_CASE("an empty 类型 follows the kind rules: the manner, words in the text, names") {
    auto table = util::parse_csv(
        "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,工作进展及成效,说明\n"
        "李晴紫,10-106,2026-09-15 19:30,张晨昕、黄佳菁（谈心，当面）,,,\n"
        "李晴紫,10-106,2026-09-15 19:40,张晨昕、黄佳菁、苏惠、薛娴（当面）,,,\n"
        "李晴紫,10-106,2026-09-15 19:50,苏惠 157****6899,,,\n"
        "李晴紫,10-106,2026-09-16 19:30,（座谈会）,,,\n"
        "李晴紫,10-106,2026-09-16 20:30,,,参加寝室活动,\n"
        "李晴紫,10-106,2026-09-17 19:30,2024160126（走访）,谈心,,\n",
        "form.csv");
    auto rows = parse_record_csv(table, "form.csv", Date{year{2026}, month{9}, day{20}});
    REQUIRE(rows.size() == 6);
    CHECK(rows[0].request.kind == Kind::talk);
    CHECK(rows[0].request.channel == Channel::in_person);
    CHECK(rows[0].request.talked == std::vector<std::string>{"张晨昕", "黄佳菁"});
    CHECK(rows[1].request.kind == Kind::talk);
    CHECK(rows[1].request.talked.size() == 4);
    CHECK(rows[2].request.kind == Kind::talk);
    CHECK(rows[2].request.talked == std::vector<std::string>{"苏惠"});
    CHECK(rows[3].request.kind == Kind::symposium);
    CHECK(rows[4].request.kind == Kind::activity);
    CHECK(rows[5].request.kind == Kind::talk);  // the 类型 column comes first
    CHECK(rows[5].request.talked == std::vector<std::string>{"2024160126"});
  }

  TEST_CASE("the students cell and the channel column are checked") {
    auto table = util::parse_csv(
        "党员姓名,联系寝室名称,时间,联系学生姓名及方式,方式,工作进展及成效\n"
        "李晴紫,10-106,2026-09-15 19:30,张晨昕（吃饭）,,\n"
        "李晴紫,10-106,2026-09-15 19:30,张晨昕（电话）,微信,\n"
        "李晴紫,10-106,2026-09-15 19:30,全体,,\n"
        "李晴紫,10-106,2026-09-15 19:30,张晨昕,飞鸽,\n"
        "李晴紫,10-106,2026-09-15 19:30,,,发现使用违规电器\n",
        "form.csv");
    try {
      parse_record_csv(table, "form.csv", Date{year{2026}, month{9}, day{20}});
      FAIL("expected a DataError");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 5);
      CHECK(e.problems()[0].message ==
            "column \"联系学生姓名及方式\": \"吃饭\" in the manner \"（吃饭）\" is not a kind or channel; use 谈心, "
            "走访, 座谈会, 寝室活动, 新生入学教育, … and 当面, 电话, 微信");
      CHECK(e.problems()[1].message == "column \"方式\": says 微信 but 联系学生姓名及方式 says 电话; keep one");
      CHECK(e.problems()[2].message ==
            "column \"联系学生姓名及方式\": 全体 (every resident) is not taken here; list the residents' names or ids");
      CHECK(e.problems()[3].message == "column \"方式\": \"飞鸽\": use 当面, 电话, 微信 or 其他");
      CHECK(e.problems()[4].message ==
            "column \"工作进展及成效\": names an incident and 类型 is empty; give 类型 特殊情况 and 事件类别, or 类型 "
            "the kind the contact was (走访, 谈心, ...)");
    }
  }

  TEST_CASE("incident columns become the incident's category, severity and report") {
    auto table = util::parse_csv(
        "党员姓名,联系寝室名称,时间,类型,事件类别,严重程度,报告对象,报告时间\n"
        "李晴紫,10-106,2026-09-15 23:10,特殊情况,夜不归宿,严重,辅导员,2026-09-15 23:30\n",
        "form.csv");
    auto rows = parse_record_csv(table, "form.csv", Date{year{2026}, month{9}, day{20}});
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].request.incident.has_value());
    CHECK(rows[0].request.kind == Kind::incident);
    CHECK(rows[0].request.incident->category == IncidentCategory::overnight_absence);
    CHECK(rows[0].request.incident->severity == Severity::high);
    CHECK(rows[0].request.incident->reported_to == StaffRole::counselor);
    CHECK(rows[0].request.incident->reported_at == "2026-09-15 23:30");
  }

  TEST_CASE("bad cells are reported with file, line and column") {
    auto table = util::parse_csv("党员姓名,时间,类型\n,2026-02-30,闲聊\n", "form.csv");
    try {
      parse_record_csv(table, "form.csv", Date{year{2026}, month{9}, day{20}});
      FAIL("expected a DataError");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 3);
      CHECK(e.problems()[0].location == "form.csv:2");
      CHECK(e.problems()[0].message == "column \"党员姓名\": is empty; name the member (student id or name)");
      CHECK(e.problems()[1].message == "column \"时间\": \"2026-02-30\" is not a real date");
      CHECK(e.problems()[2].message ==
            "column \"类型\": \"闲聊\" is not a kind of contact; use 走访, 谈心, 座谈会, 寝室活动, ...");
    }
  }
}
