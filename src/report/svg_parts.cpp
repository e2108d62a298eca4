// The drawing toolkit of the charts (svg_parts.hpp).
#include "svg_parts.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "dormlink/report/html.hpp"
#include "dormlink/report/svg.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::report::svg::parts {
namespace {

// A label as the drawing shows it: one line, hidden characters as visible escapes.
std::string visible(std::string_view text) { return util::escape_hidden(text, util::LineBreaks::mark); }

double em(char32_t c) { return c >= 0x1100 ? 1.0 : 0.6; }

// Grid lines and labels at the ticks, the axes, and the axis's name under the plot.
std::string value_axis(const Axis& axis, double x0, double top, double bottom, std::string_view name) {
  std::string out = "<g class=\"axis\">\n";
  for (int i = 0; i <= axis.ticks(); ++i) {
    const double x = x0 + k_plot_width * i / axis.ticks();
    out += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#bbb" stroke-width="0.5"/>)", number(x),
                       number(top), number(bottom + 4));
    out += label(x, bottom + 16, "middle", number(axis.step * i)) + "\n";
  }
  out += fmt::format(R"(<path d="M{0},{1} V{2} H{3}" fill="none" stroke="#000"/>)", number(x0), number(top),
                     number(bottom), number(x0 + k_plot_width));
  out += label(x0 + k_plot_width / 2, bottom + 33, "middle", fitted(name, k_plot_width));
  return out + "\n</g>\n";
}

}  // namespace

// Text for SVG character data or an attribute value: one line (no <br>), escaped.
std::string esc(std::string_view text) { return html::escape(visible(text)); }

// Estimated width in px of the text as drawn.
double text_width(std::string_view text, double size) {
  const std::string shown = visible(text);
  double width = 0;
  for (std::size_t pos = 0; pos < shown.size();) width += em(util::next_code_point(shown, pos));
  return width * size;
}

// The label escaped, cut with "…" to at most `limit` px.
std::string fitted(std::string_view text, double limit) {
  const std::string shown = visible(text);
  if (text_width(shown) <= limit) return esc(shown);
  std::string cut;
  double width = 1.0;  // the "…"
  for (std::size_t pos = 0; pos < shown.size();) {
    const std::size_t start = pos;
    width += em(util::next_code_point(shown, pos));
    if (width * k_font > limit) break;
    cut.append(shown, start, pos - start);
  }
  return esc(cut + "…");
}

double fitted_width(std::string_view text) { return std::min(text_width(text), k_label_limit); }

// What a value draws as: its length, 0 for a missing, negative or non-finite value.
double drawn(double value) { return std::isfinite(value) && value > 0 ? value : 0; }

double value_at(const std::vector<double>& values, std::size_t i) { return i < values.size() ? values[i] : k_missing; }

// The ids of one chart: "chart-KIND-HASH", the hash of its kind, title and table (FNV-1a).
std::string chart_id(std::string_view kind, const std::vector<std::string_view>& labels, const Table& table) {
  std::uint64_t hash = 14695981039346656037ULL;
  auto mix = [&hash](std::string_view text) {
    for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    hash = (hash ^ 0xFFU) * 1099511628211ULL;  // a byte UTF-8 never has: the end of one string
  };
  mix(kind);
  for (const auto label : labels) mix(label);
  for (const auto& cell : table.header) mix(cell);
  for (const auto& row : table.rows) {
    for (const auto& cell : row) mix(cell);
  }
  return fmt::format("chart-{}-{:012x}", kind, hash & 0xFFFFFFFFFFFFULL);
}

std::string pattern(std::string_view id, const char* tile) {
  return fmt::format(R"(<pattern id="{}" width="8" height="8" patternUnits="userSpaceOnUse">{}</pattern>)", id, tile);
}

std::string pattern_defs(std::string_view id, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < std::min(count, k_patterns.size()); ++i) {
    out += pattern(fmt::format("{}-p{}", id, i), k_patterns[i]);
  }
  return out;
}

