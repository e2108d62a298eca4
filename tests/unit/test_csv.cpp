#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dormlink/error.hpp"
#include "dormlink/util/csv.hpp"

using namespace dormlink::util;
using dormlink::DataError;
using Fields = std::vector<std::string>;

TEST_SUITE("util.csv") {
  TEST_CASE("a simple file has a header and records with their lines") {
    const CsvTable table = parse_csv("学号,姓名\n2024001,张三\n2024002,李四\n", "students.csv");
    CHECK(table.delimiter == ',');
    CHECK(table.header.line == 1);
    CHECK(table.header.fields == Fields{"学号", "姓名"});
    REQUIRE(table.records().size() == 2);
    CHECK(table.records()[0].line == 2);
    CHECK(table.records()[0].fields == Fields{"2024001", "张三"});
    CHECK(table.records()[1].line == 3);
    CHECK(table.records()[1].fields == Fields{"2024002", "李四"});
  }

  TEST_CASE("the last line may lack a line break") {
    const CsvTable table = parse_csv("a,b\n1,2", "t.csv");
    REQUIRE(table.records().size() == 1);
    CHECK(table.records()[0].fields == Fields{"1", "2"});
  }

  TEST_CASE("quoted fields may hold delimiters, doubled quotes and spaces") {
    SUBCASE("delimiter inside quotes") {
      const CsvTable table = parse_csv("a,b\n\"3号楼, 101\",x\n", "t.csv");
      CHECK(table.records().at(0).fields == Fields{"3号楼, 101", "x"});
    }
    SUBCASE("doubled quotes") {
      const CsvTable table = parse_csv("a,b\n\"他说\"\"好\"\"\",\"\"\"\"\n", "t.csv");
      CHECK(table.records().at(0).fields == Fields{"他说\"好\"", "\""});
    }
    SUBCASE("empty quoted field next to a value") {
      const CsvTable table = parse_csv("a,b\n\"\",1\n", "t.csv");
      CHECK(table.records().at(0).fields == Fields{"", "1"});
    }
    SUBCASE("spaces are kept") {
      const CsvTable table = parse_csv("a,b\n \"x\" , y \n", "t.csv");
      CHECK(table.records().at(0).fields == Fields{" \"x\" ", " y "});
    }
  }

  TEST_CASE("a stray quote inside an unquoted field is kept literally") {
    const CsvTable table = parse_csv("a,b\n5'11\",ab\"c\n", "t.csv");
    CHECK(table.records().at(0).fields == Fields{"5'11\"", "ab\"c"});
  }

  TEST_CASE("an embedded newline stays in the field and the record keeps its start line") {
    SUBCASE("LF") {
      const CsvTable table = parse_csv("a,b\n1,\"第一行\n第二行\"\n2,x\n", "t.csv");
      REQUIRE(table.records().size() == 2);
      CHECK(table.records()[0].line == 2);
      CHECK(table.records()[0].fields == Fields{"1", "第一行\n第二行"});
      CHECK(table.records()[1].line == 4);
    }
    SUBCASE("CRLF") {
      const CsvTable table = parse_csv("a,b\r\n1,\"x\r\n\r\ny\"\r\n2,z\r\n", "t.csv");
      REQUIRE(table.records().size() == 2);
      CHECK(table.records()[0].fields == Fields{"1", "x\r\n\r\ny"});
      CHECK(table.records()[1].line == 5);
    }
  }

  TEST_CASE("line endings may be CRLF, LF or a lone CR") {
    const Fields expected{"1", "2"};
    SUBCASE("CRLF") {
      const CsvTable table = parse_csv("a,b\r\n1,2\r\n1,2\r\n", "t.csv");
      REQUIRE(table.records().size() == 2);
      CHECK(table.records()[1].fields == expected);
      CHECK(table.records()[1].line == 3);
    }
    SUBCASE("lone CR") {
      const CsvTable table = parse_csv("a,b\r1,2\r1,2\r", "t.csv");
      REQUIRE(table.records().size() == 2);
      CHECK(table.records()[1].fields == expected);
      CHECK(table.records()[1].line == 3);
    }
  }

  TEST_CASE("records whose fields are all empty are dropped") {
    const CsvTable table = parse_csv("\n,,\na,b,c\n1,,\n,,,\n\n\"\",\"\",\"\"\r\n2,x,y\n,,,\n", "t.csv");
    CHECK(table.header.line == 3);
    CHECK(table.header.fields == Fields{"a", "b", "c"});
    REQUIRE(table.records().size() == 2);
    CHECK(table.records()[0].line == 4);
    CHECK(table.records()[0].fields == Fields{"1", "", ""});
    CHECK(table.records()[1].line == 8);
    CHECK(table.records()[1].fields == Fields{"2", "x", "y"});
  }

  TEST_CASE("a trailing delimiter makes a last empty field") {
    const CsvTable table = parse_csv("a,b,c\n1,2,\n", "t.csv");
    CHECK(table.records().at(0).fields == Fields{"1", "2", ""});
  }

  TEST_CASE("the delimiter is chosen from the header line") {
    SUBCASE("tabs and no commas") {
      const CsvTable table = parse_csv("学号\t姓名\n2024001\t张, 三\n", "t.txt");
      CHECK(table.delimiter == '\t');
      CHECK(table.records().at(0).fields == Fields{"2024001", "张, 三"});
    }
    SUBCASE("commas win over tabs") {
      const CsvTable table = parse_csv("a\tb,c\n1\t2,3\n", "t.csv");
      CHECK(table.delimiter == ',');
      CHECK(table.records().at(0).fields == Fields{"1\t2", "3"});
    }
    SUBCASE("a single column") {
      const CsvTable table = parse_csv("学号\n2024001\n", "t.csv");
      CHECK(table.delimiter == ',');
      CHECK(table.records().at(0).fields == Fields{"2024001"});
    }
    SUBCASE("blank lines before the header") {
      const CsvTable table = parse_csv("\r\n\r\na\tb\r\n1\t2\r\n", "t.txt");
      CHECK(table.delimiter == '\t');
      CHECK(table.header.line == 3);
    }
  }

  TEST_CASE("a UTF-8 BOM before a quoted header is skipped") {
    const CsvTable table = parse_csv("\xEF\xBB\xBF\"学号\",\"姓名\"\n1,2\n", "t.csv");
    CHECK(table.header.fields == Fields{"学号", "姓名"});
  }

  TEST_CASE("an unterminated quoted field is reported at the line where it starts") {
    CHECK_THROWS_WITH_AS(parse_csv("a,b\n1,2\n3,\"never\nclosed\n4,5\n", "students.csv"),
                         "students.csv:3: quoted field starts here and never closes; close the "
                         "quote or re-save the file from Excel",
                         DataError);
  }

  TEST_CASE("text after a closing quote is an error") {
    CHECK_THROWS_WITH_AS(parse_csv("a,b\n1,\"x\ny\"z\n", "students.csv"),
                         "students.csv:3: text after the closing quote of a quoted field; write a "
                         "quote inside a quoted field as two quotes (\"\")",
                         DataError);
  }

  TEST_CASE("a file without a header row is refused") {
    SUBCASE("empty") {
      CHECK_THROWS_WITH_AS(parse_csv("", "students.csv"), "students.csv: the file is empty; expected a header row",
                           DataError);
    }
    SUBCASE("only blank lines and empty fields") {
      CHECK_THROWS_WITH_AS(parse_csv("\r\n,,,\r\n\n", "students.csv"),
                           "students.csv: the file is empty; expected a header row", DataError);
    }
    SUBCASE("only a BOM") {
      CHECK_THROWS_WITH_AS(parse_csv("\xEF\xBB\xBF", "students.csv"),
                           "students.csv: the file is empty; expected a header row", DataError);
    }
  }

  TEST_CASE("a header without records is a valid table") {
    const CsvTable table = parse_csv("a,b\r\n", "t.csv");
    CHECK(table.header.fields == Fields{"a", "b"});
    CHECK(table.records().empty());
  }

  TEST_CASE("csv_escape quotes only when needed") {
    CHECK(csv_escape("张三") == "张三");
    CHECK(csv_escape("") == "");
    CHECK(csv_escape("a,b") == "\"a,b\"");
    CHECK(csv_escape("他说\"好\"") == "\"他说\"\"好\"\"\"");
    CHECK(csv_escape("x\ny") == "\"x\ny\"");
    CHECK(csv_escape("x\ry") == "\"x\ry\"");
  }

  TEST_CASE("csv_text_field keeps line breaks and tabs and escapes other hidden characters") {
    CHECK(csv_text_field("plain") == "plain");
    CHECK(csv_text_field("a\nb\r\nc\td") == "\"a\nb\r\nc\td\"");
    CHECK(csv_text_field("\x1b[2J\u202Ex\ry") == "\\u{1B}[2J\\u{202E}x\\u{0D}y");
    CHECK(csv_text_field("a,\x07") == "\"a,\\u{07}\"");
  }

  TEST_CASE("csv_escape output parses back to the same fields") {
    const Fields fields{"a,b", "\"", "line1\r\nline2", "", "plain"};
    std::string text = "h1,h2,h3,h4,h5\n";
    for (std::size_t i = 0; i < fields.size(); ++i) {
      text += (i > 0 ? "," : "") + csv_escape(fields[i]);
    }
    const CsvTable table = parse_csv(text, "t.csv");
    CHECK(table.records().at(0).fields == fields);
  }

  // Found by tests/fuzz/fuzz_csv: a TAB in a field was not quoted, and the delimiter was picked
  // from the raw first line, so these did not read back.
  TEST_CASE("tabs inside quotes do not make a file tab-separated, csv_escape quotes a TAB") {
    CHECK(csv_escape("a\tb") == "\"a\tb\"");
    const CsvTable one = parse_csv(csv_escape("a\tb") + "\r\n1\r\n", "t.csv");
    CHECK(one.delimiter == ',');
    CHECK(one.header.fields == Fields{"a\tb"});
    const CsvTable two = parse_csv("\"x\t\ny\",z\n1,2\n", "t.csv");
    CHECK(two.delimiter == ',');
    CHECK(two.header.fields == Fields{"x\t\ny", "z"});
    const CsvTable tabbed = parse_csv("学号\t姓名\n1\t张三\n", "t.tsv");
    CHECK(tabbed.delimiter == '\t');
    CHECK(tabbed.records().at(0).fields == Fields{"1", "张三"});
    CHECK(parse_csv("\"a,b\"\tc\n1\t2\n", "t.tsv").delimiter == '\t');
  }
}

