#pragma once
// What the files of the xlsx reader share (include/dormlink/xlsx/read.hpp): the XML events
// read.cpp delivers from expat, the reading context with its limits and budgets, and the parts
// of a workbook as the other read_*.cpp files parse them. Private to src/xlsx.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dormlink/xlsx/read.hpp"
#include "messages.hpp"

namespace dormlink::xlsx::detail {

// The limits, the file's name for messages, and what the book holds so far.
struct ReadContext {
  const std::string& source;
  const ReadLimits& limits;
  std::size_t cells = 0;       // cells held (padding and merged ranges included)
  std::size_t text_bytes = 0;  // bytes of cell text held
};

// A size for messages: "64 MiB", "32 KiB" or "1000 bytes".
std::string size_text(std::size_t bytes);
// A column's letters: 0 -> "A", 255 -> "IV".
std::string column_name(std::size_t col);

// Throws DataError "<source>: <what>".
[[noreturn]] void fail(const ReadContext& context, const std::string& what);

// One attribute of an element: its namespace URI (empty when none), local name and value.
struct XmlAttribute {
  std::string_view ns;
  std::string_view name;
  std::string_view value;
};
using XmlAttributes = std::vector<XmlAttribute>;

// The value of the attribute with this local name and no namespace; empty when absent.
std::string_view attribute(const XmlAttributes& attributes, std::string_view name);
// Whether the attribute with this local name and no namespace is present.
bool has_attribute(const XmlAttributes& attributes, std::string_view name);

// Receives the events of one XML part. Element names are local names: any namespace prefix is
// resolved away. A handler reports bad content by throwing DataError.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XmlAttributes& attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view chars) = 0;
  // Where the parse is, for messages about damaged XML: "sheet \"x\", cell B3"; empty when the
  // part has no such place.
  virtual std::string where() const { return {}; }
};

// Parses one part with expat (namespaces resolved, no DOCTYPE or entity declarations, no
// external entities). Throws DataError naming the part and line when the XML is damaged.
void parse_xml(std::string_view xml, const std::string& part, XmlHandler& handler, const ReadContext& context);

// A sheet as xl/workbook.xml lists it.
struct SheetEntry {
  std::string name;
  bool hidden = false;
  std::string relationship_id;
};

// What xl/workbook.xml says.
struct WorkbookInfo {
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

// One relationship of a .rels part.
struct Relationship {
  std::string type;    // the type URI
  std::string target;  // the part's name in the zip, resolved (no leading '/')
};
using Relationships = std::map<std::string, Relationship>;  // by Id

// Shared strings by index; nullopt for a string over max_cell_bytes (refused when a cell uses it).
using SharedStrings = std::vector<std::optional<std::string>>;

// Per cellXfs index (a cell's s attribute): whether its number format shows a date.
struct Styles {
  std::vector<bool> date_style;
  bool is_date(std::size_t style) const { return style < date_style.size() && date_style[style]; }
};

// What a sheet's cells are read with.
struct SheetInput {
  const SharedStrings& strings;
  const Styles& styles;
  bool date1904 = false;
};

WorkbookInfo parse_workbook(std::string_view xml, const std::string& part, ReadContext& context);
// `base` is the folder the part's targets are relative to ("xl/").
Relationships parse_relationships(std::string_view xml, const std::string& part, std::string_view base,
                                  ReadContext& context);
SharedStrings parse_shared_strings(std::string_view xml, const std::string& part, ReadContext& context);
Styles parse_styles(std::string_view xml, const std::string& part, ReadContext& context);
// Fills sheet.rows and sheet.merged (sheet.name is already set).
void parse_sheet(std::string_view xml, const std::string& part, const SheetInput& input, Sheet& sheet,
                 ReadContext& context);

// A relationship's target as a part name: relative to `base`, or absolute ("/xl/..."); nullopt
// when it climbs out of the archive.
std::optional<std::string> resolve_target(std::string_view base, std::string_view target);

// Whether a custom number format code shows a date or time: d, m, y, h or s outside quoted
// text, [brackets] and escaped characters; "General" is not.
bool is_date_format(std::string_view code);
// Whether a built-in number format id is a date or time format (14-22, 27-36, 45-47, 50-58).
bool is_builtin_date_format(long id);

// A cell reference ("B3", case-insensitive) as 0-based (row, col); nullopt when malformed or
// beyond XFD1048576.
std::optional<std::pair<std::size_t, std::size_t>> parse_reference(std::string_view ref);
// A decimal row or index without sign or junk; nullopt otherwise or when over `max`.
std::optional<std::size_t> parse_index(std::string_view text, std::size_t max);
// An XML number value ("42", "-3.5E-2"), finite; nullopt otherwise.
std::optional<double> parse_number(std::string_view text);
// The shortest decimal that reads back as the same double ("42", "3.5"; never "-0").
std::string shortest_decimal(double value);
// Excel's _xHHHH_ escapes decoded (_x000D_ -> CR; _x005F_ -> '_', so _x005F_x000D_ -> "_x000D_").
std::string decode_escapes(std::string_view text);
// An ISO 8601 date or date-time (t="d": "2026-03-01", "2026-03-01T19:30:00Z") as a serial of the
// date system; nullopt when malformed.
std::optional<double> iso_to_serial(std::string_view text, bool date1904);

}  // namespace dormlink::xlsx::detail
