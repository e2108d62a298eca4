#pragma once
// HTML reports (docs/html.md): one self-contained file per document — inline CSS and SVG, no
// script, nothing fetched — printable on A4 and readable on a phone. The renderers only lay out
// what the report builders computed: the tables are the report's own Workbook (the same sheets
// CSV and Excel print, privacy applied), and the charts are drawn from the same structs.

#include <string>
#include <string_view>
#include <vector>

#include "dormlink/language.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report::html {

// Text as HTML character data or an attribute value: & < > " ' escaped, and every hidden
// character (controls, bidi overrides and isolates, zero-width) shown as its visible escape
// (util::escape_hidden), so a hostile value renders as the text it is and cannot reorder what
// follows it.
std::string escape(std::string_view text);

// What kind of page: a report to print on A4, or a digest to read on a phone.
enum class Layout { a4, phone };

// One HTML document: its <title>, language (lang="zh-CN" / "en") and body (already HTML).
struct Page {
  std::string title;
  Language language = Language::zh;
  Layout layout = Layout::a4;
  std::string body;
};

// <!DOCTYPE html> with <meta charset>, viewport, a Content-Security-Policy that forbids every
// script and every fetch (default-src 'none'; style-src 'unsafe-inline'; img-src data:), the
// inline style sheet (screen and print: A4 margins, table headers repeated on every page,
// `section.document` starting a new page) and the body.
std::string render_page(const Page& page);

// A heading <h1>/<h2>/<h3> of escaped text.
std::string heading(int level, std::string_view text);

// A paragraph of escaped text.
std::string paragraph(std::string_view text, std::string_view css_class = "");

// A definition list of label/value pairs (the header of a form or summary).
std::string facts(const std::vector<std::pair<std::string, std::string>>& pairs);

// A table with a <caption>, header cells <th scope="col"> in <thead>, the first cell of each
// row <th scope="row"> when `row_headers`, numbers (right-aligned columns) in class "num".
// An empty table still has its header and one row saying `empty_text`.
std::string table(const Table& table, std::string_view caption, bool row_headers = false,
                  std::string_view empty_text = "");

// Every sheet of a workbook as a table under an <h2> of the sheet's name, in order.
std::string workbook_tables(const Workbook& workbook, Language language);

// A <section class="document"> holding `body`: in --all, each member's form is one, and
// printing starts each on a new page.
std::string document_section(std::string_view body);

}  // namespace dormlink::report::html
