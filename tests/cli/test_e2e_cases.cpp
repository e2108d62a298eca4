// Concerns and incidents as cases on the example college (docs/cases.md): a concern opened with
// log-visit, acknowledged, acted on and closed by staff, listed in both languages; refused steps
// leave the database byte for byte as it was; batch entry with 需上报情况; purge erases the
// texts; verify walks the case chain and names a tampered event. The real clock is moved with
// faketime (UTC; the college is in Asia/Shanghai, eight hours ahead).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "harness.hpp"

namespace {

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

// 李惠晓 (2024160203) holds 10-101, where 曾安紫 (2024160126), 许紫子 (2024160128) and 杨可
// (2024160130) live; their counselor is 李强晟 (T2019001, 2024级).
constexpr const char* k_open_clock = "2026-11-24 11:45:00";   // 19:45 in the college
constexpr const char* k_ack_clock = "2026-11-24 12:30:00";    // 20:30
constexpr const char* k_act_clock = "2026-11-25 02:30:00";    // 10:30 the next day
constexpr const char* k_close_clock = "2026-11-26 01:00:00";  // 09:00

const std::map<std::string, std::string> k_zh{{"DORMLINK_MESSAGES", "zh"}};

void copy_college(const Sandbox& box) {
  std::filesystem::copy_file(dormlink::e2e::example_college_db(), box.path("college.db"));
  box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> db(std::vector<std::string> more) {
  more.insert(more.begin(), {"--db", "college.db"});
  return more;
}

std::string text(const Sandbox& box, const std::string& sql) {
  auto r = box.run_program("/usr/bin/sqlite3", {box.path("college.db"), sql});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  return r.out;
}

long long last_record(const Sandbox& box) { return box.query_int("college.db", "SELECT max(id) FROM record"); }

// The talk with 曾安紫 and its concern, saved at 19:45; returns the talk's number.
long long open_concern(const Sandbox& box) {
  const auto r = box.run_at(
      k_open_clock, db({"log-visit", "--member", "李惠晓", "--dorm", "10-101", "--kind", "talk", "--talked", "曾安紫",
                        "--at", "2026-11-24 19:30", "--concern", "情绪低落，提到不想上课", "--escalate-to", "辅导员"}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto id = last_record(box);
  CHECK(has(r.err, "saved record #" + std::to_string(id) + " · "));
  CHECK(has(r.err, "talk 10-101 2026-11-24 19:30 · concern reported to the counselor\n"));
  return id;
}

// Runs a command that must be refused with `exit_code` and checks that it changed nothing.
Result refused(const Sandbox& box, const char* clock, const std::vector<std::string>& args, int exit_code) {
  const auto before = box.read("college.db");
  const auto r = box.run_at(clock, db(args));
  INFO(r.err);
  CHECK(r.exit_code == exit_code);
  CHECK_MESSAGE(box.read("college.db") == before, "a refused command changed the database");
  return r;
}

}  // namespace

TEST_SUITE("e2e.cases") {
  TEST_CASE("a concern: opened with its talk, acknowledged, acted on, closed, listed in zh and en") {
    Sandbox box;
    copy_college(box);
    const auto events_before = box.query_int("college.db", "SELECT count(*) FROM case_event");
    const auto talk = open_concern(box);
    const auto n = std::to_string(talk);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM case_event") == events_before + 1);
    CHECK(text(box,
               "SELECT case_kind, record_id, student_id, step, escalate_to, happened_at FROM case_event "
               "ORDER BY id DESC LIMIT 1") == "concern|" + n + "|2024160126|open|counselor|2026-11-24 19:30");
    CHECK(text(box, "SELECT t.text FROM case_text t JOIN case_event e ON e.id = t.event_id WHERE e.record_id = " + n) ==
          "情绪低落，提到不想上课");

    // Before anyone acknowledged it: reported.
    const auto listed = box.run(db({"--as-of", "2026-11-24", "concern", "list"}));
    CHECK(listed.exit_code == 0);
    CHECK(has(listed.out, "李惠晓"));
    CHECK(has(listed.out, "曾安紫"));
    CHECK(has(listed.out, "reported"));
    CHECK_FALSE(has(listed.out, "情绪低落"));  // the text only with --include-sensitive

    const auto ack = box.run_at(k_ack_clock, db({"concern", "ack", n, "--by", "李强晟", "--at", "2026-11-24 20:00"}));
    INFO(ack.err);
    REQUIRE(ack.exit_code == 0);
    const auto hash = text(box, "SELECT substr(hash, 1, 12) FROM case_event ORDER BY id DESC LIMIT 1");
    CHECK(ack.err == "recorded concern #" + n + " · acknowledged 2026-11-24 20:00 · " + hash + "\n");
    CHECK(text(box, "SELECT step, staff_id, happened_at, student_id FROM case_event ORDER BY id DESC LIMIT 1") ==
          "ack|T2019001|2026-11-24 20:00|2024160126");

    // Refused, and the database is as it was: ack twice, act without a note, a step before the
    // case's last step or after now, an unknown staff member, a number that is no concern.
    const auto twice = refused(box, k_act_clock, {"concern", "ack", n, "--by", "T2019001"}, 65);
    CHECK(has(twice.err, "was already acknowledged on 2026-11-24 20:00 by T2019001"));
    refused(box, k_act_clock, {"concern", "act", n, "--by", "T2019001"}, 64);
    const auto early = refused(
        box, k_act_clock, {"concern", "act", n, "--by", "T2019001", "--note", "x", "--at", "2026-11-24 19:50"}, 65);
    CHECK(has(early.err, "before the case's last step (2026-11-24 20:00)"));
    const auto future = refused(
        box, k_act_clock, {"concern", "act", n, "--by", "T2019001", "--note", "x", "--at", "2026-11-25 11:00"}, 65);
    CHECK(has(future.err, "is later than now (2026-11-25 10:30)"));
    const auto nobody = refused(box, k_act_clock, {"concern", "act", n, "--by", "无此人", "--note", "x"}, 65);
    CHECK(has(nobody.err, "--by \"无此人\": nobody on the staff roster"));
    const auto visit = refused(box, k_act_clock, {"concern", "ack", "2", "--by", "T2019001"}, 65);
    CHECK(has(visit.err, "record #2 is a visit, not a concern"));
    const auto plain_talk = refused(box, k_act_clock, {"concern", "ack", "3", "--by", "T2019001"}, 65);
    CHECK(has(plain_talk.err, "record #3 is a talk without a concern"));
    const auto not_incident = refused(box, k_act_clock, {"incident", "ack", n, "--by", "T2019001"}, 65);
    CHECK(has(not_incident.err, "record #" + n + " is a talk, not an incident"));

    const auto act = box.run_at(
        k_act_clock,
        db({"concern", "act", n, "--by", "T2019001", "--note", "已约谈学生并联系家长", "--at", "2026-11-25 10:00"}),
        k_zh);
    INFO(act.err);
    REQUIRE(act.exit_code == 0);
    CHECK(has(act.err, "已记录 关注事项 #" + n + " · 已处理 2026-11-25 10:00 · "));

    const auto en = box.run(db({"--as-of", "2026-11-25", "concern", "list", "--counselor", "李强晟"}));
    CHECK(en.exit_code == 0);
    CHECK(has(en.out, "Reported to"));
    CHECK(has(en.out, "counselor"));
    CHECK(has(en.out, "2026-11-24 19:30"));
    CHECK(has(en.out, "2026-11-24 20:00"));
    CHECK(has(en.out, "李强晟"));
    CHECK(has(en.out, "action 2026-11-25 10:00"));
    const auto zh = box.run(db({"--as-of", "2026-11-25", "concern", "list"}), k_zh);
    CHECK(has(zh.out, "上报对象"));
    CHECK(has(zh.out, "处理中"));
    CHECK(has(zh.out, "处理 2026-11-25 10:00"));
    // As of the day before the act, the case was acknowledged only.
    CHECK(has(box.run(db({"--as-of", "2026-11-24", "concern", "list"}), k_zh).out, "已确认"));
    // Another counselor's members: not listed.
    CHECK_FALSE(has(box.run(db({"--as-of", "2026-11-25", "concern", "list", "--counselor", "陈逸"})).out, "李惠晓"));

    const auto json = box.run(db({"--as-of", "2026-11-25", "concern", "list", "--format", "json"}));
    CHECK(has(json.out, "\"number\": " + n));
    CHECK(has(json.out, "\"student_id\": \"2024160126\""));
    CHECK(has(json.out, "\"status\": \"action\""));
    const auto csv = box.run(db({"--as-of", "2026-11-25", "concern", "list", "--format", "csv", "--raw"}));
    CHECK(has(csv.out, "No.,Member,Member id,Dorm,Student,Student id"));

    // The texts, audited.
    refused(box, k_act_clock, {"concern", "list", "--include-sensitive"}, 64);
    const auto audits = box.query_int("college.db", "SELECT count(*) FROM sensitive_access");
    const auto sensitive =
        box.run(db({"--as-of", "2026-11-25", "concern", "list", "--include-sensitive", "--reason", "约谈前核对"}));
    CHECK(sensitive.exit_code == 0);
    CHECK(has(sensitive.out, "open: 情绪低落，提到不想上课 / action: 已约谈学生并联系家长"));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM sensitive_access") == audits + 1);

    const auto close = box.run_at(k_close_clock, db({"concern", "close", n, "--by", "李强晟"}));
    CHECK(close.exit_code == 0);
    CHECK(has(close.err, "recorded concern #" + n + " · closed 2026-11-26 09:00 · "));
    const auto after_close =
        refused(box, k_close_clock, {"concern", "act", n, "--by", "李强晟", "--note", "再次回访"}, 65);
    CHECK(has(after_close.err, "was closed on 2026-11-26 09:00 by T2019001"));
    CHECK(has(box.run(db({"--as-of", "2026-11-26", "concern", "list"})).out, "closed"));
    CHECK_FALSE(has(box.run(db({"--as-of", "2026-11-26", "concern", "list", "--open"})).out, "李惠晓"));

    const auto verify = box.run(db({"verify"}));
    CHECK(verify.exit_code == 0);
    CHECK(has(verify.out, "case events intact; case chain head "));
  }

  TEST_CASE("a concern needs a talk about one student: refused on the command line, chosen with --concern-about") {
    Sandbox box;
    copy_college(box);
    const std::vector<std::string> two{"log-visit",        "--member",  "李惠晓",   "--dorm",        "10-101",
                                       "--kind",           "talk",      "--talked", "曾安紫,许紫子", "--at",
                                       "2026-11-24 19:30", "--concern", "作息混乱"};
    const auto several = refused(box, k_open_clock, two, 64);
    CHECK(has(several.err, "--concern: the talk names 2 students"));
    CHECK(has(several.err, "--concern-about"));
    auto wrong = two;
    wrong.insert(wrong.end(), {"--concern-about", "杨可"});
    CHECK(has(refused(box, k_open_clock, wrong, 64).err, "--concern-about \"杨可\": not one of the talk's students"));
    const auto visit_alone = refused(
        box, k_open_clock,
        {"log-visit", "--member", "李惠晓", "--dorm", "10-101", "--at", "2026-11-24 19:30", "--concern", "作息混乱"},
        64);
    CHECK(has(visit_alone.err, "--concern goes on a talk"));
    refused(box, k_open_clock,
            {"log-visit", "--member", "李惠晓", "--dorm", "10-101", "--kind", "talk", "--talked", "曾安紫", "--at",
             "2026-11-24 19:30", "--escalate-to", "班主任"},
            64);
    refused(box, k_open_clock,
            {"log-visit", "--member", "李惠晓", "--dorm", "10-101", "--kind", "talk", "--talked", "曾安紫", "--at",
             "2026-11-24 19:30", "--concern", "x", "--escalate-to", "校长"},
            64);

    auto chosen = two;
    chosen.insert(chosen.end(), {"--concern-about", "xzz", "--escalate-to", "head_teacher"});  // 许紫子 by initials
    const auto ok = box.run_at(k_open_clock, db(chosen), k_zh);
    INFO(ok.err);
    REQUIRE(ok.exit_code == 0);
    CHECK(has(ok.err, " · 已上报班主任的关注事项\n"));
    CHECK(text(box, "SELECT student_id, escalate_to FROM case_event ORDER BY id DESC LIMIT 1") ==
          "2024160128|head_teacher");
    // One concern per talk: a correction of the talk cannot open a second one.
    const auto talk = std::to_string(last_record(box));
    const std::vector<std::string> again{"log-visit",        "--member",  "李惠晓",   "--dorm",     "10-101",
                                         "--kind",           "talk",      "--talked", "许紫子",     "--at",
                                         "2026-11-24 19:35", "--concern", "作息混乱", "--corrects", talk,
                                         "--reason",         "时间记错"};
    CHECK(has(refused(box, k_open_clock, again, 65).err, "has a concern already"));

    // A visit with --talked: the visit and a talk, the concern on the talk.
    const auto before = last_record(box);
    const auto visit = box.run_at(k_open_clock, db({"log-visit", "--member", "李惠晓", "--dorm", "10-101", "--talked",
                                                    "杨可", "--at", "2026-11-24 19:40", "--concern", "经常夜不归宿"}));
    INFO(visit.err);
    REQUIRE(visit.exit_code == 0);
    CHECK(last_record(box) == before + 2);
    CHECK(text(box, "SELECT kind FROM record WHERE id = " + std::to_string(before + 1)) == "visit");
    CHECK(text(box, "SELECT kind FROM record WHERE id = " + std::to_string(before + 2)) == "talk");
    CHECK(text(box, "SELECT record_id, student_id FROM case_event ORDER BY id DESC LIMIT 1") ==
          std::to_string(before + 2) + "|2024160130");
  }

  TEST_CASE("log-visit --from-csv reads 需上报情况 and 上报对象, and refuses a row that is no talk") {
    Sandbox box;
    copy_college(box);
    const std::string header = "党员姓名,联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,需上报情况,上报对象\n";
    box.write("bad.csv", header +
                             "李惠晓,10-101,2026-11-24 19:30,曾安紫（谈心）,交流近况,,\n"
                             "李惠晓,10-101,2026-11-24 19:35,（走访）,检查卫生,寝室有人抽烟,辅导员\n");
    const auto bad = refused(box, k_open_clock, {"log-visit", "--from-csv", "bad.csv"}, 65);
    CHECK(has(bad.err, "bad.csv:3"));
    CHECK(has(bad.err, "需上报情况"));
    box.write("good.csv", header +
                              "李惠晓,10-101,2026-11-24 19:30,曾安紫（谈心）,交流近况,提到家庭变故,班主任\n"
                              "李惠晓,10-101,2026-11-24 19:35,许紫子（谈心）,交流学习,,\n");
    const auto events = box.query_int("college.db", "SELECT count(*) FROM case_event");
    const auto good = box.run_at(k_open_clock, db({"log-visit", "--from-csv", "good.csv"}));
    INFO(good.err);
    REQUIRE(good.exit_code == 0);
    CHECK(has(good.err, " · 1 concern reported to staff\n"));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM case_event") == events + 1);
    CHECK(text(box, "SELECT e.record_id = " + std::to_string(last_record(box) - 1) +
                        ", e.student_id, e.escalate_to, t.text FROM case_event e JOIN case_text t ON t.event_id = e.id "
                        "ORDER BY e.id DESC LIMIT 1") == "1|2024160126|head_teacher|提到家庭变故");
  }

  TEST_CASE("an incident is a case: acknowledged beside the member's claimed report, purged, tampered, verified") {
    Sandbox box;
    copy_college(box);
    const auto found = box.run_at(
        k_ack_clock, db({"log-visit", "--member", "李惠晓", "--dorm", "10-101", "--kind", "incident", "--category",
                         "使用违规电器", "--at", "2026-11-24 19:50", "--reported-to", "辅导员", "--reported-at",
                         "2026-11-24 20:05", "--talked", "曾安紫", "--progress", "已没收热得快"}));
    INFO(found.err);
    REQUIRE(found.exit_code == 0);
    const auto n = std::to_string(last_record(box));
    refused(box, k_act_clock, {"incident", "ack", n, "--by", "李强晟", "--at", "2026-11-24 19:40"}, 65);
    const auto ack = box.run_at(k_act_clock, db({"incident", "ack", n, "--by", "T2019001", "--at", "2026-11-24 20:15",
                                                 "--note", "已收到电话报告"}));
    INFO(ack.err);
    REQUIRE(ack.exit_code == 0);
    CHECK(has(ack.err, "recorded incident #" + n + " · acknowledged 2026-11-24 20:15 · "));
    const auto list = box.run(db({"--as-of", "2026-11-25", "incident", "list"}), k_zh);
    CHECK(has(list.out, "党员称已报告"));
    CHECK(has(list.out, "使用违规电器"));
    CHECK(has(list.out, "2026-11-24 20:05"));
    CHECK(has(list.out, "2026-11-24 20:15"));
    const auto event = text(box, "SELECT max(id) FROM case_event");

    // purge N erases the notes of its case too; verify still passes.
    const auto purge = box.run(db({"purge", n, "--reason", "学生申请", "--yes"}));
    INFO(purge.err);
    REQUIRE(purge.exit_code == 0);
    CHECK(text(box, "SELECT coalesce(text, 'NULL'), purged FROM case_text WHERE event_id = " + event) == "NULL|1");
    CHECK(box.run(db({"verify"})).exit_code == 0);

    // A case event changed behind dormlink's back is named.
    text(box, "DROP TRIGGER case_event_no_update; UPDATE case_event SET happened_at = '2026-11-24 19:55' WHERE id = " +
                  event + ";");
    const auto tampered = box.run(db({"verify"}));
    CHECK(tampered.exit_code == 1);
    CHECK(has(tampered.out, "FAILED at case event " + event + ": case event " + event + " was altered"));
  }
}
