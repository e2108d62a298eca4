// Excel workbooks through libxlsxwriter (include/dormlink/xlsx/xlsx.hpp).
#include "dormlink/xlsx/xlsx.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::xlsx {
namespace {

constexpr std::size_t k_max_cell = 32767;  // characters Excel holds in one cell
constexpr double k_max_width = 60.0;       // widest column, in characters

// A private working directory, removed with whatever is in it.
class WorkDir {
 public:
  explicit WorkDir(const std::string& parent) {
    std::string pattern = (parent.empty() ? std::string("/tmp") : parent) + "/dormlink-xlsx-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (::mkdtemp(buffer.data()) == nullptr) {
      throw IoError(
          fmt::format("cannot make a working directory in {} for the Excel file; set TMPDIR to a "
                      "writable directory",
                      parent.empty() ? "/tmp" : parent));
    }
    m_path = buffer.data();  // mkdtemp makes it 0700
  }
  ~WorkDir() {
    for (const auto& f : m_files) ::unlink(f.c_str());
    ::rmdir(m_path.c_str());
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  std::string file(const std::string& name) {
    m_files.push_back(m_path + "/" + name);
    return m_files.back();
  }
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
  std::vector<std::string> m_files;
};

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

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

void check(lxw_error error, const std::string& what) {
  if (error == LXW_NO_ERROR) return;
  throw IoError(fmt::format("cannot write the Excel file ({}): {}", what, lxw_strerror(error)));
}

void write_sheet(lxw_workbook* book, const report::Sheet& sheet, const std::string& name, lxw_format* bold) {
  lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
  if (ws == nullptr) throw IoError(fmt::format("cannot add the sheet {} to the Excel file", name));
  const auto& t = sheet.table;
  std::vector<double> widths(t.header.size(), 6.0);
  const auto number_column = [&](std::size_t c) { return c < t.align.size() && t.align[c] == report::Align::right; };
  const auto cell = [&](lxw_row_t r, std::size_t c, const std::string& raw, lxw_format* format) {
    if (raw.empty()) return;
    // As in CSV: line breaks and tabs stay, other hidden characters are shown escaped, and the
    // XML inside the file stays valid UTF-8 whatever the database holds.
    const std::string text = util::escape_hidden(raw, util::LineBreaks::keep);
    if (code_points(text) > k_max_cell) {
      throw DataError(
          fmt::format("sheet \"{}\", row {}, column \"{}\": {} characters, more than an Excel cell holds "
                      "({}); use --format csv or json",
                      sheet.name, r + 1, c < t.header.size() ? t.header[c] : "", code_points(text), k_max_cell));
    }
    const auto col = static_cast<lxw_col_t>(c);
    if (format == nullptr && number_column(c) && is_plain_number(text)) {
      check(worksheet_write_number(ws, r, col, std::strtod(text.c_str(), nullptr), nullptr), sheet.key);
    } else {
      check(worksheet_write_string(ws, r, col, text.c_str(), format), sheet.key);
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
    check(worksheet_set_column(ws, col, col, widths[c], nullptr), sheet.key);
  }
  worksheet_freeze_panes(ws, 1, 0);
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(fmt::format("cannot read back the Excel file written in {}", path));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
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
  WorkDir dir(options.temp_dir);
  const std::string path = dir.file("workbook.xlsx");
  lxw_workbook_options book_options{};
  book_options.tmpdir = const_cast<char*>(dir.path().c_str());
  lxw_workbook* book = workbook_new_opt(path.c_str(), &book_options);
  if (book == nullptr) throw IoError(fmt::format("cannot start an Excel file in {}", dir.path()));
  try {
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(options.title.c_str());
    // The evaluation date at midnight UTC: the same inputs give the same bytes.
    properties.created = static_cast<time_t>(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::sys_days{options.created}.time_since_epoch())
            .count());
    check(workbook_set_properties(book, &properties), "properties");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    std::set<std::string> used;
    for (const auto& sheet : workbook) write_sheet(book, sheet, sheet_name(sheet.name, used), bold);
    if (workbook.empty()) write_sheet(book, report::Sheet{"empty", "Sheet", {}}, "Sheet", bold);
  } catch (...) {
    workbook_close(book);
    throw;
  }
  check(workbook_close(book), "closing");
  return read_all(path);
}

}  // namespace dormlink::xlsx
