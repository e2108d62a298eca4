// The TOML config (docs/config.md): a lexical pre-check that keeps malformed text away from
// toml++, the validation of every key against the key tables below, and the commented
// rendering `dormlink init` writes. toml++ is used in this file only.
#include "dormlink/config.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <system_error>
#include <type_traits>
#include <variant>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "dormlink/error.hpp"
#include "dormlink/util/file_kind.hpp"
#include "dormlink/util/text.hpp"
#include "dormlink/util/timezone.hpp"

namespace dormlink {
namespace {

constexpr std::size_t k_max_config_bytes = 1024 * 1024;
constexpr std::size_t k_max_problems = 100;
constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// A problem with its position, before it becomes "source:line:col: message".
struct Located {
  std::size_t line = 1;
  std::size_t column = 1;
  std::string message;
};

template <class E>
struct EnumName {
  E value;
  std::string_view name;
};

constexpr std::array<EnumName<Language>, 2> k_language_names{
    {{Language::zh, "zh"}, {Language::en, "en"}}};
constexpr std::array<EnumName<Period>, 4> k_period_names{{{Period::week, "week"},
                                                          {Period::biweek, "biweek"},
                                                          {Period::month, "month"},
                                                          {Period::semester, "semester"}}};
constexpr std::array<EnumName<DutyScope>, 2> k_scope_names{
    {{DutyScope::dorm, "dorm"}, {DutyScope::member, "member"}}};
constexpr std::array<EnumName<Weekday>, 7> k_weekday_names{{{Weekday::monday, "monday"},
                                                            {Weekday::tuesday, "tuesday"},
                                                            {Weekday::wednesday, "wednesday"},
                                                            {Weekday::thursday, "thursday"},
                                                            {Weekday::friday, "friday"},
                                                            {Weekday::saturday, "saturday"},
                                                            {Weekday::sunday, "sunday"}}};
constexpr std::array<std::string_view, 7> k_english_weekdays{
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

std::span<const EnumName<Language>> names_of(Language) { return k_language_names; }
std::span<const EnumName<Period>> names_of(Period) { return k_period_names; }
std::span<const EnumName<DutyScope>> names_of(DutyScope) { return k_scope_names; }
std::span<const EnumName<Weekday>> names_of(Weekday) { return k_weekday_names; }

// The config spelling of an enum value.
template <class E>
std::string_view enum_name(E value) {
  for (const auto& entry : names_of(value)) {
    if (entry.value == value) return entry.name;
  }
  return "?";
}

// The enum value with this config spelling, if any.
template <class E>
std::optional<E> enum_from_name(std::string_view name) {
  for (const auto& entry : names_of(E{})) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

// "a", "b", "c" (or a, b, c unquoted) for messages.
std::string join_names(std::span<const std::string_view> names, bool quote) {
  std::string out;
  for (const auto name : names) {
    if (!out.empty()) out += ", ";
    out += quote ? fmt::format("\"{}\"", name) : std::string(name);
  }
  return out;
}

template <class E>
std::string allowed_names(E value) {
  std::vector<std::string_view> names;
  for (const auto& entry : names_of(value)) names.push_back(entry.name);
  return join_names(names, true);
}

// One decoded code point and its length in bytes; length 0 when the bytes are not UTF-8
// (overlong forms, surrogates and values above U+10FFFF included).
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;
};

// The lead bytes of multi-byte UTF-8: mask, pattern, sequence length, smallest code point.
struct Utf8Form {
  std::uint32_t mask;
  std::uint32_t pattern;
  std::size_t length;
  std::uint32_t minimum;
};
constexpr std::array<Utf8Form, 3> k_utf8_forms{
    {{0xE0, 0xC0, 2, 0x80}, {0xF0, 0xE0, 3, 0x800}, {0xF8, 0xF0, 4, 0x10000}}};

CodePoint decode_utf8(std::string_view text, std::size_t pos) {
  const std::uint32_t lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80U) return {static_cast<char32_t>(lead), 1};
  for (const Utf8Form& form : k_utf8_forms) {
    if ((lead & form.mask) != form.pattern) continue;
    if (form.length > text.size() - pos) return {};
    std::uint32_t value = lead & ~form.mask & 0xFFU;
    for (std::size_t i = 1; i < form.length; ++i) {
      const std::uint32_t byte = static_cast<unsigned char>(text[pos + i]);
      if ((byte & 0xC0U) != 0x80U) return {};
      value = (value << 6U) | (byte & 0x3FU);
    }
    if (value < form.minimum || value > 0x10FFFFU || (value >= 0xD800U && value <= 0xDFFFU)) {
      return {};
    }
    return {static_cast<char32_t>(value), form.length};
  }
  return {};
}

// C0 controls other than tab, LF and CR; DEL; the C1 controls.
bool is_forbidden_control(char32_t c) {
  return (c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r') || (c >= 0x7F && c <= 0x9F);
}

// Invisible format characters that can hide or reorder text: zero-width characters, bidi
// embeddings, overrides and isolates, invisible operators, and U+FEFF.
bool is_invisible_format(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

bool is_digit(int c) { return c >= '0' && c <= '9'; }

bool is_bare_key_char(int c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
}

// The characters at which toml++ stops scanning an unquoted value.
bool is_scan_terminator(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ']' || c == '}' || c == ',' ||
         c == '#';
}

// Full-width and typographic characters a Chinese input method types in place of ASCII syntax.
constexpr std::array<std::pair<char32_t, std::string_view>, 12> k_ime_lookalikes{{
    {U'\u3000', " "}, {U'\uFF1D', "="}, {U'\uFF0C', ","}, {U'\u3001', ","},
    {U'\uFF3B', "["}, {U'\uFF3D', "]"}, {U'\u201C', "\""}, {U'\u201D', "\""},
    {U'\u2018', "'"}, {U'\u2019', "'"}, {U'\uFF03', "#"}, {U'\uFF0E', "."},
}};

// A string for a message: quoted, control and invisible characters escaped, long text cut.
std::string quoted(std::string_view text) {
  constexpr std::size_t k_max_shown = 60;
  std::string out = "\"";
  std::size_t pos = 0;
  std::size_t shown = 0;
  while (pos < text.size() && shown < k_max_shown) {
    const CodePoint cp = decode_utf8(text, pos);
    const char32_t c = cp.length == 0 ? U'\uFFFD' : cp.value;
    pos += cp.length == 0 ? 1 : cp.length;
    ++shown;
    if (c == U'"' || c == U'\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == U'\n') {
      out += "\\n";
    } else if (c == U'\t') {
      out += "\\t";
    } else if (is_forbidden_control(c) || c == U'\r' || is_invisible_format(c)) {
      out += fmt::format("\\u{:04X}", static_cast<std::uint32_t>(c));
    } else {
      util::append_utf8(out, c);
    }
  }
  if (pos < text.size()) out += "…";
  return out + "\"";
}

// "X" (U+XXXX) for messages.
std::string describe_code_point(char32_t c) {
  std::string glyph;
  util::append_utf8(glyph, c);
  return fmt::format("\"{}\" (U+{:04X})", glyph, static_cast<std::uint32_t>(c));
}

// Scans the raw text before toml++ sees it. Besides size, encoding, control and invisible
// characters, it stops the shapes on which toml++ 3.3.0 asserts or runs into undefined
// behaviour instead of reporting an error (docs/config.md, "Robustness"). It follows TOML's
// lexical structure (comments, the four string kinds, keys, values, array and inline-table
// nesting) exactly as far as the text is valid, which is as far as toml++ reads it.
class PreCheck {
 public:
  explicit PreCheck(std::string_view text) : m_text(text) {}
  std::vector<Located> run();

 private:
  enum class Mode { code, comment, basic, multi_basic, literal, multi_literal };
  enum class Context { statement, key, header, value, scalar, after_value };
  enum class Bracket { array, inline_table };
  struct Mark {
    std::size_t line;
    std::size_t column;
  };

  int peek(std::size_t ahead = 0) const;
  char32_t take(Mark& at);
  void skip_ascii(std::size_t count);
  void report(Mark at, std::string message);
  void step(char32_t c, Mark at);
  void step_code(char32_t c, Mark at);
  void step_statement(char ch, Mark at);
  void step_value(char ch, Mark at);
  void step_after_value(char ch, Mark at);
  void step_string(char32_t c);
  void step_multi_line_string(char32_t c);
  void open_string(char quote, Context after);
  void escape(bool multi_line);
  void line_continuation();
  void close_bracket(char ch, Mark at);
  void check_header(Mark at);
  void end_scalar(int terminator);
  void on_newline();
  void report_outside_string(char32_t c, Mark at);

  static constexpr char32_t k_not_utf8 = 0xFFFFFFFF;

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::size_t m_line = 1;
  std::size_t m_column = 1;
  Mode m_mode = Mode::code;
  Context m_context = Context::statement;
  Context m_after_string = Context::after_value;
  std::vector<Bracket> m_brackets;
  std::string m_run;
  Mark m_run_at{1, 1};
  std::size_t m_bad_utf8 = 0;
  std::size_t m_bad_utf8_index = 0;
  std::vector<Located> m_problems;
};

// Scans the whole text; stops early once there are more problems than will be shown.
std::vector<Located> PreCheck::run() {
  while (m_pos < m_text.size() && m_problems.size() <= k_max_problems) {
    Mark at{};
    const char32_t c = take(at);
    if (c == k_not_utf8) continue;
    if (is_forbidden_control(c)) {
      report(at, fmt::format("control character U+{:04X} is not allowed; delete it",
                             static_cast<std::uint32_t>(c)));
    } else if (c == U'\r') {
      if (peek() != '\n') report(at, "a carriage return (U+000D) must be followed by a line feed");
    } else {
      step(c, at);
    }
  }
  if (m_mode == Mode::code && m_context == Context::scalar) end_scalar(-1);
  if (m_bad_utf8 > 1) {
    m_problems[m_bad_utf8_index].message += fmt::format(" ({} such bytes in all)", m_bad_utf8);
  }
  return std::move(m_problems);
}

// The byte `ahead` positions on, or -1 past the end.
int PreCheck::peek(std::size_t ahead) const {
  if (ahead >= m_text.size() - m_pos) return -1;
  return static_cast<unsigned char>(m_text[m_pos + ahead]);
}

// Decodes the next code point and moves past it; a byte that is not UTF-8 is reported (the
// first one, with the count of all) and yields k_not_utf8.
char32_t PreCheck::take(Mark& at) {
  at = Mark{m_line, m_column};
  const CodePoint cp = decode_utf8(m_text, m_pos);
  if (cp.length == 0) {
    if (m_bad_utf8++ == 0) {
      m_bad_utf8_index = m_problems.size();
      report(at, fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                             static_cast<unsigned char>(m_text[m_pos])));
    }
    ++m_pos;
    ++m_column;
    return k_not_utf8;
  }
  m_pos += cp.length;
  if (cp.value == U'\n') {
    ++m_line;
    m_column = 1;
  } else {
    ++m_column;
  }
  return cp.value;
}

void PreCheck::skip_ascii(std::size_t count) {
  m_pos += count;
  m_column += count;
}

void PreCheck::report(Mark at, std::string message) {
  m_problems.push_back(Located{at.line, at.column, std::move(message)});
}

// One code point, by lexical mode; comments may hold any text but invisible characters.
void PreCheck::step(char32_t c, Mark at) {
  switch (m_mode) {
    case Mode::code:
      step_code(c, at);
      return;
    case Mode::comment:
      if (c == U'\n') {
        m_mode = Mode::code;
        on_newline();
      } else if (is_invisible_format(c)) {
        report_outside_string(c, at);
      }
      return;
    case Mode::basic:
    case Mode::literal:
      step_string(c);
      return;
    case Mode::multi_basic:
    case Mode::multi_literal:
      step_multi_line_string(c);
      return;
  }
}

// Outside strings and comments only ASCII may appear: toml++ 3.3.0 classifies a non-ASCII
// character there with a whitespace table whose lookup is undefined for most code points.
void PreCheck::step_code(char32_t c, Mark at) {
  if (c >= 0x80) {
    report_outside_string(c, at);
    return;
  }
  const char ch = static_cast<char>(c);
  if (m_context == Context::scalar) {
    if (!is_scan_terminator(ch)) {
      m_run.push_back(ch);
      return;
    }
    end_scalar(ch);
  }
  if (ch == ' ' || ch == '\t') return;
  if (ch == '\n') return on_newline();
  if (ch == '#') {
    m_mode = Mode::comment;
    return;
  }
  switch (m_context) {
    case Context::statement:
      return step_statement(ch, at);
    case Context::key:
    case Context::header:
      if (ch == '"' || ch == '\'') return open_string(ch, m_context);
      if (ch == '=' && m_context == Context::key) m_context = Context::value;
      if (ch == ']' && m_context == Context::header) m_context = Context::after_value;
      if (ch == '}') close_bracket(ch, at);
      return;
    case Context::value:
      return step_value(ch, at);
    case Context::scalar:
    case Context::after_value:
      return step_after_value(ch, at);
  }
}

// The first character of a line outside any value: a table header, a quoted or a bare key.
void PreCheck::step_statement(char ch, Mark at) {
  if (ch == '[') {
    check_header(at);
    m_context = Context::header;
  } else if (ch == '"' || ch == '\'') {
    open_string(ch, Context::key);
  } else {
    m_context = is_bare_key_char(ch) ? Context::key : Context::after_value;
  }
}

// Where a value starts: a string, an array, an inline table, or an unquoted value that toml++
// scans up to the next terminator.
void PreCheck::step_value(char ch, Mark at) {
  switch (ch) {
    case '"':
    case '\'':
      return open_string(ch, Context::after_value);
    case '[':
      m_brackets.push_back(Bracket::array);
      return;
    case '{':
      m_brackets.push_back(Bracket::inline_table);
      m_context = Context::key;
      return;
    case ']':
    case '}':
      return close_bracket(ch, at);
    case ',':
    case '=':
      return;
    default:
      m_context = Context::scalar;
      m_run.assign(1, ch);
      m_run_at = at;
  }
}

// After a value: "," leads to the next array element or inline-table key.
void PreCheck::step_after_value(char ch, Mark at) {
  if (ch == ']' || ch == '}') return close_bracket(ch, at);
  if (ch != ',' || m_brackets.empty()) return;
  m_context = m_brackets.back() == Bracket::array ? Context::value : Context::key;
}

// Inside a one-line string; a line break ends it unterminated, as it does for toml++.
void PreCheck::step_string(char32_t c) {
  const char32_t quote = m_mode == Mode::basic ? U'"' : U'\'';
  if (c == quote) {
    m_mode = Mode::code;
    m_context = m_after_string;
  } else if (c == U'\\' && m_mode == Mode::basic) {
    escape(false);
  } else if (c == U'\n') {
    m_mode = Mode::code;  // unterminated; toml++ reports it
    on_newline();
  }
}

// A run of three to five quotes closes a multi-line string (up to two belong to the text).
void PreCheck::step_multi_line_string(char32_t c) {
  const char quote = m_mode == Mode::multi_basic ? '"' : '\'';
  if (c == U'\\' && m_mode == Mode::multi_basic) return escape(true);
  if (c != static_cast<char32_t>(quote)) return;
  std::size_t more = 0;
  while (peek(more) == quote) ++more;
  if (more < 2) return skip_ascii(more);
  skip_ascii(std::min<std::size_t>(more, 4));
  m_mode = Mode::code;
  m_context = m_after_string;
}

// Enters a string at its opening quote (three quotes open a multi-line one); `after` is the
// context once it closes.
void PreCheck::open_string(char quote, Context after) {
  m_after_string = after;
  const bool triple = peek() == quote && peek(1) == quote;
  if (triple) skip_ascii(2);
  if (quote == '"') {
    m_mode = triple ? Mode::multi_basic : Mode::basic;
  } else {
    m_mode = triple ? Mode::multi_literal : Mode::literal;
  }
}

// After a backslash in a basic string: the escaped character must be ASCII (toml++ tests a
// non-ASCII one against its faulty whitespace table in multi-line strings).
void PreCheck::escape(bool multi_line) {
  const int next = peek();
  if (next < 0) return;
  if (next >= 0x80) {
    const CodePoint cp = decode_utf8(m_text, m_pos);
    if (cp.length == 0) return;
    report(Mark{m_line, m_column},
           fmt::format("invalid escape: a backslash before {}; delete the backslash",
                       describe_code_point(cp.value)));
    return;
  }
  if (multi_line && (next == ' ' || next == '\t' || next == '\r' || next == '\n')) {
    return line_continuation();
  }
  if (next >= 0x20 && next < 0x7F) skip_ascii(1);
}

// A line-ending backslash: toml++ skips the white space and line breaks after it and tests
// the first other character with the same faulty table, so that character must be ASCII.
void PreCheck::line_continuation() {
  for (int next = peek(); next == ' ' || next == '\t' || next == '\r' || next == '\n';
       next = peek()) {
    Mark at{};
    if (take(at) == U'\r' && peek() != '\n') {
      report(at, "a carriage return (U+000D) must be followed by a line feed");
    }
  }
  if (peek() < 0x80) return;
  const CodePoint cp = decode_utf8(m_text, m_pos);
  if (cp.length == 0) return;
  report(Mark{m_line, m_column},
         fmt::format("{} after a line-ending backslash; start the continued text with an ASCII "
                     "character or remove the backslash",
                     describe_code_point(cp.value)));
}

// "]" and "}" close the innermost array or inline table; "}" inside an array makes toml++
// parse "}" as a value, which it asserts never happens.
void PreCheck::close_bracket(char ch, Mark at) {
  if (m_brackets.empty()) return;
  const Bracket top = m_brackets.back();
  if (ch == '}' && top == Bracket::array) {
    report(at, "\"}\" inside an array; an array ends with \"]\"");
    return;
  }
  if (ch == ']' && top == Bracket::inline_table) return;
  m_brackets.pop_back();
  m_context = Context::after_value;
}

// A table header: after "[" or "[[" and any blanks, a bare or quoted key must start on the
// same line; toml++ asserts that it does.
void PreCheck::check_header(Mark at) {
  const std::size_t brackets = peek() == '[' ? 2 : 1;
  std::size_t ahead = brackets - 1;
  while (peek(ahead) == ' ' || peek(ahead) == '\t') ++ahead;
  const int next = peek(ahead);
  if (is_bare_key_char(next) || next == '"' || next == '\'') return;
  std::string found;
  if (next < 0) {
    found = "the end of the file";
  } else if (next == '\n' || next == '\r') {
    found = "the end of the line";
  } else if (next >= 0x80) {
    const CodePoint cp = decode_utf8(m_text, m_pos + ahead);
    found = cp.length == 0 ? std::string("a byte that is not UTF-8")
                           : describe_code_point(cp.value);
  } else {
    found = fmt::format("\"{}\"", static_cast<char>(next));
  }
  report(Mark{at.line, at.column + ahead + 1},
         fmt::format("a table header needs a name after \"{}\" on the same line, found {}",
                     std::string(brackets, '['), found));
}

// An unquoted value ends. toml++ 3.3.0 asserts on two shapes of it: a local date with "T"
// and no time digit after it, and a local date, a space and one lone digit.
void PreCheck::end_scalar(int terminator) {
  m_context = Context::after_value;
  const std::string& run = m_run;
  const auto date_at_start = [&run] {
    return run.size() >= 10 && is_digit(run[0]) && is_digit(run[1]) && is_digit(run[2]) &&
           is_digit(run[3]) && run[4] == '-' && is_digit(run[5]) && is_digit(run[6]) &&
           run[7] == '-' && is_digit(run[8]) && is_digit(run[9]);
  };
  if (date_at_start() && run.size() > 10 && (run[10] == 'T' || run[10] == 't') &&
      (run.size() == 11 || !is_digit(run[11]))) {
    report(m_run_at, fmt::format("{}: a date and \"T\" must be followed by a time (HH:MM:SS)",
                                 quoted(run)));
    return;
  }
  std::string digits_and_dashes;
  std::copy_if(run.begin(), run.end(), std::back_inserter(digits_and_dashes),
               [](char c) { return c != '_'; });
  const std::string_view last = digits_and_dashes;
  if (terminator == ' ' && last.size() == 10 && is_digit(last[0]) && last[4] == '-' &&
      last[7] == '-' && is_digit(peek()) && (peek(1) < 0 || is_scan_terminator(peek(1)))) {
    report(m_run_at, fmt::format("{} followed by the lone digit \"{}\"; write a time as "
                                 "HH:MM:SS or delete the digit",
                                 quoted(run), static_cast<char>(peek())));
  }
}

// A line break outside strings ends a statement unless an array or inline table is open.
void PreCheck::on_newline() {
  if (m_brackets.empty()) m_context = Context::statement;
}

// A non-ASCII character outside strings (or an invisible one in a comment), naming the ASCII
// character meant when it is a full-width stand-in.
void PreCheck::report_outside_string(char32_t c, Mark at) {
  if (is_invisible_format(c)) {
    report(at, fmt::format("invisible character U+{:04X} outside a string; delete it",
                           static_cast<std::uint32_t>(c)));
    return;
  }
  for (const auto& [wide, ascii] : k_ime_lookalikes) {
    if (wide == c) {
      report(at, fmt::format("full-width {} outside a string; type the ASCII \"{}\"",
                             describe_code_point(c), ascii));
      return;
    }
  }
  report(at, fmt::format("{} outside a string or comment; only ASCII may appear there (put "
                         "text in quotes)",
                         describe_code_point(c)));
}

// What a key of a section holds.
template <class Section>
using Field = std::variant<int Section::*, bool Section::*, std::string Section::*,
                           std::vector<std::string> Section::*, Language Section::*,
                           Period Section::*, DutyScope Section::*, Weekday Section::*>;

// Checks a string value; returns the problem, or nullopt when the value is fine.
using StringCheck = std::optional<std::string> (*)(const std::string& value);

// One key: its name, the member it sets, the comment render_config writes (English with the
// Chinese term of the regulation), the allowed range for integers, a check for strings.
template <class Section>
struct KeySpec {
  std::string_view name;
  Field<Section> field;
  std::string_view comment;
  int min = 0;
  int max = 0;
  StringCheck check = nullptr;
};

// One [section]: its name, the comment above it, its keys.
template <class Section>
struct SectionSpec {
  std::string_view name;
  std::string_view comment;
  std::span<const KeySpec<Section>> keys;
};

std::optional<std::string> check_not_empty(const std::string& value) {
  if (!util::trim(value).empty()) return std::nullopt;
  return "it must not be empty";
}

std::optional<std::string> check_time_zone(const std::string& value) {
  if (util::is_known_time_zone(value)) return std::nullopt;
  return fmt::format("unknown time zone {}; use an IANA name such as \"Asia/Shanghai\"",
                     quoted(value));
}

std::optional<std::string> check_semester_id(const std::string& value) {
  if (value.empty()) return "it must not be empty";
  if (std::all_of(value.begin(), value.end(), [](char c) { return is_bare_key_char(c); })) {
    return std::nullopt;
  }
  return fmt::format("{} may contain only ASCII letters, digits, \"-\" and \"_\"", quoted(value));
}

using C = CollegeConfig;
constexpr std::array<KeySpec<C>, 3> k_college_keys{{
    {"name", &C::name, "college name in report titles (学院名称)", 0, 0, check_not_empty},
    {"time_zone", &C::time_zone, "IANA time zone in which \"today\" is reckoned (时区)", 0, 0,
     check_time_zone},
    {"language", &C::language, "report language: \"zh\" or \"en\" (报表语言)"},
}};

// REQUIREMENTS §1: 一人两至三间寝室; the weights are the assign model's penalties, bonus.
using A = AssignmentConfig;
constexpr std::array<KeySpec<A>, 9> k_assignment_keys{{
    {"min_dorms", &A::min_dorms, "fewest dorms per member (一人两至三间寝室)", A::k_fewest_dorms,
     A::k_most_dorms},
    {"max_dorms", &A::max_dorms, "most dorms per member (一人两至三间寝室)", A::k_fewest_dorms,
     A::k_most_dorms},
    {"senior_from_grade", &A::senior_from_grade,
     "years of study from this one up are senior (高年级)", 1, A::k_highest_senior_from_grade},
    {"candidates_take_dorms", &A::candidates_take_dorms,
     "candidates may contact dorms (党员发展对象)"},
    {"w_major", &A::w_major, "penalty: member's major differs from the dorm's (专业对口)", 0,
     1000},
    {"w_junior_same_grade", &A::w_junior_same_grade,
     "penalty: junior dorm, member of the same grade (高年级联系低年级)", 0, 1000},
    {"w_building", &A::w_building, "penalty: member lives in another building (楼栋)", 0, 1000},
    {"w_continuity", &A::w_continuity, "bonus: member had this dorm last semester (连续联系)",
     0, 1000},
    {"exclude", &A::exclude, "student ids of members who take no dorms (e.g. on placement, 实习)"},
}};

// REQUIREMENTS §2: "二个一、二个二", 谈心, 重点关注, 第一时间, 新生入学教育
using D = DutiesConfig;
constexpr std::array<KeySpec<D>, 10> k_duties_keys{{
    {"visits_per_week", &D::visits_per_week,
     "visits per dorm per teaching week (走访, \"二个二\")", 1, 7},
    {"talk_period", &D::talk_period,
     "talk to every resident once per week|biweek|month|semester (谈心)"},
    {"attention_talk_period", &D::attention_talk_period,
     "talk to each attention student at least this often (重点关注)"},
    {"activities_per_semester", &D::activities_per_semester,
     "dorm activities joined per semester (寝室活动, \"二个一\")", 0, 10},
    {"symposiums_per_semester", &D::symposiums_per_semester,
     "symposiums convened per semester (座谈会, \"二个一\")", 0, 10},
    {"activity_scope", &D::activity_scope,
     "count them per \"dorm\" or per \"member\" (每间寝室)"},
    {"incident_report_hours", &D::incident_report_hours,
     "report an incident to the counselor within N hours (第一时间)", 1, 720},
    {"orientation_weeks", &D::orientation_weeks,
     "first-year dorms: orientation in the first N autumn weeks (新生入学教育)", 0, 8},
    {"work_plan_due_week", &D::work_plan_due_week,
     "work plan due by the end of this teaching week (工作计划)", 1, 30},
    {"excused_waives_week", &D::excused_waives_week,
     "an excused record waives its dorm's visits and talks that week (因故未走访)"},
}};

// REQUIREMENTS §3: the form every two weeks, due Monday; the summary to the committee Tuesday.
using R = ReportingConfig;
constexpr std::array<KeySpec<R>, 3> k_reporting_keys{{
    {"period_weeks", &R::period_weeks,
     "feedback form every N teaching weeks (反馈表, 每两周)", 1, 8},
    {"member_form_due", &R::member_form_due,
     "members' forms due on this weekday after the period (报送时间)"},
    {"counselor_summary_due", &R::counselor_summary_due,
     "counselor's summary to the committee on this weekday (学院党委)"},
}};

// docs/check.md: "due soon" and "at risk".
using K = CheckConfig;
constexpr std::array<KeySpec<K>, 2> k_check_keys{{
    {"due_soon_days", &K::due_soon_days,
     "list unmet duties this many days before they fall due (即将到期)", 1, 14},
    {"at_risk_weeks", &K::at_risk_weeks,
     "semester duties unmet with this few duty weeks left are at risk (有风险)", 0, 30},
}};

// REQUIREMENTS §4: 检查组 不定期检查.
using I = InspectionConfig;
constexpr std::array<KeySpec<I>, 3> k_inspection_keys{{
    {"sample_percent", &I::sample_percent,
     "members sampled by default, in percent (抽查比例)", 1, 100},
    {"recent_days", &I::recent_days,
     "a dorm with no record in this many days is weighted up (近期未走访)", 1, 120},
    {"weight_up", &I::weight_up,
     "low-compliance members and unvisited dorms are this many times as likely (加权)", 1, 20},
}};

// REQUIREMENTS §4: grade bands 优秀 >= 90, 合格 >= 75, 基本合格 >= 60.
using S = AssessmentConfig;
constexpr std::array<KeySpec<S>, 3> k_assessment_keys{{
    {"excellent_from", &S::excellent_from, "score from which a member is excellent (优秀)", 0,
     100},
    {"pass_from", &S::pass_from, "score from which a member passes (合格)", 0, 100},
    {"basic_pass_from", &S::basic_pass_from,
     "score for a basic pass; below it fails (基本合格, 不合格)", 0, 100},
}};

using P = PrivacyConfig;
constexpr std::array<KeySpec<P>, 3> k_privacy_keys{{
    {"committee_sees_attention_names", &P::committee_sees_attention_names,
     "committee sees attention categories of named students (重点关注)"},
    {"small_count_threshold", &P::small_count_threshold,
     "the committee sees counts below this as \"<N\" (小数不显示)", 1, 100},
    {"mask_phones", &P::mask_phones, "mask phone numbers in reports (手机号码脱敏)"},
}};

// Input limits: generous for any college's rosters, small enough to stop a wrong file early.
using L = LimitsConfig;
constexpr std::array<KeySpec<L>, 3> k_limits_keys{{
    {"max_file_mib", &L::max_file_mib, "largest input file (roster CSV, --from-csv), in MiB (文件大小上限)",
     1, 4096},
    {"max_cell_kib", &L::max_cell_kib, "longest CSV cell, in KiB (单元格长度上限)", 1, 1048576},
    {"max_columns", &L::max_columns, "most fields in one CSV row (列数上限)", 1, 100000},
}};

constexpr SectionSpec<C> k_college{"college", "The college (学院)", k_college_keys};
constexpr SectionSpec<A> k_assignment{
    "assignment",
    "Who contacts which dorms (工作方式): 专业对口, 性别相同, 高年级联系低年级",
    k_assignment_keys};
constexpr SectionSpec<D> k_duties{"duties", "What each member does (工作职责)", k_duties_keys};
constexpr SectionSpec<R> k_reporting{
    "reporting", "The feedback form (联系寝室情况反馈表) and the counselor's summary",
    k_reporting_keys};
constexpr SectionSpec<K> k_check{"check", "What `dormlink check` lists before it is overdue (检查)",
                                 k_check_keys};
constexpr SectionSpec<I> k_inspection{"inspection", "The inspection group's spot checks (检查组)",
                                      k_inspection_keys};
constexpr SectionSpec<S> k_assessment{
    "assessment", "The branch's semester assessment (考核): grade bands, then weights",
    k_assessment_keys};
constexpr SectionSpec<P> k_privacy{"privacy", "What the committee may see (隐私)",
                                   k_privacy_keys};
constexpr SectionSpec<L> k_limits{"limits", "How large an input file may be (输入文件上限)",
                                  k_limits_keys};

// The assessment components, in the order render_config writes them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> k_weight_components{{
    {"visits", "visits made as due (走访)"},
    {"talks", "talks held as due (谈心)"},
    {"activities", "dorm activities joined (寝室活动)"},
    {"symposiums", "symposiums convened (座谈会)"},
    {"forms_on_time", "feedback forms filed on time (反馈表按时报送)"},
    {"incidents_on_time", "incidents reported in time (突发事件及时报告)"},
    {"plan_and_summary", "work plan and semester summary (工作计划, 总结)"},
    {"inspection", "inspection group findings (检查组)"},
}};

// The keys of a [[calendar.semester]] block.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> k_semester_keys{{
    {"id", "used on the command line (学期代号)"},
    {"name", "used in reports (学期名称)"},
    {"first_monday", "Monday of teaching week 1 (第一教学周星期一)"},
    {"teaching_weeks", "number of teaching weeks, 1..30 (教学周)"},
    {"holiday_weeks", "weeks without duties: holidays (节假日)"},
    {"exam_weeks", "weeks without duties: exams (考试周)"},
}};

