#include "dormlink/report/html.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "dormlink/util/text.hpp"

namespace dormlink::report::html {
namespace {

// The one style sheet (docs/html.md): screen, phone and A4 print. Patterns, not colour, tell
// series apart; the greys survive a black-and-white printer.
constexpr const char* k_style = R"(
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; color: #111; background: #fff; margin: 1.5rem auto;
       max-width: 60rem; padding: 0 1rem; line-height: 1.5; }
body.phone { max-width: 36rem; margin: 0.5rem auto; font-size: 1.05rem; }
h1 { font-size: 1.5rem; text-align: center; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #999; }
h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
th, td { border: 1px solid #555; padding: 0.25rem 0.4rem; vertical-align: top; text-align: left; }
thead th { background: #e6e6e6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.empty { text-align: center; color: #555; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: 0.3rem; }
p.note { color: #333; font-size: 0.9rem; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem 3rem; margin-top: 2.5rem; }
.signatures div { border-bottom: 1px solid #111; padding-top: 2rem; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  thead { display: table-header-group; }
  tr, .signatures, figure.chart svg { break-inside: avoid; }
  figure.chart svg { display: block; }
  h2, h3, figcaption { break-after: avoid; }
  section.document + section.document { break-before: page; }
  .scroll { overflow: visible; }
}
)";

std::string cell(std::string_view tag, std::string_view text, bool number, std::string_view scope) {
  std::string attributes;
  if (!scope.empty()) attributes += fmt::format(" scope=\"{}\"", scope);
  if (number) attributes += " class=\"num\"";
  return fmt::format("<{0}{1}>{2}</{0}>", tag, attributes, escape(text));
}

}  // namespace

std::string escape(std::string_view text) {
  const std::string visible = util::escape_hidden(text, util::LineBreaks::keep);
  std::string out;
  out.reserve(visible.size() + visible.size() / 8);
  for (const char c : visible) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out += "<br>";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render_page(const Page& page) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">\n"
      "<meta name=\"generator\" content=\"dormlink\">\n<title>{}</title>\n<style>{}</style>\n</head>\n"
      "<body class=\"{}\">\n{}</body>\n</html>\n",
      page.language == Language::zh ? "zh-CN" : "en", escape(page.title), k_style,
      page.layout == Layout::phone ? "phone" : "a4", page.body);
}

std::string heading(int level, std::string_view text) { return fmt::format("<h{0}>{1}</h{0}>\n", level, escape(text)); }

std::string paragraph(std::string_view text, std::string_view css_class) {
  if (css_class.empty()) return fmt::format("<p>{}</p>\n", escape(text));
  return fmt::format("<p class=\"{}\">{}</p>\n", escape(css_class), escape(text));
}

std::string facts(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out = "<dl class=\"facts\">\n";
  for (const auto& [label, value] : pairs) out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", escape(label), escape(value));
  return out + "</dl>\n";
}

std::string table(const Table& t, std::string_view caption, bool row_headers, std::string_view empty_text) {
  auto numeric = [&t](std::size_t column) { return column < t.align.size() && t.align[column] == Align::right; };
  std::string out = "<div class=\"scroll\"><table>\n";
  if (!caption.empty()) out += fmt::format("<caption>{}</caption>\n", escape(caption));
  out += "<thead><tr>";
  for (std::size_t c = 0; c < t.header.size(); ++c) out += cell("th", t.header[c], numeric(c), "col");
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c) {
      const bool header = row_headers && c == 0;
      out += cell(header ? "th" : "td", row[c], numeric(c), header ? "row" : "");
    }
    out += "</tr>\n";
  }
  if (t.rows.empty()) {
    out += fmt::format("<tr><td class=\"empty\" colspan=\"{}\">{}</td></tr>\n",
                       std::max<std::size_t>(t.header.size(), 1), escape(empty_text.empty() ? "—" : empty_text));
  }
  return out + "</tbody>\n</table></div>\n";
}

std::string workbook_tables(const Workbook& workbook, Language language) {
  constexpr Words k_none{"（无）", "(none)"};
  std::string out;
  for (const auto& sheet : workbook) {
    out += heading(2, sheet.name);
    out += table(sheet.table, "", false, k_none(language));
  }
  return out;
}

std::string document_section(std::string_view body) {
  return fmt::format("<section class=\"document\">\n{}</section>\n", body);
}

}  // namespace dormlink::report::html
