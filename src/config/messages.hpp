#pragma once
// The config module's messages in both languages (docs/messages.md): what a rules file is told,
// each at its file:line:col as before. Key names, section names and values stay as typed.

#include "dormlink/language.hpp"

namespace dormlink::config_detail::msg {

inline constexpr Words a_table{"表（table）", "a table"};
inline constexpr Words an_array{"数组", "an array"};
inline constexpr Words a_string{"字符串", "a string"};
inline constexpr Words an_integer{"整数", "an integer"};
inline constexpr Words a_float{"小数", "a float"};
inline constexpr Words a_boolean{"布尔值", "a boolean"};
inline constexpr Words a_date{"日期", "a date"};
inline constexpr Words a_time{"时间", "a time"};
inline constexpr Words a_date_time{"日期时间", "a date-time"};
inline constexpr Words nothing{"空", "nothing"};
inline constexpr Message a_string_value{"a string ({})", "字符串（{}）"};

inline constexpr Message at_path{"{}: {}", "{}：{}"};
inline constexpr Words top_level{"顶层", "at the top level"};
inline constexpr Message in_section{"in {}", "{} 中"};
inline constexpr Message unknown_key{"unknown key {} {}", "{1}有未知的键 {0}"};
inline constexpr Message belongs_in{"; it belongs in {}", "；它应放在 {} 中"};
inline constexpr Message did_you_mean{"; did you mean \"{}\"?", "；是否想写“{}”？"};
inline constexpr Message known_keys{"; known keys: {}", "；已知的键：{}"};
inline constexpr Message expected_integer{"expected an integer, found {}", "应为整数，实际为{}"};
inline constexpr Message not_between{"{} is not between {} and {}", "{} 不在 {} 到 {} 之间"};
inline constexpr Message expected_string{"expected a string, found {}", "应为字符串，实际为{}"};
inline constexpr Message expected_string_array{"expected an array of strings, found {}", "应为字符串数组，实际为{}"};
inline constexpr Message must_not_be_empty{"it must not be empty", "不能为空"};
inline constexpr Message not_allowed{"{} is not allowed; use one of {}", "不允许 {}；请使用以下之一：{}"};
inline constexpr Message expected_semesters{"expected [[calendar.semester]] blocks (an array of tables), found {}",
                                            "应为 [[calendar.semester]] 块（表的数组），实际为{}"};
inline constexpr Message expected_table{"expected a table, found {}", "应为表（table），实际为{}"};
inline constexpr Message key_missing{"{}: \"{}\" is missing", "{}：缺少“{}”"};
inline constexpr Message holiday_and_exam{"week {} is both a holiday week and an exam week",
                                          "第 {} 周既是假期周又是考试周"};
inline constexpr Message not_a_real_day{"{:04}-{:02}-{:02} is not a real day", "{:04}-{:02}-{:02} 不是真实存在的日期"};
inline constexpr Message not_a_date{"{} is not a date; write YYYY-MM-DD, e.g. 2026-09-07",
                                    "{} 不是日期；请写成 YYYY-MM-DD，如 2026-09-07"};
inline constexpr Message expected_date{"expected a date (YYYY-MM-DD), found {}", "应为日期（YYYY-MM-DD），实际为{}"};
inline constexpr Message not_monday{"{} is a {}, not a Monday; did you mean {}?", "{} 是{}，不是周一；是否想写 {}？"};
inline constexpr Message expected_weeks{"expected an array of week numbers, found {}", "应为周次数组，实际为{}"};
inline constexpr Message week_twice{"week {} is listed twice", "第 {} 周列了两次"};
inline constexpr Message id_taken{"calendar.semester[{}].id: {} is already the id of calendar.semester[{}]",
                                  "calendar.semester[{}].id：{} 已是 calendar.semester[{}] 的 id"};
inline constexpr Message semesters_overlap{"{}: semesters {} ({} to {}) and {} ({} to {}) overlap",
                                           "{}：学期 {}（{} 至 {}）与 {}（{} 至 {}）重叠"};
inline constexpr Message weights_missing{"assessment.weights: missing {}; list all eight: {}",
                                         "assessment.weights：缺少 {}；请列出全部八项：{}"};
inline constexpr Message weights_sum{"assessment.weights: the weights sum to {}; they must sum to 100",
                                     "assessment.weights：权重之和为 {}；必须等于 100"};
inline constexpr Message must_be{"{}: {} must be {} {} ({})", "{0}：{1} 必须{2}{3}（{4}）"};
inline constexpr Words above{"大于 ", "above"};
inline constexpr Words at_least{"不小于 ", "at least"};
inline constexpr Words below{"小于 ", "below"};
inline constexpr Words at_most{"不大于 ", "at most"};
inline constexpr Message further_not_shown{"further problems are not shown; fix these first",
                                           "其余问题未列出；请先改正以上问题"};
inline constexpr Message more_than{"more than {}", "超过 {}"};
inline constexpr Message config_problems{"{}: {} problem{} in the config; nothing was done",
                                         "{0}：配置中有 {1} 个问题{2:.0}；未做任何操作"};
inline constexpr Message syntax_while{"syntax error while parsing {}", "语法错误（解析 {} 时）"};
inline constexpr Message syntax{"syntax error: {}", "语法错误：{}"};

}  // namespace dormlink::config_detail::msg
