// What the writers of src/xlsx share (writer_support.hpp).
#include "writer_support.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/util/text.hpp"
#include "messages.hpp"

namespace dormlink::xlsx::detail {
namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(msg::cannot_read_back(path));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

WorkDir::WorkDir(const std::string& parent) {
  std::string pattern = (parent.empty() ? std::string("/tmp") : parent) + "/dormlink-xlsx-XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) {
    throw IoError(msg::no_work_dir(parent.empty() ? "/tmp" : parent));
  }
  m_path = buffer.data();  // mkdtemp makes it 0700
}

WorkDir::~WorkDir() {
  for (const auto& f : m_files) ::unlink(f.c_str());
  ::rmdir(m_path.c_str());
}

std::string WorkDir::file(const std::string& name) {
  m_files.push_back(m_path + "/" + name);
  return m_files.back();
}

Book::Book(const Options& options) : m_dir(options.temp_dir), m_file(m_dir.file("workbook.xlsx")) {
  lxw_workbook_options book_options{};
  book_options.tmpdir = const_cast<char*>(m_dir.path().c_str());
  m_book = lxw().workbook_new_opt(m_file.c_str(), &book_options);
  if (m_book == nullptr) throw IoError(msg::cannot_start(m_dir.path()));
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(options.title.c_str());
  // The evaluation date at midnight UTC: the same inputs give the same bytes.
  properties.created = static_cast<time_t>(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::sys_days{options.created}.time_since_epoch())
          .count());
  const lxw_error error = lxw().workbook_set_properties(m_book, &properties);
  if (error != LXW_NO_ERROR) {
    lxw().workbook_close(m_book);
    m_book = nullptr;
    check(error, "properties");
  }
}

Book::~Book() {
  if (m_book != nullptr) lxw().workbook_close(m_book);
}

lxw_worksheet* Book::add_sheet(const std::string& name) {
  lxw_worksheet* ws = lxw().workbook_add_worksheet(m_book, name.c_str());
  if (ws == nullptr) throw IoError(msg::cannot_add_sheet(name));
  return ws;
}

std::string Book::finish() {
  const lxw_error error = lxw().workbook_close(m_book);
  m_book = nullptr;
  check(error, "closing");
  return read_all(m_file);
}

void check(lxw_error error, const std::string& what) {
  if (error == LXW_NO_ERROR) return;
  throw IoError(msg::cannot_write(what, lxw().lxw_strerror(error)));
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string escape_underscore_x(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Each match on its own, overlapping ones too: "_x0041_x0042_" escapes both.
    const bool literal = text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && is_hex(text[i + 2]) &&
                         is_hex(text[i + 3]) && is_hex(text[i + 4]) && is_hex(text[i + 5]) && text[i + 6] == '_';
    out += literal ? std::string_view("_x005F_") : text.substr(i, 1);
  }
  return out;
}

std::string shown_text(std::string_view raw) { return util::escape_hidden(raw, util::LineBreaks::keep); }

void write_text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& shown, lxw_format* format,
                const std::string& what) {
  check(lxw().worksheet_write_string(ws, row, col, escape_underscore_x(shown).c_str(), format), what);
}

void merge_text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& shown,
                lxw_format* format, const std::string& what) {
  check(lxw().worksheet_merge_range(ws, row, first, row, last, escape_underscore_x(shown).c_str(), format), what);
}

}  // namespace dormlink::xlsx::detail
