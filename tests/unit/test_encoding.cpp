#include <doctest/doctest.h>

#include <random>
#include <string>

#include "dormlink/error.hpp"
#include "dormlink/util/csv.hpp"
#include "dormlink/util/encoding.hpp"
#include "dormlink/util/text.hpp"

using namespace dormlink::util;
using dormlink::DataError;

namespace {

// Appends one UTF-16 code unit in the given byte order.
void append_unit(std::string& out, char16_t unit, bool little_endian) {
  const auto high = static_cast<char>(unit >> 8U);
  const auto low = static_cast<char>(unit & 0xFFU);
  out.push_back(little_endian ? low : high);
  out.push_back(little_endian ? high : low);
}

// Encodes UTF-8 test text as UTF-16 (with surrogate pairs above U+FFFF).
std::string to_utf16(std::string_view utf8, bool little_endian) {
  std::string out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t c = next_code_point(utf8, pos);
    if (c >= 0x10000) {
      append_unit(out, static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10U)), little_endian);
      append_unit(out, static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FFU)), little_endian);
    } else {
      append_unit(out, static_cast<char16_t>(c), little_endian);
    }
  }
  return out;
}

// Deterministic noise standing in for a binary file (an .xlsx renamed to .csv).
std::string random_bytes(std::size_t count) {
  std::mt19937 engine(20261127);
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(static_cast<char>(engine() & 0xFFU));
  return out;
}

}  // namespace

