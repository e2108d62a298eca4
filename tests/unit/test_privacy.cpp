// report/privacy.hpp: ShownCount, a count as an audience may see it, and the Privacy factories
// that decide it (docs/reports.md "Audiences and privacy", docs/security.md "Who sees what").
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "dormlink/report/privacy.hpp"

using namespace dormlink::report;

namespace {

// A renderer holds a ShownCount and nothing else of the count. These fail to compile if the
// type ever lets it reach the true number of a hidden count: no conversion to int, no
// construction from an int outside Privacy, no public member holding the number.
template <typename T>
concept reads_raw_member = requires(const T& c) {
  c.m_value;
};

static_assert(!std::is_convertible_v<ShownCount, int>);
static_assert(!std::is_constructible_v<ShownCount, int>);
static_assert(!std::is_arithmetic_v<ShownCount>);
static_assert(!reads_raw_member<ShownCount>);
static_assert(std::is_same_v<decltype(std::declval<const ShownCount&>().value()), std::optional<int>>);

Privacy committee(int threshold = 3) {
  Privacy p;
  p.audience = Audience::committee;
  p.small_count_threshold = threshold;
  return p;
}

std::vector<std::string> texts(const std::vector<ShownCount>& counts) {
  std::vector<std::string> out;
  for (const auto& c : counts) out.push_back(c.text());
  return out;
}

std::vector<std::string> jsons(const std::vector<ShownCount>& counts) {
  std::vector<std::string> out;
  for (const auto& c : counts) out.push_back(json_text(c.json()));
  return out;
}

}  // namespace

TEST_SUITE("report.privacy") {
  TEST_CASE("a default ShownCount is a shown 0") {
    const ShownCount c;
    CHECK_FALSE(c.hidden());
    CHECK(c.zero());
    CHECK(c.value() == 0);
    CHECK(c.text() == "0");
    CHECK(json_text(c.json()) == "0");
  }

  TEST_CASE("the committee sees 1 and 2 as <3, 0 and 3 as they are") {
    const Privacy p = committee();
    for (int n : {1, 2}) {
      INFO(n);
      const auto c = p.count(n);
      CHECK(c.hidden());
      CHECK_FALSE(c.value());
      CHECK_FALSE(c.zero());
      CHECK(c.text() == "<3");
      CHECK(json_text(c.json()) == "\"<3\"");
    }
    CHECK(p.count(0).text() == "0");
    CHECK(p.count(0).zero());
    CHECK(json_text(p.count(0).json()) == "0");
    CHECK(p.count(3).value() == 3);
    CHECK(json_text(p.count(3).json()) == "3");
    CHECK(p.count(120).text() == "120");
  }

  TEST_CASE("the threshold comes from the config") {
    const Privacy p = committee(5);
    CHECK(p.count(4).text() == "<5");
    CHECK(json_text(p.count(4).json()) == "\"<5\"");
    CHECK(p.count(5).text() == "5");
    CHECK_FALSE(committee(1).count(1).hidden());  // nothing is below 1
  }

  TEST_CASE("the counselor and the branch see every count exactly") {
    for (auto audience : {Audience::counselor, Audience::branch}) {
      Privacy p;
      p.audience = audience;
      CHECK(p.count(1).value() == 1);
      CHECK(p.count(2).text() == "2");
      CHECK(texts(p.parts({9, 1})) == std::vector<std::string>{"9", "1"});
      CHECK(p.total(4, {1}).value() == 5);
    }
  }

  TEST_CASE("a split with a small part: the small part shows as <3, every other part as a dash") {
    const Privacy p = committee();
    // 10 students, 9 talked with: "<3" missed next to 9 would give the 1 away.
    const auto talked_missed = p.parts({9, 1});
    CHECK(texts(talked_missed) == std::vector<std::string>{"—", "<3"});
    CHECK(jsons(talked_missed) == std::vector<std::string>{"null", "\"<3\""});
    CHECK(talked_missed[0].hidden());
    CHECK_FALSE(talked_missed[0].value());
    // A 0 part is withheld too (else 1 in time, 0 late, 0 unreported says "1").
    const auto incidents = p.parts({1, 0, 0});
    CHECK(texts(incidents) == std::vector<std::string>{"<3", "—", "—"});
    CHECK(jsons(incidents) == std::vector<std::string>{"\"<3\"", "null", "null"});
    CHECK_FALSE(incidents[1].zero());
    // Two small parts both show as <3.
    CHECK(texts(p.parts({2, 5, 1})) == std::vector<std::string>{"<3", "—", "<3"});
  }

  TEST_CASE("a split without a small part shows every part") {
    const Privacy p = committee();
    CHECK(texts(p.parts({7, 0, 3})) == std::vector<std::string>{"7", "0", "3"});
    CHECK(p.parts({7, 0, 3})[1].zero());
    CHECK(p.parts({}).empty());
  }

  TEST_CASE("a total over rules is hidden when a sensitive rule's count is") {
    const Privacy p = committee();
    CHECK(p.total(5, {1}).text() == "—");
    CHECK(json_text(p.total(5, {1}).json()) == "null");
    CHECK_FALSE(p.total(5, {0, 2}).value());
    CHECK(p.total(5, {0, 3}).value() == 8);
    CHECK(p.total(0, {}).zero());
    // Counts of rules that are never sensitive stay exact, however small.
    CHECK(p.total(1, {}).value() == 1);
    CHECK(Privacy::exact(1).text() == "1");
    CHECK(json_text(Privacy::exact(2).json()) == "2");
  }
}
