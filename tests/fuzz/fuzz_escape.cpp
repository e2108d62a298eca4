// Fuzzes the output escapes: Markdown table cells (report::escape_markdown_cell), CSV fields
// (util::csv_escape read back by util::parse_csv) and Excel's formula guard
// (report::formula_safe). Properties, for any bytes: an escaped cell has no raw line break,
// no unescaped '|', no raw '<' and (for UTF-8) no bidi control, and unescapes to the input
// without CRs, bidi controls shown as U+FFFD; an escaped row reads back as the same fields;
// a guarded cell never starts with = + - @ TAB CR.

#include <algorithm>
#include <string>
#include <vector>

#include "dormlink/error.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/util/csv.hpp"
#include "fuzz_support.hpp"

namespace {

using dormlink::fuzz::require;

// Undoes escape_markdown_cell: entities, <br>, and a backslash before a punctuation mark.
std::string unescape_markdown(std::string_view cell) {
  std::string out;
  std::size_t i = 0;
  while (i < cell.size()) {
    const std::string_view rest = cell.substr(i);
    if (rest.starts_with("<br>")) { out += '\n'; i += 4; continue; }
    if (rest.starts_with("&lt;")) { out += '<'; i += 4; continue; }
    if (rest.starts_with("&gt;")) { out += '>'; i += 4; continue; }
    if (rest.starts_with("&amp;")) { out += '&'; i += 5; continue; }
    if (cell[i] == '\\' && i + 1 < cell.size()) { out += cell[i + 1]; i += 2; continue; }
    out += cell[i];
    ++i;
  }
  return out;
}

// U+202A..U+202E (embeddings, overrides) and U+2066..U+2069 (isolates) as UTF-8 at `at`.
bool bidi_control_at(std::string_view text, std::size_t at) {
  if (text.size() - at < 3 || text[at] != '\xE2') return false;
  const auto second = static_cast<unsigned char>(text[at + 1]);
  const auto third = static_cast<unsigned char>(text[at + 2]);
  return (second == 0x80 && third >= 0xAA && third <= 0xAE) ||
         (second == 0x81 && third >= 0xA6 && third <= 0xA9);
}

bool has_bidi_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (bidi_control_at(text, i)) return true;
  }
  return false;
}

// What a reader sees in a cell: the text without CRs, bidi controls shown as U+FFFD.
std::string expected_cell_text(std::string_view raw) {
  std::string text(raw);  // CRs dropped first, as escape_markdown_cell does
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (bidi_control_at(text, i)) {
      out += "\xEF\xBF\xBD";
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

void check_markdown(std::string_view text) {
  const std::string cell = dormlink::report::escape_markdown_cell(text);
  require(cell.find_first_of("\r\n") == std::string::npos, "markdown: no raw line break");
  std::string without_br = cell;
  for (std::size_t at = 0; (at = without_br.find("<br>", at)) != std::string::npos;) {
    without_br.erase(at, 4);
  }
  require(without_br.find_first_of("<>") == std::string::npos, "markdown: no raw < or > (HTML)");
  std::size_t backslashes = 0;
  for (char c : cell) {
    if (c == '|') require(backslashes % 2 == 1, "markdown: every '|' is escaped");
    if (c == '<') require(backslashes % 2 == 0, "markdown: <br> is not escaped");
    backslashes = c == '\\' ? backslashes + 1 : 0;
  }
  require(backslashes % 2 == 0, "markdown: no dangling backslash at the end of a cell");
  // CRs are dropped before bidi controls are replaced, so none can appear in any input.
  require(!has_bidi_control(cell), "markdown: no bidi embedding, override or isolate");
  require(unescape_markdown(cell) == expected_cell_text(text),
          "markdown: unescapes to the text without CRs, bidi controls as U+FFFD");
}

// The input split at NUL bytes into the fields of one data row under a fixed header.
void check_csv(std::string_view text) {
  std::vector<std::string> fields(1);
  for (char c : text) {
    if (c == '\0') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  std::string csv = "a,b\n";
  bool blank = true;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) csv += ',';
    csv += dormlink::util::csv_escape(fields[i]);
    blank = blank && fields[i].empty();
  }
  csv += '\n';
  const auto table = dormlink::util::parse_csv(csv, "fuzz.csv");
  require(table.delimiter == ',', "csv: the header's comma decides the delimiter");
  if (blank) {
    require(table.records().empty(), "csv: a blank row is dropped");
    return;
  }
  require(table.records().size() == 1, "csv: one escaped row reads as one record");
  require(table.records()[0].fields == fields, "csv: escaped fields read back unchanged");
}

void check_formula(std::string_view text) {
  const std::string safe = dormlink::report::formula_safe(text);
  const bool dangerous = !safe.empty() && std::string_view("=+-@\t\r").find(safe.front()) !=
                                              std::string_view::npos;
  require(!dangerous, "formula_safe: never starts with = + - @ TAB CR");
  require(safe == text || safe == "'" + std::string(text), "formula_safe: only prefixes '");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = dormlink::fuzz::as_text(data, size);
  check_markdown(text);
  check_csv(text);
  check_formula(text);
  return 0;
}
