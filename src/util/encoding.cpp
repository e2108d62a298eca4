#include "dormlink/util/encoding.hpp"

#include <iconv.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/util/text.hpp"

#include "messages.hpp"

namespace dormlink::util {
namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_utf16le_bom = "\xFF\xFE";
constexpr std::string_view k_utf16be_bom = "\xFE\xFF";
constexpr char32_t k_replacement = U'\uFFFD';

// One --encoding spelling and what it means.
struct EncodingAlias {
  std::string_view name;
  Encoding encoding;
};

constexpr std::array k_aliases{
    EncodingAlias{"utf-8", Encoding::utf8},       EncodingAlias{"utf8", Encoding::utf8},
    EncodingAlias{"gbk", Encoding::gb18030},      EncodingAlias{"gb2312", Encoding::gb18030},
    EncodingAlias{"gb18030", Encoding::gb18030},  EncodingAlias{"utf-16", Encoding::utf16le},
    EncodingAlias{"utf-16le", Encoding::utf16le}, EncodingAlias{"utf-16be", Encoding::utf16be},
};

bool is_utf8_family(Encoding encoding) { return encoding == Encoding::utf8 || encoding == Encoding::utf8_bom; }

// The outcome of one iconv conversion: the output, or the input offset where it stopped.
struct Conversion {
  std::string output;
  bool ok = true;
  std::size_t error_offset = 0;
};

// Owns an iconv conversion descriptor.
class IconvHandle {
 public:
  IconvHandle(const char* to, const char* from) : m_cd(iconv_open(to, from)) {
    if (m_cd == invalid()) {
      // not a message: an internal error (an iconv built without GB18030 or UTF-16)
      throw Error(ExitCode::internal, fmt::format("iconv cannot convert from {} to {} on this system", from, to));
    }
  }
  ~IconvHandle() { iconv_close(m_cd); }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  iconv_t get() const noexcept { return m_cd; }

 private:
  static iconv_t invalid() { return reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)); }
  iconv_t m_cd;
};

// Converts the whole input with glibc iconv, growing the output buffer as needed; an
// invalid or truncated sequence stops it and reports where. The first buffer is 1.5 times the
// input: enough for GB18030 or UTF-16 to UTF-8 (2 bytes become at most 3), so a roster is
// converted without growing and the peak stays at the input plus 1.5 times it.
Conversion convert(std::string_view input, const char* from, const char* to) {
  IconvHandle handle(to, from);
  Conversion result;
  result.output.resize(input.size() + input.size() / 2 + 16);
  char* in = const_cast<char*>(input.data());
  std::size_t in_left = input.size();
  std::size_t written = 0;
  while (true) {
    char* out = result.output.data() + written;
    std::size_t out_left = result.output.size() - written;
    const std::size_t rc = iconv(handle.get(), in_left > 0 ? &in : nullptr, &in_left, &out, &out_left);
    const int error = errno;
    written = result.output.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (error != E2BIG) {
      result.ok = false;
      result.error_offset = input.size() - in_left;
      break;
    }
    result.output.resize(result.output.size() * 2);
  }
  result.output.resize(written);
  return result;
}

// Bytes taken by the character that starts at `pos` in the given encoding, so a position
// in the decoded text can be mapped back to a byte offset in the file.
std::size_t char_length(std::string_view bytes, std::size_t pos, Encoding encoding) {
  const auto byte = [&](std::size_t i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0U; };
  switch (encoding) {
    case Encoding::utf8:
    case Encoding::utf8_bom: {
      std::size_t next = pos;
      next_code_point(bytes, next);
      return next - pos;
    }
    case Encoding::gb18030:
      if (byte(pos) < 0x80U) return 1;
      return (byte(pos + 1) >= 0x30U && byte(pos + 1) <= 0x39U) ? 4 : 2;
    case Encoding::utf16le:
      return (byte(pos + 1) >= 0xD8U && byte(pos + 1) <= 0xDBU) ? 4 : 2;
    case Encoding::utf16be:
      return (byte(pos) >= 0xD8U && byte(pos) <= 0xDBU) ? 4 : 2;
  }
  return 1;
}

// Byte offset in `bytes` of the character that decoded to code point number `index`.
std::size_t offset_of_code_point(std::string_view bytes, Encoding encoding, std::size_t index) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < index && pos < bytes.size(); ++i) {
    pos += char_length(bytes, pos, encoding);
  }
  return std::min(pos, bytes.size());
}

// Byte offset in the decoded UTF-8 of the first character that cannot be in a text file:
// a C0 control other than tab, CR and LF, or U+FFFD unless `allow_replacement`.
std::optional<std::size_t> first_non_text(std::string_view utf8, bool allow_replacement) {
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x20U && byte != '\t' && byte != '\r' && byte != '\n') return i;
    if (byte == 0xEFU && !allow_replacement && utf8.substr(i, 3) == "\uFFFD") return i;
  }
  return std::nullopt;
}