constexpr std::array<std::string_view, 10> k_section_names{
    "college", "calendar", "assignment", "duties", "reporting", "check", "inspection", "assessment", "privacy",
    "limits"};

template <class Section>
std::vector<std::string_view> key_names(const SectionSpec<Section>& spec) {
  std::vector<std::string_view> names;
  for (const auto& key : spec.keys) names.push_back(key.name);
  return names;
}

template <std::size_t N>
std::vector<std::string_view> first_names(
    const std::array<std::pair<std::string_view, std::string_view>, N>& pairs) {
  std::vector<std::string_view> names;
  for (const auto& pair : pairs) names.push_back(pair.first);
  return names;
}

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The table label ("[duties]") of the section a key name belongs to, if any.
std::optional<std::string> owner_of(std::string_view key) {
  if (contains(key_names(k_college), key)) return "[college]";
  if (contains(key_names(k_assignment), key)) return "[assignment]";
  if (contains(key_names(k_duties), key)) return "[duties]";
  if (contains(key_names(k_reporting), key)) return "[reporting]";
  if (contains(key_names(k_check), key)) return "[check]";
  if (contains(key_names(k_inspection), key)) return "[inspection]";
  if (contains(key_names(k_assessment), key) || key == "weights") return "[assessment]";
  if (contains(key_names(k_privacy), key)) return "[privacy]";
  if (contains(key_names(k_limits), key)) return "[limits]";
  if (contains(first_names(k_weight_components), key)) return "[assessment.weights]";
  if (contains(first_names(k_semester_keys), key)) return "[[calendar.semester]]";
  if (key == "semester") return "[calendar]";
  return std::nullopt;
}

