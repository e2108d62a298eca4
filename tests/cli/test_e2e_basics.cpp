// End-to-end: the global interface (help, version, usage errors, exit codes).
#include <doctest/doctest.h>

#include "harness.hpp"

using dormlink::e2e::Sandbox;

TEST_SUITE("e2e.basics") {
  TEST_CASE("--version and --help exit 0 and print to stdout") {
    Sandbox box;
    auto v = box.run({"--version"});
    CHECK(v.exit_code == 0);
    CHECK(v.out.find("dormlink 0.1.0 (schema 11)") == 0);
    auto h = box.run({"--help"});
    CHECK(h.exit_code == 0);
    CHECK(h.out.find("Exit codes:") != std::string::npos);
    auto sub = box.run({"import", "students", "--help"});
    CHECK(sub.exit_code == 0);
    CHECK(sub.out.find("Examples:") != std::string::npos);
    CHECK(sub.out.find("--dry-run") != std::string::npos);
  }

  TEST_CASE("usage errors exit 64, never CLI11's own codes") {
    Sandbox box;
    for (const auto& args : std::vector<std::vector<std::string>>{{},
                                                                  {"--bogus"},
                                                                  {"import"},
                                                                  {"import", "students"},
                                                                  {"roster", "--format", "pdf"},
                                                                  {"--lang", "fr", "roster"},
                                                                  {"frobnicate"}}) {
      auto r = box.run(args);
      INFO(r.err);
      CHECK(r.exit_code == 64);
      CHECK(r.out.empty());
    }
  }

  TEST_CASE("a malformed --as-of is a usage error") {
    Sandbox box;
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    auto r = box.run({"--as-of", "2026/13/01", "roster"});
    CHECK(r.exit_code == 64);
    CHECK(r.err == "dormlink: error: --as-of \"2026/13/01\" is not a date; use YYYY-MM-DD, e.g. 2026-09-07\n");
  }

  TEST_CASE("a missing database says how to create one (exit 66)") {
    Sandbox box;
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    auto r = box.run({"roster"});
    CHECK(r.exit_code == 66);
    CHECK(r.err ==
          "dormlink: error: database dormlink.db does not exist; run `dormlink init` to create it, "
          "or pass --db / set DORMLINK_DB\n");
  }

  TEST_CASE("DORMLINK_DB and DORMLINK_CONFIG choose the files, options after the command work") {
    Sandbox box;
    box.copy_from_source("examples/dormlink.toml", "rules.toml");
    auto init = box.run({"init"}, {{"DORMLINK_DB", "x.db"}, {"DORMLINK_CONFIG", "rules.toml"}});
    CHECK(init.exit_code == 0);
    CHECK(init.err.find("created database x.db") == 0);
    auto r = box.run({"roster", "--db", "x.db", "--config", "rules.toml", "--as-of", "2026-09-07"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
  }
}
