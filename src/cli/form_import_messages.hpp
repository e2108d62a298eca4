#pragma once
// The messages of `dormlink import form` reading a returned form (cli/form_import.cpp), in both
// languages (docs/messages.md): the file, its member, semester, period and form id, its rows.

#include "dormlink/language.hpp"

namespace dormlink::cli::form_msg {

inline constexpr Message file_problems{"{}: {} problem{}; nothing was saved", "{0}：{1} 个问题{2:.0}；未保存任何内容"};
inline constexpr Message no_form_sheet{
    "{}: no sheet holds the feedback form's table (a row with 联系寝室名称, 时间, 联系学生姓名及方式, …); fill in "
    "the form `dormlink form` made, or type the seed's five columns",
    "{}：没有哪个工作表含有反馈表的表格（含 联系寝室名称、时间、联系学生姓名及方式……的一行）；请填写 `dormlink form` "
    "生成的反馈表，或按原反馈表的五列填写"};
inline constexpr Message no_form_titles{
    "{}: no row holds the feedback form's column titles (联系寝室名称, 时间, 联系学生姓名及方式, 工作进展及成效, "
    "说明); add them above the rows",
    "{}：没有哪一行是反馈表的列标题（联系寝室名称、时间、联系学生姓名及方式、工作进展及成效、说明）；请在各行上方加上"
    "标题行"};
inline constexpr Message another_members_form{
    "{}: the form is {}'s, not --member {}'s; give the right file or leave --member out",
    "{}：这是 {} 的反馈表，不是 --member {} 的；请给出正确的文件，或去掉 --member"};
inline constexpr Message no_member{
    "{}: the form names no member (no 学号 or 党员姓名 cell); add them above the table, or give --member",
    "{}：表中没有写明党员（没有 学号 或 党员姓名 单元格）；请在表格上方补上，或给出 --member"};
inline constexpr Message unknown_member{
    "{}: the form's member {} is no current student (or a name two students share); type the 学号, or give "
    "--member with the student id",
    "{}：表中的党员 {} 不在当前名册上（或有两名学生同名）；请填写 学号，或用 --member 给出学号"};
inline constexpr Message unknown_semester{
    "{}: the form's 学期 {} is no semester of the config; type the semester's id (such as {}) or name, or use a "
    "form `dormlink form` made for this college",
    "{}：表中的 学期 {} 不是配置文件中的学期；请填写学期编号（如 {}）或名称，或使用 `dormlink form` 为本学院生成的"
    "反馈表"};
inline constexpr Message period_count{"{}: {} has {} periods, not {}; correct 期次编号",
                                      "{}：{} 只有 {} 期，没有第 {} 期；请改正 期次编号"};
inline constexpr Message no_period{
    "{}: the form names no period and no row has a date in a semester; add a row 期次编号 with the period's "
    "number, or type the rows' dates as 2026-11-03 19:30",
    "{}：表中没有写期次，也没有哪一行的日期在某个学期内；请加一行 期次编号 写上期次号，或把各行的日期写成 "
    "2026-11-03 19:30 这样"};
inline constexpr Message no_form_id{
    "{}: the form's hidden sheet _dormlink has no form_id; it was changed. Use the form as `dormlink form` made it",
    "{}：反馈表的隐藏工作表 _dormlink 中没有 form_id，表被改动过。请原样使用 `dormlink form` 生成的反馈表"};
inline constexpr Message wrong_form_id{
    "{}: 表单编号 {} was not made for {}'s form of {} period {}: this is another member's or another period's "
    "form, or one made by another database. Ask the member for the right file, or make a new form with `dormlink "
    "form`",
    "{}：表单编号 {} 不是为 {} 在 {} 第 {} 期的反馈表生成的：这是其他党员或其他期次的反馈表，或由另一个数据库生成。"
    "请向该党员要正确的文件，或用 `dormlink form` 重新生成反馈表"};
inline constexpr Message not_a_workbook{
    "{}: not an Excel workbook (its bytes are not a .xlsx file's); open it in Excel, WPS or LibreOffice and save "
    "it as Excel Workbook (.xlsx), or rename it .csv if it is CSV",
    "{}：不是 Excel 工作簿（其内容不是 .xlsx 文件）；请用 Excel、WPS 或 LibreOffice 打开并另存为 Excel 工作簿"
    "（.xlsx），如果它是 CSV 文件，请把扩展名改为 .csv"};
inline constexpr Message everyone_no_residents{"联系学生姓名及方式: 全体, but {} has no residents",
                                               "联系学生姓名及方式：全体，但 {} 没有寝室成员"};
inline constexpr Message no_resident_with_phone{
    "联系学生姓名及方式: no resident of {} is named {} with the phone typed after the name; check the name and the "
    "phone, or leave the phone out",
    "联系学生姓名及方式：{} 没有名叫 {} 且电话与姓名后所写相符的成员；请核对姓名和电话，或不写电话"};
inline constexpr Message no_resident_of_dorm_with_phone{
    "联系学生姓名及方式: no resident of the dorm is named {} with the phone typed after the name; check the name "
    "and the phone, or leave the phone out",
    "联系学生姓名及方式：该寝室没有名叫 {} 且电话与姓名后所写相符的成员；请核对姓名和电话，或不写电话"};
inline constexpr Message no_rows{"the form has no rows; tick 本期无联系 if there was no contact in the period",
                                 "表中没有任何记录行；如本期没有联系，请勾选 本期无联系"};
inline constexpr Message no_contact_but_rows{
    "本期无联系 is ticked but the form has {} row(s); untick it or remove the rows",
    "勾选了 本期无联系，但表中有 {} 行；请取消勾选或删除这些行"};
inline constexpr Message kind_guessed{
    "the kind ({}) had to be guessed ({}); with --strict, fill 类型 or write it in brackets, e.g. （谈心，当面）",
    "类型（{}）是推断出来的（{}）；使用 --strict 时，请填写 类型，或写在括号里，如（谈心，当面）"};
inline constexpr Message same_contact{"the same contact as an earlier row; remove one of them",
                                      "与前面某一行是同一次联系；请删除其中一行"};
inline constexpr Message already_imported{
    "{}: this file was already imported on {} as form import #{} ({}); nothing was saved",
    "{}：该文件已于 {} 导入过（反馈表导入 #{}，{}）；未保存任何内容"};

}  // namespace dormlink::cli::form_msg
