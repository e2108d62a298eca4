#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "dormlink/when.hpp"

using namespace dormlink;
using namespace std::chrono;

namespace {

// A Friday; the fixed "today" of most cases.
const Date k_today{year{2026}, month{11}, day{27}};

constexpr std::string_view k_forms =
    "write YYYY-MM-DD HH:MM, 2026/3/1, 3月1日, 11.24, today, yesterday 19:30 or 周二 19:30";

// The parse result as text: format_local on success, "error: <message>" otherwise.
std::string parsed(std::string_view text, Date today = k_today) {
  auto result = parse_when(text, today);
  if (const auto* error = std::get_if<WhenError>(&result)) return "error: " + error->message;
  return format_local(std::get<LocalDateTime>(result));
}

struct Case {
  std::string_view input;
  std::string expected;
};

void check_all(const std::vector<Case>& cases, Date today = k_today) {
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(parsed(c.input, today) == c.expected);
  }
}

std::string real_date_error(std::string_view text) { return "error: \"" + std::string(text) + "\" is not a real date"; }

std::string time_error(std::string_view text) {
  return "error: \"" + std::string(text) + "\" is not a time of day (HH:MM, 00:00-23:59)";
}

std::string form_error(std::string_view text) {
  return "error: \"" + std::string(text) + "\" is not a date; " + std::string(k_forms);
}

}  // namespace

