// The validation of the config (docs/config.md, "How the file is checked"): parse_config runs
// the raw-text pre-check, parses with toml++ and reads every section through the key tables,
// collecting every problem with its position. The only file that includes toml++.
#include "dormlink/config.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <iterator>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "dormlink/error.hpp"
#include "dormlink/util/text.hpp"
#include "keys.hpp"
#include "precheck.hpp"

#include "messages.hpp"

namespace dormlink::config_detail {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// Weekday names for "... is a Tuesday, not a Monday", Monday first.
constexpr std::array<std::string_view, 7> k_english_weekdays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                             "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 7> k_chinese_weekdays{"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

std::string_view type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return msg::a_table(message_language());
    case toml::node_type::array:
      return msg::an_array(message_language());
    case toml::node_type::string:
      return msg::a_string(message_language());
    case toml::node_type::integer:
      return msg::an_integer(message_language());
    case toml::node_type::floating_point:
      return msg::a_float(message_language());
    case toml::node_type::boolean:
      return msg::a_boolean(message_language());
    case toml::node_type::date:
      return msg::a_date(message_language());
    case toml::node_type::time:
      return msg::a_time(message_language());
    case toml::node_type::date_time:
      return msg::a_date_time(message_language());
    case toml::node_type::none:
      break;
  }
  return msg::nothing(message_language());
}

// What was found instead, for "expected ..., found ..."; a string shows its value.
std::string found(const toml::node& node) {
  if (const auto* text = node.as_string()) return msg::a_string_value(quoted(text->get()));
  return std::string(type_name(node.type()));
}

Located located(const toml::source_region& where, std::string message) {
  return Located{std::max<std::size_t>(where.begin.line, 1), std::max<std::size_t>(where.begin.column, 1),
                 std::move(message)};
}

// One semester as read, with where it stands for messages about it.
struct SemesterEntry {
  Semester semester;
  toml::source_region where;
  std::string path;
};

// Reads a parsed TOML document into a Config, collecting every problem.
class Validator {
 public:
  Config run(const toml::table& root);
  std::vector<Located> take_problems() { return std::move(m_problems); }

 private:
  void add(const toml::source_region& where, std::string message);
  std::nullopt_t fail(const toml::node& node, const std::string& path, std::string message);
  void unknown_key(const toml::key& key, std::string_view label, const std::vector<std::string_view>& known);
  std::optional<int> read_int(const toml::node& node, const std::string& path, int min, int max);
  std::optional<std::string> read_string(const toml::node& node, const std::string& path, StringCheck check);
  template <class E>
  std::optional<E> read_enum(const toml::node& node, const std::string& path);
  std::optional<std::vector<std::string>> read_string_list(const toml::node& node, const std::string& path,
                                                           StringCheck check);
  template <class Section>
  void read_section(const toml::table& root, const SectionSpec<Section>& spec, Section& out);
  template <class Section>
  void read_field(const KeySpec<Section>& spec, const toml::node& node, const std::string& path, Section& out);
  void read_calendar(const toml::table& root, Calendar& calendar);
  std::optional<Semester> read_semester(const toml::table& table, const std::string& path);
  const toml::node* required(const toml::table& table, const std::string& path, std::string_view key);
  std::optional<Date> read_date(const toml::node& node, const std::string& path);
  std::optional<Date> read_first_monday(const toml::node& node, const std::string& path);
  std::optional<std::vector<int>> read_weeks(const toml::node* node, const std::string& path, int teaching_weeks);
  void check_semester_ids(const toml::array& semesters);
  void check_semesters(std::vector<SemesterEntry>& entries);
  void read_weights(const toml::table& root, AssessmentConfig& assessment);
  void check_order(const toml::table& root, std::string_view section, std::pair<std::string_view, int> low,
                   std::pair<std::string_view, int> high, bool strict);

  std::vector<Located> m_problems;
  std::set<std::string> m_failed;  // paths whose value was rejected; cross-checks skip them
};

