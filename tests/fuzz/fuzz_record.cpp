// Fuzzes the records' canonical length-prefixed encoding (records::Canonical, and
// records::canonical_content built on it). Properties: the encoding decodes back to the
// field list it was built from (so it is injective), and two different field lists or
// contents drawn from the same input never encode to the same bytes.

#include <cstring>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include "dormlink/records/chain.hpp"
#include "dormlink/records/record.hpp"
#include "fuzz_support.hpp"

namespace {

using dormlink::fuzz::require;
using dormlink::records::Canonical;
using dormlink::records::Digest;

struct Null {
  bool operator==(const Null&) const = default;
};
using Value = std::variant<std::string, std::int64_t, Digest, Null>;
struct Field {
  std::string name;
  Value value;
  bool operator==(const Field&) const = default;
};
using Fields = std::vector<Field>;

Field consume_field(FuzzedDataProvider& input) {
  Field field{input.ConsumeRandomLengthString(16), Null{}};
  switch (input.ConsumeIntegralInRange(0, 3)) {
    case 0:
      field.value = input.ConsumeRandomLengthString(64);
      break;
    case 1:
      field.value = input.ConsumeIntegral<std::int64_t>();
      break;
    case 2: {
      Digest digest{};
      for (auto& byte : digest) byte = input.ConsumeIntegral<std::uint8_t>();
      field.value = digest;
      break;
    }
    default:
      break;
  }
  return field;
}

Fields consume_fields(FuzzedDataProvider& input) {
  Fields fields(input.ConsumeIntegralInRange<std::size_t>(0, 6));
  for (Field& field : fields) field = consume_field(input);
  return fields;
}

std::string encode(const Fields& fields) {
  Canonical canonical;
  for (const Field& field : fields) {
    if (const auto* text = std::get_if<std::string>(&field.value)) {
      canonical.field(field.name, *text);
    } else if (const auto* integer = std::get_if<std::int64_t>(&field.value)) {
      canonical.field(field.name, *integer);
    } else if (const auto* digest = std::get_if<Digest>(&field.value)) {
      canonical.field(field.name, *digest);
    } else {
      canonical.null_field(field.name);
    }
  }
  return canonical.bytes();
}

// Reads 8 big-endian bytes at `at`; nullopt past the end.
std::optional<std::uint64_t> read_be64(std::string_view bytes, std::size_t& at) {
  if (bytes.size() - at < 8) return std::nullopt;
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at++]);
  return value;
}

std::optional<std::string> read_chunk(std::string_view bytes, std::size_t& at) {
  const auto length = read_be64(bytes, at);
  if (!length || bytes.size() - at < *length) return std::nullopt;
  std::string chunk(bytes.substr(at, *length));
  at += *length;
  return chunk;
}

// The type byte Canonical writes for each kind of value, learnt from one-field encodings.
struct TypeBytes {
  char text = Canonical().field("", "").bytes()[0];
  char integer = Canonical().field("", std::int64_t{0}).bytes()[0];
  char digest = Canonical().field("", Digest{}).bytes()[0];
  char null = Canonical().null_field("").bytes()[0];
};

std::optional<Value> decode_value(char type, const std::string& value, const TypeBytes& types) {
  if (type == types.text) return value;
  if (type == types.integer && value.size() == 8) {
    std::size_t at = 0;
    return static_cast<std::int64_t>(*read_be64(value, at));
  }
  if (type == types.digest && value.size() == 32) {
    Digest digest{};
    std::memcpy(digest.data(), value.data(), digest.size());
    return digest;
  }
  if (type == types.null && value.empty()) return Null{};
  return std::nullopt;
}

// Decodes per chain.hpp's description: type byte, name length + bytes, value length + bytes.
std::optional<Fields> decode(std::string_view bytes, const TypeBytes& types) {
  Fields fields;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const char type = bytes[at++];
    auto name = read_chunk(bytes, at);
    auto value = read_chunk(bytes, at);
    if (!name || !value) return std::nullopt;
    auto decoded = decode_value(type, *value, types);
    if (!decoded) return std::nullopt;
    fields.push_back(Field{std::move(*name), std::move(*decoded)});
  }
  return fields;
}

std::optional<std::string> consume_optional(FuzzedDataProvider& input) {
  if (!input.ConsumeBool()) return std::nullopt;
  return input.ConsumeRandomLengthString(32);
}

dormlink::records::Content consume_content(FuzzedDataProvider& input) {
  dormlink::records::Content content;
  content.progress = consume_optional(input);
  content.note = consume_optional(input);
  content.details = consume_optional(input);
  return content;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const TypeBytes types;
  static const bool distinct = types.text != types.integer && types.text != types.digest && types.text != types.null &&
                               types.integer != types.digest && types.integer != types.null &&
                               types.digest != types.null;
  require(distinct, "canonical: the four value types have distinct type bytes");

  FuzzedDataProvider input(data, size);
  const Fields first = consume_fields(input);
  const Fields second = consume_fields(input);
  const std::string first_bytes = encode(first);
  const auto decoded = decode(first_bytes, types);
  require(decoded && *decoded == first, "canonical: the encoding decodes to its field list");
  require((first == second) == (first_bytes == encode(second)), "canonical: equal encodings iff equal field lists");

  const auto content_a = consume_content(input);
  const auto content_b = consume_content(input);
  const bool same_content = content_a.progress == content_b.progress && content_a.note == content_b.note &&
                            content_a.details == content_b.details;
  require(same_content ==
              (dormlink::records::canonical_content(content_a) == dormlink::records::canonical_content(content_b)),
          "canonical_content: equal encodings iff equal contents");
  return 0;
}
