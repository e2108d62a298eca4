// dormlink-gen: writes a deterministic example college (students.csv, dorms.csv, staff.csv)
// shaped like the rosters a college office exports from Excel, at college or university
// scale, or at the two scales of the assignment benchmark (bench/assign_bench.sh). The same seed gives byte-identical
// files on every platform: all randomness comes from the xoshiro256** generator below, never from <random>
// distributions.

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/core.h>
#include <fmt/ostream.h>

#include "dormlink/error.hpp"
#include "dormlink/util/csv.hpp"
#include "dormlink/util/encoding.hpp"
#include "name_tables.hpp"

namespace dormlink::gen {
namespace {

constexpr int k_grades = 4;                // years of study 1-4
constexpr int k_first_year_cohort = 2026;  // autumn 2026: grade 1 entered in 2026
constexpr int k_class_size = 32;           // students per administrative class
constexpr int k_floors = 6;
constexpr int k_rooms_per_floor_max = 24;   // rooms 01-24 of at most 30 on a floor
constexpr std::size_t k_min_residents = 3;  // fewer share a dorm with another major
constexpr int k_usual_min_residents = 4;
constexpr int k_max_residents = 6;

// The cohort (year of entry) of a grade in autumn 2026: grade 1 -> 2026, grade 4 -> 2023.
int cohort_of(int grade) { return k_first_year_cohort + 1 - grade; }

// Advances a splitmix64 state and returns the next output; seeds xoshiro256**.
std::uint64_t splitmix64(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// xoshiro256** (Blackman and Vigna) with integer-only helpers, so results never depend on
// the standard library or the floating-point unit.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& word : m_state) word = splitmix64(seed);
  }

  // The next 64 random bits.
  std::uint64_t next() {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t shifted = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= shifted;
    m_state[3] = rotl(m_state[3], 45);
    return result;
  }

  // Uniform in [0, bound), bound > 0, by rejection (no modulo bias).
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      const std::uint64_t value = next();
      if (value >= threshold) return value % bound;
    }
  }

  std::size_t index(std::size_t size) { return static_cast<std::size_t>(below(size)); }

  // Uniform in [low, high].
  int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1))); }

  // True with probability percent / 100.
  bool percent(int chance) { return below(100) < static_cast<std::uint64_t>(chance); }

  // An index drawn with the given non-negative integer weights (not all zero).
  std::size_t weighted(const std::vector<int>& weights) {
    int total = 0;
    for (int weight : weights) total += weight;
    int draw = between(0, total - 1);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (draw < weights[i]) return i;
      draw -= weights[i];
    }
    return weights.size() - 1;
  }

  // Fisher-Yates shuffle (std::shuffle's algorithm is implementation-defined).
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[index(i)]);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> m_state{};
};

enum class Scale { college, university, assign_university, assign_stress };

// 政治面貌 as the roster spells it.
enum class Status { party_member, probationary, candidate, activist, league, masses };

// Roster spelling of each status, and the variant some rows use instead (empty: none).
struct StatusSpelling {
  Status status;
  std::string_view label;
  std::string_view variant;
};

constexpr std::array<StatusSpelling, 6> k_status_spellings = {{
    {Status::party_member, "中共党员", ""},
    {Status::probationary, "中共预备党员", "预备党员"},
    {Status::candidate, "发展对象", ""},
    {Status::activist, "入党积极分子", "积极分子"},
    {Status::league, "共青团员", "团员"},
    {Status::masses, "群众", ""},
}};

const StatusSpelling& spelling_of(Status status) { return k_status_spellings.at(static_cast<std::size_t>(status)); }

// A major: its name, share of the intake (relative weight) and percentage of women.
struct Major {
  std::string name;
  int weight;
  int female_percent;
};

// A student Party branch and the majors (indexes) whose students belong to it.
struct Branch {
  std::string name;
  std::vector<std::size_t> majors;
};

// How one output file is encoded.
struct FileFormat {
  bool gb18030 = false;  // GBK/GB18030 instead of UTF-8
  bool bom = false;      // UTF-8 byte order mark, as Excel's "CSV UTF-8" writes
  bool crlf = false;     // CRLF line ends
};

// Everything that differs between the scales.
struct ScaleSpec {
  std::string name;
  std::uint64_t seed = 0;
  int students = 0;
  int dorms = 0;
  std::vector<Major> majors;
  std::vector<Branch> branches;
  int first_building = 1;       // buildings are numbered from here, women's first
  int min_women_buildings = 0;  // at least this many buildings (more when needed)
  int min_men_buildings = 0;
  FileFormat students_format;
  FileFormat dorms_format;
  FileFormat staff_format;
};

// The command line.
struct Options {
  std::string out_dir;
  Scale scale = Scale::college;
  std::optional<std::uint64_t> seed;
  std::optional<int> students;
  std::optional<int> dorms;
  bool utf8 = false;  // every file UTF-8 without BOM, LF (for the sqlite3 CLI baseline)
  bool help = false;
};

// One row of students.csv before any mess is applied.
struct Student {
  std::string id;
  std::string name;
  bool female = false;
  std::size_t major = 0;
  int grade = 1;
  std::size_t class_index = 0;
  std::string phone;
  Status status = Status::league;
  std::string branch;
  std::string attention;
  std::size_t dorm = 0;
  bool head = false;
};

