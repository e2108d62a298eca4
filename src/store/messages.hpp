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

}  // namespace dormlink::store::msg