// Number of code points in the first `offset` bytes of valid UTF-8.
std::size_t count_code_points(std::string_view utf8, std::size_t offset) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0U) != 0x80U) ++count;
  }
  return count;
}

// Offset of the first byte that does not begin a well-formed UTF-8 sequence.
std::size_t first_invalid_utf8(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t start = pos;
    if (next_code_point(bytes, pos) == k_replacement && pos - start == 1) return start;
  }
  return bytes.size();
}

// "byte 0xD5 at offset 12" (or "truncated at offset 12" at the end of the file).
std::string describe_byte(std::string_view bytes, std::size_t offset) {
  if (offset >= bytes.size()) return msg::truncated_at(offset);
  return msg::byte_at(static_cast<unsigned char>(bytes[offset]), offset);
}

bool is_utf16(Encoding encoding) { return encoding == Encoding::utf16le || encoding == Encoding::utf16be; }

// The 1-based line of the byte at `offset`: the line feeds before it, read as the encoding
// writes them (one 0x0A byte in UTF-8 and GB18030, whose multi-byte characters never hold
// one; a 0x000A code unit in UTF-16).
std::size_t line_at(std::string_view bytes, std::size_t offset, Encoding encoding) {
  offset = std::min(offset, bytes.size());
  std::size_t line = 1;
  if (!is_utf16(encoding)) {
    const auto end = bytes.begin() + static_cast<std::ptrdiff_t>(offset);
    return line + static_cast<std::size_t>(std::count(bytes.begin(), end, '\n'));
  }
  const std::size_t low = encoding == Encoding::utf16le ? 0 : 1;
  for (std::size_t i = 0; i + 1 < offset; i += 2) {
    if (bytes[i + low] == '\n' && bytes[i + 1 - low] == '\0') ++line;
  }
  return line;
}

// The detection failure: only the offending byte, its offset and line are named, never content.
DataError not_text(std::string_view bytes, const std::string& source_name, Encoding encoding, std::size_t offset) {
  return DataError(msg::not_text(source_name, line_at(bytes, offset, encoding), describe_byte(bytes, offset)));
}

// The forced-encoding failure, naming the encoding that was asked for.
DataError not_in_encoding(std::string_view bytes, const std::string& source_name, Encoding encoding,
                          std::size_t offset) {
  return DataError(msg::not_in_encoding(source_name, line_at(bytes, offset, encoding), encoding_name(encoding),
                                        describe_byte(bytes, offset)));
}

// A UTF-8 file with a damaged byte: reading it as GB18030 would turn its Chinese into other
// Chinese (mojibake) without an error, so it is refused where the damage is.
DataError damaged_utf8(std::string_view bytes, const std::string& source_name, std::size_t offset) {
  return DataError(msg::broken_utf8(source_name, line_at(bytes, offset, Encoding::utf8), describe_byte(bytes, offset)));
}

// A UTF-8 file holding a C0 control character (other than tab, CR and LF): not a text file's.
DataError control_in_utf8(std::string_view bytes, const std::string& source_name, std::size_t offset) {
  return DataError(
      msg::control_character(source_name, line_at(bytes, offset, Encoding::utf8), describe_byte(bytes, offset)));
}

// Characters outside ASCII that must read as UTF-8 before a malformed byte for the file to
// count as UTF-8 with damage rather than as GBK. GBK text gets through even two or three
// characters as valid UTF-8 only by rare chance (a GBK trail byte is seldom a UTF-8
// continuation byte), so eight leaves a wide margin; a Chinese header row alone has more.
constexpr std::size_t k_utf8_evidence = 8;

// True when the bytes before `offset` hold at least k_utf8_evidence multi-byte characters.
bool reads_as_utf8_before(std::string_view bytes, std::size_t offset) {
  std::size_t multi_byte = 0;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte >= 0xC0U) ++multi_byte;  // a lead byte; the prefix is valid UTF-8
  }
  return multi_byte >= k_utf8_evidence;
}

const char* iconv_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
    case Encoding::utf8_bom:
      return "UTF-8";
    case Encoding::gb18030:
      return "GB18030";
    case Encoding::utf16le:
      return "UTF-16LE";
    case Encoding::utf16be:
      return "UTF-16BE";
  }
  return "UTF-8";
}

// A decoding attempt: the UTF-8 text, or the file offset of the first byte that is wrong
// and whether it was malformed in the encoding (rather than decoded but not text).
struct Attempt {
  std::string utf8;
  std::optional<std::size_t> bad_offset;
  bool malformed = false;
};

