#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "dormlink/inspect/sample.hpp"
#include "dormlink/records/chain.hpp"
#include "dormlink/report/inspection_checklist.hpp"
#include "dormlink/report/inspection_report.hpp"
#include "dormlink/roster/roster.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/store/inspection_store.hpp"
#include "dormlink/store/record_store.hpp"
#include "dormlink/store/roster_store.hpp"
#include "dormlink/util/csv.hpp"

using namespace dormlink;
using namespace dormlink::inspect;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Semester autumn() {
  Semester s;
  s.id = "2026-autumn";
  s.name = "2026—2027学年第一学期";
  s.first_monday = ymd(2026, 9, 7);
  s.teaching_weeks = 18;
  return s;
}

// A member of the frame: id, branch, compliance (met of closed), dorms (index, visited).
MemberCandidate member(std::string id, std::string branch, Compliance compliance = {},
                       std::vector<DormCandidate> dorms = {{0, true}}) {
  MemberCandidate m;
  m.id = std::move(id);
  m.branch = std::move(branch);
  m.compliance = compliance;
  m.dorms = std::move(dorms);
  return m;
}

// `count` members per branch, person indices in order.
std::vector<MemberCandidate> frame_of(const std::vector<std::pair<std::string, int>>& branches) {
  std::vector<MemberCandidate> frame;
  for (const auto& [branch, count] : branches) {
    for (int i = 0; i < count; ++i) {
      auto m = member(branch + "-" + std::to_string(100 + i), branch);
      m.person = static_cast<int>(frame.size());
      frame.push_back(std::move(m));
    }
  }
  return frame;
}

SampleRequest request_of(std::vector<MemberCandidate> members, int size, std::uint64_t seed, int weight_up = 3) {
  SampleRequest r;
  r.members = std::move(members);
  r.size = size;
  r.seed = seed;
  r.config.weight_up = weight_up;
  return r;
}

std::map<std::string, int> per_branch(const Sample& s) {
  std::map<std::string, int> counts;
  for (const auto& item : s.items) ++counts[item.branch];
  return counts;
}

check::Obligation obligation(check::Rule rule, check::Status status, int member) {
  check::Obligation o;
  o.rule = rule;
  o.status = status;
  o.member = member;
  return o;
}

}  // namespace

