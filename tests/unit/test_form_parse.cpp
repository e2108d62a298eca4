#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "dormlink/records/form_parse.hpp"

using namespace dormlink;
using namespace dormlink::records;
using namespace std::chrono;

namespace {

ContactCell cell_of(std::string_view text, DigitNames digits = DigitNames::refused) {
  auto parsed = parse_contact_cell(text, digits);
  if (const auto* error = std::get_if<std::string>(&parsed)) FAIL_CHECK("unexpected error: " << *error);
  return std::get_if<ContactCell>(&parsed) != nullptr ? std::get<ContactCell>(parsed) : ContactCell{};
}

std::string error_of(std::string_view text) {
  auto parsed = parse_contact_cell(text);
  if (const auto* error = std::get_if<std::string>(&parsed)) return *error;
  return "(parsed)";
}

std::vector<std::string> names_of(const ContactCell& cell) {
  std::vector<std::string> out;
  for (const auto& n : cell.names) out.push_back(n.name + (n.phone ? " " + *n.phone : ""));
  return out;
}

using Names = std::vector<std::string>;

// Teaching week 1 starts on 2026-09-07; week 11 is 2026-11-16..22, week 12 2026-11-23..29.
const Date k_semester_start{year{2026}, month{9}, day{7}};
const Date k_week11{year{2026}, month{11}, day{16}};
const Date k_week12{year{2026}, month{11}, day{23}};
const Date k_week12_end{year{2026}, month{11}, day{29}};

// A one-week period (week 12) by default; the two-week period is weeks 11-12.
std::string when(std::string_view text, Date first = k_week12) {
  auto result = parse_form_time(text, first, k_week12_end, k_semester_start);
  if (const auto* error = std::get_if<WhenError>(&result)) return "error: " + error->message;
  return format_local(std::get<LocalDateTime>(result));
}

}  // namespace

