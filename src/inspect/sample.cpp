#include "dormlink/inspect/sample.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>
#include <utility>

namespace dormlink::inspect {
namespace {

using check::Rule;
using check::Status;

// The rules whose closed obligations make up compliance (docs/inspect.md).
bool counts_for_compliance(Rule rule) {
  return rule == Rule::visits || rule == Rule::talks || rule == Rule::attention_talks || rule == Rule::feedback_form;
}

bool on_date(const check::Residence& r, Date date) { return r.from <= date && (!r.to || date < *r.to); }

// The assignment version in force on `date`: the newest with valid_from <= date; nullptr.
const check::AssignmentVersion* version_on(const check::CheckInput& input, Date date) {
  const check::AssignmentVersion* found = nullptr;
  for (const auto& v : input.assignments) {
    if (v.valid_from <= date) found = &v;
  }
  return found;
}

std::vector<bool> dorms_with_residents(const check::CheckInput& input, Date date) {
  std::vector<bool> occupied(input.dorms.size(), false);
  for (const auto& r : input.residences) {
    if (r.dorm >= 0 && static_cast<std::size_t>(r.dorm) < occupied.size() && on_date(r, date)) {
      occupied[static_cast<std::size_t>(r.dorm)] = true;
    }
  }
  return occupied;
}

}  // namespace

std::uint64_t Rng::next() {
  std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t Rng::below(std::uint64_t n) {
  // Reject the top partial block of 2^64 so every residue is equally likely.
  const std::uint64_t limit = std::uint64_t(0) - (std::uint64_t(0) - n) % n;
  for (;;) {
    const std::uint64_t x = next();
    if (limit == 0 || x < limit) return x % n;
  }
}

std::uint64_t default_seed(Date as_of) {
  return static_cast<std::uint64_t>(static_cast<int>(as_of.year())) * 10000 +
         static_cast<unsigned>(as_of.month()) * 100 + static_cast<unsigned>(as_of.day());
}

bool low_compliance(const Compliance& c) { return c.closed > 0 && c.met * 5 < c.closed * 4; }

std::vector<Compliance> compliance_by_person(const std::vector<check::Obligation>& obligations, std::size_t people) {
  std::vector<Compliance> result(people);
  for (const auto& o : obligations) {
    if (!counts_for_compliance(o.rule) || o.member < 0 || static_cast<std::size_t>(o.member) >= people) continue;
    auto& c = result[static_cast<std::size_t>(o.member)];
    if (o.status == Status::met || o.status == Status::met_late || o.status == Status::waived) {
      ++c.met;
      ++c.closed;
    } else if (o.status == Status::overdue) {
      ++c.closed;
    }
  }
  return result;
}

std::vector<bool> recently_visited_dorms(const check::CheckInput& input, Date as_of, int recent_days) {
  using std::chrono::days;
  const auto from = to_days(as_of) - days{recent_days};
  const auto to = to_days(as_of);
  const auto first_monday = to_days(input.semester.first_monday);
  std::vector<bool> recent(input.dorms.size(), false);
  for (const auto& v : input.visits) {
    if (v.visits <= 0 || v.dorm < 0 || static_cast<std::size_t>(v.dorm) >= recent.size()) continue;
    const auto monday = first_monday + days{7 * (v.week - 1)};
    const auto sunday = monday + days{6};
    if (monday <= to && sunday >= from) recent[static_cast<std::size_t>(v.dorm)] = true;
  }
  return recent;
}

std::vector<MemberCandidate> sampling_frame(const check::CheckInput& input,
                                            const std::vector<check::Obligation>& obligations, Date as_of,
                                            int recent_days) {
  const auto* version = version_on(input, as_of);
  if (version == nullptr) return {};
  const auto compliance = compliance_by_person(obligations, input.people.size());
  const auto recent = recently_visited_dorms(input, as_of, recent_days);
  const auto occupied = dorms_with_residents(input, as_of);
  std::map<int, MemberCandidate> by_person;
  for (const auto& [dorm, member] : version->pairs) {
    if (dorm < 0 || static_cast<std::size_t>(dorm) >= occupied.size() || !occupied[static_cast<std::size_t>(dorm)]) {
      continue;
    }
    if (member < 0 || static_cast<std::size_t>(member) >= input.people.size()) continue;
    auto& c = by_person[member];
    const auto& person = input.people[static_cast<std::size_t>(member)];
    c.person = member;
    c.id = person.id;
    c.branch = person.branch;
    c.compliance = compliance[static_cast<std::size_t>(member)];
    c.dorms.push_back({dorm, recent[static_cast<std::size_t>(dorm)]});
  }
  std::vector<MemberCandidate> frame;
  for (auto& [person, c] : by_person) {
    std::sort(c.dorms.begin(), c.dorms.end(), [](const auto& a, const auto& b) { return a.dorm < b.dorm; });
    frame.push_back(std::move(c));
  }
  return frame;
}

int size_for_rate(double rate, int members) {
  // A small tolerance keeps 0.3 * 10 (3.0000000000000004 in binary) at 3.
  const double wanted = std::ceil(rate * members - 1e-9);
  return std::max(1, static_cast<int>(wanted));
}

int size_for_percent(int percent, int members) { return std::max(1, (members * percent + 99) / 100); }

std::vector<int> allocate(const std::vector<int>& stratum_sizes, int size) {
  const std::size_t strata = stratum_sizes.size();
  std::vector<int> result(strata, 0);
  std::vector<bool> fixed(strata, false);
  long long seats = size;
  long long members = 0;
  for (int n : stratum_sizes) members += n;
  // Strata whose quota seats * n / members is below one get exactly one seat; repeat on the rest.
  for (bool changed = true; changed && members > 0;) {
    changed = false;
    for (std::size_t i = 0; i < strata; ++i) {
      if (fixed[i] || seats * stratum_sizes[i] >= members) continue;
      fixed[i] = changed = true;
      result[i] = 1;
    }
    if (!changed) break;
    seats = size;
    members = 0;
    for (std::size_t i = 0; i < strata; ++i) {
      if (fixed[i])
        --seats;
      else
        members += stratum_sizes[i];
    }
  }
  if (members <= 0) return result;
  // Largest remainder on the quotas of the others, in exact integers (one denominator).
  std::vector<std::pair<long long, std::size_t>> remainders;  // (remainder, stratum)
  long long given = 0;
  for (std::size_t i = 0; i < strata; ++i) {
    if (fixed[i]) continue;
    const long long numerator = seats * stratum_sizes[i];
    result[i] = static_cast<int>(numerator / members);
    given += numerator / members;
    remainders.emplace_back(numerator % members, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < seats && k < remainders.size(); ++k) {
    const auto i = remainders[k].second;
    if (result[i] >= stratum_sizes[i]) continue;
    ++result[i];
    ++given;
  }
  return result;
}

std::vector<std::size_t> weighted_draw(const std::vector<int>& weights, int k, Rng& rng) {
  std::vector<std::size_t> pool(weights.size());
  std::iota(pool.begin(), pool.end(), std::size_t{0});
  std::vector<std::size_t> drawn;
  for (int i = 0; i < k && !pool.empty(); ++i) {
    std::uint64_t total = 0;
    for (auto p : pool) total += static_cast<std::uint64_t>(std::max(weights[p], 1));
    std::uint64_t r = rng.below(total);
    std::size_t at = 0;
    while (r >= static_cast<std::uint64_t>(std::max(weights[pool[at]], 1))) {
      r -= static_cast<std::uint64_t>(std::max(weights[pool[at]], 1));
      ++at;
    }
    drawn.push_back(pool[at]);
    pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(at));
  }
  return drawn;
}

namespace {

// The frame's members grouped by branch (sorted), each group sorted by member id.
std::map<std::string, std::vector<const MemberCandidate*>> strata_of(const std::vector<MemberCandidate>& members) {
  std::map<std::string, std::vector<const MemberCandidate*>> strata;
  for (const auto& m : members) {
    if (!m.dorms.empty()) strata[m.branch].push_back(&m);
  }
  for (auto& [branch, group] : strata) {
    std::sort(group.begin(), group.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
  }
  return strata;
}

SampleItem item_for(const MemberCandidate& m, int weight_up, Rng& rng) {
  SampleItem item;
  item.person = m.person;
  item.member_id = m.id;
  item.branch = m.branch;
  item.compliance = m.compliance;
  item.member_weight = low_compliance(m.compliance) ? weight_up : 1;
  std::vector<int> weights;
  for (const auto& d : m.dorms) weights.push_back(d.recently_visited ? 1 : weight_up);
  const auto pick = weighted_draw(weights, 1, rng).front();
  item.dorm = m.dorms[pick].dorm;
  item.recently_visited = m.dorms[pick].recently_visited;
  item.dorm_weight = weights[pick];
  return item;
}

}  // namespace

Sample draw_sample(const SampleRequest& request) {
  Sample sample;
  sample.requested = request.size;
  const auto strata = strata_of(request.members);
  int total = 0;
  std::vector<int> sizes;
  for (const auto& [branch, group] : strata) {
    sizes.push_back(static_cast<int>(group.size()));
    total += static_cast<int>(group.size());
  }
  if (total == 0) return sample;
  const int strata_count = static_cast<int>(strata.size());
  sample.size = std::clamp(request.size, std::min(strata_count, total), total);
  sample.raised = request.size < strata_count;
  sample.capped = request.size > total;
  const auto shares = allocate(sizes, sample.size);
  const int weight_up = std::max(request.config.weight_up, 1);
  Rng rng(request.seed);
  std::size_t s = 0;
  for (const auto& [branch, group] : strata) {
    std::vector<int> weights;
    for (const auto* m : group) weights.push_back(low_compliance(m->compliance) ? weight_up : 1);
    const auto drawn = weighted_draw(weights, shares[s], rng);
    for (auto index : drawn) sample.items.push_back(item_for(*group[index], weight_up, rng));
    sample.strata.push_back({branch, sizes[s], shares[s]});
    ++s;
  }
  std::sort(sample.items.begin(), sample.items.end(), [](const SampleItem& a, const SampleItem& b) {
    return std::tie(a.branch, a.member_id) < std::tie(b.branch, b.member_id);
  });
  return sample;
}

}  // namespace dormlink::inspect
