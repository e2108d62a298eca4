#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "assign/flow.hpp"
#include "dormlink/assign/assign.hpp"
#include "dormlink/calendar.hpp"
#include "dormlink/roster/snapshot.hpp"

using namespace dormlink;
using namespace dormlink::assign;

namespace {

using IndexPair = std::pair<std::size_t, std::size_t>;

// splitmix64: a small deterministic generator, identical on every platform.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
};

std::string numbered(const char* prefix, std::size_t n) {
  return prefix + std::string(n < 10 ? "0" : "") + std::to_string(n);
}

Member member(std::string id, Gender gender, int grade, std::string major = "A", std::string building = "1") {
  return {std::move(id), "", gender, grade, std::move(major), std::move(building), ""};
}

Dorm dorm(std::string code, Gender gender, int grade, std::string major = "A", std::string building = "1") {
  return {std::move(code), gender, grade, std::move(major), std::move(building), 4, std::nullopt};
}

// A small random instance: few members, few dorms, every kind of special pair.
Instance random_instance(Rng& rng, int max_members, int max_dorms) {
  Instance instance;
  Rules& rules = instance.rules;
  rules.min_dorms = 1 + rng.below(2);
  rules.max_dorms = std::max(rules.min_dorms, 2 + rng.below(2));
  rules.senior_from_grade = 2 + rng.below(3);
  if (rng.chance(30)) {
    rules.w_major = rng.below(40) - 8;
    rules.w_junior_same_grade = rng.below(30) - 5;
    rules.w_building = rng.below(10) - 3;
    rules.w_continuity = rng.below(30) - 8;
  }
  bool one_gender = rng.chance(50);
  auto gender = [&] { return one_gender || rng.chance(50) ? Gender::female : Gender::male; };
  auto major = [&] { return std::string(1, static_cast<char>('A' + rng.below(3))); };
  auto building = [&] { return std::to_string(1 + rng.below(2)); };
  int members = 1 + rng.below(max_members);
  int dorms = std::min(max_dorms, members * rules.min_dorms + rng.below(members + 2));
  // Drawn into locals in the order GCC evaluated the call's arguments: that order is
  // unspecified (clang's differs), and the instances must not depend on the compiler.
  for (int m = 0; m < members; ++m) {
    std::string member_building = building();
    std::string member_major = major();
    int member_grade = 1 + rng.below(4);
    Gender member_gender = gender();
    instance.members.push_back(member(numbered("m", static_cast<std::size_t>(m)), member_gender, member_grade,
                                      std::move(member_major), std::move(member_building)));
  }
  for (int d = 0; d < dorms; ++d) {
    const Member& like = instance.members[static_cast<std::size_t>(rng.below(members))];
    Gender dorm_gender = rng.chance(90) ? like.gender : gender();
    int grade = rng.chance(50) ? like.grade : 1 + rng.below(like.grade);
    std::string dorm_building = building();
    std::string dorm_major = major();
    Dorm next = dorm(numbered("d", static_cast<std::size_t>(d)), dorm_gender, grade, std::move(dorm_major),
                     std::move(dorm_building));
    if (rng.chance(50)) next.previous_member = numbered("m", static_cast<std::size_t>(rng.below(members)));
    instance.dorms.push_back(next);
  }
  auto random_pair = [&] {
    return IdPair{numbered("m", static_cast<std::size_t>(rng.below(members))),
                  numbered("d", static_cast<std::size_t>(rng.below(dorms)))};
  };
  if (rng.chance(30)) instance.pins.push_back(random_pair());
  if (rng.chance(10)) instance.pins.push_back(random_pair());
  for (int f = rng.below(4); f > 0; --f) instance.forbids.push_back(random_pair());
  return instance;
}

// What the exhaustive search minimises, lexicographically: uncovered dorms, then minus the
// kept pairs, then cost.
using Score = std::tuple<long long, long long, long long>;

// Exhaustive search over every assignment, written independently of the solver.
class Exhaustive {
 public:
  Exhaustive(const Instance& instance, bool best_effort, std::set<IndexPair> kept = {})
      : m_in(instance), m_best_effort(best_effort), m_kept(std::move(kept)), m_count(instance.members.size(), 0) {
    m_allowed.assign(instance.dorms.size(), {});
    for (std::size_t d = 0; d < instance.dorms.size(); ++d) {
      for (std::size_t m = 0; m < instance.members.size(); ++m) {
        if (usable(m, d)) m_allowed[d].push_back(m);
      }
    }
    restrict_to_pins();
  }

  std::optional<Score> best() {
    if (!m_pins_valid && !m_best_effort) return std::nullopt;
    search(0, 0, 0, 0);
    return m_best;
  }

