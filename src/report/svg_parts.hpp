#pragma once
// What the charts of svg.cpp are drawn with (private to src/report): text measured and escaped
// for SVG, the patterns, the ids, the <figure> around a drawing with its <desc> and table, the
// value axis, the legend, and the frame of horizontal bars. Coordinates are px; text is 12 px
// and its width is estimated (CJK 1em, the rest 0.6em).

#include <array>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/language.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report::svg::parts {

// The words a chart adds itself; titles, names and labels come from the report.
struct ChartWords {
  Words no_data{"无数据", "No data"};
  Words category{"项目", "Item"};
  Words total{"合计", "Total"};
  Words not_applicable{"不适用", "Not applicable"};
  Words data{"（数据）", " (data)"};
  Words label_gap{"：", ": "};
  Words value_gap{"", " "};
  Words item_gap{"，", ", "};
  Words row_gap{"；", "; "};
  Words end{"。", "."};
};
inline constexpr ChartWords k_words{};

inline constexpr double k_font = 12;
inline constexpr double k_small = 11;  // numbers at bar ends and in heat map cells
inline constexpr double k_margin = 10;
inline constexpr double k_plot_width = 480;   // the value axis of horizontal bars
inline constexpr double k_plot_height = 240;  // the value axis of line charts
inline constexpr double k_label_limit = 200;  // longer labels are cut with "…" (the table has them whole)
inline constexpr double k_axis_height = 36;   // tick labels and the axis name under horizontal bars
inline constexpr double k_min_width = 360;    // room for a legend
inline constexpr double k_missing = std::numeric_limits<double>::quiet_NaN();  // a value the report did not give

// Six fills told apart without colour: solid dark grey, diagonal hatch, dots, cross-hatch,
// horizontal lines, light solid (8×8 px tiles on white).
inline constexpr std::array<const char*, 6> k_patterns{
    R"(<rect width="8" height="8" fill="#404040"/>)",
    R"(<rect width="8" height="8" fill="#fff"/><path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#000" stroke-width="1.5"/>)",
    R"(<rect width="8" height="8" fill="#fff"/><circle cx="2" cy="2" r="1.4" fill="#000"/><circle cx="6" cy="6" r="1.4" fill="#000"/>)",
    R"(<rect width="8" height="8" fill="#fff"/><path d="M0,0 L8,8 M8,0 L0,8" stroke="#000" stroke-width="1"/>)",
    R"(<rect width="8" height="8" fill="#fff"/><path d="M0,2 H8 M0,6 H8" stroke="#000" stroke-width="1.2"/>)",
    R"(<rect width="8" height="8" fill="#c8c8c8"/>)"};

// Text for SVG character data or an attribute value: on one line (a line break as "↵", never
// <br>), hidden characters as visible escapes, & < > " ' escaped (html::escape).
std::string esc(std::string_view text);

// Estimated width in px of the text as drawn at `size` px.
double text_width(std::string_view text, double size = k_font);

// The text escaped (esc), cut with "…" to at most `limit` px.
std::string fitted(std::string_view text, double limit = k_label_limit);

// The width of fitted(text).
double fitted_width(std::string_view text);

// What a value draws as: its length, 0 for a missing, negative or non-finite value.
double drawn(double value);

// values[i], k_missing past the end.
double value_at(const std::vector<double>& values, std::size_t i);

// The prefix of one chart's ids: "chart-KIND-" and 48 bits of an FNV-1a hash of its kind,
// `labels` and table — the same chart always has the same ids, two different charts differ.
std::string chart_id(std::string_view kind, const std::vector<std::string_view>& labels, const Table& table);

// <pattern id="ID">tile</pattern>, an 8×8 px tile repeated.
std::string pattern(std::string_view id, const char* tile);

// The first `count` (at most 6) of k_patterns as ID-p0, ID-p1, ...
std::string pattern_defs(std::string_view id, std::size_t count);

// "url(#ID-pN)", N = i modulo the 6 patterns.
std::string fill(std::string_view id, std::size_t i);

// A bar: a rect painted `paint` with a black outline.
std::string bar(double x, double y, double width, double height, std::string_view paint);

// <text> of already escaped text, anchored start, middle or end.
std::string label(double x, double y, std::string_view anchor, std::string_view escaped);

// A number at a bar's end, in k_small.
std::string end_number(double x, double y, double value);

// A table whose first column (`first`) names the rows and whose `columns` hold numbers.
Table number_table(std::string first, const std::vector<std::string>& columns);

// A chart drawn: its ids' prefix, title, size, pattern definitions and elements.
struct Frame {
  std::string id;
  std::string title;
  double width = 0;
  double height = 0;
  std::string defs;
  std::string body;
};

// <figure class="chart">: the <figcaption>, the <svg role="img"> with its <title>, a <desc>
// that says every row of `table` in words, the defs and body; then the table itself.
std::string figure(const Frame& frame, const Table& table, Language language);

// The same for a chart drawn in slices, each short enough for one printed page: the first
// <svg> carries the title, the description and the pattern definitions the others use too; the
// others are its continuation (aria-hidden), so a printed chart breaks between slices, never
// through a bar.
std::string figure(const std::vector<Frame>& slices, const Table& table, Language language);

// The height of chart a printed A4 page holds, in the chart's pixels (it is scaled to the
// page's width).
inline constexpr double k_slice_height = 1000;

// A <figure> with its title and "no data".
std::string empty_figure(std::string_view title, Language language);

// A value axis from 0 to max in ticks of round steps (1, 2 or 5 × 10^k).
struct Axis {
  double max = 1;
  double step = 1;
  int ticks() const;
  // The length of a bar of `value` on an axis `length` px long.
  double along(double value, double length) const;
};

// About five round ticks up to at least `top` (steps of at least 1 when top ≥ 1).
Axis nice_axis(double top);

// A legend entry: its swatch drawn in a 24×14 px box at the origin, and its name.
struct LegendItem {
  std::string swatch;
  std::string name;
};

// Something drawn and the height it takes.
struct Block {
  std::string svg;
  double height = 0;
};

// The entries left to right from (x0, y0), wrapped at `width`.
Block legend(const std::vector<LegendItem>& items, double x0, double y0, double width);

// One swatch per name in the patterns of fill(id, i).
std::vector<LegendItem> pattern_legend(std::string_view id, const std::vector<std::string>& names);

// Horizontal bars: the category labels on the left, one band per category, the legend above
// and the value axis (grid lines at the ticks, its name) below.
struct Horizontal {
  const std::vector<std::string>& categories;
  std::vector<LegendItem> legend;
  double band = 0;         // the height of one category's band
  double value_width = 0;  // room right of the plot for the numbers at the bars' ends
  Axis axis;
  std::string_view value_label;
};

// Draws category i's bars in the band whose top is y; the plot starts at x0.
using BandDrawer = std::function<std::string(std::size_t i, double y, double x0)>;

// The frame (size and body) of horizontal bars, each band drawn by `band`.
Frame horizontal(const Horizontal& h, const BandDrawer& band);

// The same in slices of at most k_slice_height: the legend above the first, the value axis
// below each, the labels' column as wide in every slice.
std::vector<Frame> horizontal_slices(const Horizontal& h, const BandDrawer& band);

}  // namespace dormlink::report::svg::parts
