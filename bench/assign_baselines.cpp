// dormlink-assign-baselines: times the direct formulation of the member -> dorm assignment
// (one arc per compatible pair) in LEMON NetworkSimplex, writes the same formulation as a
// CPLEX LP file for glpsol and cbc, and optionally runs assign::solve() on the same instance
// to check that the total costs agree. See bench/README.md, "Assignment".

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include "dormlink/assign/assign.hpp"
#include "dormlink/config.hpp"
#include "dormlink/error.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/store/roster_query.hpp"

namespace dormlink::bench {
namespace {

// The command line.
struct Options {
  std::string db;
  std::string config;
  std::string semester;
  std::string as_of;        // roster date; empty: the semester's first Monday
  std::string lp_path;      // empty: no LP file
  bool lemon = true;        // solve the direct formulation in LEMON
  bool compressed = false;  // also run assign::solve() and compare
  bool help = false;
};

// One compatible member-dorm pair of the direct formulation, as indexes.
struct DirectPair {
  std::uint32_t member = 0;
  std::uint32_t dorm = 0;
  int cost = 0;
  bool pinned = false;  // a pin: the pair must be taken
};

// A solver's outcome as this tool reports it.
struct Outcome {
  std::string status;
  long long total_cost = 0;
};

// Milliseconds since `start`.
double ms_since(std::chrono::steady_clock::time_point start) {
  const auto elapsed = std::chrono::steady_clock::now() - start;
  return std::chrono::duration<double, std::milli>(elapsed).count();
}

// The model's rules from the config's [assignment] table.
assign::Rules rules_of(const AssignmentConfig& config) {
  return {.min_dorms = config.min_dorms,
          .max_dorms = config.max_dorms,
          .senior_from_grade = config.senior_from_grade,
          .w_major = config.w_major,
          .w_junior_same_grade = config.w_junior_same_grade,
          .w_building = config.w_building,
          .w_continuity = config.w_continuity};
}

// Loads the rosters and builds the semester's instance with the library, as `dormlink
// assign` does for a database without a previous committed assignment.
assign::Instance load_instance(const Options& options) {
  const Config config = load_config_file(options.config);
  const Semester* semester = config.calendar.find(options.semester);
  if (semester == nullptr) throw UsageError(fmt::format("--semester \"{}\" is not in the config", options.semester));
  std::optional<Date> date = semester->first_monday;
  if (!options.as_of.empty()) date = parse_iso_date(options.as_of);
  if (!date) throw UsageError(fmt::format("--as-of \"{}\" is not a YYYY-MM-DD date", options.as_of));
  store::Database db = store::Database::open(options.db, store::OpenMode::read_only);
  const roster::Snapshot snapshot = store::load_roster(db, *date);
  assign::BuildOptions build;
  build.rules = rules_of(config.assignment);
  build.candidates_take_dorms = config.assignment.candidates_take_dorms;
  return assign::build_instance(snapshot, *semester, build);
}

using IndexPairs = std::set<std::pair<std::size_t, std::size_t>>;

// Id pairs (member id, dorm code) as index pairs; pairs naming unknown ids are dropped.
IndexPairs index_pairs(const assign::Instance& instance, const std::vector<assign::IdPair>& ids) {
  std::map<std::string_view, std::size_t> members;
  std::map<std::string_view, std::size_t> dorms;
  for (std::size_t m = 0; m < instance.members.size(); ++m) members[instance.members[m].id] = m;
  for (std::size_t d = 0; d < instance.dorms.size(); ++d) dorms[instance.dorms[d].code] = d;
  IndexPairs out;
  for (const auto& [member, dorm] : ids) {
    const auto found_member = members.find(member);
    const auto found_dorm = dorms.find(dorm);
    if (found_member != members.end() && found_dorm != dorms.end())
      out.emplace(found_member->second, found_dorm->second);
  }
  return out;
}

// Every compatible, not forbidden pair, member by member, with its pair_cost().
std::vector<DirectPair> direct_pairs(const assign::Instance& instance) {
  const IndexPairs forbidden = index_pairs(instance, instance.forbids);
  const IndexPairs pinned = index_pairs(instance, instance.pins);
  std::vector<DirectPair> pairs;
  for (std::size_t m = 0; m < instance.members.size(); ++m) {
    const assign::Member& member = instance.members[m];
    for (std::size_t d = 0; d < instance.dorms.size(); ++d) {
      const assign::Dorm& dorm = instance.dorms[d];
      if (!assign::compatible(member, dorm, instance.rules) || forbidden.count({m, d}) > 0) continue;
      pairs.push_back({static_cast<std::uint32_t>(m), static_cast<std::uint32_t>(d),
                       assign::pair_cost(member, dorm, instance.rules).total, pinned.count({m, d}) > 0});
    }
  }
  return pairs;
}

// The number of compatible pairs without listing them: H3-H5 depend on gender and grade
// only, so one compatible() call per (member group, dorm group) suffices. Forbids ignored.
long long count_pairs(const assign::Instance& instance) {
  using Group = std::pair<Gender, int>;
  std::map<Group, std::pair<const assign::Member*, long long>> members;
  std::map<Group, std::pair<const assign::Dorm*, long long>> dorms;
  for (const assign::Member& member : instance.members) {
    auto& entry = members[{member.gender, member.grade}];
    entry.first = &member;
    ++entry.second;
  }
  for (const assign::Dorm& dorm : instance.dorms) {
    auto& entry = dorms[{dorm.gender, dorm.grade}];
    entry.first = &dorm;
    ++entry.second;
  }
  long long count = 0;
  for (const auto& [member_group, member_entry] : members) {
    for (const auto& [dorm_group, dorm_entry] : dorms) {
      if (assign::compatible(*member_entry.first, *dorm_entry.first, instance.rules))
        count += member_entry.second * dorm_entry.second;
    }
  }
  return count;
}

using Graph = lemon::SmartDigraph;
using Simplex = lemon::NetworkSimplex<Graph, int, long long>;

// The direct network: source -> member [min_dorms, max_dorms], member -> dorm [0 or 1, 1] per
// pair at its cost, dorm -> sink [1, 1]; the source supplies one unit per dorm.
struct DirectNetwork {
  Graph graph;
  Graph::ArcMap<int> lower{graph};
  Graph::ArcMap<int> upper{graph};
  Graph::ArcMap<long long> cost{graph};
  Graph::Node source;
  Graph::Node sink;
};

// Adds one arc with its bounds and cost.
void add_arc(DirectNetwork& net, Graph::Node from, Graph::Node to, std::pair<int, int> bounds, long long cost) {
  const Graph::Arc arc = net.graph.addArc(from, to);
  net.lower[arc] = bounds.first;
  net.upper[arc] = bounds.second;
  net.cost[arc] = cost;
}

// Builds the direct network of an instance from its pairs.
void build_direct(DirectNetwork& net, const assign::Instance& instance, const std::vector<DirectPair>& pairs) {
  const std::size_t nodes = instance.members.size() + instance.dorms.size() + 2;
  net.graph.reserveNode(static_cast<int>(nodes));
  net.graph.reserveArc(static_cast<int>(pairs.size() + nodes));
  net.source = net.graph.addNode();
  net.sink = net.graph.addNode();
  std::vector<Graph::Node> members;
  std::vector<Graph::Node> dorms;
  const std::pair<int, int> load{instance.rules.min_dorms, instance.rules.max_dorms};
  for (std::size_t m = 0; m < instance.members.size(); ++m) {
    members.push_back(net.graph.addNode());
    add_arc(net, net.source, members.back(), load, 0);
  }
  for (std::size_t d = 0; d < instance.dorms.size(); ++d) {
    dorms.push_back(net.graph.addNode());
    add_arc(net, dorms.back(), net.sink, {1, 1}, 0);
  }
  for (const DirectPair& pair : pairs) {
    add_arc(net, members[pair.member], dorms[pair.dorm], {pair.pinned ? 1 : 0, 1}, pair.cost);
  }
}

// Builds and solves the direct formulation in LEMON; prints arcs, times, status and cost.
Outcome solve_direct_lemon(const assign::Instance& instance, const std::vector<DirectPair>& pairs, double enumerate_ms,
                           std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  DirectNetwork net;
  build_direct(net, instance, pairs);
  const double build_ms = ms_since(start);
  const auto solve_start = std::chrono::steady_clock::now();
  Simplex simplex(net.graph);
  const int units = static_cast<int>(instance.dorms.size());
  simplex.lowerMap(net.lower).upperMap(net.upper).costMap(net.cost);
  simplex.stSupply(net.source, net.sink, units);
  const Simplex::ProblemType result = simplex.run();
  const double solve_ms = ms_since(solve_start);
  Outcome outcome{result == Simplex::OPTIMAL ? "optimal" : "infeasible", 0};
  if (result == Simplex::OPTIMAL) outcome.total_cost = simplex.totalCost<long long>();
  fmt::print(out,
             "direct lemon: arcs {}, enumerate {:.1f} ms, build {:.1f} ms, solve {:.1f} ms, "
             "total {:.1f} ms, status {}, total cost {}\n",
             net.graph.arcNum(), enumerate_ms, build_ms, solve_ms, enumerate_ms + build_ms + solve_ms, outcome.status,
             outcome.total_cost);
  return outcome;
}

// A buffered writer that throws when the file cannot be written.
class LpWriter {
 public:
  explicit LpWriter(const std::string& path) : m_path(path), m_out(path, std::ios::binary) {
    if (!m_out) throw CantCreateError(fmt::format("cannot create {}", path));
  }

