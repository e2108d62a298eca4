// Reading .xlsx files (include/dormlink/xlsx/read.hpp): the zip through minizip from memory
// and the XML through expat (the only code that includes either), within ReadLimits. The parts
// themselves are parsed by read_parts.cpp and read_sheet.cpp.
#include "dormlink/xlsx/read.hpp"

#include <expat.h>
#include <ioapi.h>
#include <unzip.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/text.hpp"
#include "read_internal.hpp"

namespace dormlink::xlsx {
namespace detail {

void fail(const ReadContext& context, const std::string& what) { throw DataError(msg::located(context.source, what)); }

}  // namespace detail

namespace {

using detail::fail;
using detail::ReadContext;

constexpr std::size_t k_chunk = 64u << 10;  // bytes inflated per read
constexpr char k_ns_separator = '\x01';     // between namespace URI and local name in expat's names

// The bytes minizip reads, as a file: its ioapi callbacks over memory, never a temp file.
struct MemoryFile {
  std::string_view bytes;
  ZPOS64_T pos = 0;
};

voidpf open_memory(voidpf opaque, const void* /*name*/, int mode) {
  if ((mode & ZLIB_FILEFUNC_MODE_WRITE) != 0) return nullptr;
  auto* file = static_cast<MemoryFile*>(opaque);
  file->pos = 0;
  return file;
}

uLong read_memory(voidpf /*opaque*/, voidpf stream, void* buffer, uLong size) {
  auto* file = static_cast<MemoryFile*>(stream);
  const ZPOS64_T left = file->pos < file->bytes.size() ? file->bytes.size() - file->pos : 0;
  const auto count = static_cast<uLong>(std::min<ZPOS64_T>(size, left));
  if (count > 0) std::memcpy(buffer, file->bytes.data() + file->pos, count);
  file->pos += count;
  return count;
}

uLong write_memory(voidpf /*opaque*/, voidpf /*stream*/, const void* /*buffer*/, uLong /*size*/) { return 0; }

ZPOS64_T tell_memory(voidpf /*opaque*/, voidpf stream) { return static_cast<MemoryFile*>(stream)->pos; }

long seek_memory(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
  auto* file = static_cast<MemoryFile*>(stream);
  const ZPOS64_T size = file->bytes.size();
  ZPOS64_T from = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR) {
    from = file->pos;
  } else if (origin == ZLIB_FILEFUNC_SEEK_END) {
    from = size;
  } else if (origin != ZLIB_FILEFUNC_SEEK_SET) {
    return -1;
  }
  if (offset > size || from > size - offset) return -1;
  file->pos = from + offset;
  return 0;
}

int close_memory(voidpf /*opaque*/, voidpf /*stream*/) { return 0; }

int error_memory(voidpf /*opaque*/, voidpf /*stream*/) { return 0; }

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// An entry name that could point outside the archive: a ".." component, a leading '/' or a
// backslash.
bool unsafe_name(std::string_view name) {
  if (name.starts_with('/') || name.find('\\') != std::string_view::npos) return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t slash = name.find('/', start);
    if (slash == std::string_view::npos) slash = name.size();
    if (name.substr(start, slash - start) == "..") return true;
    start = slash + 1;
  }
  return false;
}

// The zip archive of an .xlsx file: its entries indexed once (names checked, counted), and
// parts read by name (case-insensitively, as OOXML names are) within the limits.
class Zip {
 public:
  Zip(std::string_view bytes, ReadContext& context) : m_file{bytes, 0}, m_context(context) {
    zlib_filefunc64_def functions{};
    functions.zopen64_file = open_memory;
    functions.zread_file = read_memory;
    functions.zwrite_file = write_memory;
    functions.ztell64_file = tell_memory;
    functions.zseek64_file = seek_memory;
    functions.zclose_file = close_memory;
    functions.zerror_file = error_memory;
    functions.opaque = &m_file;
    m_zip = unzOpen2_64("memory", &functions);
    if (m_zip == nullptr) {
      fail(context, msg::unreadable_zip(msg::save_again()));
    }
    try {
      index();
    } catch (...) {
      unzClose(m_zip);  // no destructor runs for a constructor that throws
      throw;
    }
  }
  ~Zip() { unzClose(m_zip); }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  bool has(std::string_view name) const { return m_entries.count(lowercase(name)) > 0; }
  // The part's bytes, inflated and checked: CRC, the ratio, the total of all parts read.
  std::string read(const std::string& name);