// An administrative class (班级) of one major and cohort.
struct SchoolClass {
  std::string name;  // "英语2301": major, cohort's last two digits, class number
  std::size_t major = 0;
  int grade = 1;
  int number = 1;
};

// A dorm room and the indexes of its residents.
struct Dorm {
  std::string building;
  std::string room;
  bool female = false;
  int capacity = 4;
  int grade = 1;  // the highest grade among the residents
  std::vector<std::size_t> residents;
  std::string code() const { return building + "-" + room; }
};

// One row of staff.csv.
struct StaffMember {
  std::string id;
  std::string name;
  std::string role;
  std::string phone;
  std::string grade_scope;
  std::string class_scope;
  std::string branch;
};

// Dorms and dorm-taking members (members + candidates) of one gender, indexed by grade 1-4.
struct TakerPlan {
  std::array<int, k_grades + 1> dorms{};
  std::array<int, k_grades + 1> takers{};
};

// The whole generated college.
struct College {
  std::vector<SchoolClass> classes;
  std::vector<Student> students;
  std::vector<Dorm> dorms;
  std::vector<StaffMember> staff;
  std::array<TakerPlan, 2> plans;  // [0] women, [1] men
  std::set<std::string> phones;    // every phone handed out, to keep them unique
};

using Row = std::vector<std::string>;

// The six majors of a school of foreign languages.
std::vector<Major> college_majors() {
  return {{"英语", 30, 78}, {"日语", 15, 66}, {"法语", 10, 75},
          {"德语", 10, 62}, {"翻译", 15, 72}, {"商务英语", 20, 74}};
}

// Thirty language majors of a university of foreign studies.
std::vector<Major> university_majors() {
  std::vector<Major> majors = college_majors();
  const std::array<std::string_view, 24> more = {"俄语",     "西班牙语", "阿拉伯语", "朝鲜语",   "意大利语", "葡萄牙语",
                                                 "泰语",     "越南语",   "印尼语",   "波斯语",   "土耳其语", "希伯来语",
                                                 "希腊语",   "波兰语",   "捷克语",   "匈牙利语", "瑞典语",   "荷兰语",
                                                 "乌克兰语", "缅甸语",   "老挝语",   "柬埔寨语", "马来语",   "印地语"};
  for (std::size_t i = 0; i < more.size(); ++i) {
    majors.push_back({std::string(more[i]), i < 4 ? 8 : 4, 60 + static_cast<int>(i % 4) * 5});
  }
  return majors;
}

// College branches: English has two; the other majors share by language family.
std::vector<Branch> college_branches() {
  return {{"英语系学生第一党支部", {0}},
          {"英语系学生第二党支部", {4, 5}},
          {"日语系学生党支部", {1}},
          {"欧洲语言系学生党支部", {2, 3}}};
}

// University branches: one per major.
std::vector<Branch> university_branches(const std::vector<Major>& majors) {
  std::vector<Branch> branches;
  for (std::size_t i = 0; i < majors.size(); ++i) {
    branches.push_back({majors[i].name + "系学生党支部", {i}});
  }
  return branches;
}

// A university-like scale: thirty majors, one branch each, UTF-8 files without BOM, LF.
ScaleSpec university_spec(std::string name, std::uint64_t seed, int students, int dorms) {
  std::vector<Major> majors = university_majors();
  std::vector<Branch> branches = university_branches(majors);
  return {.name = std::move(name),
          .seed = seed,
          .students = students,
          .dorms = dorms,
          .majors = std::move(majors),
          .branches = std::move(branches),
          .first_building = 1,  // as many as needed, women's first
          .min_women_buildings = 0,
          .min_men_buildings = 0,
          .students_format = {},  // UTF-8 without BOM, LF: the sqlite3 CLI reads them too
          .dorms_format = {},
          .staff_format = {}};
}

// The built-in specification of a scale. The assignment scales keep four residents per dorm
// and about one member or candidate per 2.6 dorms: about 3,000 members for 8,000 dorms, and
// ten times that for the stress scale.
ScaleSpec make_spec(Scale scale) {
  if (scale == Scale::university) return university_spec("university", 20260908, 40000, 10000);
  if (scale == Scale::assign_university) return university_spec("assign-university", 20260909, 32000, 8000);
  if (scale == Scale::assign_stress) return university_spec("assign-stress", 20260910, 320000, 80000);
  return {.name = "college",
          .seed = 20260907,
          .students = 1200,
          .dorms = 250,
          .majors = college_majors(),
          .branches = college_branches(),
          .first_building = 8,  // women in 8, 9, 10; men in 11
          .min_women_buildings = 3,
          .min_men_buildings = 1,
          .students_format = {.gb18030 = true, .bom = false, .crlf = true},
          .dorms_format = {.gb18030 = false, .bom = true, .crlf = true},
          .staff_format = {}};
}

// Splits `total` in proportion to `weights` by the largest-remainder method.
std::vector<int> apportion(int total, const std::vector<int>& weights) {
  long long weight_sum = 0;
  for (int weight : weights) weight_sum += weight;
  std::vector<int> shares(weights.size());
  std::vector<std::pair<long long, std::size_t>> remainders;
  int given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const long long scaled = static_cast<long long>(total) * weights[i];
    shares[i] = static_cast<int>(scaled / weight_sum);
    given += shares[i];
    remainders.emplace_back(-(scaled % weight_sum), i);
  }
  std::sort(remainders.begin(), remainders.end());
  for (std::size_t i = 0; given < total; ++i, ++given) ++shares[remainders[i].second];
  return shares;
}