std::string fill(std::string_view id, std::size_t i) { return fmt::format("url(#{}-p{})", id, i % k_patterns.size()); }

std::string bar(double x, double y, double width, double height, std::string_view paint) {
  return fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#000" stroke-width="0.8"/>)",
                     number(x), number(y), number(width), number(height), paint);
}

std::string label(double x, double y, std::string_view anchor, std::string_view escaped) {
  return fmt::format(R"(<text x="{}" y="{}" text-anchor="{}">{}</text>)", number(x), number(y), anchor, escaped);
}

// Every row of the table in words: "李晴紫：走访（实际）4，走访（应有）4；…。"
std::string describe(const Table& table, Language language) {
  std::string out;
  for (const auto& row : table.rows) {
    if (!out.empty()) out += k_words.row_gap(language);
    out += esc(row.empty() ? std::string() : row[0]) + k_words.label_gap(language);
    for (std::size_t c = 1; c < row.size() && c < table.header.size(); ++c) {
      if (c > 1) out += k_words.item_gap(language);
      const std::string& name = table.header[c];
      // "走访4", but "A101：1 3" stays readable: a name ending in a digit or letter keeps a space.
      const bool spaced = !name.empty() && std::isalnum(static_cast<unsigned char>(name.back())) != 0;
      out += esc(name) + (spaced ? " " : k_words.value_gap(language)) + esc(row[c]);
    }
  }
  return out + k_words.end(language);
}

// The first column names the rows (left), the others hold numbers (right).
Table number_table(std::string first, const std::vector<std::string>& columns) {
  Table table;
  table.header.push_back(std::move(first));
  table.header.insert(table.header.end(), columns.begin(), columns.end());
  table.align.assign(table.header.size(), Align::right);
  table.align[0] = Align::left;
  return table;
}

std::string figure(const Frame& frame, const Table& table, Language language) {
  const std::string width = number(std::ceil(std::max(frame.width, k_min_width)));
  const std::string height = number(std::ceil(frame.height));
  return fmt::format(
      "<figure class=\"chart\">\n<figcaption id=\"{3}-title\">{0}</figcaption>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" "
      "aria-labelledby=\"{3}-title\" aria-describedby=\"{3}-desc\">\n"
      "<title>{0}</title>\n<desc id=\"{3}-desc\">{5}</desc>\n<defs>{6}</defs>\n<g font-size=\"{4}\">\n{7}</g>\n"
      "</svg>\n{8}</figure>\n",
      esc(frame.title), width, height, frame.id, number(k_font), describe(table, language), frame.defs, frame.body,
      html::table(table, frame.title + k_words.data(language), true));
}

std::string figure(const std::vector<Frame>& slices, const Table& table, Language language) {
  if (slices.size() == 1) return figure(slices.front(), table, language);
  std::string out = figure(slices.front(), table, language);
  const auto after_first = out.find("</svg>\n") + std::string_view("</svg>\n").size();
  std::string rest;
  for (std::size_t i = 1; i < slices.size(); ++i) {
    const Frame& frame = slices[i];
    const std::string width = number(std::ceil(std::max(frame.width, k_min_width)));
    const std::string height = number(std::ceil(frame.height));
    rest += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
        "height=\"{1}\">\n<g font-size=\"{2}\">\n{3}</g>\n</svg>\n",
        width, height, number(k_font), frame.body);
  }
  return out.insert(after_first, rest);
}

std::string empty_figure(std::string_view title, Language language) {
  return fmt::format("<figure class=\"chart\">\n<figcaption>{}</figcaption>\n<p class=\"note\">{}</p>\n</figure>\n",
                     esc(title), k_words.no_data(language));
}

int Axis::ticks() const { return static_cast<int>(std::lround(max / step)); }

double Axis::along(double value, double length) const { return std::min(drawn(value), max) / max * length; }

