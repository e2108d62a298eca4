// dormlink inspect record --finding (docs/inspect.md "Findings without a record"): what the
// inspection group found in a dorm with no record to check — 学生称从未见过党员, the dorm's
// condition, an incident — saved with the dorm's member on that day; the receipt says which
// records of the member it contradicts, or whether a record reported the incident.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/inspect_support.hpp"
#include "dormlink/error.hpp"
#include "dormlink/inspect/observation.hpp"
#include "dormlink/message.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/report/inspection_report.hpp"
#include "dormlink/store/assignment_store.hpp"
#include "dormlink/store/inspection_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {
namespace {

// The messages of inspect record --finding (docs/messages.md).
namespace say {
inline constexpr Message bad_finding{
    "--finding {}: use no_contact (未联系, 学生称从未见过党员), dorm_condition (寝室状况) or other (其他)",
    "--finding {}：请用 no_contact（未联系、学生称从未见过党员）、dorm_condition（寝室状况）或 other（其他）"};
inline constexpr Message bad_category{
    "--category {}: use 赌博, 打架, 上网成瘾, 私自在外住宿, 使用违规电器, 无故旷课, 其他违纪 or 突发事件",
    "--category {}：请用 赌博、打架、上网成瘾、私自在外住宿、使用违规电器、无故旷课、其他违纪 或 突发事件"};
inline constexpr Message category_not_contact{
    "--category goes with --finding dorm_condition or other: a no_contact finding is not an incident",
    "--category 只能与 --finding dorm_condition 或 other 一起使用：未联系不是突发事件"};
inline constexpr Message note_required{"--note is required with --finding: what the inspectors found",
                                       "使用 --finding 时需要 --note：检查组发现了什么"};
inline constexpr Message not_with_finding{
    "{} does not go with --finding: a finding without a record is about the dorm, and its member is the one the "
    "assignment names on that day",
    "{} 不能与 --finding 一起使用：无记录的检查发现针对寝室，其党员是当日分配中联系该寝室的党员"};
inline constexpr Message outside_semesters{"the inspection date {} is before every semester of the calendar",
                                           "检查日期 {} 早于校历中的所有学期"};
inline constexpr Message no_dorm{"--dorm {}: there is no such dorm on the roster of {}",
                                 "--dorm {}：{} 的寝室名册中没有这个寝室"};
inline constexpr Message student_elsewhere{"--student {}: {} {} lives in dorm {} on {}, not in {}",
                                           "--student {}：{} {} 在 {} 住在寝室 {}，而不是 {}"};
// A student who has no dorm on the day.
inline constexpr Message no_dorm_name{"(none)", "（无）"};
}  // namespace say

// What --finding, --category and --note say, checked before the database opens (exit 64).
inspect::Observation parse_observation(const RecordOptions& o) {
  for (const auto& [given, option] :
       {std::pair{!o.member.empty(), "--member"}, std::pair{!o.confirmed.empty(), "--confirmed"},
        std::pair{!o.contradicted.empty(), "--contradicted"}})
    if (given) throw UsageError(say::not_with_finding(option));
  inspect::Observation ob;
  const auto finding = inspect::parse_finding(util::nfkc(std::string(util::trim(o.finding))));
  if (!finding) throw UsageError(say::bad_finding(quote_value(o.finding)));
  ob.finding = *finding;
  if (!util::trim(o.category).empty()) {
    const auto category = records::parse_incident_category(util::nfkc(std::string(util::trim(o.category))));
    if (!category) throw UsageError(say::bad_category(quote_value(o.category)));
    if (ob.finding == inspect::Finding::no_contact) throw UsageError(say::category_not_contact());
    ob.category = std::string(records::key(*category));
  }
  ob.note = std::string(util::trim(o.note));
  if (ob.note.empty()) throw UsageError(say::note_required());
  return ob;
}

void check_dorm(const roster::Snapshot& snapshot, const std::string& dorm, Date on) {
  for (const auto& d : snapshot.dorms)
    if (d.dorm.code() == dorm) return;
  throw DataError(say::no_dorm(quote_value(dorm), format_date(on)));
}

// The student asked: on the roster of the day (exit 64 otherwise), living in the dorm (exit 65).
const roster::StudentRow& asked_student(store::Database& db, const roster::Snapshot& snapshot, const std::string& text,
                                        const std::string& dorm, Date on) {
  const auto& s = find_student(db, snapshot, text, on, "--student");
  if (s.facts.dorm != dorm) {
    throw DataError(say::student_elsewhere(quote_value(text), s.facts.name, s.student_id,
                                           s.facts.dorm.empty() ? std::string(say::no_dorm_name()) : s.facts.dorm,
                                           format_date(on), dorm));
  }
  return s;
}

std::string member_label(const roster::Snapshot& snapshot, const std::optional<std::string>& id) {
  if (!id) return "";
  for (const auto& s : snapshot.students)
    if (s.student_id == *id) return s.facts.name + " " + s.student_id;
  return *id;
}

}  // namespace

int run_observation(Context& ctx, const RecordOptions& o) {
  auto ob = parse_observation(o);
  const Date on = inspected_on(ctx, o.on);
  ob.dorm = inspected_dorm(o.dorm);
  const auto inspector_typed = inspector_text(o.inspector);
  const auto& config = ctx.config();
  // The semester the day belongs to: the one containing it, else the one that ended last before.
  const Semester* semester = config.calendar.attributed(on);
  if (semester == nullptr) throw UsageError(say::outside_semesters(format_date(on)));
  auto db = ctx.open_database(store::OpenMode::read_write);
  report::ObservationReceipt receipt;
  db.transaction([&] {
    const auto snapshot = store::load_roster(db, on);
    check_dorm(snapshot, ob.dorm, on);
    if (!util::trim(o.student).empty()) {
      const auto& student = asked_student(db, snapshot, o.student, ob.dorm, on);
      ob.student_id = student.student_id;
      receipt.student = student.facts.name + " " + student.student_id;
    }
    const auto& inspector = find_inspector(snapshot, inspector_typed, on);
    ob.member_id = store::load_dorm_holder(db, semester->id, format_date(on), ob.dorm).member;
    if (o.sample > 0) check_sample(db, o.sample, "", ob.dorm);
    if (o.sample > 0) ob.sample_id = o.sample;
    ob.semester_id = semester->id;
    ob.inspected_on = format_date(on);
    ob.inspector_id = inspector.staff_id;
    ob.entered_at = ctx.timestamp();
    ob.entered_by = ctx.user();
    ob.id = store::save_observation(db, ob);
    store::link_observation(db, *semester, config.duties.repeat_window_days, ob);
    receipt.member = member_label(snapshot, ob.member_id);
    receipt.inspector = staff_label(inspector);
  });
  receipt.observation = std::move(ob);
  if (!ctx.options().quiet) cli::receipt(ctx, report::render_observation_receipt(receipt, ctx.language()));
  return 0;
}

}  // namespace dormlink::cli