  template <class... Args>
  void put(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(m_buffer), format, std::forward<Args>(args)...);
    if (m_buffer.size() > (1U << 20)) flush();
  }

  // Writes what is buffered; throws IoError on failure.
  void flush() {
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
    if (!m_out) throw IoError(fmt::format("cannot write {}", m_path));
  }

 private:
  std::string m_path;
  std::ofstream m_out;
  std::string m_buffer;
};

// Terms per line, so that no reader meets an overlong line.
constexpr std::size_t k_terms_per_line = 8;

// The objective: the cost of every pair (zero costs left out).
void write_objective(LpWriter& lp, const std::vector<DirectPair>& pairs) {
  lp.put("Minimize\n cost:");
  std::size_t terms = 0;
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    if (pairs[p].cost == 0) continue;
    const char* sign = pairs[p].cost < 0 ? "-" : "+";
    lp.put(" {} {} x{}", sign, pairs[p].cost < 0 ? -pairs[p].cost : pairs[p].cost, p);
    if (++terms % k_terms_per_line == 0) lp.put("\n");
  }
  if (terms == 0) lp.put(" 0 y0");
  lp.put("\n");
}

// Member rows: the member's pairs minus its load variable y_m (bounded in Bounds) is 0.
void write_member_rows(LpWriter& lp, const assign::Instance& instance, const std::vector<DirectPair>& pairs) {
  std::size_t p = 0;
  for (std::size_t m = 0; m < instance.members.size(); ++m) {
    lp.put(" m{}:", m);
    for (std::size_t terms = 1; p < pairs.size() && pairs[p].member == m; ++p, ++terms) {
      lp.put(" + x{}", p);
      if (terms % k_terms_per_line == 0) lp.put("\n");
    }
    lp.put(" - y{} = 0\n", m);
  }
}