 private:
  bool usable(std::size_t m, std::size_t d) const {
    const Member& who = m_in.members[m];
    const Dorm& what = m_in.dorms[d];
    if (std::find(m_in.forbids.begin(), m_in.forbids.end(), IdPair{who.id, what.code}) != m_in.forbids.end()) {
      return false;
    }
    if (who.gender != what.gender || who.grade < what.grade) return false;
    return what.grade < m_in.rules.senior_from_grade || who.grade == what.grade;
  }

  void restrict_to_pins() {
    std::vector<std::set<std::string>> pinned(m_in.dorms.size());
    for (const auto& [id, code] : m_in.pins) {
      bool found = false;
      for (std::size_t d = 0; d < m_in.dorms.size(); ++d) {
        if (m_in.dorms[d].code == code) {
          pinned[d].insert(id);
          found = true;
        }
      }
      if (!found) m_pins_valid = false;
    }
    for (std::size_t d = 0; d < m_in.dorms.size(); ++d) {
      if (pinned[d].empty()) continue;
      std::vector<std::size_t> only;
      for (std::size_t m : m_allowed[d]) {
        if (pinned[d].size() == 1 && m_in.members[m].id == *pinned[d].begin()) only.push_back(m);
      }
      if (only.empty()) m_pins_valid = false;
      m_allowed[d] = only;
    }
  }

  void search(std::size_t d, long long uncovered, long long minus_kept, long long cost) {
    if (d == m_in.dorms.size()) {
      for (int count : m_count) {
        if (!m_best_effort && count < m_in.rules.min_dorms) return;
      }
      Score score{uncovered, minus_kept, cost};
      if (!m_best || score < *m_best) m_best = score;
      return;
    }
    for (std::size_t m : m_allowed[d]) {
      if (m_count[m] >= m_in.rules.max_dorms) continue;
      ++m_count[m];
      search(d + 1, uncovered, minus_kept - (m_kept.count({m, d}) ? 1 : 0),
             cost + pair_cost(m_in.members[m], m_in.dorms[d], m_in.rules).total);
      --m_count[m];
    }
    if (m_best_effort) search(d + 1, uncovered + 1, minus_kept, cost);
  }

  const Instance& m_in;
  bool m_best_effort;
  std::set<IndexPair> m_kept;
  std::vector<int> m_count;
  std::vector<std::vector<std::size_t>> m_allowed;
  bool m_pins_valid = true;
  std::optional<Score> m_best;
};

// The hard rules a returned assignment must meet; `strict` adds H1 and min_dorms.
void check_rules(const Instance& instance, const Solution& solution, bool strict) {
  std::vector<int> count(instance.members.size(), 0);
  std::vector<int> covered(instance.dorms.size(), 0);
  long long total = 0;
  for (const Pair& pair : solution.pairs) {
    const Member& who = instance.members[pair.member];
    const Dorm& what = instance.dorms[pair.dorm];
    CHECK(compatible(who, what, instance.rules));
    CHECK(std::find(instance.forbids.begin(), instance.forbids.end(), IdPair{who.id, what.code}) ==
          instance.forbids.end());
    CHECK(pair.cost == pair_cost(who, what, instance.rules).total);
    ++count[pair.member];
    ++covered[pair.dorm];
    total += pair.cost;
  }
  CHECK(total == solution.total_cost);
  CHECK(std::is_sorted(solution.pairs.begin(), solution.pairs.end(),
                       [](const Pair& a, const Pair& b) { return a.dorm < b.dorm; }));
  for (int c : count) {
    CHECK(c <= instance.rules.max_dorms);
    if (strict) CHECK(c >= instance.rules.min_dorms);
  }
  for (std::size_t d = 0; d < covered.size(); ++d) {
    bool listed = std::find(solution.uncovered.begin(), solution.uncovered.end(), d) != solution.uncovered.end();
    CHECK(covered[d] + (listed ? 1 : 0) == 1);
    if (strict) CHECK(covered[d] == 1);
  }
  for (const auto& [id, code] : instance.pins) {
    for (const Pair& pair : solution.pairs) {
      if (instance.dorms[pair.dorm].code == code) CHECK(instance.members[pair.member].id == id);
    }
  }
}

std::vector<std::tuple<std::size_t, std::size_t, int>> as_tuples(const Solution& solution) {
  std::vector<std::tuple<std::size_t, std::size_t, int>> out;
  for (const Pair& pair : solution.pairs) out.emplace_back(pair.member, pair.dorm, pair.cost);
  return out;
}

std::vector<IdPair> as_id_pairs(const Instance& instance, const Solution& solution) {
  std::vector<IdPair> out;
  for (const Pair& pair : solution.pairs) {
    out.emplace_back(instance.members[pair.member].id, instance.dorms[pair.dorm].code);
  }
  return out;
}