TEST_SUITE("inspect") {
  TEST_CASE("the generator is splitmix64 and below() stays in range") {
    Rng rng(0);
    CHECK(rng.next() == 0xE220A8397B1DCDAFULL);
    CHECK(rng.next() == 0x6E789E6AA1B965F4ULL);
    Rng other(7);
    for (int i = 0; i < 1000; ++i) CHECK(other.below(7) < 7);
    CHECK(default_seed(ymd(2026, 10, 14)) == 20261014);
  }

  TEST_CASE("sizes from a rate or the configured percentage round up") {
    CHECK(size_for_rate(0.1, 96) == 10);
    CHECK(size_for_rate(0.3, 10) == 3);
    CHECK(size_for_rate(1.0, 96) == 96);
    CHECK(size_for_rate(0.001, 96) == 1);
    CHECK(size_for_percent(10, 96) == 10);
    CHECK(size_for_percent(10, 90) == 9);
    CHECK(size_for_percent(10, 3) == 1);
  }

  TEST_CASE("allocation is proportional with at least one per branch") {
    SUBCASE("largest remainder") {
      CHECK(allocate({10, 20, 30, 40}, 10) == std::vector<int>{1, 2, 3, 4});
      CHECK(allocate({9, 18, 35, 34}, 10) == std::vector<int>{1, 2, 4, 3});
      CHECK(allocate({5, 5, 5}, 4) == std::vector<int>{2, 1, 1});  // ties: the earlier branch
    }
    SUBCASE("a small branch keeps one seat and the others share the rest") {
      CHECK(allocate({1, 99}, 10) == std::vector<int>{1, 9});
      CHECK(allocate({2, 3, 95}, 3) == std::vector<int>{1, 1, 1});
      CHECK(allocate({2, 3, 95}, 5) == std::vector<int>{1, 1, 3});
    }
    SUBCASE("everyone, and never more than a branch has") {
      CHECK(allocate({1, 2, 3}, 6) == std::vector<int>{1, 2, 3});
      CHECK(allocate({1, 1, 8}, 9) == std::vector<int>{1, 1, 7});
    }
    SUBCASE("the seats always add up") {
      for (int size = 4; size <= 40; ++size) {
        auto shares = allocate({3, 7, 11, 19}, size);
        int total = 0;
        for (int s : shares) total += s;
        CHECK(total == size);
        CHECK(std::all_of(shares.begin(), shares.end(), [](int s) { return s >= 1; }));
      }
    }
  }

  TEST_CASE("every branch is represented, a size below the number of branches is raised") {
    auto frame = frame_of({{"英语一支部", 9}, {"英语二支部", 18}, {"日语支部", 3}, {"欧语支部", 6}});
    SUBCASE("size 2 < 4 branches") {
      auto s = draw_sample(request_of(frame, 2, 1));
      CHECK(s.raised);
      CHECK_FALSE(s.capped);
      CHECK(s.requested == 2);
      CHECK(s.size == 4);
      CHECK(per_branch(s) ==
            std::map<std::string, int>{{"日语支部", 1}, {"欧语支部", 1}, {"英语一支部", 1}, {"英语二支部", 1}});
    }
    SUBCASE("size 9") {
      auto s = draw_sample(request_of(frame, 9, 1));
      CHECK_FALSE(s.raised);
      CHECK(s.items.size() == 9);
      CHECK(per_branch(s) ==
            std::map<std::string, int>{{"日语支部", 1}, {"欧语支部", 2}, {"英语一支部", 2}, {"英语二支部", 4}});
      REQUIRE(s.strata.size() == 4);
      CHECK(s.strata[0].branch == "日语支部");
      CHECK(s.strata[0].members == 3);
    }
    SUBCASE("more than the frame is capped") {
      auto s = draw_sample(request_of(frame, 100, 1));
      CHECK(s.capped);
      CHECK(s.items.size() == 36);
    }
    SUBCASE("no branch at all is one stratum") {
      auto s = draw_sample(request_of(frame_of({{"", 5}}), 2, 1));
      CHECK(s.items.size() == 2);
      CHECK(s.strata.size() == 1);
    }
  }

  TEST_CASE("the same inputs and seed give the same sample, no member twice") {
    auto frame = frame_of({{"a", 12}, {"b", 20}, {"c", 7}});
    frame[3].compliance = {1, 4};
    frame[3].dorms = {{0, true}, {1, false}, {2, false}};
    auto one = draw_sample(request_of(frame, 8, 20261014));
    auto two = draw_sample(request_of(frame, 8, 20261014));
    REQUIRE(one.items.size() == 8);
    bool same = true;
    for (std::size_t i = 0; i < one.items.size(); ++i) {
      same = same && one.items[i].member_id == two.items[i].member_id && one.items[i].dorm == two.items[i].dorm;
    }
    CHECK(same);
    std::set<std::string> distinct;
    for (const auto& item : one.items) distinct.insert(item.member_id);
    CHECK(distinct.size() == one.items.size());
    CHECK(std::is_sorted(one.items.begin(), one.items.end(), [](const auto& a, const auto& b) {
      return std::tie(a.branch, a.member_id) < std::tie(b.branch, b.member_id);
    }));
    // Another seed draws another sample (for this frame and these two seeds).
    auto other = draw_sample(request_of(frame, 8, 20261015));
    bool differs = false;
    for (std::size_t i = 0; i < one.items.size(); ++i)
      differs = differs || one.items[i].member_id != other.items[i].member_id;
    CHECK(differs);
  }

  TEST_CASE("low-compliance members are drawn about weight_up times as often") {
    // 10 members in one branch, 2 below 80%: drawing 1, each low one has weight 3 of 14.
    auto frame = frame_of({{"a", 10}});
    frame[2].compliance = {1, 5};
    frame[7].compliance = {3, 4};  // 75%: low
    frame[5].compliance = {4, 5};  // 80%: not low
    constexpr int k_runs = 4000;
    auto share = [&](int weight_up) {
      int low = 0;
      for (int seed = 0; seed < k_runs; ++seed) {
        auto s = draw_sample(request_of(frame, 1, static_cast<std::uint64_t>(seed), weight_up));
        REQUIRE(s.items.size() == 1);
        if (s.items[0].member_id == frame[2].id || s.items[0].member_id == frame[7].id) ++low;
      }
      return static_cast<double>(low) / k_runs;
    };
    CHECK(share(3) == doctest::Approx(6.0 / 14).epsilon(0.1));
    CHECK(share(1) == doctest::Approx(2.0 / 10).epsilon(0.1));
  }

  TEST_CASE("dorms without a recent visit are drawn about weight_up times as often") {
    std::vector<MemberCandidate> frame{member("m1", "a", {}, {{0, true}, {1, false}, {2, true}})};
    constexpr int k_runs = 4000;
    std::map<int, int> counts;
    bool weights_recorded = true;
    for (int seed = 0; seed < k_runs; ++seed) {
      auto s = draw_sample(request_of(frame, 1, static_cast<std::uint64_t>(seed)));
      ++counts[s.items.at(0).dorm];
      weights_recorded = weights_recorded && s.items[0].dorm_weight == (s.items[0].dorm == 1 ? 3 : 1);
    }
    CHECK(weights_recorded);
    CHECK(counts[1] / static_cast<double>(k_runs) == doctest::Approx(3.0 / 5).epsilon(0.1));
    CHECK(counts[0] / static_cast<double>(k_runs) == doctest::Approx(1.0 / 5).epsilon(0.15));
  }

  TEST_CASE("weighted_draw returns distinct indices in draw order") {
    Rng rng(5);
    auto drawn = weighted_draw({1, 3, 1, 1, 9}, 5, rng);
    CHECK(std::set<std::size_t>(drawn.begin(), drawn.end()).size() == 5);
    Rng again(5);
    CHECK(weighted_draw({1, 3, 1, 1, 9}, 5, again) == drawn);
    Rng few(5);
    CHECK(weighted_draw({1, 3}, 1, few).size() == 1);
  }

  TEST_CASE("compliance counts closed visits, talks, attention talks and forms") {
    using check::Rule;
    using check::Status;
    std::vector<check::Obligation> obligations{obligation(Rule::visits, Status::met, 0),
                                               obligation(Rule::visits, Status::overdue, 0),
                                               obligation(Rule::talks, Status::waived, 0),
                                               obligation(Rule::feedback_form, Status::met_late, 0),
                                               obligation(Rule::attention_talks, Status::overdue, 0),
                                               obligation(Rule::visits, Status::pending, 0),
                                               obligation(Rule::talks, Status::due_soon, 0),
                                               obligation(Rule::activity, Status::overdue, 0),
                                               obligation(Rule::work_plan, Status::met, 0),
                                               obligation(Rule::visits, Status::met, 1),
                                               obligation(Rule::no_assignment, Status::overdue, -1)};
    auto c = compliance_by_person(obligations, 3);
    CHECK(c[0].met == 3);
    CHECK(c[0].closed == 5);
    CHECK(low_compliance(c[0]));  // 60%
    CHECK(c[1].met == 1);
    CHECK(c[1].closed == 1);
    CHECK_FALSE(low_compliance(c[1]));
    CHECK(c[2].closed == 0);
    CHECK_FALSE(low_compliance(c[2]));  // nothing closed yet: not weighted up
    CHECK_FALSE(low_compliance({4, 5}));
    CHECK(low_compliance({0, 1}));
  }

  TEST_CASE("a dorm is recently visited when a visit week overlaps the last recent_days days") {
    check::CheckInput input;
    input.semester = autumn();
    input.dorms = {"10-101", "10-102", "10-103", "10-104"};
    // Week 5 is 10-05..10-11, week 6 is 10-12..10-18, week 3 is 09-21..09-27.
    input.visits = {{0, 6, 1, 0}, {1, 5, 2, 0}, {2, 3, 1, 0}, {3, 6, 0, 0}};
    auto recent = recently_visited_dorms(input, ymd(2026, 10, 14), 14);  // from 09-30
    CHECK(recent == std::vector<bool>{true, true, false, false});
    CHECK(recently_visited_dorms(input, ymd(2026, 10, 26), 14) == std::vector<bool>{true, false, false, false});
    CHECK(recently_visited_dorms(input, ymd(2026, 10, 27), 7) == std::vector<bool>{false, false, false, false});
  }

  TEST_CASE("the checklist names the residents living there on the day, the member excluded, in id order") {
    check::CheckInput input;
    input.semester = autumn();
    input.people = {{"2023001", "李明", "", 2023, "英语党支部"},  // in id order, as store::load_check_input
                    {"2025001", "张三", "", 2025, ""},
                    {"2025002", "李四", "", 2025, ""},
                    {"2025003", "王五", "", 2025, ""}};
    input.dorms = {"1-101", "1-501"};
    const Date as_of = ymd(2026, 10, 14);
    input.residences = {{0, 1, ymd(2026, 9, 1), std::nullopt, false},
                        {0, 0, ymd(2026, 9, 1), ymd(2026, 9, 10), false},  // the member lived there once
                        {3, 0, ymd(2026, 9, 1), std::nullopt, false},
                        {1, 0, ymd(2026, 9, 1), std::nullopt, true},
                        {2, 0, ymd(2026, 9, 1), ymd(2026, 10, 14), false},  // moved out that day
                        {3, 0, ymd(2026, 10, 1), std::nullopt, false}};     // a second stretch
    inspect::Sample sample;
    sample.requested = 1;
    sample.size = 1;
    sample.strata = {{"英语党支部", 1, 1}};
    inspect::SampleItem item;
    item.person = 0;
    item.member_id = "2023001";
    item.branch = "英语党支部";
    item.dorm = 0;
    item.compliance = {3, 5};
    sample.items = {item};
    report::ChecklistRun run{as_of, 42, true, 1, 3, 14};
    const auto c = report::build_checklist(input, sample, run);
    CHECK(c.records_from == ymd(2026, 10, 1));
    CHECK(c.seed == 42);
    CHECK(c.weight_up == 3);
    REQUIRE(c.items.size() == 1);
    CHECK(c.items[0].position == 1);
    CHECK(c.items[0].dorm == "1-101");
    CHECK(c.items[0].member_name == "李明");
    CHECK(c.items[0].residents == std::vector<std::string>{"张三", "王五"});
    CHECK(c.items[0].low_compliance == inspect::low_compliance(item.compliance));
    CHECK(c.items[0].records.empty());
    REQUIRE(c.strata.size() == 1);
    CHECK(c.strata[0].drawn == 1);
  }

  TEST_CASE("the frame is the assignment in force, with dorms that have residents") {
    check::CheckInput input;
    input.semester = autumn();
    input.dorms = {"10-101", "10-102", "10-103"};
    for (const char* id : {"m1", "m2", "r1", "r2"}) {
      check::Person p;
      p.id = id;
      p.name = std::string("name-") + id;
      p.branch = id[0] == 'm' ? "一支部" : "";
      input.people.push_back(p);
    }
    input.residences = {{2, 0, ymd(2026, 9, 1), std::nullopt, false},
                        {3, 1, ymd(2026, 9, 1), ymd(2026, 10, 1), false},
                        {3, 2, ymd(2026, 10, 1), std::nullopt, true}};
    input.assignments = {{ymd(2026, 9, 7), {{0, 0}, {1, 0}, {2, 1}}}, {ymd(2026, 10, 20), {{0, 1}, {1, 1}, {2, 1}}}};
    std::vector<check::Obligation> obligations{obligation(check::Rule::visits, check::Status::overdue, 0)};
    auto frame = sampling_frame(input, obligations, ymd(2026, 10, 14), 14);
    REQUIRE(frame.size() == 2);
    CHECK(frame[0].id == "m1");
    CHECK(frame[0].branch == "一支部");
    CHECK(frame[0].compliance.closed == 1);
    REQUIRE(frame[0].dorms.size() == 1);  // 10-102 is empty since 10-01
    CHECK(frame[0].dorms[0].dorm == 0);
    CHECK(frame[1].dorms.at(0).dorm == 2);
    CHECK(sampling_frame(input, obligations, ymd(2026, 9, 6), 14).empty());  // before any assignment
    auto later = sampling_frame(input, obligations, ymd(2026, 10, 21), 14);
    REQUIRE(later.size() == 1);
    CHECK(later[0].id == "m2");
    CHECK(later[0].dorms.size() == 2);
  }
}

