// End-to-end: shell integration (docs/shell.md). The generated bash script completes in bash
// (with and without bash-completion), the zsh one in zsh, and every man page, English and
// Chinese, renders with man -l without a warning.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "harness.hpp"
#include "terminal.hpp"

using dormlink::e2e::Sandbox;

namespace {

// Completes a command line in bash as readline would: COMP_LINE, COMP_WORDS split at blanks and
// at = and : (COMP_WORDBREAKS), the last word the one being typed; prints COMPREPLY a line each.
// $1 is "plain" (the script alone) or "full" (after bash-completion, as on a Debian desktop).
constexpr const char* k_bash_driver = R"(
if [[ $1 == full ]]; then source /usr/share/bash-completion/bash_completion; fi
source ./dormlink.bash
line=$2
COMP_LINE=$line
COMP_POINT=${#line}
COMP_WORDS=()
word=""
for ((i = 0; i < ${#line}; i++)); do
  c=${line:i:1}
  case $c in
    ' ') [[ -n $word ]] && COMP_WORDS+=("$word"); word="" ;;
    '=' | ':') [[ -n $word ]] && COMP_WORDS+=("$word"); COMP_WORDS+=("$c"); word="" ;;
    *) word+=$c ;;
  esac
done
COMP_WORDS+=("$word")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_dormlink
printf '%s\n' "${COMPREPLY[@]}"
)";

std::string binary_dir() { return std::filesystem::path(DORMLINK_BINARY).parent_path().string(); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

bool has(const std::vector<std::string>& lines, const std::string& word) {
  return std::find(lines.begin(), lines.end(), word) != lines.end();
}

// The example college, and both completion scripts written by the binary.
void setup_shell(const Sandbox& box) {
  dormlink::e2e::setup_example_college(box);
  REQUIRE(box.run({"completion", "bash", "-o", "dormlink.bash"}).exit_code == 0);
  REQUIRE(box.run({"completion", "zsh", "-o", "_dormlink"}).exit_code == 0);
  box.write("complete.bash", k_bash_driver);
}

std::vector<std::string> bash_complete(const Sandbox& box, const std::string& mode, const std::string& line,
                                       std::map<std::string, std::string> env = {}) {
  env["PATH"] = binary_dir() + ":/usr/bin:/bin";
  auto r = box.run_program("/bin/bash", {"--norc", "--noprofile", "complete.bash", mode, line}, env);
  INFO(line, "\n", r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  return lines_of(r.out);
}

}  // namespace

TEST_SUITE("e2e.shell") {
  TEST_CASE("bash completes commands, options, values, and members and dorms from the database") {
    Sandbox box;
    setup_shell(box);
    for (const std::string mode : {"plain", "full"}) {
      CAPTURE(mode);
      const auto commands = bash_complete(box, mode, "dormlink ");
      CHECK(has(commands, "check"));
      CHECK(has(commands, "log-visit"));
      CHECK(has(commands, "completion"));
      CHECK_FALSE(has(commands, "__complete"));
      CHECK(bash_complete(box, mode, "dormlink rep") == std::vector<std::string>{"report"});
      CHECK(bash_complete(box, mode, "dormlink report su") == std::vector<std::string>{"summary"});
      CHECK(bash_complete(box, mode, "dormlink check --form") == std::vector<std::string>{"--format"});
      CHECK(has(bash_complete(box, mode, "dormlink check --"), "--db"));  // global options too
      CHECK(bash_complete(box, mode, "dormlink check --format j") == std::vector<std::string>{"json"});
      CHECK(bash_complete(box, mode, "dormlink check --format=j") == std::vector<std::string>{"json"});
      CHECK(bash_complete(box, mode, "dormlink --lang ") == std::vector<std::string>{"zh", "en"});
      CHECK(bash_complete(box, mode, "dormlink log-visit --kind ta") == std::vector<std::string>{"talk"});
      CHECK(bash_complete(box, mode, "dormlink log-visit --channel we") == std::vector<std::string>{"wechat"});
      CHECK(has(bash_complete(box, mode, "dormlink --db college.db check --member 20231101"), "2023110104"));
      CHECK(has(bash_complete(box, mode, "dormlink check --db college.db --member 李"), "李晴紫"));
      CHECK(has(bash_complete(box, mode, "dormlink log-visit --db=college.db --dorm 10-1"), "10-106"));
      CHECK(has(bash_complete(box, mode, "dormlink backup dormlink.t"), "dormlink.toml"));
    }
  }

  TEST_CASE("bash -i: Tab completes through the generated script at a real prompt") {
    Sandbox box;
    setup_shell(box);
    // Each line is typed with its Tabs; Ctrl-A then "echo " makes bash print the completed line.
    const auto run = dormlink::e2e::run_program_in_terminal(
        box, {"/bin/bash", "--norc", "--noprofile", "-i"},
        {"source ./dormlink.bash",
         "dormlink chec\t--form\tjs\t\x01"
         "echo ",
         "dormlink --db college.db log-vi\t--mem\t李晴\t--ki\tta\t\x01"
         "echo ",
         "dormlink rep\tsu\t\x01"
         "echo ",
         "exit"},
        {{"PATH", binary_dir() + ":/usr/bin:/bin"}, {"PS1", "ready: "}, {"TERM", "dumb"}, {"LANG", "C.UTF-8"}});
    INFO(run.screen);
    CHECK(run.exit_code == 0);
    CHECK(run.screen.find("\ndormlink check --format json\r") != std::string::npos);
    CHECK(run.screen.find("\ndormlink --db college.db log-visit --member 李晴紫 --kind talk\r") != std::string::npos);
    CHECK(run.screen.find("\ndormlink report summary\r") != std::string::npos);
  }

  TEST_CASE("completion finds the database as every command does, and says nothing without one") {
    Sandbox box;
    setup_shell(box);
    CHECK(has(bash_complete(box, "plain", "dormlink check --member 2023110104", {{"DORMLINK_DB", "college.db"}}),
              "2023110104"));
    CHECK(bash_complete(box, "plain", "dormlink check --member 2023110104").empty());  // ./dormlink.db: none
    CHECK(bash_complete(box, "full", "dormlink --db nowhere.db check --member 2").empty());
    box.write("garbage.db", "not a database");
    CHECK(bash_complete(box, "full", "dormlink --db garbage.db report feedback --member 2").empty());
  }

  TEST_CASE("zsh completes through the generated script") {
    if (!std::filesystem::exists("/usr/bin/zsh")) {
      MESSAGE("zsh is not installed (scripts/setup-deps.sh --test): skipped");
      return;
    }
    Sandbox box;
    setup_shell(box);
    // _describe and _files stand in for the completion system's: they print what they are given.
    box.write("complete.zsh", R"(
autoload -U compinit && compinit -u -d "$HOME/.zcompdump"
source ./_dormlink
print -r -- "registered: ${_comps[dormlink]}"
_describe() { local name=${@[-1]}; print -rl -- "${(@P)name}"; }
_files() { print -r -- "FILES $*"; }
words=(dormlink check --fo); CURRENT=3; _dormlink
words=(dormlink --db college.db report feedback --member 李晴); CURRENT=7; _dormlink
words=(dormlink export --format x); CURRENT=4; _dormlink
words=(dormlink import students ''); CURRENT=4; _dormlink
)");
    auto r = box.run_program("/usr/bin/zsh", {"-f", "complete.zsh"}, {{"PATH", binary_dir() + ":/usr/bin:/bin"}});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    const auto lines = lines_of(r.out);
    CHECK(has(lines, "registered: _dormlink"));
    CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("--format:", 0) == 0; }));
    CHECK(has(lines, "李晴紫:2023110104"));
    CHECK(has(lines, "xlsx"));
    CHECK(has(lines, "FILES "));
  }

  TEST_CASE("every man page, English and Chinese, renders with man -l without a warning") {
    if (!std::filesystem::exists("/usr/bin/man")) {
      MESSAGE("man-db is not installed (scripts/setup-deps.sh --test): skipped");
      return;
    }
    Sandbox box;
    for (const std::string lang : {"en", "zh"}) {
      auto made = box.run({"--lang", lang, "man", "--out-dir", "man/" + lang});
      INFO(made.err);
      REQUIRE(made.exit_code == 0);
    }
    std::vector<std::string> pages;
    for (const auto& entry : std::filesystem::directory_iterator(box.path("man/en"))) {
      pages.push_back(entry.path().filename().string());
    }
    std::sort(pages.begin(), pages.end());
    CHECK(pages.size() >= 30);
    for (const char* page : {"dormlink.1", "dormlink-check.1", "dormlink-log-visit.1", "dormlink-report-summary.1",
                             "dormlink-import-students.1", "dormlink-completion.1", "dormlink-man.1"}) {
      CHECK(has(pages, page));
    }
    const std::map<std::string, std::string> env{
        {"LANG", "C.UTF-8"}, {"MANWIDTH", "80"}, {"MANPAGER", "cat"}, {"PAGER", "cat"}};
    for (const std::string lang : {"en", "zh"}) {
      for (const auto& page : pages) {
        CAPTURE(lang);
        CAPTURE(page);
        REQUIRE(std::filesystem::exists(box.path("man/" + lang + "/" + page)));
        auto shown =
            box.run_program("/usr/bin/man", {"--warnings", "-E", "UTF-8", "-l", "man/" + lang + "/" + page}, env);
        CHECK(shown.exit_code == 0);
        CHECK(shown.err == "");
        CHECK(shown.out.find(lang == "en" ? "SYNOPSIS" : "概要") != std::string::npos);
      }
    }
    const std::string check_en = box.read("man/en/dormlink-check.1");
    CHECK(check_en.find("\\-\\-format") != std::string::npos);
    CHECK(check_en.find(".SH EXAMPLES") != std::string::npos);
    const std::string check_zh = box.read("man/zh/dormlink-check.1");
    CHECK(check_zh.find(".SH 选项") != std::string::npos);
    CHECK(check_zh.find(".SH 示例") != std::string::npos);
  }
}