// Reads every section, then checks the keys that depend on each other.
Config Validator::run(const toml::table& root) {
  const std::vector<std::string_view> sections(k_section_names.begin(), k_section_names.end());
  for (const auto& [key, node] : root) {
    if (!contains(sections, key.str())) unknown_key(key, "", sections);
  }
  Config config;
  read_section(root, k_college, config.college);
  read_calendar(root, config.calendar);
  read_section(root, k_assignment, config.assignment);
  read_section(root, k_duties, config.duties);
  read_section(root, k_reporting, config.reporting);
  read_section(root, k_forms, config.forms);
  read_section(root, k_check, config.check);
  read_section(root, k_inspection, config.inspection);
  read_section(root, k_assessment, config.assessment);
  read_weights(root, config.assessment);
  read_section(root, k_privacy, config.privacy);
  read_section(root, k_limits, config.limits);
  read_section(root, k_notify, config.notify);
  read_section(root, k_studio, config.studio);
  const auto& a = config.assignment;
  check_order(root, "assignment", {"min_dorms", a.min_dorms}, {"max_dorms", a.max_dorms}, false);
  const auto& s = config.assessment;
  check_order(root, "assessment", {"pass_from", s.pass_from}, {"excellent_from", s.excellent_from}, true);
  check_order(root, "assessment", {"basic_pass_from", s.basic_pass_from}, {"pass_from", s.pass_from}, true);
  return config;
}

void Validator::add(const toml::source_region& where, std::string message) {
  m_problems.push_back(located(where, std::move(message)));
}

// Records a rejected value at its position; returns nullopt for the caller's optional.
std::nullopt_t Validator::fail(const toml::node& node, const std::string& path, std::string message) {
  add(node.source(), msg::at_path(path, message));
  m_failed.insert(path);
  return std::nullopt;
}

// 'unknown key "vists_per_week" in [duties]; did you mean "visits_per_week"?'; the label is
// empty at the top level.
void Validator::unknown_key(const toml::key& key, std::string_view label, const std::vector<std::string_view>& known) {
  const std::string where = label.empty() ? std::string(msg::top_level(message_language())) : msg::in_section(label);
  std::string message = msg::unknown_key(quoted(key.str()), where);
  const auto owner = owner_of(key.str());
  if (owner && *owner != label) {
    message += msg::belongs_in(*owner);
  } else if (const auto near = nearest_name(key.str(), known)) {
    message += msg::did_you_mean(*near);
  } else {
    message += msg::known_keys(join_names(known, false));
  }
  add(key.source(), std::move(message));
}

std::optional<int> Validator::read_int(const toml::node& node, const std::string& path, int min, int max) {
  const auto* value = node.as_integer();
  if (value == nullptr) return fail(node, path, msg::expected_integer(found(node)));
  const std::int64_t number = value->get();
  if (number < min || number > max) {
    return fail(node, path, msg::not_between(number, min, max));
  }
  return static_cast<int>(number);
}

std::optional<std::string> Validator::read_string(const toml::node& node, const std::string& path, StringCheck check) {
  const auto* value = node.as_string();
  if (value == nullptr) return fail(node, path, msg::expected_string(found(node)));
  if (check != nullptr) {
    if (auto problem = check(value->get())) return fail(node, path, std::move(*problem));
  }
  return value->get();
}

