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

}  // namespace dormlink::cli::msg
