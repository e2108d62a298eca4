// Property: whatever a name or a note holds, it never changes the shape of a Markdown table
// (docs/reports.md "Every value that goes into Markdown ... passes through escape_markdown_cell").
// A fixed-seed PRNG makes a few hundred hostile strings from an alphabet heavy in Markdown and
// HTML syntax (| \ ` * _ [ ] < > # ~, line breaks, CR, TAB, tags, <script>, leading # - =,
// Chinese, combining characters, emoji, bidi and zero-width characters, terminal escapes, C1
// controls, U+2028 and bytes that are not UTF-8); they go into
// report::Table cells (render_markdown) and into feedback forms (render_feedback_markdown), and
// the real GFM parser, `cmark-gfm -e table --unsafe` (raw HTML passes through, so an escape that
// fails shows), reads them: every table has exactly the rows and cells it was given, every
// cell's text is the value itself as one visible line (line breaks as ↵, hidden characters
// escaped), no heading or list item appears that was not written, and no raw HTML ("<script",
// "<br") reaches the HTML. All cases of a kind go through one cmark-gfm run.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/util/text.hpp"

using namespace dormlink;
using namespace dormlink::report;

namespace {

constexpr const char* k_cmark = "/usr/bin/cmark-gfm";

// splitmix64: the same stream on every machine (no std:: distributions).
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

// Pieces of hostile text; a value is a few of them in a row.
const std::vector<std::string> k_pieces{"|",
                                        "||",
                                        "\\",
                                        "\\|",
                                        "`",
                                        "```",
                                        "*",
                                        "**",
                                        "_",
                                        "__",
                                        "[",
                                        "]",
                                        "[x](http://e.com)",
                                        "![i](x.png)",
                                        "<",
                                        ">",
                                        "<script>",
                                        "</script>",
                                        "<script>alert(1)</script>",
                                        "<SCRIPT SRC=//x.js>",
                                        "<img src=x onerror=alert(1)>",
                                        "<b>",
                                        "</td>",
                                        "</tr><tr><td>",
                                        "<br>",
                                        "<!--",
                                        "-->",
                                        "&",
                                        "&amp;",
                                        "&#60;script",
                                        "&lt;script&gt;",
                                        "#",
                                        "# ",
                                        "## h",
                                        "-",
                                        "- ",
                                        "---",
                                        "===",
                                        "=",
                                        "+ ",
                                        "1. ",
                                        "> ",
                                        "~",
                                        "~~x~~",
                                        ":",
                                        "|---|",
                                        "| --- |",
                                        ":-:",
                                        "\n",
                                        "\n\n",
                                        "\r",
                                        "\r\n",
                                        "\t",
                                        " ",
                                        "   ",
                                        "\xE3\x80\x80" /* U+3000 */,
                                        "张三",
                                        "重点关注",
                                        "联系寝室",
                                        "e\xCC\x81",
                                        "\xCC\x81" /* combining acute */,
                                        "\xE2\x80\x8B" /* zero-width space */,
                                        "\xE2\x80\xAE" /* RLO */,
                                        "\xF0\x9F\x98\x80",
                                        "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
                                        "a",
                                        "x",
                                        "0",
                                        "'",
                                        "\"",
                                        "$",
                                        "{",
                                        "}",
                                        "\\\n",
                                        "http://e.com",
                                        "<http://e.com>",
                                        "@user",
                                        "\x1b[2J",
                                        "\x1b]0;t\x07",
                                        "\xC2\x85" /* U+0085 */,
                                        "\xE2\x80\xA8" /* U+2028 */,
                                        "\xFF" /* not UTF-8 */,
                                        "\xE2\x81\xA6" /* U+2066 */};

// Values that start a line with a block marker, so the start of a value is tested too.
const std::vector<std::string> k_starts{"#",   "# ", "-",   "- ",   "=",  "===",      "---",   "> ",
                                        "1. ", "|",  "```", "    ", "\t", "<script>", "<div>", ""};

std::string hostile(Rng& rng) {
  std::string s = rng.below(3) == 0 ? k_starts[rng.below(k_starts.size())] : "";
  const std::size_t n = rng.below(9);
  for (std::size_t i = 0; i < n; ++i) s += k_pieces[rng.below(k_pieces.size())];
  return s;
}

// What cmark-gfm prints for a cell holding `value` escaped by escape_markdown_cell: the value as
// one visible line (util::escape_hidden: a line break as ↵, a tab as a space, hidden characters
// as \u202E) HTML-escaped, and the spaces at either end trimmed (GFM trims cells).
std::string expected_cell(const std::string& value) {
  std::string out;
  for (const char c : util::escape_hidden(value, util::LineBreaks::mark)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  const auto first = out.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(" \t") - first + 1);
}

// Runs cmark-gfm with GFM tables on the Markdown (through a temp file) and returns the HTML.
std::string cmark(const std::string& markdown) {
  REQUIRE_MESSAGE(::access(k_cmark, X_OK) == 0, k_cmark << " is needed (apt-get install cmark-gfm)");
  char name[] = "/tmp/dormlink-md-XXXXXX";
  const int fd = ::mkstemp(name);
  REQUIRE(fd >= 0);
  ::close(fd);
  std::ofstream(name, std::ios::binary) << markdown;
  const std::string command = std::string(k_cmark) + " -e table --unsafe " + name;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string html;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) html.append(buffer, n);
  const int status = ::pclose(pipe);
  std::filesystem::remove(name);
  REQUIRE(status == 0);
  return html;
}