// Edit distance counting an adjacent transposition as one edit, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    before.swap(previous);
    previous.swap(current);
  }
  return previous[b.size()];
}

// The known name closest to a misspelt one, when it is close enough to be a typo.
std::optional<std::string_view> nearest_name(std::string_view name,
                                             const std::vector<std::string_view>& known) {
  if (name.size() > 64) return std::nullopt;
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  for (const auto candidate : known) {
    const std::size_t distance = edit_distance(lower, candidate);
    if (distance < best_distance && distance * 3 <= std::max(lower.size(), candidate.size())) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string_view type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

// What was found instead, for "expected ..., found ..."; a string shows its value.
std::string found(const toml::node& node) {
  if (const auto* text = node.as_string()) return fmt::format("a string ({})", quoted(text->get()));
  return std::string(type_name(node.type()));
}

Located located(const toml::source_region& where, std::string message) {
  return Located{std::max<std::size_t>(where.begin.line, 1),
                 std::max<std::size_t>(where.begin.column, 1), std::move(message)};
}

// One semester as read, with where it stands for messages about it.
struct SemesterEntry {
  Semester semester;
  toml::source_region where;
  std::string path;
};

// Reads a parsed TOML document into a Config, collecting every problem.
class Validator {
 public:
  Config run(const toml::table& root);
  std::vector<Located> take_problems() { return std::move(m_problems); }

 private:
  void add(const toml::source_region& where, std::string message);
  std::nullopt_t fail(const toml::node& node, const std::string& path, std::string message);
  void unknown_key(const toml::key& key, std::string_view label,
                   const std::vector<std::string_view>& known);
  std::optional<int> read_int(const toml::node& node, const std::string& path, int min, int max);
  std::optional<std::string> read_string(const toml::node& node, const std::string& path,
                                         StringCheck check);
  template <class E>
  std::optional<E> read_enum(const toml::node& node, const std::string& path);
  std::optional<std::vector<std::string>> read_string_list(const toml::node& node, const std::string& path);
  template <class Section>
  void read_section(const toml::table& root, const SectionSpec<Section>& spec, Section& out);
  template <class Section>
  void read_field(const KeySpec<Section>& spec, const toml::node& node, const std::string& path,
                  Section& out);
  void read_calendar(const toml::table& root, Calendar& calendar);
  std::optional<Semester> read_semester(const toml::table& table, const std::string& path);
  const toml::node* required(const toml::table& table, const std::string& path,
                             std::string_view key);
  std::optional<Date> read_date(const toml::node& node, const std::string& path);
  std::optional<Date> read_first_monday(const toml::node& node, const std::string& path);
  std::optional<std::vector<int>> read_weeks(const toml::node* node, const std::string& path,
                                             int teaching_weeks);
  void check_semester_ids(const toml::array& semesters);
  void check_semesters(std::vector<SemesterEntry>& entries);
  void read_weights(const toml::table& root, AssessmentConfig& assessment);
  void check_order(const toml::table& root, std::string_view section,
                   std::pair<std::string_view, int> low, std::pair<std::string_view, int> high,
                   bool strict);

  std::vector<Located> m_problems;
  std::set<std::string> m_failed;  // paths whose value was rejected; cross-checks skip them
};

// Reads every section, then checks the keys that depend on each other.
Config Validator::run(const toml::table& root) {
  const std::vector<std::string_view> sections(k_section_names.begin(), k_section_names.end());
  for (const auto& [key, node] : root) {
    if (!contains(sections, key.str())) unknown_key(key, "", sections);
  }
  Config config;
  read_section(root, k_college, config.college);
  read_calendar(root, config.calendar);
  read_section(root, k_assignment, config.assignment);
  read_section(root, k_duties, config.duties);
  read_section(root, k_reporting, config.reporting);
  read_section(root, k_check, config.check);
  read_section(root, k_inspection, config.inspection);
  read_section(root, k_assessment, config.assessment);
  read_weights(root, config.assessment);
  read_section(root, k_privacy, config.privacy);
  read_section(root, k_limits, config.limits);
  const auto& a = config.assignment;
  check_order(root, "assignment", {"min_dorms", a.min_dorms}, {"max_dorms", a.max_dorms}, false);
  const auto& s = config.assessment;
  check_order(root, "assessment", {"pass_from", s.pass_from}, {"excellent_from", s.excellent_from},
              true);
  check_order(root, "assessment", {"basic_pass_from", s.basic_pass_from},
              {"pass_from", s.pass_from}, true);
  return config;
}

void Validator::add(const toml::source_region& where, std::string message) {
  m_problems.push_back(located(where, std::move(message)));
}

// Records a rejected value at its position; returns nullopt for the caller's optional.
std::nullopt_t Validator::fail(const toml::node& node, const std::string& path,
                               std::string message) {
  add(node.source(), fmt::format("{}: {}", path, message));
  m_failed.insert(path);
  return std::nullopt;
}

// 'unknown key "vists_per_week" in [duties]; did you mean "visits_per_week"?'; the label is
// empty at the top level.
void Validator::unknown_key(const toml::key& key, std::string_view label,
                            const std::vector<std::string_view>& known) {
  const std::string where = label.empty() ? "at the top level" : fmt::format("in {}", label);
  std::string message = fmt::format("unknown key {} {}", quoted(key.str()), where);
  const auto owner = owner_of(key.str());
  if (owner && *owner != label) {
    message += fmt::format("; it belongs in {}", *owner);
  } else if (const auto near = nearest_name(key.str(), known)) {
    message += fmt::format("; did you mean \"{}\"?", *near);
  } else {
    message += fmt::format("; known keys: {}", join_names(known, false));
  }
  add(key.source(), std::move(message));
}

std::optional<int> Validator::read_int(const toml::node& node, const std::string& path, int min,
                                       int max) {
  const auto* value = node.as_integer();
  if (value == nullptr) return fail(node, path, "expected an integer, found " + found(node));
  const std::int64_t number = value->get();
  if (number < min || number > max) {
    return fail(node, path, fmt::format("{} is not between {} and {}", number, min, max));
  }
  return static_cast<int>(number);
}

std::optional<std::string> Validator::read_string(const toml::node& node, const std::string& path,
                                                  StringCheck check) {
  const auto* value = node.as_string();
  if (value == nullptr) return fail(node, path, "expected a string, found " + found(node));
  if (check != nullptr) {
    if (auto problem = check(value->get())) return fail(node, path, std::move(*problem));
  }
  return value->get();
}

// An array of non-empty strings (student ids), each trimmed and NFKC-normalised.
std::optional<std::vector<std::string>> Validator::read_string_list(const toml::node& node,
                                                                     const std::string& path) {
  const auto* array = node.as_array();
  if (array == nullptr) return fail(node, path, "expected an array of strings, found " + found(node));
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* item = (*array)[i].as_string();
    auto item_path = fmt::format("{}[{}]", path, i + 1);
    if (item == nullptr) {
      fail((*array)[i], item_path, "expected a string, found " + found((*array)[i]));
      ok = false;
    } else if (util::normalize_code(item->get()).empty()) {
      fail((*array)[i], item_path, "it must not be empty");
      ok = false;
    } else {
      out.push_back(util::normalize_code(item->get()));
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

template <class E>
std::optional<E> Validator::read_enum(const toml::node& node, const std::string& path) {
  const auto* value = node.as_string();
  if (value == nullptr) return fail(node, path, "expected a string, found " + found(node));
  if (auto parsed = enum_from_name<E>(value->get())) return parsed;
  return fail(node, path, fmt::format("{} is not allowed; use one of {}", quoted(value->get()),
                                      allowed_names(E{})));
}

// Reads the keys of one [section] through its key table; a missing section keeps defaults.
template <class Section>
void Validator::read_section(const toml::table& root, const SectionSpec<Section>& spec,
                             Section& out) {
  const toml::node* node = root.get(spec.name);
  if (node == nullptr) return;
  const auto* table = node->as_table();
  if (table == nullptr) {
    fail(*node, std::string(spec.name), "expected a table, found " + found(*node));
    return;
  }
  const bool has_weights = spec.name == k_assessment.name;
  for (const auto& [key, value] : *table) {
    const std::string_view name = key.str();
    const auto it = std::find_if(spec.keys.begin(), spec.keys.end(),
                                 [name](const auto& k) { return k.name == name; });
    if (it != spec.keys.end()) {
      read_field(*it, value, fmt::format("{}.{}", spec.name, name), out);
    } else if (!(has_weights && name == "weights")) {
      auto known = key_names(spec);
      if (has_weights) known.push_back("weights");
      unknown_key(key, fmt::format("[{}]", spec.name), known);
    }
  }
}

// Reads one value into the member its key names, by the member's type.
template <class Section>
void Validator::read_field(const KeySpec<Section>& spec, const toml::node& node,
                           const std::string& path, Section& out) {
  std::visit(
      [&](auto member) {
        using T = std::remove_reference_t<decltype(out.*member)>;
        if constexpr (std::is_same_v<T, int>) {
          if (auto value = read_int(node, path, spec.min, spec.max)) out.*member = *value;
        } else if constexpr (std::is_same_v<T, bool>) {
          if (const auto* value = node.as_boolean()) {
            out.*member = value->get();
          } else {
            fail(node, path, "expected true or false, found " + found(node));
          }
        } else if constexpr (std::is_same_v<T, std::string>) {
          if (auto value = read_string(node, path, spec.check)) out.*member = std::move(*value);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          if (auto value = read_string_list(node, path)) out.*member = std::move(*value);
        } else {
          if (auto value = read_enum<T>(node, path)) out.*member = *value;
        }
      },
      spec.field);
}

// [calendar]: the [[calendar.semester]] blocks, checked one by one and then together.
void Validator::read_calendar(const toml::table& root, Calendar& calendar) {
  const toml::node* node = root.get("calendar");
  if (node == nullptr) return;
  const auto* table = node->as_table();
  if (table == nullptr) {
    fail(*node, "calendar", "expected a table, found " + found(*node));
    return;
  }
  for (const auto& [key, value] : *table) {
    if (key.str() != "semester") unknown_key(key, "[calendar]", {"semester"});
  }
  const toml::node* list = table->get("semester");
  if (list == nullptr) return;
  const auto* array = list->as_array();
  if (array == nullptr) {
    fail(*list, "calendar.semester",
         "expected [[calendar.semester]] blocks (an array of tables), found " + found(*list));
    return;
  }
  check_semester_ids(*array);
  std::vector<SemesterEntry> entries;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = (*array)[i];
    const std::string path = fmt::format("calendar.semester[{}]", i + 1);
    if (const auto* semester_table = element.as_table()) {
      if (auto semester = read_semester(*semester_table, path)) {
        entries.push_back(SemesterEntry{std::move(*semester), semester_table->source(), path});
      }
    } else {
      fail(element, path, "expected a table, found " + found(element));
    }
  }
  check_semesters(entries);
  for (auto& entry : entries) calendar.semesters.push_back(std::move(entry.semester));
}

// The node of a key a semester must have, or nullptr after reporting it missing.
const toml::node* Validator::required(const toml::table& table, const std::string& path,
                                      std::string_view key) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    add(table.source(), fmt::format("{}: \"{}\" is missing", path, key));
    m_failed.insert(fmt::format("{}.{}", path, key));
  }
  return node;
}

// One [[calendar.semester]] block; nullopt when any of its keys was rejected.
std::optional<Semester> Validator::read_semester(const toml::table& table,
                                                 const std::string& path) {
  const auto known = first_names(k_semester_keys);
  for (const auto& [key, value] : table) {
    if (!contains(known, key.str())) unknown_key(key, "[[calendar.semester]]", known);
  }
  std::optional<std::string> id;
  std::optional<std::string> name;
  std::optional<Date> first_monday;
  std::optional<int> weeks;
  if (const auto* node = required(table, path, "id")) {
    id = read_string(*node, path + ".id", check_semester_id);
  }
  if (const auto* node = table.get("name")) {
    name = read_string(*node, path + ".name", check_not_empty);
  }
  if (const auto* node = required(table, path, "first_monday")) {
    first_monday = read_first_monday(*node, path + ".first_monday");
  }
  if (const auto* node = required(table, path, "teaching_weeks")) {
    weeks = read_int(*node, path + ".teaching_weeks", 1, 30);
  }
  const int last_week = weeks.value_or(30);
  const auto holidays = read_weeks(table.get("holiday_weeks"), path + ".holiday_weeks", last_week);
  const auto exams = read_weeks(table.get("exam_weeks"), path + ".exam_weeks", last_week);
  if (holidays && exams) {
    for (const int week : *exams) {
      if (std::find(holidays->begin(), holidays->end(), week) == holidays->end()) continue;
      fail(*table.get("exam_weeks"), path,
           fmt::format("week {} is both a holiday week and an exam week", week));
    }
  }
  const bool name_ok = name || table.get("name") == nullptr;
  if (!id || !first_monday || !weeks || !holidays || !exams || !name_ok) return std::nullopt;
  if (m_failed.contains(path)) return std::nullopt;
  return Semester{*id, name.value_or(*id), *first_monday, *weeks, *holidays, *exams};
}

// A TOML local date or a "YYYY-MM-DD" string.
std::optional<Date> Validator::read_date(const toml::node& node, const std::string& path) {
  if (const auto* value = node.as_date()) {
    const toml::date& d = value->get();
    const Date date{std::chrono::year{d.year}, std::chrono::month{d.month},
                    std::chrono::day{d.day}};
    if (date.ok()) return date;
    return fail(node, path,
                fmt::format("{:04}-{:02}-{:02} is not a real day", d.year, d.month, d.day));
  }
  if (const auto* text = node.as_string()) {
    if (auto date = parse_iso_date(text->get())) return date;
    return fail(node, path, fmt::format("{} is not a date; write YYYY-MM-DD, e.g. 2026-09-07",
                                        quoted(text->get())));
  }
  return fail(node, path, "expected a date (YYYY-MM-DD), found " + found(node));
}

// REQUIREMENTS glossary: teaching week 1 starts on the semester's first Monday.
std::optional<Date> Validator::read_first_monday(const toml::node& node, const std::string& path) {
  const auto date = read_date(node, path);
  if (!date) return std::nullopt;
  const std::chrono::weekday day{to_days(*date)};
  if (day == std::chrono::Monday) return date;
  const Date monday{to_days(*date) - (day - std::chrono::Monday)};
  return fail(node, path,
              fmt::format("{} is a {}, not a Monday; did you mean {}?", format_date(*date),
                          k_english_weekdays[day.iso_encoding() - 1], format_date(monday)));
}

// holiday_weeks / exam_weeks: week numbers within the semester, each listed once.
std::optional<std::vector<int>> Validator::read_weeks(const toml::node* node,
                                                      const std::string& path,
                                                      int teaching_weeks) {
  if (node == nullptr) return std::vector<int>{};
  const auto* array = node->as_array();
  if (array == nullptr) {
    return fail(*node, path, "expected an array of week numbers, found " + found(*node));
  }
  std::vector<int> weeks;
  bool ok = true;
  for (const toml::node& element : *array) {
    const auto week = read_int(element, path, 1, teaching_weeks);
    if (!week) {
      ok = false;
    } else if (std::find(weeks.begin(), weeks.end(), *week) != weeks.end()) {
      ok = false;
      fail(element, path, fmt::format("week {} is listed twice", *week));
    } else {
      weeks.push_back(*week);
    }
  }
  if (!ok) return std::nullopt;
  return weeks;
}

// Semester ids must be unique; checked on every block that has a string id, valid or not.
void Validator::check_semester_ids(const toml::array& semesters) {
  std::map<std::string_view, std::size_t> first_use;
  for (std::size_t i = 0; i < semesters.size(); ++i) {
    const auto* table = semesters[i].as_table();
    const toml::node* id = table == nullptr ? nullptr : table->get("id");
    if (id == nullptr || !id->is_string()) continue;
    const std::string_view text = id->as_string()->get();
    const auto [it, inserted] = first_use.emplace(text, i + 1);
    if (inserted) continue;
    add(id->source(), fmt::format("calendar.semester[{}].id: {} is already the id of "
                                  "calendar.semester[{}]",
                                  i + 1, quoted(text), it->second));
  }
}

// Semesters must not overlap; leaves the entries in date order.
void Validator::check_semesters(std::vector<SemesterEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return to_days(a.semester.first_monday) < to_days(b.semester.first_monday);
  });
  const SemesterEntry* latest = nullptr;  // among those before, the one that ends last
  for (const auto& entry : entries) {
    const Semester& s = entry.semester;
    if (latest != nullptr && to_days(s.first_monday) <= to_days(latest->semester.last_day())) {
      const Semester& t = latest->semester;
      add(entry.where,
          fmt::format("{}: semesters {} ({} to {}) and {} ({} to {}) overlap", entry.path,
                      quoted(t.id), format_date(t.first_monday), format_date(t.last_day()),
                      quoted(s.id), format_date(s.first_monday), format_date(s.last_day())));
    }
    if (latest == nullptr || to_days(s.last_day()) > to_days(latest->semester.last_day())) {
      latest = &entry;
    }
  }
}

