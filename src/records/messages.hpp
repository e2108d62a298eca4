#pragma once
// The records module's messages in both languages (docs/messages.md): what verify says of a
// broken chain, entering a record, a returned form's cells and log-visit's CSV columns.

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

// A returned form's header and rows (records/form_table.cpp).
inline constexpr Message label_mismatch{
    "{} {} does not match the form's {} {}; use the form dormlink made for this member and period, unchanged",
    "{0} {1} 与表中的{2} {3} 不符；请原样使用 dormlink 为该党员本期生成的反馈表"};
inline constexpr Message hidden_period_not_number{"period is not a number; use the form as made",
                                                  "period 不是数字；请原样使用生成的反馈表"};
inline constexpr Message period_not_number{"期次编号 {} is not a period number; use the form as made",
                                           "期次编号 {} 不是期次号；请原样使用生成的反馈表"};
inline constexpr Message period_mismatch{"期次编号 {} does not match the form's period {}",
                                         "期次编号 {} 与表中的期次 {} 不符"};
inline constexpr Message in_column{"column \"{}\": {}", "列“{}”：{}"};
inline constexpr Message in_cell{"{}: {}", "{}：{}"};
inline constexpr Message not_a_kind_form{
    "{} is not a kind of contact; use 走访, 谈心, 座谈会, 寝室活动, 新生入学教育, 知党爱党教育, 培养积极分子, "
    "因故未走访 or 特殊情况",
    "{} 不是联系类型；请用 走访、谈心、座谈会、寝室活动、新生入学教育、知党爱党教育、培养积极分子、因故未走访 或 "
    "特殊情况"};
inline constexpr Message time_empty{"is empty; type when the contact happened, e.g. 11月3日 19:30",
                                    "为空；请填写联系的时间，如 11月3日 19:30"};
inline constexpr Message bad_channel_cell{"{}: use 当面, 电话, 微信 or 其他", "{}：请用 当面、电话、微信 或 其他"};

// 时间 in a returned form (records/form_time.cpp).
inline constexpr Message time_forms{"write 2026-11-24 19:30, 11月24日晚上7点, 11.24 19:30, 周二 19:30 or 第12周周二",
                                    "请写成 2026-11-24 19:30、11月24日晚上7点、11.24 19:30、周二 19:30 或 第12周周二"};
inline constexpr Message not_a_form_time{"{} is not a date and time; {}", "{} 不是日期和时间；{}"};
inline constexpr Message period_has_no_day{"{}: the form's period {} has no {}; type the date",
                                           "{}：本表的期次 {} 中没有{}；请填写日期"};
inline constexpr Message day_in_several_weeks{"{} matches {} in the form's period {}; type {}, or the date",
                                              "{0} 在本表的期次 {2} 中可以是 {1}；请填写 {3} 或日期"};
inline constexpr Message day_several_times{"{} matches {} in the form's period {}; type or the date",
                                           "{0} 在本表的期次 {2} 中可以是 {1}；请填写日期"};
inline constexpr Words list_comma{"、", ", "};
inline constexpr Words list_and{" 和 ", " and "};
inline constexpr Message week_without_day{"{} names a teaching week but not the day; type 第{}周周二 or the date",
                                          "{} 只写了教学周，没有写星期几；请填写 第{}周周二 或日期"};
inline constexpr Message weeks_start_at_one{"{}: teaching weeks start at 第1周", "{}：教学周从第1周开始"};
inline constexpr Message weekday_mismatch{"{}: {} is a {}, not a {}; check the date",
                                          "{}：{} 是{}，不是{}；请核对日期"};
inline constexpr Message no_time_given{"no time given; {}", "没有填写时间；{}"};
inline constexpr Message outside_form_period{"{} is {}, outside the form's period {}; type a time within it",
                                             "{} 是 {}，不在本表的期次 {} 内；请填写该期次内的时间"};

// 联系学生姓名及方式 (records/form_cell.cpp).
inline constexpr Message names_hint{"separate names with 、 and put the manner in brackets: 张三、李四（谈心，当面）",
                                    "姓名之间用 、 分隔，方式写在括号里：张三、李四（谈心，当面）"};
inline constexpr Message manner_hint{"use 谈心, 走访, 座谈会, 寝室活动, 新生入学教育, … and 当面, 电话, 微信",
                                     "请用 谈心、走访、座谈会、寝室活动、新生入学教育……以及 当面、电话、微信"};