// An array of non-empty strings (student ids, addresses), each trimmed and NFKC-normalised,
// each passing `check` when there is one.
std::optional<std::vector<std::string>> Validator::read_string_list(const toml::node& node, const std::string& path,
                                                                    StringCheck check) {
  const auto* array = node.as_array();
  if (array == nullptr) return fail(node, path, msg::expected_string_array(found(node)));
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* item = (*array)[i].as_string();
    auto item_path = fmt::format("{}[{}]", path, i + 1);
    if (item == nullptr) {
      fail((*array)[i], item_path, msg::expected_string(found((*array)[i])));
      ok = false;
    } else if (util::normalize_code(item->get()).empty()) {
      fail((*array)[i], item_path, msg::must_not_be_empty());
      ok = false;
    } else if (auto problem = check ? check(util::normalize_code(item->get())) : std::nullopt) {
      fail((*array)[i], item_path, std::move(*problem));
      ok = false;
    } else {
      out.push_back(util::normalize_code(item->get()));
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

template <class E>
std::optional<E> Validator::read_enum(const toml::node& node, const std::string& path) {
  const auto* value = node.as_string();
  if (value == nullptr) return fail(node, path, msg::expected_string(found(node)));
  if (auto parsed = enum_from_name<E>(value->get())) return parsed;
  return fail(node, path, msg::not_allowed(quoted(value->get()), allowed_names(E{})));
}

// Reads the keys of one [section] through its key table; a missing section keeps defaults.
template <class Section>
void Validator::read_section(const toml::table& root, const SectionSpec<Section>& spec, Section& out) {
  const toml::node* node = root.get(spec.name);
  if (node == nullptr) return;
  const auto* table = node->as_table();
  if (table == nullptr) {
    fail(*node, std::string(spec.name), msg::expected_table(found(*node)));
    return;
  }
  const bool has_weights = spec.name == k_assessment.name;
  for (const auto& [key, value] : *table) {
    const std::string_view name = key.str();
    const auto it = std::find_if(spec.keys.begin(), spec.keys.end(), [name](const auto& k) { return k.name == name; });
    if (it != spec.keys.end()) {
      read_field(*it, value, fmt::format("{}.{}", spec.name, name), out);
    } else if (!(has_weights && name == "weights")) {
      auto known = key_names(spec);
      if (has_weights) known.push_back("weights");
      unknown_key(key, fmt::format("[{}]", spec.name), known);
    }
  }
}

// Reads one value into the member its key names, by the member's type.
template <class Section>
void Validator::read_field(const KeySpec<Section>& spec, const toml::node& node, const std::string& path,
                           Section& out) {
  std::visit(
      [&](auto member) {
        using T = std::remove_reference_t<decltype(out.*member)>;
        if constexpr (std::is_same_v<T, int>) {
          if (auto value = read_int(node, path, spec.min, spec.max)) out.*member = *value;
        } else if constexpr (std::is_same_v<T, bool>) {
          if (const auto* value = node.as_boolean()) {
            out.*member = value->get();
          } else {
            fail(node, path, msg::expected_boolean(found(node)));
          }
        } else if constexpr (std::is_same_v<T, std::string>) {
          if (auto value = read_string(node, path, spec.check)) out.*member = std::move(*value);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          if (auto value = read_string_list(node, path, spec.check)) out.*member = std::move(*value);
        } else {
          if (auto value = read_enum<T>(node, path)) out.*member = *value;
        }
      },
      spec.field);
}

// [calendar]: the [[calendar.semester]] blocks, checked one by one and then together.
void Validator::read_calendar(const toml::table& root, Calendar& calendar) {
  const toml::node* node = root.get("calendar");
  if (node == nullptr) return;
  const auto* table = node->as_table();
  if (table == nullptr) {
    fail(*node, "calendar", msg::expected_table(found(*node)));
    return;
  }
  for (const auto& [key, value] : *table) {
    if (key.str() != "semester") unknown_key(key, "[calendar]", {"semester"});
  }
  const toml::node* list = table->get("semester");
  if (list == nullptr) return;
  const auto* array = list->as_array();
  if (array == nullptr) {
    fail(*list, "calendar.semester", msg::expected_semesters(found(*list)));
    return;
  }
  check_semester_ids(*array);
  std::vector<SemesterEntry> entries;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = (*array)[i];
    const std::string path = fmt::format("calendar.semester[{}]", i + 1);
    if (const auto* semester_table = element.as_table()) {
      if (auto semester = read_semester(*semester_table, path)) {
        entries.push_back(SemesterEntry{std::move(*semester), semester_table->source(), path});
      }
    } else {
      fail(element, path, msg::expected_table(found(element)));
    }
  }
  check_semesters(entries);
  for (auto& entry : entries) calendar.semesters.push_back(std::move(entry.semester));
}

// The node of a key a semester must have, or nullptr after reporting it missing.
const toml::node* Validator::required(const toml::table& table, const std::string& path, std::string_view key) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    add(table.source(), msg::key_missing(path, key));
    m_failed.insert(fmt::format("{}.{}", path, key));
  }
  return node;
}

// One [[calendar.semester]] block; nullopt when any of its keys was rejected.
std::optional<Semester> Validator::read_semester(const toml::table& table, const std::string& path) {
  const auto known = first_names(k_semester_keys);
  for (const auto& [key, value] : table) {
    if (!contains(known, key.str())) unknown_key(key, "[[calendar.semester]]", known);
  }
  std::optional<std::string> id;
  std::optional<std::string> name;
  std::optional<Date> first_monday;
  std::optional<int> weeks;
  if (const auto* node = required(table, path, "id")) {
    id = read_string(*node, path + ".id", check_semester_id);
  }
  if (const auto* node = table.get("name")) {
    name = read_string(*node, path + ".name", check_not_empty);
  }
  if (const auto* node = required(table, path, "first_monday")) {
    first_monday = read_first_monday(*node, path + ".first_monday");
  }
  if (const auto* node = required(table, path, "teaching_weeks")) {
    weeks = read_int(*node, path + ".teaching_weeks", 1, 30);
  }
  const int last_week = weeks.value_or(30);
  const auto holidays = read_weeks(table.get("holiday_weeks"), path + ".holiday_weeks", last_week);
  const auto exams = read_weeks(table.get("exam_weeks"), path + ".exam_weeks", last_week);
  if (holidays && exams) {
    for (const int week : *exams) {
      if (std::find(holidays->begin(), holidays->end(), week) == holidays->end()) continue;
      fail(*table.get("exam_weeks"), path, msg::holiday_and_exam(week));
    }
  }
  const bool name_ok = name || table.get("name") == nullptr;
  if (!id || !first_monday || !weeks || !holidays || !exams || !name_ok) return std::nullopt;
  if (m_failed.contains(path)) return std::nullopt;
  return Semester{*id, name.value_or(*id), *first_monday, *weeks, *holidays, *exams};
}