// [assessment.weights] (or weights = {...}): exactly the known components, each 0..100,
// summing to 100.
void Validator::read_weights(const toml::table& root, AssessmentConfig& assessment) {
  const toml::node* node = root["assessment"]["weights"].node();
  if (node == nullptr) return;
  const auto* table = node->as_table();
  if (table == nullptr) {
    fail(*node, "assessment.weights", "expected a table, found " + found(*node));
    return;
  }
  const auto names = first_names(k_weight_components);
  std::map<std::string, int> weights;
  bool complete = true;
  for (const auto& [key, value] : *table) {
    if (!contains(names, key.str())) {
      unknown_key(key, "[assessment.weights]", names);
      complete = false;
    } else if (auto weight =
                   read_int(value, fmt::format("assessment.weights.{}", key.str()), 0, 100)) {
      weights[std::string(key.str())] = *weight;
    } else {
      complete = false;
    }
  }
  std::vector<std::string_view> missing;
  std::copy_if(names.begin(), names.end(), std::back_inserter(missing),
               [table](std::string_view name) { return !table->contains(name); });
  if (!missing.empty()) {
    add(node->source(), fmt::format("assessment.weights: missing {}; list all eight: {}",
                                    join_names(missing, true), join_names(names, false)));
    return;
  }
  if (!complete) return;
  const int sum = std::accumulate(weights.begin(), weights.end(), 0,
                                  [](int total, const auto& w) { return total + w.second; });
  if (sum != 100) {
    add(node->source(),
        fmt::format("assessment.weights: the weights sum to {}; they must sum to 100", sum));
    return;
  }
  assessment.weights = std::move(weights);
}

