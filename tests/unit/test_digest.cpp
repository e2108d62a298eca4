#include <doctest/doctest.h>

#include <string>

#include "dormlink/report/digest.hpp"

using namespace dormlink;
using namespace dormlink::report;
using namespace std::chrono;

namespace {

using check::Obligation;
using check::Rule;
using check::Status;
using Kind = DigestRecipient::Kind;

Date ymd(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

// Counselor 0 (T01) has members 0 (王芳, branch A) and 1 (李明, branch B); counselor 1 (T02)
// member 2 (张伟, branch A). People 3 and 4 are residents; 4 is an attention student.
check::CheckInput college(int extra_members = 0) {
  check::CheckInput in;
  in.semester.id = "2026-autumn";
  in.semester.name = "2026秋";
  in.semester.first_monday = ymd(2026, 9, 7);
  in.semester.teaching_weeks = 18;
  in.people = {{"2023000001", "王芳", "英语2301", 2023, "支部A"},
               {"2023000002", "李明", "英语2302", 2023, "支部B"},
               {"2023000003", "张伟", "日语2301", 2023, "支部A"},
               {"2025000001", "赵居民", "英语2501", 2025, ""},
               {"2025000002", "钱关注", "英语2501", 2025, ""}};
  for (int i = 0; i < extra_members; ++i) {
    in.people.push_back(
        {"2023100" + std::to_string(100 + i), "党员" + std::to_string(100 + i), "英语2301", 2023, "支部A"});
  }
  in.dorms = {"1-101", "1-102"};
  in.counselors = {{"T01", "陈老师", {2023}, {}}, {"T02", "杨老师", {}, {"日语2301"}}};
  return in;
}

Obligation item(Rule rule, Status status, int counselor, int member, Date due, int student = -1, int dorm = 0) {
  Obligation o;
  o.rule = rule;
  o.status = status;
  o.counselor = counselor;
  o.member = member;
  o.student = student;
  o.dorm = dorm;
  o.due = due;
  o.window_from = Date{sys_days{due} - days{6}};
  o.window_to = due;
  o.period = 10;
  o.expected = 1;
  return o;
}

Digest digest(const check::CheckInput& in, const std::vector<Obligation>& items, DigestRecipient r,
              std::optional<Date> since, bool all_items = false) {
  DigestOptions options;
  options.as_of = ymd(2026, 11, 24);
  options.since = since;
  options.all_items = all_items;
  return build_digest(in, items, r, privacy_for(PrivacyRules{}, audience_of(r.kind)), options);
}

int lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("digest: only what became overdue since the last digest is new, and incidents come first") {
    const auto in = college();
    Obligation incident = item(Rule::incident_report, Status::overdue, 0, 0, ymd(2026, 9, 17));
    incident.record_id = 77;
    const std::vector<Obligation> items{
        item(Rule::visits, Status::overdue, 0, 0, ymd(2026, 11, 22)),             // new since 11-22
        item(Rule::talks, Status::overdue, 0, 0, ymd(2026, 11, 22), 3),           // new, grouped
        item(Rule::talks, Status::overdue, 0, 0, ymd(2026, 11, 22), 4),           // with this one
        item(Rule::feedback_form, Status::overdue, 0, 1, ymd(2026, 11, 16), -1),  // older
        item(Rule::visits, Status::due_soon, 0, 1, ymd(2026, 11, 29)),
        incident,
        item(Rule::visits, Status::overdue, 1, 2, ymd(2026, 11, 23)),  // another counselor's
    };
    const auto d = digest(in, items, {Kind::counselor, 0, {}}, ymd(2026, 11, 22));
    CHECK(d.overdue == 5);
    CHECK(d.fresh == 3);
    CHECK(d.due_soon == 1);
    REQUIRE(d.new_items.size() == 2);
    CHECK(d.new_items[1].rule == Rule::talks);
    CHECK(d.new_items[1].count == 2);
    REQUIRE(d.members.size() == 2);
    CHECK(d.members[0].member == 0);  // the oldest item first: the incident of 09-17
    CHECK(d.members[0].visits == 1);
    CHECK(d.members[0].talks == 2);
    CHECK(d.members[0].other == 1);
    CHECK(d.members[1].forms == 1);

    const std::string text = render_digest_text(d, Language::zh);
    CHECK(text.find("#77") < text.find("新增逾期"));
    CHECK(text.find("新增逾期") < text.find("各党员逾期"));
    CHECK(text.find("各党员逾期") < text.find("近期到期"));
    CHECK(text.find("王芳 谈心 第10周 ×2 截止11-22") != std::string::npos);
    CHECK(text.find("此前逾期仍未完成 2 项") != std::string::npos);
    CHECK(text.find("张伟") == std::string::npos);  // not this counselor's member

    // The next day only what fell due since is new.
    const auto next = digest(in, items, {Kind::counselor, 1, {}}, ymd(2026, 11, 23));
    CHECK(next.fresh == 1);
    const auto later = digest(in, items, {Kind::counselor, 1, {}}, ymd(2026, 11, 24));
    CHECK(later.fresh == 0);
    CHECK(later.new_items.empty());
    CHECK(render_digest_text(later, Language::en).find("Newly overdue") == std::string::npos);
  }

  TEST_CASE("digest: lists are bounded unless every item is asked for") {
    const auto in = college(40);
    std::vector<Obligation> items;
    for (int m = 5; m < 45; ++m) {
      for (int w = 0; w < 3; ++w)
        items.push_back(item(Rule::visits, Status::overdue, 0, m, ymd(2026, 11, static_cast<unsigned>(22 - 7 * w))));
    }
    const auto d = digest(in, items, {Kind::counselor, 0, {}}, std::nullopt);
    CHECK(d.members.size() == 40);
    const std::string text = render_digest_text(d, Language::zh);
    CHECK(lines(text) <= 60);
    CHECK(text.find("……另有 22 人") != std::string::npos);
    const std::string all =
        render_digest_text(digest(in, items, {Kind::counselor, 0, {}}, std::nullopt, true), Language::zh);
    CHECK(lines(all) > 120);
    CHECK(all.find("另有") == std::string::npos);
  }

  TEST_CASE("digest: each recipient sees what its audience may") {
    const auto in = college();
    Obligation incident = item(Rule::incident_report, Status::overdue, 0, 0, ymd(2026, 9, 17));
    incident.record_id = 77;
    const std::vector<Obligation> items{
        item(Rule::attention_talks, Status::overdue, 0, 0, ymd(2026, 11, 22), 4),
        item(Rule::talks, Status::overdue, 0, 1, ymd(2026, 11, 22), 3),
        item(Rule::visits, Status::overdue, 1, 2, ymd(2026, 11, 22)),
        incident,
    };
    // A branch secretary: the branch's members, residents never named, no attention category.
    const auto branch = digest(in, items, {Kind::branch, -1, "支部A"}, std::nullopt);
    const std::string b = render_digest_text(branch, Language::zh) + render_digest_json({branch});
    CHECK(branch.overdue == 3);
    CHECK(b.find("王芳") != std::string::npos);
    CHECK(b.find("张伟") != std::string::npos);
    CHECK(b.find("李明") == std::string::npos);
    CHECK(b.find("钱关注") == std::string::npos);
    CHECK(b.find("重点关注") == std::string::npos);
    CHECK(b.find("attention") == std::string::npos);
    // A member: their own items only.
    const auto member = digest(in, items, {Kind::member, 1, {}}, std::nullopt);
    CHECK(member.overdue == 1);
    CHECK(render_digest_text(member, Language::zh).find("王芳") == std::string::npos);
    // The committee: counts per counselor, no name of a student, incidents below the threshold hidden.
    const auto committee = digest(in, items, {Kind::committee, -1, {}}, std::nullopt);
    const std::string c = render_digest_text(committee, Language::zh) + render_digest_json({committee});
    for (const auto& p : in.people) CHECK(c.find(p.name) == std::string::npos);
    CHECK(c.find("陈老师：逾期 3") != std::string::npos);
    CHECK(c.find("杨老师：逾期 1") != std::string::npos);
    CHECK(c.find("突发事件未按时报告：<3") != std::string::npos);
    CHECK(c.find("\"incidents\": \"<3\"") != std::string::npos);
    CHECK(recipient_key(in, {Kind::counselor, 1, {}}) == "counselor:T02");
    CHECK(recipient_key(in, {Kind::branch, -1, "支部A"}) == "branch:支部A");
  }

  TEST_CASE("digest subject and the first digest of a recipient") {
    const auto in = college();
    const std::vector<Obligation> items{item(Rule::visits, Status::overdue, 0, 0, ymd(2026, 10, 4))};
    const auto d = digest(in, items, {Kind::counselor, 0, {}}, std::nullopt);
    CHECK(d.fresh == 1);
    CHECK(digest_subject(d, Language::zh) == "dormlink 11月24日：逾期 1 项（新增 1）");
    CHECK(digest_subject(d, Language::en) == "dormlink 11-24: 1 overdue (1 new)");
    CHECK(render_digest_text(d, Language::zh).find("逾期事项（1）") != std::string::npos);
  }
}