// A TOML local date or a "YYYY-MM-DD" string.
std::optional<Date> Validator::read_date(const toml::node& node, const std::string& path) {
  if (const auto* value = node.as_date()) {
    const toml::date& d = value->get();
    const Date date{std::chrono::year{d.year}, std::chrono::month{d.month}, std::chrono::day{d.day}};
    if (date.ok()) return date;
    return fail(node, path, msg::not_a_real_day(d.year, d.month, d.day));
  }
  if (const auto* text = node.as_string()) {
    if (auto date = parse_iso_date(text->get())) return date;
    return fail(node, path, msg::not_a_date(quoted(text->get())));
  }
  return fail(node, path, msg::expected_date(found(node)));
}

// REQUIREMENTS glossary: teaching week 1 starts on the semester's first Monday.
std::optional<Date> Validator::read_first_monday(const toml::node& node, const std::string& path) {
  const auto date = read_date(node, path);
  if (!date) return std::nullopt;
  const std::chrono::weekday day{to_days(*date)};
  if (day == std::chrono::Monday) return date;
  const Date monday{to_days(*date) - (day - std::chrono::Monday)};
  const auto weekday = day.iso_encoding() - 1;
  return fail(
      node, path,
      msg::not_monday(format_date(*date),
                      message_language() == Language::zh ? k_chinese_weekdays[weekday] : k_english_weekdays[weekday],
                      format_date(monday)));
}

// holiday_weeks / exam_weeks: week numbers within the semester, each listed once.
std::optional<std::vector<int>> Validator::read_weeks(const toml::node* node, const std::string& path,
                                                      int teaching_weeks) {
  if (node == nullptr) return std::vector<int>{};
  const auto* array = node->as_array();
  if (array == nullptr) {
    return fail(*node, path, msg::expected_weeks(found(*node)));
  }
  std::vector<int> weeks;
  bool ok = true;
  for (const toml::node& element : *array) {
    const auto week = read_int(element, path, 1, teaching_weeks);
    if (!week) {
      ok = false;
    } else if (std::find(weeks.begin(), weeks.end(), *week) != weeks.end()) {
      ok = false;
      fail(element, path, msg::week_twice(*week));
    } else {
      weeks.push_back(*week);
    }
  }
  if (!ok) return std::nullopt;
  return weeks;
}

// Semester ids must be unique; checked on every block that has a string id, valid or not.
void Validator::check_semester_ids(const toml::array& semesters) {
  std::map<std::string_view, std::size_t> first_use;
  for (std::size_t i = 0; i < semesters.size(); ++i) {
    const auto* table = semesters[i].as_table();
    const toml::node* id = table == nullptr ? nullptr : table->get("id");
    if (id == nullptr || !id->is_string()) continue;
    const std::string_view text = id->as_string()->get();
    const auto [it, inserted] = first_use.emplace(text, i + 1);
    if (inserted) continue;
    add(id->source(), msg::id_taken(i + 1, quoted(text), it->second));
  }
}

// Semesters must not overlap; leaves the entries in date order.
void Validator::check_semesters(std::vector<SemesterEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return to_days(a.semester.first_monday) < to_days(b.semester.first_monday);
  });
  const SemesterEntry* latest = nullptr;  // among those before, the one that ends last
  for (const auto& entry : entries) {
    const Semester& s = entry.semester;
    if (latest != nullptr && to_days(s.first_monday) <= to_days(latest->semester.last_day())) {
      const Semester& t = latest->semester;
      add(entry.where,
          msg::semesters_overlap(entry.path, quoted(t.id), format_date(t.first_monday), format_date(t.last_day()),
                                 quoted(s.id), format_date(s.first_monday), format_date(s.last_day())));
    }
    if (latest == nullptr || to_days(s.last_day()) > to_days(latest->semester.last_day())) {
      latest = &entry;
    }
  }
}