 private:
  void index();
  void damaged(const std::string& name) const { fail(m_context, msg::part_damaged(name, msg::save_again())); }
  void inflate(const std::string& name, std::uint64_t compressed, std::string& out);

  MemoryFile m_file;
  ReadContext& m_context;
  unzFile m_zip = nullptr;
  std::map<std::string, unz64_file_pos> m_entries;  // by lowercase name
  std::size_t m_total = 0;                          // bytes inflated so far, all parts
};

void Zip::index() {
  const ReadLimits& limits = m_context.limits;
  unz_global_info64 global{};
  if (unzGetGlobalInfo64(m_zip, &global) != UNZ_OK) damaged(msg::directory());
  if (global.number_entry > limits.max_entries) {
    fail(m_context, msg::too_many_entries(global.number_entry, limits.max_entries, msg::save_again()));
  }
  std::string name(65536, '\0');
  int rc = unzGoToFirstFile(m_zip);
  for (std::size_t count = 0; rc == UNZ_OK; rc = unzGoToNextFile(m_zip)) {
    if (++count > limits.max_entries) {
      fail(m_context, msg::more_entries(limits.max_entries, msg::save_again()));
    }
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(m_zip, &info, name.data(), name.size(), nullptr, 0, nullptr, 0) != UNZ_OK) {
      damaged(msg::directory());
    }
    const std::string_view entry(name.data(), std::min<std::size_t>(info.size_filename, name.size()));
    if (unsafe_name(entry)) {
      fail(m_context, msg::unsafe_entry(quote_value(entry), msg::save_again()));
    }
    unz64_file_pos pos{};
    if (unzGetFilePos64(m_zip, &pos) != UNZ_OK) damaged(msg::directory());
    m_entries.emplace(lowercase(entry), pos);
  }
  if (rc != UNZ_END_OF_LIST_OF_FILE) damaged(msg::directory());
}

std::string Zip::read(const std::string& name) {
  const auto found = m_entries.find(lowercase(name));
  if (found == m_entries.end()) {
    fail(m_context, msg::part_missing(name, msg::save_again()));
  }
  unz64_file_pos pos = found->second;
  unz_file_info64 info{};
  if (unzGoToFilePos64(m_zip, &pos) != UNZ_OK ||
      unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
    damaged(name);
  }
  if ((info.flag & 1U) != 0) {
    fail(m_context, msg::encrypted(name));
  }
  if (unzOpenCurrentFile(m_zip) != UNZ_OK) damaged(name);
  std::string out;
  try {
    inflate(name, info.compressed_size, out);
  } catch (...) {
    unzCloseCurrentFile(m_zip);
    throw;
  }
  if (unzCloseCurrentFile(m_zip) != UNZ_OK) damaged(name);
  return out;
}

void Zip::inflate(const std::string& name, std::uint64_t compressed, std::string& out) {
  const ReadLimits& limits = m_context.limits;
  // No entry holds more compressed bytes than the file: a header that claims more is a lie.
  const double packed =
      static_cast<double>(std::max<std::uint64_t>(1, std::min<std::uint64_t>(compressed, m_file.bytes.size())));
  std::string chunk(k_chunk, '\0');
  for (;;) {
    const int got = unzReadCurrentFile(m_zip, chunk.data(), static_cast<unsigned>(chunk.size()));
    if (got < 0) damaged(name);
    if (got == 0) return;
    m_total += static_cast<std::size_t>(got);
    if (m_total > limits.max_file_bytes) {
      fail(m_context, msg::inflates_too_much(detail::size_text(limits.max_file_bytes)));
    }
    out.append(chunk.data(), static_cast<std::size_t>(got));
    if (out.size() > limits.ratio_grace_bytes && static_cast<double>(out.size()) > limits.max_ratio * packed) {
      fail(m_context, msg::inflates_too_many_fold(name, limits.max_ratio));
    }
  }
}

