// The inspection checklist of a drawn sample (inspection_checklist.hpp).
#include "dormlink/report/inspection_checklist.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace dormlink::report {
namespace {

bool lives_in(const check::Residence& r, int dorm, Date date) {
  return r.dorm == dorm && r.from <= date && (!r.to || date < *r.to);
}

// Names of the dorm's residents on the date, the member excluded, in id order.
std::vector<std::string> resident_names(const check::CheckInput& input, int dorm, int member, Date date) {
  std::vector<int> people;
  for (const auto& r : input.residences) {
    if (r.person != member && lives_in(r, dorm, date)) people.push_back(r.person);
  }
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  std::vector<std::string> names;
  for (int p : people) names.push_back(input.people[static_cast<std::size_t>(p)].name);
  return names;
}

ChecklistItem checklist_item(const check::CheckInput& input, const inspect::SampleItem& item, int position,
                             Date as_of) {
  const auto& person = input.people[static_cast<std::size_t>(item.person)];
  ChecklistItem line;
  line.position = position;
  line.branch = item.branch;
  line.member_name = person.name;
  line.member_id = person.id;
  line.dorm = input.dorms[static_cast<std::size_t>(item.dorm)];
  line.residents = resident_names(input, item.dorm, item.person, as_of);
  line.met = item.compliance.met;
  line.closed = item.compliance.closed;
  line.low_compliance = inspect::low_compliance(item.compliance);
  line.recently_visited = item.recently_visited;
  return line;
}

}  // namespace

InspectionChecklist build_checklist(const check::CheckInput& input, const inspect::Sample& sample,
                                    const ChecklistRun& run) {
  InspectionChecklist c;
  c.semester = input.semester.name.empty() ? input.semester.id : input.semester.name;
  c.as_of = run.as_of;
  c.seed = run.seed;
  c.seed_given = run.seed_given;
  c.frame = run.frame;
  c.requested = sample.requested;
  c.size = sample.size;
  c.raised = sample.raised;
  c.capped = sample.capped;
  c.weight_up = run.weight_up;
  c.recent_days = run.recent_days;
  c.records_from = Date{to_days(run.as_of) - std::chrono::days{k_checklist_record_days - 1}};
  for (const auto& s : sample.strata) c.strata.push_back({s.branch, s.members, s.drawn});
  int position = 0;
  for (const auto& item : sample.items) c.items.push_back(checklist_item(input, item, ++position, run.as_of));
  return c;
}

}  // namespace dormlink::report
