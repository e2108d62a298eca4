// The values of the xlsx reader (include/dormlink/xlsx/read.hpp): cell references, numbers,
// Excel's date serials and escapes, number formats, relationship targets.
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "dormlink/util/text.hpp"
#include "dormlink/xlsx/read.hpp"
#include "read_internal.hpp"

namespace dormlink::xlsx {
namespace {

using namespace std::chrono;

constexpr std::size_t k_last_row = 1048576;  // XFD1048576: Excel's last cell
constexpr std::size_t k_last_col = 16384;
constexpr long k_minutes_per_day = 24 * 60;

// 1899-12-30: day 0 of the serials after 1900-02-28 (Excel counts a 1900-02-29 that never was).
constexpr sys_days k_epoch_1900 = sys_days{year{1899} / December / 30};
constexpr sys_days k_epoch_1904 = sys_days{year{1904} / January / 1};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code point of an "_xHHHH_" at text[i]; nullopt when there is none.
std::optional<char32_t> escape_at(std::string_view text, std::size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || (text[i + 1] != 'x' && text[i + 1] != 'X') || text[i + 6] != '_') {
    return std::nullopt;
  }
  char32_t value = 0;
  for (std::size_t k = 2; k < 6; ++k) {
    const int digit = hex_digit(text[i + k]);
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<char32_t>(digit);
  }
  return value;
}

// A number of exactly `digits` decimal digits at text[pos]; advances pos.
std::optional<int> fixed_digits(std::string_view text, std::size_t& pos, std::size_t digits) {
  if (pos + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    const char c = text[pos + k];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += digits;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

// "THH:MM[:SS[.fff]]" at text[pos] as seconds of the day; what follows (a zone) is ignored.
std::optional<double> iso_time(std::string_view text, std::size_t pos) {
  const auto hour = fixed_digits(text, pos, 2);
  if (!hour || !expect(text, pos, ':')) return std::nullopt;
  const auto minute = fixed_digits(text, pos, 2);
  if (!minute || *hour > 23 || *minute > 59) return std::nullopt;
  double seconds = 0;
  if (expect(text, pos, ':')) {
    const auto whole = fixed_digits(text, pos, 2);
    if (!whole || *whole > 59) return std::nullopt;
    seconds = *whole;
    if (expect(text, pos, '.')) {
      double scale = 0.1;
      for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, scale /= 10) {
        seconds += (text[pos] - '0') * scale;
      }
    }
  }
  return *hour * 3600.0 + *minute * 60.0 + seconds;
}

// Drops what a number format shows literally: "quoted text", [colours and conditions], \x and
// the _x (space as wide as x) and *x (fill with x) pairs.
std::string format_letters(std::string_view code) {
  std::string letters;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '[') {
      const auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else {
      letters += c;
    }
  }
  return letters;
}

}  // namespace

const Cell* Sheet::at(std::size_t row, std::size_t col) const {
  if (row >= rows.size() || col >= rows[row].size()) return nullptr;
  return &rows[row][col];
}

const Sheet* Book::find(std::string_view name) const {
  for (const Sheet& sheet : sheets) {
    if (sheet.name == name) return &sheet;
  }
  return nullptr;
}