// Dorm rows: exactly one of the dorm's pairs is taken.
void write_dorm_rows(LpWriter& lp, const assign::Instance& instance, const std::vector<DirectPair>& pairs) {
  std::vector<std::vector<std::size_t>> by_dorm(instance.dorms.size());
  for (std::size_t p = 0; p < pairs.size(); ++p) by_dorm[pairs[p].dorm].push_back(p);
  for (std::size_t d = 0; d < by_dorm.size(); ++d) {
    lp.put(" d{}:", d);
    if (by_dorm[d].empty()) lp.put(" 0 y0");
    for (std::size_t i = 0; i < by_dorm[d].size(); ++i) {
      lp.put(" + x{}", by_dorm[d][i]);
      if ((i + 1) % k_terms_per_line == 0) lp.put("\n");
    }
    lp.put(" = 1\n");
  }
}

// Bounds: each member's load in [min_dorms, max_dorms], pinned pairs fixed to 1. Pair
// variables keep the default [0, +inf); the dorm rows bound them by 1.
void write_bounds(LpWriter& lp, const assign::Instance& instance, const std::vector<DirectPair>& pairs) {
  lp.put("Bounds\n");
  for (std::size_t m = 0; m < instance.members.size(); ++m)
    lp.put(" {} <= y{} <= {}\n", instance.rules.min_dorms, m, instance.rules.max_dorms);
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    if (pairs[p].pinned) lp.put(" x{} = 1\n", p);
  }
}

