#include "dormlink/report/table.hpp"

#include <algorithm>

#include "dormlink/util/text.hpp"

namespace dormlink::report {
namespace {

// A table's cells as a terminal shows them: one line each, hidden characters escaped.
std::vector<std::string> visible_row(const std::vector<std::string>& row) {
  std::vector<std::string> out;
  out.reserve(row.size());
  for (const auto& cell : row) out.push_back(util::escape_hidden(cell, util::LineBreaks::mark));
  return out;
}

Table visible_table(const Table& table) {
  Table out{visible_row(table.header), table.align, {}};
  out.rows.reserve(table.rows.size());
  for (const auto& row : table.rows) out.rows.push_back(visible_row(row));
  return out;
}

std::vector<std::size_t> column_widths(const Table& table) {
  std::vector<std::size_t> widths(table.header.size(), 0);
  auto widen = [&widths](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], util::display_width(row[i]));
    }
  };
  widen(table.header);
  for (const auto& row : table.rows) widen(row);
  return widths;
}

void append_row(std::string& out, const std::vector<std::string>& row, const Table& table,
                const std::vector<std::size_t>& widths, std::string_view indent) {
  std::string line(indent);
  for (std::size_t i = 0; i < widths.size(); ++i) {
    const std::string& cell = i < row.size() ? row[i] : std::string();
    std::string pad(widths[i] - util::display_width(cell), ' ');
    bool right = i < table.align.size() && table.align[i] == Align::right;
    if (i > 0) line += "  ";
    line += right ? pad + cell : cell + (i + 1 < widths.size() ? pad : std::string());
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out += line + "\n";
}

}  // namespace

std::string render_text(const Table& raw, std::string_view indent) {
  const Table table = visible_table(raw);
  auto widths = column_widths(table);
  std::string out;
  append_row(out, table.header, table, widths, indent);
  std::vector<std::string> rule;
  for (auto w : widths) rule.emplace_back(w, '-');
  append_row(out, rule, table, widths, indent);
  for (const auto& row : table.rows) append_row(out, row, table, widths, indent);
  return out;
}

std::string visible_document(std::string_view document) {
  return util::escape_hidden(document, util::LineBreaks::keep);
}

std::string escape_markdown_cell(std::string_view raw) {
  // First the text as one visible line (docs/reports.md "Text in outputs"): a line break is
  // "↵" (never the raw HTML <br>), and controls, bidi controls and zero-width characters are
  // written as \u{202E}, which would otherwise reorder or hide the rest of the row.
  const std::string text = util::escape_hidden(raw, util::LineBreaks::mark);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (std::string_view("|\\`*_[]#~").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

std::string render_markdown(const Table& table) {
  std::string out = "|";
  for (const auto& h : table.header) out += " " + escape_markdown_cell(h) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    bool right = i < table.align.size() && table.align[i] == Align::right;
    out += right ? " ---: |" : " --- |";
  }
  out += "\n";
  for (const auto& row : table.rows) {
    out += "|";
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      out += " " + escape_markdown_cell(i < row.size() ? row[i] : "") + " |";
    }
    out += "\n";
  }
  return out;
}

void append_workbook(Workbook& into, Workbook more) {
  for (auto& sheet : more) {
    auto it = std::find_if(into.begin(), into.end(), [&](const Sheet& s) { return s.key == sheet.key; });
    if (it == into.end()) {
      into.push_back(std::move(sheet));
    } else {
      for (auto& row : sheet.table.rows) it->table.rows.push_back(std::move(row));
    }
  }
}

const Sheet* find_sheet(const Workbook& workbook, std::string_view key) {
  for (const auto& sheet : workbook)
    if (sheet.key == key) return &sheet;
  return nullptr;
}

}  // namespace dormlink::report