// Splits a UTF-8 string of 3-byte characters into single characters.
std::vector<std::string_view> split_chars(std::string_view text) {
  std::vector<std::string_view> chars;
  for (std::size_t i = 0; i + 3 <= text.size(); i += 3) chars.push_back(text.substr(i, 3));
  return chars;
}

// A plausible name: a frequency-weighted surname and one or two given-name characters.
std::string make_name(Rng& rng, bool female) {
  static const std::vector<std::string_view> gendered_f = split_chars(k_female_chars);
  static const std::vector<std::string_view> gendered_m = split_chars(k_male_chars);
  static const std::vector<std::string_view> neutral = split_chars(k_neutral_chars);
  static const std::vector<int> weights = [] {
    std::vector<int> result;
    for (const auto& entry : k_surnames) result.push_back(entry.weight);
    return result;
  }();
  std::string name(k_surnames.at(rng.weighted(weights)).surname);
  const auto& gendered = female ? gendered_f : gendered_m;
  const int length = rng.percent(22) ? 1 : 2;
  std::string_view previous;
  for (int i = 0; i < length; ++i) {
    const auto& pool = rng.percent(75) ? gendered : neutral;
    std::string_view chosen = pool[rng.index(pool.size())];
    if (chosen == previous) chosen = gendered[rng.index(gendered.size())];
    name += chosen;
    previous = chosen;
  }
  return name;
}

// An unused 11-digit mobile number with a real carrier prefix (13x, 15x, 17x, 18x, 19x).
std::string make_phone(Rng& rng, std::set<std::string>& used) {
  static constexpr std::array<std::string_view, 28> prefixes = {
      "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
      "157", "158", "159", "173", "177", "180", "181", "182", "186", "187", "188", "189", "191", "199"};
  for (;;) {
    std::string phone(prefixes.at(rng.index(prefixes.size())));
    phone += fmt::format("{:08}", rng.below(100000000));
    if (used.insert(phone).second) return phone;
  }
}

// Creates the students of one class; ids are cohort + major code + class + seat number.
void add_class_students(College& college, const ScaleSpec& spec, std::size_t class_index, int count, Rng& rng) {
  const SchoolClass& school_class = college.classes[class_index];
  const int major_code = 11 + static_cast<int>(school_class.major);
  for (int seat = 1; seat <= count; ++seat) {
    Student student;
    student.id = fmt::format("{}{:02}{:02}{:02}", cohort_of(school_class.grade), major_code, school_class.number, seat);
    student.female = rng.percent(spec.majors[school_class.major].female_percent);
    student.name = make_name(rng, student.female);
    student.major = school_class.major;
    student.grade = school_class.grade;
    student.class_index = class_index;
    student.phone = make_phone(rng, college.phones);
    college.students.push_back(std::move(student));
  }
}

// Creates the classes and students of one grade of one major.
void add_major_cohort(College& college, const ScaleSpec& spec, std::size_t major, int grade, int count, Rng& rng) {
  const int class_count = std::max(1, (count + k_class_size - 1) / k_class_size);
  const std::vector<int> sizes = apportion(count, std::vector<int>(static_cast<std::size_t>(class_count), 1));
  for (int number = 1; number <= class_count; ++number) {
    college.classes.push_back(
        {fmt::format("{}{:02}{:02}", spec.majors[major].name, cohort_of(grade) % 100, number), major, grade, number});
    add_class_students(college, spec, college.classes.size() - 1, sizes[static_cast<std::size_t>(number - 1)], rng);
  }
}

// Creates every class and student: cohorts of similar size, split across majors by weight.
void make_students(College& college, const ScaleSpec& spec, int total, Rng& rng) {
  std::vector<int> major_weights;
  for (const Major& major : spec.majors) major_weights.push_back(major.weight);
  const std::vector<int> per_grade = apportion(total, {26, 25, 25, 24});
  for (int grade = 1; grade <= k_grades; ++grade) {
    const std::vector<int> per_major = apportion(per_grade[static_cast<std::size_t>(grade - 1)], major_weights);
    for (std::size_t major = 0; major < spec.majors.size(); ++major) {
      if (per_major[major] > 0) add_major_cohort(college, spec, major, grade, per_major[major], rng);
    }
  }
}

// Resident counts for `count` dorms holding `residents` students: an even split, then a
// few random moves between dorms of 4-6 so that sizes vary.
std::vector<int> dorm_sizes(int residents, int count, Rng& rng) {
  std::vector<int> sizes = apportion(residents, std::vector<int>(static_cast<std::size_t>(count), 1));
  rng.shuffle(sizes);
  for (int move = 0; move < count / 2; ++move) {
    const std::size_t from = rng.index(sizes.size());
    const std::size_t to = rng.index(sizes.size());
    if (from != to && sizes[from] > k_usual_min_residents && sizes[to] < k_max_residents) {
      --sizes[from];
      ++sizes[to];
    }
  }
  return sizes;
}

