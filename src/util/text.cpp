#include "dormlink/util/text.hpp"

#include <cstdint>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "messages.hpp"

namespace dormlink::util {
namespace {

constexpr char32_t k_replacement = U'\uFFFD';

unsigned char byte_at(std::string_view text, std::size_t pos) { return static_cast<unsigned char>(text[pos]); }

bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

// The shape of a multi-byte sequence, read from its lead byte.
struct LeadByte {
  std::size_t length = 0;  // 0 when the byte cannot start a sequence
  char32_t bits = 0;       // payload bits carried by the lead byte
  char32_t minimum = 0;    // smallest code point of that length (rejects overlongs)
};

LeadByte classify_lead(unsigned char lead) {
  if (lead >= 0xC2U && lead <= 0xDFU) return {2, lead & 0x1FU, 0x80};
  if (lead >= 0xE0U && lead <= 0xEFU) return {3, lead & 0x0FU, 0x800};
  if (lead >= 0xF0U && lead <= 0xF4U) return {4, lead & 0x07U, 0x10000};
  return {};
}

// Decodes the well-formed UTF-8 sequence at `pos` into `code_point` and returns its length,
// or 0 when the bytes there are malformed (truncated, overlong, surrogate or > U+10FFFF).
std::size_t decode_at(std::string_view text, std::size_t pos, char32_t& code_point) {
  const unsigned char lead = byte_at(text, pos);
  if (lead < 0x80U) {
    code_point = lead;
    return 1;
  }
  const LeadByte shape = classify_lead(lead);
  if (shape.length == 0 || text.size() - pos < shape.length) return 0;
  char32_t value = shape.bits;
  for (std::size_t i = 1; i < shape.length; ++i) {
    const unsigned char byte = byte_at(text, pos + i);
    if (!is_continuation(byte)) return 0;
    value = (value << 6U) | (byte & 0x3FU);
  }
  if (value < shape.minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;
  }
  code_point = value;
  return shape.length;
}

bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80U) return false;
  }
  return true;
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Length of the white space (ASCII, U+3000 or U+00A0) that starts `text`, or 0.
std::size_t leading_space(std::string_view text) {
  if (text.empty()) return 0;
  if (is_ascii_space(text.front())) return 1;
  if (text.starts_with("\u3000")) return 3;
  if (text.starts_with("\u00A0")) return 2;
  return 0;
}

// Length of the white space (ASCII, U+3000 or U+00A0) that ends `text`, or 0.
std::size_t trailing_space(std::string_view text) {
  if (text.empty()) return 0;
  if (is_ascii_space(text.back())) return 1;
  if (text.ends_with("\u3000")) return 3;
  if (text.ends_with("\u00A0")) return 2;
  return 0;
}

// NFKC of one code point, for the rare characters that need ICU to classify.
std::string nfkc_of(char32_t c) {
  std::string text;
  append_utf8(text, c);
  return nfkc(text);
}

// The ASCII digit a character folds to under NFKC ('7' for '７' or '⑦'), or 0 when it is
// not a digit. Only decimal and other numbers (Nd, No) are looked up in ICU.
char folded_digit(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<char>(c);
  if (c < 0x80) return 0;
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<char>('0' + (c - 0xFF10));
  const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
  if (category != U_DECIMAL_DIGIT_NUMBER && category != U_OTHER_NUMBER) return 0;
  const std::string folded = nfkc_of(c);
  return folded.size() == 1 && folded[0] >= '0' && folded[0] <= '9' ? folded[0] : 0;
}

// ' ' or '-' for the spaces and dashes that may stand between the digit groups of a phone
// number ("139 1234 5678", "0571－8827 3456"), 0 for anything else.
char folded_separator(char32_t c) {
  switch (c) {
    case U' ':
    case U'\u00A0':
    case U'\u3000':
      return ' ';
    case U'-':
    case U'\u2010':
    case U'\u2011':
    case U'\u2012':
    case U'\u2013':
    case U'\u2014':
    case U'\u2015':
    case U'\u2212':
    case U'\uFE63':
    case U'\uFF0D':
      return '-';
    default:
      return 0;
  }
}

// "\u{1B}", "\u{202E}", "\u{E0041}": the braces keep the escape's hex digits apart from digits
// next to it, so an escape never joins a run of digits (message.hpp counts those).
std::string escaped_code_point(char32_t c) { return fmt::format("\\u{{{:02X}}}", static_cast<std::uint32_t>(c)); }

// Columns of one code point: 0 for controls, combining marks and zero-width characters,
// 2 for East Asian wide and full-width ones, 1 otherwise.
std::size_t code_point_width(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  const auto u = static_cast<UChar32>(c);
  const auto category = static_cast<UCharCategory>(u_charType(u));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) {
    return 0;
  }
  if (c >= 0x1160 && c <= 0x11FF) return 0;  // Hangul medial vowels and final consonants
  const auto width = u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH);
  return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t pos = 0;
  char32_t code_point = 0;
  while (pos < text.size()) {
    if (byte_at(text, pos) < 0x80U) {
      ++pos;
      continue;
    }
    const std::size_t length = decode_at(text, pos, code_point);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  char32_t code_point = 0;
  while (pos < text.size()) {
    if (byte_at(text, pos) < 0x80U) {
      ++pos;
      continue;
    }
    const std::size_t length = decode_at(text, pos, code_point);
    if (length == 0) return pos;
    pos += length;
  }
  return std::nullopt;
}

