#pragma once
// Charts drawn by dormlink as inline SVG from a report's own numbers (docs/html.md). Each chart
// is a <figure class="chart">: a <figcaption> (the title), the <svg role="img"> — its <title>
// and a <desc> that lists every number in words ("李晴紫：走访（实际）4，走访（应有）4；…") — and
// a table of the same numbers (html::table) for screen readers, tests and black-and-white paper.
// Series differ by pattern (solid, hatched, dotted, cross-hatched, lined, light; after six they
// repeat) and label, lines by dash and marker shape, never by colour alone; greys and black only.
// All text is escaped (html::escape; inside the drawing a line break shows as "↵"); a label
// wider than 200 px is cut with "…" in the drawing only, the desc and the table have it whole.
// A missing value (a series shorter than the categories) is "—"; negative values draw as 0.
// A chart without categories, rows, columns, points or series is its title and "无数据"/"No data".
//
// Deterministic: the same chart gives the same bytes. The ids inside a chart (title, desc,
// patterns) are "chart-KIND-HASH", hashed from the chart's kind, title and numbers, so charts on
// one page differ as long as their titles or numbers do; two identical charts would share ids.

#include <optional>
#include <string>
#include <vector>

#include "dormlink/language.hpp"

namespace dormlink::report::svg {

// Bars side by side per category: e.g. per member, visits done and visits required. Drawn as
// horizontal bars (one band per category, long lists of names read well) with the value at
// each bar's end and a value axis at round numbers.
struct BarSeries {
  std::string name;            // legend: "走访（实际）"
  std::vector<double> values;  // one per category; the series all have as many
};
struct BarChart {
  std::string title;
  std::string value_label;              // the axis: "次数"
  std::vector<std::string> categories;  // member names
  std::vector<BarSeries> series;        // at most 4 (one pattern each)
};

// A grid of counts: rows (dorms) × columns (teaching weeks); a cell with 0 is drawn hatched and
// marked "0" so that empty cells stand out on paper too; nullopt: not applicable (a week not yet
// reached, a holiday), drawn blank and listed as "—". Other counts are shaded white to dark
// grey in four steps of the largest count (white text on the dark ones). Rows are 20 px high:
// 250 dorms × 20 weeks is a tall but readable chart.
struct HeatMap {
  std::string title;
  std::string row_label;     // "寝室"
  std::string column_label;  // "教学周"
  std::vector<std::string> rows;
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<int>>> cells;  // [row][column]
};

// Bars made of stacked parts per category: e.g. per member, the score by component. Horizontal,
// the total (the sum of the parts given) at each bar's end and in the table's last column.
struct StackedChart {
  std::string title;
  std::string value_label;
  std::vector<std::string> categories;
  std::vector<std::string> parts;           // legend, one pattern each (at most 6)
  std::vector<std::vector<double>> values;  // [category][part]
  // The report's own total of each category (e.g. the score as rounded once), shown at the end
  // of the bar and in the table; empty: the sum of the parts.
  std::vector<double> totals;
};

// Lines over ordered points: e.g. overdue items per counselor per period. The points are named
// along the x axis; a missing value breaks the line.
struct LineChart {
  std::string title;
  std::string value_label;
  std::vector<std::string> points;  // x: "第1期" ...
  std::vector<BarSeries> series;    // one line each, with its own marker shape and dash
};

// The <figure> of each chart, in `language` for the words the chart adds itself (the table's
// header, "no data").
std::string bar_chart(const BarChart& chart, Language language);
std::string heat_map(const HeatMap& chart, Language language);
std::string stacked_chart(const StackedChart& chart, Language language);
std::string line_chart(const LineChart& chart, Language language);

// A number as a chart shows it: an integer without decimals, else one decimal (2.96 → "3",
// 2.25 → "2.3"); no locale; "—" for NaN or infinity.
std::string number(double value);

}  // namespace dormlink::report::svg
