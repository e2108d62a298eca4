// HTML and PDF reports in a real browser (docs/html.md): every report of the example college at a
// fixed --as-of, rendered by headless Chromium (Debian's chromium, fonts-noto-cjk), with no
// console message; the page's tables hold the numbers of the same report's JSON; the HTML passes
// tidy; --all prints one member per page; a hostile record renders as text.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

constexpr const char* k_chromium = "/usr/bin/chromium";
constexpr const char* k_tidy = "/usr/bin/tidy";
constexpr const char* k_python = "/usr/bin/python3";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Reads a page Chromium dumped and the report's JSON; prints what does not agree, one line each.
// kind: summary, feedback, assessment. Every page: no <script>, no on* attribute, nothing to
// fetch (src/href other than #... or data:), at least one table with <th scope>.
constexpr const char* k_compare = R"PY(
import json, re, sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell, self.text = [], None, None, []
        self.skip = 0
        self.problems = []
        self.scoped = 0
        self.tables = 0
    def handle_starttag(self, tag, attrs):
        if tag in ('style', 'title'): self.skip += 1
        if tag == 'script': self.problems.append('a <script> element')
        if tag == 'table': self.tables += 1
        for name, value in attrs:
            if name.startswith('on'): self.problems.append('an event attribute ' + name)
            if name in ('src', 'href') and value and not (value.startswith('#') or value.startswith('data:')):
                self.problems.append('a link to fetch: ' + value)
            if tag == 'th' and name == 'scope': self.scoped += 1
        if tag in ('tr', 'li'): self.row = []
        if tag in ('td', 'th') and self.row is not None: self.cell = []
        if tag == 'li': self.cell = []
    def handle_endtag(self, tag):
        if tag in ('style', 'title'): self.skip -= 1
        if tag in ('td', 'th', 'li') and self.cell is not None and self.row is not None:
            self.row.append(''.join(self.cell).strip()); self.cell = None
        if tag in ('tr', 'li') and self.row is not None:
            self.rows.append(self.row); self.row = None
    def handle_data(self, data):
        if self.skip: return
        self.text.append(data)
        if self.cell is not None: self.cell.append(data)

page = Page()
page.feed(open(sys.argv[1], encoding='utf-8').read())
doc = json.load(open(sys.argv[2], encoding='utf-8'))
kind = sys.argv[3]
problems = list(page.problems)
if page.tables and page.scoped == 0: problems.append('no header cell with scope')

def numbers(row):
    return set(re.findall(r'\d+(?:\.\d+)?', ' '.join(row)))

def shown(v):
    return ('%g' % v) if isinstance(v, float) else str(v)

# Some table row names them and holds every value (a chart's table or a sheet's).
def expect(words, values, what):
    rows = [r for r in page.rows if all(w in ' '.join(r) for w in words)]
    if not rows:
        problems.append('no table row with ' + ' '.join(words)); return
    if not any(all(shown(v) in numbers(r) for v in values) for r in rows):
        problems.append('%s: no row holds all of %s: %s' % (what, [shown(v) for v in values], rows))

if kind == 'summary':
    for m in doc['members']:
        expect([m['name']], [m['visits']['found'], m['visits']['expected'], m['talks']['found'],
                             m['talks']['expected']], 'member ' + m['name'])
    for d in doc['dorms']:
        expect([d['code'], d['member']], [d['visits']['found'], d['visits']['expected']], 'dorm ' + d['code'])
elif kind == 'college':
    for c in doc['counselors']:
        expect([c['name']], [c['members'], c['dorms'], c['visits']['found'], c['visits']['expected']],
               'counselor ' + c['name'])
elif kind == 'feedback':
    for c in doc['contacts']:
        day, time = c['at'].split(' ')
        expect([c['dorm'], time], [], 'contact #%d' % c['record'])
elif kind == 'assessment':
    for m in doc['members']:
        expect([m['name']], [m['score']], 'member ' + m['name'])
elif kind == 'inspection':
    for r in doc['rates']:
        expect([r['name']], [r['contradicted'], r['total']], 'member ' + r['name'])
    for f in doc['findings']:
        expect([f['dorm']] + ([f['student']] if f['student'] else []), [], 'finding #%d' % f['id'])
elif kind == 'digest':
    for g in doc['digests']:
        text = ' '.join(page.text)
        if str(g['counts']['overdue']) not in re.findall(r'\d+', text):
            problems.append('overdue %d not in the page' % g['counts']['overdue'])
        # A phone's digest lists the members with the most overdue first and may stop there.
        # (An incident's or a concern's line, '#N …', names a member too: not the member's row.)
        listed = [m for m in g['members'] if any(m['member']['name'] in ' '.join(r) and
                                                 not ' '.join(r).lstrip().startswith('#') for r in page.rows)]
        if g['members'] and not listed: problems.append('no member of the digest is listed')
        for m in listed:
            expect([m['member']['name']], [v for v in (m['visits'], m['talks'], m['forms']) if v], 'member ' +
                   m['member']['name'])
for p in problems: print(p)
)PY";

// Chromium's DOM of a file after it rendered it, and the console messages it logged.
struct Rendered {
  std::string dom;
  std::vector<std::string> console;
};

