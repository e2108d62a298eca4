// Excel workbooks through libxlsxwriter (include/dormlink/xlsx/xlsx.hpp).
#include "dormlink/xlsx/xlsx.hpp"

#include "lxw.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/util/text.hpp"
#include "messages.hpp"
#include "writer_support.hpp"

namespace dormlink::xlsx {
namespace {

using detail::check;
using detail::code_points;
using detail::k_max_cell;

constexpr double k_max_width = 60.0;  // widest column, in characters

// Excel forbids []:*?/\ in sheet names and more than 31 characters; names must be unique.
std::string sheet_name(const std::string& wanted, std::set<std::string>& used) {
  std::string name;
  for (char c : wanted) name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  while (code_points(name) > 28) {
    std::size_t cut = name.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.erase(cut);
  }
  if (name.empty()) name = "Sheet";
  std::string unique = name;
  for (int i = 2; used.count(unique) != 0; ++i) unique = fmt::format("{} {}", name, i);
  used.insert(unique);
  return unique;
}

void write_sheet(detail::Book& book, const report::Sheet& sheet, const std::string& name, lxw_format* bold) {
  lxw_worksheet* ws = book.add_sheet(name);
  const auto& t = sheet.table;
  std::vector<double> widths(t.header.size(), 6.0);
  const auto number_column = [&](std::size_t c) { return c < t.align.size() && t.align[c] == report::Align::right; };
  const auto cell = [&](lxw_row_t r, std::size_t c, const std::string& raw, lxw_format* format) {
    if (raw.empty()) return;
    // As in CSV: line breaks and tabs stay, other hidden characters are shown escaped, and the
    // XML inside the file stays valid UTF-8 whatever the database holds.
    const std::string text = detail::shown_text(raw);
    if (code_points(text) > k_max_cell) {
      throw DataError(msg::cell_over_limit(sheet.name, r + 1, c < t.header.size() ? t.header[c] : "", code_points(text),
                                           k_max_cell));
    }
    const auto col = static_cast<lxw_col_t>(c);
    if (format == nullptr && number_column(c) && is_plain_number(text)) {
      check(detail::lxw().worksheet_write_number(ws, r, col, std::strtod(text.c_str(), nullptr), nullptr), sheet.key);
    } else {
      detail::write_text(ws, r, col, text, format, sheet.key);
    }
    std::size_t widest = 0;
    std::size_t start = 0;
    while (start <= text.size()) {  // the longest line of the cell
      const auto end = std::min(text.find('\n', start), text.size());
      widest = std::max(widest, util::display_width(std::string_view(text).substr(start, end - start)));
      start = end + 1;
    }
    if (c < widths.size()) widths[c] = std::max(widths[c], std::min(k_max_width, static_cast<double>(widest) + 2.0));
  };
  for (std::size_t c = 0; c < t.header.size(); ++c) cell(0, c, t.header[c], bold);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t c = 0; c < t.rows[r].size() && c < t.header.size(); ++c)
      cell(static_cast<lxw_row_t>(r + 1), c, t.rows[r][c], nullptr);
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    check(detail::lxw().worksheet_set_column(ws, col, col, widths[c], nullptr), sheet.key);
  }
  detail::lxw().worksheet_freeze_panes(ws, 1, 0);
}

}  // namespace

bool is_plain_number(std::string_view cell) {
  std::size_t i = 0;
  if (i < cell.size() && cell[i] == '-') ++i;
  const std::size_t digits = i;
  while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') ++i;
  if (i == digits || i - digits > 15) return false;
  if (cell[digits] == '0' && i - digits > 1) return false;  // 007 is an id, not a number
  if (i == cell.size()) return true;
  if (cell[i] != '.') return false;
  const std::size_t fraction = ++i;
  while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') ++i;
  return i == cell.size() && i > fraction;
}

std::string render_xlsx(const report::Workbook& workbook, const Options& options) {
  detail::Book book(options);
  lxw_format* bold = detail::lxw().workbook_add_format(book.get());
  detail::lxw().format_set_bold(bold);
  std::set<std::string> used;
  for (const auto& sheet : workbook) write_sheet(book, sheet, sheet_name(sheet.name, used), bold);
  if (workbook.empty()) write_sheet(book, report::Sheet{"empty", "Sheet", {}}, "Sheet", bold);
  return book.finish();
}

}  // namespace dormlink::xlsx
