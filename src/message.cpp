#include "dormlink/message.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "dormlink/language.hpp"
#include "dormlink/mail/message.hpp"
#include "dormlink/model.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink {
namespace {

// The messages of this module (docs/messages.md).
namespace msg {
inline constexpr Message not_utf8{"is not valid UTF-8 ({})", "不是有效的 UTF-8 文本（{}）"};
inline constexpr Message hidden_character{
    "contains {} (an invisible control or format character) at character {}; names, ids and codes must be plain "
    "visible text",
    "第 {1} 个字符处含有 {0}（不可见的控制或格式字符）；姓名、编号和代码只能是普通可见文字"};
inline constexpr Message value_not_shown{"(value not shown)", "（值不显示）"};
inline constexpr Message not_shown{"(not shown)", "（不显示）"};

// The system's reasons (strerror) a person meets most, in the message language.
struct SystemReason {
  int code;
  Message text;
};
constexpr SystemReason k_system_reasons[] = {
    {ENOENT, {"No such file or directory", "文件或文件夹不存在"}},
    {EACCES, {"Permission denied", "权限不足"}},
    {EPERM, {"Operation not permitted", "不允许此操作"}},
    {ENOSPC, {"No space left on device", "磁盘空间已满"}},
    {EDQUOT, {"Disk quota exceeded", "超出磁盘配额"}},
    {EROFS, {"Read-only file system", "文件系统是只读的"}},
    {EISDIR, {"Is a directory", "这是一个文件夹"}},
    {ENOTDIR, {"Not a directory", "路径中有一部分不是文件夹"}},
    {EEXIST, {"File exists", "文件已存在"}},
    {ENAMETOOLONG, {"File name too long", "文件名太长"}},
    {ELOOP, {"Too many levels of symbolic links", "符号链接层数过多"}},
    {EMFILE, {"Too many open files", "打开的文件过多"}},
    {EIO, {"Input/output error", "输入输出错误"}},
    {EBUSY, {"Device or resource busy", "设备或资源忙"}},
    {ETXTBSY, {"Text file busy", "文件正被使用"}},
    {EPIPE, {"Broken pipe", "管道已断开"}},
    {ENOEXEC, {"Exec format error", "不是可执行文件"}},
};
}  // namespace msg

// Runs of 7 or more digits may be phone numbers (a Chinese landline has 7 or 8 digits).
constexpr std::size_t k_phone_digits = 7;

// Category spellings this long are looked for inside text; shorter ones ("心理") only match
// a whole value, so that ordinary words that contain them stay readable.
constexpr std::size_t k_spelling_inside = 4;

// Digit groups joined by spaces or dashes: one number as a reader would see it.
struct Chain {
  std::size_t first = 0;  // index of the first group
  std::size_t last = 0;   // index of the last group
  bool date = false;
};

bool is_year(const std::string& digits) {
  return digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
}

bool is_month_day(std::string_view month, std::string_view day) {
  const int m = std::stoi(std::string(month));
  const int d = std::stoi(std::string(day));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

// A date as typed, right or wrong: 4, 1-2 and 1-3 digits joined by single dashes, starting at
// group i ("2026-09-07", "2026-13-01", "2026-03-011"). Nobody groups a phone number so.
bool is_dashed_date(const std::vector<util::DigitGroup>& g, std::size_t i) {
  if (i + 2 >= g.size() || g[i].digits.size() != 4) return false;
  for (std::size_t k = i + 1; k <= i + 2; ++k) {
    if (!g[k].joined || g[k].gap != "-" || g[k].digits.size() > (k == i + 1 ? 2U : 3U)) return false;
  }
  return true;
}

// 20260907: eight digits that read as a date.
bool is_compact_date(const std::string& d) {
  return d.size() == 8 && is_year(d.substr(0, 4)) && is_month_day(d.substr(4, 2), d.substr(6, 2));
}

// Groups chained as numbers; a date is a chain of its own and never joins its neighbours.
std::vector<Chain> chains_of(const std::vector<util::DigitGroup>& g) {
  std::vector<Chain> chains;
  for (std::size_t i = 0; i < g.size(); ++i) {
    if (is_dashed_date(g, i)) {
      chains.push_back({i, i + 2, true});
      i += 2;
    } else if (is_compact_date(g[i].digits)) {
      chains.push_back({i, i, true});
    } else if (!chains.empty() && !chains.back().date && chains.back().last + 1 == i && g[i].joined) {
      chains.back().last = i;
    } else {
      chains.push_back({i, i, false});
    }
  }
  return chains;
}

std::string digits_of(const std::vector<util::DigitGroup>& g, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t k = first; k <= last; ++k) out += g[k].digits;
  return out;
}

// A Chinese mobile number (optionally after 86 or 0086) or a landline with its area code.
bool is_phone_shaped(std::string d) {
  if (d.size() == 15 && d.starts_with("0086")) d.erase(0, 4);
  if (d.size() == 13 && d.starts_with("86")) d.erase(0, 2);
  if (d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9') return true;
  return d.size() >= 10 && d.size() <= 12 && d[0] == '0' && d[1] != '0';
}

// A byte span of the text to replace.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Every run of 7 or more digits that is not a date (strict), or every phone-shaped part of a
// number (the net).
std::vector<Span> number_spans(std::string_view text, bool strict) {
  const auto g = util::digit_groups(text);
  std::vector<Span> spans;
  for (const Chain& c : chains_of(g)) {
    if (c.date) continue;
    if (strict && digits_of(g, c.first, c.last).size() >= k_phone_digits) {
      spans.push_back({g[c.first].begin, g[c.last].end});
      continue;
    }
    for (std::size_t i = c.first; i <= c.last; ++i) {
      for (std::size_t j = i; j <= c.last; ++j) {
        if (is_phone_shaped(digits_of(g, i, j))) spans.push_back({g[i].begin, g[j].end});
      }
    }
  }
  return spans;
}

// Text compared with category spellings: ASCII lower-case, '_' and '-' as spaces. Keeps every
// byte where it was, so positions found in it are positions in the text.
std::string folded(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_' || c == '-') c = ' ';
  }
  return out;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

// Where the spellings of four or more characters occur in the text.
std::vector<Span> category_spans(std::string_view text) {
  const std::string haystack = folded(text);
  std::vector<Span> spans;
  for (auto spelling : attention_spellings()) {
    if (code_points(spelling) < k_spelling_inside) continue;
    const std::string needle = folded(spelling);
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
      spans.push_back({at, at + needle.size()});
    }
  }
  return spans;
}

bool names_category(std::string_view text) {
  if (!category_spans(text).empty()) return true;
  const std::string whole = folded(util::trim(text));
  for (auto spelling : attention_spellings()) {
    if (whole == folded(spelling)) return true;
  }
  return false;
}

// Every e-mail-address-shaped part: local@domain with a dot in the domain.
std::vector<Span> address_spans(std::string_view text) {
  std::vector<Span> out;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && mail::is_local_char(text[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && mail::is_domain_char(text[end])) ++end;
    while (end > at + 1 && text[end - 1] == '.') --end;  // a full stop after the address
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    if (begin < at && domain.find('.') != std::string_view::npos) out.push_back({begin, end});
  }
  return out;
}

// The text with every span replaced by (not shown); overlapping spans merge.
std::string replace_spans(std::string_view text, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < spans.size();) {
    Span merged = spans[i];
    while (++i < spans.size() && spans[i].begin < merged.end) merged.end = std::max(merged.end, spans[i].end);
    out.append(text.substr(pos, merged.begin - pos));
    out += msg::not_shown();
    pos = merged.end;
  }
  out.append(text.substr(pos));
  return out;
}

