#pragma once
// The people and places of the scheme, as REQUIREMENTS' glossary names them, with the
// zh/en labels and the spellings accepted in rosters.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dormlink {

enum class Gender { male, female };

// 政治面貌. party_member and probationary_member are "members" (学生党员).
enum class PoliticalStatus {
  party_member,         // 中共党员
  probationary_member,  // 中共预备党员
  candidate,            // 发展对象 (Party development target)
  activist,             // 入党积极分子
  league_member,        // 共青团员
  masses,               // 群众
};

// 重点关注 categories, REQUIREMENTS §2. Sensitive: never echoed in messages or logs.
enum class AttentionCategory {
  family_hardship,  // 家庭经济困难
  low_motivation,   // 学习积极性较差
  psychological,    // 心理素质较差
  self_discipline,  // 自我约束能力较差
};

// Staff roles that receive forms, escalations or run inspections.
enum class StaffRole {
  counselor,         // 辅导员
  head_teacher,      // 班主任
  branch_secretary,  // 支部书记
  inspector,         // 检查组
};

// True for 中共党员 and 中共预备党员.
bool is_member(PoliticalStatus status);

// Canonical key (English, used in the database and --format json) and zh/en labels.
std::string_view key(Gender value);
std::string_view key(PoliticalStatus value);
std::string_view key(AttentionCategory value);
std::string_view key(StaffRole value);
std::string_view label_zh(Gender value);
std::string_view label_zh(PoliticalStatus value);
std::string_view label_zh(AttentionCategory value);
std::string_view label_zh(StaffRole value);
std::string_view label_en(Gender value);
std::string_view label_en(PoliticalStatus value);
std::string_view label_en(AttentionCategory value);
std::string_view label_en(StaffRole value);

// Roster spellings (trimmed, NFKC'd, case-insensitive for Latin): canonical keys, Chinese
// labels and common variants. nullopt when not recognised.
std::optional<Gender> parse_gender(std::string_view text);
std::optional<PoliticalStatus> parse_political_status(std::string_view text);
std::optional<AttentionCategory> parse_attention_category(std::string_view text);
std::optional<StaffRole> parse_staff_role(std::string_view text);

// Parses from a canonical key only (database values); nullopt when unknown.
std::optional<Gender> gender_from_key(std::string_view key);
std::optional<PoliticalStatus> political_status_from_key(std::string_view key);
std::optional<AttentionCategory> attention_from_key(std::string_view key);
std::optional<StaffRole> staff_role_from_key(std::string_view key);

// The accepted Chinese spellings of each category, for hints ("use one of: ...").
std::string attention_choices_zh();

// Every spelling of every attention category: keys, zh and en labels and the roster variants.
// Messages must never show one (message.hpp keeps them out).
std::vector<std::string_view> attention_spellings();

// A dorm room's identity: building + room; code() is "building-room", e.g. "8-305".
struct DormCode {
  std::string building;
  std::string room;
  std::string code() const { return building + "-" + room; }
  bool operator==(const DormCode&) const = default;
};

// Parses "8-305", "8栋305", "8号楼305室", "8#305", "8幢-305" (NFKC'd first); nullopt when
// it is not a building followed by a room number.
std::optional<DormCode> parse_dorm_code(std::string_view text);
// Builds a code from separate building and room columns ("8号楼", "305室").
std::optional<DormCode> make_dorm_code(std::string_view building, std::string_view room);

}  // namespace dormlink