TEST_SUITE("util.csv") {
  TEST_CASE("records are read back one at a time, blank ones skipped, in file order") {
    const CsvTable table = parse_csv("a,b\n1,2\n,\n\n3,\"x\ny\"\n", "t.csv");
    CHECK(table.record_count() == 2);
    CsvReader reader = table.reader();
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(record.line == 2);
    CHECK(record.fields == Fields{"1", "2"});
    REQUIRE(reader.next(record));
    CHECK(record.line == 5);
    CHECK(record.fields == Fields{"3", "x\ny"});
    CHECK_FALSE(reader.next(record));
    CHECK(table.reader().next(record));  // a new reader starts again at the first record
    CHECK(record.line == 2);
  }

  TEST_CASE("a cell over the limit is refused with its line and column, never its content") {
    const CsvLimits limits{8, 1000};
    CHECK(parse_csv("a,b\n1,12345678\n", "t.csv", limits).record_count() == 1);
    CHECK_THROWS_WITH_AS(parse_csv("a,b\n1,123456789\n", "t.csv", limits),
                         "t.csv:2: column 2: the cell is longer than 8 bytes, the limit per cell; is "
                         "this the right file? If it is, raise [limits] max_cell_kib in the config",
                         DataError);
    SUBCASE("quoted, over several lines, counted after unquoting") {
      CHECK(parse_csv("a\n\"1\"\"3\n5678\"\n", "t.csv", limits).records().at(0).fields == Fields{"1\"3\n5678"});
      CHECK_THROWS_WITH_AS(parse_csv("a\n\"1\n3\n5\n7\n9\"\n", "t.csv", limits),
                           "t.csv:2: column 1: the cell is longer than 8 bytes, the limit per cell; "
                           "is this the right file? If it is, raise [limits] max_cell_kib in the config",
                           DataError);
      CHECK_THROWS_AS(parse_csv("a\n\"12345678\"\"\"\n", "t.csv", limits), DataError);
    }
    SUBCASE("in the header too") {
      CHECK_THROWS_WITH_AS(parse_csv("abcdefghi\n1\n", "t.csv", limits),
                           "t.csv:1: column 1: the cell is longer than 8 bytes, the limit per cell; "
                           "is this the right file? If it is, raise [limits] max_cell_kib in the config",
                           DataError);
    }
  }

  TEST_CASE("a row with more fields than the limit is refused at its line") {
    const CsvLimits limits{1024, 3};
    CHECK(parse_csv("a,b,c\n1,2,3\n", "t.csv", limits).record_count() == 1);
    CHECK_THROWS_WITH_AS(parse_csv("a,b,c\n1,2,3\n\n1,2,3,\n", "t.csv", limits),
                         "t.csv:4: the row has more than 3 columns, the limit per row; is this the "
                         "right file? If it is, raise [limits] max_columns in the config",
                         DataError);
    SUBCASE("a line of nothing but commas stops at the limit") {
      CHECK_THROWS_WITH_AS(parse_csv(std::string(100000, ','), "t.csv", limits),
                           "t.csv:1: the row has more than 3 columns, the limit per row; is this "
                           "the right file? If it is, raise [limits] max_columns in the config",
                           DataError);
    }
  }

  TEST_CASE("the default limits: 1 MiB per cell, 1000 columns") {
    const CsvLimits defaults;
    CHECK(defaults.max_cell_bytes == 1024 * 1024);
    CHECK(defaults.max_columns == 1000);
    CHECK(describe_bytes(1024 * 1024) == "1 MiB");
    CHECK(describe_bytes(64 * 1024) == "64 KiB");
    CHECK(describe_bytes(1000) == "1000 bytes");
    CHECK(parse_csv("a" + std::string(999, ',') + "\n", "t.csv").header.fields.size() == 1000);
    CHECK_THROWS_AS(parse_csv("a" + std::string(1000, ',') + "\n", "t.csv"), DataError);
  }
}
