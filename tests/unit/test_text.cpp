#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include <string>

#include "dormlink/util/pinyin.hpp"
#include "dormlink/util/text.hpp"

using namespace dormlink::util;

TEST_SUITE("util.text") {
  TEST_CASE("is_valid_utf8 accepts well-formed text") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII"));
    CHECK(is_valid_utf8("张三，男"));
    CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600, four bytes
    CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
    CHECK(is_valid_utf8("\xEF\xBF\xBD"));      // U+FFFD itself is valid
  }

  TEST_CASE("is_valid_utf8 rejects malformed sequences") {
    SUBCASE("overlong two-byte slash") { CHECK_FALSE(is_valid_utf8("\xC0\xAF")); }
    SUBCASE("overlong three-byte slash") { CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF")); }
    SUBCASE("overlong four-byte") { CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF")); }
    SUBCASE("high surrogate") { CHECK_FALSE(is_valid_utf8("\xED\xA0\x80")); }
    SUBCASE("low surrogate") { CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF")); }
    SUBCASE("above U+10FFFF") { CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); }
    SUBCASE("lead byte 0xF5") { CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80")); }
    SUBCASE("truncated at the end") { CHECK_FALSE(is_valid_utf8("ab\xE5\xBC")); }
    SUBCASE("lone continuation byte") { CHECK_FALSE(is_valid_utf8("a\x80z")); }
    SUBCASE("GBK bytes") { CHECK_FALSE(is_valid_utf8("\xD5\xC5\xC8\xFD")); }
  }

  TEST_CASE("find_invalid_utf8 and describe_invalid_utf8 name the first bad byte") {
    CHECK_FALSE(find_invalid_utf8("张三 abc").has_value());
    CHECK(find_invalid_utf8("ab\xFF"
                            "cd") == 2);
    CHECK(find_invalid_utf8("好\xC0\xAF") == 3);      // overlong
    CHECK(find_invalid_utf8("a\xED\xA0\x80z") == 1);  // surrogate
    CHECK(find_invalid_utf8("好\xE5\xBC") == 3);      // truncated
    CHECK(describe_invalid_utf8("ok").empty());
    CHECK(describe_invalid_utf8("ab\xFF"
                                "cd") == "byte 0xFF at offset 2");
    CHECK(describe_invalid_utf8("好\xE5\xBC") == "truncated at offset 3");
    CHECK(describe_invalid_utf8("好\xE5\xBC"
                                "x") == "byte 0xE5 at offset 3");
  }

  TEST_CASE("hidden characters: controls, format characters and line separators") {
    for (char32_t c : {U'\0',     U'\t',     U'\n',     U'\r',     U'\x1B',   U'\x7F',   U'\x80',      U'\x85',
                       U'\x9F',   U'\u00AD', U'\u061C', U'\u200B', U'\u200D', U'\u200E', U'\u2028',    U'\u2029',
                       U'\u202A', U'\u202E', U'\u2060', U'\u2066', U'\u2069', U'\uFEFF', U'\U000E0041'}) {
      INFO(code_point_label(c));
      CHECK(is_hidden_character(c));
    }
    for (char32_t c : {U' ', U'a', U'~', U'\u00A0', U'\u00E9', U'\u3000', U'\u4E2D', U'\u202F', U'\u0301', U'\uFFFD',
                       U'\U0001F600'}) {
      INFO(code_point_label(c));
      CHECK_FALSE(is_hidden_character(c));
    }
    CHECK(code_point_label(U'\x1B') == "U+001B");
    CHECK(code_point_label(U'\U000E0041') == "U+E0041");
  }

  TEST_CASE("find_hidden_character gives the code point, its byte offset and its position") {
    const auto rlo = find_hidden_character("金\u202E丝");
    REQUIRE(rlo.has_value());
    CHECK(rlo->code_point == U'\u202E');
    CHECK(rlo->offset == 3);
    CHECK(rlo->position == 2);
    CHECK_FALSE(find_hidden_character("张三 Zhang").has_value());
    CHECK(find_hidden_character("a\tb")->code_point == U'\t');
    CHECK_FALSE(find_hidden_character("a\tb\nc\r\nd", true).has_value());
    CHECK(find_hidden_character("a\rb", true)->code_point == U'\r');  // a lone CR is no line break
    CHECK(find_hidden_character("a\x1b[2J", true)->code_point == U'\x1B');
  }

  TEST_CASE("escape_hidden shows every hidden character and keeps everything else") {
    SUBCASE("clean text comes back byte for byte") {
      const std::string clean = "张三 a|b <i> \\ 😀 e\u0301\u3000";
      CHECK(escape_hidden(clean, LineBreaks::keep) == clean);
      CHECK(escape_hidden(clean, LineBreaks::mark) == clean);
    }
    SUBCASE("terminal escapes, C1 controls, bidi and zero-width characters") {
      CHECK(escape_hidden("\x1b[2J\x1b]0;x\x07", LineBreaks::keep) == "\\u{1B}[2J\\u{1B}]0;x\\u{07}");
      CHECK(escape_hidden("a\xC2\x85"
                          "b\u2028c\u202Ed\u200Be\uFEFF\x7F",
                          LineBreaks::keep) == "a\\u{85}b\\u{2028}c\\u{202E}d\\u{200B}e\\u{FEFF}\\u{7F}");
      CHECK(escape_hidden("tag\U000E0041", LineBreaks::keep) == "tag\\u{E0041}");
    }
    SUBCASE("line breaks and tabs: kept in documents, one line in cells") {
      CHECK(escape_hidden("a\nb\r\nc\td\re", LineBreaks::keep) == "a\nb\r\nc\td\\u{0D}e");
      CHECK(escape_hidden("a\nb\r\nc\td\re", LineBreaks::mark) == "a↵b↵c d\\u{0D}e");
    }
    SUBCASE("bytes that are not UTF-8 become U+FFFD, one each") {
      CHECK(escape_hidden("a\xFF"
                          "b\xE5\xBC",
                          LineBreaks::keep) == "a\uFFFDb\uFFFD\uFFFD");
    }
  }

  TEST_CASE("digit_groups folds full-width digits and joins groups split by spaces or dashes") {
    const auto g = digit_groups("tel 139 1234-5678, ０５７１－８８２７ x 12");
    REQUIRE(g.size() == 6);
    CHECK(g[0].digits == "139");
    CHECK_FALSE(g[0].joined);
    CHECK(g[1].digits == "1234");
    CHECK(g[1].joined);
    CHECK(g[1].gap == " ");
    CHECK(g[2].digits == "5678");
    CHECK(g[2].gap == "-");
    CHECK(g[3].digits == "0571");
    CHECK_FALSE(g[3].joined);  // after ", "
    CHECK(g[4].digits == "8827");
    CHECK(g[4].joined);
    CHECK(g[4].gap == "-");
    CHECK(g[5].digits == "12");
    CHECK_FALSE(g[5].joined);  // " x "
    CHECK(g[0].begin == 4);
    CHECK(g[2].end == 17);
    CHECK(digit_groups("①②③")[0].digits == "123");
    CHECK(digit_groups("1    2")[1].joined == false);  // four spaces are no separator
  }

  TEST_CASE("trim removes ASCII, ideographic and no-break spaces at both ends") {
    SUBCASE("ideographic spaces") { CHECK(trim("\u3000\u3000张三\u3000") == "张三"); }
    SUBCASE("no-break spaces") { CHECK(trim("\u00A0123\u00A0") == "123"); }
    SUBCASE("ASCII white space") { CHECK(trim(" \t\r\n李四 \r\n") == "李四"); }
    SUBCASE("mixed") { CHECK(trim(" \u3000\u00A0 a b \u3000 ") == "a b"); }
    SUBCASE("inner spaces stay") { CHECK(trim("张\u3000三") == "张\u3000三"); }
    SUBCASE("only spaces") { CHECK(trim(" \u3000 ").empty()); }
    SUBCASE("empty") { CHECK(trim("").empty()); }
  }

  TEST_CASE("nfkc turns full-width input from an IME into ASCII") {
    SUBCASE("full-width digits") { CHECK(nfkc("１３８００１３８０００") == "13800138000"); }
    SUBCASE("full-width letters") { CHECK(nfkc("ＡＢｃ－１２") == "ABc-12"); }
    SUBCASE("ideographic space becomes a space") { CHECK(nfkc("\u3000") == " "); }
    SUBCASE("Chinese is unchanged") { CHECK(nfkc("计算机学院") == "计算机学院"); }
    SUBCASE("ASCII is unchanged") { CHECK(nfkc("2024-001 A") == "2024-001 A"); }
    SUBCASE("empty") { CHECK(nfkc("").empty()); }
  }

  TEST_CASE("normalize_code applies nfkc and then trim") {
    CHECK(normalize_code("\u3000１３８００１３８０００ ") == "13800138000");
    CHECK(normalize_code(" ２０２４００１\u00A0") == "2024001");
  }

  TEST_CASE("display_width counts East Asian wide characters as two columns") {
    SUBCASE("Chinese name") { CHECK(display_width("张三") == 4); }
    SUBCASE("ASCII") { CHECK(display_width("abc") == 3); }
    SUBCASE("mixed") { CHECK(display_width("3号楼A") == 6); }
    SUBCASE("full-width letter and punctuation") { CHECK(display_width("Ａ，") == 4); }
    SUBCASE("combining accent takes no column") { CHECK(display_width("e\u0301") == 1); }
    SUBCASE("zero-width space takes no column") { CHECK(display_width("a\u200Bb") == 2); }
    SUBCASE("empty") { CHECK(display_width("") == 0); }
  }

  TEST_CASE("next_code_point decodes and advances") {
    const std::string text = "a张\xF0\x9F\x98\x80";
    std::size_t pos = 0;
    CHECK(next_code_point(text, pos) == U'a');
    CHECK(pos == 1);
    CHECK(next_code_point(text, pos) == U'张');
    CHECK(pos == 4);
    CHECK(next_code_point(text, pos) == U'\U0001F600');
    CHECK(pos == 8);
  }

  TEST_CASE("next_code_point returns U+FFFD and skips one byte on malformed input") {
    SUBCASE("overlong") {
      std::size_t pos = 0;
      CHECK(next_code_point("\xC0\xAF", pos) == U'\uFFFD');
      CHECK(pos == 1);
    }
    SUBCASE("truncated") {
      std::size_t pos = 0;
      CHECK(next_code_point("\xE5\xBC", pos) == U'\uFFFD');
      CHECK(pos == 1);
    }
    SUBCASE("at the end") {
      std::size_t pos = 2;
      CHECK(next_code_point("ab", pos) == U'\uFFFD');
      CHECK(pos == 2);
    }
  }

  TEST_CASE("append_utf8 encodes every length and replaces invalid code points") {
    std::string out;
    SUBCASE("one to four bytes") {
      append_utf8(out, U'a');
      append_utf8(out, U'\u00E9');
      append_utf8(out, U'张');
      append_utf8(out, U'\U0001F600');
      CHECK(out == "a\u00E9张\xF0\x9F\x98\x80");
    }
    SUBCASE("surrogate") {
      append_utf8(out, char32_t{0xD800});
      CHECK(out == "\uFFFD");
    }
    SUBCASE("above U+10FFFF") {
      append_utf8(out, char32_t{0x110000});
      CHECK(out == "\uFFFD");
    }
  }

  TEST_CASE("pinyin reads names, surnames as surnames") {
    CHECK(pinyin("张三") == "zhang san");
    CHECK(pinyin("单雪") == "shan xue");  // 单 as a surname, not dan
    CHECK(pinyin("曾小贤") == "zeng xiao xian");
    CHECK(pinyin("欧阳娜娜") == "ou yang na na");
    CHECK(pinyin("吕布") == "lu bu");  // ü folded to u, as typed on a keyboard
    CHECK(pinyin("Anna 李") == "anna li");
    CHECK(pinyin("") == "");
  }

  TEST_CASE("typed pinyin matches in full, by initials or as a prefix") {
    CHECK(match_pinyin("zhangsan", "zhang san") == PinyinMatch::full);
    CHECK(match_pinyin("Zhang San", "zhang san") == PinyinMatch::full);
    CHECK(match_pinyin("zhang'san", "zhang san") == PinyinMatch::full);
    CHECK(match_pinyin("zs", "zhang san") == PinyinMatch::initials);
    CHECK(match_pinyin("zhangs", "zhang san") == PinyinMatch::prefix);
    CHECK(match_pinyin("zhao", "zhang san") == PinyinMatch::none);
    CHECK(match_pinyin("2023001", "zhang san") == PinyinMatch::none);
    CHECK(match_pinyin("张三", "zhang san") == PinyinMatch::none);
    CHECK(match_pinyin("", "zhang san") == PinyinMatch::none);
    CHECK(is_pinyin_text("li qing"));
    CHECK_FALSE(is_pinyin_text("M1"));
    CHECK_FALSE(is_pinyin_text("李"));
  }

  TEST_CASE("names sort by pinyin, Latin after Han") {
    std::vector<std::string> names{"张三", "李四", "王五", "阿明", "赵六", "欧阳娜娜", "Anna"};
    std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return pinyin_less(a, b); });
    CHECK(names == std::vector<std::string>{"阿明", "李四", "欧阳娜娜", "王五", "张三", "赵六", "Anna"});
    CHECK(compare_pinyin("张三", "张三") == 0);
    CHECK(compare_pinyin("李四", "张三") < 0);
    CHECK(compare_pinyin("张三", "李四") > 0);
  }
}
