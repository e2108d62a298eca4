#pragma once
// Detects the encoding of a whole roster file and converts it to UTF-8 (glibc iconv).

#include <optional>
#include <string>
#include <string_view>

namespace dormlink::util {

// Text encodings dormlink reads.
enum class Encoding { utf8, utf8_bom, gb18030, utf16le, utf16be };

// Name for messages and --encoding: "UTF-8", "UTF-8 (BOM)", "GBK/GB18030", "UTF-16LE", ...
std::string_view encoding_name(Encoding encoding);

// Parses an --encoding value (case-insensitive: utf-8, utf8, gbk, gb2312, gb18030, utf-16,
// utf-16le, utf-16be); nullopt when unknown.
std::optional<Encoding> parse_encoding_name(std::string_view name);

// The result of decoding a file.
struct DecodedText {
  std::string utf8;   // the text as UTF-8, without any BOM
  Encoding encoding;  // what it was
};

// Decodes the whole file. With `forced`, uses that encoding; otherwise detects: a UTF-8 or
// UTF-16 BOM, else valid UTF-8, else GB18030 (a superset of GBK and GB2312). Throws
// DataError naming `source_name` with a hint (save as "CSV UTF-8" or pass --encoding) when
// the bytes are none of these, or do not decode in the forced encoding. Takes the bytes by
// value: moved in, UTF-8 is checked in place and handed back without a copy; other encodings
// peak at the input plus 1.5 times its size.
DecodedText decode_text(std::string bytes, const std::string& source_name,
                        std::optional<Encoding> forced = std::nullopt);

// Encodes UTF-8 text as GB18030 (used by the example generator and tests).
std::string encode_gb18030(std::string_view utf8);

}  // namespace dormlink::util
