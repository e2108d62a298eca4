// Cases (records/case.hpp, docs/cases.md): escalation names, the order of staff steps, the
// case chain and its verification.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dormlink/records/case.hpp"

using namespace dormlink::records;

namespace {

CaseEvent open_event(std::int64_t id, const std::string& at) {
  CaseEvent e;
  e.id = id;
  e.kind = CaseKind::concern;
  e.record_id = 812;
  e.student_id = "2024160126";
  e.step = CaseStep::open;
  e.escalate_to = Escalation::counselor;
  e.happened_at = at;
  e.entered_at = at + ":00";
  e.entered_by = "member";
  return e;
}

CaseEvent staff_event(std::int64_t id, CaseStep step, const std::string& at, const std::string& staff = "T2024001") {
  CaseEvent e = open_event(id, at);
  e.step = step;
  e.escalate_to.reset();
  e.staff_id = staff;
  e.entered_by = "counselor";
  return e;
}

// A well-formed case chain of these events with these texts, as the store writes it.
std::vector<CaseChainEntry> chain_of(const std::vector<CaseEvent>& events,
                                     const std::vector<std::optional<std::string>>& texts) {
  std::vector<CaseChainEntry> out;
  Digest previous = k_genesis;
  for (std::size_t i = 0; i < events.size(); ++i) {
    CaseChainEntry entry;
    entry.event = events[i];
    entry.text = texts[i];
    entry.has_text_row = texts[i].has_value();
    entry.text_digest = to_hex(case_text_digest(texts[i]));
    entry.prev_hash = to_hex(previous);
    previous = link(previous, canonical_case_event(events[i], entry.text_digest));
    entry.hash = to_hex(previous);
    out.push_back(entry);
  }
  return out;
}

std::optional<ChainFault> verify(const std::vector<CaseChainEntry>& entries) {
  CaseChainVerifier verifier;
  for (const auto& e : entries) {
    if (auto fault = verifier.next(e)) return fault;
  }
  return std::nullopt;
}

std::vector<CaseChainEntry> three_steps() {
  return chain_of({open_event(1, "2026-11-24 19:45"), staff_event(2, CaseStep::ack, "2026-11-24 20:00"),
                   staff_event(3, CaseStep::action, "2026-11-25 10:00")},
                  {std::string("情绪低落，提到不想上课"), std::nullopt, std::string("已约谈学生并联系家长")});
}

}  // namespace

