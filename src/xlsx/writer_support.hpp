#pragma once
// What the writers of src/xlsx share (private to the folder): a workbook written in a private
// working directory and read back as bytes, the checks of libxlsxwriter's results, and the text
// of a cell as Excel must receive it.

#include "lxw.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/xlsx/xlsx.hpp"

namespace dormlink::xlsx::detail {

inline constexpr std::size_t k_max_cell = 32767;  // characters Excel holds in one cell

// A private working directory (mkdtemp, 0700), removed with whatever is in it.
class WorkDir {
 public:
  explicit WorkDir(const std::string& parent);
  ~WorkDir();
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  // A path inside the directory, removed with it.
  std::string file(const std::string& name);
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
  std::vector<std::string> m_files;
};

// A workbook being written: made in a WorkDir with the document properties of `options` (the
// creation date at 00:00 UTC, so the same input gives the same bytes). finish() closes it and
// returns the file's bytes; a Book dropped without finish() is closed and removed.
class Book {
 public:
  explicit Book(const Options& options);
  ~Book();
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;
  lxw_workbook* get() { return m_book; }
  // Adds a worksheet; IoError when libxlsxwriter refuses it.
  lxw_worksheet* add_sheet(const std::string& name);
  std::string finish();

 private:
  WorkDir m_dir;
  std::string m_file;
  lxw_workbook* m_book = nullptr;
};

// Throws IoError naming `what` unless libxlsxwriter succeeded.
void check(lxw_error error, const std::string& what);

// UTF-8 code points of a string.
std::size_t code_points(std::string_view s);

// Escapes every literal `_xHHHH_` as `_x005F_xHHHH_` (ECMA-376 ST_Xstring): Excel reads
// `_x0041_` in a cell's XML as "A", and libxlsxwriter 1.1.4 writes the text as it is.
std::string escape_underscore_x(std::string_view text);

// The text of a cell as shown: line breaks and tabs kept, other hidden characters escaped as
// in CSV (util::escape_hidden), so the XML stays valid UTF-8 whatever the database holds.
std::string shown_text(std::string_view raw);

// Writes a text cell that Excel shows exactly as `shown` (escape_underscore_x).
void write_text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& shown, lxw_format* format,
                const std::string& what);

// Writes a text into a merged range, shown exactly as given.
void merge_text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& shown,
                lxw_format* format, const std::string& what);

}  // namespace dormlink::xlsx::detail
