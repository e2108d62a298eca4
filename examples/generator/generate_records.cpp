// dormlink-gen-records: writes a semester of plausible feedback-form rows (visits, talks, a
// symposium, an activity, plans, a few excused weeks and gaps) for the committed assignment
// of a database, from a fixed seed, for `dormlink log-visit --from-csv`.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dormlink/calendar.hpp"
#include "dormlink/config.hpp"
#include "dormlink/error.hpp"
#include "dormlink/store/assignment_store.hpp"
#include "dormlink/store/roster_query.hpp"
#include "dormlink/util/csv.hpp"

namespace {

using namespace dormlink;

// A small deterministic generator (splitmix64), the same on every machine.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }

 private:
  std::uint64_t m_state;
};

const std::vector<std::string> k_progress{
    "了解寝室成员近期学习情况，提醒按时完成作业", "检查寝室卫生与用电安全，未发现违规电器",
    "与同学交流期中复习安排，建议组成学习小组", "了解新学期适应情况，同学们情绪稳定",
    "宣讲学校近期通知与安全注意事项", "了解同学作息情况，提醒不要熬夜",
    "交流专业学习方法，分享四六级备考经验", "了解同学参加社团活动情况，鼓励积极参与"};
const std::vector<std::string> k_talk_progress{
    "谈心了解学习压力，给予鼓励", "了解家庭与生活情况，无异常", "交流职业规划与考研打算",
    "了解人际关系情况，寝室氛围融洽", "谈心了解近期心理状态，情绪良好"};

struct Pair {
  std::string member;
  std::string dorm;
  std::vector<std::string> residents;
};

struct Row {
  std::string member, dorm, at, students, kind, progress, note, reason;
};

std::string at(Date day, int hour, int minute) { return fmt::format("{} {:02}:{:02}", format_date(day), hour, minute); }

// One teaching week of one pair: usually two evening visits with a talk; sometimes one, or
// an excused week.
void week_rows(Rng& rng, const Pair& p, Date monday, std::vector<Row>& out) {
  if (rng.chance(4)) {
    out.push_back({p.member, p.dorm, at(monday, 12, 0), "", "excused", "", "", "寝室同学外出参加比赛"});
    return;
  }
  int visits = rng.chance(12) ? 1 : 2;
  for (int v = 0; v < visits; ++v) {
    auto day = Date{std::chrono::sys_days{monday} + std::chrono::days{1 + 2 * v + rng.below(2)}};
    int hour = 19 + rng.below(3);
    int minute = 5 * rng.below(12);
    out.push_back({p.member, p.dorm, at(day, hour, minute), "", "visit",
                   k_progress[static_cast<std::size_t>(rng.below(static_cast<int>(k_progress.size())))], "", ""});
    if (p.residents.empty()) continue;
    const auto& who = p.residents[static_cast<std::size_t>(rng.below(static_cast<int>(p.residents.size())))];
    out.push_back({p.member, p.dorm, at(day, hour, std::min(minute + 20, 59)), who + "（当面）", "talk",
                   k_talk_progress[static_cast<std::size_t>(rng.below(static_cast<int>(k_talk_progress.size())))], "", ""});
  }
}

std::vector<Row> semester_rows(const std::vector<Pair>& pairs, const Semester& s, int weeks, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Row> out;
  std::map<std::string, bool> planned;
  for (const auto& p : pairs) {
    if (!planned[p.member]) {
      out.push_back({p.member, "", at(s.first_monday, 12, 30), "", "plan", "每周走访两次联系寝室，与每位同学谈心", "", ""});
      planned[p.member] = true;
    }
    for (int w = 1; w <= weeks; ++w) {
      if (!s.has_duties(w)) continue;
      week_rows(rng, p, Date{std::chrono::sys_days{s.first_monday} + std::chrono::days{7 * (w - 1)}}, out);
    }
    auto symposium_week = 3 + rng.below(std::max(1, weeks - 3));
    if (symposium_week <= weeks && s.has_duties(symposium_week)) {
      auto day = Date{std::chrono::sys_days{s.first_monday} + std::chrono::days{7 * (symposium_week - 1) + 3}};
      out.push_back({p.member, p.dorm, at(day, 20, 0), "", "symposium", "组织寝室座谈，交流学习与生活", "", ""});
    }
  }
  return out;
}

void write_csv(const std::string& path, const std::vector<Row>& rows) {
  std::ofstream f(path, std::ios::binary);
  f << "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,工作进展及成效,说明,原因\r\n";
  for (const auto& r : rows) {
    for (const auto* cell : {&r.member, &r.dorm, &r.at, &r.students, &r.kind, &r.progress, &r.note}) {
      f << util::csv_escape(*cell) << ',';
    }
    f << util::csv_escape(r.reason) << "\r\n";
  }
}

int run(int argc, char** argv) {
  if (argc != 7) {
    std::cerr << "usage: dormlink-gen-records DB CONFIG SEMESTER WEEKS SEED OUT.csv\n";
    return 64;
  }
  auto config = load_config_file(argv[2]);
  const auto* semester = config.calendar.find(argv[3]);
  if (semester == nullptr) throw UsageError(fmt::format("no semester {} in {}", argv[3], argv[2]));
  auto db = store::Database::open(argv[1], store::OpenMode::read_only);
  auto assignment = store::load_current_assignment(db, semester->id);
  if (!assignment) throw NotFoundError("no committed assignment for the semester");
  auto snapshot = store::load_roster(db, semester->first_monday);
  std::map<std::string, std::vector<std::string>> residents;
  for (const auto& s : snapshot.students) {
    residents[s.facts.dorm].push_back(s.student_id);
  }
  std::vector<Pair> pairs;
  for (const auto& p : assignment->pairs) {
    auto others = residents[p.dorm_code];
    std::erase(others, p.member_id);  // a member does not talk with themselves
    pairs.push_back({p.member_id, p.dorm_code, others});
  }
  auto rows = semester_rows(pairs, *semester, std::stoi(argv[4]), std::stoull(argv[5]));
  write_csv(argv[6], rows);
  std::cout << fmt::format("dormlink-gen-records: {} rows for {} pairs in {}\n", rows.size(), pairs.size(), argv[6]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const dormlink::Error& e) {
    std::cerr << "dormlink-gen-records: " << e.what() << "\n";
    return static_cast<int>(e.code());
  }
}
