// Loads the cases of check::evaluate's input (docs/check.md "Cases: concerns and incidents"):
// the staff steps of case_event (schema v11, docs/cases.md) grouped by case, the incidents'
// categories and students, the earlier semesters' incidents that can make one a repeat, and
// the concerns raised on talks. Cases are few: plain queries, maps in memory.
#include "check_cases.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/when.hpp"

namespace dormlink::store {
namespace {

using check::CaseStage;
using check::CaseSteps;
using check::CheckInput;

// "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[...]" -> local date and time; nullopt when malformed.
std::optional<LocalDateTime> parse_when(std::string_view text) {
  const auto date = parse_iso_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  if (text.size() < 16) return LocalDateTime{*date, 0, 0, false};
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -100; };
  const int hour = digit(11) * 10 + digit(12);
  const int minute = digit(14) * 10 + digit(15);
  if (text[10] != ' ' || text[13] != ':' || hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
  return LocalDateTime{*date, hour, minute, true};
}

// Correction chains: which record replaced which (corrections and withdrawals; purges replace
// nothing, docs/records.md).
class Chains {
 public:
  explicit Chains(SQLite::Database& db) {
    SQLite::Statement q(db,
                        "SELECT id, kind = 'withdrawal', corrects FROM record "
                        "WHERE corrects IS NOT NULL AND kind <> 'purge' ORDER BY id");
    while (q.executeStep()) {
      const auto id = q.getColumn(0).getInt64();
      const auto corrected = q.getColumn(2).getInt64();
      m_parent.emplace(id, corrected);
      m_child.emplace(corrected, std::pair{id, q.getColumn(1).getInt() != 0});
    }
  }
  // The first record of the chain `id` belongs to.
  std::int64_t root(std::int64_t id) const {
    for (int guard = 0; guard < 10000; ++guard) {
      const auto it = m_parent.find(id);
      if (it == m_parent.end()) break;
      id = it->second;
    }
    return id;
  }
  // The effective record of the chain starting at `id`; nullopt when it was withdrawn.
  std::optional<std::int64_t> effective(std::int64_t id) const {
    for (int guard = 0; guard < 10000; ++guard) {
      const auto it = m_child.find(id);
      if (it == m_child.end()) break;
      if (it->second.second) return std::nullopt;
      id = it->second.first;
    }
    return id;
  }
  bool replaced(std::int64_t id) const { return m_child.count(id) != 0; }