// Writes the direct formulation as a CPLEX LP file (continuous x in [0, 1]: the constraint
// matrix is totally unimodular, so the LP optimum is integral); prints its size and time.
void write_lp(const std::string& path, const assign::Instance& instance, const std::vector<DirectPair>& pairs,
              std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  {
    LpWriter lp(path);
    lp.put("\\ dormlink direct assignment: {} members, {} dorms, {} pairs\n", instance.members.size(),
           instance.dorms.size(), pairs.size());
    write_objective(lp, pairs);
    lp.put("Subject To\n");
    write_member_rows(lp, instance, pairs);
    write_dorm_rows(lp, instance, pairs);
    write_bounds(lp, instance, pairs);
    lp.put("End\n");
    lp.flush();
  }
  fmt::print(out, "lp: file {}, variables {}, constraints {}, {:.1f} MB, write {:.1f} ms\n", path,
             pairs.size() + instance.members.size(), instance.members.size() + instance.dorms.size(),
             static_cast<double>(std::filesystem::file_size(path)) / 1e6, ms_since(start));
}

// Runs the library's solver (the compressed network) and prints its time and cost.
Outcome solve_compressed(const assign::Instance& instance, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const assign::Solution solution = assign::solve(instance);
  const double solve_ms = ms_since(start);
  Outcome outcome{solution.status == assign::Status::optimal ? "optimal" : "infeasible", solution.total_cost};
  fmt::print(out, "compressed: solve {:.1f} ms, status {}, total cost {}\n", solve_ms, outcome.status,
             outcome.total_cost);
  return outcome;
}

// Returns 0 when the direct and the compressed outcomes agree, else prints both and returns 1.
int check_agreement(const Outcome& direct, const Outcome& compressed, std::ostream& out, std::ostream& err) {
  if (compressed.status == direct.status && compressed.total_cost == direct.total_cost) {
    fmt::print(out, "check: direct lemon and compressed agree ({}, total cost {})\n", compressed.status,
               compressed.total_cost);
    return 0;
  }
  fmt::print(err, "dormlink-assign-baselines: direct lemon ({}, {}) and compressed ({}, {}) differ\n", direct.status,
             direct.total_cost, compressed.status, compressed.total_cost);
  return 1;
}

