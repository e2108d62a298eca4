// The assignment as a compressed min-cost flow, solved with LEMON's network simplex.
//
// Network: source -> member (min_dorms..max_dorms, as supplies) -> hub of the member's class
// -> routes -> dorm class (demand: its number of dorms). A class is (gender, grade, major,
// building); dorms of a class are interchangeable for every hub route.
// The routes from a hub of grade gm to the dorm classes of grade gd (H3-H5 compatible) are
//   exact:  hub -> class with the same major and building, cost junior(gm, gd);
//   pools:  hub -> major pool (gd, major) -> class, cost w_building + junior,
//           hub -> building pool (gd, building) -> class, cost w_major + junior,
//           hub -> grade pool (gd) -> major pool -> class, cost w_major + w_building + junior.
// A pool also reaches classes that match more than it assumes, so a route may over-charge a
// pair, never under-charge it. Direct member -> class arcs carry pins (a pinned dorm is a class
// of its own with no other way in), continuity pairs (cost with the continuity bonus) and, for
// a repair, kept pairs; their capacity is the number of such dorms of that member in the class,
// and a dorm with direct arcs from two members is a class of its own, so the direct arcs into
// a class name disjoint dorms.
// A hub of a single member is the member's node itself. A member with forbids gets a private
// hub and a forbidden dorm its own class; the private hub reaches every compatible class by one
// arc of exact cost, except the forbidden ones.
//
// Why this is exact (weights w_major, w_building >= 0; otherwise every hub uses exact
// class-to-class arcs, and a negative w_continuity makes continuity pairs private like forbids):
// (a) every assignment meeting H1-H5, pins and forbids is a feasible flow of the same cost:
//     route each pair by its pin or direct arc, else by the route that matches exactly;
// (b) every flow is an assignment of at most its cost: a direct arc's units take that many of
//     its own dorms at their exact cost; the class's other dorms match its other incoming
//     units one to one, and every member-to-class path through a hub is a compatible,
//     non-forbidden pair for every dorm of the class, costing at least the true pair cost
//     (a hub route to a member's previous dorm over-charges by w_continuity).
// Hence min flow cost = min assignment cost, and the pairs read off an optimal flow cost
// exactly that.

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <tuple>

#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>

#include "flow.hpp"

namespace dormlink::assign::detail {
namespace {

using Graph = lemon::ListDigraph;
using Simplex = lemon::NetworkSimplex<Graph, int, long long>;
using Key = std::tuple<int, int, int, int>;  // gender, grade, major, building; -1 for any
using IndexPair = std::pair<std::size_t, std::size_t>;

enum class NodeKind { source, member, hub, pool, dorm_class };

struct Arc {
  int from = 0;
  int to = 0;
  int upper = 0;
  long long cost = 0;
};

// A hub: the members of one class, or one member with hub-excluded pairs.
struct Hub {
  int node = 0;
  std::size_t representative = 0;
  std::optional<std::size_t> private_member;
};

// A dorm class: interchangeable dorms, or one dorm that needs its own node.
struct DormClass {
  int node = 0;
  std::vector<std::size_t> dorms;  // ascending, i.e. by code
  bool routed = true;              // reachable through hubs (not pinned, not blocked)
  bool single = false;
};

// A direct arc's member and the dorms its units stand for, in hand-out order.
struct DirectArc {
  std::size_t member = 0;
  std::vector<std::size_t> dorms;
};

// The network in plain vectors; LEMON sees it only when solving.
class Network {
 public:
  int add_node(NodeKind kind, std::size_t index = 0, long long supply = 0) {
    m_kind.push_back(kind);
    m_index.push_back(index);
    m_supply.push_back(supply);
    return static_cast<int>(m_kind.size() - 1);
  }
  std::size_t add_arc(int from, int to, int upper, long long cost) {
    m_arcs.push_back({from, to, upper, cost});
    return m_arcs.size() - 1;
  }
  std::vector<NodeKind> m_kind;
  std::vector<std::size_t> m_index;
  std::vector<long long> m_supply;
  std::vector<Arc> m_arcs;
};

// The sum of the weights' sizes plus one: no path costs more than this in absolute value.
long long weight_unit(const Rules& rules) {
  return std::llabs(rules.w_major) + std::llabs(rules.w_junior_same_grade) + std::llabs(rules.w_building) +
         std::llabs(rules.w_continuity) + 1;
}

// Builds the network of one request; see the comment at the top of the file.
class Builder {
 public:
  Builder(const Instance& instance, const FlowRequest& request)
      : m_instance(instance), m_request(request), m_index(instance) {}

