// One worksheet (src/xlsx/read_internal.hpp): <sheetData> rows and cells into a grid of typed
// cells, and <mergeCells>, within the limits of rows, columns, cells and text.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "dormlink/message.hpp"
#include "dormlink/util/text.hpp"
#include "read_internal.hpp"

namespace dormlink::xlsx::detail {
namespace {

constexpr std::size_t k_last_row_index = 1048575;  // row 1048576, 0-based

// What one <c> holds while it is read.
struct RawCell {
  std::size_t row = 0;
  std::size_t col = 0;
  std::string type;  // the t attribute
  std::size_t style = 0;
  std::string value;        // <v>
  std::string inline_text;  // <is>: <t> and rich runs' <t>, phonetic runs left out
};

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const SheetInput& input, Sheet& sheet, ReadContext& context)
      : m_input(input), m_sheet(sheet), m_context(context) {}

  void start(std::string_view name, const XmlAttributes& attributes) override;
  void end(std::string_view name) override;
  void text(std::string_view chars) override;
  std::string where() const override {
    if (!m_in_cell) return msg::at_sheet(quote_value(m_sheet.name));
    return msg::at_cell(quote_value(m_sheet.name), cell_reference(m_cell.row, m_cell.col));
  }

 private:
  [[noreturn]] void refuse(const std::string& what) const { fail(m_context, msg::located(where(), what)); }
  void start_row(const XmlAttributes& attributes);
  void start_cell(const XmlAttributes& attributes);
  void add_merged(std::string_view ref);
  Cell make_cell() const;
  Cell make_number() const;
  std::string text_of(std::string_view raw) const { return checked(decode_escapes(raw)); }
  std::string checked(std::string text) const;
  void store(Cell cell);
  void count_cells(std::size_t added);

  const SheetInput& m_input;
  Sheet& m_sheet;
  ReadContext& m_context;
  RawCell m_cell;
  bool m_in_data = false;
  bool m_in_cell = false;
  bool m_in_value = false;
  bool m_in_inline = false;
  bool m_in_text = false;
  int m_phonetic = 0;
  std::size_t m_row = 0;
  bool m_any_row = false;
  std::size_t m_next_col = 0;
};

void SheetHandler::start(std::string_view name, const XmlAttributes& attributes) {
  if (name == "sheetData") {
    m_in_data = true;
  } else if (!m_in_data) {
    if (name == "mergeCell") add_merged(attribute(attributes, "ref"));
  } else if (name == "row") {
    start_row(attributes);
  } else if (name == "c") {
    start_cell(attributes);
  } else if (!m_in_cell) {
    return;
  } else if (name == "v") {
    m_in_value = !m_in_inline;
  } else if (name == "is") {
    m_in_inline = true;
  } else if (name == "rPh") {
    ++m_phonetic;
  } else if (name == "t") {
    m_in_text = m_in_inline && m_phonetic == 0;
  }
}

void SheetHandler::end(std::string_view name) {
  if (name == "sheetData") {
    m_in_data = false;
  } else if (!m_in_cell) {
    return;
  } else if (name == "c") {
    store(make_cell());
    m_in_cell = false;
  } else if (name == "v") {
    m_in_value = false;
  } else if (name == "is") {
    m_in_inline = false;
  } else if (name == "rPh") {
    if (m_phonetic > 0) --m_phonetic;
  } else if (name == "t") {
    m_in_text = false;
  }
}

void SheetHandler::text(std::string_view chars) {
  std::string* into = m_in_value ? &m_cell.value : (m_in_text ? &m_cell.inline_text : nullptr);
  if (into == nullptr) return;
  // Escapes shrink 7 bytes to one character, so raw text is kept up to 7 times the limit.
  if (into->size() + chars.size() > 7 * m_context.limits.max_cell_bytes) {
    refuse(msg::cell_too_long(size_text(m_context.limits.max_cell_bytes)));
  }
  into->append(chars);
}

void SheetHandler::start_row(const XmlAttributes& attributes) {
  if (has_attribute(attributes, "r")) {
    const auto number = parse_index(attribute(attributes, "r"), k_last_row_index + 1);
    if (!number || *number == 0) {
      refuse(msg::bad_row_number(quote_value(attribute(attributes, "r")), msg::save_again()));
    }
    m_row = *number - 1;
  } else if (m_any_row) {
    if (m_row == k_last_row_index) refuse(msg::row_after_last(msg::save_again()));
    ++m_row;
  }
  m_any_row = true;
  m_next_col = 0;
}

void SheetHandler::start_cell(const XmlAttributes& attributes) {
  m_cell = RawCell{};
  m_in_cell = true;
  m_in_value = m_in_inline = m_in_text = false;
  m_phonetic = 0;
  if (has_attribute(attributes, "r")) {
    const auto ref = parse_reference(attribute(attributes, "r"));
    if (!ref) {
      m_cell.row = m_row;
      m_cell.col = m_next_col;
      refuse(msg::bad_cell_name(quote_value(attribute(attributes, "r")), msg::save_again()));
    }
    std::tie(m_cell.row, m_cell.col) = *ref;
  } else {
    m_cell.row = m_row;
    m_cell.col = m_next_col;
    if (m_cell.col > 16383) refuse(msg::cell_after_last(msg::save_again()));
  }
  m_next_col = m_cell.col + 1;
  m_cell.type = std::string(attribute(attributes, "t"));
  if (m_cell.type.size() > 16) m_cell.type.resize(16);
  m_cell.style = parse_index(attribute(attributes, "s"), 1u << 20).value_or(0);
}

