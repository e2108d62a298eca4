// The raw-text pre-check of the TOML config (docs/config.md, "Robustness"): the PreCheck
// lexer that keeps malformed text away from the TOML parser, and the character helpers the
// config files share (UTF-8 decoding through util, character classes, values quoted for
// messages).
#include "precheck.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "dormlink/util/text.hpp"
#include "messages.hpp"

namespace dormlink::config_detail {
namespace {

bool is_digit(int c) { return c >= '0' && c <= '9'; }

// The characters at which toml++ stops scanning an unquoted value.
bool is_scan_terminator(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ']' || c == '}' || c == ',' || c == '#';
}

// Full-width and typographic characters a Chinese input method types in place of ASCII syntax.
constexpr std::array<std::pair<char32_t, std::string_view>, 12> k_ime_lookalikes{{
    {U'\u3000', " "},
    {U'\uFF1D', "="},
    {U'\uFF0C', ","},
    {U'\u3001', ","},
    {U'\uFF3B', "["},
    {U'\uFF3D', "]"},
    {U'\u201C', "\""},
    {U'\u201D', "\""},
    {U'\u2018', "'"},
    {U'\u2019', "'"},
    {U'\uFF03', "#"},
    {U'\uFF0E', "."},
}};

// "X" (U+XXXX) for messages.
std::string describe_code_point(char32_t c) {
  std::string glyph;
  util::append_utf8(glyph, c);
  return msg::code_point(glyph, static_cast<std::uint32_t>(c));
}

}  // namespace

// util::next_code_point accepts the same sequences (no overlong forms, surrogates or values
// above U+10FFFF) and moves one byte past a malformed one, yielding U+FFFD; a U+FFFD that is
// not three bytes long is therefore a malformed byte.
CodePoint decode_utf8(std::string_view text, std::size_t pos) {
  std::size_t next = pos;
  const char32_t value = util::next_code_point(text, next);
  if (value == U'\uFFFD' && next - pos != 3) return {};
  return {value, next - pos};
}

// C0 controls other than tab, LF and CR; DEL; the C1 controls.
bool is_forbidden_control(char32_t c) {
  return (c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r') || (c >= 0x7F && c <= 0x9F);
}

// Invisible format characters that can hide or reorder text: zero-width characters, bidi
// embeddings, overrides and isolates, invisible operators, and U+FEFF.
bool is_invisible_format(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

bool is_bare_key_char(int c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
}

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

namespace {

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
  unsigned char m_bad_utf8_byte = 0;  // the first byte that is not UTF-8
  std::vector<Located> m_problems;
};

// Scans the whole text; stops early once there are more problems than will be shown.
std::vector<Located> PreCheck::run() {
  while (m_pos < m_text.size() && m_problems.size() <= k_max_problems) {
    Mark at{};
    const char32_t c = take(at);
    if (c == k_not_utf8) continue;
    if (is_forbidden_control(c)) {
      report(at, msg::control_character(static_cast<std::uint32_t>(c)));
    } else if (c == U'\r') {
      if (peek() != '\n') report(at, msg::lone_carriage_return());
    } else {
      step(c, at);
    }
  }
  if (m_mode == Mode::code && m_context == Context::scalar) end_scalar(-1);
  if (m_bad_utf8 > 1) {
    m_problems[m_bad_utf8_index].message = msg::invalid_utf8_count(m_bad_utf8_byte, m_bad_utf8);
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
      m_bad_utf8_byte = static_cast<unsigned char>(m_text[m_pos]);
      report(at, msg::invalid_utf8(m_bad_utf8_byte));
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
    report(Mark{m_line, m_column}, msg::invalid_escape(describe_code_point(cp.value)));
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
  for (int next = peek(); next == ' ' || next == '\t' || next == '\r' || next == '\n'; next = peek()) {
    Mark at{};
    if (take(at) == U'\r' && peek() != '\n') {
      report(at, msg::lone_carriage_return());
    }
  }
  if (peek() < 0x80) return;
  const CodePoint cp = decode_utf8(m_text, m_pos);
  if (cp.length == 0) return;
  report(Mark{m_line, m_column}, msg::after_continuation(describe_code_point(cp.value)));
}

// "]" and "}" close the innermost array or inline table; "}" inside an array makes toml++
// parse "}" as a value, which it asserts never happens.
void PreCheck::close_bracket(char ch, Mark at) {
  if (m_brackets.empty()) return;
  const Bracket top = m_brackets.back();
  if (ch == '}' && top == Bracket::array) {
    report(at, msg::brace_in_array());
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
  const Language language = message_language();
  std::string found;
  if (next < 0) {
    found = msg::end_of_file(language);
  } else if (next == '\n' || next == '\r') {
    found = msg::end_of_line(language);
  } else if (next >= 0x80) {
    const CodePoint cp = decode_utf8(m_text, m_pos + ahead);
    found = cp.length == 0 ? std::string(msg::non_utf8_byte(language)) : describe_code_point(cp.value);
  } else {
    found = msg::quoted_character(static_cast<char>(next));
  }
  report(Mark{at.line, at.column + ahead + 1}, msg::header_needs_name(std::string(brackets, '['), found));
}

// An unquoted value ends. toml++ 3.3.0 asserts on two shapes of it: a local date with "T"
// and no time digit after it, and a local date, a space and one lone digit.
void PreCheck::end_scalar(int terminator) {
  m_context = Context::after_value;
  const std::string& run = m_run;
  const auto date_at_start = [&run] {
    return run.size() >= 10 && is_digit(run[0]) && is_digit(run[1]) && is_digit(run[2]) && is_digit(run[3]) &&
           run[4] == '-' && is_digit(run[5]) && is_digit(run[6]) && run[7] == '-' && is_digit(run[8]) &&
           is_digit(run[9]);
  };
  if (date_at_start() && run.size() > 10 && (run[10] == 'T' || run[10] == 't') &&
      (run.size() == 11 || !is_digit(run[11]))) {
    report(m_run_at, msg::date_t_needs_time(quoted(run)));
    return;
  }
  std::string digits_and_dashes;
  std::copy_if(run.begin(), run.end(), std::back_inserter(digits_and_dashes), [](char c) { return c != '_'; });
  const std::string_view last = digits_and_dashes;
  if (terminator == ' ' && last.size() == 10 && is_digit(last[0]) && last[4] == '-' && last[7] == '-' &&
      is_digit(peek()) && (peek(1) < 0 || is_scan_terminator(peek(1)))) {
    report(m_run_at, msg::lone_digit(quoted(run), static_cast<char>(peek())));
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
    report(at, msg::invisible_outside(static_cast<std::uint32_t>(c)));
    return;
  }
  for (const auto& [wide, ascii] : k_ime_lookalikes) {
    if (wide == c) {
      report(at, msg::full_width_outside(describe_code_point(c), ascii));
      return;
    }
  }
  report(at, msg::non_ascii_outside(describe_code_point(c)));
}

}  // namespace

std::vector<Located> pre_check(std::string_view text) { return PreCheck(text).run(); }

}  // namespace dormlink::config_detail
