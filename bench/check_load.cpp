// dormlink-check-load: what `dormlink check` does without rendering: opens the database
// read-only, loads the semester's CheckInput (store::load_check_input) and evaluates it
// (check::evaluate), timing both, and prints what was loaded and how many obligations came
// out. bench/check_bench.sh times it (next to `dormlink check`). See bench/README.md, "check".

#include <chrono>
#include <cstdint>
#include <exception>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <fmt/ostream.h>

#include "dormlink/calendar.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/config.hpp"
#include "dormlink/error.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/database.hpp"
#include "tool_main.hpp"

namespace dormlink::bench {
namespace {

constexpr std::string_view k_usage =
    "Usage: dormlink-check-load --db PATH --config PATH --as-of DATE [--semester ID] [--load-only]\n"
    "                           [--dump FILE]\n"
    "Loads and evaluates the obligations of the semester containing DATE (or ID) as of DATE.\n"
    "--dump writes the visit and talk aggregates, one per line, as the sqlite3 baseline prints them.\n";

// The command line.
struct Options {
  std::string db;
  std::string config;
  std::string as_of;
  std::string semester;
  std::string dump;
  bool load_only = false;
  bool help = false;
};

// What was loaded, one count per CheckInput vector.
std::string describe(const check::CheckInput& in) {
  std::size_t pairs = 0;
  for (const auto& a : in.assignments) pairs += a.pairs.size();
  return fmt::format(
      "people {}, dorms {}, residences {}, eligibility {}, assignment versions {} ({} pairs), "
      "counselors {}, dorm-weeks {}, excuses {}, talk students {}, kind records {}, incidents {}, "
      "submissions {}",
      in.people.size(), in.dorms.size(), in.residences.size(), in.eligibility.size(), in.assignments.size(), pairs,
      in.counselors.size(), in.visits.size(), in.excuses.size(), in.talks.size(), in.kind_records.size(),
      in.incidents.size(), in.submissions.size());
}

// Writes "visit|dorm|week|visits|late" and "talk|student|weeks" lines (the baseline's format).
void dump(const check::CheckInput& in, const std::string& path) {
  std::ofstream file(path);
  if (!file) throw IoError(fmt::format("cannot write {}", path));
  for (const auto& v : in.visits)
    fmt::print(file, "visit|{}|{}|{}|{}\n", in.dorms[static_cast<std::size_t>(v.dorm)], v.week, v.visits, v.late);
  for (const auto& t : in.talks)
    fmt::print(file, "talk|{}|{}\n", in.people[static_cast<std::size_t>(t.person)].id, t.weeks);
}

// Loads, evaluates and prints one line.
int run(const Options& options, std::ostream& out) {
  const auto start = Clock::now();
  const Config config = load_config_file(options.config);
  const auto as_of = parse_iso_date(options.as_of);
  if (!as_of) throw UsageError(fmt::format("--as-of \"{}\" is not a date (YYYY-MM-DD)", options.as_of));
  const Semester* semester =
      options.semester.empty() ? config.calendar.containing(*as_of) : config.calendar.find(options.semester);
  if (!semester)
    throw UsageError(fmt::format(
        "no semester {} in {}", options.semester.empty() ? "contains " + options.as_of : "\"" + options.semester + "\"",
        options.config));
  auto db = store::Database::open(options.db, store::OpenMode::read_only);
  const auto load_start = Clock::now();
  const auto input = store::load_check_input(db, config, *semester, *as_of);
  const double load_ms = ms_since(load_start);
  fmt::print(out, "check-load: semester {} as of {}: {}; load {:.1f} ms", semester->id, options.as_of, describe(input),
             load_ms);
  if (!options.dump.empty()) dump(input, options.dump);
  if (!options.load_only) {
    const auto evaluate_start = Clock::now();
    const auto obligations = check::evaluate(input, config, *as_of);
    const double evaluate_ms = ms_since(evaluate_start);
    std::map<check::Status, std::size_t> by_status;
    for (const auto& o : obligations) by_status[o.status]++;
    std::string counts;
    for (const auto& [status, n] : by_status) counts += fmt::format(", {} {}", check::to_string(status), n);
    fmt::print(out, "; evaluate {:.1f} ms: {} obligations{}", evaluate_ms, obligations.size(), counts);
  }
  fmt::print(out, "; total {:.1f} ms\n", ms_since(start));
  return 0;
}

// Options with a value: name -> setter.
using Setter = std::function<void(Options&, std::string_view)>;
const std::map<std::string_view, Setter>& value_options() {
  static const std::map<std::string_view, Setter> table = {
      {"--db", [](Options& o, std::string_view v) { o.db = std::string(v); }},
      {"--config", [](Options& o, std::string_view v) { o.config = std::string(v); }},
      {"--as-of", [](Options& o, std::string_view v) { o.as_of = std::string(v); }},
      {"--semester", [](Options& o, std::string_view v) { o.semester = std::string(v); }},
      {"--dump", [](Options& o, std::string_view v) { o.dump = std::string(v); }},
  };
  return table;
}

// Parses argv; throws UsageError on unknown options, missing values or missing inputs.
Options parse_args(const std::vector<std::string_view>& args) {
  Options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      options.help = true;
      continue;
    }
    if (args[i] == "--load-only") {
      options.load_only = true;
      continue;
    }
    const auto found = value_options().find(args[i]);
    if (found == value_options().end()) throw UsageError(fmt::format("unknown argument \"{}\"", args[i]));
    if (i + 1 == args.size()) throw UsageError(fmt::format("{} needs a value", args[i]));
    found->second(options, args[++i]);
  }
  if (!options.help && (options.db.empty() || options.config.empty() || options.as_of.empty()))
    throw UsageError("--db, --config and --as-of are required");
  return options;
}

}  // namespace
}  // namespace dormlink::bench

int main(int argc, char** argv) {
  using namespace dormlink;
  return bench::tool_main("dormlink-check-load", bench::k_usage, argc, argv, bench::parse_args, bench::run);
}