TEST_SUITE("case") {
  TEST_CASE("escalation: keys, Chinese names and their short forms") {
    CHECK(parse_escalation("counselor") == Escalation::counselor);
    CHECK(parse_escalation("Counselor") == Escalation::counselor);
    CHECK(parse_escalation(" 辅导员 ") == Escalation::counselor);
    CHECK(parse_escalation("head_teacher") == Escalation::head_teacher);
    CHECK(parse_escalation("班主任") == Escalation::head_teacher);
    CHECK(parse_escalation("leader") == Escalation::leader);
    CHECK(parse_escalation("学院领导") == Escalation::leader);
    CHECK(parse_escalation("领导") == Escalation::leader);
    CHECK_FALSE(parse_escalation("校长").has_value());
    CHECK_FALSE(parse_escalation("").has_value());
    CHECK(label_zh(Escalation::leader) == "学院领导");
    CHECK(key(Escalation::head_teacher) == "head_teacher");
    CHECK(parse_case_step("action") == CaseStep::action);
    CHECK(label_zh(CaseStatus::reported) == "待确认");
  }

  TEST_CASE("a concern folds: reported, then acknowledged by the first staff step") {
    const auto open = open_event(1, "2026-11-24 19:45");
    auto s = fold_case(CaseKind::concern, "", {open});
    CHECK(s.opened_at == "2026-11-24 19:45");
    CHECK(s.status() == CaseStatus::reported);
    CHECK(s.escalate_to == Escalation::counselor);
    CHECK(s.student_id == "2024160126");
    s = fold_case(CaseKind::concern, "", {open, staff_event(2, CaseStep::ack, "2026-11-24 20:00")});
    CHECK(s.status() == CaseStatus::acknowledged);
    CHECK(s.acknowledged_at == "2026-11-24 20:00");
    CHECK(s.acknowledged_by == "T2024001");
  }

  TEST_CASE("an act before any ack acknowledges the case at the act's time") {
    const auto s = fold_case(CaseKind::concern, "",
                             {open_event(1, "2026-11-24 19:45"), staff_event(2, CaseStep::action, "2026-11-25 09:00")});
    CHECK(s.acknowledged_at == "2026-11-25 09:00");
    CHECK(s.acknowledged_by_step == CaseStep::action);
    CHECK(s.actions == 1);
    CHECK(s.status() == CaseStatus::action);
    // ... so a later ack is an ack twice.
    CHECK(check_step(s, CaseStep::ack, "2026-11-25 10:00", "2026-12-01 00:00") == StepRefusal::already_acknowledged);
    CHECK(check_step(s, CaseStep::close, "2026-11-26 10:00", "2026-12-01 00:00") == StepRefusal::none);
  }

  TEST_CASE("the order of steps: ack twice, anything after close, times") {
    const auto open = open_event(1, "2026-11-24 19:45");
    const std::string now = "2026-11-30 12:00";
    auto s = fold_case(CaseKind::concern, "", {open});
    CHECK(check_step(s, CaseStep::ack, "2026-11-24 20:00", now) == StepRefusal::none);
    CHECK(check_step(s, CaseStep::ack, "2026-11-24 19:45", now) == StepRefusal::none);  // the same minute
    CHECK(check_step(s, CaseStep::ack, "2026-11-24 19:44", now) == StepRefusal::before_opened);
    CHECK(check_step(s, CaseStep::ack, "2026-11-30 12:01", now) == StepRefusal::later_than_now);
    s = fold_case(CaseKind::concern, "", {open, staff_event(2, CaseStep::ack, "2026-11-24 20:00")});
    CHECK(check_step(s, CaseStep::ack, "2026-11-25 20:00", now) == StepRefusal::already_acknowledged);
    CHECK(check_step(s, CaseStep::action, "2026-11-24 19:50", now) == StepRefusal::before_last_step);
    CHECK(check_step(s, CaseStep::action, "2026-11-24 20:00", now) == StepRefusal::none);
    s = fold_case(
        CaseKind::concern, "",
        {open, staff_event(2, CaseStep::ack, "2026-11-24 20:00"), staff_event(3, CaseStep::close, "2026-11-26 08:00")});
    CHECK(s.status() == CaseStatus::closed);
    CHECK(s.closed_at == "2026-11-26 08:00");
    for (auto step : {CaseStep::ack, CaseStep::action, CaseStep::close}) {
      CHECK(check_step(s, step, "2026-11-27 08:00", now) == StepRefusal::closed);
    }
    CHECK(check_step(fold_case(CaseKind::concern, "", {}), CaseStep::ack, "2026-11-27 08:00", now) ==
          StepRefusal::not_opened);
  }

  TEST_CASE("an incident opens at its found time and counts steps up to --as-of") {
    const std::vector<CaseEvent> steps{staff_event(1, CaseStep::ack, "2026-10-14 22:30"),
                                       staff_event(2, CaseStep::close, "2026-10-20 09:00")};
    auto s = fold_case(CaseKind::incident, "2026-10-14 21:10", {});
    CHECK(s.status() == CaseStatus::reported);
    CHECK(check_step(s, CaseStep::ack, "2026-10-14 21:00", "2026-12-01 00:00") == StepRefusal::before_opened);
    s = fold_case(CaseKind::incident, "2026-10-14 21:10", steps, "2026-10-15 23:59");
    CHECK(s.status() == CaseStatus::acknowledged);
    CHECK_FALSE(s.closed_at.has_value());
    s = fold_case(CaseKind::incident, "2026-10-14 21:10", steps);
    CHECK(s.status() == CaseStatus::closed);
    CHECK(s.opened_at == "2026-10-14 21:10");
  }

  TEST_CASE("the case chain verifies, and a tampered event is named") {
    CHECK_FALSE(verify(three_steps()).has_value());

    auto altered = three_steps();
    altered[1].event.staff_id = "T2019001";  // someone else acknowledged it
    auto fault = verify(altered);
    REQUIRE(fault);
    CHECK(fault->id == 2);
    CHECK(fault->what.find("altered") != std::string::npos);

    auto later = three_steps();
    later[1].event.happened_at = "2026-11-24 21:00";  // a later acknowledgement
    REQUIRE(verify(later));
    CHECK(verify(later)->id == 2);

    auto removed = three_steps();
    removed.erase(removed.begin() + 1);
    fault = verify(removed);
    REQUIRE(fault);
    CHECK(fault->id == 2);
    CHECK(fault->what.find("missing") != std::string::npos);

    auto renumbered = three_steps();
    renumbered.erase(renumbered.begin() + 1);
    renumbered[1].event.id = 2;  // the gap closed: its hash no longer matches
    REQUIRE(verify(renumbered));
    CHECK(verify(renumbered)->id == 2);

    auto reordered = three_steps();  // read out of id order: #2 is missing where it should be
    std::swap(reordered[1], reordered[2]);
    REQUIRE(verify(reordered));
    CHECK(verify(reordered)->id == 2);
  }

  TEST_CASE("the case chain checks texts against their digests, and skips purged ones") {
    auto text = three_steps();
    text[0].text = "一切正常";
    auto fault = verify(text);
    REQUIRE(fault);
    CHECK(fault->id == 1);
    CHECK(fault->what.find("text") != std::string::npos);

    auto purged = three_steps();
    purged[0].text.reset();
    purged[0].purged = true;
    CHECK_FALSE(verify(purged).has_value());

    auto removed_row = three_steps();  // the text row deleted: the digest still says there was one
    removed_row[2].has_text_row = false;
    removed_row[2].text.reset();
    REQUIRE(verify(removed_row));
    CHECK(verify(removed_row)->id == 3);

    CaseChainVerifier verifier;
    for (const auto& e : three_steps()) CHECK_FALSE(verifier.next(e).has_value());
    CHECK(verifier.count() == 3);
    CHECK(to_hex(verifier.head()) == three_steps().back().hash);
  }

  TEST_CASE("the canonical encoding types NULL apart and covers every column") {
    const auto e = staff_event(2, CaseStep::ack, "2026-11-24 20:00");
    const auto digest = to_hex(case_text_digest(std::nullopt));
    CHECK(case_text_digest(std::nullopt) != case_text_digest(std::string()));
    auto other = e;
    other.student_id.reset();
    CHECK(canonical_case_event(e, digest) != canonical_case_event(other, digest));
    other = e;
    other.kind = CaseKind::incident;
    CHECK(canonical_case_event(e, digest) != canonical_case_event(other, digest));
    other = e;
    other.entered_by = "someone";
    CHECK(canonical_case_event(e, digest) != canonical_case_event(other, digest));
  }
}