// A name from expat: "uri\x01local" or "local".
std::pair<std::string_view, std::string_view> split_name(const XML_Char* name) {
  const std::string_view full(name);
  const auto separator = full.rfind(k_ns_separator);
  if (separator == std::string_view::npos) return {{}, full};
  return {full.substr(0, separator), full.substr(separator + 1)};
}

// One expat parse: the handler's exceptions are kept and rethrown after expat returns, so none
// unwinds through C code; DOCTYPEs and entity declarations stop the parse.
struct ExpatState {
  XML_Parser parser = nullptr;
  detail::XmlHandler& handler;
  detail::XmlAttributes attributes;
  std::exception_ptr error;
  bool doctype = false;
};

template <typename F>
void guarded(ExpatState& state, F&& f) {
  if (state.error) return;
  try {
    f();
  } catch (...) {
    state.error = std::current_exception();
    XML_StopParser(state.parser, XML_FALSE);
  }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto& state = *static_cast<ExpatState*>(data);
  guarded(state, [&] {
    state.attributes.clear();
    for (const XML_Char** a = attributes; a[0] != nullptr && a[1] != nullptr; a += 2) {
      const auto [ns, local] = split_name(a[0]);
      state.attributes.push_back({ns, local, std::string_view(a[1])});
    }
    state.handler.start(split_name(name).second, state.attributes);
  });
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  auto& state = *static_cast<ExpatState*>(data);
  guarded(state, [&] { state.handler.end(split_name(name).second); });
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  auto& state = *static_cast<ExpatState*>(data);
  guarded(state, [&] { state.handler.text(std::string_view(text, static_cast<std::size_t>(length))); });
}

void XMLCALL on_doctype(void* data, const XML_Char* /*name*/, const XML_Char* /*sysid*/, const XML_Char* /*pubid*/,
                        int /*internal_subset*/) {
  auto& state = *static_cast<ExpatState*>(data);
  state.doctype = true;
  XML_StopParser(state.parser, XML_FALSE);
}

void XMLCALL on_entity(void* data, const XML_Char* /*name*/, int /*parameter*/, const XML_Char* /*value*/,
                       int /*length*/, const XML_Char* /*base*/, const XML_Char* /*sysid*/, const XML_Char* /*pubid*/,
                       const XML_Char* /*notation*/) {
  on_doctype(data, nullptr, nullptr, nullptr, 0);
}

int XMLCALL on_external_entity(XML_Parser /*parser*/, const XML_Char* /*context*/, const XML_Char* /*base*/,
                               const XML_Char* /*sysid*/, const XML_Char* /*pubid*/) {
  return XML_STATUS_ERROR;
}

// The message for XML expat refused: invalid UTF-8 is named as such.
std::string xml_problem(XML_Parser parser, std::string_view xml) {
  const auto offset = XML_GetCurrentByteIndex(parser);
  const auto bad = util::find_invalid_utf8(xml);
  if (bad && offset >= 0 && *bad <= static_cast<std::size_t>(offset) + 4) {
    return msg::xml_not_utf8(util::describe_invalid_utf8(xml));
  }
  return msg::xml_malformed(XML_ErrorString(XML_GetErrorCode(parser)));
}

}  // namespace