Rendered render(const Sandbox& box, const std::string& file) {
  const auto r =
      box.run_program(k_chromium, {"--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
                                   "--v=0", "--dump-dom", "file://" + box.path(file)});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Rendered out{r.out, {}};
  std::size_t from = 0;
  while (from < r.err.size()) {
    const auto end = std::min(r.err.find('\n', from), r.err.size());
    const std::string line = r.err.substr(from, end - from);
    if (has(line, ":CONSOLE")) out.console.push_back(line);
    from = end + 1;
  }
  return out;
}

// Runs dormlink, writes its HTML to `name`, checks it in Chromium and tidy and against the JSON
// of the same command (`kind` as k_compare knows it; "" compares nothing).
std::string check_page(const Sandbox& box, const std::vector<std::string>& command, const std::string& name,
                       const std::string& kind, int exit_code = 0) {
  std::vector<std::string> html_args = command;
  html_args.insert(html_args.end(), {"--format", "html", "-o", name});
  const Result made = box.run(html_args);
  INFO(name, "\n", made.err);
  REQUIRE(made.exit_code == exit_code);
  const std::string page = box.read(name);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  const Rendered rendered = render(box, name);
  CHECK(rendered.console.empty());
  box.write(name + ".dom", rendered.dom);
  const auto tidy = box.run_program(k_tidy, {"-errors", "-quiet", "-utf8", box.path(name)});
  CHECK_MESSAGE(tidy.exit_code < 2, tidy.err);  // 1: warnings only
  if (!kind.empty()) {
    std::vector<std::string> json_args = command;
    json_args.insert(json_args.end(), {"--format", "json"});
    const Result json = box.run(json_args);
    REQUIRE(json.exit_code == exit_code);
    box.write(name + ".json", json.out);
    box.write("compare.py", k_compare);
    const auto compared =
        box.run_program(k_python, {box.path("compare.py"), box.path(name + ".dom"), box.path(name + ".json"), kind});
    CHECK_MESSAGE(compared.exit_code == 0, compared.err);
    CHECK_MESSAGE(compared.out.empty(), compared.out);
  }
  return rendered.dom;
}

bool tools_present() {
  for (const char* tool : {k_chromium, k_tidy, k_python}) {
    if (!std::filesystem::exists(tool)) {
      MESSAGE(tool << " is not installed (scripts/setup-deps.sh --test): the browser checks are skipped");
      return false;
    }
  }
  return true;
}

void copy_college(const Sandbox& box) {
  std::filesystem::copy_file(dormlink::e2e::example_college_db(), box.path("college.db"));
  box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
}