  // False when the instance is infeasible before any flow (strict requests only).
  bool build();
  FlowAnswer solve();

 private:
  void intern_keys();
  void plan_special_pairs();
  void add_dorm_classes();
  void add_hubs();
  void add_pools(const DormClass& dorm_class);
  void add_pool_routes(const Hub& hub);
  void add_class_routes(const Hub& hub);
  void add_direct_arcs();
  int pool(std::map<Key, int>& pools, const Key& key);
  void hand_out(const DormClass& dorm_class, const std::vector<int>& flow, FlowAnswer& answer);
  std::optional<std::size_t> trace(int node);

  const Instance& m_instance;
  const FlowRequest& m_request;
  IdIndex m_index;
  Network m_net;
  int m_source = 0;
  int m_dorm_count = 0;
  long long m_bonus = 0;
  long long m_penalty = 0;
  std::vector<std::optional<std::size_t>> m_pinned;
  std::vector<bool> m_blocked;
  std::set<IndexPair> m_forbidden;
  std::set<IndexPair> m_hub_excluded;       // pairs no hub route may realise
  std::map<IndexPair, long long> m_direct;  // (member, dorm) -> cost of its direct unit
  std::set<std::size_t> m_private_members;
  std::set<std::size_t> m_single_dorms;
  std::vector<int> m_member_node;
  std::vector<std::size_t> m_class_of;  // dorm -> index into m_classes
  std::vector<Hub> m_hubs;
  std::vector<DormClass> m_classes;
  std::map<Key, std::vector<std::size_t>> m_classes_by_key;  // routed classes only
  std::vector<Key> m_member_key;
  std::vector<Key> m_dorm_key;
  std::map<Key, int> m_major_pools;            // (gender, grade, major, -1)
  std::map<Key, int> m_building_pools;         // (gender, grade, -1, building)
  std::map<Key, int> m_grade_pools;            // (gender, grade, -1, -1)
  std::map<int, std::set<int>> m_dorm_grades;  // routed dorm grades per gender
  std::vector<DirectArc> m_direct_arcs;
  std::vector<int> m_direct_of_arc;                  // arc index -> index into m_direct_arcs, or -1
  std::vector<char> m_taken;                         // dorms already handed out
  std::vector<std::vector<std::size_t>> m_incoming;  // arcs into each node, in creation order
  std::vector<int> m_rest;                           // flow not yet handed out, per arc
  std::vector<std::size_t> m_next;                   // first incoming arc that may have rest
};

// Class keys with majors and buildings as small integers (by byte order), for speed.
void Builder::intern_keys() {
  std::vector<std::string_view> names;
  for (const Member& m : m_instance.members) names.insert(names.end(), {m.major, m.building});
  for (const Dorm& d : m_instance.dorms) names.insert(names.end(), {d.major, d.building});
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  auto id = [&](std::string_view name) {
    return static_cast<int>(std::lower_bound(names.begin(), names.end(), name) - names.begin());
  };
  for (const Member& m : m_instance.members) {
    m_member_key.emplace_back(static_cast<int>(m.gender), m.grade, id(m.major), id(m.building));
  }
  for (const Dorm& d : m_instance.dorms) {
    m_dorm_key.emplace_back(static_cast<int>(d.gender), d.grade, id(d.major), id(d.building));
  }
}

// Direct units (continuity, kept pairs) and the dorms that need a class of their own.
void Builder::plan_special_pairs() {
  const Rules& rules = m_instance.rules;
  for (std::size_t d = 0; d < m_instance.dorms.size(); ++d) {
    const Dorm& dorm = m_instance.dorms[d];
    if (m_pinned[d] || m_blocked[d] || !dorm.previous_member) continue;
    auto m = m_index.member(*dorm.previous_member);
    if (!m || !compatible(m_instance.members[*m], dorm, rules) || m_forbidden.count({*m, d})) continue;
    m_direct[{*m, d}] = pair_cost(m_instance.members[*m], dorm, rules).total;
    if (rules.w_continuity < 0) m_hub_excluded.insert({*m, d});
  }
  for (const auto& [m, d] : m_request.kept) {
    if (m_pinned[d] || m_blocked[d]) continue;
    m_direct[{m, d}] = pair_cost(m_instance.members[m], m_instance.dorms[d], rules).total - m_bonus;
  }
  m_hub_excluded.insert(m_forbidden.begin(), m_forbidden.end());
  for (const auto& [m, d] : m_hub_excluded) {
    m_private_members.insert(m);
    m_single_dorms.insert(d);
  }
  std::vector<int> direct_members(m_instance.dorms.size(), 0);
  for (const auto& entry : m_direct) {
    if (++direct_members[entry.first.second] == 2) m_single_dorms.insert(entry.first.second);
  }
}

// Dorm classes with their demand; pinned, blocked and special dorms get classes of their own.
void Builder::add_dorm_classes() {
  std::map<Key, std::size_t> shared;
  m_class_of.resize(m_instance.dorms.size());
  for (std::size_t d = 0; d < m_instance.dorms.size(); ++d) {
    const Dorm& dorm = m_instance.dorms[d];
    bool routed = !m_pinned[d] && !m_blocked[d];
    bool single = !routed || m_single_dorms.count(d) > 0;
    auto it = single ? shared.end() : shared.find(m_dorm_key[d]);
    if (it == shared.end()) {
      m_classes.push_back({m_net.add_node(NodeKind::dorm_class), {}, routed, single});
      if (routed) m_classes_by_key[m_dorm_key[d]].push_back(m_classes.size() - 1);
      if (routed) m_dorm_grades[std::get<0>(m_dorm_key[d])].insert(dorm.grade);
      if (!single) it = shared.emplace(m_dorm_key[d], m_classes.size() - 1).first;
    }
    m_class_of[d] = single ? m_classes.size() - 1 : it->second;
    m_classes[m_class_of[d]].dorms.push_back(d);
  }
  for (const DormClass& dorm_class : m_classes) {
    auto size = static_cast<long long>(dorm_class.dorms.size());
    m_net.m_supply[static_cast<std::size_t>(dorm_class.node)] = -size;  // H1: one member each
    if (m_request.best_effort) {
      m_net.add_arc(m_source, dorm_class.node, static_cast<int>(size), m_penalty);
    }
  }
}

int Builder::pool(std::map<Key, int>& pools, const Key& key) {
  auto it = pools.find(key);
  if (it == pools.end()) it = pools.emplace(key, m_net.add_node(NodeKind::pool)).first;
  return it->second;
}

// The pools that feed a dorm class; the grade pool reaches it through the major pool.
void Builder::add_pools(const DormClass& dorm_class) {
  const auto& [gender, grade, major, building] = m_dorm_key[dorm_class.dorms.front()];
  int capacity = static_cast<int>(dorm_class.dorms.size());
  bool fresh = !m_major_pools.count({gender, grade, major, -1});
  int major_pool = pool(m_major_pools, {gender, grade, major, -1});
  if (fresh) m_net.add_arc(pool(m_grade_pools, {gender, grade, -1, -1}), major_pool, m_dorm_count, 0);
  m_net.add_arc(major_pool, dorm_class.node, capacity, 0);
  m_net.add_arc(pool(m_building_pools, {gender, grade, -1, building}), dorm_class.node, capacity, 0);
}

// Hubs: one per member class, a private one per member with hub-excluded pairs. A hub of a
// single member is that member's own node.
void Builder::add_hubs() {
  std::map<Key, std::vector<std::size_t>> shared;
  const int max_dorms = std::max(0, m_instance.rules.max_dorms);
  for (std::size_t m = 0; m < m_instance.members.size(); ++m) {
    if (m_private_members.count(m)) {
      m_hubs.push_back({m_member_node[m], m, m});
    } else {
      shared[m_member_key[m]].push_back(m);
    }
  }
  for (const auto& [key, members] : shared) {
    if (members.size() == 1) {
      m_hubs.push_back({m_member_node[members.front()], members.front(), std::nullopt});
      continue;
    }
    m_hubs.push_back({m_net.add_node(NodeKind::hub), members.front(), std::nullopt});
    for (std::size_t m : members) m_net.add_arc(m_member_node[m], m_hubs.back().node, max_dorms, 0);
  }
}

// Exact route and pool routes of a shared hub, for every compatible dorm grade.
void Builder::add_pool_routes(const Hub& hub) {
  const Rules& rules = m_instance.rules;
  const auto& [gender, member_grade, major, building] = m_member_key[hub.representative];
  auto grades = m_dorm_grades.find(gender);
  if (grades == m_dorm_grades.end()) return;
  for (int grade : grades->second) {
    if (!grades_compatible(member_grade, grade, rules)) continue;
    long long junior = grade < rules.senior_from_grade && member_grade == grade ? rules.w_junior_same_grade : 0;
    if (auto exact = m_classes_by_key.find({gender, grade, major, building}); exact != m_classes_by_key.end()) {
      for (std::size_t k : exact->second) m_net.add_arc(hub.node, m_classes[k].node, m_dorm_count, junior);
    }
    if (auto p = m_major_pools.find({gender, grade, major, -1}); p != m_major_pools.end()) {
      m_net.add_arc(hub.node, p->second, m_dorm_count, junior + rules.w_building);
    }
    if (auto p = m_building_pools.find({gender, grade, -1, building}); p != m_building_pools.end()) {
      m_net.add_arc(hub.node, p->second, m_dorm_count, junior + rules.w_major);
    }
    m_net.add_arc(hub.node, m_grade_pools.at({gender, grade, -1, -1}), m_dorm_count,
                  junior + rules.w_major + rules.w_building);
  }
}

// One arc of exact cost from a hub to every routed compatible dorm class it may reach.
void Builder::add_class_routes(const Hub& hub) {
  const Member& member = m_instance.members[hub.representative];
  for (const DormClass& dorm_class : m_classes) {
    const Dorm& dorm = m_instance.dorms[dorm_class.dorms.front()];
    if (!dorm_class.routed || !compatible(member, dorm, m_instance.rules)) continue;
    if (hub.private_member && dorm_class.single &&
        m_hub_excluded.count({*hub.private_member, dorm_class.dorms.front()})) {
      continue;
    }
    m_net.add_arc(hub.node, dorm_class.node, m_dorm_count, base_cost(member, dorm, m_instance.rules));
  }
}

// Pins (a pinned dorm's only way in) and the direct units, grouped by member, class and cost.
void Builder::add_direct_arcs() {
  std::map<std::tuple<std::size_t, std::size_t, long long>, std::vector<std::size_t>> groups;
  for (std::size_t d = 0; d < m_instance.dorms.size(); ++d) {
    if (!m_pinned[d]) continue;
    std::size_t m = *m_pinned[d];
    groups[{m, m_class_of[d], pair_cost(m_instance.members[m], m_instance.dorms[d], m_instance.rules).total}].push_back(
        d);
  }
  for (const auto& [pair, cost] : m_direct) groups[{pair.first, m_class_of[pair.second], cost}].push_back(pair.second);
  for (auto& [key, dorms] : groups) {
    const auto& [m, k, cost] = key;
    std::size_t arc = m_net.add_arc(m_member_node[m], m_classes[k].node, static_cast<int>(dorms.size()), cost);
    m_direct_of_arc.resize(arc + 1, -1);
    m_direct_of_arc[arc] = static_cast<int>(m_direct_arcs.size());
    m_direct_arcs.push_back({m, std::move(dorms)});
  }
}

bool Builder::build() {
  const Rules& rules = m_instance.rules;
  bool pins_ok = resolve_pins(m_instance, m_pinned, m_blocked);
  if (!m_request.best_effort && (!pins_ok || rules.min_dorms > rules.max_dorms)) return false;
  m_forbidden = forbidden_pairs(m_instance, m_index);
  m_dorm_count = static_cast<int>(m_instance.dorms.size());
  long long unit = weight_unit(rules) * (m_dorm_count + 1);
  m_bonus = m_request.kept.empty() ? 0 : unit;
  m_penalty = m_request.best_effort ? (unit + m_bonus) * (m_dorm_count + 1) : 0;
  intern_keys();
  plan_special_pairs();
  // H2: a member supplies min_dorms itself; the source offers up to max_dorms - min_dorms more.
  int lower = m_request.best_effort ? 0 : std::max(0, rules.min_dorms);
  long long spare = m_dorm_count - lower * static_cast<long long>(m_instance.members.size());
  if (spare < 0) return false;
  m_source = m_net.add_node(NodeKind::source, 0, spare);
  for (std::size_t m = 0; m < m_instance.members.size(); ++m) {
    m_member_node.push_back(m_net.add_node(NodeKind::member, m, lower));
    m_net.add_arc(m_source, m_member_node.back(), std::max(0, rules.max_dorms) - lower, 0);
  }
  add_dorm_classes();
  bool pooled = rules.w_major >= 0 && rules.w_building >= 0 && !m_request.class_routes;
  for (const DormClass& dorm_class : m_classes) {
    if (pooled && dorm_class.routed) add_pools(dorm_class);
  }
  add_hubs();
  for (const Hub& hub : m_hubs) {
    if (pooled && !hub.private_member)
      add_pool_routes(hub);
    else
      add_class_routes(hub);
  }
  add_direct_arcs();
  return true;
}

// Follows the remaining flow back from a class to the member (or the source) feeding it.
std::optional<std::size_t> Builder::trace(int node) {
  while (node != m_source && m_net.m_kind[static_cast<std::size_t>(node)] != NodeKind::member) {
    auto n = static_cast<std::size_t>(node);
    const auto& incoming = m_incoming[n];
    while (m_next[n] < incoming.size() && m_rest[incoming[m_next[n]]] == 0) ++m_next[n];
    // not a message: an internal error only a bug can cause
    if (m_next[n] == incoming.size()) throw std::logic_error("assign: flow is not conserved");
    std::size_t arc = incoming[m_next[n]];
    --m_rest[arc];
    node = m_net.m_arcs[arc].from;
  }
  if (node == m_source) return std::nullopt;
  return m_net.m_index[static_cast<std::size_t>(node)];
}

// Direct units take their own dorms first; the class's other dorms, by code, follow the
// remaining flow back to a member (or stay uncovered).
void Builder::hand_out(const DormClass& dorm_class, const std::vector<int>& flow, FlowAnswer& answer) {
  auto record = [&](std::size_t m, std::size_t d) {
    answer.pairs.push_back({m, d, pair_cost(m_instance.members[m], m_instance.dorms[d], m_instance.rules).total});
    m_taken[d] = 1;
  };
  for (std::size_t arc : m_incoming[static_cast<std::size_t>(dorm_class.node)]) {
    if (arc >= m_direct_of_arc.size() || m_direct_of_arc[arc] < 0) continue;
    const DirectArc& direct = m_direct_arcs[static_cast<std::size_t>(m_direct_of_arc[arc])];
    for (int unit = 0; unit < flow[arc]; ++unit) record(direct.member, direct.dorms[static_cast<std::size_t>(unit)]);
    m_rest[arc] = 0;
  }
  for (std::size_t d : dorm_class.dorms) {
    if (m_taken[d]) continue;
    if (auto m = trace(dorm_class.node))
      record(*m, d);
    else
      answer.uncovered.push_back(d);
  }
}

// Hands the network to LEMON and reads the optimal flow back as pairs.
FlowAnswer Builder::solve() {
  FlowAnswer answer;
  answer.penalty = m_penalty;
  answer.bonus = m_bonus;
  answer.nodes = m_net.m_kind.size();
  answer.arcs = m_net.m_arcs.size();
  Graph graph;
  std::vector<Graph::Node> nodes;
  for (std::size_t n = 0; n < m_net.m_kind.size(); ++n) nodes.push_back(graph.addNode());
  std::vector<Graph::Arc> arcs;
  for (const Arc& arc : m_net.m_arcs) {
    arcs.push_back(graph.addArc(nodes[static_cast<std::size_t>(arc.from)], nodes[static_cast<std::size_t>(arc.to)]));
  }
  Graph::ArcMap<int> upper(graph);
  Graph::ArcMap<long long> cost(graph);
  Graph::NodeMap<int> supply(graph);
  for (std::size_t a = 0; a < arcs.size(); ++a) {
    upper[arcs[a]] = m_net.m_arcs[a].upper;
    cost[arcs[a]] = m_net.m_arcs[a].cost;
  }
  for (std::size_t n = 0; n < nodes.size(); ++n) supply[nodes[n]] = static_cast<int>(m_net.m_supply[n]);
  Simplex simplex(graph);
  simplex.upperMap(upper).costMap(cost).supplyMap(supply);
  if (simplex.run() != Simplex::OPTIMAL) return answer;
  answer.feasible = true;
  answer.network_cost = simplex.totalCost();
  std::vector<int> flow(arcs.size());
  m_incoming.assign(nodes.size(), {});
  for (std::size_t a = 0; a < arcs.size(); ++a) {
    flow[a] = simplex.flow(arcs[a]);
    m_incoming[static_cast<std::size_t>(m_net.m_arcs[a].to)].push_back(a);
  }
  m_rest = flow;
  m_next.assign(nodes.size(), 0);
  m_taken.assign(m_instance.dorms.size(), 0);
  for (const DormClass& dorm_class : m_classes) hand_out(dorm_class, flow, answer);
  std::sort(answer.pairs.begin(), answer.pairs.end(), [](const Pair& a, const Pair& b) { return a.dorm < b.dorm; });
  std::sort(answer.uncovered.begin(), answer.uncovered.end());
  return answer;
}

}  // namespace

FlowAnswer run_flow(const Instance& instance, const FlowRequest& request) {
  Builder builder(instance, request);
  if (!builder.build()) return {};
  return builder.solve();
}

}  // namespace dormlink::assign::detail
