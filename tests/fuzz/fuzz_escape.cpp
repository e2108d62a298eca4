// Fuzzes the output escapes and the message filter (docs/security.md "Text in outputs",
// "Messages"). Properties, for any bytes:
// - util::escape_hidden: valid UTF-8, no hidden character left (tab and line breaks only where
//   kept), and clean valid text comes back unchanged;
// - Markdown table cells (report::escape_markdown_cell): no line break, no '<' or '>' at all
//   (no raw HTML, <br> included), every '|' escaped, no dangling backslash, no hidden
//   character, and the cell unescapes to the text as escape_hidden shows it on one line;
// - JSON strings (report::json_escape): valid UTF-8 with no control byte and no hidden
//   character, and a JSON reader gets the text back (bytes that are not UTF-8 as U+FFFD);
// - CSV fields (util::csv_escape read back by util::parse_csv; util::csv_text_field) and Excel's
//   formula guard (report::formula_safe);
// - messages: quote_value is "(value not shown)" (in the message language) or a quoted one-line text without hidden
//   characters; scrub_message leaves no hidden character and no mobile number.

#include <algorithm>
#include <string>
#include <vector>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/util/csv.hpp"
#include "dormlink/util/text.hpp"
#include "fuzz_support.hpp"

namespace {

using dormlink::fuzz::require;
namespace util = dormlink::util;

// Undoes escape_markdown_cell's Markdown layer: entities and a backslash before a punctuation mark.
std::string unescape_markdown(std::string_view cell) {
  std::string out;
  std::size_t i = 0;
  while (i < cell.size()) {
    const std::string_view rest = cell.substr(i);
    if (rest.starts_with("&lt;")) {
      out += '<';
      i += 4;
      continue;
    }
    if (rest.starts_with("&gt;")) {
      out += '>';
      i += 4;
      continue;
    }
    if (rest.starts_with("&amp;")) {
      out += '&';
      i += 5;
      continue;
    }
    if (cell[i] == '\\' && i + 1 < cell.size()) {
      out += cell[i + 1];
      i += 2;
      continue;
    }
    out += cell[i];
    ++i;
  }
  return out;
}

// The first hidden character of valid UTF-8 text, tab and line breaks allowed or not.
bool has_hidden(std::string_view text, bool allow_layout) {
  return util::find_hidden_character(text, allow_layout).has_value();
}

void check_escape_hidden(std::string_view text) {
  for (const auto breaks : {util::LineBreaks::keep, util::LineBreaks::mark}) {
    const std::string shown = util::escape_hidden(text, breaks);
    require(dormlink::fuzz::is_strict_utf8(shown), "escape_hidden: valid UTF-8");
    require(!has_hidden(shown, breaks == util::LineBreaks::keep), "escape_hidden: no hidden character left");
    const bool clean = util::is_valid_utf8(text) && !has_hidden(text, breaks == util::LineBreaks::keep);
    if (clean && breaks == util::LineBreaks::keep) require(shown == text, "escape_hidden: clean text unchanged");
  }
}

void check_markdown(std::string_view text) {
  const std::string cell = dormlink::report::escape_markdown_cell(text);
  require(cell.find_first_of("\r\n") == std::string::npos, "markdown: no raw line break");
  require(cell.find_first_of("<>") == std::string::npos, "markdown: no raw < or > (no HTML, no <br>)");
  std::size_t backslashes = 0;
  for (char c : cell) {
    if (c == '|') require(backslashes % 2 == 1, "markdown: every '|' is escaped");
    backslashes = c == '\\' ? backslashes + 1 : 0;
  }
  require(backslashes % 2 == 0, "markdown: no dangling backslash at the end of a cell");
  require(dormlink::fuzz::is_strict_utf8(cell), "markdown: valid UTF-8");
  require(!has_hidden(cell, false), "markdown: no control, bidi, zero-width or separator character");
  require(unescape_markdown(cell) == util::escape_hidden(text, util::LineBreaks::mark),
          "markdown: unescapes to the text as one visible line");
}

// Reads the body of a JSON string literal back (the subset json_escape writes).
std::string unescape_json(std::string_view body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    const char e = body[++i];
    if (e == 'n') {
      out += '\n';
      continue;
    }
    if (e == 'r') {
      out += '\r';
      continue;
    }
    if (e == 't') {
      out += '\t';
      continue;
    }
    if (e != 'u') {
      out += e;
      continue;
    }
    char32_t unit = static_cast<char32_t>(std::stoul(std::string(body.substr(i + 1, 4)), nullptr, 16));
    i += 4;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const auto low = static_cast<char32_t>(std::stoul(std::string(body.substr(i + 3, 4)), nullptr, 16));
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      i += 6;
    }
    util::append_utf8(out, unit);
  }
  return out;
}