std::string describe_invalid_utf8(std::string_view text) {
  const auto offset = find_invalid_utf8(text);
  if (!offset) return {};
  const unsigned char lead = byte_at(text, *offset);
  const LeadByte shape = classify_lead(lead);
  if (shape.length != 0 && text.size() - *offset < shape.length) {
    bool only_continuations = true;
    for (std::size_t i = *offset + 1; i < text.size(); ++i) only_continuations &= is_continuation(byte_at(text, i));
    if (only_continuations) return msg::truncated_at(*offset);
  }
  return msg::byte_at(lead, *offset);
}

bool is_hidden_character(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return true;
  if (c == 0x2028 || c == 0x2029) return true;
  if (c < 0xAD) return false;  // the common case: Latin-1 letters and punctuation
  return u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR;
}

std::optional<HiddenCharacter> find_hidden_character(std::string_view text, bool allow_layout) {
  std::size_t pos = 0;
  std::size_t position = 0;
  while (pos < text.size()) {
    const std::size_t at = pos;
    const char32_t c = next_code_point(text, pos);
    ++position;
    if (!is_hidden_character(c)) continue;
    const bool crlf = c == U'\r' && pos < text.size() && text[pos] == '\n';
    if (allow_layout && (c == U'\t' || c == U'\n' || crlf)) continue;
    return HiddenCharacter{at, position, c};
  }
  return std::nullopt;
}

std::string code_point_label(char32_t c) { return fmt::format("U+{:04X}", static_cast<std::uint32_t>(c)); }

std::string escape_hidden(std::string_view text, LineBreaks breaks) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = byte_at(text, pos);
    if (byte >= 0x20U && byte < 0x7FU) {  // printable ASCII: as it is
      out.push_back(static_cast<char>(byte));
      ++pos;
      continue;
    }
    const std::size_t at = pos;
    const char32_t c = next_code_point(text, pos);
    const bool crlf = c == U'\r' && pos < text.size() && text[pos] == '\n';
    if (c == U'\n' || crlf) {
      if (crlf) ++pos;
      out += breaks == LineBreaks::keep ? std::string(text.substr(at, pos - at)) : std::string("\u21B5");
    } else if (c == U'\t') {
      out += breaks == LineBreaks::keep ? '\t' : ' ';
    } else if (is_hidden_character(c)) {
      out += escaped_code_point(c);
    } else {
      append_utf8(out, c);  // a malformed byte was decoded as U+FFFD
    }
  }
  return out;
}

std::vector<DigitGroup> digit_groups(std::string_view text) {
  std::vector<DigitGroup> groups;
  std::string gap;            // separators seen since the last group
  bool gap_is_clean = false;  // nothing but separators since the last group
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t at = pos;
    const char32_t c = next_code_point(text, pos);
    if (const char digit = folded_digit(c)) {
      if (groups.empty() || groups.back().end != at) {
        DigitGroup group;
        group.begin = at;
        group.gap = gap_is_clean ? gap : std::string();
        group.joined = !groups.empty() && gap_is_clean && !gap.empty() && gap.size() <= 3;
        groups.push_back(std::move(group));
      }
      groups.back().digits.push_back(digit);
      groups.back().end = pos;
      gap.clear();
      gap_is_clean = true;
    } else if (const char separator = folded_separator(c)) {
      gap.push_back(separator);
    } else {
      gap.clear();
      gap_is_clean = false;
    }
  }
  return groups;
}

std::string_view trim(std::string_view text) {
  while (const std::size_t n = leading_space(text)) text.remove_prefix(n);
  while (const std::size_t n = trailing_space(text)) text.remove_suffix(n);
  return text;
}

// ICU's NFKC normaliser; ASCII is already in NFKC, so it skips the UTF-16 round trip.
std::string nfkc(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) {
    // not a message: an internal error (ICU data missing from the build)
    throw Error(ExitCode::internal, fmt::format("ICU NFKC normaliser unavailable: {}", u_errorName(status)));
  }
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString normal = normalizer->normalize(source, status);
  if (U_FAILURE(status)) {
    // not a message: an internal error (ICU data missing from the build)
    throw Error(ExitCode::internal, fmt::format("ICU NFKC normalisation failed: {}", u_errorName(status)));
  }
  std::string out;
  normal.toUTF8String(out);
  return out;
}

std::string normalize_code(std::string_view text) { return std::string(trim(nfkc(text))); }

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = byte_at(text, pos);
    if (byte >= 0x20U && byte < 0x7FU) {
      ++width, ++pos;
      continue;
    }
    width += code_point_width(next_code_point(text, pos));
  }
  return width;
}

// On malformed input it skips one byte, so a loop over the text always makes progress.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
  if (pos >= text.size()) return k_replacement;
  char32_t code_point = 0;
  const std::size_t length = decode_at(text, pos, code_point);
  if (length == 0) {
    ++pos;
    return k_replacement;
  }
  pos += length;
  return code_point;
}

// Surrogates and values above U+10FFFF are written as U+FFFD, so the output stays valid.
void append_utf8(std::string& out, char32_t code_point) {
  if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    code_point = k_replacement;
  }
  const auto c = static_cast<std::uint32_t>(code_point);
  if (c < 0x80U) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800U) {
    out.push_back(static_cast<char>(0xC0U | (c >> 6U)));
    out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
  } else if (c < 0x10000U) {
    out.push_back(static_cast<char>(0xE0U | (c >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((c >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (c >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((c >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((c >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
  }
}

}  // namespace dormlink::util