 private:
  std::unordered_map<std::int64_t, std::int64_t> m_parent;                  // record -> the one it corrects
  std::unordered_map<std::int64_t, std::pair<std::int64_t, bool>> m_child;  // record -> (replaced by, withdrawal)
};

// A case's steps as read: keyed by (kind, record, student) — an incident's student is "".
struct CaseRead {
  std::optional<LocalDateTime> opened;
  std::string escalate_to;
  CaseSteps steps;
};
using CaseKey = std::tuple<std::string, std::int64_t, std::string>;

CaseStage stage_of(std::string_view step) {
  if (step == "close") return CaseStage::closed;
  if (step == "action") return CaseStage::action;
  return step == "ack" ? CaseStage::acknowledged : CaseStage::reported;
}

void add_step(CaseRead& c, std::string_view step, const LocalDateTime& at, std::string staff, std::string escalate) {
  if (step == "open") {
    if (!c.opened || at < *c.opened) c.opened = at;
    if (c.escalate_to.empty()) c.escalate_to = std::move(escalate);
    return;
  }
  auto& s = c.steps;
  if (!s.acknowledged || at < *s.acknowledged) {
    s.acknowledged = at;
    s.acknowledged_by = std::move(staff);
  }
  if (step == "close" && (!s.closed || at < *s.closed)) s.closed = at;
  s.stage = std::max(s.stage, stage_of(step));
}

// Every case step that happened on or before as_of, by case.
std::map<CaseKey, CaseRead> read_steps(SQLite::Database& db, const Chains& chains, Date as_of) {
  std::map<CaseKey, CaseRead> cases;
  SQLite::Statement q(db,
                      "SELECT case_kind, record_id, COALESCE(student_id, ''), step, COALESCE(escalate_to, ''), "
                      "COALESCE(staff_id, ''), happened_at "
                      "FROM case_event ORDER BY id");
  while (q.executeStep()) {
    const auto at = parse_when(q.getColumn(6).getText());
    if (!at || to_days(at->date) > to_days(as_of)) continue;
    const std::string kind = q.getColumn(0).getString();
    const std::string student = kind == "concern" ? q.getColumn(2).getString() : std::string();
    auto& c = cases[CaseKey{kind, chains.root(q.getColumn(1).getInt64()), student}];
    add_step(c, q.getColumn(3).getText(), *at, q.getColumn(5).getString(), q.getColumn(4).getString());
  }
  return cases;
}

// Index of an id in a list sorted by it, -1 when absent.
template <typename T, typename Id>
int index_of(const std::vector<T>& items, std::string_view id, Id id_of) {
  const auto it = std::lower_bound(items.begin(), items.end(), id,
                                   [&](const T& item, std::string_view wanted) { return id_of(item) < wanted; });
  return it == items.end() || id_of(*it) != id ? -1 : static_cast<int>(it - items.begin());
}

int person_index(const CheckInput& input, std::string_view id) {
  return index_of(input.people, id, [](const check::Person& p) -> std::string_view { return p.id; });
}

int dorm_index(const CheckInput& input, std::string_view code) {
  return index_of(input.dorms, code, [](const std::string& d) -> std::string_view { return d; });
}

// Category and students of incidents, by record id.
struct IncidentFacts {
  std::int64_t id = 0;
  std::string dorm;
  std::optional<LocalDateTime> found;
  std::string category;
  std::vector<std::string> students;
};

std::vector<IncidentFacts> read_incidents(SQLite::Statement& q) {
  std::vector<IncidentFacts> out;
  while (q.executeStep()) {
    const auto id = q.getColumn(0).getInt64();
    if (out.empty() || out.back().id != id) {
      out.push_back(
          {id, q.getColumn(1).getString(), parse_when(q.getColumn(2).getText()), q.getColumn(3).getString(), {}});
    }
    if (!q.getColumn(4).isNull()) out.back().students.push_back(q.getColumn(4).getString());
  }
  return out;
}

constexpr const char* k_incident_facts =
    "SELECT r.id, COALESCE(r.dorm_code, ''), r.happened_at, COALESCE(r.incident_category, ''), s.student_id "
    "FROM record r LEFT JOIN record_student s ON s.record_id = r.id WHERE r.kind = 'incident' AND ";

void fill_incidents(SQLite::Database& db, const Chains& chains, const std::map<CaseKey, CaseRead>& cases,
                    CheckInput& input) {
  SQLite::Statement q(db, std::string(k_incident_facts) + "r.semester_id = ? ORDER BY r.id, s.student_id");
  q.bind(1, input.semester.id);
  const auto facts = read_incidents(q);
  for (auto& incident : input.incidents) {
    incident.case_id = chains.root(incident.id);
    const auto it = std::lower_bound(facts.begin(), facts.end(), incident.id,
                                     [](const IncidentFacts& f, std::int64_t id) { return f.id < id; });
    if (it != facts.end() && it->id == incident.id) {
      incident.category = it->category;
      incident.students = it->students;
    }
    if (const auto c = cases.find(CaseKey{"incident", incident.case_id, ""}); c != cases.end())
      incident.steps = c->second.steps;
  }
}

// The semester before `semester` in the calendar (the latest to begin before it), or nullptr.
const Semester* previous_semester(const Config& config, const Semester& semester) {
  const Semester* previous = nullptr;
  for (const auto& s : config.calendar.semesters) {
    if (to_days(s.first_monday) >= to_days(semester.first_monday)) continue;
    if (previous == nullptr || to_days(s.first_monday) > to_days(previous->first_monday)) previous = &s;
  }
  return previous;
}

// Effective incidents of the previous semester (its holidays included) found in the repeat
// window before the first Monday (the index record_check: semester, kind, time).
void fill_earlier_incidents(SQLite::Database& db, const Config& config, const Chains& chains, CheckInput& input) {
  const int window = config.duties.repeat_window_days;
  const Semester* previous = previous_semester(config, input.semester);
  if (window <= 0 || previous == nullptr) return;
  const Date first = input.semester.first_monday;
  SQLite::Statement q(db, std::string(k_incident_facts) +
                              "r.semester_id = ? AND r.happened_at >= ? AND r.happened_at < ? ORDER BY r.id, "
                              "s.student_id");
  q.bind(1, previous->id);
  q.bind(2, format_date(Date{to_days(first) - std::chrono::days{window}}));
  q.bind(3, format_date(first));
  for (auto& f : read_incidents(q)) {
    if (chains.replaced(f.id) || !f.found) continue;
    check::Incident incident;
    incident.id = f.id;
    incident.member = -1;
    incident.dorm = dorm_index(input, f.dorm);
    incident.found = *f.found;
    incident.case_id = chains.root(f.id);
    incident.category = std::move(f.category);
    incident.students = std::move(f.students);
    input.earlier_incidents.push_back(std::move(incident));
  }
}

// The concern's talk as it stands: member, dorm, semester; nullopt when withdrawn or unknown.
struct Talk {
  std::string member;
  std::string dorm;
  std::string semester;
};

std::optional<Talk> effective_talk(SQLite::Database& db, const Chains& chains, std::int64_t root) {
  const auto id = chains.effective(root);
  if (!id) return std::nullopt;
  SQLite::Statement q(db, "SELECT member_id, COALESCE(dorm_code, ''), semester_id FROM record WHERE id = ?");
  q.bind(1, *id);
  if (!q.executeStep()) return std::nullopt;
  return Talk{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()};
}

// A student's latest name in the roster ("" when unknown).
std::string student_name(SQLite::Database& db, const std::string& id) {
  SQLite::Statement q(db, "SELECT name FROM student_version WHERE student_id = ? ORDER BY valid_from DESC, id DESC");
  q.bind(1, id);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void fill_concerns(SQLite::Database& db, const Chains& chains, const std::map<CaseKey, CaseRead>& cases,
                   CheckInput& input) {
  for (const auto& [key, c] : cases) {
    const auto& [kind, root, student] = key;
    if (kind != "concern" || !c.opened) continue;
    const auto talk = effective_talk(db, chains, root);
    if (!talk || talk->semester != input.semester.id) continue;
    check::Concern concern;
    concern.case_id = root;
    concern.member = person_index(input, talk->member);
    concern.dorm = talk->dorm.empty() ? -1 : dorm_index(input, talk->dorm);
    concern.student = person_index(input, student);
    concern.student_id = student;
    concern.student_name =
        concern.student >= 0 ? input.people[static_cast<std::size_t>(concern.student)].name : student_name(db, student);
    concern.escalate_to = c.escalate_to;
    concern.opened = *c.opened;
    concern.steps = c.steps;
    input.concerns.push_back(std::move(concern));
  }
}

}  // namespace

void load_check_cases(SQLite::Database& db, const Config& config, Date as_of, check::CheckInput& input) {
  const Chains chains(db);
  const auto cases = read_steps(db, chains, as_of);
  fill_incidents(db, chains, cases, input);
  fill_earlier_incidents(db, config, chains, input);
  fill_concerns(db, chains, cases, input);
}

}  // namespace dormlink::store