// [assessment.weights] (or weights = {...}): exactly the known components, each 0..100,
// summing to 100.
void Validator::read_weights(const toml::table& root, AssessmentConfig& assessment) {
  const toml::node* node = root["assessment"]["weights"].node();
  if (node == nullptr) return;
  const auto* table = node->as_table();
  if (table == nullptr) {
    fail(*node, "assessment.weights", msg::expected_table(found(*node)));
    return;
  }
  const auto names = first_names(k_weight_components);
  std::map<std::string, int> weights;
  bool complete = true;
  for (const auto& [key, value] : *table) {
    if (!contains(names, key.str())) {
      unknown_key(key, "[assessment.weights]", names);
      complete = false;
    } else if (auto weight = read_int(value, fmt::format("assessment.weights.{}", key.str()), 0, 100)) {
      weights[std::string(key.str())] = *weight;
    } else {
      complete = false;
    }
  }
  std::vector<std::string_view> missing;
  std::copy_if(names.begin(), names.end(), std::back_inserter(missing),
               [table](std::string_view name) { return !table->contains(name); });
  if (!missing.empty()) {
    add(node->source(), msg::weights_missing(join_names(missing, true), join_names(names, false)));
    return;
  }
  if (!complete) return;
  const int sum =
      std::accumulate(weights.begin(), weights.end(), 0, [](int total, const auto& w) { return total + w.second; });
  if (sum != 100) {
    add(node->source(), msg::weights_sum(sum));
    return;
  }
  assessment.weights = std::move(weights);
}

// Two keys of a section that must be ordered; the problem is put at the higher key when the
// file has it, else at the lower one.
void Validator::check_order(const toml::table& root, std::string_view section, std::pair<std::string_view, int> low,
                            std::pair<std::string_view, int> high, bool strict) {
  if (strict ? low.second < high.second : low.second <= high.second) return;
  const std::string low_path = fmt::format("{}.{}", section, low.first);
  const std::string high_path = fmt::format("{}.{}", section, high.first);
  if (m_failed.contains(low_path) || m_failed.contains(high_path)) return;
  if (const toml::node* node = root[section][high.first].node()) {
    add(node->source(), msg::must_be(high_path, high.second, (strict ? msg::above : msg::at_least)(message_language()),
                                     low.first, low.second));
  } else if (const toml::node* other = root[section][low.first].node()) {
    add(other->source(), msg::must_be(low_path, low.second, (strict ? msg::below : msg::at_most)(message_language()),
                                      high.first, high.second));
  }
}

// Sorts the problems by position, keeps the first k_max_problems and throws them as one error.
[[noreturn]] void throw_problems(const std::string& source, std::vector<Located> problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const Located& a, const Located& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  const std::size_t total = problems.size();
  std::vector<Problem> shown;
  for (std::size_t i = 0; i < total && i < k_max_problems; ++i) {
    shown.push_back(
        {fmt::format("{}:{}:{}", source, problems[i].line, problems[i].column), std::move(problems[i].message)});
  }
  if (total > k_max_problems) {
    const Located& next = problems[k_max_problems];
    shown.push_back({fmt::format("{}:{}:{}", source, next.line, next.column), msg::further_not_shown()});
  }
  const std::string count = total > k_max_problems ? msg::more_than(k_max_problems) : fmt::format("{}", total);
  throw ConfigError(msg::config_problems(source, count, total == 1 ? "" : "s"), std::move(shown));
}

// toml++'s "Error while parsing key: ..." reads as "syntax error while parsing key: ...".
std::string syntax_message(std::string_view description) {
  constexpr std::string_view k_prefix = "Error while parsing ";
  if (description.starts_with(k_prefix)) {
    return msg::syntax_while(description.substr(k_prefix.size()));
  }
  return msg::syntax(description);
}

// Parses text that passed the pre-check; a TOML syntax error is thrown as one problem.
toml::table parse_toml(std::string_view text, const std::string& source_name) {
  try {
    return toml::parse(text, std::string(source_name));
  } catch (const toml::parse_error& error) {
    throw_problems(source_name, {located(error.source(), syntax_message(error.description()))});
  }
}

}  // namespace
}  // namespace dormlink::config_detail

namespace dormlink {

Config parse_config(std::string_view text, const std::string& source_name) {
  using namespace config_detail;
  if (text.size() > k_max_config_bytes) {
    throw_problems(source_name, {Located{1, 1,
                                         "the config is larger than 1 MiB (1048576 bytes); "
                                         "is this the right file?"}});
  }
  if (text.starts_with(k_bom)) text.remove_prefix(k_bom.size());
  if (auto problems = pre_check(text); !problems.empty()) {
    throw_problems(source_name, std::move(problems));
  }
  const toml::table root = parse_toml(text, source_name);
  Validator validator;
  Config config = validator.run(root);
  if (auto problems = validator.take_problems(); !problems.empty()) {
    throw_problems(source_name, std::move(problems));
  }
  return config;
}

}  // namespace dormlink