// Two keys of a section that must be ordered; the problem is put at the higher key when the
// file has it, else at the lower one.
void Validator::check_order(const toml::table& root, std::string_view section,
                            std::pair<std::string_view, int> low,
                            std::pair<std::string_view, int> high, bool strict) {
  if (strict ? low.second < high.second : low.second <= high.second) return;
  const std::string low_path = fmt::format("{}.{}", section, low.first);
  const std::string high_path = fmt::format("{}.{}", section, high.first);
  if (m_failed.contains(low_path) || m_failed.contains(high_path)) return;
  if (const toml::node* node = root[section][high.first].node()) {
    add(node->source(), fmt::format("{}: {} must be {} {} ({})", high_path, high.second,
                                    strict ? "above" : "at least", low.first, low.second));
  } else if (const toml::node* other = root[section][low.first].node()) {
    add(other->source(), fmt::format("{}: {} must be {} {} ({})", low_path, low.second,
                                     strict ? "below" : "at most", high.first, high.second));
  }
}

// Sorts the problems by position, keeps the first k_max_problems and throws them as one error.
[[noreturn]] void throw_problems(const std::string& source, std::vector<Located> problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const Located& a, const Located& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  const std::size_t total = problems.size();
  std::vector<Problem> shown;
  for (std::size_t i = 0; i < total && i < k_max_problems; ++i) {
    shown.push_back({fmt::format("{}:{}:{}", source, problems[i].line, problems[i].column),
                     std::move(problems[i].message)});
  }
  if (total > k_max_problems) {
    const Located& next = problems[k_max_problems];
    shown.push_back({fmt::format("{}:{}:{}", source, next.line, next.column),
                     "further problems are not shown; fix these first"});
  }
  const std::string count = total > k_max_problems ? fmt::format("more than {}", k_max_problems)
                                                   : fmt::format("{}", total);
  throw ConfigError(fmt::format("{}: {} problem{} in the config; nothing was done", source, count,
                                total == 1 ? "" : "s"),
                    std::move(shown));
}

