#include "dormlink/report/table.hpp"

#include <algorithm>

#include "dormlink/util/text.hpp"

namespace dormlink::report {
namespace {

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

std::string render_text(const Table& table, std::string_view indent) {
  auto widths = column_widths(table);
  std::string out;
  append_row(out, table.header, table, widths, indent);
  std::vector<std::string> rule;
  for (auto w : widths) rule.emplace_back(w, '-');
  append_row(out, rule, table, widths, indent);
  for (const auto& row : table.rows) append_row(out, row, table, widths, indent);
  return out;
}

std::string escape_markdown_cell(std::string_view raw) {
  // CRs go first, so that dropping one can never join the bytes of a bidi control below.
  std::string text(raw);
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) would let a name
    // reorder the rest of its row on screen: shown as U+FFFD instead.
    if (c == '\xE2' && i + 2 < text.size() &&
        ((text[i + 1] == '\x80' && text[i + 2] >= '\xAA' && text[i + 2] <= '\xAE') ||
         (text[i + 1] == '\x81' && text[i + 2] >= '\xA6' && text[i + 2] <= '\xA9'))) {
      out += "\xEF\xBF\xBD";
      i += 2;
      continue;
    }
    if (c == '\n') {
      out += "<br>";
    } else if (c == '<') {
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