// The text as a JSON reader should get it: each byte that is not UTF-8 as U+FFFD.
std::string as_read(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) util::append_utf8(out, util::next_code_point(text, pos));
  return out;
}

void check_json(std::string_view text) {
  const std::string body = dormlink::report::json_escape(text);
  require(dormlink::fuzz::is_strict_utf8(body), "json: valid UTF-8");
  require(std::none_of(body.begin(), body.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }),
          "json: no raw control byte");
  require(!has_hidden(body, false), "json: no raw hidden character");
  require(unescape_json(body) == as_read(text), "json: a reader gets the text back");
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
    csv += util::csv_escape(fields[i]);
    blank = blank && fields[i].empty();
  }
  csv += '\n';
  const auto table = util::parse_csv(csv, "fuzz.csv");
  require(table.delimiter == ',', "csv: the header's comma decides the delimiter");
  if (blank) {
    require(table.records().empty(), "csv: a blank row is dropped");
    return;
  }
  require(table.records().size() == 1, "csv: one escaped row reads as one record");
  require(table.records()[0].fields == fields, "csv: escaped fields read back unchanged");
}

void check_csv_text_field(std::string_view text) {
  const std::string field = util::csv_text_field(text);
  const auto table = util::parse_csv("a\n" + field + "\n", "fuzz.csv");
  const std::string shown = util::escape_hidden(text, util::LineBreaks::keep);
  if (shown.find_first_not_of(" \t\r\n") == std::string::npos) return;  // a blank row is dropped
  const auto records = table.records();
  require(records.size() == 1 && records[0].fields.size() == 1, "csv_text_field: one field");
  require(records[0].fields[0] == shown, "csv_text_field: reads back as the visible text");
}

void check_formula(std::string_view text) {
  const std::string safe = dormlink::report::formula_safe(text);
  const bool dangerous = !safe.empty() && std::string_view("=+-@\t\r").find(safe.front()) != std::string_view::npos;
  require(!dangerous, "formula_safe: never starts with = + - @ TAB CR");
  require(safe == text || safe == "'" + std::string(text), "formula_safe: only prefixes '");
}

// An 11-digit ASCII run 1[3-9]xxxxxxxxx with no digit on either side: a mobile number.
bool has_mobile_number(std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      ++run;
      continue;
    }
    if (run == 11 && text[i - 11] == '1' && text[i - 10] >= '3') return true;
    run = 0;
  }
  return false;
}

void check_messages(std::string_view text) {
  const std::string quoted = dormlink::quote_value(text);
  if (!dormlink::is_sensitive_value(text)) {
    require(quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"', "quote_value: quoted");
    require(!has_hidden(quoted, false), "quote_value: one line, no hidden character");
    require(!has_mobile_number(quoted), "quote_value: no mobile number");
  }
  const std::string scrubbed = dormlink::scrub_message(text);
  require(dormlink::fuzz::is_strict_utf8(scrubbed), "scrub_message: valid UTF-8");
  require(!has_hidden(scrubbed, true), "scrub_message: no hidden character but tab and line breaks");
  require(!has_mobile_number(scrubbed), "scrub_message: no mobile number");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = dormlink::fuzz::as_text(data, size);
  check_escape_hidden(text);
  check_markdown(text);
  check_json(text);
  check_csv(text);
  check_csv_text_field(text);
  check_formula(text);
  check_messages(text);
  return 0;
}
