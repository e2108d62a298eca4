#pragma once
// The CLI's own messages in both languages (docs/messages.md): the error line, the command
// line's mistakes, help, and the status lines of init, migrate, verify and backup. Each entry
// is checked when compiled (language.hpp, Message).

#include "dormlink/language.hpp"

namespace dormlink::cli::msg {

// The last line of every failing command, and what a located problem is prefixed with.
inline constexpr Message error_line{"dormlink: error: {}\n", "dormlink: 错误：{}\n"};
inline constexpr Message internal_error{"dormlink: internal error: {}\n", "dormlink: 内部错误：{}\n"};
inline constexpr Message out_of_memory{"dormlink: error: out of memory\n", "dormlink: 错误：内存不足\n"};

// The command line.
inline constexpr Message choose_command{"choose a command; see `dormlink help`",
                                        "请指定一个命令；可运行 `dormlink help` 查看"};
inline constexpr Message unknown_command_suggest{
    "unknown command '{}' — did you mean '{}'? (`dormlink help` lists them)",
    "未知命令“{}”——是否想输入“{}”？（`dormlink help` 列出全部命令）"};
inline constexpr Message unknown_command{"unknown command '{}'; the commands are: {}",
                                         "未知命令“{}”；可用的命令有：{}"};
inline constexpr Message unknown_subcommand_suggest{
    "unknown command '{} {}' — did you mean '{} {}'? (`dormlink help {}` lists them)",
    "未知命令“{} {}”——是否想输入“{} {}”？（`dormlink help {}` 列出全部子命令）"};
inline constexpr Message unknown_subcommand{"unknown command '{} {}'; its commands are: {}",
                                            "未知命令“{} {}”；其子命令有：{}"};
inline constexpr Message command_line{"the command line: {}", "命令行有误：{}"};
inline constexpr Message not_utf8{"{} {}; type it again in a UTF-8 terminal", "{} {}；请在 UTF-8 终端中重新输入"};
inline constexpr Message command_line_not_utf8{"the command line is not valid UTF-8; nothing was done",
                                               "命令行不是有效的 UTF-8 文本；未做任何操作"};
inline constexpr Message help_summary{"Show help for dormlink or for a command: dormlink help [COMMAND...]",
                                      "显示 dormlink 或某个命令的帮助：dormlink help [命令...]"};

// Status lines (standard error).
inline constexpr Message created_database{"created database {} (schema {}, mode 0600)\n",
                                          "已创建数据库 {}（结构版本 {}，权限 0600）\n"};
inline constexpr Message kept_config{"kept existing config {}\n", "保留已有配置文件 {}\n"};
inline constexpr Message wrote_config{"wrote config {}; check its calendar against the college's\n",
                                      "已写入配置文件 {}；请对照学院校历核对其中的学期安排\n"};
inline constexpr Message schema_version{"{}: schema version {}\n", "{}：结构版本 {}\n"};
inline constexpr Message backup_done{"backup: {} -> {}: {} records, chain head {}, {} bytes (integrity ok)\n",
                                     "备份：{} -> {}：{} 条记录，链头 {}，{} 字节（完整性检查通过）\n"};
inline constexpr Message verify_failed{"verify: FAILED at record {}: {}\n", "校验：在记录 {} 处失败：{}\n"};
inline constexpr Message verify_intact_before{"verify: {} records before it are intact\n",
                                              "校验：其前 {} 条记录完好\n"};
inline constexpr Message verify_ok{"verify: {} records intact; chain head {}; {}\n",
                                   "校验：{} 条记录完好；链头 {}；{}\n"};
// English plurals are arguments ("s" or ""); Chinese leaves them out with an empty field ({1:.0}).
inline constexpr Message verify_anchors{"agrees with {} submission{}, {} backup{} and {} given head{}",
                                        "与 {0} 份已提交表格{1:.0}、{2} 份备份{3:.0}和 {4} 个给定链头{5:.0}一致"};
inline constexpr Message no_head{"(none)", "（无）"};
inline constexpr Message expect_head_hex{
    "--expect-head \"{}\": the head is 8 to 64 hex digits, as printed on a form or by verify (e.g. 8f3a0c1d or "
    "8f3a0c1d@1234)",
    "--expect-head \"{}\"：链头是 8 到 64 位十六进制数字，即表格上或 verify 打印的那一串（如 8f3a0c1d 或 "
    "8f3a0c1d@1234）"};
inline constexpr Message expect_head_count{
    "--expect-head \"{}\": after @ comes the number of records the head was printed with, 1 or more (e.g. "
    "8f3a0c1d@1234)",
    "--expect-head \"{}\"：@ 之后是打印该链头时的记录条数，至少为 1（如 8f3a0c1d@1234）"};
// The anchor a given head is, as verify names it in a finding.
inline constexpr Message expect_head_anchor{"--expect-head {}", "给定链头 --expect-head {}"};

// Who --member, --counselor and --branch name (lookup.cpp).
inline constexpr Message no_member_or_resident{"--member {}: no member or resident of {} has that id or name",
                                               "--member {}：{} 学期没有这个学号或姓名的党员或寝室成员"};
inline constexpr Message students_share_name{"--member {}: {} students have that name ({}); give the student id",
                                             "--member {}：有 {} 名学生同名（{}）；请给出学号"};
inline constexpr Message no_counselor{"--counselor {}: no counselor on the staff roster has that id or name",
                                      "--counselor {}：教职工名册上没有这个工号或姓名的辅导员"};
inline constexpr Message counselors_share_name{"--counselor {}: {} counselors have that name ({}); give the staff id",
                                               "--counselor {}：有 {} 名辅导员同名（{}）；请给出工号"};
inline constexpr Message no_branch{"--branch {}: no member of {} is in a branch of that name; the branches are: {}",
                                   "--branch {}：{} 学期没有党员属于这个名称的支部；现有支部：{}"};
inline constexpr Message several_branches{"--branch {}: {} branches match ({}); give more of the name",
                                          "--branch {}：有 {} 个支部符合（{}）；请写出更完整的名称"};

// log-visit: a typed student or dorm the rosters of the record's day lack, on them from a later day.
inline constexpr Message no_dorm_until{
    "{} {}: dorm {} is on the rosters only from {} (import batch #{}); the record is of {}. Import the rosters with "
    "--as-of on or before that day (a new database: `dormlink import undo {}`, then import again with an earlier "
    "--as-of)",
    "{} {}：寝室 {} 自 {} 起才在名册上（导入批次 #{}），而记录的日期是 {}。请用不晚于该日的 --as-of 导入名册"
    "（新建的数据库：先 `dormlink import undo {}`，再以更早的 --as-of 重新导入）"};
inline constexpr Message no_student_until{
    "{} {}: {} {} is on the rosters only from {} (import batch #{}); the record is of {}. Import the rosters "
    "with --as-of on or before that day (a new database: `dormlink import undo {}`, then import again with an "
    "earlier --as-of)",
    "{} {}：{} {} 自 {} 起才在名册上（导入批次 #{}），而记录的日期是 {}。请用不晚于该日的 --as-of 导入名册"
    "（新建的数据库：先 `dormlink import undo {}`，再以更早的 --as-of 重新导入）"};

}  // namespace dormlink::cli::msg
