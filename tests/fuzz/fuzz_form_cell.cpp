// Fuzzes the cells of a returned feedback form (records/form_parse.hpp): 联系学生姓名及方式
// (parse_contact_cell, both ways of reading digits), kind words in free text (kind_in_text,
// decide_kind) and 时间 (parse_form_time). Properties: no crash; a parsed name is non-empty valid
// UTF-8 holding no separator or bracket; a phone is only digits and '*', 7 to 15 of them; an
// error says why; a parsed time is a real time inside the period.

#include <array>
#include <chrono>
#include <string_view>

#include "dormlink/records/form_parse.hpp"
#include "fuzz_support.hpp"

namespace {

using dormlink::Date;
using dormlink::fuzz::require;
using namespace dormlink::records;
using namespace std::chrono;

// What may never stand inside a parsed name: the separators and brackets of the notation,
// full-width or not.
constexpr std::array<std::string_view, 21> k_forbidden{"、", ",",  "，", ";",  "；", "/",  "／",
                                                       " ",  "\t", "\n", "\r", "　", "(",  ")",
                                                       "（", "）", "[",  "]",  "【", "】", "\xC2\xA0"};

void check_cell(std::string_view text, DigitNames digits) {
  const auto parsed = parse_contact_cell(text, digits);
  if (const auto* error = std::get_if<std::string>(&parsed)) {
    require(!error->empty(), "parse_contact_cell: an error says why");
    return;
  }
  const ContactCell& cell = std::get<ContactCell>(parsed);
  require(!(cell.everyone && !cell.names.empty()), "parse_contact_cell: 全体 never comes with names");
  for (const auto& n : cell.names) {
    require(!n.name.empty(), "parse_contact_cell: a name is not empty");
    require(dormlink::fuzz::is_strict_utf8(n.name), "parse_contact_cell: a name is valid UTF-8");
    for (auto s : k_forbidden)
      require(n.name.find(s) == std::string::npos, "parse_contact_cell: no separator in a name");
    if (!n.phone) continue;
    require(n.phone->size() >= 7 && n.phone->size() <= 15, "parse_contact_cell: a phone has 7 to 15 digits");
    for (char c : *n.phone) require((c >= '0' && c <= '9') || c == '*', "parse_contact_cell: a phone is digits and *");
  }
  const RowKind kind = decide_kind(std::nullopt, cell, text, text);
  require(!key(kind.rule).empty(), "decide_kind: a rule");
}

void check_time(std::string_view text) {
  const Date start{year{2026}, month{9}, day{7}};
  const Date first{year{2026}, month{11}, day{16}};
  const Date last{year{2026}, month{11}, day{29}};
  const auto when = parse_form_time(text, first, last, start);
  if (const auto* error = std::get_if<dormlink::WhenError>(&when)) {
    require(!error->message.empty(), "parse_form_time: an error says why");
    return;
  }
  const auto& at = std::get<dormlink::LocalDateTime>(when);
  require(dormlink::within(at.date, first, last), "parse_form_time: inside the period");
  require(at.hour >= 0 && at.hour <= 23 && at.minute >= 0 && at.minute <= 59, "parse_form_time: a real time");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = dormlink::fuzz::as_text(data, size);
  check_cell(text, DigitNames::refused);
  check_cell(text, DigitNames::student_ids);
  (void)kind_in_text(text);
  check_time(text);
  return 0;
}