TEST_SUITE("records.form_parse") {
  TEST_CASE("the seed's notation: names separated by 、 and a manner in brackets") {
    auto c = cell_of("张晨昕、黄佳菁（谈心，当面）");
    CHECK(names_of(c) == Names{"张晨昕", "黄佳菁"});
    CHECK(c.kind == Kind::talk);
    CHECK(c.channel == Channel::in_person);
    CHECK_FALSE(c.everyone);
    auto d = cell_of("张晨昕、黄佳菁、苏惠、薛娴（当面）");
    CHECK(names_of(d) == Names{"张晨昕", "黄佳菁", "苏惠", "薛娴"});
    CHECK_FALSE(d.kind.has_value());
    CHECK(d.channel == Channel::in_person);
    auto e = cell_of("苏惠 157****6899");
    CHECK(names_of(e) == Names{"苏惠 157****6899"});
    CHECK_FALSE(e.channel.has_value());
  }

  TEST_CASE("every separator, full-width forms folded") {
    for (std::string_view text :
         {"张三、李四", "张三,李四", "张三，李四", "张三;李四", "张三；李四", "张三/李四", "张三／李四", "张三 李四",
          "张三　李四", "张三 ,  李四", "张三\n李四", " 张三、、李四、"}) {
      CAPTURE(text);
      CHECK(names_of(cell_of(text)) == Names{"张三", "李四"});
    }
  }

  TEST_CASE("phones: full, masked, +86, with spaces or dashes, glued to the name") {
    CHECK(names_of(cell_of("苏惠 15712346899，薛娴(电话)")) == Names{"苏惠 15712346899", "薛娴"});
    CHECK(names_of(cell_of("苏惠 157****6899，薛娴(电话)")) == Names{"苏惠 157****6899", "薛娴"});
    CHECK(names_of(cell_of("苏惠157****6899")) == Names{"苏惠 157****6899"});
    CHECK(names_of(cell_of("苏惠：157****6899")) == Names{"苏惠 157****6899"});
    CHECK(names_of(cell_of("苏惠 +86 157 1234 6899")) == Names{"苏惠 15712346899"});
    CHECK(names_of(cell_of("苏惠 +86-157-1234-6899、薛娴")) == Names{"苏惠 15712346899", "薛娴"});
    CHECK(names_of(cell_of("苏惠 157-****-6899 薛娴 139 **** 1234")) == Names{"苏惠 157****6899", "薛娴 139****1234"});
    CHECK(names_of(cell_of("苏惠 １５７＊＊＊＊６８９９")) == Names{"苏惠 157****6899"});
    CHECK(names_of(cell_of("王五 0571-88881234")) == Names{"王五 057188881234"});
    CHECK(cell_of("薛娴(电话)").channel == Channel::phone);
  }

  TEST_CASE("a manner holds kind and channel in any order, anywhere, and several manners agree") {
    for (std::string_view text :
         {"张三（谈心，当面）", "张三（当面，谈心）", "张三(当面 谈心)", "张三【当面/谈心】", "张三（当面、谈心）",
          "（谈心）张三（当面）", "张三（谈心）（当面）", "张三（当面谈心）", "张三（谈心当面）", "张三（谈心,当面）",
          "（当面）张三（谈心，当面）"}) {
      CAPTURE(text);
      auto c = cell_of(text);
      CHECK(names_of(c) == Names{"张三"});
      CHECK(c.kind == Kind::talk);
      CHECK(c.channel == Channel::in_person);
    }
    auto two = cell_of("张三（谈心）、李四（谈心，微信）");
    CHECK(names_of(two) == Names{"张三", "李四"});
    CHECK(two.kind == Kind::talk);
    CHECK(two.channel == Channel::wechat);
    CHECK(cell_of("张三(QQ)").channel == Channel::wechat);
    CHECK(cell_of("张三（谈话）").kind == Kind::talk);
    CHECK(cell_of("张三（个别交流）").kind == Kind::talk);
    CHECK(cell_of("（寝室活动）").kind == Kind::activity);
  }

  TEST_CASE("全体 and the cells without names") {
    auto all = cell_of("全体（走访）");
    CHECK(all.everyone);
    CHECK(all.names.empty());
    CHECK(all.kind == Kind::visit);
    for (std::string_view text : {"全寝", "全体成员", "全寝室（座谈会）", "所有人"}) {
      CAPTURE(text);
      CHECK(cell_of(text).everyone);
    }
    auto meeting = cell_of("（座谈会）");
    CHECK(meeting.names.empty());
    CHECK_FALSE(meeting.everyone);
    CHECK(meeting.kind == Kind::symposium);
    auto empty = cell_of("");
    CHECK(empty.names.empty());
    CHECK_FALSE(empty.kind.has_value());
    CHECK_FALSE(empty.channel.has_value());
  }

  TEST_CASE("duplicates are removed, namesakes with different phones kept") {
    CHECK(names_of(cell_of("张三、李四、张三")) == Names{"张三", "李四"});
    CHECK(names_of(cell_of("张三、张三 139****1234")) == Names{"张三 139****1234"});
    CHECK(names_of(cell_of("张三 139****1234、张三 157****6899")) == Names{"张三 139****1234", "张三 157****6899"});
    CHECK(names_of(cell_of("张三 139****1234、张三")) == Names{"张三 139****1234"});
  }

  TEST_CASE("student ids are names only when the caller takes them") {
    CHECK(names_of(cell_of("2024160126（当面）", DigitNames::student_ids)) == Names{"2024160126"});
    CHECK(names_of(cell_of("2024160126 2024160128、苏惠 157****6899", DigitNames::student_ids)) ==
          Names{"2024160126", "2024160128", "苏惠 157****6899"});
    CHECK(error_of("2024160126（当面）") ==
          "(value not shown) is a phone number with no name before it; type the name, then the phone: 苏惠 "
          "157****6899");
    CHECK(error_of("12345") == "\"12345\" is only digits; type the student's name");
  }

  TEST_CASE("errors quote the offending part and say what to type") {
    CHECK(error_of("张三（吃饭）") ==
          "\"吃饭\" in the manner \"（吃饭）\" is not a kind or channel; use 谈心, 走访, 座谈会, 寝室活动, "
          "新生入学教育, … and 当面, 电话, 微信");
    CHECK(error_of("张三（谈心，走访）") ==
          "\"（谈心，走访）\" and \"（谈心，走访）\" name two different kinds (谈心, 走访); a row has one: split it "
          "into two rows");
    CHECK(error_of("张三（谈心）李四（走访）") ==
          "\"（谈心）\" and \"（走访）\" name two different kinds (谈心, 走访); a row has one: split it into two "
          "rows");
    CHECK(error_of("张三（电话，微信）") ==
          "\"（电话，微信）\" and \"（电话，微信）\" name two different channels (电话, 微信); a row has one: split "
          "it into two rows");
    CHECK(error_of("157****6899 苏惠") ==
          "\"157****6899\" is a phone number with no name before it; type the name, then the phone: 苏惠 "
          "157****6899");
    CHECK(error_of("苏惠（电话）157****6899") ==
          "\"157****6899\" is a phone number with no name before it; type the name, then the phone: 苏惠 "
          "157****6899");
    CHECK(error_of("苏惠 1571234689901234") ==
          "(value not shown) is not a phone number (7 to 15 digits, * for a hidden digit: 157****6899)");
    CHECK(error_of("张三李四王五赵六钱七孙八周九吴十郑十一王十二") ==
          "\"张三李四王五赵六钱七孙八周九吴十郑十一王十二\" is longer than 20 characters, too long for a name; "
          "separate names with 、 and put the manner in brackets: 张三、李四（谈心，当面）");
    CHECK(error_of("张\u202E三") ==
          "\"张\\u{202E}三\" contains U+202E (an invisible control or format character) at character 2; names, ids "
          "and codes must be plain visible text");
    CHECK(error_of("全体、张三") ==
          "\"全体、张三\" names 全体 (every resident) and names too; type either 全体 or the names");
    CHECK(error_of("张三（谈心") == "\"（谈心\": a bracket is not closed; close each manner: 张三（谈心，当面）");
    CHECK(error_of("张三）") ==
          "\"张三）\": a closing bracket without its opening one; separate names with 、 and put the manner in "
          "brackets: 张三、李四（谈心，当面）");
    CHECK(error_of("张三 当面") == "\"当面\" is a manner, not a name; put it in brackets: 张三（当面）");
    CHECK(error_of("--") ==
          "\"--\" is not a name; separate names with 、 and put the manner in brackets: 张三、李四（谈心，当面）");
    CHECK(error_of("\xFF") == "the cell is not valid UTF-8 (byte 0xFF at offset 0)");
  }

  TEST_CASE("phone_matches: same length, equal where not masked, at least 4 digits given") {
    CHECK(phone_matches("157****6899", "15712346899"));
    CHECK(phone_matches("15712346899", "+86 157-1234-6899"));
    CHECK(phone_matches("157****6899", "+8615712346899"));
    CHECK_FALSE(phone_matches("157****6898", "15712346899"));
    CHECK_FALSE(phone_matches("157****689", "15712346899"));
    CHECK(phone_matches("*******6899", "15712346899"));
    CHECK_FALSE(phone_matches("********899", "15712346899"));
    CHECK_FALSE(phone_matches("15712346899", ""));
  }

  TEST_CASE("kind_in_text finds one kind, the longest word, and skips denied words") {
    CHECK(kind_in_text("召开寝室座谈会，讨论学习计划") == Kind::symposium);
    CHECK(kind_in_text("参加寝室活动") == Kind::activity);
    CHECK(kind_in_text("组织寝室集体活动") == Kind::activity);
    // What a visit talks about is no kind: a club's 活动, 培养 a habit.
    CHECK(kind_in_text("了解同学参加社团活动情况，鼓励积极参与") == std::nullopt);
    CHECK(kind_in_text("提醒同学培养良好的作息习惯") == std::nullopt);
    CHECK(kind_in_text("开展新生入学教育") == Kind::orientation);
    CHECK(kind_in_text("学习党史") == Kind::education);
    CHECK(kind_in_text("政策宣传") == Kind::education);
    CHECK(kind_in_text("与入党积极分子交流") == Kind::cultivation);
    CHECK(kind_in_text("发现使用违规电器，已报告辅导员") == Kind::incident);
    CHECK(kind_in_text("两人打架") == Kind::incident);
    CHECK(kind_in_text("谈心了解近况") == Kind::talk);
    CHECK(kind_in_text("了解近况，无异常") == std::nullopt);
    CHECK(kind_in_text("") == std::nullopt);
    CHECK(kind_in_text("座谈会后谈心") == std::nullopt);
    CHECK(kind_in_text("未发现违纪现象") == std::nullopt);
    CHECK(kind_in_text("寝室无打架斗殴") == std::nullopt);
    CHECK(kind_in_text("严禁使用违规电器") == std::nullopt);
    CHECK(kind_in_text("夜不归宿") == Kind::incident);
    CHECK(kind_in_text("未召开座谈会，谈心") == Kind::talk);
  }

  TEST_CASE("KindRule keys, labels and which rules guess") {
    CHECK(key(KindRule::column) == "column");
    CHECK(key(KindRule::no_names) == "no_names");
    CHECK(label_zh(KindRule::manner) == "方式括号");
    CHECK(label_zh(KindRule::text) == "进展或说明中的词");
    CHECK(label_zh(KindRule::names) == "有姓名→谈心");
    CHECK_FALSE(guessed(KindRule::column));
    CHECK_FALSE(guessed(KindRule::manner));
    CHECK(guessed(KindRule::text));
    CHECK(guessed(KindRule::names));
    CHECK(guessed(KindRule::no_names));
  }

  TEST_CASE("the kind of a row: rules 1-5 in order") {
    const auto talk_cell = cell_of("张三（谈心）");
    const auto names = cell_of("张三、李四（当面）");
    const auto none = cell_of("");
    CHECK(decide_kind(Kind::symposium, talk_cell, "", "") == RowKind{Kind::symposium, KindRule::column});
    CHECK(decide_kind(std::nullopt, talk_cell, "召开座谈会", "") == RowKind{Kind::talk, KindRule::manner});
    CHECK(decide_kind(std::nullopt, names, "召开座谈会", "") == RowKind{Kind::symposium, KindRule::text});
    CHECK(decide_kind(std::nullopt, names, "", "参加寝室活动") == RowKind{Kind::activity, KindRule::text});
    CHECK(decide_kind(std::nullopt, names, "召开座谈会", "寝室活动") == RowKind{Kind::talk, KindRule::names});
    CHECK(decide_kind(std::nullopt, names, "了解近况", "") == RowKind{Kind::talk, KindRule::names});
    CHECK(decide_kind(std::nullopt, none, "", "") == RowKind{Kind::visit, KindRule::no_names});
    CHECK(decide_kind(std::nullopt, cell_of("全体"), "", "") == RowKind{Kind::visit, KindRule::no_names});
  }

  TEST_CASE("time: what parse_when takes, month.day, 晚 without 上, Excel's rendering") {
    CHECK(when("2026-11-24 19:30") == "2026-11-24 19:30");
    CHECK(when("2026/11/24") == "2026-11-24");
    CHECK(when("11月24日 19:00") == "2026-11-24 19:00");
    CHECK(when("11.24") == "2026-11-24");
    CHECK(when("11.24 19:30") == "2026-11-24 19:30");
    CHECK(when("11月24日晚7点半") == "2026-11-24 19:30");
    CHECK(when("11月24日晚上") == "2026-11-24 19:00");
    CHECK(when("11月24日下午") == "2026-11-24 15:00");
    CHECK(when("2026-11-24 19:30:00") == "2026-11-24 19:30");
    CHECK(when("２０２６－１１－２４　１９：３０") == "2026-11-24 19:30");
    CHECK(when("11月24日周二晚上") == "2026-11-24 19:00");
    CHECK(when("11.24（星期二）19:30") == "2026-11-24 19:30");
    CHECK(when("11月24日周三") == "error: \"11月24日周三\": 2026-11-24 is a 周二, not a 周三; check the date");
  }

  TEST_CASE("time: a weekday inside a one-week period") {
    CHECK(when("周二") == "2026-11-24");
    CHECK(when("星期二") == "2026-11-24");
    CHECK(when("礼拜二") == "2026-11-24");
    CHECK(when("周日") == "2026-11-29");
    CHECK(when("星期天 9:00") == "2026-11-29 09:00");
    CHECK(when("周二晚上") == "2026-11-24 19:00");
    CHECK(when("周二 19:30") == "2026-11-24 19:30");
    CHECK(when("周二晚7点半") == "2026-11-24 19:30");
    CHECK(when("周二晚上7点") == "2026-11-24 19:00");
    CHECK(when("周一上午") == "2026-11-23 09:00");
  }

  TEST_CASE("time: a bare weekday in a two-week period names both dates, 第N周 settles it") {
    CHECK(when("周二", k_week11) ==
          "error: \"周二\" matches 2026-11-17 and 2026-11-24 in the form's period 2026-11-16 – 2026-11-29; type "
          "第11周周二, 第12周周二, or the date");
    CHECK(when("第11周周二", k_week11) == "2026-11-17");
    CHECK(when("第12周星期二晚上7点", k_week11) == "2026-11-24 19:00");
    CHECK(when("第10周星期二晚上7点", k_week11) ==
          "error: \"第10周星期二晚上7点\" is 2026-11-10, outside the form's period 2026-11-16 – 2026-11-29; type a "
          "time within it");
    CHECK(when("第12周", k_week11) ==
          "error: \"第12周\" names a teaching week but not the day; type 第12周周二 or "
          "the date");
  }

  TEST_CASE("time: outside the period, or no time at all, is refused") {
    CHECK(when("2026-11-30 19:00") ==
          "error: \"2026-11-30 19:00\" is 2026-11-30, outside the form's period 2026-11-23 – 2026-11-29; type a time "
          "within it");
    CHECK(when("11.16") ==
          "error: \"11.16\" is 2026-11-16, outside the form's period 2026-11-23 – 2026-11-29; type a time within it");
    CHECK(when("下周二") ==
          "error: \"下周二\" is not a date and time; write 2026-11-24 19:30, 11月24日晚上7点, 11.24 19:30, 周二 19:30 "
          "or 第12周周二");
    CHECK(when("周二 吃饭") ==
          "error: \"周二 吃饭\" is not a date and time; write 2026-11-24 19:30, 11月24日晚上7点, 11.24 19:30, 周二 "
          "19:30 or 第12周周二");
    CHECK(when("2026-02-30") == "error: \"2026-02-30\" is not a real date");
    CHECK(when("周二 25:00") == "error: \"25:00\" is not a time of day (HH:MM, 00:00-23:59)");
    CHECK(when("") ==
          "error: no time given; write 2026-11-24 19:30, 11月24日晚上7点, 11.24 19:30, 周二 19:30 or 第12周周二");
  }
}
