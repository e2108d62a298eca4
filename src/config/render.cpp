// The commented config `dormlink init` writes (render_config): every section from its key
// table, the calendar's semesters (or a commented example) and the assessment weights, each
// key with its value and a one-line comment.
#include "dormlink/config.hpp"

#include <array>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "dormlink/util/text.hpp"
#include "keys.hpp"
#include "precheck.hpp"

namespace dormlink::config_detail {
namespace {

// A TOML basic string; control and invisible characters are escaped so the file shows them.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    if (cp.length == 0) {
      out += "\\uFFFD";
      ++pos;
      continue;
    }
    pos += cp.length;
    const char32_t c = cp.value;
    if (c == U'"' || c == U'\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (is_forbidden_control(c) || c == U'\r' || c == U'\n' || c == U'\t' || is_invisible_format(c)) {
      out += fmt::format("\\u{:04X}", static_cast<std::uint32_t>(c));
    } else {
      util::append_utf8(out, c);
    }
  }
  return out + "\"";
}

// One "key = value  # comment" line, the comments aligned.
void append_line(std::string& out, std::string_view key, std::string_view value, std::string_view comment) {
  fmt::format_to(std::back_inserter(out), "{:<33} # {}\n", fmt::format("{} = {}", key, value), comment);
}

// A [section] with its comment and one commented line per key, from the key table.
template <class Section>
void render_section(std::string& out, const SectionSpec<Section>& spec, const Section& section) {
  fmt::format_to(std::back_inserter(out), "\n# {}\n[{}]\n", spec.comment, spec.name);
  for (const auto& key : spec.keys) {
    const std::string value = std::visit(
        [&section](auto member) -> std::string {
          using T = std::remove_cvref_t<decltype(section.*member)>;
          if constexpr (std::is_same_v<T, int>) {
            return fmt::format("{}", section.*member);
          } else if constexpr (std::is_same_v<T, bool>) {
            return section.*member ? "true" : "false";
          } else if constexpr (std::is_same_v<T, std::string>) {
            return toml_string(section.*member);
          } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            std::string list;
            for (const auto& item : section.*member) list += (list.empty() ? "" : ", ") + toml_string(item);
            return "[" + list + "]";
          } else {
            return fmt::format("\"{}\"", enum_name(section.*member));
          }
        },
        key.field);
    append_line(out, key.name, value, key.comment);
  }
}

std::string week_list(const std::vector<int>& weeks) { return fmt::format("[{}]", fmt::join(weeks, ", ")); }

// The semesters as [[calendar.semester]] blocks; with none, a commented example block.
void render_calendar(std::string& out, const Calendar& calendar) {
  out +=
      "\n# The college calendar (校历): one [[calendar.semester]] block per semester;\n"
      "# teaching week 1 starts on first_monday; holiday and exam weeks carry no duties.\n";
  if (calendar.semesters.empty()) {
    out +=
        "# No semesters yet. For example:\n# [[calendar.semester]]\n# id = \"2026-autumn\"\n"
        "# name = \"2026—2027学年第一学期\"\n# first_monday = 2026-09-07\n"
        "# teaching_weeks = 18\n# holiday_weeks = [4]\n# exam_weeks = [17, 18]\n";
    return;
  }
  for (const Semester& s : calendar.semesters) {
    if (&s != &calendar.semesters.front()) out += '\n';
    out += dormlink::render_semester(s);
  }
}

// [assessment.weights], the components in their fixed order.
void render_weights(std::string& out, const AssessmentConfig& assessment) {
  out +=
      "\n# Assessment components in points (考核权重); all eight, summing to 100\n"
      "[assessment.weights]\n";
  for (const auto& [name, comment] : k_weight_components) {
    const auto it = assessment.weights.find(std::string(name));
    append_line(out, name, fmt::format("{}", it == assessment.weights.end() ? 0 : it->second), comment);
  }
}

}  // namespace
}  // namespace dormlink::config_detail

namespace dormlink {

std::string render_semester(const Semester& s) {
  using namespace config_detail;
  std::string out = "[[calendar.semester]]\n";
  const std::array<std::string, 6> values{toml_string(s.id),           toml_string(s.name),
                                          format_date(s.first_monday), fmt::format("{}", s.teaching_weeks),
                                          week_list(s.holiday_weeks),  week_list(s.exam_weeks)};
  for (std::size_t i = 0; i < values.size(); ++i) {
    append_line(out, k_semester_keys[i].first, values[i], k_semester_keys[i].second);
  }
  return out;
}

std::string render_config(const Config& config) {
  using namespace config_detail;
  std::string out =
      "# dormlink config: the rules of 学生党员联系寝室制度 (student Party members\n"
      "# contact dormitories). Every key is optional; a missing key takes the default.\n"
      "# Each key is explained in docs/config.md.\n";
  render_section(out, k_college, config.college);
  render_calendar(out, config.calendar);
  render_section(out, k_assignment, config.assignment);
  render_section(out, k_duties, config.duties);
  render_section(out, k_reporting, config.reporting);
  render_section(out, k_forms, config.forms);
  render_section(out, k_check, config.check);
  render_section(out, k_inspection, config.inspection);
  render_section(out, k_assessment, config.assessment);
  render_weights(out, config.assessment);
  render_section(out, k_privacy, config.privacy);
  render_section(out, k_limits, config.limits);
  render_section(out, k_notify, config.notify);
  render_section(out, k_studio, config.studio);
  return out;
}

}  // namespace dormlink
