// Every example of README.md runs, in order, on the example college set up the README's way:
// the examples name the files, and the README's own init, imports, assign and log-visit
// --from-csv build the database.

#include <doctest/doctest.h>
#include <glob.h>

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
    {"dormlink log-visit", "a session needs a terminal (test_e2e_session.cpp drives one)"}};

// One example: the line as written and its words after "dormlink", as a shell would split them.
struct Example {
  std::string line;
  std::vector<std::string> words;
  std::string stdout_file;  // "> FILE"
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
// is in week 12 (README: "exit 1 if overdue"; the quick start's check and notify).
int documented_exit(const std::vector<std::string>& words) {
  const auto command = std::find_if(words.begin(), words.end(), [](const std::string& w) { return w[0] != '-'; });
  if (command == words.end()) return 0;
  const bool at_week_12 = std::find(words.begin(), words.end(), "--as-of") == words.end();
  return (*command == "check" || *command == "notify") && at_week_12 ? 1 : 0;
}

// Runs one example in the sandbox at `now`; --via sendmail becomes --via mbox:mail (no mail
// transfer agent here; the same digests, written as files).
void run_example(const Sandbox& box, const Example& ex, const char* now) {
  std::vector<std::string> args;
  for (const auto& w : ex.words) {
    for (auto& e : expand(box, w)) args.push_back(e == "sendmail" ? "mbox:mail" : e);
  }
  const Result r = box.run_at(now, args);
  if (!ex.stdout_file.empty()) box.write(ex.stdout_file, r.out);
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
bool skipped(const std::string& line) {
  std::string command = line.substr(0, line.find(" #"));
  command.erase(command.find_last_not_of(' ') + 1);
  return k_skipped.count(command) != 0;
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

}  // namespace

TEST_SUITE("e2e.examples") {
  TEST_CASE("every README example runs on the example college set up the README way") {
    REQUIRE(readme_examples().size() > 30);
    readme_college();
  }
}
