// Shell integration (src/cli/shell.cpp, man_page.cpp, man_texts*.cpp): the Chinese texts of
// every command and option, the man pages.
#include <doctest/doctest.h>

#include <algorithm>

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
    CHECK(summary->roff.find("\\fB\\-\\-format\\fR \\fImd|\\:json|\\:csv|\\:xlsx\\fR") != std::string::npos);
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