std::set<IndexPair> index_pairs(const Instance& instance, const std::vector<IdPair>& pairs) {
  std::set<IndexPair> out;
  for (const auto& [id, code] : pairs) {
    for (std::size_t m = 0; m < instance.members.size(); ++m) {
      for (std::size_t d = 0; d < instance.dorms.size(); ++d) {
        if (instance.members[m].id == id && instance.dorms[d].code == code) out.insert({m, d});
      }
    }
  }
  return out;
}

long long kept_count(const Solution& solution, const std::set<IndexPair>& current) {
  return std::count_if(solution.pairs.begin(), solution.pairs.end(), [&](const Pair& pair) {
    return current.count({pair.member, pair.dorm}) > 0;
  });
}

roster::StudentRow student(std::string id, Gender gender, int cohort, std::string major, std::string dorm_code,
                           PoliticalStatus status = PoliticalStatus::masses) {
  roster::StudentRow row;
  row.student_id = std::move(id);
  row.facts.name = "name";
  row.facts.gender = gender;
  row.facts.cohort = cohort;
  row.facts.major = std::move(major);
  row.facts.dorm = std::move(dorm_code);
  row.facts.status = status;
  row.facts.branch = "branch";
  return row;
}

Semester autumn_2026() {
  Semester semester;
  semester.id = "2026-autumn";
  semester.first_monday = std::chrono::year{2026} / 9 / 7;
  semester.teaching_weeks = 18;
  return semester;
}

// Adds `count` members or dorms of one gender and grade, named from a running number.
void add_members(Instance& instance, Gender gender, int grade, int count) {
  for (int i = 0; i < count; ++i) {
    instance.members.push_back(member(numbered("m", instance.members.size()), gender, grade));
  }
}

void add_dorms(Instance& instance, Gender gender, int grade, int count) {
  for (int i = 0; i < count; ++i) {
    instance.dorms.push_back(dorm(numbered("d", instance.dorms.size()), gender, grade));
  }
}

// The texts of a diagnosis' suggestions.
std::vector<std::string> texts(const Diagnosis& diagnosis) {
  std::vector<std::string> out;
  for (const Suggestion& suggestion : diagnosis.suggestions) out.push_back(suggestion.text);
  return out;
}

// A suggestion assigns every dorm (by the exhaustive search, not the solver), stays within the
// limits, and moving any one of its rules a step back towards the instance's is not enough.
void check_suggestion(const Instance& instance, const Suggestion& suggestion, const RuleLimits& limits) {
  const Rules& before = instance.rules;
  const Rules& after = suggestion.rules;
  CHECK(Exhaustive(relaxed(instance, suggestion), false).best().has_value());
  CHECK(after.max_dorms >= before.max_dorms);
  CHECK(after.max_dorms <= std::max(before.max_dorms, limits.highest_max_dorms));
  CHECK(after.min_dorms <= before.min_dorms);
  CHECK(after.min_dorms >= std::min(before.min_dorms, limits.lowest_min_dorms));
  CHECK(after.senior_from_grade >= before.senior_from_grade);
  CHECK(after.senior_from_grade <= std::max(before.senior_from_grade, limits.highest_senior_from_grade));
  CHECK(after.min_dorms <= after.max_dorms);
  int moves = 0;
  auto step_back = [&](auto&& change) {
    Suggestion step = suggestion;
    change(step);
    ++moves;
    CHECK_FALSE(Exhaustive(relaxed(instance, step), false).best().has_value());
  };
  if (after.max_dorms > before.max_dorms) step_back([](Suggestion& s) { --s.rules.max_dorms; });
  if (after.min_dorms < before.min_dorms) step_back([](Suggestion& s) { ++s.rules.min_dorms; });
  if (after.senior_from_grade > before.senior_from_grade) step_back([](Suggestion& s) { --s.rules.senior_from_grade; });
  if (suggestion.drop_broken_pins) step_back([](Suggestion& s) { s.drop_broken_pins = false; });
  CHECK((moves > 0 || suggestion.include_candidates));
}

// "Nothing helps": every rule at its limit together, with or without the candidates and without
// the broken pins, still leaves no assignment.
void check_hopeless(const Instance& instance, const RuleLimits& limits) {
  int top_grade = 0;
  for (const Dorm& d : instance.dorms) top_grade = std::max(top_grade, d.grade);
  Suggestion loosest;
  loosest.rules = instance.rules;
  loosest.rules.max_dorms = std::max(instance.rules.max_dorms, limits.highest_max_dorms);
  loosest.rules.min_dorms = std::min(instance.rules.min_dorms, limits.lowest_min_dorms);
  loosest.rules.senior_from_grade = std::max(instance.rules.senior_from_grade, top_grade + 1);
  loosest.drop_broken_pins = true;
  for (bool candidates : {false, true}) {
    loosest.include_candidates = candidates;
    CHECK_FALSE(Exhaustive(relaxed(instance, loosest), false).best().has_value());
  }
}