// toml++'s "Error while parsing key: ..." reads as "syntax error while parsing key: ...".
std::string syntax_message(std::string_view description) {
  constexpr std::string_view k_prefix = "Error while parsing ";
  if (description.starts_with(k_prefix)) {
    return fmt::format("syntax error while parsing {}", description.substr(k_prefix.size()));
  }
  return fmt::format("syntax error: {}", description);
}

// Parses text that passed the pre-check; a TOML syntax error is thrown as one problem.
toml::table parse_toml(std::string_view text, const std::string& source_name) {
  try {
    return toml::parse(text, std::string(source_name));
  } catch (const toml::parse_error& error) {
    throw_problems(source_name, {located(error.source(), syntax_message(error.description()))});
  }
}

// A TOML basic string; control and invisible characters are escaped so the file shows them.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    if (cp.length == 0) {
      out += "\\uFFFD";
      ++pos;
      continue;
    }
    pos += cp.length;
    const char32_t c = cp.value;
    if (c == U'"' || c == U'\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (is_forbidden_control(c) || c == U'\r' || c == U'\n' || c == U'\t' ||
               is_invisible_format(c)) {
      out += fmt::format("\\u{:04X}", static_cast<std::uint32_t>(c));
    } else {
      util::append_utf8(out, c);
    }
  }
  return out + "\"";
}

