#pragma once
// Man pages in roff, one per command (dormlink(1), dormlink-check(1), dormlink-report-summary(1)),
// in English or Chinese, from the command line's definition: name, synopsis, summary, commands,
// options with their help, the footer's notes and examples (docs/shell.md).

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dormlink/language.hpp"

namespace dormlink::cli {

// One page: its name ("dormlink-report-summary"; the file is NAME.1) and its roff source.
struct ManPage {
  std::string name;
  std::string roff;
};

// The page of `app` in `language`; `version` goes into its header.
ManPage man_page(const CLI::App& app, Language language, const std::string& version);

// The pages of `root` and of every visible command below it, in the order of the tree.
std::vector<ManPage> man_pages(const CLI::App& root, Language language, const std::string& version);

}  // namespace dormlink::cli
