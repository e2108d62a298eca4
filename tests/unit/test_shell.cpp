// Shell integration (src/cli/shell.cpp, completion.cpp, man_page.cpp, man_texts*.cpp): what
// completion offers for a line, the Chinese texts of every command and option, the man pages.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli/completion.hpp"
#include "cli/context.hpp"
#include "cli/man_page.hpp"
#include "cli/man_texts.hpp"

using namespace dormlink::cli;
using dormlink::Language;

namespace {

// The command line as the binary builds it.
struct CommandLine {
  CLI::App root;
  GlobalOptions options;
  std::vector<Command> commands;
  CommandLine() { build_command_line(root, options, commands); }
};

// A database of one member, one dorm, one counselor.
std::vector<Candidate> fake_database(ValueKind kind) {
  if (kind == ValueKind::member) return {{"2023110104", "李晴紫"}, {"李晴紫", "2023110104"}};
  if (kind == ValueKind::dorm) return {{"10-106", ""}};
  if (kind == ValueKind::counselor) return {{"T2024001", "陈逸"}, {"陈逸", "T2024001"}};
  return {};
}

std::vector<std::string> words_of(const CommandLine& line, std::vector<std::string> typed) {
  std::vector<std::string> words;
  for (const auto& c : complete_words(line.root, std::move(typed), fake_database).candidates) words.push_back(c.word);
  return words;
}

}  // namespace

TEST_SUITE("shell") {
  TEST_CASE("every command and option has a Chinese man page text, and every text names one") {
    CommandLine line;
    const auto missing = missing_chinese_texts(line.root);
    INFO("no Chinese text (src/cli/man_texts_first.cpp, man_texts_second.cpp): ",
         fmt::format("{}", fmt::join(missing, "\n")));
    CHECK(missing.empty());
    const auto unused = unused_chinese_texts(line.root);
    INFO("texts of no command or option: ", fmt::format("{}", fmt::join(unused, "\n")));
    CHECK(unused.empty());
  }

  TEST_CASE("completion: commands, subcommands, options, fixed values, people and dorms") {
    CommandLine line;
    const auto top = words_of(line, {""});
    CHECK(std::find(top.begin(), top.end(), "check") != top.end());
    CHECK(std::find(top.begin(), top.end(), "__complete") == top.end());
    CHECK(words_of(line, {"rep"}) == std::vector<std::string>{"report"});
    CHECK(words_of(line, {"report", "in"}) == std::vector<std::string>{"inspection"});
    CHECK(words_of(line, {"check", "--form"}) == std::vector<std::string>{"--format"});
    CHECK(words_of(line, {"check", "--format", ""}) ==
          std::vector<std::string>{"text", "md", "html", "pdf", "json", "csv"});
    CHECK(words_of(line, {"check", "--format=c"}) == std::vector<std::string>{"--format=csv"});
    CHECK(words_of(line, {"check", "--format", "=", "c"}) == std::vector<std::string>{"csv"});
    CHECK(words_of(line, {"export", "a"}) == std::vector<std::string>{"assignments", "assessment"});
    CHECK(words_of(line, {"log-visit", "--kind", "in"}) == std::vector<std::string>{"incident"});
    CHECK(words_of(line, {"check", "--member", "李"}) == std::vector<std::string>{"李晴紫"});
    CHECK(words_of(line, {"--as-of", "2026-09-07", "log-visit", "--dorm", ""}) == std::vector<std::string>{"10-106"});
    CHECK(words_of(line, {"check", "--counselor", "T"}) == std::vector<std::string>{"T2024001"});
    CHECK(words_of(line, {"check", "--semester", ""}).empty());  // free text: nothing to offer
    CHECK(complete_words(line.root, {"backup", ""}, fake_database).directive == Directive::files);
    CHECK(complete_words(line.root, {"form", "--out-dir", ""}, fake_database).directive == Directive::directories);
  }

  TEST_CASE("completion reads --db, --config and --as-of from the line") {
    CommandLine line;
    const auto typed =
        options_on_line(line.root, {"--db", "a.db", "check", "--config=b.toml", "--as-of", "2026-09-07"});
    CHECK(typed.db_path == "a.db");
    CHECK(typed.config_path == "b.toml");
    CHECK(typed.as_of == "2026-09-07");
    CHECK(options_on_line(line.root, {"backup", "x.db"}).db_path.empty());
  }

  TEST_CASE("man pages: one per command, named by its path, in both languages") {
    CommandLine line;
    const auto en = man_pages(line.root, Language::en, "0.1.0");
    const auto zh = man_pages(line.root, Language::zh, "0.1.0");
    REQUIRE(en.size() == zh.size());
    const auto summary =
        std::find_if(en.begin(), en.end(), [](const ManPage& p) { return p.name == "dormlink-report-summary"; });
    REQUIRE(summary != en.end());
    CHECK(summary->roff.find(".TH DORMLINK\\-REPORT\\-SUMMARY 1") != std::string::npos);
    CHECK(summary->roff.find("\\fBdormlink report summary\\fR") != std::string::npos);
    CHECK(summary->roff.find("\\fB\\-\\-format\\fR \\fImd|\\:json|\\:csv|\\:xlsx|\\:html|\\:pdf\\fR") !=
          std::string::npos);
    CHECK(summary->roff.find(".SH EXAMPLES") != std::string::npos);
    const ManPage& summary_zh = zh[static_cast<std::size_t>(summary - en.begin())];
    CHECK(summary_zh.roff.find(".SH 名称") != std::string::npos);
    CHECK(summary_zh.roff.find(chinese_text("report summary", "")) != std::string::npos);
    for (const auto& page : en) {
      CHECK(page.roff.find("\n.SH NAME\n") != std::string::npos);
      CHECK(page.roff.find("\n.SH SYNOPSIS\n") != std::string::npos);
    }
  }
}
