// dormlink-records-fill: appends N synthetic but valid records (visits, talks, symposiums,
// activities) to an existing dormlink database in one transaction, through the library's
// hash chain, so that `dormlink verify` can be timed on a large chain. Members, dorms and
// residents come from the semester's committed assignment and the rosters; the records are
// deterministic for a given seed. See bench/README.md, "Records".

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>
#include <fmt/ostream.h>

#include "dormlink/calendar.hpp"
#include "dormlink/error.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/store/assignment_store.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/store/record_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "tool_main.hpp"

namespace dormlink::bench {
namespace {

constexpr std::string_view k_usage =
    "Usage: dormlink-records-fill --db PATH --semester ID --count N [--seed S]\n"
    "Appends N synthetic records of the semester's committed assignment in one transaction.\n";

// Days over which the records are spread, from the assignment's valid_from: 18 weeks.
constexpr int k_days = 18 * 7;
// Target lengths in characters (code points) of the two texts, like a filled-in form.
constexpr std::size_t k_progress_chars = 40;
constexpr std::size_t k_note_chars = 20;

// The command line.
struct Options {
  std::string db;
  std::string semester;
  std::int64_t count = -1;
  std::uint64_t seed = 20260907;
  bool help = false;
};

// One committed pair with the dorm's residents on the assignment's date (sorted ids).
struct Pair {
  std::string member_id;
  std::string dorm_code;
  std::vector<std::string> residents;
};

// SplitMix64: a small PRNG whose sequence is the same on every platform and library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_state(seed) {}

  std::uint64_t next() {
    m_state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = m_state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // A number in [0, bound); bound > 0. The modulo bias is irrelevant here.
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }

  // An int in [0, bound); bound > 0.
  int below_int(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }

 private:
  std::uint64_t m_state;
};

// Phrases of the feedback form's "工作进展及成效" column.
const std::vector<std::string_view>& progress_phrases() {
  static const std::vector<std::string_view> table = {
      "了解寝室同学近期学习情况", "提醒注意用电安全",       "督促按时作息",         "交流四级备考经验",
      "寝室卫生有明显改善",       "同学反映宿舍热水不稳定", "讨论期中考试复习计划", "宣讲入党积极分子培养要求",
      "帮助新生熟悉校园环境",     "调解室友间的小矛盾",     "分享时间管理方法",     "关注个别同学情绪变化",
      "传达学院近期通知",         "鼓励参加志愿服务",       "了解实习和就业意向",   "提醒防范电信诈骗",
  };
  return table;
}

// Phrases of the "说明" column.
const std::vector<std::string_view>& note_phrases() {
  static const std::vector<std::string_view> table = {
      "已向辅导员反馈", "下周继续跟进",   "寝室长配合良好",   "一名同学外出未见",
      "情况正常",       "已提醒注意休息", "约好下次座谈时间", "需联系班主任",
  };
  return table;
}

// The number of code points in UTF-8 text.
std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
  return count;
}

// Random phrases joined by "，" up to about `chars` characters, closed by "。".
std::string make_text(Random& random, const std::vector<std::string_view>& phrases, std::size_t chars) {
  std::string text(phrases[random.below(phrases.size())]);
  while (code_points(text) + 1 < chars) {
    text += "，";
    text += phrases[random.below(phrases.size())];
  }
  return text + "。";
}

// Reads the committed pairs of the semester and each dorm's residents on valid_from; sets
// `first_day`. Throws DataError when the semester has no committed assignment.
std::vector<Pair> load_pairs(store::Database& db, const std::string& semester, Date& first_day) {
  const auto assignment = store::load_current_assignment(db, semester);
  if (!assignment || assignment->pairs.empty())
    throw DataError(fmt::format("semester \"{}\" has no committed assignment; run `dormlink assign` first", semester));
  const auto date = parse_iso_date(assignment->valid_from);
  if (!date) throw DataError(fmt::format("assignment valid_from \"{}\" is not a date", assignment->valid_from));
  first_day = *date;
  const auto roster = store::load_roster(db, *date);
  std::map<std::string, std::vector<std::string>> residents;
  for (const auto& student : roster.students)
    if (!student.facts.dorm.empty()) residents[student.facts.dorm].push_back(student.student_id);
  std::vector<Pair> pairs;
  for (const auto& pair : assignment->pairs) {
    auto& ids = residents[pair.dorm_code];
    std::sort(ids.begin(), ids.end());
    pairs.push_back({pair.member_id, pair.dorm_code, ids});
  }
  return pairs;
}

