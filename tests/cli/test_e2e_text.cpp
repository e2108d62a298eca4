// End-to-end: text as dormlink stores and prints it (docs/security.md "Text in outputs").
// - Free text (progress, notes, reasons) is stored exactly as typed, hostile or not, and every
//   output is valid for its reader: JSON parses (and gives the text back), Markdown holds no
//   raw HTML, and no output carries a control character, a bidi control or a line separator.
// - Text that is not valid UTF-8 is refused, from a flag or a file, naming the option or the
//   line and the offset of the first bad byte; the database is left as it was.
// - Names, ids and codes hold plain visible text only; staff ids follow the student id rules.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dormlink/util/encoding.hpp"
#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

constexpr const char* k_config = dormlink::e2e::k_small_config;

constexpr const char* k_staff = dormlink::e2e::k_small_staff_with_inspector;

constexpr const char* k_header = "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n";

constexpr const char* k_students =
    "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共预备党员,英语党支部,,是\n"
    "2023110102,王强,男,英语,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n"
    "2025110104,张晨,男,英语,2025级,英语2501,1-102,,共青团员,,,是\n"
    "2025110105,刘洋,男,英语,2025级,英语2501,1-101,,群众,,,是\n";

// A note written to do harm: clear the screen and retitle the terminal (ESC, OSC, BEL), reverse
// the text after it (U+202E), break lines every way (LF, CRLF, U+2028, U+0085), hide a
// character (U+200B), and smuggle HTML and table syntax into Markdown.
const std::string k_hostile =
    "\x1b[2J\x1b]0;pwned\x07第一行\n第二行\r\n\xE2\x80\xAE"
    "evil\xE2\x80\xAC"
    "\xE2\x80\xA8x\xC2\x85y\xE2\x80\x8Bz<b>bold</b>\t|cell|";

std::vector<std::string> at(const char* as_of, std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "--as-of", as_of};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Result ok(const Sandbox& box, const std::vector<std::string>& args) {
  auto r = box.run(args);
  std::string line;
  for (const auto& a : args) line += a + " ";
  INFO(line << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

void build(const Sandbox& box) {
  box.write("dormlink.toml", k_config);
  box.write("staff.csv", k_staff);
  box.write("students.csv", std::string(k_header) + k_students);
  ok(box, at("2026-09-07", {"init"}));
  ok(box, at("2026-09-07", {"import", "staff", "staff.csv"}));
  ok(box, at("2026-09-07", {"import", "students", "students.csv"}));
  ok(box, at("2026-09-07", {"assign", "--semester", "2026-autumn", "--pin", "2023110101:1-101", "--pin",
                            "2023110101:1-102", "--pin", "2023110102:1-501"}));
}

// The first byte of `text` a terminal or a reader must not get raw: a C0 control other than tab,
// LF and CR (CR only before LF), DEL, a C1 control, a bidi control, a zero-width character or a
// line/paragraph separator. npos when there is none.
std::size_t first_unsafe(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0U;
    const auto third = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0U;
    if (b < 0x20 && b != '\t' && b != '\n' && !(b == '\r' && next == '\n')) return i;
    if (b == 0x7F) return i;
    if (b == 0xC2 && next >= 0x80 && next <= 0x9F) return i;                    // C1
    if (b == 0xE2 && next == 0x80 && third >= 0x8B && third <= 0x8F) return i;  // U+200B-U+200F
    if (b == 0xE2 && next == 0x80 && third >= 0xA8 && third <= 0xAE) return i;  // U+2028-U+202E
    if (b == 0xE2 && next == 0x81 && third >= 0xA0 && third <= 0xA9) return i;  // U+2060-U+2069
    if (b == 0xEF && next == 0xBB && third == 0xBF && i > 0) return i;          // U+FEFF (not a BOM)
  }
  return std::string::npos;
}

void safe_for_a_terminal(const std::string& what, const std::string& text) {
  const auto at = first_unsafe(text);
  INFO(what << ": unsafe byte at " << at << ":\n" << text);
  CHECK(at == std::string::npos);
}

// Parses JSON with Python's json module; with `note`, also checks that some object of the
// document (searched recursively) has that exact "note".
bool json_parses(const Sandbox& box, const std::string& json, const std::string& note = {}) {
  box.write("out.json", json);
  box.write("note.txt", note);
  const char* script =
      "import json, sys\n"
      "doc = json.load(open(sys.argv[1], encoding='utf-8'))\n"
      "want = open(sys.argv[2], encoding='utf-8', newline='').read()\n"
      "def notes(x):\n"
      "    if isinstance(x, dict):\n"
      "        for k, v in x.items():\n"
      "            if k == 'note': yield v\n"
      "            yield from notes(v)\n"
      "    elif isinstance(x, list):\n"
      "        for v in x: yield from notes(v)\n"
      "sys.exit(0 if not want or want in notes(doc) else 3)\n";
  const auto r = box.run_program("/usr/bin/python3", {"-c", script, box.path("out.json"), box.path("note.txt")});
  INFO(r.err << json);
  return r.exit_code == 0;
}

std::string db_bytes(const Sandbox& box) { return box.read("college.db") + box.read("college.db-wal"); }

}  // namespace

