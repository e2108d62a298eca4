// The parts of a workbook around its sheets (src/xlsx/read_internal.hpp): xl/workbook.xml, its
// relationships, the shared strings and the styles' number formats.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "read_internal.hpp"

namespace dormlink::xlsx::detail {
namespace {

// The sheets and the date system.
class WorkbookHandler : public XmlHandler {
 public:
  WorkbookHandler(WorkbookInfo& info, ReadContext& context) : m_info(info), m_context(context) {}

  void start(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "workbookPr") {
      const std::string_view value = attribute(attributes, "date1904");
      m_info.date1904 = value == "1" || value == "true";
    } else if (name == "sheet") {
      if (m_info.sheets.size() >= m_context.limits.max_entries) {
        fail(m_context, msg::too_many_sheets(m_context.limits.max_entries, msg::save_again()));
      }
      SheetEntry entry;
      entry.name = std::string(attribute(attributes, "name"));
      const std::string_view state = attribute(attributes, "state");
      entry.hidden = state == "hidden" || state == "veryHidden";
      for (const XmlAttribute& a : attributes) {
        if (!a.ns.empty() && a.name == "id") entry.relationship_id = std::string(a.value);
      }
      m_info.sheets.push_back(std::move(entry));
    }
  }
  void end(std::string_view /*name*/) override {}
  void text(std::string_view /*chars*/) override {}

 private:
  WorkbookInfo& m_info;
  ReadContext& m_context;
};

// Id -> type and resolved target, internal targets only.
class RelationshipsHandler : public XmlHandler {
 public:
  RelationshipsHandler(Relationships& relationships, std::string_view base)
      : m_relationships(relationships), m_base(base) {}

  void start(std::string_view name, const XmlAttributes& attributes) override {
    if (name != "Relationship" || attribute(attributes, "TargetMode") == "External") return;
    const auto target = resolve_target(m_base, attribute(attributes, "Target"));
    if (!target) return;  // climbs out of the archive: no part of it
    m_relationships.emplace(std::string(attribute(attributes, "Id")),
                            Relationship{std::string(attribute(attributes, "Type")), *target});
  }
  void end(std::string_view /*name*/) override {}
  void text(std::string_view /*chars*/) override {}

 private:
  Relationships& m_relationships;
  std::string_view m_base;
};

// <si> items: the <t> of plain and rich text (<r><t>), without phonetic runs (<rPh>).
class SharedStringsHandler : public XmlHandler {
 public:
  SharedStringsHandler(SharedStrings& strings, ReadContext& context) : m_strings(strings), m_context(context) {}

  void start(std::string_view name, const XmlAttributes& /*attributes*/) override {
    if (name == "si") {
      if (m_strings.size() >= m_context.limits.max_cells) {
        fail(m_context, msg::too_many_strings(m_context.limits.max_cells, msg::save_again()));
      }
      m_in_item = true;
      m_raw.clear();
      m_too_long = false;
    } else if (name == "rPh") {
      ++m_phonetic;
    } else if (name == "t") {
      m_in_text = m_in_item && m_phonetic == 0;
    }
  }

  void end(std::string_view name) override {
    if (name == "t") {
      m_in_text = false;
    } else if (name == "rPh") {
      if (m_phonetic > 0) --m_phonetic;
    } else if (name == "si" && m_in_item) {
      m_in_item = false;
      std::string decoded = decode_escapes(m_raw);
      if (m_too_long || decoded.size() > m_context.limits.max_cell_bytes) {
        m_strings.emplace_back(std::nullopt);
      } else {
        m_strings.emplace_back(std::move(decoded));
      }
    }
  }

  void text(std::string_view chars) override {
    if (!m_in_text || m_too_long) return;
    // Escapes shrink 7 bytes to one character, so raw text is kept up to 7 times the limit.
    if (m_raw.size() + chars.size() > 7 * m_context.limits.max_cell_bytes) {
      m_too_long = true;
      m_raw.clear();
      return;
    }
    m_raw.append(chars);
  }

  std::string where() const override { return msg::at_shared_string(m_strings.size() + 1); }

 private:
  SharedStrings& m_strings;
  ReadContext& m_context;
  std::string m_raw;
  bool m_in_item = false;
  bool m_in_text = false;
  bool m_too_long = false;
  int m_phonetic = 0;
};

// numFmts (custom codes by id) and the numFmtId of each cellXfs <xf>; the number formats of
// conditional formats (<dxfs>) reuse ids and are left out.
class StylesHandler : public XmlHandler {
 public:
  void start(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "numFmts") {
      m_in_num_fmts = true;
    } else if (name == "numFmt" && m_in_num_fmts) {  // not a conditional format's (<dxf>)
      const auto id = parse_index(attribute(attributes, "numFmtId"), 1u << 20);
      if (id) m_codes[static_cast<long>(*id)] = std::string(attribute(attributes, "formatCode"));
    } else if (name == "cellXfs") {
      m_in_cell_xfs = true;
    } else if (name == "xf" && m_in_cell_xfs) {
      const auto id = parse_index(attribute(attributes, "numFmtId"), 1u << 20);
      m_formats.push_back(id ? static_cast<long>(*id) : 0);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") m_in_cell_xfs = false;
    if (name == "numFmts") m_in_num_fmts = false;
  }
  void text(std::string_view /*chars*/) override {}

  Styles styles() const {
    Styles styles;
    styles.date_style.reserve(m_formats.size());
    for (const long id : m_formats) {
      const auto code = m_codes.find(id);
      styles.date_style.push_back(code != m_codes.end() ? is_date_format(code->second) : is_builtin_date_format(id));
    }
    return styles;
  }

 private:
  std::map<long, std::string> m_codes;
  std::vector<long> m_formats;
  bool m_in_cell_xfs = false;
  bool m_in_num_fmts = false;
};

}  // namespace

WorkbookInfo parse_workbook(std::string_view xml, const std::string& part, ReadContext& context) {
  WorkbookInfo info;
  WorkbookHandler handler(info, context);
  parse_xml(xml, part, handler, context);
  return info;
}

Relationships parse_relationships(std::string_view xml, const std::string& part, std::string_view base,
                                  ReadContext& context) {
  Relationships relationships;
  RelationshipsHandler handler(relationships, base);
  parse_xml(xml, part, handler, context);
  return relationships;
}

SharedStrings parse_shared_strings(std::string_view xml, const std::string& part, ReadContext& context) {
  SharedStrings strings;
  SharedStringsHandler handler(strings, context);
  parse_xml(xml, part, handler, context);
  return strings;
}

Styles parse_styles(std::string_view xml, const std::string& part, ReadContext& context) {
  StylesHandler handler;
  parse_xml(xml, part, handler, context);
  return handler.styles();
}

}  // namespace dormlink::xlsx::detail