void SheetHandler::add_merged(std::string_view ref) {
  const auto colon = ref.find(':');
  const auto first = parse_reference(ref.substr(0, colon));
  const auto last = colon == std::string_view::npos ? first : parse_reference(ref.substr(colon + 1));
  if (!first || !last || last->first < first->first || last->second < first->second) {
    refuse(msg::bad_merge(quote_value(ref), msg::save_again()));
  }
  count_cells(1);
  m_sheet.merged.push_back(Sheet::Range{first->first, first->second, last->first, last->second});
}

// Decoded text; over the limit or not UTF-8 is refused.
std::string SheetHandler::checked(std::string text) const {
  if (text.size() > m_context.limits.max_cell_bytes) {
    refuse(msg::cell_too_long(size_text(m_context.limits.max_cell_bytes)));
  }
  if (!util::is_valid_utf8(text)) {
    refuse(msg::text_not_utf8(util::describe_invalid_utf8(text), msg::save_again()));
  }
  return text;
}

Cell SheetHandler::make_cell() const {
  const std::string& t = m_cell.type;
  Cell cell;
  if (t == "s") {
    const auto index = parse_index(util::trim(m_cell.value), m_input.strings.size());
    if (!index || *index >= m_input.strings.size()) {
      refuse(msg::no_such_shared_string(quote_value(m_cell.value), msg::save_again()));
    }
    const auto& shared = m_input.strings[*index];
    if (!shared) {
      refuse(msg::cell_too_long(size_text(m_context.limits.max_cell_bytes)));
    }
    cell.text = checked(*shared);  // decoded when the shared strings were read
  } else if (t == "inlineStr") {
    cell.text = text_of(m_cell.inline_text);
  } else if (t == "str") {
    cell.text = text_of(m_cell.value);
  } else if (t == "b" || t == "e" || t == "d") {
    if (m_cell.value.empty()) return cell;
    if (t == "b") {
      const std::string_view v = util::trim(m_cell.value);
      if (v != "0" && v != "1" && v != "true" && v != "false") {
        refuse(msg::bad_boolean(quote_value(v), msg::save_again()));
      }
      cell.type = Cell::Type::boolean;
      cell.text = (v == "1" || v == "true") ? "TRUE" : "FALSE";
      return cell;
    }
    if (t == "e") {
      cell.type = Cell::Type::error;
      cell.text = text_of(m_cell.value);
      return cell;
    }
    const auto serial = iso_to_serial(util::trim(m_cell.value), m_input.date1904);
    const auto when = serial ? to_local_date_time(*serial, m_input.date1904) : std::nullopt;
    if (!when) {
      cell.text = text_of(m_cell.value);  // a date Excel cannot show stays the text it was
    } else {
      cell.type = Cell::Type::date;
      cell.number = *serial;
      cell.text = format_local(*when);
      return cell;
    }
  } else if (t.empty() || t == "n") {
    return make_number();
  } else {
    refuse(msg::bad_cell_type(quote_value(t), msg::save_again()));
  }
  if (!cell.text.empty()) cell.type = Cell::Type::text;
  return cell;
}

// A number, or a date when its style's number format shows one and it is a date Excel shows.
Cell SheetHandler::make_number() const {
  Cell cell;
  if (util::trim(m_cell.value).empty()) return cell;
  const auto number = parse_number(m_cell.value);
  if (!number) refuse(msg::bad_number(quote_value(m_cell.value), msg::save_again()));
  cell.number = *number;
  if (m_input.styles.is_date(m_cell.style)) {
    if (const auto when = to_local_date_time(*number, m_input.date1904)) {
      cell.type = Cell::Type::date;
      cell.text = format_local(*when);
      return cell;
    }
  }
  cell.type = Cell::Type::number;
  cell.text = shortest_decimal(*number);
  return cell;
}

void SheetHandler::count_cells(std::size_t added) {
  m_context.cells += added;
  if (m_context.cells > m_context.limits.max_cells) {
    refuse(msg::too_many_cells(m_context.limits.max_cells));
  }
}

// Stores a non-empty cell, padding its row and the rows before it.
void SheetHandler::store(Cell cell) {
  if (cell.type == Cell::Type::empty) return;
  const ReadLimits& limits = m_context.limits;
  if (m_cell.row >= limits.max_rows) {
    refuse(msg::rows_beyond(limits.max_rows));
  }
  if (m_cell.col >= limits.max_columns) {
    refuse(msg::columns_beyond(column_name(limits.max_columns - 1), limits.max_columns));
  }
  m_context.text_bytes += cell.text.size();
  if (m_context.text_bytes > limits.max_file_bytes) {
    refuse(msg::too_much_text(size_text(limits.max_file_bytes)));
  }
  auto& rows = m_sheet.rows;
  if (rows.size() <= m_cell.row) rows.resize(m_cell.row + 1);
  auto& row = rows[m_cell.row];
  if (row.size() <= m_cell.col) {
    count_cells(m_cell.col + 1 - row.size());
    row.resize(m_cell.col + 1);
  }
  row[m_cell.col] = std::move(cell);
}

}  // namespace

void parse_sheet(std::string_view xml, const std::string& part, const SheetInput& input, Sheet& sheet,
                 ReadContext& context) {
  SheetHandler handler(input, sheet, context);
  parse_xml(xml, part, handler, context);
}

}  // namespace dormlink::xlsx::detail
