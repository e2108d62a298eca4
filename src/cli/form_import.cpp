// A returned feedback form read and checked as the member's own (form_import.hpp).
#include "cli/form_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "cli/form_import_messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/model.hpp"
#include "dormlink/records/chain.hpp"
#include "dormlink/store/record_store.hpp"
#include "dormlink/util/csv.hpp"
#include "dormlink/util/encoding.hpp"
#include "dormlink/xlsx/read.hpp"

namespace dormlink::cli {
namespace {

void throw_if_problems(ProblemCollector& problems, const std::string& file) {
  if (problems.empty()) return;
  const auto n = problems.size();
  throw DataError(form_msg::file_problems(file, n, n == 1 ? "" : "s"), problems.take());
}

records::FormGrid grid_of(const xlsx::Sheet& sheet, const std::string& source) {
  records::FormGrid grid{source, sheet.name, {}};
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    records::FormGrid::Line line{r + 1, {}};
    for (const auto& cell : sheet.rows[r]) line.cells.push_back(cell.text);
    grid.lines.push_back(std::move(line));
  }
  return grid;
}

// The sheet a member filled: 反馈表, else the first visible sheet with a table, else the first.
const xlsx::Sheet* main_sheet(const xlsx::Book& book, const std::string& source,
                              std::optional<records::FormGrid>& grid) {
  if (const auto* sheet = book.find("反馈表")) {
    grid = grid_of(*sheet, source);
    return sheet;
  }
  for (const auto& sheet : book.sheets) {
    if (sheet.hidden) continue;
    auto candidate = grid_of(sheet, source);
    if (records::find_table(candidate)) {
      grid = std::move(candidate);
      return &sheet;
    }
  }
  return nullptr;
}

void read_xlsx_form(Context& ctx, const std::string& bytes, FormFile& f) {
  const auto& limits = ctx.config().limits;
  xlsx::ReadLimits read_limits;
  read_limits.max_file_bytes = static_cast<std::size_t>(limits.max_file_mib) * 1024u * 1024u;
  read_limits.max_columns = std::min<std::size_t>(static_cast<std::size_t>(limits.max_columns), 16384);
  read_limits.max_cell_bytes = std::min<std::size_t>(static_cast<std::size_t>(limits.max_cell_kib) * 1024u, 32u << 10);
  const auto book = xlsx::read_book(bytes, read_limits, f.name);
  std::optional<records::FormGrid> grid;
  if (main_sheet(book, f.name, grid) == nullptr) {
    throw DataError(form_msg::no_form_sheet(f.name));
  }
  f.main = std::move(*grid);
  if (const auto* hidden = book.find("_dormlink")) f.hidden = grid_of(*hidden, f.name);
}

void read_csv_form(Context& ctx, std::string bytes, std::optional<util::Encoding> forced, FormFile& f) {
  auto decoded = util::decode_text(std::move(bytes), f.name, forced);
  const auto table = util::parse_csv(std::move(decoded.utf8), f.name, ctx.csv_limits());
  f.main = records::FormGrid{f.name, "", {}};
  f.main.lines.push_back({table.header.line, table.header.fields});
  for (auto& record : table.records()) f.main.lines.push_back({record.line, std::move(record.fields)});
  if (!records::find_table(f.main)) {
    throw DataError(form_msg::no_form_titles(f.name));
  }
}

// The member the form names: its 学号 (or hidden member_id), its 党员姓名, or --member.
const roster::StudentRow* find_member(const roster::Snapshot& snapshot, const std::string& text) {
  if (text.empty()) return nullptr;
  for (const auto& s : snapshot.students)
    if (s.student_id == text) return &s;
  const roster::StudentRow* found = nullptr;
  for (const auto& s : snapshot.students) {
    if (s.facts.name != text) continue;
    if (found != nullptr) return nullptr;  // a name two students share names neither
    found = &s;
  }
  return found;
}

// A student as messages name one: name and id when the roster knows the text, else the text
// as typed (quoted, or not shown when it looks like a phone).
std::string shown_student(const roster::Snapshot& snapshot, const std::string& text) {
  if (const auto* s = find_member(snapshot, text)) return fmt::format("{} {}", s->facts.name, s->student_id);
  return quote_value(text);
}

std::string member_of(const FormPlan& plan, const roster::Snapshot& snapshot, const FormImportOptions& o,
                      std::string& name) {
  const auto& h = plan.header;
  std::string text = !h.member_id.empty() ? h.member_id : !h.member_name.empty() ? h.member_name : o.member;
  if (!o.member.empty() && text != o.member) {
    if (const auto* named = find_member(snapshot, o.member);
        named == nullptr || (named->student_id != text && named->facts.name != text)) {
      throw DataError(form_msg::another_members_form(plan.file.name, shown_student(snapshot, text),
                                                     shown_student(snapshot, o.member)));
    }
  }
  if (text.empty()) {
    throw DataError(form_msg::no_member(plan.file.name));
  }
  const auto* s = find_member(snapshot, text);
  if (s == nullptr) {
    throw DataError(form_msg::unknown_member(plan.file.name, quote_value(text)));
  }
  name = s->facts.name;
  return s->student_id;
}

// The semester the form names: the hidden sheet's id, else 学期 as a semester's id or name.
const Semester* semester_named(const Config& config, const FormPlan& plan) {
  const auto& h = plan.header;
  const auto& text = !h.semester_id.empty() ? h.semester_id : h.semester_text;
  if (text.empty()) return nullptr;
  if (const auto* s = config.calendar.find(text)) return s;
  if (h.semester_id.empty()) {
    for (const auto& s : config.calendar.semesters)
      if (s.name == text) return &s;
  }
  throw DataError(form_msg::unknown_semester(
      plan.file.name, quote_value(text),
      config.calendar.semesters.empty() ? "2026-autumn" : config.calendar.semesters.front().id));
}

// The period most of the typed dates fall in (the earlier on a tie), within `semester` when
// the form names one; nullopt when no date falls in any period.
std::optional<std::pair<const Semester*, int>> period_of_dates(const Config& config, const Semester* semester,
                                                               const std::vector<Date>& dates) {
  std::map<std::pair<long long, int>, std::pair<const Semester*, int>>
      votes;  // (first Monday, number) -> (semester, count)
  for (const auto date : dates) {
    const auto* s = semester != nullptr ? semester : config.calendar.containing(date);
    if (s == nullptr) continue;
    const auto week = s->teaching_week(date);
    if (!week) continue;
    const int number = (*week - 1) / config.reporting.period_weeks + 1;
    auto& vote = votes[{static_cast<long long>(to_days(s->first_monday).time_since_epoch().count()), number}];
    vote.first = s;
    ++vote.second;
  }
  std::optional<std::pair<const Semester*, int>> best;
  int most = 0;
  for (const auto& [key, vote] : votes) {
    if (vote.second > most) {
      most = vote.second;
      best = std::pair{vote.first, key.second};
    }
  }
  return best;
}

// The form's period: from the form (hidden sheet or 学期 and 期次编号), else the period most of
// its dates fall in, else (a form with no dated row) the period whose form is due today.
check::ReportPeriod period_of(Context& ctx, const FormPlan& plan) {
  const auto& config = ctx.config();
  const auto* semester = semester_named(config, plan);
  int number = plan.header.period.value_or(0);
  if (number == 0 || semester == nullptr) {
    if (auto found = period_of_dates(config, semester, records::table_dates(plan.file.main, ctx.today()))) {
      semester = found->first;
      if (number == 0) number = found->second;
    }
  }
  if (semester != nullptr && number != 0) {
    if (number > check::period_count(*semester, config)) {
      throw DataError(
          form_msg::period_count(plan.file.name, semester->id, check::period_count(*semester, config), number));
    }
    return check::make_period(*semester, config, number);
  }
  try {
    return check::choose_period(config, check::PeriodSpec{"previous", semester, false}, ctx.today());
  } catch (const UsageError&) {
    throw DataError(form_msg::no_period(plan.file.name));
  }
}

void check_form_id(store::Database& db, const FormPlan& plan) {
  const auto& h = plan.header;
  if (h.form_id.empty()) {
    if (h.hidden_sheet) {
      throw DataError(form_msg::no_form_id(plan.file.name));
    }
    return;
  }
  const auto expected =
      records::make_form_id(store::form_secret(db), plan.member_id, plan.period.semester_id, plan.period.number);
  if (h.form_id != expected) {
    throw DataError(form_msg::wrong_form_id(plan.file.name, quote_value(h.form_id), plan.member_id,
                                            plan.period.semester_id, plan.period.number));
  }
}

}  // namespace

