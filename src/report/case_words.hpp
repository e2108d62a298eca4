#pragma once
// The words of cases and of the database's enum keys in both languages (docs/check.md "Cases",
// docs/export.md): incident categories, severities, staff roles (reported to), to whom a concern
// is escalated, where a case stands. Shared by check, the digest, the summaries, the feedback
// form and export, so that a zh document never shows an English key (JSON keeps the keys).

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "dormlink/check/obligations.hpp"
#include "dormlink/language.hpp"

namespace dormlink::report::case_words {

// A database key and its words.
struct KeyWords {
  const char* key;
  Words words;
};

// records::IncidentCategory's order: zh as records::label_zh.
inline constexpr std::array<KeyWords, 8> k_categories{{{"gambling", {"赌博", "gambling"}},
                                                       {"fighting", {"打架", "fighting"}},
                                                       {"internet_addiction", {"上网成瘾", "internet addiction"}},
                                                       {"overnight_absence", {"私自在外住宿", "overnight absence"}},
                                                       {"banned_appliance", {"使用违规电器", "banned appliance"}},
                                                       {"unexcused_absence", {"无故旷课", "unexcused absence"}},
                                                       {"other_violation", {"其他违纪", "other violation"}},
                                                       {"emergency", {"突发事件", "emergency"}}}};
inline constexpr std::array<KeyWords, 3> k_severities{
    {{"low", {"轻", "low"}}, {"medium", {"一般", "medium"}}, {"high", {"严重", "high"}}}};
inline constexpr std::array<KeyWords, 4> k_roles{{{"counselor", {"辅导员", "counselor"}},
                                                  {"head_teacher", {"班主任", "head teacher"}},
                                                  {"branch_secretary", {"支部书记", "branch secretary"}},
                                                  {"inspector", {"检查组", "inspector"}}}};
inline constexpr std::array<KeyWords, 3> k_escalations{{{"counselor", {"辅导员", "counselor"}},
                                                        {"head_teacher", {"班主任", "head teacher"}},
                                                        {"leader", {"学院领导", "leader"}}}};
inline constexpr std::array<KeyWords, 4> k_stages{{{"reported", {"待确认", "not acknowledged"}},
                                                   {"acknowledged", {"已确认", "acknowledged"}},
                                                   {"action", {"处理中", "action taken"}},
                                                   {"closed", {"已结案", "closed"}}}};
// Record kinds and channels (export).
inline constexpr std::array<KeyWords, 15> k_kinds{{{"visit", {"走访", "visit"}},
                                                   {"talk", {"谈心", "talk"}},
                                                   {"symposium", {"座谈会", "symposium"}},
                                                   {"activity", {"参与寝室活动", "dorm activity"}},
                                                   {"orientation", {"新生入学教育", "orientation"}},
                                                   {"education", {"知党爱党教育", "education"}},
                                                   {"cultivation", {"培养入党积极分子", "cultivation"}},
                                                   {"other", {"其他", "other"}},
                                                   {"excused", {"因故未走访", "excused"}},
                                                   {"incident", {"特殊情况", "incident"}},
                                                   {"plan", {"工作计划", "work plan"}},
                                                   {"summary", {"学期总结", "semester summary"}},
                                                   {"correction", {"更正", "correction"}},
                                                   {"withdrawal", {"撤回", "withdrawal"}},
                                                   {"purge", {"隐私清除", "purge"}}}};
inline constexpr std::array<KeyWords, 4> k_channels{{{"in_person", {"当面", "in person"}},
                                                     {"phone", {"电话", "phone"}},
                                                     {"wechat", {"微信", "WeChat"}},
                                                     {"other", {"其他", "other"}}}};

// The words of `key` in a table, or the key itself when the table does not know it (a key a
// newer database added); "" stays "".
template <std::size_t N>
std::string word_of(const std::array<KeyWords, N>& table, std::string_view key, Language language) {
  for (const auto& k : table)
    if (key == k.key) return k.words(language);
  return std::string(key);
}

inline std::string category(std::string_view key, Language language) { return word_of(k_categories, key, language); }
inline std::string severity(std::string_view key, Language language) { return word_of(k_severities, key, language); }
inline std::string role(std::string_view key, Language language) { return word_of(k_roles, key, language); }
inline std::string escalation(std::string_view key, Language language) { return word_of(k_escalations, key, language); }
inline std::string stage(check::CaseStage stage, Language language) {
  return word_of(k_stages, check::to_string(stage), language);
}

// Everything else a case item says beside its numbers.
struct CaseLabels {
  Words concern_ack{"关注事项确认", "concern acknowledged"};
  Words concern_open{"关注事项结案", "concern closed"};
  Words concern_period{"#{} {}上报", "#{} raised {}"};  // case number, the day it was opened
  Words repeat{"重复（#{}）", "repeat of #{}"};
  Words claimed{"党员自报 {}", "member says reported {}"};
  Words acknowledged{"确认 {}", "acknowledged {}"};
  Words escalated{"上报{}", "to {}"};
  Words separator{"；", "; "};
};
inline constexpr CaseLabels k_labels{};

}  // namespace dormlink::report::case_words