Axis nice_axis(double top) {
  if (!(top > 0) || !std::isfinite(top)) return {};
  const double raw = top / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
  step = std::max(step, top >= 1 ? 1.0 : 0.1);
  return {std::ceil(top / step - 1e-9) * step, step};
}

// The entries left to right from (x0, y0), wrapped at `width`.
Block legend(const std::vector<LegendItem>& items, double x0, double y0, double width) {
  std::string out = "<g class=\"legend\">\n";
  double x = x0;
  double y = y0;
  for (const auto& item : items) {
    const double advance = 24 + 6 + fitted_width(item.name) + 18;
    if (x > x0 && x + advance > x0 + width) {
      x = x0;
      y += 20;
    }
    out += fmt::format("<g transform=\"translate({},{})\">{}{}</g>\n", number(x), number(y), item.swatch,
                       label(30, 11, "start", fitted(item.name, k_label_limit)));
    x += advance;
  }
  return {out + "</g>\n", y - y0 + 20};
}

std::string end_number(double x, double y, double value) {
  return fmt::format(R"(<text x="{}" y="{}" font-size="{}">{}</text>)", number(x), number(y), number(k_small),
                     number(value));
}

// The series' patterns in the legend.
std::vector<LegendItem> pattern_legend(std::string_view id, const std::vector<std::string>& names) {
  std::vector<LegendItem> items;
  for (std::size_t i = 0; i < names.size(); ++i) items.push_back({bar(0, 0, 24, 14, fill(id, i)), names[i]});
  return items;
}

namespace {

// Categories [from, to) of horizontal bars as one frame; the legend only when `top` has one.
Frame horizontal_frame(const Horizontal& h, const BandDrawer& band, double x0, double width, Block top,
                       std::size_t from, std::size_t to) {
  const double y0 = k_margin + (top.height > 0 ? top.height + 8 : 0);
  const double bottom = y0 + h.band * static_cast<double>(to - from);
  Frame frame;
  frame.width = width;
  frame.height = bottom + k_axis_height + k_margin;
  frame.body = std::move(top.svg) + value_axis(h.axis, x0, y0, bottom, h.value_label);
  for (std::size_t i = from; i < to; ++i) {
    const double y = y0 + h.band * static_cast<double>(i - from);
    frame.body += label(x0 - 6, y + h.band / 2 + 4, "end", fitted(h.categories[i], k_label_limit));
    frame.body += band(i, y, x0) + "\n";
  }
  return frame;
}

}  // namespace

std::vector<Frame> horizontal_slices(const Horizontal& h, const BandDrawer& band) {
  double label_width = 0;
  for (const auto& category : h.categories) label_width = std::max(label_width, fitted_width(category));
  const double x0 = k_margin + label_width + 8;
  const double width = std::max(x0 + k_plot_width + h.value_width + k_margin, k_min_width);
  Block top = legend(h.legend, k_margin, k_margin, width - 2 * k_margin);
  const double room = k_slice_height - top.height - k_axis_height - 3 * k_margin;
  const auto per_slice = static_cast<std::size_t>(std::max(1.0, std::floor(room / std::max(h.band, 1.0))));
  std::vector<Frame> slices;
  for (std::size_t from = 0; from < h.categories.size(); from += per_slice) {
    const std::size_t to = std::min(from + per_slice, h.categories.size());
    slices.push_back(horizontal_frame(h, band, x0, width, from == 0 ? top : Block{}, from, to));
  }
  return slices;
}

Frame horizontal(const Horizontal& h, const BandDrawer& band) {
  double label_width = 0;
  for (const auto& category : h.categories) label_width = std::max(label_width, fitted_width(category));
  const double x0 = k_margin + label_width + 8;
  const double width = std::max(x0 + k_plot_width + h.value_width + k_margin, k_min_width);
  return horizontal_frame(h, band, x0, width, legend(h.legend, k_margin, k_margin, width - 2 * k_margin), 0,
                          h.categories.size());
}

}  // namespace dormlink::report::svg::parts
