#pragma once
// libxlsxwriter, opened on first use (private to src/xlsx): most commands never write Excel, so
// the binary does not link the library (with the libcrypto, minizip and zlib it pulls in it was a
// third of every start-up; docs/performance.md part 4). Call its functions as lxw().name(...).

#include <xlsxwriter.h>

namespace dormlink::xlsx::detail {

#define DORMLINK_LXW_FUNCTIONS(X)    \
  X(workbook_new_opt)                \
  X(workbook_add_worksheet)          \
  X(workbook_add_format)             \
  X(workbook_set_properties)         \
  X(workbook_close)                  \
  X(worksheet_write_string)          \
  X(worksheet_write_number)          \
  X(worksheet_write_blank)           \
  X(worksheet_set_row)               \
  X(worksheet_set_column)            \
  X(worksheet_set_paper)             \
  X(worksheet_set_landscape)         \
  X(worksheet_freeze_panes)          \
  X(worksheet_fit_to_pages)          \
  X(worksheet_repeat_rows)           \
  X(worksheet_merge_range)           \
  X(worksheet_hide)                  \
  X(worksheet_data_validation_range) \
  X(format_set_align)                \
  X(format_set_bold)                 \
  X(format_set_text_wrap)            \
  X(format_set_num_format)           \
  X(format_set_font_size)            \
  X(format_set_border)               \
  X(format_set_bg_color)             \
  X(lxw_strerror)

// The library's functions used here, resolved once.
struct Lxw {
#define DORMLINK_LXW_MEMBER(name) decltype(&::name) name = nullptr;
  DORMLINK_LXW_FUNCTIONS(DORMLINK_LXW_MEMBER)
#undef DORMLINK_LXW_MEMBER
};

// Opens libxlsxwriter (its SONAME, as the build found it) on first call; throws dormlink::Error
// (exit 70: the installation is incomplete) naming the Debian package when it cannot.
const Lxw& lxw();

}  // namespace dormlink::xlsx::detail
