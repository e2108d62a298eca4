#pragma once
// The roster module's messages in both languages (docs/messages.md): what an import says of a
// roster file, located "file:line" and "column "…": …" as before.

#include "dormlink/language.hpp"

namespace dormlink::roster::msg {

// The header and the shape of the file.
inline constexpr Message same_meaning{"columns {} and {} both mean {}; keep one of them",
                                      "列 {} 和 {} 的含义相同（{}）；请只保留一列"};
inline constexpr Message missing_columns{"missing column(s) {}; the header row must name them (see docs/import.md)",
                                         "缺少列 {}；表头行必须包含这些列（见 docs/import.md）"};
inline constexpr Message missing_dorm_columns{"missing column 寝室 (dorm), or 楼栋 (building) and 房间号 (room)",
                                              "缺少“寝室”列，或“楼栋”和“房间号”两列"};
inline constexpr Message row_too_wide{
    "the row has {} fields but the header has {}; a value containing a comma must be quoted",
    "此行有 {} 个字段，而表头只有 {} 个；含逗号的值必须加引号"};
inline constexpr Message checking_stopped{
    "... checking stopped after {} problems: {} more row{} from line {} on {} not checked; fix these first",
    "……发现 {0} 个问题后停止检查：自第 {3} 行起还有 {1} 行{2:.0}{4:.0}未检查；请先改正以上问题"};
inline constexpr Message no_data_rows{"the file has a header row but no data rows; export the roster again",
                                      "文件只有表头、没有数据行；请重新导出名册"};
inline constexpr Message in_column{"column \"{}\": {}", "列“{}”：{}"};
inline constexpr Message import_problems{"{}: {}{} problem{}; nothing was imported",
                                         "{0}：{1}{2} 个问题{3:.0}；未导入任何内容"};
inline constexpr Words at_least{"至少 ", "at least "};

// Cells (the text after `column "…": `).
inline constexpr Message not_a_dorm{"{} is not a dorm; write building-room like 8-305 or 8栋305",
                                    "{} 不是寝室；请写成“楼号-房间号”，如 8-305 或 8栋305"};
inline constexpr Message not_a_dorm_pair{"building {} and room {} do not make a dorm",
                                         "楼栋 {} 和房间号 {} 组不成一个寝室"};
inline constexpr Message dorm_empty{"is empty; every {} needs a dorm", "为空；每个{}都需要寝室"};
inline constexpr Words student_word{"学生", "student"};
inline constexpr Words row_word{"行", "row"};
inline constexpr Message not_capacity{"{} is not a capacity; use a whole number 1-{}",
                                      "{} 不是床位数；请填 1-{} 的整数"};
inline constexpr Message unknown_gender{"unknown value {}; use 男, 女, M or F", "无法识别的值 {}；请填 男、女、M 或 F"};
inline constexpr Message quoted_problem{"{}: {}", "{}：{}"};
inline constexpr Message dorm_listed_twice{"dorm {} is also on line {}; list each dorm once",
                                           "寝室 {} 在第 {} 行也出现了；每个寝室只列一次"};
inline constexpr Message not_staff_id{"{} is not a staff id; use letters, digits, - and _ only (at most 32)",
                                      "{} 不是工号；只能用字母、数字、- 和 _（最多 32 个）"};
inline constexpr Message empty{"is empty", "为空"};
inline constexpr Message counselor_needs_scope{
    "is empty; a counselor must cover grades (负责年级) or classes (负责班级)",
    "为空；辅导员必须填写负责年级或负责班级"};
inline constexpr Message head_teacher_needs_class{"is empty; a head teacher must cover at least one class",
                                                  "为空；班主任至少要负责一个班级"};
inline constexpr Message secretary_needs_branch{"is empty; a branch secretary must name the branch",
                                                "为空；支部书记必须填写所在党支部"};
inline constexpr Message staff_needs_id{"is empty; every staff member needs an id", "为空；每位教职工都需要工号"};
inline constexpr Message unknown_role{"unknown value {}; use 辅导员, 班主任, 支部书记 or 检查组",
                                      "无法识别的值 {}；请填 辅导员、班主任、支部书记 或 检查组"};
inline constexpr Message staff_two_names{"staff id {} is {} on line {} but {} here; one id is one person",
                                         "工号 {} 在第 {2} 行是 {1}，此处却是 {3}；一个工号只对应一个人"};
inline constexpr Message staff_duty_twice{"staff id {} is already a {} on line {}; merge the two rows",
                                          "工号 {} 在第 {2} 行已是{1}；请合并这两行"};
inline constexpr Message student_needs_value{"is empty; every student needs one", "为空；每名学生都必须填写"};
inline constexpr Message student_needs_id{"is empty; every student needs a student id", "为空；每名学生都需要学号"};
inline constexpr Message not_student_id{"{} is not a student id; use letters, digits, - and _ only (at most 32)",
                                        "{} 不是学号；只能用字母、数字、- 和 _（最多 32 个）"};
inline constexpr Message unknown_status{
    "unknown value {}; use 中共党员, 中共预备党员, 发展对象, 入党积极分子, 共青团员 or 群众",
    "无法识别的值 {}；请填 中共党员、中共预备党员、发展对象、入党积极分子、共青团员 或 群众"};
inline constexpr Message needs_branch{"is empty, but a {} must belong to a Party branch; fill in 党支部",
                                      "为空，但{}必须属于一个党支部；请填写党支部"};
inline constexpr Message unknown_attention{
    "item {} is not a known category (value not shown); the four categories and their spellings are in "
    "docs/import.md",
    "第 {} 项不是已知的关注类别（内容不显示）；四个类别及其写法见 docs/import.md"};
inline constexpr Message not_yes_no{"{} is not yes or no; use 是 or leave it empty",
                                    "{} 不是“是”或“否”；请填“是”或留空"};
inline constexpr Message student_twice{"student id {} is also on line {}; each student must appear once",
                                       "学号 {} 在第 {} 行也出现了；每名学生只能出现一次"};
inline constexpr Message mixed_genders{
    "dorm {} has residents of both genders: line {} is {}, this line is {}; correct the gender or the dorm",
    "寝室 {} 的成员性别不一：第 {} 行为{}，此行为{}；请改正性别或寝室"};
inline constexpr Message two_dorm_heads{"dorm {} already has a dorm head on line {}; a dorm has one",
                                        "寝室 {} 在第 {} 行已有寝室长；一个寝室只有一位"};

// Against the dorms roster and the current residents.
inline constexpr Message dorm_gender_differs{"dorm {} is a {} dorm in the dorms roster, but this student is {}",
                                             "寝室 {} 在寝室名册中是{}寝室，而此学生为{}"};
inline constexpr Message over_capacity{"dorm {} has capacity {} but the roster puts {} students in it (from line {})",
                                       "寝室 {} 的床位数为 {}，名册却安排了 {} 名学生（自第 {} 行起）"};
inline constexpr Message dorms_roster_problems{"{}: {} problem{} against the dorms roster; nothing was imported",
                                               "{0}：与寝室名册不符的问题 {1} 个{2:.0}；未导入任何内容"};
inline constexpr Message declared_gender{"dorm {} is declared {} but its current residents are {}",
                                         "寝室 {} 登记为{}，但现住成员为{}"};
inline constexpr Message declared_capacity{"dorm {} is declared for {} but {} students live there now",
                                           "寝室 {} 登记为 {} 个床位，但现住 {} 名学生"};
inline constexpr Message residents_problems{"{}: {} problem{} against current residents; nothing was imported",
                                            "{0}：与现住成员不符的问题 {1} 个{2:.0}；未导入任何内容"};

// Grades and e-mail addresses (values.cpp).
inline constexpr Message implausible_cohort{"not a plausible enrolment year", "不是合理的入学年份"};
inline constexpr Message cohort_out_of_range{"cohort {} is year {} of study in {}; expected years 1-{}",
                                             "{} 级在 {2} 学期是 {1} 年级；应为 1-{3} 年级"};
inline constexpr Message not_a_grade{"not a grade; write a year of study 1-6 or a cohort such as 2023级",
                                     "不是年级；请写 1-6 的年级或入学年份，如 2023级"};
inline constexpr Message year_out_of_range{"year of study {} is out of range; expected 1-{}",
                                           "年级 {} 超出范围；应为 1-{}"};
inline constexpr Message year_needs_semester{
    "a year of study needs a semester to date it; add [[calendar.semester]] to the config or write the cohort (e.g. "
    "2023级)",
    "年级需要学期来换算入学年份；请在配置中加入 [[calendar.semester]]，或直接写入学年份（如 2023级）"};
inline constexpr Message not_email{
    "is not an e-mail address (value not shown): it {}; write one address (name@domain, the domain with a dot), or "
    "leave the cell empty",
    "不是电子邮件地址（值不显示）：{}；请写一个地址（用户名@域名，域名中带点），或留空"};

inline constexpr Message not_a_phone{
    "is not a phone number (value not shown); write a mobile number (11 digits, starting with 1) or a landline with "
    "its area code",
    "不是电话号码（值不显示）；请填写手机号（以 1 开头的 11 位数字）或带区号的固定电话"};

}  // namespace dormlink::roster::msg