// A university-shaped instance: ~70% women, grades 1-4, 30 majors, 40 buildings, members
// mostly in grades 3-4, previous pairs for most dorms.
Instance university(Rng& rng, int members, int dorms) {
  Instance instance;
  auto gender = [&] { return rng.chance(70) ? Gender::female : Gender::male; };
  auto major = [&] { return "major" + std::to_string(rng.below(30)); };
  auto building = [&] { return "B" + std::to_string(rng.below(40)); };
  for (int m = 0; m < members; ++m) {
    int roll = rng.below(100);
    int grade = roll < 5 ? 1 : roll < 15 ? 2 : roll < 55 ? 3 : 4;
    instance.members.push_back({"s" + std::to_string(100000 + m), "", gender(), grade, major(), building(), ""});
  }
  for (int d = 0; d < dorms; ++d) {
    Dorm next{"r" + std::to_string(100000 + d), gender(), 1 + rng.below(4), major(), building(), 4, std::nullopt};
    instance.dorms.push_back(next);
  }
  for (Dorm& next : instance.dorms) {
    for (int attempt = 0; attempt < 20 && rng.chance(90); ++attempt) {
      const Member& who = instance.members[static_cast<std::size_t>(rng.below(members))];
      if (!compatible(who, next, instance.rules)) continue;
      next.previous_member = who.id;
      break;
    }
  }
  return instance;
}

}  // namespace

