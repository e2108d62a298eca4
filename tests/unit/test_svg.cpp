#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/report/svg.hpp"

using namespace dormlink;
using namespace dormlink::report::svg;

namespace {

// The text between the first `open` and the `close` after it.
std::string between(const std::string& text, std::string_view open, std::string_view close) {
  const auto start = text.find(open);
  if (start == std::string::npos) return {};
  const auto from = start + open.size();
  const auto end = text.find(close, from);
  return end == std::string::npos ? std::string() : text.substr(from, end - from);
}

// The text of the svg's <desc>.
std::string desc_of(const std::string& figure) {
  const std::string element = between(figure, "<desc", "</desc>");
  return element.substr(element.find('>') + 1);
}

std::string table_of(const std::string& figure) { return between(figure, "<table>", "</table>"); }

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// Every value of an attribute `name="..."` in order.
std::vector<std::string> attributes(const std::string& text, std::string_view name) {
  std::vector<std::string> out;
  const std::string open = " " + std::string(name) + "=\"";
  for (auto at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
    const auto from = at + open.size();
    out.push_back(text.substr(from, text.find('"', from) - from));
  }
  return out;
}

// True when every start tag inside the <svg> is closed in order (or self-closed): the drawing
// is well-formed XML as far as its tags go.
bool tags_balanced(const std::string& figure) {
  const auto start = figure.find("<svg");
  const auto end = figure.find("</svg>");
  if (start == std::string::npos || end == std::string::npos) return false;
  std::vector<std::string> open;
  for (auto at = figure.find('<', start); at != std::string::npos && at <= end; at = figure.find('<', at + 1)) {
    const auto close = figure.find('>', at);
    const std::string tag = figure.substr(at + 1, close - at - 1);
    const std::string name = tag.substr(0, tag.find_first_of(" />"));
    if (tag.front() == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return false;
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(name);
    }
  }
  return open.empty();
}

BarChart visits_chart() {
  return BarChart{"走访次数", "次数", {"李晴紫", "王芳"}, {{"走访（实际）", {4, 2.5}}, {"走访（应有）", {4, 6}}}};
}

HeatMap week_map() {
  return HeatMap{"寝室 × 教学周",  "寝室",          "教学周",
                 {"A101", "A102"}, {"1", "2", "3"}, {{3, 0, std::nullopt}, {0, 7, 1}}};
}

StackedChart score_chart() {
  return StackedChart{"得分构成", "分", {"李晴紫", "王芳"}, {"走访", "谈心", "座谈"}, {{30, 20.5, 10}, {25, 0, 12}},
                      {}};
}

LineChart overdue_chart() {
  return LineChart{"逾期事项", "件", {"第1期", "第2期", "第3期"}, {{"张老师", {1, 3, 0}}, {"李老师", {2, 0, 5}}}};
}

std::vector<std::string> all_charts(Language language) {
  return {bar_chart(visits_chart(), language), heat_map(week_map(), language), stacked_chart(score_chart(), language),
          line_chart(overdue_chart(), language)};
}

}  // namespace

