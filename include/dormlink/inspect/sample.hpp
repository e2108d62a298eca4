#pragma once
// The inspection group's spot-check sample (docs/inspect.md): members and dorms to visit,
// stratified by branch, weighted toward members with low compliance and dorms with no recent
// visit. Pure: no database, no clock; the same inputs and seed give the same sample on every
// machine (integer arithmetic and splitmix64 only).

#include <cstdint>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/config.hpp"

namespace dormlink::inspect {

// A small deterministic generator (splitmix64), the same on every machine.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : m_state(seed) {}
  // The next 64 random bits.
  std::uint64_t next();
  // A uniform integer in [0, n) (n > 0), without modulo bias.
  std::uint64_t below(std::uint64_t n);

 private:
  std::uint64_t m_state;
};

// The seed used when --seed is not given: the as-of date as the number yyyymmdd, so the
// same --as-of gives the same sample.
std::uint64_t default_seed(Date as_of);

// How a member did on the closed obligations of the rules visits, talks, attention_talks and
// feedback_form (status met, met_late or waived count as met; overdue as not met).
struct Compliance {
  int met = 0;
  int closed = 0;
};

// REQUIREMENTS §4: a member is weighted up when fewer than 80% of their closed obligations
// are met (met * 5 < closed * 4, exact). A member with nothing closed yet is not.
bool low_compliance(const Compliance& c);

// Compliance per person (indexed like CheckInput::people) from check::evaluate's obligations
// (evaluated with keep_met); never recomputes what is due.
std::vector<Compliance> compliance_by_person(const std::vector<check::Obligation>& obligations, std::size_t people);

// Per dorm (indexed like CheckInput::dorms): whether it had a visit in a teaching week
// overlapping [as_of - recent_days, as_of].
std::vector<bool> recently_visited_dorms(const check::CheckInput& input, Date as_of, int recent_days);

// One dorm a member may be inspected in.
struct DormCandidate {
  int dorm = 0;  // index into CheckInput::dorms
  bool recently_visited = false;
};

// One member of the sampling frame.
struct MemberCandidate {
  int person = 0;      // index into CheckInput::people
  std::string id;      // student id (order within a branch)
  std::string branch;  // stratum; empty when the roster names none
  Compliance compliance;
  std::vector<DormCandidate> dorms;  // sorted by dorm index; never empty
};

// The members holding dorms in the assignment in force on `as_of` (the newest version whose
// valid_from is on or before it), with those of their dorms that have a resident on `as_of`;
// members with no such dorm are left out. Sorted by person index.
std::vector<MemberCandidate> sampling_frame(const check::CheckInput& input,
                                            const std::vector<check::Obligation>& obligations, Date as_of,
                                            int recent_days);

// The sample size for a rate (0 < rate <= 1) of `members`: rounded up, at least 1.
int size_for_rate(double rate, int members);
// The default sample size: inspection.sample_percent of `members`, rounded up, at least 1.
int size_for_percent(int percent, int members);

// Shares `size` among strata of the given sizes (each >= 1, B strata, B <= size <= total) in
// proportion to their sizes, at least one each: a stratum whose quota size * n / total is
// below one gets exactly one seat, and the quotas of the others are recomputed over the seats
// and members left (repeatedly); then largest remainder (ties: the earlier stratum). Never
// more than a stratum has.
std::vector<int> allocate(const std::vector<int>& stratum_sizes, int size);

// Draws `k` distinct indices of `weights` (k <= weights.size(), every weight >= 1), each
// draw with probability proportional to weight among those left. In draw order.
std::vector<std::size_t> weighted_draw(const std::vector<int>& weights, int k, Rng& rng);

// What to draw.
struct SampleRequest {
  std::vector<MemberCandidate> members;  // distinct persons
  int size = 0;                          // wanted number of members
  std::uint64_t seed = 0;
  InspectionConfig config;  // weight_up
};

// One stratum of the sample.
struct Stratum {
  std::string branch;
  int members = 0;  // in the frame
  int drawn = 0;
};

// One member and the dorm to inspect them in.
struct SampleItem {
  int person = 0;
  std::string member_id;
  std::string branch;
  int dorm = 0;  // index into CheckInput::dorms
  Compliance compliance;
  bool recently_visited = false;
  int member_weight = 1;  // weight_up when low_compliance, else 1
  int dorm_weight = 1;    // weight_up when not recently visited, else 1
};

// The drawn sample.
struct Sample {
  int requested = 0;              // the size asked for
  int size = 0;                   // the size drawn: raised to the number of strata, capped at the frame
  bool raised = false;            // requested < number of strata
  bool capped = false;            // requested > members in the frame
  std::vector<Stratum> strata;    // sorted by branch
  std::vector<SampleItem> items;  // sorted by branch, then member id
};

// Draws the sample: strata = branches (sorted); allocate(); per stratum in order, a weighted
// draw without replacement (weight_up for low-compliance members), then for each member drawn
// (in draw order) one of their dorms, weighted (weight_up when not recently visited). One
// Rng(seed) stream, consumed in exactly that order.
Sample draw_sample(const SampleRequest& request);

}  // namespace dormlink::inspect