// The students of one gender and grade, grouped by major; a group too small for a dorm
// joins the next one (or the previous one when it is last), giving a mixed-major dorm.
std::vector<std::vector<std::size_t>> dorm_groups(const College& college, bool female, int grade, std::size_t majors) {
  std::vector<std::vector<std::size_t>> groups(majors);
  for (std::size_t i = 0; i < college.students.size(); ++i) {
    const Student& student = college.students[i];
    if (student.female == female && student.grade == grade) groups[student.major].push_back(i);
  }
  const auto small = [](const auto& group) { return group.size() < k_min_residents; };
  std::vector<std::vector<std::size_t>> merged;
  for (auto& group : groups) {
    if (group.empty()) continue;
    if (!merged.empty() && small(merged.back())) {
      merged.back().insert(merged.back().end(), group.begin(), group.end());
    } else {
      merged.push_back(std::move(group));
    }
  }
  if (merged.size() >= 2 && small(merged.back())) {
    merged[merged.size() - 2].insert(merged[merged.size() - 2].end(), merged.back().begin(), merged.back().end());
    merged.pop_back();
  }
  return merged;
}

// Packs one group of students into `count` dorms; capacity is 6 for 5-6 residents and 4
// otherwise, except that a few smaller groups live in a 6-person room.
void pack_group(College& college, const std::vector<std::size_t>& group, int count, Rng& rng) {
  std::size_t next = 0;
  for (int size : dorm_sizes(static_cast<int>(group.size()), count, rng)) {
    Dorm dorm;
    dorm.female = college.students[group.front()].female;
    dorm.capacity = size > 4 || rng.percent(8) ? 6 : 4;
    for (int i = 0; i < size; ++i) dorm.residents.push_back(group[next++]);
    college.dorms.push_back(std::move(dorm));
  }
}

// Packs every gender, grade and major into dorms: the dorm target is split across the
// groups by size, within what 3-6 residents per dorm allow.
void pack_dorms(College& college, const ScaleSpec& spec, int dorm_target, Rng& rng) {
  std::vector<std::vector<std::size_t>> groups;
  for (bool female : {true, false}) {
    for (int grade = 1; grade <= k_grades; ++grade) {
      for (auto& group : dorm_groups(college, female, grade, spec.majors.size())) {
        groups.push_back(std::move(group));
      }
    }
  }
  std::vector<int> sizes;
  for (const auto& group : groups) sizes.push_back(static_cast<int>(group.size()));
  const std::vector<int> counts = apportion(dorm_target, sizes);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const int fewest = (sizes[i] + k_max_residents - 1) / k_max_residents;
    const int most = std::max(1, sizes[i] / static_cast<int>(k_min_residents));
    pack_group(college, groups[i], std::clamp(counts[i], fewest, most), rng);
  }
}

// Whether two dorms qualify for a swap of the given kind: same gender, and either adjacent
// grades (mixed-grade) or the same grade and different majors (mixed-major).
bool swap_partners(const College& college, std::size_t a, std::size_t b, bool mixed_grade) {
  const Student& first = college.students[college.dorms[a].residents.front()];
  const Student& second = college.students[college.dorms[b].residents.front()];
  if (first.female != second.female) return false;
  if (mixed_grade) return second.grade == first.grade + 1;
  return second.grade == first.grade && second.major != first.major;
}

// Swaps one resident between a few pairs of dorms, so that a few dorms mix grades or
// majors as real allocations do (a repeating student, a transfer between majors).
void mix_dorms(College& college, Rng& rng, bool mixed_grade) {
  const int swaps = std::max(2, static_cast<int>(college.dorms.size()) / 60);
  for (int done = 0, tries = 0; done < swaps && tries < 100000; ++tries) {
    const std::size_t a = rng.index(college.dorms.size());
    const std::size_t b = rng.index(college.dorms.size());
    if (!swap_partners(college, a, b, mixed_grade)) continue;
    auto& left = college.dorms[a].residents;
    auto& right = college.dorms[b].residents;
    std::swap(left[rng.index(left.size())], right[rng.index(right.size())]);
    ++done;
  }
}

// Records each student's dorm and each dorm's grade (the highest among its residents).
void link_residents(College& college) {
  for (std::size_t d = 0; d < college.dorms.size(); ++d) {
    Dorm& dorm = college.dorms[d];
    dorm.grade = 1;
    for (std::size_t resident : dorm.residents) {
      college.students[resident].dorm = d;
      dorm.grade = std::max(dorm.grade, college.students[resident].grade);
    }
  }
}

// Gives the dorms of one gender building numbers and room numbers (floor * 100 + room),
// filling each building floor by floor with the same number of rooms per floor.
int place_gender(College& college, bool female, int first_building, int min_buildings) {
  std::vector<std::size_t> dorms;
  for (std::size_t d = 0; d < college.dorms.size(); ++d) {
    if (college.dorms[d].female == female) dorms.push_back(d);
  }
  const int count = static_cast<int>(dorms.size());
  const int per_building_max = k_floors * k_rooms_per_floor_max;
  const int buildings = std::max({1, min_buildings, (count + per_building_max - 1) / per_building_max});
  const int per_floor = std::max(1, (count + buildings * k_floors - 1) / (buildings * k_floors));
  for (int i = 0; i < count; ++i) {
    Dorm& dorm = college.dorms[dorms[static_cast<std::size_t>(i)]];
    const int floor_index = i / per_floor;
    dorm.building = std::to_string(first_building + floor_index / k_floors);
    dorm.room = fmt::format("{}{:02}", floor_index % k_floors + 1, i % per_floor + 1);
  }
  return first_building + buildings;
}