FormFile read_form_file(Context& ctx, const std::string& path, std::optional<util::Encoding> encoding) {
  auto input = ctx.read_input(path);
  FormFile f;
  f.name = input.name;
  f.sha256 = records::to_hex(records::sha256(input.bytes));
  const bool zip = input.bytes.rfind("PK\x03\x04", 0) == 0;
  const bool ole = input.bytes.rfind("\xD0\xCF\x11\xE0", 0) == 0;
  std::string extension = f.name.substr(std::min(f.name.size(), f.name.find_last_of('.')));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!zip && !ole && (extension == ".xlsx" || extension == ".xlsm" || extension == ".xls" || extension == ".et")) {
    throw DataError(form_msg::not_a_workbook(f.name));
  }
  if (zip || ole) {
    f.format = "xlsx";
    read_xlsx_form(ctx, input.bytes, f);
  } else {
    f.format = "csv";
    read_csv_form(ctx, std::move(input.bytes), encoding, f);
  }
  return f;
}

namespace {

// The resident ids a row's names mean: a name with a phone is matched on both (namesakes in a
// dorm), 全体 is every resident but the member; other names go to resolve_entry as typed.
std::vector<std::string> talked_of(const records::FormRow& row, const roster::Snapshot& snapshot,
                                   const std::string& member_id, const std::string& where, ProblemCollector& problems) {
  std::vector<std::string> talked;
  const std::string dorm = row.request.dorm.value_or("");
  if (row.everyone) {
    for (const auto& s : snapshot.students)
      if (!dorm.empty() && s.facts.dorm == dorm && s.student_id != member_id) talked.push_back(s.student_id);
    if (talked.empty()) problems.add(where, form_msg::everyone_no_residents(dorm));
  }
  for (const auto& n : row.names) {
    if (!n.phone) {
      talked.push_back(n.name);
      continue;
    }
    std::vector<std::string> ids;
    for (const auto& s : snapshot.students) {
      if (s.facts.name == n.name && s.facts.dorm == dorm && records::phone_matches(*n.phone, s.facts.phone))
        ids.push_back(s.student_id);
    }
    if (ids.size() == 1) {
      talked.push_back(ids.front());
    } else {
      problems.add(where, dorm.empty() ? form_msg::no_resident_of_dorm_with_phone(quote_value(n.name))
                                       : form_msg::no_resident_with_phone(dorm, quote_value(n.name)));
    }
  }
  return talked;
}

void check_rows(const FormPlan& plan, const FormImportOptions& o, ProblemCollector& problems) {
  const auto& f = plan.file;
  if (plan.rows.empty() && !plan.header.no_contact && problems.empty()) {
    problems.add(f.name, form_msg::no_rows());
  }
  if (!plan.rows.empty() && plan.header.no_contact) {
    problems.add(f.name, form_msg::no_contact_but_rows(plan.rows.size()));
  }
  if (!o.strict) return;
  for (const auto& row : plan.rows) {
    if (!records::guessed(row.kind.rule)) continue;
    problems.add(f.main.row_where(row.line),
                 form_msg::kind_guessed(records::label_zh(row.kind.kind), records::label_zh(row.kind.rule)));
  }
}

void resolve_rows(FormPlan& plan, EntryResolver& resolver, store::Database& db, ProblemCollector& problems) {
  std::set<std::string> seen;
  const std::set<std::int64_t> withdrawn(plan.withdrawn.begin(), plan.withdrawn.end());
  for (auto& row : plan.rows) {
    const auto where = plan.file.main.row_where(row.line);
    row.request.member = plan.member_id;
    if (row.request.at.date.ok()) {
      row.request.talked = talked_of(row, resolver.snapshot(row.request.at.date), plan.member_id, where, problems);
    }
    try {
      auto entry = resolver.resolve(row.request);
      if (row.request.concern && !entry.concern_student) {
        problems.add(where, records::in_form_columns(entry.concern_problem));
      }
      const auto key = records::canonical_row(entry.row, records::canonical_content(row.request.content));
      const auto existing = store::find_same_contact(db, entry.row);
      if (!seen.insert(key).second) problems.add(where, form_msg::same_contact());
      plan.already.push_back(existing && withdrawn.count(*existing) == 0 ? *existing : 0);
      plan.entries.push_back(std::move(entry));
    } catch (const DataError& e) {
      for (const auto& p : e.problems()) problems.add(where, records::in_form_columns(p.message));
      if (e.problems().empty()) problems.add(where, records::in_form_columns(e.what()));
    }
  }
}

}  // namespace