// One parsed HTML table: rows of cells (header row first), each cell's inner HTML.
using ParsedTable = std::vector<std::vector<std::string>>;

ParsedTable parse_table(const std::string& html) {
  ParsedTable rows;
  std::size_t pos = 0;
  while ((pos = html.find("<tr>", pos)) != std::string::npos) {
    const auto end = html.find("</tr>", pos);
    REQUIRE(end != std::string::npos);
    const std::string tr = html.substr(pos, end - pos);
    std::vector<std::string> cells;
    std::size_t c = 0;
    while ((c = tr.find("<t", c + 1)) != std::string::npos) {
      if (tr.compare(c, 3, "<td") != 0 && tr.compare(c, 3, "<th") != 0) continue;
      const auto open_end = tr.find('>', c);
      const std::string close = tr.compare(c, 3, "<td") == 0 ? "</td>" : "</th>";
      const auto close_at = tr.find(close, open_end);
      REQUIRE(close_at != std::string::npos);
      cells.push_back(tr.substr(open_end + 1, close_at - open_end - 1));
      c = close_at;
    }
    rows.push_back(cells);
    pos = end;
  }
  return rows;
}

// The parts of `html` between consecutive occurrences of `open` (the text before the first is dropped).
std::vector<std::string> split_at(const std::string& html, const std::string& open) {
  std::vector<std::string> parts;
  for (auto pos = html.find(open); pos != std::string::npos;) {
    const auto next = html.find(open, pos + open.size());
    parts.push_back(html.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    pos = next;
  }
  return parts;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
  return n;
}

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace

TEST_SUITE("markdown.property") {
  TEST_CASE("property: hostile cells never change a report::Table's rows, cells or text") {
    Rng rng{20260907};
    struct Case {
      Table table;
    };
    std::vector<Case> cases;
    std::string markdown;
    for (int n = 0; n < 300; ++n) {
      Case c;
      const std::size_t columns = 1 + rng.below(6);
      for (std::size_t i = 0; i < columns; ++i) {
        // Headers are fixed text in the reports; some are hostile here too, but never blank
        // (a table needs a header).
        c.table.header.push_back(rng.below(4) == 0 ? "h" + hostile(rng) : "列" + std::to_string(i));
        c.table.align.push_back(rng.below(2) == 0 ? Align::left : Align::right);
      }
      const std::size_t rows = 1 + rng.below(5);
      for (std::size_t r = 0; r < rows; ++r) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < columns; ++i) row.push_back(hostile(rng));
        c.table.rows.push_back(row);
      }
      markdown += "case " + std::to_string(n) + "\n\n" + render_markdown(c.table) + "\n";
      cases.push_back(std::move(c));
    }
    const std::string html = cmark(markdown);
    CHECK(count_of(html, "<script") == 0);
    CHECK(count_of(html, "<SCRIPT") == 0);
    CHECK(count_of(html, "<img") == 0);
    CHECK(count_of(html, "<br") == 0);
    CHECK(count_of(html, "\x1b") == 0);
    CHECK(count_of(html, "<h") == 0);  // no heading (<h1>..<h6>) and no stray <hr />
    CHECK(count_of(html, "<li>") == 0);
    CHECK(count_of(html, "<blockquote>") == 0);
    const auto tables = split_at(html, "<table>");
    REQUIRE(tables.size() == cases.size());
    for (std::size_t n = 0; n < cases.size(); ++n) {
      const auto& table = cases[n].table;
      const auto parsed = parse_table(tables[n].substr(0, tables[n].find("</table>")));
      INFO("case " << n << ":\n" << render_markdown(table));
      REQUIRE(parsed.size() == table.rows.size() + 1);
      for (std::size_t r = 0; r < parsed.size(); ++r) {
        const auto& want = r == 0 ? table.header : table.rows[r - 1];
        REQUIRE(parsed[r].size() == want.size());
        for (std::size_t i = 0; i < want.size(); ++i) CHECK(parsed[r][i] == expected_cell(want[i]));
      }
    }
  }

  TEST_CASE("property: hostile names and notes never change a feedback form's shape") {
    Rng rng{20261116};
    const char* kinds[] = {"visit", "talk", "incident", "excused", "symposium"};
    struct Case {
      FeedbackForm form;
      Language language;
    };
    std::vector<Case> cases;
    std::string markdown;
    for (int n = 0; n < 120; ++n) {
      Case c;
      c.language = n % 2 == 0 ? Language::zh : Language::en;
      FeedbackForm& f = c.form;
      f.college = hostile(rng);
      f.period.semester_id = "2026-autumn";
      f.period.semester_name = hostile(rng);
      f.period.number = 1;
      f.period.first_week = 1;
      f.period.last_week = 2;
      f.period.first_day = ymd(2026, 9, 7);
      f.period.last_day = ymd(2026, 9, 20);
      f.period.form_due = ymd(2026, 9, 21);
      f.period.summary_due = ymd(2026, 9, 22);
      f.reported_on = ymd(2026, 9, 21);
      f.member_id = "2023110101";
      f.member_name = hostile(rng);
      f.class_name = hostile(rng);
      f.branch = hostile(rng);
      f.counselor_id = "T001";
      f.counselor_name = hostile(rng);
      f.phones_shown = true;
      f.chain = {"ab12", 9};
      const std::size_t contacts = 1 + rng.below(6);
      for (std::size_t i = 0; i < contacts; ++i) {
        FormContact fc;
        records::EffectiveRecord& r = fc.record;
        r.id = static_cast<std::int64_t>(100 + i);
        r.kind = kinds[rng.below(5)];
        r.dorm = "1-10" + std::to_string(i);
        r.happened_at = "2026-09-0" + std::to_string(8 + i % 2) + " 19:3" + std::to_string(i);
        r.entered_at = "2026-09-30 09:00:00";  // entered late: the note gets a marker
        r.channel = "in_person";
        r.progress = hostile(rng);
        r.note = hostile(rng);
        r.reason = hostile(rng);
        r.details = hostile(rng);
        r.off_assignment = rng.below(4) == 0;
        if (rng.below(4) == 0) r.corrects = 7;
        if (r.kind == "incident") {
          r.incident_category = "banned_appliance";
          r.severity = "medium";
          r.reported_to = "counselor";
          r.reported_at = "2026-09-09 22:00";
        }
        const std::size_t students = rng.below(4);
        for (std::size_t s = 0; s < students; ++s) {
          FormStudent st;
          st.id = "20251101" + std::to_string(10 + s);
          st.name = hostile(rng);
          st.phone = "138****00" + std::to_string(10 + s);
          if (rng.below(3) == 0) st.attention = {AttentionCategory::psychological};
          fc.students.push_back(st);
        }
        fc.student_count = static_cast<int>(students);
        f.contacts.push_back(fc);
      }
      const std::size_t gaps = rng.below(3);
      for (std::size_t g = 0; g < gaps; ++g) {
        FormGap gap;
        gap.rule = check::Rule::talks;
        gap.status = check::Status::overdue;
        gap.dorm = "1-101";
        gap.student = hostile(rng);
        gap.period = 1;
        gap.from = ymd(2026, 9, 7);
        gap.to = ymd(2026, 9, 13);
        gap.due = ymd(2026, 9, 13);
        gap.expected = 1;
        f.missing.push_back(gap);
      }
      markdown += render_feedback_markdown(f, c.language) + "\n\n";
      cases.push_back(std::move(c));
    }
    const std::string html = cmark(markdown);
    CHECK(count_of(html, "<script") == 0);
    CHECK(count_of(html, "<SCRIPT") == 0);
    CHECK(count_of(html, "<img") == 0);
    CHECK(count_of(html, "<blockquote>") == 0);
    // One <h1> per form, so the HTML splits into the forms.
    const auto forms = split_at(html, "<h1>");
    REQUIRE(forms.size() == cases.size());
    for (std::size_t n = 0; n < cases.size(); ++n) {
      const auto& f = cases[n].form;
      const std::string& part = forms[n];
      INFO("form " << n << ":\n" << render_feedback_markdown(f, cases[n].language));
      // Exactly the form's own headings, tables and list items: 本期要求 and 尚缺, the contacts
      // table (nothing was required), the header's four list items and one per gap.
      CHECK(count_of(part, "<h1>") == 1);
      CHECK(count_of(part, "<h2>") == 2);
      CHECK(count_of(part, "<h3>") + count_of(part, "<h4>") + count_of(part, "<h5>") + count_of(part, "<h6>") == 0);
      CHECK(count_of(part, "<table>") == 1);
      CHECK(count_of(part, "<li>") == 5 + f.missing.size());
      CHECK(count_of(part, "<hr />") == 1);
      const auto parsed = parse_table(part.substr(part.find("<table>"), part.find("</table>") - part.find("<table>")));
      REQUIRE(parsed.size() == f.contacts.size() + 1);
      for (std::size_t r = 0; r < parsed.size(); ++r) {
        REQUIRE(parsed[r].size() == 5);
        if (r == 0) continue;
        const auto& record = f.contacts[r - 1].record;
        // Nothing shifted: the first cell is the dorm, the last ends with the record number.
        CHECK(parsed[r][0] == record.dorm);
        const std::string number = "#" + std::to_string(record.id);
        CHECK(parsed[r][4].size() >= number.size());
        CHECK(parsed[r][4].compare(parsed[r][4].size() - number.size(), number.size(), number) == 0);
      }
    }
  }
}