// Places women's dorms in the first buildings and men's in the following ones.
void place_dorms(College& college, const ScaleSpec& spec) {
  const int next = place_gender(college, true, spec.first_building, spec.min_women_buildings);
  place_gender(college, false, next, spec.min_men_buildings);
}

// REQUIREMENTS §1 as a feasibility test for one gender: grade-3 and grade-4 dorms need a
// member of the same grade; grade-1/2 dorms take any member of grade >= 2 (no member is in
// grade 1); every member takes 2-3 dorms. Each group's load is an interval, so a solution
// exists exactly when the dorm total lies between the summed minimum and maximum loads.
bool is_feasible(const TakerPlan& plan) {
  int lowest = 2 * plan.takers[2];
  int highest = 3 * plan.takers[2];
  for (int grade : {3, 4}) {
    const auto g = static_cast<std::size_t>(grade);
    if (3 * plan.takers[g] < plan.dorms[g]) return false;
    lowest += std::max(2 * plan.takers[g], plan.dorms[g]);
    highest += 3 * plan.takers[g];
  }
  const int total = plan.dorms[1] + plan.dorms[2] + plan.dorms[3] + plan.dorms[4];
  return plan.takers[1] == 0 && lowest <= total && total <= highest;
}

// One step towards feasibility: give a senior grade the members its own dorms need, add a
// grade-2 member when the total capacity is short, or drop one when the minimum loads
// exceed the dorms (grade 2 first, then the senior grade with most spare members).
void repair_step(TakerPlan& plan) {
  auto& takers = plan.takers;
  const auto& dorms = plan.dorms;
  for (std::size_t grade : {std::size_t{3}, std::size_t{4}}) {
    if (3 * takers[grade] < dorms[grade]) {
      ++takers[grade];
      return;
    }
  }
  const int total = dorms[1] + dorms[2] + dorms[3] + dorms[4];
  if (3 * (takers[2] + takers[3] + takers[4]) < total) {
    ++takers[2];
    return;
  }
  if (takers[2] > 0) {
    --takers[2];
    return;
  }
  const std::size_t grade = 2 * takers[4] - dorms[4] >= 2 * takers[3] - dorms[3] ? 4 : 3;
  if (takers[grade] > 0) --takers[grade];
}

// Chooses how many members + candidates each grade of one gender has: about one per 2.6
// dorms, 15% of them in grade 2, the rest split between grades 3 and 4 by their dorm
// counts; then repairs the split until is_feasible holds (if it can).
TakerPlan plan_takers(const std::array<int, k_grades + 1>& dorms) {
  TakerPlan plan;
  plan.dorms = dorms;
  const int total = dorms[1] + dorms[2] + dorms[3] + dorms[4];
  const int takers = std::max((total + 2) / 3, (total * 10 + 13) / 26);
  const int senior_dorms = std::max(1, dorms[3] + dorms[4]);
  plan.takers[2] = dorms[1] + dorms[2] > 0 ? (takers * 15 + 50) / 100 : 0;
  plan.takers[4] = ((takers - plan.takers[2]) * dorms[4] + senior_dorms / 2) / senior_dorms;
  plan.takers[3] = takers - plan.takers[2] - plan.takers[4];
  for (int round = 0; round < 1000 && !is_feasible(plan); ++round) repair_step(plan);
  return plan;
}

// Plans the members + candidates of both genders; throws when no feasible split exists
// (only possible for tiny --students/--dorms values).
void plan_all_takers(College& college) {
  for (std::size_t gender = 0; gender < 2; ++gender) {
    std::array<int, k_grades + 1> dorms{};
    for (const Dorm& dorm : college.dorms) {
      if (dorm.female == (gender == 0)) ++dorms[static_cast<std::size_t>(dorm.grade)];
    }
    college.plans[gender] = plan_takers(dorms);
    if (!is_feasible(college.plans[gender])) {
      throw std::runtime_error("cannot plan a feasible assignment for this size; use more students");
    }
  }
}

// Percent weights of 中共党员 / 中共预备党员 / 发展对象 among the dorm-taking students of a grade.
constexpr std::array<std::array<int, 3>, k_grades + 1> k_taker_mix = {
    {{0, 0, 0}, {0, 0, 0}, {0, 30, 70}, {20, 45, 35}, {70, 25, 5}}};

// Percent of the other students of a grade who are 入党积极分子; 群众 is 4% everywhere.
constexpr std::array<int, k_grades + 1> k_activist_percent = {0, 6, 15, 12, 4};

// The branch of a major's students.
std::string branch_of(const ScaleSpec& spec, std::size_t major) {
  for (const Branch& branch : spec.branches) {
    if (std::find(branch.majors.begin(), branch.majors.end(), major) != branch.majors.end()) {
      return branch.name;
    }
  }
  return spec.branches.front().name;
}

// Gives each student of one gender and grade a political status: the planned number of
// members + candidates, then activists, masses and League members.
void assign_statuses_for(College& college, std::size_t gender, int grade, Rng& rng) {
  std::vector<std::size_t> cohort;
  for (std::size_t i = 0; i < college.students.size(); ++i) {
    const Student& student = college.students[i];
    if (student.female == (gender == 0) && student.grade == grade) cohort.push_back(i);
  }
  rng.shuffle(cohort);
  const auto g = static_cast<std::size_t>(grade);
  const auto takers = static_cast<std::size_t>(college.plans[gender].takers[g]);
  if (takers > cohort.size()) throw std::runtime_error("too few students for the planned members");
  const std::vector<int> mix(k_taker_mix[g].begin(), k_taker_mix[g].end());
  for (std::size_t k = 0; k < cohort.size(); ++k) {
    Student& student = college.students[cohort[k]];
    if (k < takers) {
      student.status = static_cast<Status>(rng.weighted(mix));
    } else if (rng.percent(k_activist_percent[g])) {
      student.status = Status::activist;
    } else {
      student.status = rng.percent(4) ? Status::masses : Status::league;
    }
  }
}

