// dormlink assign --explain: prints why a dorm (or each dorm of a member) has its member.
#include <fmt/ostream.h>

#include "cli/assign_support.hpp"
#include "dormlink/assign/explain.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"

namespace dormlink::cli {
namespace {

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
  bool zh = language == Language::zh;
  std::string out = fmt::format("{}", c.total);
  auto add = [&out](bool on, int weight, const char* text) {
    if (on) out += fmt::format(" {}{} {}", weight >= 0 ? "+" : "", weight, text);
  };
  add(c.major_differs, r.w_major, zh ? "跨专业" : "other major");
  add(c.junior_same_grade, r.w_junior_same_grade, zh ? "同年级联系低年级寝室" : "same grade on a junior dorm");
  add(c.other_building, r.w_building, zh ? "跨楼栋" : "other building");
  add(c.continuity, -r.w_continuity, zh ? "延续上学期" : "kept from last semester");
  return out;
}

void print_dorm(Context& ctx, const assign::Instance& instance, const assign::DormExplanation& e) {
  bool zh = ctx.language() == Language::zh;
  const auto& d = instance.dorms[e.dorm];
  fmt::print(ctx.out(),
             fmt::runtime(zh ? "寝室 {}（{}年级，{}，{} 人，{}号楼）\n"
                             : "dorm {} (grade {}, {}, {} residents, building {})\n"),
             d.code, d.grade, d.major, d.residents, d.building);
  if (!e.member) {
    fmt::print(ctx.out(),
               fmt::runtime(zh ? "  未分配；可联系的党员 {} 人\n" : "  not assigned; {} members could take it\n"),
               e.compatible_members);
    return;
  }
  const auto& m = instance.members[*e.member];
  fmt::print(ctx.out(),
             fmt::runtime(zh ? "  联系党员 {} {}（{}年级，{}，{}号楼）：代价 {}\n"
                             : "  member {} {} (grade {}, {}, building {}): cost {}\n"),
             m.name, m.id, m.grade, m.major, m.building, terms(e.cost, instance.rules, ctx.language()));
  fmt::print(ctx.out(),
             fmt::runtime(zh ? "  符合硬性规则的党员共 {} 人；总代价 {}\n"
                             : "  {} members meet the hard rules for it; total cost {}\n"),
             e.compatible_members, e.total_cost);
  for (const auto& alt : e.alternatives) {
    const auto& a = instance.members[alt.member];
    fmt::print(ctx.out(),
               fmt::runtime(zh ? "  次优：{} {}（{}年级，{}）代价 {}，总代价 {}（{:+}）\n"
                               : "  next best: {} {} (grade {}, {}) cost {}, total cost {} ({:+})\n"),
               a.name, a.id, a.grade, a.major, terms(alt.cost, instance.rules, ctx.language()), alt.total_cost,
               alt.total_cost - e.total_cost);
  }
  if (e.alternatives.empty()) {
    fmt::print(ctx.out(), "{}", zh ? "  没有其他可行的党员\n" : "  no other member can take it\n");
  }
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
    throw UsageError(
        fmt::format("--explain {}: no dorm in scope or assigned member by that id or name", quote_value(who)));
  }
  for (auto d : dorms) print_dorm(ctx, instance, assign::explain_dorm(instance, solution, d, 3));
  return 0;
}

}  // namespace dormlink::cli