TEST_SUITE("assign") {
  TEST_CASE("compatibility is H3 gender, H4 grade order and H5 same grade for senior dorms") {
    Rules rules;
    CHECK(compatible(member("a", Gender::female, 4), dorm("1-101", Gender::female, 2), rules));
    CHECK_FALSE(compatible(member("a", Gender::male, 4), dorm("1-101", Gender::female, 2), rules));
    CHECK_FALSE(compatible(member("a", Gender::female, 1), dorm("1-101", Gender::female, 2), rules));
    CHECK(compatible(member("a", Gender::female, 3), dorm("1-101", Gender::female, 3), rules));
    CHECK_FALSE(compatible(member("a", Gender::female, 4), dorm("1-101", Gender::female, 3), rules));
  }

  TEST_CASE("a pair's cost adds the soft terms and subtracts continuity") {
    Rules rules;
    Member who = member("a", Gender::female, 2, "English", "1");
    Dorm what = dorm("8-305", Gender::female, 2, "French", "8");
    what.previous_member = "a";
    PairCost cost = pair_cost(who, what, rules);
    CHECK(cost.major_differs);
    CHECK(cost.junior_same_grade);
    CHECK(cost.other_building);
    CHECK(cost.continuity);
    CHECK(cost.total == 30 + 20 + 3 - 10);
    CHECK(pair_cost(member("a", Gender::female, 4), dorm("1-1", Gender::female, 2), rules).total == 0);
  }

  TEST_CASE("solve matches an exhaustive search on small random instances") {
    Rng rng{20240901};
    int feasible = 0;
    int infeasible = 0;
    for (int round = 0; round < 600; ++round) {
      Instance instance = random_instance(rng, 5, 9);
      CAPTURE(round);
      auto expected = Exhaustive(instance, false).best();
      Solution solution = solve(instance);
      REQUIRE((solution.status == Status::optimal) == expected.has_value());
      if (!expected) {
        ++infeasible;
        continue;
      }
      ++feasible;
      CHECK(solution.total_cost == std::get<2>(*expected));
      check_rules(instance, solution, true);
      CHECK(solution.uncovered.empty());
      detail::FlowAnswer answer = detail::run_flow(instance, {});
      CHECK(answer.network_cost == solution.total_cost);
      detail::FlowRequest class_routes;
      class_routes.class_routes = true;
      CHECK(detail::run_flow(instance, class_routes).network_cost == solution.total_cost);
    }
    CHECK(feasible > 100);
    CHECK(infeasible > 100);
  }

  TEST_CASE("solving twice gives identical pairs") {
    Rng rng{7};
    for (int round = 0; round < 50; ++round) {
      Instance instance = random_instance(rng, 5, 10);
      CHECK(as_tuples(solve(instance)) == as_tuples(solve(instance)));
      CHECK(as_tuples(solve_best_effort(instance)) == as_tuples(solve_best_effort(instance)));
    }
  }
  TEST_CASE("best effort covers as many dorms as possible, then minimises cost") {
    Rng rng{99};
    int partial = 0;
    for (int round = 0; round < 300; ++round) {
      Instance instance = random_instance(rng, 4, 8);
      CAPTURE(round);
      auto expected = Exhaustive(instance, true).best();
      REQUIRE(expected.has_value());
      Solution solution = solve_best_effort(instance);
      REQUIRE(solution.status == Status::optimal);
      CHECK(static_cast<long long>(solution.uncovered.size()) == std::get<0>(*expected));
      CHECK(solution.total_cost == std::get<2>(*expected));
      check_rules(instance, solution, false);
      if (!solution.uncovered.empty()) ++partial;
    }
    CHECK(partial > 30);
  }

  TEST_CASE("repair keeps the most still-valid current pairs, then minimises cost") {
    Rng rng{4242};
    int checked = 0;
    for (int round = 0; round < 300; ++round) {
      Instance before = random_instance(rng, 5, 9);
      Solution old = solve_best_effort(before);
      std::vector<IdPair> current = as_id_pairs(before, old);
      Instance after = before;
      after.members.erase(after.members.begin() + rng.below(static_cast<int>(after.members.size())));
      if (rng.chance(50)) after.members.push_back(member("m99", Gender::female, 1 + rng.below(4)));
      if (rng.chance(30)) current.emplace_back(before.members.front().id, before.dorms.back().code);
      CAPTURE(round);
      std::set<IndexPair> kept = index_pairs(after, current);
      auto expected = Exhaustive(after, false, kept).best();
      Solution solution = solve_repair(after, current);
      REQUIRE((solution.status == Status::optimal) == expected.has_value());
      if (!expected) continue;
      ++checked;
      CHECK(kept_count(solution, kept) == -std::get<1>(*expected));
      CHECK(solution.total_cost == std::get<2>(*expected));
      check_rules(after, solution, true);
    }
    CHECK(checked > 50);
  }

  TEST_CASE("a forbid or a pin is never overridden by continuity") {
    Instance instance;
    add_members(instance, Gender::female, 4, 2);
    add_dorms(instance, Gender::female, 2, 4);
    instance.dorms[0].previous_member = "m00";
    instance.dorms[1].previous_member = "m00";
    instance.forbids.push_back({"m00", "d00"});
    instance.pins.push_back({"m01", "d01"});
    Solution solution = solve(instance);
    REQUIRE(solution.status == Status::optimal);
    CHECK(solution.pairs[0].member == 1);
    CHECK(solution.pairs[1].member == 1);
    CHECK(solution.total_cost == 0);
  }

  TEST_CASE("build_instance derives dorms and members from the rosters") {
    roster::Snapshot snapshot;
    snapshot.students = {
        student("2023001", Gender::female, 2023, "English", "8-305", PoliticalStatus::party_member),
        student("2023002", Gender::female, 2024, "French", "8-306", PoliticalStatus::probationary_member),
        student("2023003", Gender::female, 2023, "French", "8-306", PoliticalStatus::candidate),
        student("2023004", Gender::male, 2024, "English", "9-101", PoliticalStatus::party_member),
        student("2024001", Gender::female, 2024, "English", "8-305"),
        student("2025001", Gender::female, 2025, "French", "8-305", PoliticalStatus::activist),
        student("2025002", Gender::female, 2025, "French", "8-305"),
        student("2025003", Gender::female, 2025, "English", "8-305"),
        student("2025004", Gender::male, 2025, "English", "9-101"),
        student("2026001", Gender::female, 2026, "French", "竹园3-412"),
    };
    roster::DormRow row;
    row.dorm = {"8", "305"};
    row.facts.major = std::nullopt;
    roster::DormRow overridden;
    overridden.dorm = {"9", "101"};
    overridden.facts.cohort = 2023;
    overridden.facts.major = "Japanese";
    snapshot.dorms = {row, overridden};
    BuildOptions options;
    options.previous = {{"8-305", "2023001"}, {"8-306", "2025001"}};
    options.excluded = {"2023004"};

    SUBCASE("dorms: highest grade, most common major, overrides, building") {
      Instance instance = build_instance(snapshot, autumn_2026(), options);
      REQUIRE(instance.dorms.size() == 4);
      CHECK(instance.dorms[0].code == "8-305");
      CHECK(instance.dorms[0].grade == 4);
      CHECK(instance.dorms[0].major == "English");  // 3 English, 2 French
      CHECK(instance.dorms[0].residents == 5);
      CHECK(instance.dorms[0].building == "8");
      CHECK(instance.dorms[0].previous_member == "2023001");
      CHECK(instance.dorms[1].code == "8-306");
      CHECK(instance.dorms[1].major == "French");                  // both French
      CHECK_FALSE(instance.dorms[1].previous_member.has_value());  // not a member
      CHECK(instance.dorms[2].code == "9-101");
      CHECK(instance.dorms[2].grade == 4);
      CHECK(instance.dorms[2].major == "Japanese");
      CHECK(instance.dorms[2].gender == Gender::male);
      CHECK(instance.dorms[3].code == "竹园3-412");
      CHECK(instance.dorms[3].building == "竹园3");
      CHECK(instance.dorms[3].grade == 1);
    }
    SUBCASE("a major tie goes to the smallest in byte order") {
      snapshot.students[1].facts.major = "English";
      snapshot.students[2].facts.major = "Chinese";
      Instance instance = build_instance(snapshot, autumn_2026(), options);
      CHECK(instance.dorms[1].major == "Chinese");
    }
    SUBCASE("members: Party members and candidates, minus the excluded") {
      Instance instance = build_instance(snapshot, autumn_2026(), options);
      REQUIRE(instance.members.size() == 3);
      CHECK(instance.members[0].id == "2023001");
      CHECK(instance.members[0].grade == 4);
      CHECK(instance.members[0].building == "8");
      CHECK(instance.members[1].id == "2023002");
      CHECK(instance.members[1].grade == 3);
      CHECK(instance.members[2].id == "2023003");
      CHECK(instance.candidates_left_out.empty());
    }
    SUBCASE("candidates left out when the flag is off") {
      options.candidates_take_dorms = false;
      Instance instance = build_instance(snapshot, autumn_2026(), options);
      REQUIRE(instance.members.size() == 2);
      CHECK(instance.members[1].id == "2023002");
      REQUIRE(instance.candidates_left_out.size() == 1);
      CHECK(instance.candidates_left_out[0].id == "2023003");
    }
  }

  TEST_CASE("diagnose explains infeasible instances with counts") {
    Instance instance;
    SUBCASE("a senior group lacks members") {
      add_members(instance, Gender::female, 3, 2);
      add_dorms(instance, Gender::female, 3, 7);
      instance.candidates_left_out = {member("c00", Gender::female, 3)};
      Diagnosis diagnosis = diagnose(instance);
      CHECK(diagnosis.findings ==
            std::vector<std::string>{
                "women, grade-3 dorms: 7 dorms need grade-3 women members; 2 such members can take at most 6; "
                "dorms: d00, d01, d02, d03, d04, d05, d06; members: m00, m01"});
      CHECK(texts(diagnosis) ==
            std::vector<std::string>{
                "raise max_dorms to 4 (assignment.max_dorms = 4)",
                "include candidates (assignment.candidates_take_dorms = true): 1 candidate is left out"});
    }
    SUBCASE("candidates who would fall short of min_dorms themselves are not suggested") {
      add_members(instance, Gender::female, 3, 2);
      add_dorms(instance, Gender::female, 3, 7);
      for (const char* id : {"c00", "c01", "c02"})
        instance.candidates_left_out.push_back(member(id, Gender::female, 3));
      CHECK(texts(diagnose(instance)) == std::vector<std::string>{"raise max_dorms to 4 (assignment.max_dorms = 4)"});
    }
    SUBCASE("junior dorms outnumber what members have left after their senior dorms") {
      add_members(instance, Gender::male, 2, 1);
      add_members(instance, Gender::male, 4, 1);
      add_dorms(instance, Gender::male, 4, 1);
      add_dorms(instance, Gender::male, 2, 4);
      add_dorms(instance, Gender::male, 1, 5);
      Diagnosis diagnosis = diagnose(instance);
      CHECK(diagnosis.findings ==
            std::vector<std::string>{
                "men, grade-1 to grade-2 dorms: 9 dorms need men members of grade 1 or above; 2 such members "
                "can take at most 5 after the senior dorms of their own grade; "
                "dorms: d01, d02, d03, d04, d05, d06, d07, d08, d09; members: m00, m01"});
      CHECK(texts(diagnosis) == std::vector<std::string>{"raise max_dorms to 5 (assignment.max_dorms = 5)"});
    }
    SUBCASE("members cannot reach min_dorms") {
      add_members(instance, Gender::female, 4, 5);
      add_dorms(instance, Gender::female, 4, 6);
      add_dorms(instance, Gender::female, 1, 2);
      Diagnosis diagnosis = diagnose(instance);
      CHECK(diagnosis.findings ==
            std::vector<std::string>{
                "women, grade-4 members: 5 members need at least 10 dorms; only 6 grade-4 women dorms and 2 "
                "junior women dorms can take them; dorms: d00, d01, d02, d03, d04, d05, d06, d07; "
                "members: m00, m01, m02, m03, m04"});
      CHECK(texts(diagnosis) == std::vector<std::string>{"lower min_dorms to 1 (assignment.min_dorms = 1)"});
    }
    SUBCASE("dorms nobody can take and broken pins: nothing within the limits helps") {
      add_members(instance, Gender::female, 3, 2);
      add_dorms(instance, Gender::female, 3, 3);
      add_dorms(instance, Gender::male, 3, 1);
      add_dorms(instance, Gender::female, 3, 1);
      instance.pins = {{"m00", "d03"}, {"m00", "d00"}, {"m01", "d00"}, {"m99", "d01"}};
      Diagnosis diagnosis = diagnose(instance);
      CHECK(diagnosis.findings ==
            std::vector<std::string>{
                "men, grade-3 dorms: 1 dorm needs grade-3 men members; 0 such members can take at most 0; "
                "dorms: d03; members: none",
                "no member can take men, grade-3 dorms d03", "pin m00:d03: a female member for a male dorm",
                "pin m99:d01: no member m99 in scope", "dorm d00 is pinned to 2 members: m00, m01",
                "even max_dorms = 10, min_dorms = 1 and senior_from_grade = 4, without the pins named above, leave no "
                "assignment: no change of these settings, alone or together, is enough"});
      CHECK(diagnosis.suggestions.empty());
    }
    SUBCASE("a dorm pinned to two members: dropping those pins is suggested") {
      add_members(instance, Gender::female, 4, 2);
      add_dorms(instance, Gender::female, 4, 4);
      instance.pins = {{"m00", "d00"}, {"m01", "d00"}};
      Diagnosis diagnosis = diagnose(instance);
      CHECK(diagnosis.findings == std::vector<std::string>{"dorm d00 is pinned to 2 members: m00, m01"});
      REQUIRE(texts(diagnosis) == std::vector<std::string>{"drop the pins named above (m00:d00, m01:d00)"});
      Instance fixed = relaxed(instance, diagnosis.suggestions[0]);
      CHECK(fixed.pins.empty());
      CHECK(solve(fixed).status == Status::optimal);
    }
    SUBCASE("counts leave room but a forbid does not") {
      add_members(instance, Gender::female, 4, 1);
      add_dorms(instance, Gender::female, 4, 2);
      instance.forbids = {{"m00", "d01"}};
      Diagnosis diagnosis = diagnose(instance);
      CHECK(diagnosis.findings ==
            std::vector<std::string>{
                "the counts per gender and grade leave room, yet no assignment meets these pins and forbids "
                "together: forbids m00:d01",
                "even max_dorms = 10, min_dorms = 1 and senior_from_grade = 5 leave no assignment: no change of these "
                "settings, alone or together, is enough"});
      CHECK(diagnosis.suggestions.empty());
    }
    SUBCASE("a feasible instance has no findings") {
      add_members(instance, Gender::female, 4, 1);
      add_dorms(instance, Gender::female, 4, 2);
      CHECK(diagnose(instance).findings.empty());
      CHECK(diagnose(instance).suggestions.empty());
    }
  }

  TEST_CASE("diagnose suggests relaxing H5 only when solving with it assigns every dorm") {
    Instance instance;
    SUBCASE("grade-3 dorms short and the grade-4 members busy with their own: H5 relaxed is not enough") {
      add_members(instance, Gender::female, 4, 2);
      add_dorms(instance, Gender::female, 4, 6);
      add_members(instance, Gender::female, 3, 2);
      add_dorms(instance, Gender::female, 3, 7);
      CHECK(texts(diagnose(instance)) == std::vector<std::string>{"raise max_dorms to 4 (assignment.max_dorms = 4)"});
      Instance h5 = instance;
      h5.rules.senior_from_grade = 4;
      CHECK(solve(h5).status == Status::infeasible);  // what the counting used to suggest
    }
    SUBCASE("grade-4 dorms short: no senior_from_grade lets anyone else take them") {
      add_members(instance, Gender::female, 4, 2);
      add_dorms(instance, Gender::female, 4, 7);
      CHECK(texts(diagnose(instance)) == std::vector<std::string>{"raise max_dorms to 4 (assignment.max_dorms = 4)"});
    }
    SUBCASE("grade-3 dorms short and the grade-4 members have room: H5 relaxed works and is suggested") {
      add_members(instance, Gender::female, 4, 2);
      add_dorms(instance, Gender::female, 4, 4);
      add_members(instance, Gender::female, 3, 2);
      add_dorms(instance, Gender::female, 3, 7);
      Diagnosis diagnosis = diagnose(instance);
      REQUIRE(
          texts(diagnosis) ==
          std::vector<std::string>{
              "raise max_dorms to 4 (assignment.max_dorms = 4)",
              "relax H5: raise senior_from_grade to 4 (assignment.senior_from_grade = 4), so that grade-3 dorms may "
              "have a member of a higher grade"});
      CHECK(diagnosis.suggestions[1].rules.senior_from_grade == 4);
      CHECK(diagnosis.suggestions[1].rules.max_dorms == 3);
      for (const Suggestion& suggestion : diagnosis.suggestions) {
        CAPTURE(suggestion.text);
        Instance fixed = relaxed(instance, suggestion);
        Solution solution = solve(fixed);
        REQUIRE(solution.status == Status::optimal);
        check_rules(fixed, solution, true);
      }
    }
  }

  TEST_CASE("a capacity shortfall names the dorms by code and the members by id and name, ten at most") {
    Instance instance;
    instance.members.push_back({"2024110101", "林晓", Gender::female, 3, "A", "1", ""});
    for (int i = 0; i < 27; ++i) {
      instance.dorms.push_back(dorm("3-" + std::to_string(101 + i), Gender::female, 3));
    }
    CHECK(diagnose(instance).findings.front() ==
          "women, grade-3 dorms: 27 dorms need grade-3 women members; 1 such member can take at most 3; "
          "dorms: 3-101, 3-102, 3-103, 3-104, 3-105, 3-106, 3-107, 3-108, 3-109, 3-110 and 17 more; "
          "members: 2024110101 林晓");
  }

  TEST_CASE("when only changes together assign every dorm, diagnose suggests them together") {
    Instance instance;
    add_members(instance, Gender::female, 4, 2);
    add_dorms(instance, Gender::female, 4, 7);  // needs max_dorms 4
    add_members(instance, Gender::male, 4, 3);
    add_dorms(instance, Gender::male, 4, 4);  // needs min_dorms 1
    Diagnosis diagnosis = diagnose(instance);
    REQUIRE(texts(diagnosis) == std::vector<std::string>{"together: raise max_dorms to 4 (assignment.max_dorms = 4); "
                                                         "lower min_dorms to 1 (assignment.min_dorms = 1)"});
    CHECK(solve(relaxed(instance, diagnosis.suggestions[0])).status == Status::optimal);
  }

  TEST_CASE("suggestions stay within the values the config accepts") {
    Instance instance;
    add_members(instance, Gender::female, 3, 1);
    add_dorms(instance, Gender::female, 3, 12);
    CHECK(diagnose(instance).suggestions.empty());  // max_dorms would have to be 12; the config stops at 10
    CHECK(diagnose(instance).findings.back() ==
          "even max_dorms = 10, min_dorms = 1 and senior_from_grade = 4 leave no assignment: no change of these "
          "settings, alone or together, is enough");
    CHECK(texts(diagnose(instance, {1, 12, 6})) ==
          std::vector<std::string>{"raise max_dorms to 12 (assignment.max_dorms = 12)"});
  }

  TEST_CASE(
      "on random infeasible instances every suggestion assigns, by the smallest move, and 'nothing helps' is true") {
    Rng rng{1603};
    const RuleLimits limits{1, 5, 5};
    int suggested = 0;
    int hopeless = 0;
    for (int round = 0; round < 250; ++round) {
      Instance instance = random_instance(rng, 4, 7);
      for (int c = rng.chance(30) ? 1 + rng.below(2) : 0; c > 0; --c) {
        instance.candidates_left_out.push_back(member(numbered("c", instance.candidates_left_out.size()),
                                                      rng.chance(50) ? Gender::female : Gender::male,
                                                      1 + rng.below(4)));
      }
      CAPTURE(round);
      if (Exhaustive(instance, false).best()) continue;
      Diagnosis diagnosis = diagnose(instance, limits);
      REQUIRE_FALSE(diagnosis.findings.empty());
      CHECK(texts(diagnose(instance, limits)) == texts(diagnosis));
      for (const Suggestion& suggestion : diagnosis.suggestions) {
        CAPTURE(suggestion.text);
        check_suggestion(instance, suggestion, limits);
      }
      if (!diagnosis.suggestions.empty()) {
        ++suggested;
      } else if (diagnosis.findings.back().rfind("even max_dorms", 0) == 0) {
        ++hopeless;
        check_hopeless(instance, limits);
      }
    }
    CHECK(suggested > 30);
    CHECK(hopeless > 10);
  }

  TEST_CASE("a university-sized instance solves optimally within every rule") {
    Rng rng{2026};
    Instance instance = university(rng, 3000, 8000);
    Solution solution = solve(instance);
    REQUIRE(solution.status == Status::optimal);
    check_rules(instance, solution, true);
    CHECK(detail::run_flow(instance, {}).network_cost == solution.total_cost);
    CHECK(as_tuples(solve(instance)) == as_tuples(solution));
  }

  TEST_CASE("pooled routes and exact class routes agree on a mid-sized instance") {
    Rng rng{77};
    Instance instance = university(rng, 300, 800);
    detail::FlowRequest class_routes;
    class_routes.class_routes = true;
    detail::FlowAnswer pooled = detail::run_flow(instance, {});
    detail::FlowAnswer exact = detail::run_flow(instance, class_routes);
    REQUIRE(pooled.feasible);
    REQUIRE(exact.feasible);
    CHECK(pooled.network_cost == exact.network_cost);
  }
}