namespace {

const Semester k_semester_for_rows = autumn();

// Two students in 8-305 (one a member) and one in 8-306.
void import_college(store::Database& db) {
  auto table = util::parse_csv(
      "学号,姓名,性别,专业,年级,寝室,政治面貌,党支部\n"
      "2023001,党员甲,男,英语,4,8-305,中共党员,英语一支部\n"
      "2025001,张三,男,英语,2,8-305,群众,\n"
      "2025002,李四,男,英语,2,8-306,群众,\n",
      "s.csv");
  auto rows = roster::parse_students(table, roster::ParseContext{"s.csv", &k_semester_for_rows});
  store::ImportContext c;
  c.source_name = "s.csv";
  c.encoding = "UTF-8";
  c.semester_id = "2026-autumn";
  c.effective = ymd(2026, 9, 1);
  c.imported_at = "2026-09-01 10:00:00";
  c.imported_by = "counselor";
  store::import_students(db, rows, c);
}

std::int64_t add_record(store::Database& db, records::Kind kind, const std::string& dorm, const std::string& at,
                        std::vector<std::string> students = {}, std::optional<std::int64_t> corrects = {}) {
  records::Row row;
  row.kind = kind;
  row.member_id = "2023001";
  row.dorm_code = dorm;
  row.semester_id = "2026-autumn";
  row.happened_at = at;
  row.entered_at = at + ":00";
  row.entered_by = "tester";
  row.channel = records::Channel::in_person;
  row.students = std::move(students);
  row.corrects = corrects;
  return store::append_record(db, row, records::Content{}).id;
}

store::FindingRow finding(std::int64_t record, std::optional<std::string> student, store::Verdict verdict,
                          std::string member_id = "2023001") {
  store::FindingRow f;
  f.semester_id = "2026-autumn";
  f.member_id = std::move(member_id);
  f.dorm_code = "8-305";
  f.inspected_on = "2026-10-14";
  f.inspector = "王老师";
  f.record_id = record;
  f.student_id = std::move(student);
  f.verdict = verdict;
  f.entered_at = "2026-10-14 20:00:00";
  f.entered_by = "tester";
  return f;
}

}  // namespace