std::string scrub(std::string_view message, bool strict) {
  const std::string visible = util::escape_hidden(message, util::LineBreaks::keep);
  auto spans = number_spans(visible, strict);
  auto categories = category_spans(visible);
  spans.insert(spans.end(), categories.begin(), categories.end());
  auto addresses = address_spans(visible);
  spans.insert(spans.end(), addresses.begin(), addresses.end());
  if (spans.empty()) return visible;
  return replace_spans(visible, std::move(spans));
}

}  // namespace

bool is_sensitive_value(std::string_view text) {
  // NFKC needs valid UTF-8: a malformed byte is shown as U+FFFD first.
  const std::string visible = util::escape_hidden(text, util::LineBreaks::mark);
  const std::string normal = util::nfkc(visible);
  return !number_spans(normal, true).empty() || names_category(normal) || !address_spans(normal).empty();
}

std::string quote_value(std::string_view value) {
  if (is_sensitive_value(value)) return msg::value_not_shown();
  return "\"" + util::escape_hidden(value, util::LineBreaks::mark) + "\"";
}

std::string scrub_message(std::string_view message) { return scrub(message, false); }

std::string system_error_text(int code) {
  for (const auto& reason : msg::k_system_reasons) {
    if (reason.code == code) return reason.text();
  }
  return std::strerror(code);
}

std::string scrub_command_line_echo(std::string_view message) { return scrub(message, true); }

std::optional<std::string> utf8_problem(std::string_view text) {
  const std::string where = util::describe_invalid_utf8(text);
  if (where.empty()) return std::nullopt;
  return msg::not_utf8(where);
}

std::optional<std::string> name_problem(std::string_view text) {
  if (auto problem = utf8_problem(text)) return problem;
  const auto hidden = util::find_hidden_character(text);
  if (!hidden) return std::nullopt;
  return msg::hidden_character(util::code_point_label(hidden->code_point), hidden->position);
}

}  // namespace dormlink