namespace detail {

void parse_xml(std::string_view xml, const std::string& part, XmlHandler& handler, const ReadContext& context) {
  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreateNS(nullptr, k_ns_separator),
                                                                      &XML_ParserFree);
  if (!parser) throw std::bad_alloc();
  ExpatState state{parser.get(), handler, {}, nullptr, false};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  XML_SetEntityDeclHandler(parser.get(), on_entity);
  XML_SetExternalEntityRefHandler(parser.get(), on_external_entity);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  std::size_t done = 0;
  XML_Status status = XML_STATUS_OK;
  do {  // expat takes an int length: a large part goes in pieces
    const std::size_t piece = std::min<std::size_t>(xml.size() - done, 1u << 30);
    status = XML_Parse(parser.get(), xml.data() + done, static_cast<int>(piece), done + piece == xml.size());
    done += piece;
  } while (status == XML_STATUS_OK && done < xml.size());
  if (state.error) std::rethrow_exception(state.error);
  if (state.doctype) {
    fail(context, msg::doctype(part));
  }
  if (status != XML_STATUS_OK) {
    const std::string where = handler.where();
    const auto problem = xml_problem(parser.get(), xml);
    const auto line = XML_GetCurrentLineNumber(parser.get());
    fail(context, where.empty() ? msg::xml_damaged(part, problem, line, msg::save_again())
                                : msg::xml_damaged_at(where, part, problem, line, msg::save_again()));
  }
}

}  // namespace detail

namespace {

// Refuses what is plainly no .xlsx before minizip sees it: an OLE file (an old .xls, or an
// encrypted workbook, which Excel stores as OLE) or anything that is no zip.
void check_signature(std::string_view bytes, const ReadContext& context) {
  constexpr std::string_view k_ole = "\xD0\xCF\x11\xE0";
  if (bytes.starts_with(k_ole)) {
    fail(context, msg::old_xls());
  }
  if (!bytes.starts_with("PK")) {
    fail(context, msg::not_a_zip());
  }
}

// The part of the first relationship whose type ends with `/kind`, else `fallback` when the
// archive has it; empty when neither.
std::string part_of(const detail::Relationships& relationships, std::string_view kind, const Zip& zip,
                    const std::string& fallback) {
  const std::string suffix = "/" + std::string(kind);
  for (const auto& [id, relationship] : relationships) {
    if (relationship.type.ends_with(suffix) && zip.has(relationship.target)) return relationship.target;
  }
  return zip.has(fallback) ? fallback : std::string();
}

void read_sheets(Zip& zip, const detail::WorkbookInfo& info, const detail::Relationships& relationships,
                 const detail::SheetInput& input, Book& book, ReadContext& context) {
  for (const detail::SheetEntry& entry : info.sheets) {
    const auto relationship = relationships.find(entry.relationship_id);
    if (relationship == relationships.end() || !zip.has(relationship->second.target)) {
      fail(context,
           msg::sheet_without_part(quote_value(entry.name), quote_value(entry.relationship_id), msg::save_again()));
    }
    Sheet sheet;
    sheet.name = entry.name;
    sheet.hidden = entry.hidden;
    const std::string& part = relationship->second.target;
    detail::parse_sheet(zip.read(part), part, input, sheet, context);
    book.sheets.push_back(std::move(sheet));
  }
}

}  // namespace

Book read_book(std::string_view bytes, const ReadLimits& limits, const std::string& source) {
  ReadContext context{source, limits};
  check_signature(bytes, context);
  Zip zip(bytes, context);
  const std::string workbook_part = "xl/workbook.xml";
  if (!zip.has(workbook_part)) {
    fail(context, msg::no_workbook());
  }
  const detail::WorkbookInfo info = detail::parse_workbook(zip.read(workbook_part), workbook_part, context);
  const std::string rels_part = "xl/_rels/workbook.xml.rels";
  detail::Relationships relationships;
  if (zip.has(rels_part)) relationships = detail::parse_relationships(zip.read(rels_part), rels_part, "xl/", context);
  detail::SharedStrings strings;
  const std::string strings_part = part_of(relationships, "sharedStrings", zip, "xl/sharedStrings.xml");
  if (!strings_part.empty()) strings = detail::parse_shared_strings(zip.read(strings_part), strings_part, context);
  detail::Styles styles;
  const std::string styles_part = part_of(relationships, "styles", zip, "xl/styles.xml");
  if (!styles_part.empty()) styles = detail::parse_styles(zip.read(styles_part), styles_part, context);
  Book book;
  book.date1904 = info.date1904;
  read_sheets(zip, info, relationships, detail::SheetInput{strings, styles, info.date1904}, book, context);
  return book;
}

}  // namespace dormlink::xlsx