// Political status and branch of every student.
void assign_statuses(College& college, const ScaleSpec& spec, Rng& rng) {
  for (std::size_t gender = 0; gender < 2; ++gender) {
    for (int grade = 1; grade <= k_grades; ++grade) assign_statuses_for(college, gender, grade, rng);
  }
  for (Student& student : college.students) {
    if (student.status <= Status::activist) student.branch = branch_of(spec, student.major);
  }
}

// Marks about 3% of the non-member students as attention students; one in five of them
// has two categories, joined by "、" as the office writes them.
void assign_attention(College& college, Rng& rng) {
  static constexpr std::array<std::string_view, 4> categories = {"家庭经济困难", "学习积极性较差", "心理素质较差",
                                                                 "自我约束能力较差"};
  const std::vector<int> weights = {45, 25, 15, 15};
  for (Student& student : college.students) {
    if (student.status <= Status::candidate || !rng.percent(3)) continue;
    const std::size_t first = rng.weighted(weights);
    if (!rng.percent(20)) {
      student.attention = std::string(categories.at(first));
      continue;
    }
    const std::size_t second = (first + 1 + rng.index(categories.size() - 1)) % categories.size();
    student.attention =
        fmt::format("{}、{}", categories.at(std::min(first, second)), categories.at(std::max(first, second)));
  }
}

// Picks one dorm head per dorm among its residents.
void assign_heads(College& college, Rng& rng) {
  for (const Dorm& dorm : college.dorms) {
    college.students[dorm.residents[rng.index(dorm.residents.size())]].head = true;
  }
}

// A staff number "T<year hired><sequence>", unique within the college.
std::string make_staff_id(Rng& rng, std::map<int, int>& issued) {
  const int year = rng.between(2005, 2024);
  return fmt::format("T{}{:03}", year, ++issued[year]);
}

// Adds one staff member with a generated name, number and phone.
void add_staff(College& college, Rng& rng, std::map<int, int>& issued, StaffMember member) {
  member.id = make_staff_id(rng, issued);
  member.name = make_name(rng, rng.percent(60));
  member.phone = make_phone(rng, college.phones);
  college.staff.push_back(std::move(member));
}

// Counselors (one per grade), branch secretaries, head teachers (one per class) and a
// three-person inspection group.
void make_staff(College& college, const ScaleSpec& spec, Rng& rng) {
  std::map<int, int> issued;
  for (int grade = k_grades; grade >= 1; --grade) {
    add_staff(college, rng, issued, {{}, {}, "辅导员", {}, fmt::format("{}级", cohort_of(grade)), {}, {}});
  }
  for (const Branch& branch : spec.branches) {
    add_staff(college, rng, issued, {{}, {}, "支部书记", {}, {}, {}, branch.name});
  }
  for (const SchoolClass& school_class : college.classes) {
    add_staff(college, rng, issued, {{}, {}, "班主任", {}, {}, school_class.name, {}});
  }
  for (int i = 0; i < 3; ++i) add_staff(college, rng, issued, {{}, {}, "检查组", {}, {}, {}, {}});
}

// Builds the whole college from a spec and the effective sizes and seed.
College make_college(const ScaleSpec& spec) {
  Rng rng(spec.seed);
  College college;
  make_students(college, spec, spec.students, rng);
  pack_dorms(college, spec, spec.dorms, rng);
  mix_dorms(college, rng, true);
  mix_dorms(college, rng, false);
  link_residents(college);
  place_dorms(college, spec);
  plan_all_takers(college);
  assign_statuses(college, spec, rng);
  assign_attention(college, rng);
  assign_heads(college, rng);
  make_staff(college, spec, rng);
  return college;
}

// The students.csv header, in the order the import expects.
const Row k_student_header = {"学号", "姓名",     "性别",     "专业",   "年级",     "班级",
                              "寝室", "联系方式", "政治面貌", "党支部", "重点关注", "寝室长"};

enum StudentColumn : std::size_t {
  c_id,
  c_name,
  c_gender,
  c_major,
  c_grade,
  c_class,
  c_dorm,
  c_phone,
  c_status,
  c_branch,
  c_attention,
  c_head
};

// One clean students.csv row.
Row student_row(const College& college, const ScaleSpec& spec, const Student& student) {
  return {student.id,
          student.name,
          student.female ? "女" : "男",
          spec.majors[student.major].name,
          std::to_string(student.grade),
          college.classes[student.class_index].name,
          college.dorms[student.dorm].code(),
          student.phone,
          std::string(spelling_of(student.status).label),
          student.branch,
          student.attention,
          student.head ? "是" : ""};
}

// Rewrites ASCII digits as full-width ones (U+FF10-U+FF19), as an IME in full-width mode does.
std::string full_width_digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      out += "\xEF\xBC";
      out += static_cast<char>(static_cast<unsigned char>(0x90 + (c - '0')));
    } else {
      out += c;
    }
  }
  return out;
}

