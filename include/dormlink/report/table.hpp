#pragma once
// Plain-text and Markdown tables. Text columns are padded by terminal width, so Chinese
// names (two columns per character) line up; Markdown cells are escaped.

#include <string>
#include <string_view>
#include <vector>

namespace dormlink::report {

enum class Align { left, right };

// A table: a header row, data rows, and per-column alignment.
struct Table {
  std::vector<std::string> header;
  std::vector<Align> align;
  std::vector<std::vector<std::string>> rows;
};

// Columns separated by two spaces, padded to the widest cell; a dashed line under the header.
std::string render_text(const Table& table, std::string_view indent = "");

// GitHub-flavoured Markdown; every cell passes through escape_markdown_cell.
std::string render_markdown(const Table& table);

// Escapes a value for one Markdown table cell: | \ ` * _ [ ] < > # and line breaks.
std::string escape_markdown_cell(std::string_view text);

}  // namespace dormlink::report
