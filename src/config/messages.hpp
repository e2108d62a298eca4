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
inline constexpr Message expected_boolean{"expected true or false, found {}", "应为 true 或 false，实际为{}"};
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

// Reading the config file (load.cpp).
inline constexpr Message config_missing{
    "config file \"{}\" does not exist; run `dormlink init` to create one, or pass --config",
    "配置文件“{}”不存在；请运行 `dormlink init` 创建，或用 --config 指定"};
inline constexpr Message config_denied{"cannot read config file \"{}\": permission denied",
                                       "无法读取配置文件“{}”：权限不足"};
inline constexpr Message config_unreadable{"cannot read config file \"{}\": {}", "无法读取配置文件“{}”：{}"};
inline constexpr Message config_subject{"config file \"{}\"", "配置文件“{}”"};
inline constexpr Message pass_config{"pass the TOML config file with --config", "请用 --config 指定 TOML 配置文件"};

// Values the keys check (keys.cpp).
inline constexpr Message unknown_time_zone{"unknown time zone {}; use an IANA name such as \"Asia/Shanghai\"",
                                           "未知的时区 {}；请用 IANA 时区名，如 \"Asia/Shanghai\""};
inline constexpr Message bad_address{"the address {}", "地址有误：{}"};
inline constexpr Message ascii_id{"{} may contain only ASCII letters, digits, \"-\" and \"_\"",
                                  "{} 只能包含 ASCII 字母、数字、“-”和“_”"};

// The raw-text pre-check (precheck.cpp), each at its line:column.
inline constexpr Message code_point{"\"{}\" (U+{:04X})", "“{}”（U+{:04X}）"};
inline constexpr Message control_character{"control character U+{:04X} is not allowed; delete it",
                                           "不允许出现控制字符 U+{:04X}；请删除"};
inline constexpr Message lone_carriage_return{"a carriage return (U+000D) must be followed by a line feed",
                                              "回车符（U+000D）之后必须紧跟换行符"};
inline constexpr Message invalid_utf8{"invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                                      "无效的 UTF-8（字节 0x{:02X}）；请把文件保存为 UTF-8"};
inline constexpr Message invalid_utf8_count{
    "invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8 ({} such bytes in all)",
    "无效的 UTF-8（字节 0x{:02X}）；请把文件保存为 UTF-8（共有 {} 个这样的字节）"};
inline constexpr Message invalid_escape{"invalid escape: a backslash before {}; delete the backslash",
                                        "无效的转义：{} 前有反斜杠；请删除该反斜杠"};
inline constexpr Message after_continuation{
    "{} after a line-ending backslash; start the continued text with an ASCII character or remove the backslash",
    "行末反斜杠之后是 {}；续行的文字请以 ASCII 字符开头，或删除该反斜杠"};
// "}}" is one "}" once formatted.
inline constexpr Message brace_in_array{"\"}}\" inside an array; an array ends with \"]\"",
                                        "数组中出现了“}}”；数组应以“]”结束"};
inline constexpr Message header_needs_name{"a table header needs a name after \"{}\" on the same line, found {}",
                                           "表头的“{}”之后须在同一行写出名称，实际为{}"};
inline constexpr Words end_of_file{"文件末尾", "the end of the file"};
inline constexpr Words end_of_line{"行尾", "the end of the line"};
inline constexpr Words non_utf8_byte{"非 UTF-8 字节", "a byte that is not UTF-8"};
inline constexpr Message quoted_character{"\"{}\"", "“{}”"};
inline constexpr Message date_t_needs_time{"{}: a date and \"T\" must be followed by a time (HH:MM:SS)",
                                           "{}：日期和“T”之后必须跟时间（HH:MM:SS）"};
inline constexpr Message lone_digit{
    "{} followed by the lone digit \"{}\"; write a time as HH:MM:SS or delete the digit",
    "{} 之后跟着单独的数字“{}”；请把时间写成 HH:MM:SS，或删除该数字"};
inline constexpr Message invisible_outside{"invisible character U+{:04X} outside a string; delete it",
                                           "字符串之外有不可见字符 U+{:04X}；请删除"};
inline constexpr Message full_width_outside{"full-width {} outside a string; type the ASCII \"{}\"",
                                            "字符串之外有全角字符 {}；请改用 ASCII 的“{}”"};
inline constexpr Message non_ascii_outside{
    "{} outside a string or comment; only ASCII may appear there (put text in quotes)",
    "字符串或注释之外出现了 {}；那里只能有 ASCII 字符（文字请放在引号中）"};

}  // namespace dormlink::config_detail::msg