TEST_SUITE("inspect.store") {
  TEST_CASE("a sample is saved and loaded with its items") {
    auto db = store::Database::in_memory();
    import_college(db);
    store::SampleRow s;
    s.semester_id = "2026-autumn";
    s.as_of = "2026-10-14";
    s.seed = 20261014;
    s.size = 1;
    s.method = "test";
    s.drawn_at = "2026-10-14 09:00:00";
    s.drawn_by = "tester";
    s.items = {{1, "2023001", "8-305", 3}};
    auto id = store::save_sample(db, s);
    CHECK(id == 1);
    auto loaded = store::load_sample(db, id);
    REQUIRE(loaded);
    CHECK(loaded->seed == 20261014);
    CHECK(loaded->as_of == "2026-10-14");
    REQUIRE(loaded->items.size() == 1);
    CHECK(loaded->items[0].dorm_code == "8-305");
    CHECK(loaded->items[0].weight == 3);
    CHECK_FALSE(store::load_sample(db, 2));
    CHECK(store::save_sample(db, s) == 2);
  }

  TEST_CASE("records: students, corrections and the recent contacts of a member's dorm") {
    auto db = store::Database::in_memory();
    import_college(db);
    auto visit = add_record(db, records::Kind::visit, "8-305", "2026-10-10 19:30");
    auto talk = add_record(db, records::Kind::talk, "8-305", "2026-10-14 21:00", {"2025001"});
    auto old = add_record(db, records::Kind::visit, "8-305", "2026-09-20 19:30");
    auto wrong = add_record(db, records::Kind::visit, "8-305", "2026-10-11 19:30");
    auto fixed = add_record(db, records::Kind::visit, "8-305", "2026-10-12 19:30", {}, wrong);
    add_record(db, records::Kind::visit, "8-306", "2026-10-12 19:30");
    auto r = store::inspected_record(db, talk);
    REQUIRE(r);
    CHECK(r->kind == "talk");
    REQUIRE(r->students.size() == 1);
    CHECK(r->students[0].name == "张三");
    CHECK(store::inspected_record(db, wrong)->superseded_by == fixed);
    CHECK_FALSE(store::inspected_record(db, 99));
    std::vector<std::int64_t> ids;
    for (const auto& c : store::recent_contacts(db, "2023001", "8-305", "2026-10-01", "2026-10-14"))
      ids.push_back(c.id);
    CHECK(ids == std::vector<std::int64_t>{visit, fixed, talk});
    (void)old;
  }

  TEST_CASE("findings: the latest about a record and student stands for rates and flags") {
    auto db = store::Database::in_memory();
    import_college(db);
    auto visit = add_record(db, records::Kind::visit, "8-305", "2026-10-10 19:30");
    auto talk = add_record(db, records::Kind::talk, "8-305", "2026-10-11 21:00", {"2025001"});
    auto ids = store::save_findings(db, {finding(visit, std::nullopt, store::Verdict::confirmed),
                                         finding(talk, "2025001", store::Verdict::contradicted)});
    CHECK(ids == std::vector<std::int64_t>{1, 2});
    auto rates = store::discrepancy_rates(db, "2026-autumn");
    REQUIRE(rates.size() == 1);
    CHECK(rates[0].member_id == "2023001");
    CHECK(rates[0].contradicted == 1);
    CHECK(rates[0].total == 2);
    CHECK(rates[0].records == std::vector<std::int64_t>{talk});
    CHECK(store::flagged_records(db, "2026-autumn") == std::vector<std::int64_t>{talk});
    CHECK(store::discrepancy_rates(db, "2027-spring").empty());

    SUBCASE("a later finding about the same record and student replaces the earlier one") {
      store::save_findings(db, {finding(talk, "2025001", store::Verdict::confirmed)});
      CHECK(store::flagged_records(db, "2026-autumn").empty());
      rates = store::discrepancy_rates(db, "2026-autumn");
      CHECK(rates.at(0).contradicted == 0);
      CHECK(rates.at(0).records.empty());
      CHECK(rates.at(0).total == 2);
      CHECK(store::load_findings(db, "2026-autumn").size() == 3);
    }
    SUBCASE("a finding about the record as a whole stands beside the student's") {
      store::save_findings(db, {finding(talk, std::nullopt, store::Verdict::contradicted)});
      rates = store::discrepancy_rates(db, "2026-autumn");
      CHECK(rates.at(0).contradicted == 2);
      CHECK(rates.at(0).total == 3);
      auto loaded = store::load_findings(db, "2026-autumn");
      REQUIRE(loaded.size() == 3);
      CHECK(loaded[1].student_id == "2025001");
      CHECK(loaded[2].verdict == store::Verdict::contradicted);
      CHECK_FALSE(loaded[2].student_id);
    }
  }

  TEST_CASE("findings are all or nothing and append-only") {
    auto db = store::Database::in_memory();
    import_college(db);
    auto visit = add_record(db, records::Kind::visit, "8-305", "2026-10-10 19:30");
    auto bad = finding(visit, "nobody", store::Verdict::confirmed);  // no such student: foreign key
    CHECK_THROWS(store::save_findings(db, {finding(visit, std::nullopt, store::Verdict::confirmed), bad}));
    CHECK(store::load_findings(db, "2026-autumn").empty());
  }
}