TEST_SUITE("report.svg") {
  TEST_CASE("number: integers without decimals, else one decimal, no locale") {
    CHECK(number(4) == "4");
    CHECK(number(2.5) == "2.5");
    CHECK(number(2.96) == "3");
    CHECK(number(0.04) == "0");
    CHECK(number(-0.0) == "0");
    CHECK(number(-0.02) == "0");
    CHECK(number(-1.25) == "-1.3");
    CHECK(number(1234567) == "1234567");
  }

  TEST_CASE("a chart is a figure: caption, svg with title and desc, and a table") {
    for (const auto& figure : all_charts(Language::zh)) {
      CAPTURE(figure);
      CHECK(figure.rfind("<figure class=\"chart\">\n<figcaption id=\"chart-", 0) == 0);
      CHECK(figure.find("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ") != std::string::npos);
      CHECK(count(figure, "<title>") == 1);
      CHECK(count(figure, "<desc id=") == 1);
      CHECK(count(figure, "<table>") == 1);
      CHECK(figure.find("</svg>\n<div class=\"scroll\"><table>") != std::string::npos);
      CHECK(figure.substr(figure.size() - 10) == "</figure>\n");
      CHECK(tags_balanced(figure));
      // aria-labelledby and -describedby name the svg's own title and desc.
      const auto ids = attributes(figure, "id");
      CHECK(std::find(ids.begin(), ids.end(), attributes(figure, "aria-labelledby").at(0)) != ids.end());
      CHECK(std::find(ids.begin(), ids.end(), attributes(figure, "aria-describedby").at(0)) != ids.end());
    }
  }

  TEST_CASE("the same chart gives the same bytes") {
    CHECK(all_charts(Language::zh) == all_charts(Language::zh));
    CHECK(all_charts(Language::en) == all_charts(Language::en));
  }

  TEST_CASE("bar chart: every number in the desc and the table") {
    const auto figure = bar_chart(visits_chart(), Language::zh);
    CHECK(desc_of(figure) == "李晴紫：走访（实际）4，走访（应有）4；王芳：走访（实际）2.5，走访（应有）6。");
    const auto table = table_of(figure);
    CHECK(table.find("<caption>走访次数（数据）</caption>") != std::string::npos);
    CHECK(table.find("<th scope=\"col\">项目</th><th scope=\"col\" class=\"num\">走访（实际）</th>") !=
          std::string::npos);
    CHECK(table.find("<tr><th scope=\"row\">王芳</th><td class=\"num\">2.5</td><td class=\"num\">6</td></tr>") !=
          std::string::npos);
    // Bars in the series' patterns, a legend naming them, values at the bars' ends.
    CHECK(count(figure, "<pattern id=") == 2);
    CHECK(figure.find(">走访（应有）</text>") != std::string::npos);
    CHECK(figure.find(">2.5</text>") != std::string::npos);
    CHECK(figure.find(">次数</text>") != std::string::npos);
  }

  TEST_CASE("bar chart in English: the chart's own words") {
    BarChart chart{"Visits", "count", {"Li"}, {{"done", {4}}, {"required", {6}}}};
    const auto figure = bar_chart(chart, Language::en);
    CHECK(desc_of(figure) == "Li: done 4, required 6.");
    CHECK(figure.find("<caption>Visits (data)</caption>") != std::string::npos);
    CHECK(figure.find(">Item</th>") != std::string::npos);
  }

  TEST_CASE("bar chart: a missing value is a dash, the axis has round ticks") {
    BarChart chart{"t", "n", {"a", "b"}, {{"s", {37}}}};
    const auto figure = bar_chart(chart, Language::zh);
    CHECK(desc_of(figure) == "a：s 37；b：s —。");
    for (const char* tick : {">0</text>", ">10</text>", ">20</text>", ">30</text>", ">40</text>"}) {
      CHECK(figure.find(tick) != std::string::npos);
    }
  }

  TEST_CASE("heat map: counts in the cells, 0 hatched, not applicable blank and a dash") {
    const auto figure = heat_map(week_map(), Language::zh);
    CHECK(desc_of(figure) == "A101：1 3，2 0，3 —；A102：1 0，2 7，3 1。");
    CHECK(table_of(figure).find("<tr><th scope=\"row\">A101</th><td class=\"num\">3</td><td class=\"num\">0</td>"
                                "<td class=\"num\">—</td></tr>") != std::string::npos);
    // Two cells count 0: both hatched (the legend's swatch has its own outline).
    const auto zero = attributes(figure, "id").at(2);
    CHECK(zero.substr(zero.size() - 5) == "-zero");
    CHECK(count(figure, "fill=\"url(#" + zero + ")\"/>") == 2);
    CHECK(count(figure, ">0</text>") == 2 + 1);  // the cells and the legend
    // The darkest cell (7) has white text; the blank cell has none.
    CHECK(figure.find("fill=\"#fff\">7</text>") != std::string::npos);
    CHECK(figure.find(">—</text>") == std::string::npos);
    CHECK(figure.find(">不适用</text>") != std::string::npos);
  }

  TEST_CASE("heat map: 250 dorms × 20 weeks grows tall in page-high slices and keeps every cell") {
    HeatMap map{"大图", "寝室", "教学周", {}, {}, {}};
    for (int w = 1; w <= 20; ++w) map.columns.push_back("第" + std::to_string(w) + "周");
    for (int r = 0; r < 250; ++r) {
      map.rows.push_back("B" + std::to_string(1000 + r));
      std::vector<std::optional<int>> row;
      for (int w = 0; w < 20; ++w) row.push_back((r + w) % 5);
      map.cells.push_back(row);
    }
    const auto figure = heat_map(map, Language::zh);
    CHECK(tags_balanced(figure));
    // Slices no taller than a printed page, whose heights add up to every row's.
    double height = 0;
    for (auto at = figure.find("<svg"); at != std::string::npos; at = figure.find("<svg", at + 1)) {
      const double h = std::stod(attributes(figure.substr(at, figure.find('>', at) - at), "height").at(0));
      CHECK(h <= 1000);
      height += h;
    }
    CHECK(height > 250 * 20);
    CHECK(count(figure, "<svg") > 5);
    CHECK(count(figure, "<desc") == 1);  // one description for the whole chart
    CHECK(std::stod(attributes(figure, "width").at(0)) < 1400);
    CHECK(count(figure, "<td class=\"num\">") == 5000);
    CHECK(count(figure, "B1249") == 3);  // the drawing, the desc, the table
  }

  TEST_CASE("stacked chart: one pattern per part and the total at the end") {
    const auto figure = stacked_chart(score_chart(), Language::zh);
    CHECK(desc_of(figure) == "李晴紫：走访30，谈心20.5，座谈10，合计60.5；王芳：走访25，谈心0，座谈12，合计37。");
    CHECK(count(figure, "<pattern id=") == 3);
    CHECK(figure.find(">60.5</text>") != std::string::npos);
    CHECK(table_of(figure).find("<td class=\"num\">37</td></tr>") != std::string::npos);
    // A part of 0 draws nothing: 3 + 2 segments.
    CHECK(count(figure, "stroke-width=\"0.8\"/>") == 5 + 3);  // and the 3 legend swatches
  }

  TEST_CASE("line chart: a dash and a marker shape per series, points named on the x axis") {
    const auto figure = line_chart(overdue_chart(), Language::zh);
    CHECK(desc_of(figure) == "第1期：张老师1，李老师2；第2期：张老师3，李老师0；第3期：张老师0，李老师5。");
    CHECK(count(figure, "<polyline") == 2);
    CHECK(count(figure, "stroke-dasharray=\"6 3\"") == 2);  // the line and its legend sample
    CHECK(count(figure, "<circle") == 3 + 1);
    CHECK(count(figure, "width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#000\"") == 3 + 1);  // squares
    CHECK(figure.find(">第3期</text>") != std::string::npos);
  }

  TEST_CASE("line chart: a missing value breaks the line") {
    LineChart chart{"t", "n", {"1", "2", "3", "4"}, {{"s", {1, 2}}}};
    const auto figure = line_chart(chart, Language::en);
    CHECK(count(figure, "<polyline") == 1);
    CHECK(count(figure, "<circle") == 2 + 1);
    CHECK(desc_of(figure) == "1: s 1; 2: s 2; 3: s —; 4: s —.");
  }

  TEST_CASE("hostile text is text: markup, ampersands, bidi overrides and line breaks escaped") {
    const std::string evil = "<script>alert('x')</script> & \u202Eevil\nline";
    BarChart bar{evil, evil, {evil}, {{evil, {1}}}};
    HeatMap heat{evil, evil, evil, {evil}, {evil}, {{0}}};
    StackedChart stacked{evil, evil, {evil}, {evil}, {{1}}, {}};
    LineChart line{evil, evil, {evil}, {{evil, {1}}}};
    for (const auto& figure : {bar_chart(bar, Language::zh), heat_map(heat, Language::zh),
                               stacked_chart(stacked, Language::zh), line_chart(line, Language::zh)}) {
      CAPTURE(figure);
      CHECK(figure.find("<script") == std::string::npos);
      CHECK(figure.find("\u202E") == std::string::npos);
      CHECK(figure.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; \\u{202E}evil") != std::string::npos);
      // Inside the drawing a line break is a mark, never <br> (which would end the svg).
      const auto svg = between(figure, "<svg", "</svg>");
      CHECK(svg.find("<br>") == std::string::npos);
      CHECK(svg.find("evil↵line") != std::string::npos);
      CHECK(tags_balanced(figure));
    }
  }

  TEST_CASE("empty charts say so and draw nothing") {
    const std::vector<std::string> figures{
        bar_chart(BarChart{"空", "n", {}, {{"s", {}}}}, Language::zh),
        bar_chart(BarChart{"空", "n", {"a"}, {}}, Language::zh),
        heat_map(HeatMap{"空", "r", "c", {}, {"1"}, {}}, Language::zh),
        heat_map(HeatMap{"空", "r", "c", {"a"}, {}, {{}}}, Language::zh),
        stacked_chart(StackedChart{"空", "n", {}, {"p"}, {}, {}}, Language::zh),
        line_chart(LineChart{"空", "n", {}, {{"s", {}}}}, Language::zh),
    };
    for (const auto& figure : figures) {
      CHECK(figure ==
            "<figure class=\"chart\">\n<figcaption>空</figcaption>\n<p class=\"note\">无数据</p>\n</figure>\n");
    }
    CHECK(line_chart(LineChart{"Empty", "n", {"1"}, {}}, Language::en).find(">No data</p>") != std::string::npos);
  }

  TEST_CASE("ids are unique on a page of several charts, and every reference finds its chart's id") {
    BarChart other = visits_chart();
    other.series[0].values[0] = 5;  // same title, other numbers: another member's chart
    std::vector<std::string> figures = all_charts(Language::zh);
    figures.push_back(bar_chart(other, Language::zh));
    figures.push_back(bar_chart(BarChart{"谈心次数", "次数", {"李晴紫"}, {{"谈心", {1}}}}, Language::zh));
    std::set<std::string> seen;
    for (const auto& figure : figures) {
      const auto ids = attributes(figure, "id");
      const std::set<std::string> own(ids.begin(), ids.end());
      CHECK(own.size() == ids.size());
      for (const auto& id : ids) CHECK(seen.insert(id).second);
      for (auto at = figure.find("url(#"); at != std::string::npos; at = figure.find("url(#", at + 1)) {
        const auto from = at + 5;
        CHECK(own.count(figure.substr(from, figure.find(')', from) - from)) == 1);
      }
    }
  }
}