TEST_SUITE("e2e.text") {
  TEST_CASE("hostile free text is stored as typed and reaches no output raw, and JSON parses and gives it back") {
    Sandbox box;
    build(box);
    const char* d = "2026-09-21";
    ok(box, at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--kind", "谈心", "--at", "2026-09-08 19:30",
                   "--talked", "张晨", "--progress", k_hostile, "--note", k_hostile}));
    ok(box, at(d, {"log-visit", "--member", "李明", "--dorm", "1-501", "--kind", "走访", "--at", "2026-09-09 19:30",
                   "--reason", k_hostile, "--note", "x"}));
    ok(box, at(d, {"inspect", "record", "--member", "李明", "--dorm", "1-102", "--inspector", "王检查",
                   "--contradicted", "1:张晨", "--note", k_hostile}));
    std::vector<std::pair<std::string, std::string>> outputs;
    const auto out = [&](const std::vector<std::string>& args) {
      std::string line;
      for (const auto& a : args) line += a + " ";
      const auto r = box.run(args);
      INFO(line << "\n" << r.err);
      CHECK((r.exit_code == 0 || r.exit_code == 1));
      outputs.emplace_back(line, r.out);
      outputs.emplace_back(line + "(stderr)", r.err);
      return r.out;
    };
    for (const char* lang : {"zh", "en"}) {
      out({"--db", "college.db", "--as-of", d, "--lang", lang, "report", "feedback", "--member", "李明", "--period",
           "1"});
      out({"--db", "college.db", "--as-of", d, "--lang", lang, "report", "summary", "--counselor", "T001", "--period",
           "1", "--audience", "counselor"});
      out({"--db", "college.db", "--as-of", d, "--lang", lang, "report", "inspection", "--semester", "2026-autumn"});
      out({"--db", "college.db", "--as-of", d, "--lang", lang, "report", "assessment", "--semester", "2026-autumn"});
      out({"--db", "college.db", "--as-of", d, "--lang", lang, "check", "--all"});
    }
    ok(box, at(d, {"report", "feedback", "--member", "李明", "--period", "1", "-o", "form.md"}));
    outputs.emplace_back("form.md", box.read("form.md"));
    for (const auto& [what, text] : outputs) {
      safe_for_a_terminal(what, text);
      INFO(what);
      CHECK_FALSE(has(text, "<br>"));
      CHECK_FALSE(has(text, "<b>"));
      CHECK_FALSE(has(text, "pwned\x07"));
    }
    // The Markdown form shows the note visibly: escapes for the controls, ↵ for line breaks.
    const auto form = box.read("form.md");
    for (const char* piece : {"\\\\u{1B}\\[2J\\\\u{1B}\\]0;pwned\\\\u{07}第一行↵第二行↵\\\\u{202E}evil\\\\u{202C}",
                              "\\\\u{2028}x\\\\u{85}y\\\\u{200B}z&lt;b&gt;bold&lt;/b&gt; \\|cell\\|"}) {
      INFO(piece);
      CHECK(has(form, piece));
    }
    // CSV keeps line breaks inside quoted cells, escapes the rest.
    std::vector<std::pair<std::string, std::string>> csvs;
    csvs.emplace_back("export contacts", out(at(d, {"export", "contacts"})));
    csvs.emplace_back("export contacts --raw", out(at(d, {"export", "contacts", "--raw"})));
    csvs.emplace_back("report feedback csv",
                      out(at(d, {"report", "feedback", "--member", "李明", "--period", "1", "--format", "csv"})));
    csvs.emplace_back("check csv", out(at(d, {"check", "--all", "--format", "csv"})));
    for (const auto& [what, text] : csvs) safe_for_a_terminal(what, text);
    CHECK(has(csvs[1].second,
              "\"\\u{1B}[2J\\u{1B}]0;pwned\\u{07}第一行\n第二行\r\n\\u{202E}evil\\u{202C}\\u{2028}x\\u{85}y"
              "\\u{200B}z<b>bold</b>\t|cell|\""));
    // JSON: parses, prints nothing raw, and gives the note back exactly as typed.
    const auto contacts = out(at(d, {"export", "contacts", "--format", "json"}));
    safe_for_a_terminal("export contacts json", contacts);
    CHECK(json_parses(box, contacts, k_hostile));
    const auto feedback = out(at(d, {"report", "feedback", "--member", "李明", "--period", "1", "--format", "json"}));
    safe_for_a_terminal("report feedback json", feedback);
    CHECK(json_parses(box, feedback, k_hostile));
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"report", "summary", "--counselor", "T001", "--period", "1", "--format", "json", "--audience",
              "counselor"},
             {"report", "inspection", "--semester", "2026-autumn", "--format", "json"},
             {"report", "assessment", "--semester", "2026-autumn", "--format", "json"},
             {"check", "--all", "--format", "json"},
             {"export", "incidents", "--format", "json"},
             {"export", "students", "--format", "json"}}) {
      const auto json = out(at(d, args));
      safe_for_a_terminal(args[0] + " " + args[1] + " json", json);
      CHECK(json_parses(box, json));
    }
    const auto inspection = out(at(d, {"report", "inspection", "--semester", "2026-autumn", "--format", "json"}));
    CHECK(json_parses(box, inspection, k_hostile));
  }

  TEST_CASE(
      "text that is not valid UTF-8 is refused with the option or line and the byte offset, and nothing changes") {
    Sandbox box;
    build(box);
    const char* d = "2026-09-21";
    ok(box, at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--at", "2026-09-08 19:30"}));
    const auto before = db_bytes(box);
    const std::string bad = "好\xFF的";  // the bad byte is at offset 3
    const auto refused = [&](const std::vector<std::string>& args, const std::string& option) {
      const auto r = box.run(at(d, args));
      INFO(option << ": " << r.err);
      CHECK(r.exit_code == 64);
      CHECK(has(r.err, option + " is not valid UTF-8 (byte 0xFF at offset 3)"));
      CHECK(r.out.empty());
      CHECK(first_unsafe(r.err) == std::string::npos);
      CHECK(db_bytes(box) == before);
    };
    refused({"log-visit", "--member", "李明", "--dorm", "1-102", "--at", "2026-09-09 19:30", "--note", bad}, "--note");
    refused({"log-visit", "--member", "李明", "--dorm", "1-102", "--at", "2026-09-09 19:30", "--progress", bad},
            "--progress");
    refused({"log-visit", "--member", "李明", "--dorm", "1-501", "--at", "2026-09-09 19:30", "--reason", bad},
            "--reason");
    refused({"log-visit", "--member", bad, "--dorm", "1-102", "--at", "2026-09-09 19:30"}, "--member");
    refused({"inspect", "record", "--member", "李明", "--dorm", "1-102", "--inspector", "王检查", "--confirmed", "1",
             "--note", bad},
            "--note");
    refused({"inspect", "record", "--member", "李明", "--dorm", "1-102", "--inspector", bad, "--confirmed", "1"},
            "--inspector");
    refused({"withdraw", "1", "--reason", bad}, "--reason");
    refused({"report", "feedback", "--member", "李明", "--period", "1", "--include-sensitive", "--reason", bad, "-o",
             "s.md"},
            "--reason");
    refused({"export", "students", "--include-sensitive", "--reason", bad, "-o", "s.csv"}, "--reason");
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 1);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM sensitive_access") == 0);

    // A feedback form file: UTF-8 with one damaged byte in a note on line 3.
    const std::string head = "党员姓名,联系寝室名称,时间,说明\n李明,1-102,2026-09-10 19:30,好的\n";
    const std::string row = "李明,1-102,2026-09-11 19:30,好";
    const std::string offset = std::to_string(head.size() + row.size());
    box.write("batch.csv", head + row + "\xFF的\n");
    const auto r = box.run(at(d, {"log-visit", "--from-csv", "batch.csv"}));
    INFO(r.err);
    CHECK(r.exit_code == 65);
    CHECK(has(r.err, "batch.csv:3: not valid UTF-8 (byte 0xFF at offset " + offset + ")"));
    CHECK(db_bytes(box) == before);
    // The same with --encoding utf-8; a file that is all GBK is still read as GBK.
    const auto forced = box.run(at(d, {"log-visit", "--from-csv", "batch.csv", "--encoding", "utf-8"}));
    INFO(forced.err);
    CHECK(forced.exit_code == 65);
    CHECK(has(forced.err, "batch.csv:3: cannot be read as UTF-8 (byte 0xFF at offset " + offset + ")"));
    CHECK(db_bytes(box) == before);
    box.write("gbk.csv", dormlink::util::encode_gb18030(head));
    ok(box, at(d, {"log-visit", "--from-csv", "gbk.csv"}));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 2);
  }

  TEST_CASE("names, ids and codes with hidden characters are refused with line and column, and nothing is imported") {
    Sandbox box;
    build(box);
    const auto before = db_bytes(box);
    struct Bad {
      const char* kind;
      std::string content;
      std::string message;
    };
    const std::vector<Bad> cases{
        {"students", std::string(k_header) + "2025110106,金\xE2\x80\xAE丝,男,英语,2025级,英语2501,1-101,,群众,,,否\n",
         "bad.csv:2: column \"姓名\": contains U+202E (an invisible control or format character) at character 2"},
        {"students", std::string(k_header) + "2025110106,金丝\xE2\x80\x8B,男,英语,2025级,英语2501,1-101,,群众,,,否\n",
         "bad.csv:2: column \"姓名\": contains U+200B"},
        {"students", std::string(k_header) + "2025110106,金丝,男,英\xC2\x85语,2025级,英语2501,1-101,,群众,,,否\n",
         "bad.csv:2: column \"专业\": contains U+0085"},
        {"students",
         std::string(k_header) + "2025110106,金丝,男,英语,2025级,英语\xE2\x80\xA8"
                                 "2501,1-101,,群众,,,否\n",
         "bad.csv:2: column \"班级\": contains U+2028"},
        {"students",
         std::string(k_header) + "2025110106,金丝,男,英语,2025级,英语2501,1-101,,中共党员,英语\x1b[31m党支部,,否\n",
         "bad.csv:2: holds a control character (byte 0x1B at offset "},
        {"students", std::string(k_header) + "2025110106,\"金\n丝\",男,英语,2025级,英语2501,1-101,,群众,,,否\n",
         "bad.csv:2: column \"姓名\": contains U+000A"},
        {"students", std::string(k_header) + "2025110106,金丝,男,英语,2025级,英语2501,1\xEF\xBB\xBF-101,,群众,,,否\n",
         "bad.csv:2: column \"寝室\": contains U+FEFF"},
        {"staff", "工号,姓名,角色\nT003,李\xE2\x80\x8D老师,辅导员\n", "bad.csv:2: column \"姓名\": contains U+200D"},
        {"dorms", "寝室,性别,容量,专业\n1-103,男,6,英\xE2\x81\xA6语\n", "bad.csv:2: column \"专业\": contains U+2066"},
    };
    for (const auto& c : cases) {
      box.write("bad.csv", c.content);
      const auto r = box.run(at("2026-09-08", {"import", c.kind, "bad.csv"}));
      INFO(c.message << "\n" << r.err);
      CHECK(r.exit_code == 65);
      CHECK(has(r.err, c.message));
      CHECK(first_unsafe(r.err) == std::string::npos);
      CHECK(db_bytes(box) == before);
    }
    // So are the member, dorm and student columns of a batch file; its notes are free text.
    box.write("batch.csv",
              "党员姓名,联系寝室名称,时间,联系学生姓名及方式,说明\n"
              "李明,1-102,2026-09-08 19:30,张\xE2\x80\xAE晨,ok\n"
              "李明,1-102,2026-09-09 19:30,,\xE2\x80\xAE\n");
    const auto batch = box.run(at("2026-09-21", {"log-visit", "--from-csv", "batch.csv"}));
    INFO(batch.err);
    CHECK(batch.exit_code == 65);
    CHECK(has(batch.err, "batch.csv:2: column \"联系学生姓名及方式\": contains U+202E"));
    CHECK_FALSE(has(batch.err, "batch.csv:3:"));
    CHECK(db_bytes(box) == before);
    // An inspector is a name too.
    const auto r = box.run(at("2026-09-21", {"inspect", "record", "--member", "李明", "--dorm", "1-102", "--inspector",
                                             "王\xE2\x80\xAE检查", "--confirmed", "1"}));
    INFO(r.err);
    CHECK(r.exit_code == 64);
    CHECK(has(r.err, "--inspector contains U+202E"));
    CHECK(db_bytes(box) == before);
  }

  TEST_CASE("staff ids follow the student id rules: T/../../x is refused with its line and column") {
    Sandbox box;
    build(box);
    const auto before = db_bytes(box);
    const std::vector<std::pair<std::string, std::string>> cases{
        {"T/../../x",
         "bad.csv:2: column \"工号\": \"T/../../x\" is not a staff id; use letters, digits, - and _ only "
         "(at most 32)"},
        {"T 004", "bad.csv:2: column \"工号\": \"T 004\" is not a staff id"},
        {"..", "bad.csv:2: column \"工号\": \"..\" is not a staff id"},
        {std::string(33, 'T'), "bad.csv:2: column \"工号\": \"" + std::string(33, 'T') + "\" is not a staff id"},
    };
    for (const auto& [id, message] : cases) {
      box.write("bad.csv", "工号,姓名,角色,负责年级\n" + id + ",周老师,辅导员,2023级\n");
      const auto r = box.run(at("2026-09-08", {"import", "staff", "bad.csv"}));
      INFO(id << "\n" << r.err);
      CHECK(r.exit_code == 65);
      CHECK(has(r.err, message));
      CHECK(db_bytes(box) == before);
    }
    CHECK(box.query_int("college.db", "SELECT count(*) FROM staff WHERE staff_id LIKE '%/%'") == 0);
    // The characters student ids allow are allowed; full-width ones are folded by NFKC.
    box.write("good.csv", "工号,姓名,角色,负责年级\nT-005_a,周老师,辅导员,2023级\nＴ００６,吴老师,辅导员,2023级\n");
    ok(box, at("2026-09-08", {"import", "staff", "good.csv", "--yes"}));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM staff WHERE staff_id IN ('T-005_a', 'T006')") == 2);
  }
}
