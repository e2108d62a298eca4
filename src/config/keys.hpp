#pragma once
// The one table of the config's sections and keys (docs/config.md): for each key the member of
// Config it sets, its range or check, and the comment render_config writes; the spellings of
// the enum values; which table a key name belongs to and the nearest known name to a typo.
// The defaults are the member initialisers of dormlink/config.hpp. Internal to src/config.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "dormlink/config.hpp"

namespace dormlink::config_detail {

// An enum value and its spelling in the config.
template <class E>
struct EnumName {
  E value;
  std::string_view name;
};

// The spellings of each enum the config holds.
std::span<const EnumName<Language>> names_of(Language);
std::span<const EnumName<Period>> names_of(Period);
std::span<const EnumName<DutyScope>> names_of(DutyScope);
std::span<const EnumName<Weekday>> names_of(Weekday);
std::span<const EnumName<FormDue>> names_of(FormDue);

// The config spelling of an enum value.
template <class E>
std::string_view enum_name(E value) {
  for (const auto& entry : names_of(value)) {
    if (entry.value == value) return entry.name;
  }
  return "?";
}

// The enum value with this config spelling, if any.
template <class E>
std::optional<E> enum_from_name(std::string_view name) {
  for (const auto& entry : names_of(E{})) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

// "a", "b", "c" (or a, b, c unquoted) for messages.
std::string join_names(std::span<const std::string_view> names, bool quote);

// The spellings of an enum's values, quoted, for "use one of ...".
template <class E>
std::string allowed_names(E value) {
  std::vector<std::string_view> names;
  for (const auto& entry : names_of(value)) names.push_back(entry.name);
  return join_names(names, true);
}

// What a key of a section holds.
template <class Section>
using Field =
    std::variant<int Section::*, bool Section::*, std::string Section::*, std::vector<std::string> Section::*,
                 Language Section::*, Period Section::*, DutyScope Section::*, Weekday Section::*, FormDue Section::*>;

// Checks a string value; returns the problem, or nullopt when the value is fine.
using StringCheck = std::optional<std::string> (*)(const std::string& value);

// One key: its name, the member it sets, the comment render_config writes (English with the
// Chinese term of the regulation), the allowed range for integers, a check for strings.
template <class Section>
struct KeySpec {
  std::string_view name;
  Field<Section> field;
  std::string_view comment;
  int min = 0;
  int max = 0;
  StringCheck check = nullptr;
};

// One [section]: its name, the comment above it, its keys.
template <class Section>
struct SectionSpec {
  std::string_view name;
  std::string_view comment;
  std::span<const KeySpec<Section>> keys;
};

// The string checks the semester keys use ([[calendar.semester]] has no key table).
std::optional<std::string> check_not_empty(const std::string& value);
std::optional<std::string> check_semester_id(const std::string& value);

// The sections with a key table, defined in keys.cpp.
extern const SectionSpec<CollegeConfig> k_college;
extern const SectionSpec<AssignmentConfig> k_assignment;
extern const SectionSpec<DutiesConfig> k_duties;
extern const SectionSpec<ReportingConfig> k_reporting;
extern const SectionSpec<FormsConfig> k_forms;
extern const SectionSpec<CheckConfig> k_check;
extern const SectionSpec<InspectionConfig> k_inspection;
extern const SectionSpec<AssessmentConfig> k_assessment;
extern const SectionSpec<PrivacyConfig> k_privacy;
extern const SectionSpec<LimitsConfig> k_limits;
extern const SectionSpec<NotifyConfig> k_notify;
extern const SectionSpec<StudioConfig> k_studio;

// A name and its comment: the assessment components, the keys of a semester block.
using NamedComment = std::pair<std::string_view, std::string_view>;

// The assessment components, in the order render_config writes them.
extern const std::array<NamedComment, 8> k_weight_components;

// The keys of a [[calendar.semester]] block.
extern const std::array<NamedComment, 6> k_semester_keys;

// The top-level tables.
extern const std::array<std::string_view, 13> k_section_names;

// The key names of a section, in table order.
template <class Section>
std::vector<std::string_view> key_names(const SectionSpec<Section>& spec) {
  std::vector<std::string_view> names;
  for (const auto& key : spec.keys) names.push_back(key.name);
  return names;
}

// The names of name-and-comment pairs, in order.
template <std::size_t N>
std::vector<std::string_view> first_names(const std::array<NamedComment, N>& pairs) {
  std::vector<std::string_view> names;
  for (const auto& pair : pairs) names.push_back(pair.first);
  return names;
}

bool contains(const std::vector<std::string_view>& names, std::string_view name);

// The table label ("[duties]") of the section a key name belongs to, if any.
std::optional<std::string> owner_of(std::string_view key);

// The known name closest to a misspelt one, when it is close enough to be a typo.
std::optional<std::string_view> nearest_name(std::string_view name, const std::vector<std::string_view>& known);

}  // namespace dormlink::config_detail
