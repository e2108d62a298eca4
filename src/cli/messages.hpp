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
inline constexpr Message chain_not_verified{"the chain was not verified", "未校验记录链"};
inline constexpr Message verify_failed{"verify: FAILED at record {}: {}\n", "校验：在记录 {} 处失败：{}\n"};
inline constexpr Message verify_intact_before{"verify: {} records before it are intact\n",
                                              "校验：其前 {} 条记录完好\n"};
inline constexpr Message verify_ok{"verify: {} records intact; chain head {}; {}\n",
                                   "校验：{} 条记录完好；链头 {}；{}\n"};
// English plurals are arguments ("s" or ""); Chinese leaves them out with an empty field ({1:.0}).
inline constexpr Message verify_anchors{"agrees with {} submission{}, {} backup{} and {} given head{}",
                                        "与 {0} 份已提交表格{1:.0}、{2} 份备份{3:.0}和 {4} 个给定链头{5:.0}一致"};
inline constexpr Message backup_to_terminal{
    "backup - writes the database to standard output, which is a terminal; redirect it: dormlink backup - > copy.db",
    "backup - 把数据库写到标准输出，而标准输出是终端；请重定向：dormlink backup - > copy.db"};
inline constexpr Message backup_stdout_name{"<stdout>", "<标准输出>"};
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

// Files read and written (io.cpp, context.cpp).
inline constexpr Message cannot_create_file{"cannot create {}: {}", "无法创建 {}：{}"};
inline constexpr Message cannot_write_file{"cannot write {}: {}", "无法写入 {}：{}"};
inline constexpr Message cannot_read_file{"cannot read {}: {}", "无法读取 {}：{}"};
inline constexpr Message write_failed{"write failed", "写入失败"};
inline constexpr Message cannot_read_stream{"cannot read {}", "无法读取 {}"};
inline constexpr Message does_not_exist{"{} does not exist", "{} 不存在"};
inline constexpr Message file_too_large{
    "{} is larger than {}, the limit per input file; is this the right file? If it is, split it or raise [limits] "
    "max_file_mib in the config",
    "{} 超过 {}（每个输入文件的上限）；文件选对了吗？若没错，请拆分文件或调高配置中的 [limits] max_file_mib"};
inline constexpr Message input_remedy{"pass a roster or records CSV file, or - to read standard input",
                                      "请给出名册或记录的 CSV 文件，或用 - 从标准输入读取"};
inline constexpr Message never_write_there{
    "{} is {} ({}); dormlink never writes output there, even with --force: choose another file",
    "{} 是{}（{}）；dormlink 从不向其写入输出，即使加 --force：请换一个文件"};
inline constexpr Words the_database{"正在使用的数据库", "the database"};
inline constexpr Words the_wal{"数据库的预写日志", "the database's write-ahead log"};
inline constexpr Words the_shm{"数据库的共享内存文件", "the database's shared-memory file"};
inline constexpr Words the_journal{"数据库的日志文件", "the database's journal"};
inline constexpr Words the_config{"正在使用的配置文件", "the config in use"};
inline constexpr Message exists_pass_force{"{} already exists; pass --force to overwrite it",
                                           "{} 已存在；如要覆盖请加 --force"};
inline constexpr Message exists_not_overwritten{"{} already exists; it was not overwritten", "{} 已存在；未覆盖"};
inline constexpr Message not_a_directory{"{} {} is not a directory; choose a directory",
                                         "{} {} 不是目录；请指定一个目录"};
inline constexpr Message parent_not_directory{"{} is not a directory; choose another place for {}",
                                              "{} 不是目录；请为 {} 换一个位置"};
inline constexpr Message cannot_make_directory{"cannot create the directory {}: {}", "无法创建目录 {}：{}"};
inline constexpr Message stdout_failed{"cannot write to standard output: {}", "无法写入标准输出：{}"};
inline constexpr Message stdout_failed_after{
    "{}, but writing to standard output failed ({}), so what it printed is missing or cut short; the change stands: "
    "do not run the command again",
    "{}，但写入标准输出失败（{}），所以输出缺失或不完整；改动已生效：请不要重新运行该命令"};
inline constexpr Message unknown_encoding{"--encoding {} is not known; use utf-8, gbk, gb18030 or utf-16",
                                          "--encoding {} 无法识别；请用 utf-8、gbk、gb18030 或 utf-16"};
inline constexpr Message as_of_not_date{"--as-of {} is not a date; use YYYY-MM-DD, e.g. 2026-09-07",
                                        "--as-of {} 不是日期；请写成 YYYY-MM-DD，如 2026-09-07"};
inline constexpr Message no_stdin{"- means standard input, but there is none", "- 表示标准输入，但没有标准输入"};
inline constexpr Message database_readable{
    "dormlink: warning: {} can be read by other users (mode {:04o}); it holds personal data: chmod 600 {}\n",
    "dormlink: 警告：{} 其他用户可读（权限 {:04o}）；其中有个人信息：请运行 chmod 600 {}\n"};