TEST_SUITE("inspect.report") {
  TEST_CASE("the checklist lines up, names no phones and ends with the receipt") {
    report::InspectionChecklist c;
    c.sample_id = 3;
    c.semester = "2026—2027学年第一学期";
    c.as_of = ymd(2026, 10, 14);
    c.records_from = ymd(2026, 10, 1);
    c.seed = 20261014;
    c.frame = 4;
    c.requested = 1;
    c.size = 2;
    c.raised = true;
    c.weight_up = 3;
    c.recent_days = 14;
    c.strata = {{"一支部", 2, 1}, {"", 2, 1}};
    c.items = {{1,
                "一支部",
                "党员甲",
                "2023001",
                "8-305",
                {"张三", "王五"},
                {{12, "talk", "2026-10-11 21:00", {"张三"}}},
                3,
                5,
                true,
                false},
               {2, "", "党员乙", "2023002", "8-306", {"李四"}, {}, 0, 0, false, true}};
    auto zh = report::render_checklist_text(c, Language::zh);
    CHECK(zh.find("检查组抽查 #3 · 2026—2027学年第一学期 · 2026-10-14 · 种子 20261014 (由日期得出)\n") == 0);
    CHECK(zh.find("已提高到 2 名") != std::string::npos);
    CHECK(zh.find("分层: 一支部 1/2 · （未填支部） 1/2") != std::string::npos);
    CHECK(zh.find("张三、王五") != std::string::npos);
    CHECK(zh.find("60%") != std::string::npos);
    CHECK(zh.find("#12") != std::string::npos);
    CHECK(zh.find("谈心") != std::string::npos);
    CHECK(zh.substr(zh.size() - std::string("已记录抽查 #3\n").size()) == "已记录抽查 #3\n");
    c.sample_id = 0;
    auto en = report::render_checklist_text(c, Language::en);
    CHECK(en.find("inspection sample · ") == 0);
    CHECK(en.find("dry run (--dry-run): nothing recorded.\n") != std::string::npos);
    CHECK(en.find("residents to ask") != std::string::npos);
  }

  TEST_CASE("the findings receipt lists the findings and the flagged records") {
    report::FindingsReceipt r{"党员甲",
                              "2023001",
                              "8-305",
                              "2026-10-14",
                              "王老师",
                              3,
                              {{7, 12, "visit", "2026-10-10 19:30", "", false},
                               {8, 15, "talk", "2026-10-11 21:00", "张三", true},
                               {9, 16, "talk", "2026-10-12 21:00", "李四", true}},
                              {15, 16}};
    auto en = report::render_findings_receipt(r, Language::en);
    CHECK(en.find("recorded findings #7–#9 · 党员甲 2023001 · 8-305 · 2026-10-14 · inspector 王老师 · sample #3\n") ==
          0);
    CHECK(en.find("contradicted") != std::string::npos);
    CHECK(en.find("flagged records: #15, #16\n") != std::string::npos);
    r.flagged.clear();
    CHECK(report::render_findings_receipt(r, Language::zh).find("标记存疑") == std::string::npos);
  }
}
