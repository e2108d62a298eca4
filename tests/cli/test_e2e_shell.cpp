// End-to-end: shell integration (docs/shell.md). Every man page, English and Chinese, renders
// with man -l without a warning.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "harness.hpp"

using dormlink::e2e::Sandbox;

namespace {

bool has(const std::vector<std::string>& lines, const std::string& word) {
  return std::find(lines.begin(), lines.end(), word) != lines.end();
}

}  // namespace

TEST_SUITE("e2e.shell") {
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
                             "dormlink-import-students.1", "dormlink-man.1"}) {
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