// Receipts of a saved record (log-visit, withdraw, purge).
inline constexpr Message record_saved{"saved record #{} · {}  {} {} {} {}\n", "已保存记录 #{} · {}  {} {} {} {}\n"};
inline constexpr Message pointer_saved{"saved record #{} · {}  {} #{}{}\n", "已保存记录 #{} · {}  {} #{}{}\n"};
inline constexpr Message erased_from_forms{"; erased from {} submitted form{}",
                                           "；已从 {0} 份已报送的反馈表中清除{1:.0}"};
inline constexpr Message one_record_saved{"saved record #{}; chain head {}\n", "已保存记录 #{}；链头 {}\n"};
inline constexpr Message records_saved{"saved {} records #{}-#{}; chain head {}\n",
                                       "已保存 {} 条记录 #{}–#{}；链头 {}\n"};
inline constexpr Message identical_record{"an identical record already exists: #{}", "已有相同的记录：#{}"};
inline constexpr Message nothing_saved{"dormlink: nothing was saved\n", "dormlink：没有保存任何记录\n"};
// Confirmation of irreversible or sweeping changes (confirm.cpp).
inline constexpr Message needs_yes{"{}; nothing was changed: confirm with --yes", "{}；未做任何更改：确认请加 --yes"};
inline constexpr Message confirm_question{"Go ahead? [y/N]", "确定继续？[y/N]"};
inline constexpr Message not_confirmed{"not confirmed; nothing was changed", "未确认；未做任何更改"};
inline constexpr Message purge_what{
    "purge erases the personal text of record #{} for good (its hash stays in the chain)",
    "purge 将永久清除记录 #{} 的个人文字（哈希仍留在链中）"};
inline constexpr Message departures_what{
    "{}: {} of the {} {} now on the roster are missing from the file and would be marked as left (pass "
    "--keep-missing for a partial roster)",
    "{0}：名册上现有的 {2} 名{3}中，有 {1} 名不在文件里，将被标记为离开（部分名册请加 --keep-missing）"};
inline constexpr Message no_record{"there is no record #{}", "没有记录 #{}"};
inline constexpr Message already_superseded{"record #{} was already corrected or withdrawn by #{}",
                                            "记录 #{} 已被 #{} 更正或撤回"};
inline constexpr Message already_purged{"record #{} is already purged", "记录 #{} 已被清除"};
inline constexpr Message reason_required{"--reason is required: say why", "需要 --reason：请说明原因"};

// --semester (assessment_support.cpp): given, or the default every command shares.
inline constexpr Message no_such_semester{"--semester {}: no such semester in {}", "--semester {}：{} 中没有这个学期"};
inline constexpr Message semester_needed{
    "no --semester given, and {} is in no semester nor within {} days after one ended (close_out_days); pass "
    "--semester ID ({})",
    "没有给出 --semester，而 {} 既不在任何学期内，也不在某学期结束后的 {} 天内（close_out_days）；请用 --semester "
    "指定（{}）"};

// import (cmd_import.cpp).
inline constexpr Message semester_unknown{"--semester {} is not in the config (known: {})",
                                          "--semester {} 不在配置中（已有：{}）"};
inline constexpr Words none_known{"无", "none"};
inline constexpr Message import_far_ahead{
    "the import would take effect on {}, {} days after today ({}); an import more than {} days ahead is refused, "
    "because no later import could then take effect before it. Check --as-of; if {} is right, add --force "
    "(--dry-run shows the import first)",
    "此次导入将于 {0} 生效，在今天（{2}）之后 {1} 天；超过 {3} 天的导入会被拒绝，因为之后的导入都无法在它之前生效。"
    "请检查 --as-of；若 {4} 无误，请加 --force（可先用 --dry-run 查看）"};
inline constexpr Words students_roster{"学生", "students"};
inline constexpr Words dorms_roster{"寝室", "dorms"};
inline constexpr Words staff_roster{"教职工", "staff"};
inline constexpr Message roster_imported{"the {} roster {} was imported, effective {}", "{}名册 {} 已导入，{} 起生效"};
inline constexpr Message batch_undone{"import batch #{} was undone as batch #{}",
                                      "导入批次 #{} 已撤销（撤销批次 #{}）"};

// Who --member, --counselor and --branch name (lookup.cpp).
inline constexpr Message holds_no_dorm{
    "--member {}: {} {} holds no dorm in any assignment of {}; a feedback form is a member's (for a resident's "
    "contacts see `dormlink check --member`)",
    "--member {}：{} {} 在 {} 学期的任何分配中都没有联系寝室；反馈表是党员填写的（寝室成员的联系情况见 `dormlink check "
    "--member`）"};
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