inline constexpr Message two_kinds{"{} and {} name two different kinds ({}, {}); a row has one: split it into two rows",
                                   "{} 和 {} 写了两种不同的类型（{}、{}）；一行只能有一种：请拆成两行"};
inline constexpr Message two_channels{
    "{} and {} name two different channels ({}, {}); a row has one: split it into two rows",
    "{} 和 {} 写了两种不同的联系方式（{}、{}）；一行只能有一种：请拆成两行"};
inline constexpr Message not_a_manner_word{"{} in the manner {} is not a kind or channel; {}",
                                           "方式 {1} 中的 {0} 既不是类型也不是联系方式；{2}"};
inline constexpr Message bracket_not_closed{"{}: a bracket is not closed; close each manner: 张三（谈心，当面）",
                                            "{}：括号没有闭合；每个方式都要用括号括起来：张三（谈心，当面）"};
inline constexpr Message not_a_phone{"{} is not a phone number (7 to 15 digits, * for a hidden digit: 157****6899)",
                                     "{} 不是电话号码（7 到 15 位数字，隐去的数字用 * 代替：157****6899）"};
inline constexpr Message phone_without_name{
    "{} is a phone number with no name before it; type the name, then the phone: 苏惠 157****6899",
    "{} 是电话号码，但前面没有姓名；请先写姓名，再写电话：苏惠 157****6899"};
inline constexpr Message only_digits{"{} is only digits; type the student's name", "{} 只有数字；请填写学生的姓名"};
inline constexpr Message not_a_name{"{} is not a name; {}", "{} 不是姓名；{}"};
inline constexpr Message name_too_long{"{} is longer than {} characters, too long for a name; {}",
                                       "{} 超过 {} 个字符，作为姓名太长；{}"};
inline constexpr Message manner_not_name{"{} is a manner, not a name; put it in brackets: 张三（{}）",
                                         "{} 是方式，不是姓名；请写在括号里：张三（{}）"};
inline constexpr Message closing_without_opening{"{}: a closing bracket without its opening one; {}",
                                                 "{}：有右括号却没有对应的左括号；{}"};
inline constexpr Message the_cell{"the cell {}", "该单元格{}"};
inline constexpr Message everyone_and_names{
    "{} names 全体 (every resident) and names too; type either 全体 or the names",
    "{} 既写了 全体（寝室全体成员）又写了姓名；请只写 全体 或只写姓名"};

// The columns of log-visit --from-csv (records/csv_entry.cpp); the text after `column "…": `.
inline constexpr Message everyone_not_taken{"全体 (every resident) is not taken here; list the residents' names or ids",
                                            "此处不接受 全体（寝室全体成员）；请列出寝室成员的姓名或学号"};
inline constexpr Message channel_conflict{"says {} but 联系学生姓名及方式 says {}; keep one",
                                          "写的是{}，而 联系学生姓名及方式 写的是{}；请只保留一个"};
inline constexpr Message not_a_kind_csv{"{} is not a kind of contact; use 走访, 谈心, 座谈会, 寝室活动, ...",
                                        "{} 不是联系类型；请用 走访、谈心、座谈会、寝室活动……"};
inline constexpr Message incident_without_kind{
    "names an incident and 类型 is empty; give 类型 特殊情况 and 事件类别, or 类型 the kind the contact was (走访, "
    "谈心, ...)",
    "提到了特殊情况，但 类型 为空；请填 类型 特殊情况 和 事件类别，或在 类型 中填写实际的联系类型（走访、谈心……）"};
inline constexpr Message bad_category_cell{
    "{}: use 赌博, 打架, 上网成瘾, 私自在外住宿, 使用违规电器, 无故旷课, 其他违纪 or 突发事件",
    "{}：请用 赌博、打架、上网成瘾、私自在外住宿、使用违规电器、无故旷课、其他违纪 或 突发事件"};
inline constexpr Message bad_severity_cell{"{}: use 轻, 一般 or 严重", "{}：请用 轻、一般 或 严重"};
inline constexpr Message bad_reported_to_cell{"{}: use 辅导员, 班主任 or 支部书记",
                                              "{}：请用 辅导员、班主任 或 支部书记"};
inline constexpr Message member_empty{"is empty; name the member (student id or name)",
                                      "为空；请填写党员（学号或姓名）"};
inline constexpr Message category_only_incident{"is only for 类型 = 特殊情况 (incident)",
                                                "只用于 类型 = 特殊情况 的记录"};

}  // namespace dormlink::records::msg
