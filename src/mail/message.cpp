// E-mail messages: RFC 5322 headers, RFC 2047 words, Base64 bodies (Nettle's base64).
#include "dormlink/mail/message.hpp"

#include <nettle/base64.h>

#include <array>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "dormlink/language.hpp"

namespace dormlink::mail {
namespace {

// Why an address is refused (docs/messages.md), in the message language: a clause that follows
// "it" ("is not an e-mail address: it has no @"); it never repeats the address.
namespace say {
inline constexpr dormlink::Message nothing_before_at{"has nothing before the @", "@ 前面没有内容"};
inline constexpr dormlink::Message local_too_long{"has more than 64 characters before the @", "@ 前面超过 64 个字符"};
inline constexpr dormlink::Message bad_character{
    "has a character an address cannot hold (space, quote, bracket, comma or non-ASCII)",
    "含有地址中不能出现的字符（空格、引号、括号、逗号或非 ASCII 字符）"};
inline constexpr dormlink::Message misplaced_dot{"has a misplaced dot before the @", "@ 前面的点号位置不对"};
inline constexpr dormlink::Message nothing_after_at{"has nothing after the @", "@ 后面没有内容"};
inline constexpr dormlink::Message no_dot_in_domain{"has no dot in the domain after the @", "@ 后面的域名中没有点号"};
inline constexpr dormlink::Message not_a_host_name{"has a domain that is not a host name",
                                                   "@ 后面的域名不是有效的主机名"};
inline constexpr dormlink::Message too_long{"is longer than 254 characters", "超过 254 个字符"};
inline constexpr dormlink::Message no_at{"has no @; write it as name@example.edu.cn",
                                         "没有 @；请写成 name@example.edu.cn 的形式"};
}  // namespace say

constexpr std::size_t k_max_address = 254;
constexpr std::size_t k_max_local = 64;
constexpr std::size_t k_max_label = 63;
constexpr std::size_t k_line = 76;        // Base64 characters per body line (RFC 2045)
constexpr std::size_t k_word_bytes = 45;  // UTF-8 bytes per encoded word: 60 Base64 + 12 = 72
constexpr std::string_view k_local_marks = "!#$%&*+-/=?^_{|}~.";

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

bool is_local_char(char c) { return is_alnum(c) || k_local_marks.find(c) != std::string_view::npos; }

bool is_domain_char(char c) { return is_alnum(c) || c == '-' || c == '.'; }

namespace {

std::optional<std::string> local_problem(std::string_view local) {
  if (local.empty()) return say::nothing_before_at();
  if (local.size() > k_max_local) return say::local_too_long();
  for (char c : local) {
    if (!is_local_char(c)) {
      return say::bad_character();
    }
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return say::misplaced_dot();
  }
  return std::nullopt;
}

std::optional<std::string> domain_problem(std::string_view domain) {
  if (domain.empty()) return say::nothing_after_at();
  if (domain == "localhost") return std::nullopt;
  if (domain.find('.') == std::string_view::npos) return say::no_dot_in_domain();
  std::size_t start = 0;
  while (start <= domain.size()) {
    const std::size_t end = std::min(domain.find('.', start), domain.size());
    const std::string_view label = domain.substr(start, end - start);
    if (label.empty() || label.size() > k_max_label || label.front() == '-' || label.back() == '-') {
      return say::not_a_host_name();
    }
    for (char c : label) {
      if (!is_alnum(c) && c != '-') return say::not_a_host_name();
    }
    start = end + 1;
  }
  return std::nullopt;
}

std::string base64(std::string_view data) {
  std::string out(BASE64_ENCODE_RAW_LENGTH(data.size()), '\0');
  base64_encode_raw(out.data(), data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  return out;
}

bool plain_header_text(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return false;
  }
  return text.find("=?") == std::string_view::npos;
}

// Bytes of the UTF-8 character starting at `c`, 1 for anything malformed.
std::size_t utf8_length(unsigned char c) {
  if (c >= 0xf0) return 4;
  if (c >= 0xe0) return 3;
  if (c >= 0xc0) return 2;
  return 1;
}

constexpr std::array<std::string_view, 7> k_weekdays{"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
constexpr std::array<std::string_view, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

std::optional<std::string> address_problem(std::string_view address) {
  if (address.size() > k_max_address) return say::too_long();
  const auto at = address.rfind('@');
  if (at == std::string_view::npos) return say::no_at();
  if (auto problem = local_problem(address.substr(0, at))) return problem;
  return domain_problem(address.substr(at + 1));
}

std::string_view domain_of(std::string_view address) {
  const auto at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view{} : address.substr(at + 1);
}

std::string encode_words(std::string_view text, std::string_view eol) {
  if (plain_header_text(text)) return std::string(text);
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = pos;
    while (end < text.size()) {
      const std::size_t n = utf8_length(static_cast<unsigned char>(text[end]));
      if (end + n - pos > k_word_bytes) break;
      end += n;
    }
    if (end == pos) end = std::min(text.size(), pos + 1);
    if (!out.empty()) out += fmt::format("{} ", eol);
    out += "=?UTF-8?B?" + base64(text.substr(pos, end - pos)) + "?=";
    pos = end;
  }
  return out;
}

std::string base64_lines(std::string_view data, std::string_view eol) {
  const std::string all = base64(data);
  std::string out;
  for (std::size_t i = 0; i < all.size(); i += k_line) {
    out += all.substr(i, k_line);
    out += eol;
  }
  return out;
}

std::string rfc5322_date(std::string_view ts, long long epoch_seconds) {
  auto num = [ts](std::size_t at, std::size_t n) { return std::stoi(std::string(ts.substr(at, n))); };
  const int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), s = num(17, 2);
  const long long days = days_from_civil(y, mo, d);
  const long long local_epoch = days * 86400 + h * 3600 + mi * 60 + s;
  const long long offset_min = (local_epoch - epoch_seconds) / 60;
  const long long a = offset_min < 0 ? -offset_min : offset_min;
  return fmt::format(
      "{}, {:02} {} {:04} {:02}:{:02}:{:02} {}{:02}{:02}", k_weekdays[static_cast<std::size_t>(((days % 7) + 7) % 7)],
      d, k_months[static_cast<std::size_t>(mo - 1)], y, h, mi, s, offset_min < 0 ? '-' : '+', a / 60, a % 60);
}

std::string digest_message_id(std::string_view recipient_key, std::string_view as_of, std::string_view domain) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a, 64 bits
  for (char c : recipient_key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("<digest.{}.{:016x}@{}>", as_of, hash, domain.empty() ? "localhost" : domain);
}

std::string render(const Message& m, bool crlf) {
  const std::string_view eol = crlf ? "\r\n" : "\n";
  std::string out;
  auto header = [&](std::string_view name, std::string_view value) {
    out += fmt::format("{}: {}{}", name, value, eol);
  };
  if (!m.from.empty()) header("From", fmt::format("dormlink <{}>", m.from));
  header("To",
         m.to_name.empty() ? fmt::format("<{}>", m.to) : fmt::format("{} <{}>", encode_words(m.to_name, eol), m.to));
  header("Subject", encode_words(m.subject, eol));
  header("Date", m.date);
  header("Message-ID", m.message_id);
  header("MIME-Version", "1.0");
  header("Content-Type", "text/plain; charset=UTF-8");
  header("Content-Transfer-Encoding", "base64");
  header("Auto-Submitted", "auto-generated");
  out += eol;
  out += base64_lines(m.body, eol);
  return out;
}

}  // namespace dormlink::mail