// One "key = value  # comment" line, the comments aligned.
void append_line(std::string& out, std::string_view key, std::string_view value,
                 std::string_view comment) {
  fmt::format_to(std::back_inserter(out), "{:<33} # {}\n", fmt::format("{} = {}", key, value),
                 comment);
}

// A [section] with its comment and one commented line per key, from the key table.
template <class Section>
void render_section(std::string& out, const SectionSpec<Section>& spec, const Section& section) {
  fmt::format_to(std::back_inserter(out), "\n# {}\n[{}]\n", spec.comment, spec.name);
  for (const auto& key : spec.keys) {
    const std::string value = std::visit(
        [&section](auto member) -> std::string {
          using T = std::remove_cvref_t<decltype(section.*member)>;
          if constexpr (std::is_same_v<T, int>) {
            return fmt::format("{}", section.*member);
          } else if constexpr (std::is_same_v<T, bool>) {
            return section.*member ? "true" : "false";
          } else if constexpr (std::is_same_v<T, std::string>) {
            return toml_string(section.*member);
          } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            std::string list;
            for (const auto& item : section.*member) list += (list.empty() ? "" : ", ") + toml_string(item);
            return "[" + list + "]";
          } else {
            return fmt::format("\"{}\"", enum_name(section.*member));
          }
        },
        key.field);
    append_line(out, key.name, value, key.comment);
  }
}

