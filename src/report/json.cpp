#include "dormlink/report/json.hpp"

#include <fmt/format.h>

#include "dormlink/util/text.hpp"

namespace dormlink::report {
namespace {

// "\u001b", or a surrogate pair for a code point beyond the BMP (JSON has no longer escape).
void append_escape(std::string& out, char32_t c) {
  if (c > 0xFFFF) {
    const char32_t v = c - 0x10000;
    out += fmt::format("\\u{:04x}\\u{:04x}", static_cast<unsigned>(0xD800 + (v >> 10)),
                       static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
    return;
  }
  out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
}

}  // namespace

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char byte = text[pos];
    if (byte >= 0x20 && byte < 0x7F && byte != '"' && byte != '\\') {  // printable ASCII: as it is
      out.push_back(byte);
      ++pos;
      continue;
    }
    const char32_t c = util::next_code_point(text, pos);  // a malformed byte comes back as U+FFFD
    switch (c) {
      case U'"':
        out += "\\\"";
        break;
      case U'\\':
        out += "\\\\";
        break;
      case U'\n':
        out += "\\n";
        break;
      case U'\r':
        out += "\\r";
        break;
      case U'\t':
        out += "\\t";
        break;
      default:
        if (util::is_hidden_character(c)) {
          append_escape(out, c);
        } else {
          util::append_utf8(out, c);
        }
    }
  }
  return out;
}

std::string json_text(const Json& value) {
  if (value.is_string()) return "\"" + json_escape(value.get_ref<const std::string&>()) + "\"";
  if (value.is_object()) {
    std::string out = "{";
    for (const auto& [key, item] : value.items()) {
      out += (out.size() > 1 ? ", \"" : "\"") + json_escape(key) + "\": " + json_text(item);
    }
    return out + "}";
  }
  if (value.is_array()) {
    std::string out = "[";
    for (const auto& item : value) out += (out.size() > 1 ? ", " : "") + json_text(item);
    return out + "]";
  }
  return value.dump();  // number, boolean, null
}

std::string json_document(const Json& object) {
  std::string out = "{\n";
  std::size_t left = object.size();
  for (const auto& [key, value] : object.items()) {
    out += "  \"" + json_escape(key) + "\": ";
    if (value.is_array() && !value.empty()) {
      out += "[\n";
      std::size_t items = value.size();
      for (const auto& item : value) out += "    " + json_text(item) + (--items > 0 ? ",\n" : "\n");
      out += "  ]";
    } else {
      out += json_text(value);
    }
    out += --left > 0 ? ",\n" : "\n";
  }
  return out + "}\n";
}

}  // namespace dormlink::report
