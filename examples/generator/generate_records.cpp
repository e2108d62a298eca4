// dormlink-gen-records: writes a semester of plausible feedback-form rows (visits, a talk with
// each resident most weeks, a symposium, an activity, plans, a few incidents, excused weeks
// and gaps) for the committed assignment of a database, from a fixed seed, for
// `dormlink log-visit --from-csv`.
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

const std::vector<std::string> k_progress{"了解寝室成员近期学习情况，提醒按时完成作业",
                                          "检查寝室卫生与用电安全，未发现违规电器",
                                          "与同学交流期中复习安排，建议组成学习小组",
                                          "了解新学期适应情况，同学们情绪稳定",
                                          "宣讲学校近期通知与安全注意事项",
                                          "了解同学作息情况，提醒不要熬夜",
                                          "交流专业学习方法，分享四六级备考经验",
                                          "了解同学参加社团活动情况，鼓励积极参与"};
const std::vector<std::string> k_talk_progress{"谈心了解学习压力，给予鼓励", "了解家庭与生活情况，无异常",
                                               "交流职业规划与考研打算", "了解人际关系情况，寝室氛围融洽",
                                               "谈心了解近期心理状态，情绪良好"};

struct Pair {
  std::string member;
  std::string dorm;
  bool first_year = false;  // a dorm of new students: orientation in the first weeks
  std::vector<std::string> residents;
};

struct Row {
  std::string member, dorm, at, students, kind, progress, note, reason;
  std::string category{}, severity{}, reported_to{}, reported_at{};  // incidents only
};

std::string at(Date day, int hour, int minute) { return fmt::format("{} {:02}:{:02}", format_date(day), hour, minute); }

template <class T>
const T& pick(Rng& rng, const std::vector<T>& items) {
  return items[static_cast<std::size_t>(rng.below(static_cast<int>(items.size())))];
}

// One teaching week of one pair: usually two evening visits, each followed by talks with
// half of the residents (now and then one is missed); sometimes one visit, or an excused week.
void week_rows(Rng& rng, const Pair& p, Date monday, std::vector<Row>& out) {
  if (rng.chance(4)) {
    out.push_back({p.member, p.dorm, at(monday, 12, 0), "", "excused", "", "", "寝室同学外出参加比赛"});
    return;
  }
  int visits = rng.chance(5) ? 1 : 2;
  for (int v = 0; v < visits; ++v) {
    auto day = Date{std::chrono::sys_days{monday} + std::chrono::days{1 + 2 * v + rng.below(2)}};
    int hour = 19 + rng.below(2);
    int minute = 5 * rng.below(4);
    out.push_back({p.member, p.dorm, at(day, hour, minute), "", "visit", pick(rng, k_progress), "", ""});
    for (std::size_t r = 0; r < p.residents.size(); ++r) {
      const bool this_visit = visits == 1 || static_cast<int>(r % 2) == v;
      if (!this_visit || rng.chance(2)) continue;
      minute += 5;
      out.push_back({p.member, p.dorm, at(day, hour, minute), p.residents[r] + "（当面）", "talk",
                     pick(rng, k_talk_progress), "", ""});
    }
  }
}

// Now and then an incident: found on an evening visit, usually reported to the counselor
// within hours, once in a while late or not at all.
void incident_rows(Rng& rng, const Pair& p, const Semester& s, int weeks, std::vector<Row>& out) {
  if (p.residents.empty() || !rng.chance(8)) return;
  const int week = 1 + rng.below(weeks);
  if (!s.has_duties(week)) return;
  auto day = Date{std::chrono::sys_days{s.first_monday} + std::chrono::days{7 * (week - 1) + 2}};
  const bool late = rng.chance(15);
  const bool unreported = !late && rng.chance(10);
  auto reported_day = Date{std::chrono::sys_days{day} + std::chrono::days{late ? 3 : 0}};
  out.push_back({p.member, p.dorm, at(day, 21, 10), pick(rng, p.residents) + "（当面）", "incident",
                 "已当场制止并收缴，提醒遵守宿舍管理规定", "", "", "使用违规电器", "一般", unreported ? "" : "辅导员",
                 unreported ? "" : at(reported_day, 22, 0)});
}

std::vector<Row> semester_rows(const std::vector<Pair>& pairs, const Semester& s, int weeks, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Row> out;
  std::map<std::string, bool> planned;
  for (const auto& p : pairs) {
    if (!planned[p.member]) {
      out.push_back(
          {p.member, "", at(s.first_monday, 12, 30), "", "plan", "每周走访两次联系寝室，与每位同学谈心", "", ""});
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
    auto activity_week = 2 + rng.below(std::max(1, weeks + 4));  // some fall after the weeks written
    if (activity_week <= weeks && s.has_duties(activity_week)) {
      auto day = Date{std::chrono::sys_days{s.first_monday} + std::chrono::days{7 * (activity_week - 1) + 5}};
      out.push_back({p.member, p.dorm, at(day, 15, 0), "", "activity", "参加寝室集体出游活动", "", ""});
    }
    incident_rows(rng, p, s, weeks, out);
    if (p.first_year && !rng.chance(5)) {
      auto day = Date{std::chrono::sys_days{s.first_monday} + std::chrono::days{rng.below(5)}};
      out.push_back(
          {p.member, p.dorm, at(day, 18, 30), "", "orientation", "介绍校园生活与学习安排，解答新生疑问", "", ""});
    }
  }
  return out;
}

void write_csv(const std::string& path, const std::vector<Row>& rows) {
  std::ofstream f(path, std::ios::binary);
  f << "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,工作进展及成效,说明,原因,事件类别,严重程度,报告对象,"
       "报告时间\r\n";
  for (const auto& r : rows) {
    for (const auto* cell : {&r.member, &r.dorm, &r.at, &r.students, &r.kind, &r.progress, &r.note, &r.reason,
                             &r.category, &r.severity, &r.reported_to}) {
      f << util::csv_escape(*cell) << ',';
    }
    f << util::csv_escape(r.reported_at) << "\r\n";
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
  std::map<std::string, bool> first_year;
  for (const auto& s : snapshot.students) {
    residents[s.facts.dorm].push_back(s.student_id);
    if (s.facts.cohort == semester->academic_year()) first_year[s.facts.dorm] = true;
  }
  std::vector<Pair> pairs;
  for (const auto& p : assignment->pairs) {
    auto others = residents[p.dorm_code];
    std::erase(others, p.member_id);  // a member does not talk with themselves
    pairs.push_back({p.member_id, p.dorm_code, first_year[p.dorm_code], others});
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
