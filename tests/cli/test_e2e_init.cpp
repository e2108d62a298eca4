// End-to-end: dormlink init.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "harness.hpp"

using dormlink::e2e::Sandbox;

TEST_SUITE("e2e.init") {
  TEST_CASE("init creates a private database and a commented config, then refuses to overwrite") {
    Sandbox box;
    auto r = box.run({"--as-of", "2026-11-27", "init"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    struct stat st {};
    REQUIRE(::stat(box.path("dormlink.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto config = box.read("dormlink.toml");
    CHECK(config.find("visits_per_week = 2") != std::string::npos);
    CHECK(config.find("2026-autumn") != std::string::npos);
    CHECK(box.query_int("dormlink.db", "PRAGMA user_version") == 11);

    auto db_before = box.read("dormlink.db");
    auto again = box.run({"init"});
    CHECK(again.exit_code == 73);
    CHECK(again.err ==
          "dormlink: error: dormlink.db already exists; init never overwrites a database "
          "(choose another --db path)\n");
    CHECK(box.read("dormlink.db") == db_before);
    CHECK(box.read("dormlink.toml") == config);
  }

  TEST_CASE("init keeps an existing config, and validates it first") {
    Sandbox box;
    box.write("dormlink.toml", "[college]\nname = \"外国语学院\"\n");
    auto kept = box.run({"init"});
    CHECK(kept.exit_code == 0);
    CHECK(kept.err.find("kept existing config dormlink.toml") != std::string::npos);
    CHECK(box.read("dormlink.toml") == "[college]\nname = \"外国语学院\"\n");

    Sandbox bad;
    bad.write("dormlink.toml", "[duties]\nvists_per_week = 2\n");
    auto r = bad.run({"init"});
    CHECK(r.exit_code == 78);
    CHECK(r.err.find("dormlink.toml:2:1:") == 0);
    CHECK_FALSE(std::filesystem::exists(bad.path("dormlink.db")));
  }

  TEST_CASE("the written config loads back") {
    Sandbox box;
    REQUIRE(box.run({"init"}).exit_code == 0);
    auto r = box.run({"roster"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
  }
}