// Decodes the file from byte `skip` on (past a BOM) and checks that the result is text:
// no C0 controls but tab, CR and LF, and no U+FFFD unless the file itself was UTF-8. UTF-8 is
// checked in place and, when it is good, `bytes` itself becomes the result (moved, not
// copied); on failure `bytes` is left as it was, for the next attempt.
Attempt decode_as(std::string& bytes, std::size_t skip, Encoding encoding) {
  const std::string_view body = std::string_view(bytes).substr(skip);
  if (is_utf8_family(encoding)) {
    if (!is_valid_utf8(body)) return {{}, skip + first_invalid_utf8(body), true};
    if (const auto offset = first_non_text(body, true)) return {{}, skip + *offset};
    Attempt attempt;
    attempt.utf8 = std::move(bytes);
    attempt.utf8.erase(0, skip);
    if (attempt.utf8.starts_with(k_utf8_bom)) attempt.utf8.erase(0, k_utf8_bom.size());
    return attempt;
  }
  Conversion conversion = convert(body, iconv_name(encoding), "UTF-8");
  if (!conversion.ok) return {{}, skip + conversion.error_offset, true};
  Attempt attempt;
  attempt.utf8 = std::move(conversion.output);
  if (const auto offset = first_non_text(attempt.utf8, false)) {
    const std::size_t index = count_code_points(attempt.utf8, *offset);
    return {{}, skip + offset_of_code_point(body, encoding, index)};
  }
  if (attempt.utf8.starts_with(k_utf8_bom)) attempt.utf8.erase(0, k_utf8_bom.size());
  return attempt;
}

// The encoding announced by a byte-order mark at the start of the file.
struct Bom {
  Encoding encoding;
  std::size_t length;
};

std::optional<Bom> find_bom(std::string_view bytes) {
  if (bytes.starts_with(k_utf8_bom)) return Bom{Encoding::utf8_bom, k_utf8_bom.size()};
  if (bytes.starts_with(k_utf16le_bom)) return Bom{Encoding::utf16le, k_utf16le_bom.size()};
  if (bytes.starts_with(k_utf16be_bom)) return Bom{Encoding::utf16be, k_utf16be_bom.size()};
  return std::nullopt;
}

bool same_family(Encoding a, Encoding b) {
  return (is_utf16(a) && is_utf16(b)) || (is_utf8_family(a) && is_utf8_family(b));
}

// Decodes in the encoding the user named; a matching BOM is skipped, and a UTF-16 BOM still
// decides the byte order, so "--encoding utf-16" reads both little- and big-endian files.
DecodedText decode_forced(std::string& bytes, const std::string& source_name, Encoding forced) {
  Encoding encoding = forced == Encoding::utf8_bom ? Encoding::utf8 : forced;
  std::size_t skip = 0;
  if (const auto bom = find_bom(bytes); bom && same_family(bom->encoding, forced)) {
    encoding = bom->encoding;
    skip = bom->length;
  }
  Attempt attempt = decode_as(bytes, skip, encoding);
  if (attempt.bad_offset) throw not_in_encoding(bytes, source_name, forced, *attempt.bad_offset);
  return {std::move(attempt.utf8), encoding};
}

// Chooses the encoding from a BOM, else UTF-8 when the bytes are valid UTF-8, else GB18030.
DecodedText decode_detected(std::string& bytes, const std::string& source_name) {
  const auto bom = find_bom(bytes);
  Encoding encoding = bom ? bom->encoding : Encoding::utf8;
  Attempt attempt = decode_as(bytes, bom ? bom->length : 0, encoding);
  if (!bom && attempt.malformed) {
    if (reads_as_utf8_before(bytes, *attempt.bad_offset)) {
      throw damaged_utf8(bytes, source_name, *attempt.bad_offset);
    }
    encoding = Encoding::gb18030;
    attempt = decode_as(bytes, 0, encoding);
  } else if (attempt.bad_offset && is_utf8_family(encoding) && bytes[*attempt.bad_offset] != '\0') {
    throw control_in_utf8(bytes, source_name, *attempt.bad_offset);  // NUL bytes: UTF-16 without a BOM
  }
  if (attempt.bad_offset) throw not_text(bytes, source_name, encoding, *attempt.bad_offset);
  return {std::move(attempt.utf8), encoding};
}

}  // namespace

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
      return "UTF-8";
    case Encoding::utf8_bom:
      return "UTF-8 (BOM)";
    case Encoding::gb18030:
      return "GBK/GB18030";
    case Encoding::utf16le:
      return "UTF-16LE";
    case Encoding::utf16be:
      return "UTF-16BE";
  }
  return "unknown";
}

std::optional<Encoding> parse_encoding_name(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  for (const EncodingAlias& alias : k_aliases) {
    if (alias.name == lower) return alias.encoding;
  }
  return std::nullopt;
}

DecodedText decode_text(std::string bytes, const std::string& source_name, std::optional<Encoding> forced) {
  if (forced) return decode_forced(bytes, source_name, *forced);
  return decode_detected(bytes, source_name);
}

// GB18030 covers all of Unicode, so this only fails on malformed UTF-8 input.
std::string encode_gb18030(std::string_view utf8) {
  Conversion result = convert(utf8, "UTF-8", "GB18030");
  if (!result.ok) {
    throw DataError(msg::cannot_encode_gb18030(result.error_offset));
  }
  return std::move(result.output);
}

}  // namespace dormlink::util