std::string week_list(const std::vector<int>& weeks) {
  return fmt::format("[{}]", fmt::join(weeks, ", "));
}

// The semesters as [[calendar.semester]] blocks; with none, a commented example block.
void render_calendar(std::string& out, const Calendar& calendar) {
  out += "\n# The college calendar (校历): one [[calendar.semester]] block per semester;\n"
         "# teaching week 1 starts on first_monday; holiday and exam weeks carry no duties.\n";
  if (calendar.semesters.empty()) {
    out += "# No semesters yet. For example:\n# [[calendar.semester]]\n# id = \"2026-autumn\"\n"
           "# name = \"2026—2027学年第一学期\"\n# first_monday = 2026-09-07\n"
           "# teaching_weeks = 18\n# holiday_weeks = [4]\n# exam_weeks = [17, 18]\n";
    return;
  }
  for (const Semester& s : calendar.semesters) {
    if (&s != &calendar.semesters.front()) out += '\n';
    out += "[[calendar.semester]]\n";
    const std::array<std::string, 6> values{toml_string(s.id), toml_string(s.name),
                                            format_date(s.first_monday),
                                            fmt::format("{}", s.teaching_weeks),
                                            week_list(s.holiday_weeks), week_list(s.exam_weeks)};
    for (std::size_t i = 0; i < values.size(); ++i) {
      append_line(out, k_semester_keys[i].first, values[i], k_semester_keys[i].second);
    }
  }
}

// [assessment.weights], the components in their fixed order.
void render_weights(std::string& out, const AssessmentConfig& assessment) {
  out += "\n# Assessment components in points (考核权重); all eight, summing to 100\n"
         "[assessment.weights]\n";
  for (const auto& [name, comment] : k_weight_components) {
    const auto it = assessment.weights.find(std::string(name));
    append_line(out, name, fmt::format("{}", it == assessment.weights.end() ? 0 : it->second),
                comment);
  }
}

[[noreturn]] void throw_config_open_error(const std::string& path, int error) {
  if (error == ENOENT || error == ENOTDIR) {
    throw NotFoundError(fmt::format("config file \"{}\" does not exist; run `dormlink init` to "
                                    "create one, or pass --config",
                                    path));
  }
  if (error == EACCES || error == EPERM) {
    throw PermissionError(fmt::format("cannot read config file \"{}\": permission denied", path));
  }
  throw IoError(fmt::format("cannot read config file \"{}\": {}", path,
                            std::generic_category().message(error)));
}

// Only a regular file is read: a FIFO would block, a device such as /dev/zero never ends.
void check_config_file(const std::string& path, const struct stat& st) {
  if (S_ISREG(st.st_mode)) return;
  throw util::not_regular_file(fmt::format("config file \"{}\"", path), st.st_mode,
                               "pass the TOML config file with --config");
}

// The file's bytes, reading at most a little past the size limit (parse_config rejects more).
// The type is checked before opening, and again on what was opened (opened without blocking,
// in case the path was swapped for a FIFO in between).
std::string read_config_bytes(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw_config_open_error(path, errno);
  check_config_file(path, st);
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw_config_open_error(path, errno);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &st) != 0) throw_config_open_error(path, errno);
  check_config_file(path, st);
  std::string bytes;
  std::array<char, 65536> buffer{};
  while (bytes.size() <= k_max_config_bytes) {
    const ssize_t count = ::read(fd, buffer.data(), buffer.size());
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      throw IoError(fmt::format("cannot read config file \"{}\": {}", path,
                                std::generic_category().message(errno)));
    }
    if (count == 0) break;
    bytes.append(buffer.data(), static_cast<std::size_t>(count));
  }
  return bytes;
}

}  // namespace

Config parse_config(std::string_view text, const std::string& source_name) {
  if (text.size() > k_max_config_bytes) {
    throw_problems(source_name, {Located{1, 1, "the config is larger than 1 MiB (1048576 bytes); "
                                               "is this the right file?"}});
  }
  if (text.starts_with(k_bom)) text.remove_prefix(k_bom.size());
  if (auto problems = PreCheck(text).run(); !problems.empty()) {
    throw_problems(source_name, std::move(problems));
  }
  const toml::table root = parse_toml(text, source_name);
  Validator validator;
  Config config = validator.run(root);
  if (auto problems = validator.take_problems(); !problems.empty()) {
    throw_problems(source_name, std::move(problems));
  }
  return config;
}

Config load_config_file(const std::string& path) {
  return parse_config(read_config_bytes(path), path);
}

std::string render_config(const Config& config) {
  std::string out =
      "# dormlink config: the rules of 学生党员联系寝室制度 (student Party members\n"
      "# contact dormitories). Every key is optional; a missing key takes the default.\n"
      "# Each key is explained in docs/config.md.\n";
  render_section(out, k_college, config.college);
  render_calendar(out, config.calendar);
  render_section(out, k_assignment, config.assignment);
  render_section(out, k_duties, config.duties);
  render_section(out, k_reporting, config.reporting);
  render_section(out, k_check, config.check);
  render_section(out, k_inspection, config.inspection);
  render_section(out, k_assessment, config.assessment);
  render_weights(out, config.assessment);
  render_section(out, k_privacy, config.privacy);
  render_section(out, k_limits, config.limits);
  return out;
}

std::string_view to_string(Language language) { return enum_name(language); }
std::string_view to_string(Period period) { return enum_name(period); }
std::string_view to_string(DutyScope scope) { return enum_name(scope); }
std::string_view to_string(Weekday weekday) { return enum_name(weekday); }

}  // namespace dormlink
