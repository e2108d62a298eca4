// Charts as inline SVG (docs/html.md "Charts"): each a <figure> with the drawing — its <title>
// and a <desc> that lists every number — and a table of the same numbers. Series differ by
// pattern, dash and marker shape, never by colour alone; greys and black only, for paper.
// Output is a pure function of the input: the ids come from a hash of the chart's kind and
// content, so the same chart always gives the same bytes. The drawing toolkit: svg_parts.hpp.
#include "dormlink/report/svg.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "svg_parts.hpp"

namespace dormlink::report::svg {
namespace {

using namespace parts;

constexpr double k_cell_height = 20;  // a heat map row

// A heat map cell counting 0: a light hatch under a "0" that stays readable.
constexpr const char* k_zero_hatch =
    R"(<rect width="8" height="8" fill="#fff"/><path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#8c8c8c" stroke-width="1"/>)";

// Heat map shades for counts above 0, lightest first; the two dark ones carry white text.
constexpr std::array<const char*, 4> k_shades{"#e6e6e6", "#b3b3b3", "#737373", "#333333"};

// Line series: a dash and a marker shape each (circle, square, triangle, diamond).
constexpr std::array<const char*, 4> k_dashes{"", R"( stroke-dasharray="6 3")", R"( stroke-dasharray="2 3")",
                                              R"( stroke-dasharray="8 3 2 3")"};

Table bar_table(const BarChart& chart, Language language) {
  std::vector<std::string> names;
  for (const auto& series : chart.series) names.push_back(series.name);
  Table table = number_table(k_words.category(language), names);
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    std::vector<std::string> row{chart.categories[i]};
    for (const auto& series : chart.series) row.push_back(number(value_at(series.values, i)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

// A part of a stacked bar, missing when the report gave none.
double part_value(const StackedChart& chart, std::size_t category, std::size_t part) {
  return category < chart.values.size() ? value_at(chart.values[category], part) : k_missing;
}

// The number at a stacked bar's end: the sum of its parts that are numbers.
double stacked_total(const StackedChart& chart, std::size_t category) {
  if (category < chart.totals.size()) return chart.totals[category];
  double total = 0;
  for (std::size_t p = 0; p < chart.parts.size(); ++p) {
    const double value = part_value(chart, category, p);
    if (std::isfinite(value)) total += value;
  }
  return total;
}

Table stacked_table(const StackedChart& chart, Language language) {
  std::vector<std::string> names = chart.parts;
  names.emplace_back(k_words.total(language));
  Table table = number_table(k_words.category(language), names);
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    std::vector<std::string> row{chart.categories[i]};
    for (std::size_t p = 0; p < chart.parts.size(); ++p) row.push_back(number(part_value(chart, i, p)));
    row.push_back(number(stacked_total(chart, i)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::optional<int> heat_cell(const HeatMap& chart, std::size_t row, std::size_t column) {
  if (row >= chart.cells.size() || column >= chart.cells[row].size()) return std::nullopt;
  return chart.cells[row][column];
}

Table heat_table(const HeatMap& chart) {
  Table table = number_table(chart.row_label, chart.columns);
  for (std::size_t r = 0; r < chart.rows.size(); ++r) {
    std::vector<std::string> row{chart.rows[r]};
    for (std::size_t c = 0; c < chart.columns.size(); ++c) {
      const auto cell = heat_cell(chart, r, c);
      row.push_back(cell ? number(*cell) : "—");
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

// The shade of a count above 0: k_shades[level - 1], level = ⌈4 · value / top⌉.
std::size_t heat_level(int value, int top) {
  const long long level = (4LL * value + top - 1) / top;
  return static_cast<std::size_t>(std::clamp(level, 1LL, 4LL));
}

// The legend: 0 hatched, the shades with the counts each stands for, and blank for n/a.
std::vector<LegendItem> heat_legend(std::string_view id, int top, Language language) {
  std::vector<LegendItem> items{
      {fmt::format(R"svg(<rect width="24" height="14" fill="url(#{}-zero)" stroke="#999"/>)svg", id), "0"}};
  for (std::size_t level = 1; level <= k_shades.size() && top > 0; ++level) {
    const long long low = static_cast<long long>(top) * static_cast<long long>(level - 1) / 4 + 1;
    const long long high = static_cast<long long>(top) * static_cast<long long>(level) / 4;
    if (low > high) continue;
    items.push_back({fmt::format(R"(<rect width="24" height="14" fill="{}" stroke="#999"/>)", k_shades[level - 1]),
                     low == high ? fmt::format("{}", low) : fmt::format("{}–{}", low, high)});
  }
  items.push_back({R"(<rect width="24" height="14" fill="#fff" stroke="#999"/>)", k_words.not_applicable(language)});
  return items;
}

// Where a heat map's parts go.
struct HeatLayout {
  double x0 = 0;  // the grid's left edge
  double cell_width = 0;
  double width = 0;
  int top = 0;  // the largest count: the darkest shade
};

HeatLayout heat_layout(const HeatMap& chart) {
  double row_width = text_width(chart.row_label);
  for (const auto& row : chart.rows) row_width = std::max(row_width, fitted_width(row));
  double column_width = 0;
  for (const auto& column : chart.columns) column_width = std::max(column_width, fitted_width(column));
  HeatLayout layout;
  layout.x0 = k_margin + std::min(row_width, k_label_limit) + 8;
  layout.cell_width = std::max(28.0, column_width + 8);
  const double grid = layout.cell_width * static_cast<double>(chart.columns.size());
  layout.width = std::max({layout.x0 + grid, layout.x0 + text_width(chart.column_label)}) + k_margin;
  for (const auto& row : chart.cells) {
    for (const auto& cell : row) layout.top = std::max(layout.top, cell.value_or(0));
  }
  return layout;
}

// One row of cells: the rects, then their counts (white on the dark shades).
std::string heat_row(const HeatMap& chart, std::size_t r, std::string_view id, const HeatLayout& layout, double y) {
  std::string rects;
  std::string counts;
  for (std::size_t c = 0; c < chart.columns.size(); ++c) {
    const double x = layout.x0 + layout.cell_width * static_cast<double>(c);
    const auto cell = heat_cell(chart, r, c);
    std::string paint = "#fff";
    if (cell && *cell <= 0) paint = fmt::format("url(#{}-zero)", id);
    const std::size_t level = cell && *cell > 0 ? heat_level(*cell, layout.top) : 0;
    if (level > 0) paint = k_shades[level - 1];
    rects += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)", number(x), number(y),
                         number(layout.cell_width), number(k_cell_height), paint);
    if (!cell) continue;
    counts += fmt::format(R"(<text x="{}" y="{}"{}>{}</text>)", number(x + layout.cell_width / 2), number(y + 14),
                          level >= 3 ? R"( fill="#fff")" : "", number(*cell));
  }
  return fmt::format(
      "<g stroke=\"#999\" stroke-width=\"0.5\">{}</g><g text-anchor=\"middle\" font-size=\"{}\">{}</g>\n", rects,
      number(k_small), counts);
}

Table line_table(const LineChart& chart, Language language) {
  std::vector<std::string> names;
  for (const auto& series : chart.series) names.push_back(series.name);
  Table table = number_table(k_words.category(language), names);
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    std::vector<std::string> row{chart.points[i]};
    for (const auto& series : chart.series) row.push_back(number(value_at(series.values, i)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

// A line series' marker at (x, y): circle, square, triangle, diamond; black and white alternate.
std::string marker(std::size_t series, double x, double y) {
  switch (series % 4) {
    case 0:
      return fmt::format(R"(<circle cx="{}" cy="{}" r="4" fill="#000"/>)", number(x), number(y));
    case 1:
      return fmt::format(R"(<rect x="{}" y="{}" width="8" height="8" fill="#fff" stroke="#000" stroke-width="1.5"/>)",
                         number(x - 4), number(y - 4));
    case 2:
      return fmt::format(R"(<path d="M{},{} l5,9 h-10 z" fill="#000"/>)", number(x), number(y - 5));
    default:
      return fmt::format(R"(<path d="M{},{} l5,5 l-5,5 l-5,-5 z" fill="#fff" stroke="#000" stroke-width="1.5"/>)",
                         number(x), number(y - 5));
  }
}

std::vector<LegendItem> line_legend(const LineChart& chart) {
  std::vector<LegendItem> items;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    items.push_back({fmt::format(R"(<line x1="0" y1="7" x2="24" y2="7" stroke="#000" stroke-width="2"{}/>)",
                                 k_dashes[s % k_dashes.size()]) +
                         marker(s, 12, 7),
                     chart.series[s].name});
  }
  return items;
}

// Where a line chart's parts go: the points spaced evenly along x, the values up the y axis.
struct LineLayout {
  Axis axis;
  double x0 = 0;
  double spacing = 0;
  double top = 0;
  double bottom = 0;
  double x(std::size_t i) const { return x0 + spacing * (static_cast<double>(i) + 0.5); }
  double y(double value) const { return bottom - axis.along(value, k_plot_height); }
};

// Grid lines and labels at the ticks, the axes, the axis's name above them.
std::string line_grid(const LineLayout& layout, std::size_t points, std::string_view name) {
  const double right = layout.x0 + layout.spacing * static_cast<double>(points);
  std::string out = "<g class=\"axis\">\n";
  for (int i = 0; i <= layout.axis.ticks(); ++i) {
    const double y = layout.bottom - k_plot_height * i / layout.axis.ticks();
    out += fmt::format(R"(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" stroke="#bbb" stroke-width="0.5"/>)",
                       number(layout.x0), number(right), number(y));
    out += label(layout.x0 - 6, y + 4, "end", number(layout.axis.step * i)) + "\n";
  }
  out += fmt::format(R"(<path d="M{0},{1} V{2} H{3}" fill="none" stroke="#000"/>)", number(layout.x0),
                     number(layout.top), number(layout.bottom), number(right));
  out += label(layout.x0, layout.top - 10, "start", fitted(name, k_plot_width));
  return out + "\n</g>\n";
}

// A series drawn: its line (broken where a value is missing) and a marker at each value.
struct SeriesDrawing {
  std::string lines;
  std::string markers;
};

SeriesDrawing line_series(const LineChart& chart, std::size_t s, const LineLayout& layout) {
  std::string lines;
  std::string markers;
  std::string run;
  std::size_t in_run = 0;
  auto flush = [&] {
    if (in_run >= 2) {
      lines += fmt::format(R"(<polyline points="{}" fill="none" stroke="#000" stroke-width="2"{}/>)", run,
                           k_dashes[s % k_dashes.size()]);
    }
    run.clear();
    in_run = 0;
  };
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const double value = value_at(chart.series[s].values, i);
    if (!std::isfinite(value)) {
      flush();
      continue;
    }
    run += fmt::format("{}{},{}", run.empty() ? "" : " ", number(layout.x(i)), number(layout.y(value)));
    ++in_run;
    markers += marker(s, layout.x(i), layout.y(value));
  }
  flush();
  return {lines + "\n", markers + "\n"};
}

}  // namespace

std::string number(double value) {
  if (!std::isfinite(value)) return "—";
  const double tenths = std::round(value * 10.0);
  if (std::fmod(tenths, 10.0) == 0.0) return fmt::format("{:.0f}", tenths / 10.0 + 0.0);
  return fmt::format("{:.1f}", tenths / 10.0);
}

std::string bar_chart(const BarChart& chart, Language language) {
  if (chart.categories.empty() || chart.series.empty()) return empty_figure(chart.title, language);
  const Table table = bar_table(chart, language);
  const std::string id = chart_id("bar", {chart.title, chart.value_label}, table);
  double top = 0;
  double value_width = 0;
  std::vector<std::string> names;
  for (const auto& series : chart.series) {
    names.push_back(series.name);
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
      const double value = value_at(series.values, i);
      top = std::max(top, drawn(value));
      value_width = std::max(value_width, text_width(number(value), k_small));
    }
  }
  const Axis axis = nice_axis(top);
  const double count = static_cast<double>(chart.series.size());
  const Horizontal h{chart.categories, pattern_legend(id, names), count * 16 + 10, value_width + 8, axis,
                     chart.value_label};
  std::vector<Frame> slices = horizontal_slices(h, [&](std::size_t i, double y, double x0) {
    std::string out;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double value = value_at(chart.series[s].values, i);
      const double length = axis.along(value, k_plot_width);
      const double bar_y = y + 5 + 16 * static_cast<double>(s);
      out += bar(x0, bar_y, length, 14, fill(id, s)) + end_number(x0 + length + 4, bar_y + 11, value);
    }
    return out;
  });
  slices.front().id = id;
  slices.front().title = chart.title;
  slices.front().defs = pattern_defs(id, chart.series.size());
  return figure(slices, table, language);
}

std::string stacked_chart(const StackedChart& chart, Language language) {
  if (chart.categories.empty() || chart.parts.empty()) return empty_figure(chart.title, language);
  const Table table = stacked_table(chart, language);
  const std::string id = chart_id("stacked", {chart.title, chart.value_label}, table);
  const std::size_t parts = chart.parts.size();
  double top = 0;
  double value_width = 0;
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    double length = 0;
    for (std::size_t p = 0; p < parts; ++p) length += drawn(part_value(chart, i, p));
    top = std::max(top, length);
    value_width = std::max(value_width, text_width(number(stacked_total(chart, i)), k_small));
  }
  const Axis axis = nice_axis(top);
  const Horizontal h{chart.categories, pattern_legend(id, chart.parts), 26, value_width + 8, axis, chart.value_label};
  std::vector<Frame> slices = horizontal_slices(h, [&](std::size_t i, double y, double x0) {
    std::string out;
    double x = x0;
    for (std::size_t p = 0; p < parts; ++p) {
      const double length = axis.along(part_value(chart, i, p), k_plot_width);
      if (length > 0) out += bar(x, y + 5, length, 16, fill(id, p));
      x += length;
    }
    return out + end_number(x + 4, y + 17, stacked_total(chart, i));
  });
  slices.front().id = id;
  slices.front().title = chart.title;
  slices.front().defs = pattern_defs(id, parts);
  return figure(slices, table, language);
}

namespace {

// Rows [from, to) of a heat map under its column labels, and the legend when `top` has one.
Frame heat_slice(const HeatMap& chart, std::string_view id, const HeatLayout& layout, Block top, std::size_t from,
                 std::size_t to) {
  Frame frame;
  const double names_y = k_margin + (top.height > 0 ? top.height : 0) + 14;
  const double grid_top = names_y + 26;
  frame.body = std::move(top.svg) + label(layout.x0, names_y, "start", esc(chart.column_label)) +
               label(layout.x0 - 6, names_y + 18, "end", fitted(chart.row_label, k_label_limit)) + "\n";
  for (std::size_t c = 0; c < chart.columns.size(); ++c) {
    const double x = layout.x0 + layout.cell_width * (static_cast<double>(c) + 0.5);
    frame.body += label(x, names_y + 18, "middle", fitted(chart.columns[c], k_label_limit));
  }
  frame.body += "\n";
  for (std::size_t r = from; r < to; ++r) {
    const double y = grid_top + k_cell_height * static_cast<double>(r - from);
    frame.body += label(layout.x0 - 6, y + 14, "end", fitted(chart.rows[r], k_label_limit));
    frame.body += heat_row(chart, r, id, layout, y);
  }
  frame.width = layout.width;
  frame.height = grid_top + k_cell_height * static_cast<double>(to - from) + k_margin;
  return frame;
}

}  // namespace

std::string heat_map(const HeatMap& chart, Language language) {
  if (chart.rows.empty() || chart.columns.empty()) return empty_figure(chart.title, language);
  const Table table = heat_table(chart);
  const std::string id = chart_id("heat", {chart.title, chart.column_label}, table);
  const HeatLayout layout = heat_layout(chart);
  Block top = legend(heat_legend(id, layout.top, language), k_margin, k_margin, layout.width - 2 * k_margin);
  // Each printed page holds a slice of rows under the column labels.
  const double room = k_slice_height - top.height - 40 - 2 * k_margin;
  const auto per_slice = static_cast<std::size_t>(std::max(1.0, std::floor(room / k_cell_height)));
  std::vector<Frame> slices;
  for (std::size_t from = 0; from < chart.rows.size(); from += per_slice) {
    const std::size_t to = std::min(from + per_slice, chart.rows.size());
    slices.push_back(heat_slice(chart, id, layout, from == 0 ? top : Block{}, from, to));
  }
  slices.front().id = id;
  slices.front().title = chart.title;
  slices.front().defs = pattern(id + "-zero", k_zero_hatch);
  return figure(slices, table, language);
}

std::string line_chart(const LineChart& chart, Language language) {
  if (chart.points.empty() || chart.series.empty()) return empty_figure(chart.title, language);
  const Table table = line_table(chart, language);
  Frame frame;
  frame.id = chart_id("line", {chart.title, chart.value_label}, table);
  frame.title = chart.title;
  double top = 0;
  for (const auto& series : chart.series) {
    for (std::size_t i = 0; i < chart.points.size(); ++i) top = std::max(top, drawn(value_at(series.values, i)));
  }
  double point_width = 0;
  for (const auto& point : chart.points) point_width = std::max(point_width, fitted_width(point));
  LineLayout layout;
  layout.axis = nice_axis(top);
  layout.x0 = k_margin + text_width(number(layout.axis.max)) + 8;
  layout.spacing = std::max(56.0, point_width + 12);
  frame.width = std::max(layout.x0 + layout.spacing * static_cast<double>(chart.points.size()) + k_margin, k_min_width);
  Block legend_block = legend(line_legend(chart), k_margin, k_margin, frame.width - 2 * k_margin);
  layout.top = k_margin + legend_block.height + 24;
  layout.bottom = layout.top + k_plot_height;
  frame.body = std::move(legend_block.svg) + line_grid(layout, chart.points.size(), chart.value_label);
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    frame.body += label(layout.x(i), layout.bottom + 16, "middle", fitted(chart.points[i], k_label_limit));
  }
  frame.body += "\n";
  std::string markers;  // over every line
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    SeriesDrawing series = line_series(chart, s, layout);
    frame.body += series.lines;
    markers += series.markers;
  }
  frame.body += markers;
  frame.height = layout.bottom + 24 + k_margin;
  return figure(frame, table, language);
}

}  // namespace dormlink::report::svg
