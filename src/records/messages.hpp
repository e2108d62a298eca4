#pragma once
// The records module's messages in both languages (docs/messages.md): what verify says of a
// broken chain.

#include "dormlink/language.hpp"

namespace dormlink::records::msg {

inline constexpr Message appears_twice{"record {} appears twice in the chain", "记录 {} 在链中出现了两次"};
inline constexpr Message out_of_order{"record {} is out of order: it comes after record {}",
                                      "记录 {} 顺序错乱：它排在记录 {} 之后"};
inline constexpr Message hash_mismatch{
    "record {} does not match its hash: it was altered, or a record before it was removed or reordered",
    "记录 {} 与其哈希不符：它被改动过，或它之前的记录被删除或调换了顺序"};
inline constexpr Message altered{"record {} was altered: its content does not match its hash",
                                 "记录 {} 被改动过：其内容与哈希不符"};
inline constexpr Message not_first{"record {} does not start the chain: a record before it was removed or reordered",
                                   "记录 {} 不是链的起点：它之前的记录被删除或调换了顺序"};
inline constexpr Message not_following{
    "record {} does not follow record {}: a record between them was removed or reordered",
    "记录 {} 没有接在记录 {} 之后：两者之间的记录被删除或调换了顺序"};
inline constexpr Message not_the_one{
    "record #{} is not the one {} was built on: its hash is {}, {} recorded {}; the records up to #{} were rewritten",
    "记录 #{} 不是{}所依据的那一条：其哈希为 {}，{}记载的是 {}；#{} 及之前的记录被重写过"};
inline constexpr Message one_missing{"record #{} is missing", "缺少记录 #{}"};
inline constexpr Message several_missing{"records #{}-#{} are missing", "缺少记录 #{}-#{}"};
inline constexpr Message built_on{"{}: {} was built on {} records (head {}), the database holds {}",
                                  "{}：{}依据的是 {} 条记录（链头 {}），数据库中只有 {} 条"};
inline constexpr Message head_differs{"the chain head is {} ({} records), not {} as {} says",
                                      "链头是 {0}（{1} 条记录），而不是{3}所记载的 {2}"};
inline constexpr Message no_head{"(none)", "（无）"};

// Entering a record (records/entry.cpp): log-visit, its CSV and the returned forms.
inline constexpr Message no_student{"{} {}: no current student has that id or name",
                                    "{} {}：当日名册上没有这个学号或姓名的学生"};
inline constexpr Message several_students{"{} {}: {} students match ({}{}); give the student id",
                                          "{} {}：有 {} 名学生符合（{}{}）；请给出学号"};
inline constexpr Message later_than_now{"--at \"{}\" is later than now ({}); a record is entered after it happened",
                                        "--at \"{}\" 晚于当前时间（{}）；记录应在事情发生之后录入"};
inline constexpr Message outside_semesters{
    "--at \"{}\" is outside every semester of the config ({} ended on {}); between semesters only incidents and "
    "excused absences are recorded",
    "--at \"{}\" 不在配置的任何学期内（{} 已于 {} 结束）；学期之间只能记录突发事件和请假"};
inline constexpr Message before_semesters{"--at \"{}\" is before every semester of the config",
                                          "--at \"{}\" 早于配置中的所有学期"};
inline constexpr Message no_assignment{
    "no assignment is committed for {} on {}; run `dormlink assign`, or pass --reason to record it anyway",
    "{} 在 {} 没有已提交的分配；请先运行 `dormlink assign`，或加 --reason 仍然记录"};
inline constexpr Message not_assigned{"{} {} is not assigned to dorm {} on {}; pass --reason to record it anyway",
                                      "{} {} 在 {3} 并未分配联系寝室 {2}；加 --reason 仍然记录"};
inline constexpr Message talked_is_member{
    "--talked \"{}\": {} {} is the member who made the contact; list the residents talked with",
    "--talked \"{}\"：{} {} 是进行联系的党员本人；请列出谈话的寝室成员"};
inline constexpr Message talked_not_resident{"--talked {}: {} {} does not live in dorm {} on {}",
                                             "--talked {}：{} {} 在 {4} 不住在寝室 {3}"};
inline constexpr Message needs_dorm{"a {} needs --dorm", "{}记录需要 --dorm"};
inline constexpr Message no_such_dorm{"--dorm {}: no such dorm; write building-room like 8-305",
                                      "--dorm {}：没有这个寝室；请写成“楼号-房间号”，如 8-305"};
inline constexpr Message reported_not_time{"--reported-at \"{}\" is not a date and time",
                                           "--reported-at \"{}\" 不是日期和时间"};
inline constexpr Message reported_before_found{"--reported-at \"{}\" is before the incident was found ({})",
                                               "--reported-at \"{}\" 早于发现事件的时间（{}）"};
inline constexpr Message reported_later_than_now{
    "--reported-at \"{}\" is later than now ({}); record the report once it was made",
    "--reported-at \"{}\" 晚于当前时间（{}）；请在报告之后再记录"};
inline constexpr Message no_record_to_correct{
    "--corrects {}: there is no record #{}; give the number on the receipt of the record to correct",
    "--corrects {}：没有记录 #{}；请给出要更正的记录回执上的编号"};
inline constexpr Message already_superseded{"record #{} was already corrected or withdrawn by #{}; correct #{} instead",
                                            "记录 #{} 已被 #{} 更正或撤回；请改为更正 #{}"};
inline constexpr Message cannot_correct_kind{"record #{} is a {}, which cannot be corrected",
                                             "记录 #{} 是{}，不能更正"};
inline constexpr Message correction_kind{
    "record #{} is a {} ({}), not a {} ({}); a correction keeps the kind — withdraw #{} and record the right kind "
    "instead",
    "记录 #{} 是{}（{}），不是{}（{}）；更正不能改变类型——请撤回 #{} 再按正确的类型记录"};
inline constexpr Message correction_member{
    "record #{} belongs to member {}, not {}; only the member's own records can be corrected",
    "记录 #{} 属于党员 {}，不是 {}；只能更正党员本人的记录"};
inline constexpr Message correction_problems{"--corrects {}: {} problem{}; nothing was saved",
                                             "--corrects {0}：{1} 个问题{2:.0}；未保存任何内容"};
inline constexpr Message correction_needs_reason{"--corrects needs --reason: say what was wrong",
                                                 "--corrects 需要 --reason：请说明哪里记错了"};
inline constexpr Message not_a_member{"--member {}: {} {} is {}, not a Party member or candidate",
                                      "--member {}：{} {} 是{}，不是党员或预备党员"};
inline constexpr Message incident_needs_category{
    "an incident needs --category (赌博, 打架, 上网成瘾, 私自在外住宿, 使用违规电器, 无故旷课, 其他违纪, 突发事件)",
    "突发事件需要 --category（赌博、打架、上网成瘾、私自在外住宿、使用违规电器、无故旷课、其他违纪、突发事件）"};
inline constexpr Message needs_text{"a {} needs its text (--progress or --note)", "{}需要正文（--progress 或 --note）"};
inline constexpr Message excused_needs_reason{
    "an excused record needs --reason (resident away, dorm empty, holiday, ill, placement...)",
    "请假记录需要 --reason（成员外出、寝室无人、放假、生病、实习……）"};
inline constexpr Message entry_problems{"{} problem{}; nothing was saved", "{0} 个问题{1:.0}；未保存任何内容"};
// A command-line option as a form's or CSV's column names it (in_form_columns).
inline constexpr Message column_named{"column \"{}\"", "列“{}”"};

}  // namespace dormlink::records::msg
