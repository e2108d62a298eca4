#pragma once
// Reading the cells of a returned feedback form (学生党员联系寝室情况反馈表; docs/forms.md "Filled
// forms in", docs/records.md "The form's notation"): the students contacted and the manner, the
// kind of a row, and the time as members type it. Pure: no store, no config, no clock; errors
// are returned as text that quotes the offending part and says what to type.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/when.hpp"

namespace dormlink::records {

// One name in 联系学生姓名及方式, with the phone typed after it, if any (digits, '*' for masked
// digits, e.g. "157****6899"; spaces, dashes and a +86 prefix removed).
struct ContactName {
  std::string name;
  std::optional<std::string> phone;

  bool operator==(const ContactName&) const = default;
};

// The whole cell: "张晨昕、黄佳菁（谈心，当面）", "苏惠 157****6899，薛娴(电话)", "全体（走访）",
// "（座谈会）".
struct ContactCell {
  std::vector<ContactName> names;  // in typed order, duplicates removed
  bool everyone = false;           // 全体 / 全寝 / 全体成员 / 全寝室 / 所有人 ...
  std::optional<Kind> kind;        // a kind word in the manner (谈心, 走访, 座谈会, 寝室活动, ...)
  std::optional<Channel> channel;  // a channel word in the manner (当面, 电话, 微信, ...)
};

// What a name made only of digits is: an error (a form names students by name), or a student
// id (log-visit --from-csv, whose files name students by id as --talked does).
enum class DigitNames { refused, student_ids };

// Parses 联系学生姓名及方式. Full-width ASCII and U+3000 are folded first. Names are separated
// by 、 , ， ; ； / ／, spaces and line breaks. A phone (7-15 digits, '*' for a masked digit,
// optionally +86 before it and spaces or single dashes inside) may follow a name, with or
// without a space. One or more manners in brackets — （） () 【】 [] — anywhere, each holding
// kind and channel words (parse_kind, parse_channel; also glued, 当面谈心) in any order,
// separated by ，,、/; or spaces; 其他 there is the channel. A bracket also separates names.
// Duplicates: a later name equal to an earlier one is dropped unless both carry different
// phones (namesakes told apart); a phone on the later one is kept on the earlier.
// With DigitNames::student_ids, a digit run that does not directly follow a name is a name.
// Errors: invalid UTF-8, an unbalanced bracket, an unknown word in a manner, two different
// kinds or channels, a manner word outside brackets, a phone with no name before it, a phone
// of the wrong length, a name that is not plain text (digits only, over 20 characters, a
// control or format character), 全体 together with names.
std::variant<ContactCell, std::string> parse_contact_cell(std::string_view cell,
                                                          DigitNames digits = DigitNames::refused);

// Whether a typed phone (digits and '*') fits a full phone number from the roster: the same
// length after removing a +86 / 0086 / 86 prefix (of a 13-digit number) and spaces or dashes
// from both, each digit equal where the typed one is not '*', at least 4 digits given.
bool phone_matches(std::string_view typed, std::string_view full_phone);

// A kind named in free text (工作进展及成效 or 说明). The words, found anywhere in the text:
//   symposium    座谈会, 座谈
//   activity     寝室活动, 集体活动 (not bare 活动: 社团活动 is what a visit talks about)
//   orientation  新生入学教育, 入学教育
//   education    知党爱党教育, 知党爱党, 党史, 政策宣传
//   cultivation  入党积极分子, 积极分子, 发展党员
//   incident     特殊情况, 突发事件, 违纪, 违规电器, 打架, 斗殴, 赌博, 上网成瘾, 沉迷网络,
//                夜不归宿, 私自在外住宿, 旷课
//   talk         谈心, 谈话
// The longest word at a position wins. A word is not counted when one of 无 未 没 不 禁 防 免 杜 非
// stands in the three characters before it (未发现违纪, 无打架斗殴, 严禁使用违规电器, 未召开座谈会).
// nullopt when no word is found, or when words of two different kinds are.
std::optional<Kind> kind_in_text(std::string_view text);

// How a row's kind was decided (docs/forms.md "The kind of a row", first rule that applies).
enum class KindRule { column, manner, text, names, no_names };

std::string_view key(KindRule rule);  // "column", "manner", "text", "names", "no_names"
std::string_view label_zh(KindRule rule);  // "类型列", "方式括号", "进展或说明中的词", "有姓名→谈心", "无姓名→走访"
// True for the rules that guess (text, names, no_names): --strict refuses them.
bool guessed(KindRule rule);

struct RowKind {
  Kind kind;
  KindRule rule;

  bool operator==(const RowKind&) const = default;
};

// The kind of a row: the 类型 column; else the manner's kind word; else kind_in_text of
// 工作进展及成效, then of 说明 (when both name a kind and they differ, neither counts); else a
// talk when names are typed; else (no names, or only 全体) a visit.
RowKind decide_kind(std::optional<Kind> column, const ContactCell& cell, std::string_view progress,
                    std::string_view note);

// 时间 as typed in a returned form, resolved inside the form's period [first, last] (inclusive).
// Accepts everything parse_when accepts (with `today` = last); "11.24" and "11.24 19:30"
// (month.day); a date or weekday followed by 晚上/晚/下午/上午/早上/中午/傍晚 and no time
// (19:00, 19:00, 15:00, 09:00, 08:00, 12:00, 18:00); "YYYY-MM-DD HH:MM:SS" as Excel renders a
// cell (seconds dropped); weekday forms 周二 / 星期二 / 礼拜二 (一..六, 日 or 天, or 1-7), then
// an optional time (周二晚上, 周二 19:30, 周二晚7点半); 第10周周二 (teaching week 1 is the
// Monday-based week containing `semester_start`); a date followed by its weekday (11月24日周二,
// 11月24日（星期二）晚上), which must agree. A bare weekday must match exactly one date in the
// period; two matches name both dates and ask for 第N周周二 or the date. A result outside
// [first, last] is an error naming the period's dates. No time gives has_time = false.
std::variant<LocalDateTime, WhenError> parse_form_time(std::string_view text, Date first, Date last,
                                                       Date semester_start);

}  // namespace dormlink::records
