#pragma once
// The store module's messages in both languages (docs/messages.md): what verify names and
// finds beyond the chain itself.

#include "dormlink/language.hpp"

namespace dormlink::store::msg {

// The anchors verify checks the chain against ("submission #7 (feedback of 2023110104, ...)").
// The kind as submission_kind words it.
inline constexpr Message submission_anchor{"submission #{} ({} of {}, period {}, {})",
                                           "已提交表格 #{0}（{2} 的{1}，第 {3} 期，{4}）"};
inline constexpr Words feedback_kind{"反馈表", "feedback"};
inline constexpr Words summary_kind{"汇总", "summary"};
inline constexpr Message backup_anchor{"backup #{} ({}, {})", "备份 #{}（{}，{}）"};
inline constexpr Message one_missing{"record #{} is missing", "缺少记录 #{}"};
inline constexpr Message several_missing{"records #{}-#{} are missing", "缺少记录 #{}-#{}"};
inline constexpr Message chain_starts_at{"{}: the chain starts at #{}", "{}：链从 #{} 开始"};
inline constexpr Message chain_goes{"{}: the chain goes from #{} to #{}", "{}：链从 #{} 直接跳到 #{}"};
inline constexpr Message text_altered{"record {} was altered: its text does not match its digest",
                                      "记录 {} 被改动过：其文字与摘要不符"};
inline constexpr Message talk_copy_differs{
    "record {}: check's copy of the students it names (table talk_student) differs from the record; the file was "
    "changed outside dormlink: restore the last good backup",
    "记录 {}：check 所用的谈心学生副本（talk_student 表）与该记录不符；文件曾在 dormlink "
    "之外被改动：请恢复最近一份完好的备份"};

// Opening, creating and writing the database file (database.cpp).
inline constexpr Message db_exists{"{} already exists; init never overwrites a database (choose another --db path)",
                                   "{} 已存在；init 从不覆盖数据库（请换一个 --db 路径）"};
inline constexpr Message cannot_create{"cannot create {}: {}", "无法创建 {}：{}"};
inline constexpr Message db_missing{
    "database {} does not exist; run `dormlink init` to create it, or pass --db / set DORMLINK_DB",
    "数据库 {} 不存在；请运行 `dormlink init` 创建，或用 --db / DORMLINK_DB 指定"};
inline constexpr Message cannot_read{"cannot read {}: {}", "无法读取 {}：{}"};
inline constexpr Message database_subject{"database {}", "数据库 {}"};
inline constexpr Message pass_database{"pass the dormlink database file with --db",
                                       "请用 --db 指定 dormlink 数据库文件"};
inline constexpr Message empty_db_file{
    "{} is an empty file, not a dormlink database; dormlink will not repair it (run `dormlink init` with a new --db "
    "path)",
    "{} 是空文件，不是 dormlink 数据库；dormlink 不会修复它（请用新的 --db 路径运行 `dormlink init`）"};
inline constexpr Message read_denied{"cannot read {}: permission denied", "无法读取 {}：权限不足"};
inline constexpr Message not_sqlite{
    "{} is not a SQLite database (is it a CSV or another file?); pass the dormlink database with --db",
    "{} 不是 SQLite 数据库（是不是 CSV 或别的文件？）；请用 --db 指定 dormlink 数据库"};
inline constexpr Message other_application{
    "{} is a SQLite database of another application (application_id {:#x}), not a dormlink database; it was not "
    "changed",
    "{} 是其他程序的 SQLite 数据库（application_id {:#x}），不是 dormlink 数据库；未做任何改动"};
inline constexpr Message schema_newer{"{} has schema version {}, newer than this dormlink ({}); upgrade dormlink",
                                      "{} 的结构版本为 {}，比当前 dormlink（{}）新；请升级 dormlink"};
inline constexpr Message schema_older{
    "{} has schema version {}, older than this dormlink ({}); run `dormlink migrate` first",
    "{} 的结构版本为 {}，比当前 dormlink（{}）旧；请先运行 `dormlink migrate`"};
inline constexpr Message disk_full_errno{"disk full while writing {} ({}); nothing was changed",
                                         "写入 {} 时磁盘已满（{}）；未做任何改动"};
inline constexpr Message cannot_write_disk{
    "cannot write {}: disk full, a file size limit or a failing disk; nothing was changed",
    "无法写入 {}：磁盘已满、超出文件大小限制或磁盘故障；未做任何改动"};
inline constexpr Message busy{
    "database {} is busy: another command is writing to it; nothing was changed, retry in a moment",
    "数据库 {} 正忙：另一个命令正在写入；未做任何改动，请稍后重试"};
inline constexpr Message disk_full{"disk full while writing {}; nothing was changed",
                                   "写入 {} 时磁盘已满；未做任何改动"};
inline constexpr Message io_error{"I/O error on {}: {}; nothing was changed", "{} 读写出错：{}；未做任何改动"};
inline constexpr Message damaged{
    "{} is damaged ({}); nothing was changed; `dormlink check` names the last good backup to restore",
    "{} 已损坏（{}）；未做任何改动；`dormlink check` 会指出可恢复的最近一份完好备份"};
inline constexpr Message read_only{"cannot write {}: it is read-only for this user", "无法写入 {}：对当前用户只读"};
inline constexpr Message cannot_open{
    "cannot open {} (or its -wal/-shm files): check the permissions of the file and its directory",
    "无法打开 {}（或其 -wal/-shm 文件）：请检查该文件及其所在目录的权限"};
inline constexpr Message database_error{"database error on {}: {}", "数据库 {} 出错：{}"};

// Backups (backup.cpp).
inline constexpr Message cannot_create_backup{"cannot create backup {}: {}", "无法创建备份 {}：{}"};
inline constexpr Message cannot_back_up{"cannot back up to {}: {}", "无法备份到 {}：{}"};
inline constexpr Message backup_not_written{"cannot back up to {}: {}; the backup was not written",
                                            "无法备份到 {}：{}；未写入备份"};
inline constexpr Message copy_not_intact{"the copy for {} failed integrity_check ({}); the backup was not written",
                                         "为 {} 制作的副本未通过 integrity_check（{}）；未写入备份"};
inline constexpr Message cannot_write_backup{"cannot write backup {}: {}", "无法写入备份 {}：{}"};
inline constexpr Message backup_exists{"{} already exists; it was not overwritten (use --force)",
                                       "{} 已存在；未覆盖（如要覆盖请加 --force）"};
inline constexpr Message backup_onto_database{"{} is the database itself; choose another backup path",
                                              "{} 就是数据库本身；请换一个备份路径"};
inline constexpr Message cannot_check_backup{"cannot check the backup {}: {}; it was not written",
                                             "无法检查备份 {}：{}；未写入备份"};

// Imports: their dates (batch.cpp) and undoing one (import_undo.cpp).
inline constexpr Message import_earlier{
    "{}: the database already holds roster changes effective {} (import batch #{}); an import cannot take effect "
    "earlier ({}); use --as-of {} or later, or, if that date was a mistake, undo it first: dormlink import undo {}",
    "{}：数据库中已有 {} 起生效的名册变动（导入批次 #{}）；导入不能更早生效（{}）；请用 --as-of {} "
    "或更晚的日期，若那个日期有误，请先撤销：dormlink import undo {}"};
inline constexpr Message no_batch{
    "there is no import batch #{}; `dormlink roster` lists the latest imports with their numbers",
    "没有导入批次 #{}；`dormlink roster` 会列出最近的导入及其编号"};
inline constexpr Message batch_is_undo{
    "batch #{} is itself the undo of batch #{}; an undo is not undone: import that file again instead",
    "批次 #{} 本身就是对批次 #{} 的撤销；撤销不能再撤销：请重新导入那个文件"};
inline constexpr Message batch_undone_already{"batch #{} was already undone by batch #{}",
                                              "批次 #{} 已被批次 #{} 撤销"};
// English: "stands" for one later batch, "stand" for several (an argument Chinese leaves out).
inline constexpr Message batch_not_latest{
    "batch #{} is not the latest import of its rosters: {} came after it and still stand{}; undo them first, latest "
    "first: dormlink import undo {}",
    "批次 #{0} 不是其名册的最近一次导入：之后还有 {1}{2:.0}仍然有效；请先从最近的开始逐个撤销：dormlink import undo "
    "{3}"};
// A later batch in that message: "#5 (students)".
inline constexpr Message later_batch{"#{} ({})", "#{}（{}名册）"};
inline constexpr Words students_kind{"学生", "students"};
inline constexpr Words dorms_kind{"寝室", "dorms"};
inline constexpr Words staff_kind{"教职工", "staff"};
inline constexpr Words batch_separator{"、", ", "};
inline constexpr Message batch_named{
    "batch #{} added {} {}, and {} #{} names it; undoing the batch would leave it naming no one. Import a corrected "
    "roster instead",
    "批次 #{} 添加了{} {}，而{} #{} 提到了它；撤销该批次会让后者指向不存在的对象。请改为导入一份更正后的名册"};
inline constexpr Words student_noun{"学生", "student"};
inline constexpr Words dorm_noun{"寝室", "dorm"};
inline constexpr Words staff_noun{"教职工", "staff member"};
inline constexpr Words record_ref{"记录", "record"};
inline constexpr Words assignment_ref{"分配", "assignment"};
inline constexpr Words sample_ref{"抽查样本", "inspection sample"};
inline constexpr Words finding_ref{"检查结果", "inspection finding"};
inline constexpr Words feedback_ref{"已报送的反馈表", "submitted feedback form"};
inline constexpr Words summary_ref{"已报送的汇总", "submitted summary"};
inline constexpr Message history_damaged{
    "{} row {} of batch #{} is not in force, or did not follow the version before it; nothing was changed",
    "批次 #{2} 的 {0} 行 {1} 未生效，或未接在其前一版本之后；未做任何改动"};

// Assignments (assignment_store.cpp).
inline constexpr Message assignment_changed{"the assignment of {} changed while this command ran; run it again",
                                            "{} 的分配在本命令运行期间被改动；请重新运行"};

}  // namespace dormlink::store::msg
