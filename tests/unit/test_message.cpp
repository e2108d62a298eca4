// What a message may show of a user-supplied value (message.hpp, docs/security.md "Messages").
#include <doctest/doctest.h>

#include <string>

#include "dormlink/message.hpp"

using namespace dormlink;

TEST_SUITE("message") {
  TEST_CASE("a run of 7 or more digits is a possible phone number, however it is typed") {
    for (const char* value : {"13656161762", "张晨昕 13656161762", "136 5616 1762", "136-5616-1762",
                              "+86 136 5616 1762", "１３６５６１６１７６２", "1365616", "0571-88273456", "88273456",
                              "2023110101", "tel:13656161762x", "8827 3456", "12345678"}) {
      INFO(value);
      CHECK(is_sensitive_value(value));
      CHECK(quote_value(value) == "(value not shown)");
    }
  }

  TEST_CASE("dates, short numbers and ordinary words are shown, quoted") {
    for (const char* value :
         {"2026-09-07", "2026-09-07 19:30", "20260907", "2026-13-01", "2026-03-011", "2026/9/7 19:30", "123456",
          "8-305", "10-106", "T2024", "张三", "心理学", "week 1-2", "2026-09-07 - 2026-09-14"}) {
      INFO(value);
      CHECK_FALSE(is_sensitive_value(value));
    }
    CHECK(quote_value("张三") == "\"张三\"");
    CHECK(quote_value("8-305") == "\"8-305\"");
  }

  TEST_CASE("attention categories in any spelling, alone or inside a value") {
    for (const char* value : {"心理素质较差", "家庭经济困难;心理素质较差", "心理", "经济困难", "psychological",
                              "Psychological Fragility", "self-discipline", "self_discipline", "LOW MOTIVATION",
                              "family economic hardship", "学生 心理问题 严重", "ｐｓｙｃｈｏｌｏｇｉｃａｌ"}) {
      INFO(value);
      CHECK(is_sensitive_value(value));
      CHECK(quote_value(value) == "(value not shown)");
    }
  }

  TEST_CASE("quote_value escapes hidden characters and shows a value on one line") {
    CHECK(quote_value("李\x1b[2J明") == "\"李\\u{1B}[2J明\"");
    CHECK(quote_value("a\nb") == "\"a↵b\"");
    CHECK(quote_value("金\u202E丝") == "\"金\\u{202E}丝\"");
    CHECK(quote_value("a\xFF") == "\"a\uFFFD\"");
  }

  TEST_CASE("scrub_message hides phone numbers and categories but keeps ids, dates and record numbers") {
    CHECK(scrub_message("--member 张晨昕 13656161762: no student\n") == "--member 张晨昕 (not shown): no student\n");
    CHECK(scrub_message("a 136 5616 1762 b") == "a (not shown) b");
    CHECK(scrub_message("a +86 136-5616-1762 b") == "a +(not shown) b");
    CHECK(scrub_message("tel ０５７１－８８２７３４５６") == "tel (not shown)");
    CHECK(scrub_message("column \"性别\": unknown value 心理素质较差") == "column \"性别\": unknown value (not shown)");
    CHECK(scrub_message("key psychological_fragility") == "key (not shown)");
    // Not phone numbers: student ids, dates, record numbers, hashes, seeds.
    const std::string kept = "李明 2023110101 on 2026-09-07 19:30, record #12, chain head 3f2a9b1c0d4e, seed 20260907";
    CHECK(scrub_message(kept) == kept);
    // E-mail addresses go, wherever they stand; a verify head "HEX@COUNT" stays.
    CHECK(scrub_message("to chen.yi+x@college.example.") == "to (not shown).");
    CHECK(scrub_message("8f3a0c1d@1234") == "8f3a0c1d@1234");
    CHECK(quote_value("a@b.cn") == "(value not shown)");
    // A date and a phone side by side: only the phone goes.
    CHECK(scrub_message("2026-09-07 13656161762") == "2026-09-07 (not shown)");
    // Controls never reach the terminal; tab and newline stay.
    CHECK(scrub_message("a\x1b[31mb\tc\n") == "a\\u{1B}[31mb\tc\n");
  }

  TEST_CASE("scrub_command_line_echo hides every run of 7 or more digits") {
    CHECK(scrub_command_line_echo("--lang: 88273456 not in {zh,en}") == "--lang: (not shown) not in {zh,en}");
    CHECK(scrub_command_line_echo("--lang: 2026-09-07 not in {zh,en}") == "--lang: 2026-09-07 not in {zh,en}");
  }

  TEST_CASE("utf8_problem and name_problem say what is wrong and where, never the text") {
    CHECK_FALSE(utf8_problem("张三").has_value());
    CHECK(utf8_problem("好\xFF的") == "is not valid UTF-8 (byte 0xFF at offset 3)");
    CHECK_FALSE(name_problem("张三").has_value());
    CHECK(name_problem("好\xFF的") == "is not valid UTF-8 (byte 0xFF at offset 3)");
    CHECK(name_problem("金\u202E丝") ==
          "contains U+202E (an invisible control or format character) at character 2; names, ids and codes must "
          "be plain visible text");
    CHECK(name_problem("a\tb")->starts_with("contains U+0009"));
    CHECK(name_problem("ab\u200B")->starts_with("contains U+200B"));
  }
}