std::string cell_reference(std::size_t row, std::size_t col) {
  std::string letters;
  for (std::size_t n = col + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

std::optional<LocalDateTime> to_local_date_time(double serial, bool date1904) {
  if (!std::isfinite(serial) || std::fabs(serial) > 1e7) return std::nullopt;
  const long long total = std::llround(serial * k_minutes_per_day);
  long long day = total / k_minutes_per_day;
  long long minute = total % k_minutes_per_day;
  if (minute < 0) {
    minute += k_minutes_per_day;
    --day;
  }
  sys_days date;
  if (date1904) {
    date = k_epoch_1904 + days{day};
  } else if (day >= 61) {
    date = k_epoch_1900 + days{day};
  } else if (day >= 1 && day < 60) {
    date = k_epoch_1900 + days{day + 1};  // 1900-01-01 is serial 1
  } else {
    return std::nullopt;  // serial 60 is 1900-02-29, which never was; below 1 is before 1900
  }
  const year_month_day ymd{date};
  if (ymd.year() < year{1900} || ymd.year() > year{9999}) return std::nullopt;
  LocalDateTime when;
  when.date = ymd;
  when.hour = static_cast<int>(minute / 60);
  when.minute = static_cast<int>(minute % 60);
  when.has_time = minute != 0;
  return when;
}

namespace detail {

std::string size_text(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return fmt::format("{} KiB", bytes >> 10);
  return msg::bytes(bytes);
}

std::string column_name(std::size_t col) {
  const std::string reference = cell_reference(0, col);
  return reference.substr(0, reference.size() - 1);
}

std::string_view attribute(const XmlAttributes& attributes, std::string_view name) {
  for (const XmlAttribute& a : attributes) {
    if (a.ns.empty() && a.name == name) return a.value;
  }
  return {};
}

bool has_attribute(const XmlAttributes& attributes, std::string_view name) {
  for (const XmlAttribute& a : attributes) {
    if (a.ns.empty() && a.name == name) return true;
  }
  return false;
}

std::optional<std::string> resolve_target(std::string_view base, std::string_view target) {
  std::string path = target.starts_with('/') ? std::string(target.substr(1)) : std::string(base) + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string resolved;
  for (const std::string& part : parts) resolved += (resolved.empty() ? "" : "/") + part;
  return resolved;
}

bool is_date_format(std::string_view code) {
  if (code.empty() || code == "General" || code == "general") return false;
  return format_letters(code).find_first_of("dDmMyYhHsS") != std::string::npos;
}

bool is_builtin_date_format(long id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

std::optional<std::pair<std::size_t, std::size_t>> parse_reference(std::string_view ref) {
  std::size_t pos = 0;
  std::size_t col = 0;
  for (; pos < ref.size() && pos < 4; ++pos) {
    const char c = ref[pos];
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (upper < 'A' || upper > 'Z') break;
    col = col * 26 + static_cast<std::size_t>(upper - 'A' + 1);
  }
  if (pos == 0 || col > k_last_col || pos == ref.size() || ref[pos] == '0') return std::nullopt;
  const auto row = parse_index(ref.substr(pos), k_last_row);
  if (!row || *row == 0) return std::nullopt;
  return std::pair{*row - 1, col - 1};
}

std::optional<std::size_t> parse_index(std::string_view text, std::size_t max) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::size_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  if (value > max) return std::nullopt;
  return value;
}

std::optional<double> parse_number(std::string_view text) {
  const std::string_view trimmed = util::trim(text);
  if (trimmed.empty()) return std::nullopt;
  const char* first = trimmed.data();
  if (*first == '+') ++first;
  double value = 0;
  const auto [end, error] = std::from_chars(first, trimmed.data() + trimmed.size(), value);
  if (error != std::errc{} || end != trimmed.data() + trimmed.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string shortest_decimal(double value) {
  if (value == 0) return "0";
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

std::string decode_escapes(std::string_view text) {
  if (text.find('_') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto code = escape_at(text, i);
    if (!code) {
      out += text[i++];
      continue;
    }
    std::size_t used = 7;
    if (*code >= 0xD800 && *code <= 0xDBFF) {
      const auto low = escape_at(text, i + 7);
      if (!low || *low < 0xDC00 || *low > 0xDFFF) {
        out += text[i++];  // a lone surrogate is no character: left as written
        continue;
      }
      code = 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00);
      used = 14;
    } else if (*code >= 0xDC00 && *code <= 0xDFFF) {
      out += text[i++];
      continue;
    }
    util::append_utf8(out, *code);
    i += used;
  }
  return out;
}

std::optional<double> iso_to_serial(std::string_view text, bool date1904) {
  std::size_t pos = 0;
  const auto y = fixed_digits(text, pos, 4);
  if (!y || !expect(text, pos, '-')) return std::nullopt;
  const auto m = fixed_digits(text, pos, 2);
  if (!m || !expect(text, pos, '-')) return std::nullopt;
  const auto d = fixed_digits(text, pos, 2);
  if (!d) return std::nullopt;
  const year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!ymd.ok() || ymd.year() < year{1900}) return std::nullopt;
  double seconds = 0;
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
    const auto time = iso_time(text, pos + 1);
    if (!time) return std::nullopt;
    seconds = *time;
  }
  const sys_days date{ymd};
  long long serial = 0;
  if (date1904) {
    serial = (date - k_epoch_1904).count();
  } else {
    const bool before_march = date < sys_days{year{1900} / March / 1};
    serial = (date - k_epoch_1900).count() - (before_march ? 1 : 0);
  }
  return static_cast<double>(serial) + seconds / 86400.0;
}

}  // namespace detail
}  // namespace dormlink::xlsx