FormPlan plan_form(Context& ctx, store::Database& db, EntryResolver& resolver, FormFile file,
                   const FormImportOptions& options) {
  ProblemCollector problems;
  FormPlan plan;
  plan.file = std::move(file);
  const auto& f = plan.file;
  plan.header = records::read_form_header(f.main, f.hidden ? &*f.hidden : nullptr, problems);
  throw_if_problems(problems, f.name);
  plan.member_id = member_of(plan, resolver.snapshot(ctx.today()), options, plan.member_name);
  plan.period = period_of(ctx, plan);
  check_form_id(db, plan);
  if (const auto first = store::find_form_import(db, f.sha256)) {
    throw DataError(form_msg::already_imported(f.name, first->entered_at, first->id, quote_value(first->file_name)));
  }
  plan.replaces = store::latest_form_import(db, plan.member_id, plan.period.semester_id, plan.period.number);
  if (plan.replaces) plan.withdrawn = store::live_records_of_import(db, plan.replaces->id);
  const auto* semester = ctx.config().calendar.find(plan.period.semester_id);
  const records::FormPeriod period{plan.period.first_day, plan.period.last_day, semester->first_monday};
  plan.rows = records::read_form_rows(f.main, period, problems);
  check_rows(plan, options, problems);
  resolve_rows(plan, resolver, db, problems);
  throw_if_problems(problems, f.name);
  return plan;
}

}  // namespace dormlink::cli
