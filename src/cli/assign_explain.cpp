// dormlink assign --explain: prints why a dorm (or each dorm of a member) has its member.
#include <fmt/ostream.h>

#include "cli/assign_support.hpp"
#include "dormlink/assign/explain.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"

namespace dormlink::cli {
namespace {

// What --explain prints (in the output's language, ctx.language()) and its one error.
namespace say {
inline constexpr Words other_major{"跨专业", "other major"};
inline constexpr Words junior_same_grade{"同年级联系低年级寝室", "same grade on a junior dorm"};
inline constexpr Words other_building{"跨楼栋", "other building"};
inline constexpr Words kept{"延续上学期", "kept from last semester"};
inline constexpr Message dorm{"dorm {} (grade {}, {}, {} residents, building {})\n",
                              "寝室 {}（{}年级，{}，{} 人，{}号楼）\n"};
inline constexpr Message not_assigned{"  not assigned; {} members could take it\n", "  未分配；可联系的党员 {} 人\n"};
inline constexpr Message member{"  member {} {} (grade {}, {}, building {}): cost {}\n",
                                "  联系党员 {} {}（{}年级，{}，{}号楼）：代价 {}\n"};
inline constexpr Message compatible{"  {} members meet the hard rules for it; total cost {}\n",
                                    "  符合硬性规则的党员共 {} 人；总代价 {}\n"};
inline constexpr Message next_best{"  next best: {} {} (grade {}, {}) cost {}, total cost {} ({:+})\n",
                                   "  次优：{} {}（{}年级，{}）代价 {}，总代价 {}（{:+}）\n"};
inline constexpr Message no_other{"  no other member can take it\n", "  没有其他可行的党员\n"};
inline constexpr Message nobody{"--explain {}: no dorm in scope or assigned member by that id or name",
                                "--explain {}：没有这个编号或姓名的在范围内寝室或已分配党员"};
}  // namespace say

// The committed pairs as a Solution over this instance (pairs whose member or dorm left are
// dropped), or a fresh optimal solution when nothing is committed.
assign::Solution solution_to_explain(const assign::Instance& instance,
                                     const std::optional<store::AssignmentRecord>& current) {
  if (!current) {
    auto fresh = assign::solve(instance);
    if (fresh.status != assign::Status::optimal) throw_infeasible(instance);
    return fresh;
  }
  return solution_of(instance, *current);
}

std::string terms(const assign::PairCost& c, const assign::Rules& r, Language language) {
  std::string out = fmt::format("{}", c.total);
  auto add = [&out, language](bool on, int weight, const Words& text) {
    if (on) out += fmt::format(" {}{} {}", weight >= 0 ? "+" : "", weight, text(language));
  };
  add(c.major_differs, r.w_major, say::other_major);
  add(c.junior_same_grade, r.w_junior_same_grade, say::junior_same_grade);
  add(c.other_building, r.w_building, say::other_building);
  add(c.continuity, -r.w_continuity, say::kept);
  return out;
}

void print_dorm(Context& ctx, const assign::Instance& instance, const assign::DormExplanation& e) {
  const Language language = ctx.language();
  const auto& d = instance.dorms[e.dorm];
  ctx.out() << say::dorm.in(language, d.code, d.grade, d.major, d.residents, d.building);
  if (!e.member) {
    ctx.out() << say::not_assigned.in(language, e.compatible_members);
    return;
  }
  const auto& m = instance.members[*e.member];
  ctx.out() << say::member.in(language, m.name, m.id, m.grade, m.major, m.building,
                              terms(e.cost, instance.rules, language));
  ctx.out() << say::compatible.in(language, e.compatible_members, e.total_cost);
  for (const auto& alt : e.alternatives) {
    const auto& a = instance.members[alt.member];
    ctx.out() << say::next_best.in(language, a.name, a.id, a.grade, a.major, terms(alt.cost, instance.rules, language),
                                   alt.total_cost, alt.total_cost - e.total_cost);
  }
  if (e.alternatives.empty()) ctx.out() << say::no_other.in(language);
}

}  // namespace

int explain(Context& ctx, const assign::Instance& instance, const std::optional<store::AssignmentRecord>& current,
            const std::string& who) {
  auto solution = solution_to_explain(instance, current);
  std::vector<std::size_t> dorms;
  if (auto code = parse_dorm_code(who)) {
    for (std::size_t d = 0; d < instance.dorms.size(); ++d) {
      if (instance.dorms[d].code == code->code()) dorms.push_back(d);
    }
  }
  for (const auto& p : solution.pairs) {
    const auto& m = instance.members[p.member];
    if (m.id == who || m.name == who) dorms.push_back(p.dorm);
  }
  if (dorms.empty()) {
    throw UsageError(say::nobody(quote_value(who)));
  }
  for (auto d : dorms) print_dorm(ctx, instance, assign::explain_dorm(instance, solution, d, 3));
  return 0;
}

}  // namespace dormlink::cli