// The kind, channel and students of one contact: mostly visits and talks.
void choose_contact(Random& random, const Pair& pair, records::Row& row) {
  const int roll = random.below_int(100);
  row.channel = records::Channel::in_person;
  row.students.clear();
  if (roll < 30 && !pair.residents.empty()) {
    row.kind = records::Kind::talk;
    row.students.push_back(pair.residents[random.below(pair.residents.size())]);
    const int how = random.below_int(10);
    if (how == 0) row.channel = records::Channel::wechat;
    if (how == 1) row.channel = records::Channel::phone;
  } else if (roll < 35) {
    row.kind = roll < 33 ? records::Kind::activity : records::Kind::symposium;
    row.students = pair.residents;
  } else {
    row.kind = records::Kind::visit;
    for (const auto& id : pair.residents)
      if (random.below_int(4) != 0) row.students.push_back(id);
  }
}

// One synthetic record: a contact between 08:00 and 21:59 on a day of the semester, entered
// one or two hours later the same day.
records::Row make_row(Random& random, const Pair& pair, const std::string& semester, Date first_day) {
  records::Row row;
  row.member_id = pair.member_id;
  row.dorm_code = pair.dorm_code;
  row.semester_id = semester;
  choose_contact(random, pair, row);
  const std::string day = format_date(Date{to_days(first_day) + std::chrono::days{random.below_int(k_days)}});
  const int hour = 8 + random.below_int(14);
  const int minute = random.below_int(60);
  row.happened_at = fmt::format("{} {:02}:{:02}", day, hour, minute);
  row.entered_at = fmt::format("{} {:02}:{:02}:{:02}", day, hour + 1 + random.below_int(2), random.below_int(60),
                               random.below_int(60));
  row.entered_by = "records-fill";
  return row;
}

// Appends the records in one transaction and prints what was done.
int run(const Options& options, std::ostream& out) {
  auto db = store::Database::open(options.db, store::OpenMode::read_write);
  Date first_day{};
  const auto pairs = load_pairs(db, options.semester, first_day);
  Random random(options.seed);
  store::Receipt first;
  store::Receipt last;
  const auto start = std::chrono::steady_clock::now();
  db.transaction([&] {
    for (std::int64_t i = 0; i < options.count; ++i) {
      const Pair& pair = pairs[random.below(pairs.size())];
      auto row = make_row(random, pair, options.semester, first_day);
      records::Content content{make_text(random, progress_phrases(), k_progress_chars),
                               make_text(random, note_phrases(), k_note_chars), std::nullopt};
      last = store::append_record(db, std::move(row), content);
      if (i == 0) first = last;
    }
  });
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  const double per_record_us = options.count > 0 ? seconds.count() * 1e6 / static_cast<double>(options.count) : 0.0;
  fmt::print(out,
             "records-fill: semester {}, {} pairs, seed {}, appended {} records (ids {}..{}) in {:.1f} s, "
             "{:.1f} us per record; chain head {}\n",
             options.semester, pairs.size(), options.seed, options.count, first.id, last.id, seconds.count(),
             per_record_us, last.hash);
  return 0;
}

// Parses a non-negative integer option; throws UsageError otherwise.
std::uint64_t parse_number(std::string_view name, std::string_view text) {
  std::uint64_t value = 0;
  if (text.empty() || text.size() > 18) throw UsageError(fmt::format("{} \"{}\" is not a number", name, text));
  for (const char c : text) {
    if (c < '0' || c > '9') throw UsageError(fmt::format("{} \"{}\" is not a number", name, text));
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

// Options with a value: name -> setter.
using Setter = std::function<void(Options&, std::string_view)>;
const std::map<std::string_view, Setter>& value_options() {
  static const std::map<std::string_view, Setter> table = {
      {"--db", [](Options& o, std::string_view v) { o.db = std::string(v); }},
      {"--semester", [](Options& o, std::string_view v) { o.semester = std::string(v); }},
      {"--count",
       [](Options& o, std::string_view v) { o.count = static_cast<std::int64_t>(parse_number("--count", v)); }},
      {"--seed", [](Options& o, std::string_view v) { o.seed = parse_number("--seed", v); }},
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
    const auto found = value_options().find(args[i]);
    if (found == value_options().end()) throw UsageError(fmt::format("unknown argument \"{}\"", args[i]));
    if (i + 1 == args.size()) throw UsageError(fmt::format("{} needs a value", args[i]));
    found->second(options, args[++i]);
  }
  if (!options.help && (options.db.empty() || options.semester.empty() || options.count < 0))
    throw UsageError("--db, --semester and --count are required");
  return options;
}

}  // namespace
}  // namespace dormlink::bench

int main(int argc, char** argv) {
  using namespace dormlink;
  return bench::tool_main("dormlink-records-fill", bench::k_usage, argc, argv, bench::parse_args, bench::run);
}