// Runs what the options ask for; returns 0, or 1 when the two solvers disagree.
int run(const Options& options, std::ostream& out, std::ostream& err) {
  const auto start = std::chrono::steady_clock::now();
  const assign::Instance instance = load_instance(options);
  const bool direct = options.lemon || !options.lp_path.empty();
  const auto pairs_start = std::chrono::steady_clock::now();
  std::vector<DirectPair> pairs;
  if (direct) pairs = direct_pairs(instance);
  const double enumerate_ms = ms_since(pairs_start);
  fmt::print(out, "instance: semester {}, members {}, dorms {}, compatible pairs {}, load {:.1f} ms\n",
             options.semester, instance.members.size(), instance.dorms.size(),
             direct ? static_cast<long long>(pairs.size()) : count_pairs(instance), ms_since(start) - enumerate_ms);
  std::optional<Outcome> lemon;
  if (options.lemon) lemon = solve_direct_lemon(instance, pairs, enumerate_ms, out);
  if (!options.lp_path.empty()) write_lp(options.lp_path, instance, pairs, out);
  if (!options.compressed) return 0;
  const Outcome compressed = solve_compressed(instance, out);
  return lemon ? check_agreement(*lemon, compressed, out, err) : 0;
}

constexpr std::string_view k_usage =
    "usage: dormlink-assign-baselines --db FILE --config FILE --semester ID [--as-of DATE]\n"
    "                                 [--lp FILE] [--no-lemon] [--compressed]\n"
    "  --lp FILE      also write the direct formulation as a CPLEX LP file (glpsol, cbc)\n"
    "  --no-lemon     skip the direct LEMON solve (only count pairs unless --lp is given)\n"
    "  --compressed   also run assign::solve() and check that the total costs agree\n";

// Options that take a value, and what each does with it.
using Setter = std::function<void(Options&, std::string_view)>;
const std::map<std::string_view, Setter>& value_options() {
  static const std::map<std::string_view, Setter> table = {
      {"--db", [](Options& o, std::string_view v) { o.db = std::string(v); }},
      {"--config", [](Options& o, std::string_view v) { o.config = std::string(v); }},
      {"--semester", [](Options& o, std::string_view v) { o.semester = std::string(v); }},
      {"--as-of", [](Options& o, std::string_view v) { o.as_of = std::string(v); }},
      {"--lp", [](Options& o, std::string_view v) { o.lp_path = std::string(v); }},
  };
  return table;
}

// Options without a value.
const std::map<std::string_view, std::function<void(Options&)>>& flag_options() {
  static const std::map<std::string_view, std::function<void(Options&)>> table = {
      {"--no-lemon", [](Options& o) { o.lemon = false; }},
      {"--compressed", [](Options& o) { o.compressed = true; }},
      {"--help", [](Options& o) { o.help = true; }},
      {"-h", [](Options& o) { o.help = true; }},
  };
  return table;
}

// Parses argv; throws UsageError on unknown options, missing values or missing inputs.
Options parse_args(const std::vector<std::string_view>& args) {
  Options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (const auto flag = flag_options().find(args[i]); flag != flag_options().end()) {
      flag->second(options);
      continue;
    }
    const auto found = value_options().find(args[i]);
    if (found == value_options().end()) throw UsageError(fmt::format("unknown argument \"{}\"", args[i]));
    if (i + 1 == args.size()) throw UsageError(fmt::format("{} needs a value", args[i]));
    found->second(options, args[++i]);
  }
  if (!options.help && (options.db.empty() || options.config.empty() || options.semester.empty()))
    throw UsageError("--db, --config and --semester are required");
  return options;
}

}  // namespace
}  // namespace dormlink::bench

int main(int argc, char** argv) {
  using namespace dormlink;
  try {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const bench::Options options = bench::parse_args(args);
    if (options.help) {
      fmt::print(std::cout, "{}", bench::k_usage);
      return 0;
    }
    return bench::run(options, std::cout, std::cerr);
  } catch (const UsageError& error) {
    fmt::print(std::cerr, "dormlink-assign-baselines: error: {}\n{}", error.what(), bench::k_usage);
    return static_cast<int>(ExitCode::usage);
  } catch (const Error& error) {
    fmt::print(std::cerr, "dormlink-assign-baselines: error: {}\n", error.what());
    return static_cast<int>(error.code());
  } catch (const std::exception& error) {
    fmt::print(std::cerr, "dormlink-assign-baselines: error: {}\n", error.what());
    return static_cast<int>(ExitCode::internal);
  }
}
