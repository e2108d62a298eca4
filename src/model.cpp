#include "dormlink/model.hpp"

#include <algorithm>
#include <array>

#include "dormlink/util/text.hpp"

namespace dormlink {
namespace {

// One enum value with its database key, labels and extra roster spellings.
template <typename Enum>
struct Spelling {
  Enum value;
  std::string_view key;
  std::string_view zh;
  std::string_view en;
  std::array<std::string_view, 4> variants;
};

constexpr std::array<Spelling<Gender>, 2> k_genders{{
    {Gender::male, "male", "男", "male", {"m", "男性", "男生", ""}},
    {Gender::female, "female", "女", "female", {"f", "女性", "女生", ""}},
}};

constexpr std::array<Spelling<PoliticalStatus>, 6> k_statuses{{
    {PoliticalStatus::party_member, "party_member", "中共党员", "Party member", {"党员", "正式党员", "member", ""}},
    {PoliticalStatus::probationary_member,
     "probationary_member",
     "中共预备党员",
     "probationary member",
     {"预备党员", "probationary", ""}},
    {PoliticalStatus::candidate, "candidate", "发展对象", "candidate", {"党员发展对象", "入党发展对象", "", ""}},
    {PoliticalStatus::activist, "activist", "入党积极分子", "activist", {"积极分子", "", "", ""}},
    {PoliticalStatus::league_member,
     "league_member",
     "共青团员",
     "League member",
     {"团员", "中国共产主义青年团团员", "", ""}},
    {PoliticalStatus::masses, "masses", "群众", "masses", {"无", "", "", ""}},
}};

constexpr std::array<Spelling<AttentionCategory>, 4> k_attention{{
    {AttentionCategory::family_hardship,
     "family_hardship",
     "家庭经济困难",
     "family economic hardship",
     {"经济困难", "家庭困难", "", ""}},
    {AttentionCategory::low_motivation,
     "low_motivation",
     "学习积极性较差",
     "low motivation to study",
     {"学习积极性差", "学习困难", "学业困难", ""}},
    {AttentionCategory::psychological,
     "psychological",
     "心理素质较差",
     "psychological fragility",
     {"心理素质差", "心理问题", "心理", ""}},
    {AttentionCategory::self_discipline,
     "self_discipline",
     "自我约束能力较差",
     "poor self-discipline",
     {"自我约束能力差", "自律性差", "", ""}},
}};

constexpr std::array<Spelling<StaffRole>, 4> k_roles{{
    {StaffRole::counselor, "counselor", "辅导员", "counselor", {"", "", "", ""}},
    {StaffRole::head_teacher, "head_teacher", "班主任", "head teacher", {"head teacher", "", "", ""}},
    {StaffRole::branch_secretary,
     "branch_secretary",
     "支部书记",
     "branch secretary",
     {"党支部书记", "branch secretary", "书记", ""}},
    {StaffRole::inspector, "inspector", "检查组", "inspector", {"检查组成员", "督查组", "inspection group", ""}},
}};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

// Finds the entry whose key, labels or variants equal the normalised text.
template <typename Enum, std::size_t N>
std::optional<Enum> parse_spelling(const std::array<Spelling<Enum>, N>& table, std::string_view text) {
  auto wanted = lower_ascii(util::normalize_code(text));
  if (wanted.empty()) return std::nullopt;
  for (const auto& s : table) {
    if (wanted == s.key || wanted == s.zh || wanted == lower_ascii(s.en)) return s.value;
    for (auto v : s.variants) {
      if (!v.empty() && wanted == v) return s.value;
    }
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::optional<Enum> from_key(const std::array<Spelling<Enum>, N>& table, std::string_view k) {
  for (const auto& s : table) {
    if (s.key == k) return s.value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
const Spelling<Enum>& entry(const std::array<Spelling<Enum>, N>& table, Enum value) {
  for (const auto& s : table) {
    if (s.value == value) return s;
  }
  return table.front();
}

}  // namespace

bool is_member(PoliticalStatus status) {
  return status == PoliticalStatus::party_member || status == PoliticalStatus::probationary_member;
}

std::string_view key(Gender v) { return entry(k_genders, v).key; }
std::string_view key(PoliticalStatus v) { return entry(k_statuses, v).key; }
std::string_view key(AttentionCategory v) { return entry(k_attention, v).key; }
std::string_view key(StaffRole v) { return entry(k_roles, v).key; }
std::string_view label_zh(Gender v) { return entry(k_genders, v).zh; }
std::string_view label_zh(PoliticalStatus v) { return entry(k_statuses, v).zh; }
std::string_view label_zh(AttentionCategory v) { return entry(k_attention, v).zh; }
std::string_view label_zh(StaffRole v) { return entry(k_roles, v).zh; }
std::string_view label_en(Gender v) { return entry(k_genders, v).en; }
std::string_view label_en(PoliticalStatus v) { return entry(k_statuses, v).en; }
std::string_view label_en(AttentionCategory v) { return entry(k_attention, v).en; }
std::string_view label_en(StaffRole v) { return entry(k_roles, v).en; }

std::optional<Gender> parse_gender(std::string_view t) { return parse_spelling(k_genders, t); }
std::optional<PoliticalStatus> parse_political_status(std::string_view t) { return parse_spelling(k_statuses, t); }
std::optional<AttentionCategory> parse_attention_category(std::string_view t) { return parse_spelling(k_attention, t); }
std::optional<StaffRole> parse_staff_role(std::string_view t) { return parse_spelling(k_roles, t); }

std::optional<Gender> gender_from_key(std::string_view k) { return from_key(k_genders, k); }
std::optional<PoliticalStatus> political_status_from_key(std::string_view k) { return from_key(k_statuses, k); }
std::optional<AttentionCategory> attention_from_key(std::string_view k) { return from_key(k_attention, k); }
std::optional<StaffRole> staff_role_from_key(std::string_view k) { return from_key(k_roles, k); }

std::string attention_choices_zh() {
  std::string out;
  for (const auto& s : k_attention) {
    if (!out.empty()) out += "、";
    out += s.zh;
  }
  return out;
}

std::vector<std::string_view> attention_spellings() {
  std::vector<std::string_view> out;
  for (const auto& s : k_attention) {
    out.insert(out.end(), {s.key, s.zh, s.en});
    for (auto v : s.variants) {
      if (!v.empty()) out.push_back(v);
    }
  }
  return out;
}

}  // namespace dormlink