// One kind of Excel-made mess: how many rows get it, whether a row can, and the rewrite.
// `student` is the row's student, for kinds that need the clean values.
struct MessKind {
  std::string_view name;
  int rows;
  std::function<bool(const Row&)> applies;
  std::function<void(Row&, const Student&, Rng&)> apply;
};

// The mess a hand-kept Excel roster accumulates; every variant still imports cleanly.
std::vector<MessKind> mess_kinds(const College& college) {
  const auto any = [](const Row&) { return true; };
  const auto status_is = [](Status status) {
    return [status](const Row& row) { return row[c_status] == spelling_of(status).label; };
  };
  const auto use_variant = [](Row& row, const Student& student, Rng&) {
    row[c_status] = std::string(spelling_of(student.status).variant);
  };
  return {
      {"full-width phone", 6, any,
       [](Row& row, const Student&, Rng&) { row[c_phone] = full_width_digits(row[c_phone]); }},
      {"full-width student id", 3, any,
       [](Row& row, const Student&, Rng&) { row[c_id] = full_width_digits(row[c_id]); }},
      {"ideographic spaces around the name", 6, any,
       [](Row& row, const Student&, Rng& rng) {
         const int where = rng.between(0, 2);
         row[c_name] = (where != 1 ? "\u3000" : "") + row[c_name] + (where != 0 ? "\u3000" : "");
       }},
      {"dorm as 8栋305", 4, any,
       [&college](Row& row, const Student& student, Rng&) {
         const Dorm& dorm = college.dorms[student.dorm];
         row[c_dorm] = dorm.building + "栋" + dorm.room;
       }},
      {"dorm as 8号楼305室", 4, any,
       [&college](Row& row, const Student& student, Rng&) {
         const Dorm& dorm = college.dorms[student.dorm];
         row[c_dorm] = dorm.building + "号楼" + dorm.room + "室";
       }},
      {"grade as 2023级", 6, any,
       [](Row& row, const Student& student, Rng&) { row[c_grade] = fmt::format("{}级", cohort_of(student.grade)); }},
      {"预备党员 for 中共预备党员", 2, status_is(Status::probationary), use_variant},
      {"积极分子 for 入党积极分子", 2, status_is(Status::activist), use_variant},
      {"团员 for 共青团员", 3, status_is(Status::league), use_variant},
  };
}

// Applies each kind of mess to a few distinct random rows (never two kinds to one row).
void apply_mess(std::vector<Row>& rows, const std::vector<const Student*>& students, const College& college, Rng& rng) {
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  rng.shuffle(order);
  std::size_t next = 0;
  for (const MessKind& kind : mess_kinds(college)) {
    for (int done = 0; done < kind.rows && next < order.size(); ++next) {
      const std::size_t row = order[next];
      if (!kind.applies(rows[row])) continue;
      kind.apply(rows[row], *students[row], rng);
      ++done;
    }
  }
}

// students.csv rows (header first), sorted by student id, with a few messy rows.
std::vector<Row> student_rows(const College& college, const ScaleSpec& spec, Rng& rng) {
  std::vector<const Student*> sorted;
  for (const Student& student : college.students) sorted.push_back(&student);
  std::sort(sorted.begin(), sorted.end(), [](const Student* a, const Student* b) { return a->id < b->id; });
  std::vector<Row> rows;
  for (const Student* student : sorted) rows.push_back(student_row(college, spec, *student));
  apply_mess(rows, sorted, college, rng);
  rows.insert(rows.begin(), k_student_header);
  return rows;
}

// dorms.csv rows: one per dorm, in building and room order.
std::vector<Row> dorm_rows(const College& college) {
  std::vector<Row> rows = {{"寝室", "性别", "容量"}};
  for (const Dorm& dorm : college.dorms) {
    rows.push_back({dorm.code(), dorm.female ? "女" : "男", std::to_string(dorm.capacity)});
  }
  return rows;
}

// The address digests are mailed to (dormlink notify): counselors and branch secretaries have
// one, at the reserved .example domain; others leave the column empty.
std::string staff_email(const StaffMember& member) {
  if (member.role != "辅导员" && member.role != "支部书记") return {};
  std::string local = member.id;
  for (char& c : local) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return local + "@college.example";
}

// staff.csv rows.
std::vector<Row> staff_rows(const College& college) {
  std::vector<Row> rows = {{"工号", "姓名", "角色", "联系方式", "负责年级", "负责班级", "党支部", "邮箱"}};
  for (const StaffMember& member : college.staff) {
    rows.push_back({member.id, member.name, member.role, member.phone, member.grade_scope, member.class_scope,
                    member.branch, staff_email(member)});
  }
  return rows;
}

// Renders rows as CSV bytes in the given encoding, quoting fields only when needed.
std::string render_csv(const std::vector<Row>& rows, const FileFormat& format) {
  std::string text;
  for (const Row& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) text += ',';
      text += util::csv_escape(row[i]);
    }
    text += format.crlf ? "\r\n" : "\n";
  }
  if (format.gb18030) return util::encode_gb18030(text);
  return format.bom ? "\xEF\xBB\xBF" + text : text;
}

// Writes bytes to a file, replacing it; throws on failure.
void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error(fmt::format("cannot write {}", path.string()));
}