TEST_SUITE("util.encoding") {
  TEST_CASE("encoding_name and parse_encoding_name agree on the --encoding values") {
    CHECK(encoding_name(Encoding::utf8) == "UTF-8");
    CHECK(encoding_name(Encoding::utf8_bom) == "UTF-8 (BOM)");
    CHECK(encoding_name(Encoding::gb18030) == "GBK/GB18030");
    CHECK(encoding_name(Encoding::utf16le) == "UTF-16LE");
    CHECK(encoding_name(Encoding::utf16be) == "UTF-16BE");
    CHECK(parse_encoding_name("utf-8") == Encoding::utf8);
    CHECK(parse_encoding_name("UTF8") == Encoding::utf8);
    CHECK(parse_encoding_name("GBK") == Encoding::gb18030);
    CHECK(parse_encoding_name("gb2312") == Encoding::gb18030);
    CHECK(parse_encoding_name("GB18030") == Encoding::gb18030);
    CHECK(parse_encoding_name("utf-16") == Encoding::utf16le);
    CHECK(parse_encoding_name("UTF-16LE") == Encoding::utf16le);
    CHECK(parse_encoding_name("utf-16be") == Encoding::utf16be);
    CHECK_FALSE(parse_encoding_name("latin1").has_value());
    CHECK_FALSE(parse_encoding_name("").has_value());
  }

  TEST_CASE("plain UTF-8 is detected and returned unchanged") {
    const DecodedText decoded = decode_text("学号,姓名\n2024001,张三\n", "students.csv");
    CHECK(decoded.encoding == Encoding::utf8);
    CHECK(decoded.utf8 == "学号,姓名\n2024001,张三\n");
  }

  TEST_CASE("an empty file decodes to empty UTF-8") {
    const DecodedText decoded = decode_text("", "students.csv");
    CHECK(decoded.encoding == Encoding::utf8);
    CHECK(decoded.utf8.empty());
  }

  TEST_CASE("a UTF-8 BOM before a quoted header is stripped") {
    const DecodedText decoded = decode_text("\xEF\xBB\xBF\"学号\",\"姓名\"\r\n2024001,张三\r\n", "students.csv");
    CHECK(decoded.encoding == Encoding::utf8_bom);
    CHECK(decoded.utf8 == "\"学号\",\"姓名\"\r\n2024001,张三\r\n");
    const CsvTable table = parse_csv(decoded.utf8, "students.csv");
    CHECK(table.header.fields == std::vector<std::string>{"学号", "姓名"});
  }

  TEST_CASE("GBK bytes are detected and decoded as GB18030") {
    SUBCASE("literal GBK bytes of 张三,男") {
      const DecodedText decoded = decode_text("\xD5\xC5\xC8\xFD,\xC4\xD0", "students.csv");
      CHECK(decoded.encoding == Encoding::gb18030);
      CHECK(decoded.utf8 == "张三,男");
    }
    SUBCASE("a whole roster encoded by encode_gb18030") {
      const std::string text = "学号,姓名,宿舍\r\n2024001,张三,3号楼101\r\n2024002,欧阳娜娜,𠀀\r\n";
      const DecodedText decoded = decode_text(encode_gb18030(text), "students.csv");
      CHECK(decoded.encoding == Encoding::gb18030);
      CHECK(decoded.utf8 == text);
    }
  }

  TEST_CASE("encode_gb18030 produces GBK bytes for GBK characters") {
    CHECK(encode_gb18030("张三,男") == "\xD5\xC5\xC8\xFD,\xC4\xD0");
    CHECK(encode_gb18030("ascii") == "ascii");
    CHECK(encode_gb18030("").empty());
  }

  TEST_CASE("encode_gb18030 refuses malformed UTF-8") {
    CHECK_THROWS_WITH_AS(encode_gb18030("ab\xC0\xAF"), "text cannot be encoded as GB18030 (byte offset 2)", DataError);
  }

  TEST_CASE("UTF-16 with a BOM is detected, tabs and all") {
    const std::string text = "学号\t姓名\r\n2024001\t张三\r\n2024002\t𠀀\r\n";
    SUBCASE("little-endian") {
      const DecodedText decoded = decode_text("\xFF\xFE" + to_utf16(text, true), "students.txt");
      CHECK(decoded.encoding == Encoding::utf16le);
      CHECK(decoded.utf8 == text);
      const CsvTable table = parse_csv(decoded.utf8, "students.txt");
      CHECK(table.delimiter == '\t');
      CHECK(table.records().size() == 2);
    }
    SUBCASE("big-endian") {
      const DecodedText decoded = decode_text("\xFE\xFF" + to_utf16(text, false), "students.txt");
      CHECK(decoded.encoding == Encoding::utf16be);
      CHECK(decoded.utf8 == text);
    }
  }

  TEST_CASE("UTF-16 without a BOM is refused unless forced") {
    const std::string bytes = to_utf16("id,name\r\n1,张三\r\n", true);
    CHECK_THROWS_WITH_AS(decode_text(bytes, "students.csv"),
                         "students.csv:1: not UTF-8, GBK/GB18030 or UTF-16 text (byte 0x00 at "
                         "offset 1); save it from Excel as \"CSV UTF-8\" or pass --encoding",
                         DataError);
    const DecodedText decoded = decode_text(bytes, "students.csv", Encoding::utf16le);
    CHECK(decoded.encoding == Encoding::utf16le);
    CHECK(decoded.utf8 == "id,name\r\n1,张三\r\n");
  }

  TEST_CASE("forcing UTF-16 follows the byte order of a BOM") {
    const std::string bytes = "\xFE\xFF" + to_utf16("a,b\n", false);
    const DecodedText decoded = decode_text(bytes, "students.csv", Encoding::utf16le);
    CHECK(decoded.encoding == Encoding::utf16be);
    CHECK(decoded.utf8 == "a,b\n");
  }

  TEST_CASE("forcing GBK reads GBK bytes") {
    const DecodedText decoded = decode_text("\xD5\xC5\xC8\xFD", "students.csv", Encoding::gb18030);
    CHECK(decoded.encoding == Encoding::gb18030);
    CHECK(decoded.utf8 == "张三");
  }

  TEST_CASE("bytes that are no text encoding are refused with the offending byte") {
    SUBCASE("a byte GB18030 does not allow") {
      CHECK_THROWS_WITH_AS(decode_text("abc\x80"
                                       "def",
                                       "students.csv"),
                           "students.csv:1: not UTF-8, GBK/GB18030 or UTF-16 text (byte 0x80 at "
                           "offset 3); save it from Excel as \"CSV UTF-8\" or pass --encoding",
                           DataError);
    }
    SUBCASE("a control character after a GB18030 decode") {
      CHECK_THROWS_WITH_AS(decode_text(std::string("\xD5\xC5\x00\xC8\xFD", 5), "students.csv"),
                           "students.csv:1: not UTF-8, GBK/GB18030 or UTF-16 text (byte 0x00 at "
                           "offset 2); save it from Excel as \"CSV UTF-8\" or pass --encoding",
                           DataError);
    }
    SUBCASE("a truncated GB18030 character at the end") {
      CHECK_THROWS_WITH_AS(decode_text("\xD5\xC5\xC8", "students.csv"),
                           "students.csv:1: not UTF-8, GBK/GB18030 or UTF-16 text (byte 0xC8 at "
                           "offset 2); save it from Excel as \"CSV UTF-8\" or pass --encoding",
                           DataError);
    }
  }

  TEST_CASE("random binary data is refused") {
    const std::string bytes = random_bytes(4096);
    try {
      decode_text(bytes, "roster.xlsx");
      FAIL("random bytes were accepted as text");
    } catch (const DataError& e) {
      const std::string message = e.what();
      CHECK(message.starts_with("roster.xlsx:"));
      CHECK(message.find(": not UTF-8, GBK/GB18030 or UTF-16 text (byte 0x") != std::string::npos);
      CHECK(message.ends_with("; save it from Excel as \"CSV UTF-8\" or pass --encoding"));
    }
  }

  TEST_CASE("error messages never echo the file's content") {
    const std::string bytes = "学号,手机\n2024001,13800138000\x81\n";
    try {
      decode_text(bytes, "students.csv");
      FAIL("malformed bytes were accepted");
    } catch (const DataError& e) {
      CHECK(std::string(e.what()).find("13800138000") == std::string::npos);
    }
  }

  TEST_CASE("a UTF-8 file with one damaged byte is refused where it is, not read as GBK") {
    const std::string head = "党员姓名,联系寝室名称,时间,说明\n李明,1-102,2026-09-10 19:30,好的\n";
    const std::string bytes = head + "李明,1-102,2026-09-11 19:30,好\xFF的\n";
    const std::size_t offset = bytes.find('\xFF');
    CHECK_THROWS_WITH_AS(decode_text(bytes, "batch.csv"),
                         ("batch.csv:3: not valid UTF-8 (byte 0xFF at offset " + std::to_string(offset) +
                          "), though the file is UTF-8 up to there; correct that character, or pass --encoding if "
                          "the file is in another encoding")
                             .c_str(),
                         DataError);
    // GBK text is still detected as GBK, and so is the damaged file when --encoding says so.
    const DecodedText gbk = decode_text(encode_gb18030(head), "batch.csv");
    CHECK(gbk.encoding == Encoding::gb18030);
    CHECK(gbk.utf8 == head);
  }

  TEST_CASE("a control character in a UTF-8 file is named with its line") {
    CHECK_THROWS_WITH_AS(decode_text("学号,姓名\n1,张\x1b[2J三\n", "students.csv"),
                         "students.csv:2: holds a control character (byte 0x1B at offset 19), which a text file "
                         "cannot; remove it and save the file again",
                         DataError);
  }

  TEST_CASE("errors name the line in UTF-16 files too") {
    const std::string bytes = "\xFF\xFE" + to_utf16("a,b\n1,2\n", true) + std::string("\x00\xD8", 2);  // lone surrogate
    try {
      decode_text(bytes, "students.csv");
      FAIL("a lone surrogate was accepted");
    } catch (const DataError& e) {
      CHECK(std::string(e.what()).starts_with("students.csv:3: not UTF-8, GBK/GB18030 or UTF-16 text"));
    }
  }

  TEST_CASE("a forced encoding that does not fit is refused with the encoding and offset") {
    SUBCASE("GBK bytes forced as UTF-8") {
      CHECK_THROWS_WITH_AS(decode_text("\xD5\xC5\xC8\xFD", "students.csv", Encoding::utf8),
                           "students.csv:1: cannot be read as UTF-8 (byte 0xD5 at offset 0); pass "
                           "the right --encoding or save it from Excel as \"CSV UTF-8\"",
                           DataError);
    }
    SUBCASE("an odd number of bytes forced as UTF-16LE") {
      CHECK_THROWS_WITH_AS(decode_text("abc", "students.csv", Encoding::utf16le),
                           "students.csv:1: cannot be read as UTF-16LE (byte 0x63 at offset 2); "
                           "pass the right --encoding or save it from Excel as \"CSV UTF-8\"",
                           DataError);
    }
    SUBCASE("ASCII forced as UTF-16BE decodes to controls") {
      CHECK_THROWS_WITH_AS(decode_text(std::string("\x00\x01", 2), "students.csv", Encoding::utf16be),
                           "students.csv:1: cannot be read as UTF-16BE (byte 0x00 at offset 0); "
                           "pass the right --encoding or save it from Excel as \"CSV UTF-8\"",
                           DataError);
    }
  }
}
