// The member's blank feedback form as an Excel workbook (include/dormlink/xlsx/form.hpp).
#include "dormlink/xlsx/form.hpp"

#include "lxw.hpp"

#include <array>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "messages.hpp"
#include "writer_support.hpp"

namespace dormlink::xlsx {
namespace {

using detail::check;
using detail::merge_text;
using detail::shown_text;
using detail::write_text;

constexpr lxw_col_t k_last_col = 6;  // G: the table's seven columns
constexpr std::array<double, 7> k_widths{16, 16, 30, 36, 24, 16, 10};
constexpr std::size_t k_max_list = 255;  // characters Excel holds in a list's choices, commas included
constexpr uint8_t k_a4 = 9;

// The cell formats of the form (libxlsxwriter owns them).
struct Formats {
  lxw_format* title = nullptr;
  lxw_format* label = nullptr;         // bold, bordered
  lxw_format* value = nullptr;         // bordered text
  lxw_format* number = nullptr;        // bordered, left-aligned number
  lxw_format* instructions = nullptr;  // wrapped
  lxw_format* header = nullptr;        // bold, bordered, shaded, wrapped
  lxw_format* cell = nullptr;          // bordered, wrapped, text ("@": what is typed stays text)
};

lxw_format* bordered(lxw_workbook* book) {
  lxw_format* f = detail::lxw().workbook_add_format(book);
  detail::lxw().format_set_border(f, LXW_BORDER_THIN);
  detail::lxw().format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

Formats make_formats(lxw_workbook* book) {
  Formats f;
  f.title = detail::lxw().workbook_add_format(book);
  detail::lxw().format_set_bold(f.title);
  detail::lxw().format_set_font_size(f.title, 16);
  detail::lxw().format_set_align(f.title, LXW_ALIGN_CENTER);
  detail::lxw().format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
  f.label = bordered(book);
  detail::lxw().format_set_bold(f.label);
  f.value = bordered(book);
  detail::lxw().format_set_num_format(f.value, "@");
  f.number = bordered(book);
  detail::lxw().format_set_align(f.number, LXW_ALIGN_LEFT);
  f.instructions = detail::lxw().workbook_add_format(book);
  detail::lxw().format_set_text_wrap(f.instructions);
  detail::lxw().format_set_align(f.instructions, LXW_ALIGN_VERTICAL_TOP);
  f.header = bordered(book);
  detail::lxw().format_set_bold(f.header);
  detail::lxw().format_set_text_wrap(f.header);
  detail::lxw().format_set_align(f.header, LXW_ALIGN_CENTER);
  detail::lxw().format_set_bg_color(f.header, 0xD9D9D9);
  f.cell = bordered(book);
  detail::lxw().format_set_text_wrap(f.cell);
  detail::lxw().format_set_num_format(f.cell, "@");
  return f;
}

// A drop-down list over rows first..last of a column. `strict`: only the choices (Excel
// stops anything else); otherwise Excel warns and lets the member keep what was typed.
void add_list(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, lxw_col_t col,
              const std::vector<std::string>& choices, bool strict) {
  std::vector<std::string> shown;
  std::size_t length = 0;
  for (const auto& c : choices) {
    shown.push_back(shown_text(c));
    length += detail::code_points(shown.back()) + (length > 0 ? 1 : 0);
  }
  if (length > k_max_list) {
    throw DataError(msg::list_too_long(fmt::format("{}", fmt::join(shown, ",")), length, k_max_list));
  }
  std::vector<char*> list;
  for (auto& s : shown) list.push_back(s.data());
  list.push_back(nullptr);
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = list.data();
  v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
  check(detail::lxw().worksheet_data_validation_range(ws, first, col, last, col, &v), "drop-down list");
}

// Rows 2..: the fields two to a row, label then value (merged B:C, E:G).
void write_fields(lxw_worksheet* ws, const report::BlankForm& form, const Formats& f) {
  for (std::size_t i = 0; i < form.fields.size(); ++i) {
    const auto& field = form.fields[i];
    const auto row = static_cast<lxw_row_t>(1 + i / 2);
    const lxw_col_t label = i % 2 == 0 ? 0 : 3;
    const lxw_col_t last = i % 2 == 0 ? 2 : k_last_col;
    write_text(ws, row, label, field.label, f.label, "header");
    merge_text(ws, row, label + 1, last, shown_text(field.value), field.number ? f.number : f.value, "header");
    if (field.number && !field.value.empty()) {
      check(
          detail::lxw().worksheet_write_number(ws, row, label + 1, std::strtod(field.value.c_str(), nullptr), f.number),
          "header");
    }
  }
}

// The instructions, the table's header row, its blank rows with their lists, and 本期无联系.
void write_table(lxw_worksheet* ws, const report::BlankForm& form, const Formats& f, lxw_row_t instructions) {
  merge_text(ws, instructions, 0, k_last_col, shown_text(form.instructions), f.instructions, "instructions");
  check(detail::lxw().worksheet_set_row(ws, instructions, 48, nullptr), "instructions");
  const lxw_row_t header = instructions + 1;
  const lxw_row_t first = header + 1;
  const auto last = static_cast<lxw_row_t>(first + static_cast<lxw_row_t>(form.blank_rows) - 1);
  for (std::size_t c = 0; c < form.columns.size(); ++c)
    write_text(ws, header, static_cast<lxw_col_t>(c), form.columns[c], f.header, "table");
  for (lxw_row_t r = first; r <= last; ++r) {
    check(detail::lxw().worksheet_set_row(ws, r, 24, nullptr), "table");
    for (std::size_t c = 0; c < form.columns.size(); ++c)
      check(detail::lxw().worksheet_write_blank(ws, r, static_cast<lxw_col_t>(c), f.cell), "table");
  }
  for (std::size_t c = 0; c < form.lists.size(); ++c) {
    // The member's dorms warn (a dorm outside the assignment is still a contact); kinds and
    // channels are closed lists.
    if (!form.lists[c].empty()) add_list(ws, first, last, static_cast<lxw_col_t>(c), form.lists[c], c != 0);
  }
  const lxw_row_t no_contact = last + 2;
  write_text(ws, no_contact, 0, form.no_contact.label, f.label, "no contact");
  check(detail::lxw().worksheet_write_blank(ws, no_contact, 1, f.value), "no contact");
  add_list(ws, no_contact, no_contact, 1, form.no_contact_choices, true);
  // Printed on A4 across, one page wide, the table's header on every page.
  detail::lxw().worksheet_set_landscape(ws);
  detail::lxw().worksheet_set_paper(ws, k_a4);
  detail::lxw().worksheet_fit_to_pages(ws, 1, 0);
  check(detail::lxw().worksheet_repeat_rows(ws, header, header), "print setup");
}

void write_form_sheet(detail::Book& book, const report::BlankForm& form, const Formats& f) {
  lxw_worksheet* ws = book.add_sheet(form.form_sheet);
  for (std::size_t c = 0; c < k_widths.size(); ++c)
    check(detail::lxw().worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), k_widths[c],
                                             nullptr),
          "widths");
  merge_text(ws, 0, 0, k_last_col, form.title, f.title, "title");
  check(detail::lxw().worksheet_set_row(ws, 0, 30, nullptr), "title");
  write_fields(ws, form, f);
  write_table(ws, form, f, static_cast<lxw_row_t>(1 + (form.fields.size() + 1) / 2));
}

// A plain table: a bold bordered header row, then the rows; columns as wide as `widths`.
void write_plain(lxw_worksheet* ws, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows, const std::vector<double>& widths,
                 const Formats& f) {
  for (std::size_t c = 0; c < widths.size(); ++c)
    check(detail::lxw().worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                                             nullptr),
          "widths");
  const lxw_row_t first = header.empty() ? 0 : 1;
  for (std::size_t c = 0; c < header.size(); ++c)
    write_text(ws, 0, static_cast<lxw_col_t>(c), header[c], f.label, "header");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      write_text(ws, static_cast<lxw_row_t>(first + r), static_cast<lxw_col_t>(c), shown_text(rows[r][c]), f.value,
                 "rows");
    }
  }
}

void write_residents(detail::Book& book, const report::BlankForm& form, const Formats& f) {
  lxw_worksheet* ws = book.add_sheet(form.residents_sheet);
  write_plain(ws, form.resident_columns, form.residents, {14, 16, 16}, f);
  detail::lxw().worksheet_freeze_panes(ws, 1, 0);
  detail::lxw().worksheet_set_paper(ws, k_a4);
  detail::lxw().worksheet_fit_to_pages(ws, 1, 0);
}

// The hidden sheet: key / value rows, no header.
void write_meta(detail::Book& book, const report::BlankForm& form, const Formats& f) {
  lxw_worksheet* ws = book.add_sheet(form.meta_sheet);
  std::vector<std::vector<std::string>> rows;
  for (const auto& [key, value] : form.meta) rows.push_back({key, value});
  write_plain(ws, {}, rows, {16, 24}, f);
  detail::lxw().worksheet_hide(ws);
}

}  // namespace

std::string render_blank_form(const report::BlankForm& form, const Options& options) {
  detail::Book book(options);
  const Formats formats = make_formats(book.get());
  write_form_sheet(book, form, formats);
  write_residents(book, form, formats);
  write_meta(book, form, formats);
  return book.finish();
}

}  // namespace dormlink::xlsx
