// dormlink-report-load: what `dormlink report summary` and `dormlink report assessment` do,
// step by step and timed in process: load the config, open the database read-only; for the
// summary store::load_check_input scoped to the counselor, check::evaluate (keep_met, that
// counselor), the chain head, report::build_counselor_summary and render_summary_json; for the
// assessment load_check_input of the whole semester, evaluate (keep_met), the inspection
// discrepancies, report::build_assessment and render_assessment_json. Prints one
// line `step|milliseconds` per step (and `obligations|N`); --out-dir writes the two JSON documents, so that
// bench/report_bench.sh can check they are the ones the CLI prints. See bench/README.md, "report".

#include <algorithm>
#include <chrono>
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
#include "dormlink/check/period.hpp"
#include "dormlink/config.hpp"
#include "dormlink/error.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/summary_report.hpp"
#include "dormlink/store/check_store.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/store/inspection_store.hpp"
#include "dormlink/store/report_store.hpp"
#include "tool_main.hpp"

namespace dormlink::bench {
namespace {

constexpr std::string_view k_usage =
    "Usage: dormlink-report-load --db PATH --config PATH --as-of DATE --semester ID --counselor STAFF_ID\n"
    "                            --period N [--out-dir DIR]\n"
    "Times the steps of `report summary` (for the counselor and period) and `report assessment` (the\n"
    "semester) as of DATE, one line step|ms each. --out-dir writes summary.json and assessment.json there.\n";

struct Options {
  std::string db;
  std::string config;
  std::string as_of;
  std::string semester;
  std::string counselor;
  std::string period;
  std::string out_dir;
  bool help = false;
};

// Runs f, adds "name|ms" as a line to `lines`, returns f's result.
template <typename F>
auto timed(std::string& lines, std::string_view name, F&& f) {
  const auto start = Clock::now();
  auto result = f();
  lines += fmt::format("{}|{:.1f}\n", name, ms_since(start));
  return result;
}

void write(const std::string& dir, const std::string& name, const std::string& text) {
  if (dir.empty()) return;
  std::ofstream file(dir + "/" + name, std::ios::binary);
  if (!file) throw IoError(fmt::format("cannot write {}/{}", dir, name));
  file << text;
}

int run(const Options& o, std::ostream& out) {
  const auto start = Clock::now();
  std::string line;
  const Config config = timed(line, "config", [&] { return load_config_file(o.config); });
  const auto as_of = parse_iso_date(o.as_of);
  if (!as_of) throw UsageError(fmt::format("--as-of \"{}\" is not a date (YYYY-MM-DD)", o.as_of));
  const Semester* semester = config.calendar.find(o.semester);
  if (!semester) throw UsageError(fmt::format("no semester \"{}\" in {}", o.semester, o.config));
  const int period = std::stoi(o.period);
  auto db = timed(line, "open", [&] { return store::Database::open(o.db, store::OpenMode::read_only); });
  std::string summary_json, assessment_json;
  db.transaction([&] {
    // report summary: the counselor's part of the semester (store::CheckScope), as the CLI reads it
    store::CheckScope scope;
    scope.counselor = [&](const check::CheckInput& in) {
      for (std::size_t i = 0; i < in.counselors.size(); ++i)
        if (in.counselors[i].staff_id == o.counselor) return static_cast<int>(i);
      throw UsageError(fmt::format("no counselor {}", o.counselor));
    };
    const auto scoped = timed(line, "load_check_input(counselor)",
                              [&] { return store::load_check_input(db, config, *semester, *as_of, scope); });
    report::SummaryInput s;
    s.check = &scoped;
    s.counselor = scope.counselor(scoped);
    check::EvaluateOptions mine;
    mine.keep_met = true;
    mine.counselor = s.counselor;
    const auto own =
        timed(line, "evaluate(keep_met, counselor)", [&] { return check::evaluate(scoped, config, *as_of, mine); });
    s.obligations = &own;
    s.period = check::make_period(*semester, config, period);
    s.as_of = *as_of;
    s.chain = timed(line, "load_chain_head", [&] { return store::load_chain_head(db); });
    s.college = config.college.name;
    s.privacy = report::privacy_for(config.privacy, report::Audience::committee);
    const auto summary = timed(line, "build_counselor_summary", [&] { return report::build_counselor_summary(s); });
    summary_json = timed(line, "render_summary_json", [&] { return report::render_summary_json(summary); });

    const auto input =
        timed(line, "load_check_input", [&] { return store::load_check_input(db, config, *semester, *as_of); });
    check::EvaluateOptions keep;
    keep.keep_met = true;
    const auto obligations =
        timed(line, "evaluate(keep_met)", [&] { return check::evaluate(input, config, *as_of, keep); });
    line += fmt::format("obligations|{}\n", obligations.size());

    // report assessment
    report::AssessmentInput a;
    a.check = &input;
    a.obligations = &obligations;
    a.discrepancies = timed(line, "discrepancy_rates", [&] { return store::discrepancy_rates(db, semester->id); });
    a.options.weights = config.assessment.weights;
    a.options.excellent_from = config.assessment.excellent_from;
    a.options.pass_from = config.assessment.pass_from;
    a.options.basic_pass_from = config.assessment.basic_pass_from;
    a.as_of = *as_of;
    a.college = config.college.name;
    a.privacy = report::privacy_for(config.privacy, report::Audience::branch);
    const auto assessment = timed(line, "build_assessment", [&] { return report::build_assessment(a); });
    assessment_json = timed(line, "render_assessment_json", [&] { return report::render_assessment_json(assessment); });
  });
  write(o.out_dir, "summary.json", summary_json);
  write(o.out_dir, "assessment.json", assessment_json);
  fmt::print(out, "{}total|{:.1f}\n", line, ms_since(start));
  return 0;
}

using Setter = std::function<void(Options&, std::string_view)>;
const std::map<std::string_view, Setter>& value_options() {
  static const std::map<std::string_view, Setter> table = {
      {"--db", [](Options& o, std::string_view v) { o.db = std::string(v); }},
      {"--config", [](Options& o, std::string_view v) { o.config = std::string(v); }},
      {"--as-of", [](Options& o, std::string_view v) { o.as_of = std::string(v); }},
      {"--semester", [](Options& o, std::string_view v) { o.semester = std::string(v); }},
      {"--counselor", [](Options& o, std::string_view v) { o.counselor = std::string(v); }},
      {"--period", [](Options& o, std::string_view v) { o.period = std::string(v); }},
      {"--out-dir", [](Options& o, std::string_view v) { o.out_dir = std::string(v); }},
  };
  return table;
}

Options parse_args(const std::vector<std::string_view>& args) {
  Options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      options.help = true;
      continue;
    }
    const auto found = value_options().find(args[i]);
    if (found == value_options().end()) throw UsageError(fmt::format("unknown argument \"{}\"", args[i]));
    if (i + 1 == args.size()) throw UsageError(fmt::format("{} needs a value", args[i]));
    found->second(options, args[++i]);
  }
  if (!options.help && (options.db.empty() || options.config.empty() || options.as_of.empty() ||
                        options.semester.empty() || options.counselor.empty() || options.period.empty()))
    throw UsageError("--db, --config, --as-of, --semester, --counselor and --period are required");
  return options;
}

}  // namespace
}  // namespace dormlink::bench

int main(int argc, char** argv) {
  using namespace dormlink;
  return bench::tool_main("dormlink-report-load", bench::k_usage, argc, argv, bench::parse_args, bench::run);
}