std::vector<std::string> at(std::vector<std::string> more) {
  std::vector<std::string> args{"--db", "college.db", "--config", "dormlink.toml", "--as-of", "2026-11-24"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// A screenshot of a page as Chromium draws it (PNG), copied into $DORMLINK_SCREENSHOTS when set
// (docs/img: made once by `DORMLINK_SCREENSHOTS=docs/img ./build-quick/tests/dormlink_e2e
// -ts=e2e.html`, then committed).
void screenshot(const Sandbox& box, const std::string& page, const std::string& png, int width, int height) {
  const auto r = box.run_program(k_chromium, {"--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                              "--force-device-scale-factor=1",
                                              "--window-size=" + std::to_string(width) + "," + std::to_string(height),
                                              "--screenshot=" + box.path(png), "file://" + box.path(page)});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string bytes = box.read(png);
  REQUIRE(bytes.size() > 8);
  CHECK(bytes.substr(1, 3) == "PNG");
  if (const char* dir = std::getenv("DORMLINK_SCREENSHOTS")) {
    std::filesystem::copy_file(box.path(png), std::filesystem::path(dir) / png,
                               std::filesystem::copy_options::overwrite_existing);
  }
}

}  // namespace

TEST_SUITE("e2e.html") {
  TEST_CASE(
      "every HTML report renders in Chromium without a console message, passes tidy, and shows the JSON's numbers") {
    if (!tools_present()) return;
    Sandbox box;
    copy_college(box);
    const auto summary = check_page(box, at({"report", "summary", "--counselor", "T2024001", "--period", "5"}),
                                    "summary.html", "summary");
    CHECK(has(summary, "<svg"));
    CHECK(has(summary, "<figure"));
    check_page(box, at({"report", "summary", "--counselor", "T2024001", "--period", "5", "--audience", "counselor"}),
               "summary-counselor.html", "summary");
    check_page(box, at({"report", "summary", "--college", "--period", "5"}), "college.html", "college");
    check_page(box, at({"report", "summary", "--branch", "英语系学生第一党支部", "--period", "5"}), "branch.html",
               "summary");
    const auto form =
        check_page(box, at({"report", "feedback", "--member", "2023160128", "--period", "5"}), "form.html", "feedback");
    CHECK(has(form, "学生党员联系寝室情况反馈表"));
    CHECK(has(form, "签名"));
    const auto assessment = check_page(box, at({"report", "assessment"}), "assessment.html", "assessment");
    CHECK(has(assessment, "<svg"));
    check_page(box, at({"report", "inspection"}), "inspection.html", "inspection");
    const auto en =
        check_page(box, at({"--lang", "en", "report", "summary", "--counselor", "T2024001", "--period", "5"}),
                   "summary-en.html", "summary");
    CHECK(has(en, "<html lang=\"en\">"));
    screenshot(box, "summary.html", "summary.png", 1000, 1400);
    screenshot(box, "college.html", "college.png", 1000, 1400);
    screenshot(box, "form.html", "feedback.png", 1000, 1400);
    screenshot(box, "assessment.html", "assessment.png", 1000, 1400);
    screenshot(box, "inspection.html", "inspection.png", 1000, 1000);
  }

  TEST_CASE("the digest as HTML for a phone") {
    if (!tools_present()) return;
    Sandbox box;
    copy_college(box);
    const auto digest =
        check_page(box, at({"check", "--digest", "--for", "counselor:T2024001"}), "digest.html", "digest",
                   1);  // 1: something is overdue
    CHECK(has(digest, "class=\"phone\""));
    screenshot(box, "digest.html", "digest.png", 420, 900);
  }

  TEST_CASE("--all as PDF: every member's form starts on a page of its own") {
    if (!tools_present() || !std::filesystem::exists("/usr/bin/pdftotext")) return;
    Sandbox box;
    copy_college(box);
    const auto json =
        box.run(at({"report", "feedback", "--all", "--counselor", "T2024001", "--period", "5", "--format", "json"}));
    REQUIRE(json.exit_code == 0);
    const auto made = box.run(at({"report", "feedback", "--all", "--counselor", "T2024001", "--period", "5", "--format",
                                  "pdf", "-o", "all.pdf"}));
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    CHECK(box.read("all.pdf").rfind("%PDF-", 0) == 0);
    // Each page's text; a page that starts a form has the form's title.
    const auto text = box.run_program("/usr/bin/pdftotext", {"-layout", box.path("all.pdf"), "-"});
    REQUIRE(text.exit_code == 0);
    std::size_t forms = 0;
    std::size_t pages = 0;
    std::size_t from = 0;
    while (from <= text.out.size()) {
      const auto end = std::min(text.out.find('\f', from), text.out.size());
      const std::string page = text.out.substr(from, end - from);
      if (page.find_first_not_of(" \n") != std::string::npos) {
        ++pages;
        const auto first = page.find_first_not_of(" \n");
        if (page.compare(first, std::string("学生党员联系寝室情况反馈表").size(), "学生党员联系寝室情况反馈表") == 0)
          ++forms;
      }
      from = end + 1;
    }
    std::size_t members = 0;
    for (std::size_t at_ = json.out.find("\"kind\": \"feedback\""); at_ != std::string::npos;
         at_ = json.out.find("\"kind\": \"feedback\"", at_ + 1))
      ++members;
    CHECK(members > 1);
    CHECK(forms == members);
    CHECK(pages >= members);
  }

  TEST_CASE("a hostile record renders as text: markup, a javascript: URL, bidi overrides") {
    if (!tools_present()) return;
    Sandbox box;
    copy_college(box);
    const std::string hostile = "<script>alert(1)</script><a href=\"javascript:alert(2)\">x</a> \u202Eevil";
    const auto logged = box.run(
        at({"log-visit", "--member", "李晴紫", "--dorm", "10-106", "--at", "2026-11-10 21:47", "--progress", hostile}));
    INFO(logged.err);
    REQUIRE(logged.exit_code == 0);
    const auto dom =
        check_page(box, at({"report", "feedback", "--member", "李晴紫", "--period", "5", "--audience", "counselor"}),
                   "hostile.html", "feedback");
    CHECK_FALSE(has(dom, "<script>alert"));
    CHECK_FALSE(has(dom, "<a href"));  // the markup is text, never an element
    CHECK(has(dom, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_FALSE(has(dom, "\u202E"));
  }

  TEST_CASE("--format pdf without Chromium names the package and writes nothing") {
    Sandbox box;
    copy_college(box);
    const auto r =
        box.run(at({"report", "summary", "--counselor", "T2024001", "--period", "5", "--format", "pdf", "-o", "s.pdf"}),
                {{"DORMLINK_CHROMIUM", box.path("no-such-chromium")}});
    CHECK(r.exit_code == 69);
    CHECK(has(r.err, "chromium"));
    CHECK_FALSE(std::filesystem::exists(box.path("s.pdf")));
    // A submission keeps Markdown or JSON; html and pdf are refused before anything is recorded.
    for (const char* format : {"html", "pdf"}) {
      const auto submit = box.run(
          at({"report", "summary", "--counselor", "T2024001", "--period", "5", "--submit", "--format", format}));
      CHECK(submit.exit_code == 64);
      CHECK(box.query_int("college.db", "SELECT count(*) FROM submission WHERE kind = 'summary' AND period = 5") == 0);
    }
    // pdf is a binary file: never to a terminal-less stdout by accident without -o.
    CHECK(box.run(at({"report", "summary", "--counselor", "T2024001", "--period", "5", "--format", "pdf"})).exit_code ==
          64);
  }
}