TEST_SUITE("when") {
  TEST_CASE("format_local writes the date and, when there is one, the time") {
    Date date{year{2026}, month{3}, day{1}};
    CHECK(format_local(LocalDateTime{date}) == "2026-03-01");
    CHECK(format_local(LocalDateTime{date, 7, 5, true}) == "2026-03-01 07:05");
    CHECK(format_local(LocalDateTime{date, 19, 30, true}) == "2026-03-01 19:30");
  }

  TEST_CASE("a date alone sorts before any time that day, and times sort in order") {
    Date date{year{2026}, month{3}, day{1}};
    LocalDateTime date_only{date};
    LocalDateTime midnight{date, 0, 0, true};
    LocalDateTime evening{date, 19, 30, true};
    LocalDateTime next_day{Date{year{2026}, month{3}, day{2}}};
    CHECK(date_only < midnight);
    CHECK(midnight < evening);
    CHECK(evening < next_day);
    CHECK(evening == LocalDateTime{date, 19, 30, true});
    CHECK(evening != LocalDateTime{date, 19, 31, true});
  }

  TEST_CASE("a date alone has no time") {
    auto result = parse_when("2026-03-01", k_today);
    REQUIRE(std::holds_alternative<LocalDateTime>(result));
    CHECK(std::get<LocalDateTime>(result) == LocalDateTime{Date{year{2026}, month{3}, day{1}}});
    CHECK_FALSE(std::get<LocalDateTime>(result).has_time);
  }

  TEST_CASE("numeric dates with a year, with and without a time") {
    check_all({
        {"2026-03-01", "2026-03-01"},
        {"2026-3-1", "2026-03-01"},
        {"2026-03-01 19:30", "2026-03-01 19:30"},
        {"2026-03-01T19:30", "2026-03-01 19:30"},
        {"2026-03-01t19:30", "2026-03-01 19:30"},
        {"2026/3/1", "2026-03-01"},
        {"2026/03/01", "2026-03-01"},
        {"2026/3/1 19:30", "2026-03-01 19:30"},
        {"2026.3.1", "2026-03-01"},
        {"2026.3.1 7:05", "2026-03-01 07:05"},
        {"  2026-03-01   19:30  ", "2026-03-01 19:30"},
        {"2026-03-01\t19:30", "2026-03-01 19:30"},
        {"2025-12-31 23:59", "2025-12-31 23:59"},
    });
  }

  TEST_CASE("month and day without a year take the year of today") {
    check_all({
        {"3/1", "2026-03-01"},
        {"3-1", "2026-03-01"},
        {"03/01", "2026-03-01"},
        {"11/27", "2026-11-27"},
        {"3/1 19:30", "2026-03-01 19:30"},
        {"3-1 7:05", "2026-03-01 07:05"},
    });
  }

  TEST_CASE("Chinese dates, with 日 or 号 and an optional year") {
    check_all({
        {"3月1日", "2026-03-01"},
        {"3月1号", "2026-03-01"},
        {"03月01日", "2026-03-01"},
        {"2026年3月1日", "2026-03-01"},
        {"2025年12月31号", "2025-12-31"},
        {"3月1日 19:30", "2026-03-01 19:30"},
        {"3月1日19:30", "2026-03-01 19:30"},
        {"3月1日19点30", "2026-03-01 19:30"},
        {"3月1日 19点30分", "2026-03-01 19:30"},
        {"2026年3月1日19时30分", "2026-03-01 19:30"},
    });
  }

  TEST_CASE("上午, 下午 and 晚上 before a Chinese time") {
    check_all({
        {"3月1日晚上7点半", "2026-03-01 19:30"},
        {"3月1日 晚上7点", "2026-03-01 19:00"},
        {"3月1日下午3点15分", "2026-03-01 15:15"},
        {"3月1日傍晚6点", "2026-03-01 18:00"},
        {"3月1日中午12点", "2026-03-01 12:00"},
        {"3月1日中午1点", "2026-03-01 13:00"},
        {"3月1日上午9点", "2026-03-01 09:00"},
        {"3月1日早上8点半", "2026-03-01 08:30"},
        {"3月1日凌晨1点", "2026-03-01 01:00"},
        {"3月1日晚上19点", "2026-03-01 19:00"},
        {"3月1日晚上7:30", "2026-03-01 19:30"},
        {"下午3点", "2026-11-27 15:00"},
    });
  }

  TEST_CASE("today, yesterday, 今天, 昨天, 前天, 今晚 and 昨晚, optionally with a time") {
    check_all({
        {"today", "2026-11-27"},
        {"Today", "2026-11-27"},
        {"TODAY 8:00", "2026-11-27 08:00"},
        {"yesterday", "2026-11-26"},
        {"yesterday 19:30", "2026-11-26 19:30"},
        {"yesterday 7:05", "2026-11-26 07:05"},
        {"今天", "2026-11-27"},
        {"今天 19:30", "2026-11-27 19:30"},
        {"昨天", "2026-11-26"},
        {"昨天 19:30", "2026-11-26 19:30"},
        {"昨天19点", "2026-11-26 19:00"},
        {"昨天晚上7点", "2026-11-26 19:00"},
        {"前天", "2026-11-25"},
        {"前天 21:00", "2026-11-25 21:00"},
        {"昨晚", "2026-11-26"},
        {"昨晚7点", "2026-11-26 19:00"},
        {"昨晚11点半", "2026-11-26 23:30"},
        {"昨晚21:15", "2026-11-26 21:15"},
        {"今晚8点半", "2026-11-27 20:30"},
    });
  }

  TEST_CASE("relative days cross month and year ends") {
    Date new_year{year{2026}, month{1}, day{1}};
    check_all({{"yesterday", "2025-12-31"}, {"前天 9:00", "2025-12-30 09:00"}}, new_year);
  }

  TEST_CASE("a time alone means today") {
    check_all({
        {"19:30", "2026-11-27 19:30"},
        {"7:05", "2026-11-27 07:05"},
        {"00:00", "2026-11-27 00:00"},
        {"23:59", "2026-11-27 23:59"},
        {"19点", "2026-11-27 19:00"},
        {"19点30", "2026-11-27 19:30"},
        {"19点05", "2026-11-27 19:05"},
        {"19点5", "2026-11-27 19:05"},
        {"19点30分", "2026-11-27 19:30"},
        {"19时30分", "2026-11-27 19:30"},
        {"19时", "2026-11-27 19:00"},
        {"7点半", "2026-11-27 07:30"},
    });
  }

  TEST_CASE("a time alone can mean another day: the day a session is on") {
    const Date tuesday{year{2026}, month{11}, day{24}};
    auto result = parse_when("20:05", k_today, tuesday);
    REQUIRE(std::holds_alternative<LocalDateTime>(result));
    CHECK(format_local(std::get<LocalDateTime>(result)) == "2026-11-24 20:05");
    result = parse_when("昨天 20:05", k_today, tuesday);
    CHECK(format_local(std::get<LocalDateTime>(result)) == "2026-11-26 20:05");
  }

  TEST_CASE("weekdays: the latest on or before today, last week's, this week's") {
    // k_today is Friday 2026-11-27; its week runs Monday 11-23 to Sunday 11-29.
    check_all({
        {"周二 19:30", "2026-11-24 19:30"},
        {"周二19:30", "2026-11-24 19:30"},
        {"星期二晚上7点", "2026-11-24 19:00"},
        {"礼拜二 7点半", "2026-11-24 07:30"},
        {"周五", "2026-11-27"},
        {"周六", "2026-11-21"},
        {"周日 10:00", "2026-11-22 10:00"},
        {"星期天", "2026-11-22"},
        {"週一", "2026-11-23"},
        {"上周四 19:30", "2026-11-19 19:30"},
        {"上星期日", "2026-11-22"},
        {"上个周一", "2026-11-16"},
        {"本周六", "2026-11-28"},
        {"这周三 21:00", "2026-11-25 21:00"},
        {"tue 19:30", "2026-11-24 19:30"},
        {"Tuesday 7:30", "2026-11-24 07:30"},
        {"thurs", "2026-11-26"},
        {"last thu 19:30", "2026-11-19 19:30"},
        {"this sat", "2026-11-28"},
        {"周八", form_error("周八")},
        {"tu 19:30", form_error("tu 19:30")},
    });
    // On a Monday, 周一 is today and 周日 the day before.
    check_all({{"周一", "2026-11-23"}, {"周日", "2026-11-22"}, {"上周一", "2026-11-16"}},
              Date{year{2026}, month{11}, day{23}});
  }

  TEST_CASE("11.24 and 11月24日晚7点半: month and day with a dot, a period word without a space") {
    check_all({
        {"11.24 19:30", "2026-11-24 19:30"},
        {"3.1", "2026-03-01"},
        {"11月24日晚7点半", "2026-11-24 19:30"},
        {"11月24号晚上七点", form_error("11月24号晚上七点")},
        {"11.32", real_date_error("11.32")},
    });
  }

  TEST_CASE("full-width digits, punctuation, letters and the ideographic space are folded") {
    check_all({
        {"２０２６－０３－０１　１９：３０", "2026-03-01 19:30"},
        {"２０２６－０３－０１Ｔ１９：３０", "2026-03-01 19:30"},
        {"２０２６／３／１", "2026-03-01"},
        {"２０２６．３．１", "2026-03-01"},
        {"３／１", "2026-03-01"},
        {"３月１日　１９：３０", "2026-03-01 19:30"},
        {"２０２６年３月１日", "2026-03-01"},
        {"昨天　１９点３０分", "2026-11-26 19:30"},
        {"１９：３０", "2026-11-27 19:30"},
        {"ｙｅｓｔｅｒｄａｙ　７：０５", "2026-11-26 07:05"},
        {"　2026-03-01　", "2026-03-01"},
    });
  }

  TEST_CASE("a year-less date more than 31 days ahead is last year's") {
    Date early_january{year{2026}, month{1}, day{5}};
    check_all(
        {
            {"12/30", "2025-12-30"},
            {"12-30 19:30", "2025-12-30 19:30"},
            {"12月30日", "2025-12-30"},
            {"1/5", "2026-01-05"},
            {"2/5", "2026-02-05"},
            {"2/6", "2025-02-06"},
        },
        early_january);
    check_all({{"12/28", "2026-12-28"}, {"12/29", "2025-12-29"}});
  }

  TEST_CASE("leap days are real only in leap years") {
    check_all({
        {"2028-02-29", "2028-02-29"},
        {"2028/2/29 19:30", "2028-02-29 19:30"},
        {"2028年2月29日", "2028-02-29"},
        {"2026-02-29", real_date_error("2026-02-29")},
        {"2/29", real_date_error("2/29")},
        {"2100-02-29", real_date_error("2100-02-29")},
    });
    check_all({{"2/29", "2028-02-29"}}, Date{year{2028}, month{3}, day{10}});
    check_all({{"2/29", "2028-02-29"}}, Date{year{2029}, month{1}, day{5}});
  }

  TEST_CASE("a date that is not a real day is named") {
    check_all({
        {"2026-02-30", real_date_error("2026-02-30")},
        {"2026-02-30 19:30", real_date_error("2026-02-30")},
        {"2026-13-01", real_date_error("2026-13-01")},
        {"2026/4/31", real_date_error("2026/4/31")},
        {"2026-00-10", real_date_error("2026-00-10")},
        {"2/30", real_date_error("2/30")},
        {"13/1", real_date_error("13/1")},
        {"0/1", real_date_error("0/1")},
        {"2月30日", real_date_error("2月30日")},
        {"2026年4月31号", real_date_error("2026年4月31号")},
        {"２０２６－０２－３０", real_date_error("2026-02-30")},
    });
  }

  TEST_CASE("a time outside 00:00-23:59 is named") {
    check_all({
        {"25:00", time_error("25:00")},
        {"24:00", time_error("24:00")},
        {"19:60", time_error("19:60")},
        {"2026-03-01 25:00", time_error("25:00")},
        {"2026-03-01T24:00", time_error("24:00")},
        {"昨天 24:00", time_error("24:00")},
        {"25点", time_error("25点")},
        {"19点60分", time_error("19点60分")},
        {"3月1日25点", time_error("25点")},
    });
  }

  TEST_CASE("12 o'clock in the evening is refused as noon or midnight") {
    check_all({
        {"晚上12点",
         "error: \"晚上12点\" could be noon or midnight; write 12:00, or the next "
         "day's 00:00"},
        {"昨晚12点半",
         "error: \"昨晚12点半\" could be noon or midnight; write 12:00, or the next "
         "day's 00:00"},
        {"中午12点", "2026-11-27 12:00"},
        {"下午12点半", "2026-11-27 12:30"},
        {"晚上0点", "2026-11-27 00:00"},
    });
  }

  TEST_CASE("text that is no accepted form lists the forms") {
    check_all({
        {"next tuesday", form_error("next tuesday")},
        {"  Next Tuesday ", form_error("Next Tuesday")},
        {"明天", form_error("明天")},
        {"2026-03-01 foo", form_error("2026-03-01 foo")},
        {"2026-03-01T", form_error("2026-03-01T")},
        {"2026-03-01 19", form_error("2026-03-01 19")},
        {"2026-03-011", form_error("2026-03-011")},
        {"2026-03/01", form_error("2026-03/01")},
        {"26-03-01", form_error("26-03-01")},
        {"3月", form_error("3月")},
        {"3月1", form_error("3月1")},
        {"7:5", form_error("7:5")},
        {"1930", form_error("1930")},
        {"19:30:00", form_error("19:30:00")},
        {"todays", form_error("todays")},
        {"ｎｅｘｔ", form_error("ｎｅｘｔ")},
    });
  }

  TEST_CASE("empty text asks for a date") {
    const std::string expected = "error: no date given; " + std::string(k_forms);
    check_all({{"", expected}, {"   ", expected}, {"　", expected}});
  }
}
