// The problem collector every validator reports through (src/error.cpp).
#include <doctest/doctest.h>

#include <string>

#include "dormlink/error.hpp"

using dormlink::Problem;
using dormlink::ProblemCollector;

TEST_SUITE("error") {
  TEST_CASE("the collector keeps the first 100 problems and counts the rest") {
    ProblemCollector problems;
    for (int i = 1; i <= 250; ++i) problems.add("f.csv:" + std::to_string(i), "bad");
    CHECK(problems.size() == 250);
    CHECK(problems.full());
    CHECK(problems.left_out() == 150);
    const auto list = problems.take();
    REQUIRE(list.size() == 101);
    CHECK(list[99].location == "f.csv:100");
    CHECK(list[100].location.empty());
    CHECK(list[100].message == "... and 150 more problems not shown; fix these first");
  }

  TEST_CASE("below the cap nothing is added, and a stop note comes last") {
    ProblemCollector problems;
    problems.add("f.csv:2", "bad");
    CHECK_FALSE(problems.full());
    CHECK(problems.take().size() == 1);
    problems.add("f.csv:3", "bad");
    problems.stop("... checking stopped");
    CHECK(problems.stopped());
    const auto list = problems.take();
    REQUIRE(list.size() == 2);
    CHECK(list[1].message == "... checking stopped");
    CHECK_FALSE(problems.stopped());
  }
}