// "g1 45 g2 44 g3 43 g4 44" for one row of a plan.
std::string by_grade(const std::array<int, k_grades + 1>& counts, int from_grade) {
  std::string text;
  for (int grade = from_grade; grade <= k_grades; ++grade) {
    text += fmt::format("{}g{} {}", text.empty() ? "" : " ", grade, counts[static_cast<std::size_t>(grade)]);
  }
  return text;
}

// The one-line summary of what was written.
std::string summary(const College& college, const ScaleSpec& spec, const std::string& out_dir) {
  int takers = 0;
  for (const Student& student : college.students) takers += student.status <= Status::candidate ? 1 : 0;
  std::string line = fmt::format(
      "dormlink-gen: {} seed {}: {} students, {} dorms, {} classes, {} branches, {} staff, "
      "{} members+candidates",
      spec.name, spec.seed, college.students.size(), college.dorms.size(), college.classes.size(), spec.branches.size(),
      college.staff.size(), takers);
  for (std::size_t gender = 0; gender < 2; ++gender) {
    const TakerPlan& plan = college.plans[gender];
    line += fmt::format("; {} dorms {} / members {}", gender == 0 ? "女" : "男", by_grade(plan.dorms, 1),
                        by_grade(plan.takers, 2));
  }
  return line + fmt::format("; feasible; written to {}", out_dir);
}

// Generates the college and writes the three files into `options.out_dir`.
void run(const Options& options, std::ostream& out) {
  ScaleSpec spec = make_spec(options.scale);
  spec.seed = options.seed.value_or(spec.seed);
  spec.students = options.students.value_or(spec.students);
  spec.dorms = options.dorms.value_or(spec.dorms);
  if (options.utf8) spec.students_format = spec.dorms_format = spec.staff_format = FileFormat{};
  const College college = make_college(spec);
  Rng mess_rng(spec.seed ^ 0x6d657373ULL);
  const std::filesystem::path dir(options.out_dir);
  std::filesystem::create_directories(dir);
  write_file(dir / "students.csv", render_csv(student_rows(college, spec, mess_rng), spec.students_format));
  write_file(dir / "dorms.csv", render_csv(dorm_rows(college), spec.dorms_format));
  write_file(dir / "staff.csv", render_csv(staff_rows(college), spec.staff_format));
  fmt::print(out, "{}\n", summary(college, spec, options.out_dir));
}

constexpr std::string_view k_usage =
    "usage: dormlink-gen --out DIR [--scale college|university|assign-university|assign-stress] "
    "[--seed N] [--students N] [--dorms N] [--utf8]\n";

// Parses a positive decimal number; throws UsageError naming the option otherwise.
template <class T>
T parse_number(std::string_view option, std::string_view text) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) {
    throw UsageError(fmt::format("{}: \"{}\" is not a positive number", option, text));
  }
  return value;
}

// Parses the scale name.
Scale parse_scale(std::string_view text) {
  static const std::map<std::string_view, Scale> scales = {{"college", Scale::college},
                                                           {"university", Scale::university},
                                                           {"assign-university", Scale::assign_university},
                                                           {"assign-stress", Scale::assign_stress}};
  if (const auto found = scales.find(text); found != scales.end()) return found->second;
  throw UsageError(fmt::format("--scale: \"{}\" is not college, university, assign-university or assign-stress", text));
}

// Options that take a value, and what each does with it.
using Setter = std::function<void(Options&, std::string_view)>;
const std::map<std::string_view, Setter>& value_options() {
  static const std::map<std::string_view, Setter> table = {
      {"--out", [](Options& o, std::string_view v) { o.out_dir = std::string(v); }},
      {"--scale", [](Options& o, std::string_view v) { o.scale = parse_scale(v); }},
      {"--seed", [](Options& o, std::string_view v) { o.seed = parse_number<std::uint64_t>("--seed", v); }},
      {"--students", [](Options& o, std::string_view v) { o.students = parse_number<int>("--students", v); }},
      {"--dorms", [](Options& o, std::string_view v) { o.dorms = parse_number<int>("--dorms", v); }},
  };
  return table;
}

// Options without a value.
const std::map<std::string_view, std::function<void(Options&)>>& flag_options() {
  static const std::map<std::string_view, std::function<void(Options&)>> table = {
      {"--utf8", [](Options& o) { o.utf8 = true; }},
      {"--help", [](Options& o) { o.help = true; }},
      {"-h", [](Options& o) { o.help = true; }},
  };
  return table;
}

// Parses argv; throws UsageError on unknown options, missing values or a missing --out.
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
  if (options.out_dir.empty() && !options.help) throw UsageError("--out DIR is required");
  return options;
}

}  // namespace
}  // namespace dormlink::gen

int main(int argc, char** argv) {
  using namespace dormlink;
  try {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const gen::Options options = gen::parse_args(args);
    if (options.help) {
      fmt::print(std::cout, "{}", gen::k_usage);
      return 0;
    }
    gen::run(options, std::cout);
    return 0;
  } catch (const UsageError& error) {
    fmt::print(std::cerr, "dormlink-gen: error: {}\n{}", error.what(), gen::k_usage);
    return static_cast<int>(ExitCode::usage);
  } catch (const std::exception& error) {
    fmt::print(std::cerr, "dormlink-gen: error: {}\n", error.what());
    return static_cast<int>(ExitCode::cant_create);
  }
}
