// 联系学生姓名及方式: names, phones and manners (docs/records.md "The form's notation").

#include <algorithm>
#include <array>
#include <cstddef>

#include <fmt/format.h>

#include "dormlink/message.hpp"
#include "dormlink/records/form_parse.hpp"
#include "dormlink/util/text.hpp"
#include "form_text.hpp"
#include "messages.hpp"

namespace dormlink::records {
namespace {

constexpr std::size_t k_max_name_chars = 20;
constexpr std::size_t k_min_phone_digits = 7;
constexpr std::size_t k_max_phone_digits = 15;
// A phone's groups are joined across spaces or a dash only while it is shorter than a mobile
// number: "157 1234 6899" is one phone, "2024160126 2024160128" two ids.
constexpr std::size_t k_join_below = 11;

// Words that mean every resident of the dorm.
constexpr std::array<std::string_view, 8> k_everyone{"全体",   "全寝",     "全体成员", "全寝室",
                                                     "所有人", "全体同学", "全寝同学", "全员"};

struct Bracket {
  char32_t open;
  char32_t close;
};

// Compared after folding: （） are (), ［］ are [].
constexpr std::array<Bracket, 3> k_brackets{{{U'(', U')'}, {U'[', U']'}, {U'【', U'】'}}};

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; }
bool is_name_separator(char32_t c) { return c == U'、' || c == U',' || c == U';' || c == U'/'; }
bool is_manner_separator(char32_t c) { return is_space(c) || is_name_separator(c); }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_phone_char(char32_t c) { return is_digit(c) || c == U'*'; }

const Bracket* opening(char32_t c) {
  for (const auto& b : k_brackets) {
    if (b.open == c) return &b;
  }
  return nullptr;
}

bool closing(char32_t c) {
  return std::any_of(k_brackets.begin(), k_brackets.end(), [c](const Bracket& b) { return b.close == c; });
}

// The next code point, folded as fold_width folds it (（ is (, ０ is 0, U+3000 a space).
char32_t next_folded(std::string_view t, std::size_t& pos) { return detail::fold_width(util::next_code_point(t, pos)); }

char32_t folded_at(std::string_view t, std::size_t pos) { return pos < t.size() ? next_folded(t, pos) : 0; }

// A phone read at a position: its digits and stars, where it ends, and whether it was typed
// as one plain run of digits (what a student id looks like).
struct PhoneRun {
  std::string digits;
  std::size_t end = 0;
  bool plain = true;
};

// Where the gap inside a phone ends: after one dash or 1-3 spaces; `pos` when there is none.
std::size_t skip_gap(std::string_view t, std::size_t pos) {
  std::size_t p = pos;
  if (folded_at(t, p) == U'-') {
    next_folded(t, p);
    return p;
  }
  for (int spaces = 0; spaces < 3 && folded_at(t, p) == U' '; ++spaces) next_folded(t, p);
  return p;
}

// How many digits and stars stand at `pos`.
std::size_t group_length(std::string_view t, std::size_t pos) {
  std::size_t n = 0;
  while (pos < t.size() && is_phone_char(next_folded(t, pos))) ++n;
  return n;
}

// The run of digits and stars at `pos`, with +86 before it and spaces or one dash between
// groups; nullopt when there is none.
std::optional<PhoneRun> read_phone(std::string_view t, std::size_t pos) {
  PhoneRun run;
  if (folded_at(t, pos) == U'+') {
    std::size_t p = pos;
    next_folded(t, p);
    if (folded_at(t, p) != U'8') return std::nullopt;
    next_folded(t, p);
    if (folded_at(t, p) != U'6') return std::nullopt;
    next_folded(t, p);
    pos = skip_gap(t, p);
    run.plain = false;
  }
  while (pos < t.size() && run.digits.size() <= k_max_phone_digits) {
    std::size_t p = pos;
    const char32_t c = next_folded(t, p);
    if (is_phone_char(c)) {
      run.digits += static_cast<char>(c);
      pos = p;
      continue;
    }
    const std::size_t gap = skip_gap(t, pos);
    const std::size_t next = gap == pos ? 0 : group_length(t, gap);
    if (next == 0 || run.digits.size() >= k_join_below || run.digits.size() + next > k_max_phone_digits) break;
    run.plain = false;
    pos = gap;
  }
  if (run.digits.empty()) return std::nullopt;
  if (run.digits.find('*') != std::string::npos) run.plain = false;
  run.end = pos;
  return run;
}

bool phone_length_ok(const PhoneRun& run) {
  return run.digits.size() >= k_min_phone_digits && run.digits.size() <= k_max_phone_digits;
}

// What a manner word is: a kind, a channel, or neither. 其他 is the channel.
struct MannerWord {
  std::optional<Kind> kind;
  std::optional<Channel> channel;
};

std::string lower_ascii(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool manner_kind(Kind kind) { return is_contact(kind) || kind == Kind::excused; }

MannerWord classify(std::string_view word) {
  const std::string w = lower_ascii(detail::fold_width(word));
  if (auto channel = parse_channel(w)) return {std::nullopt, channel};
  auto kind = parse_kind(w);
  if (kind && manner_kind(*kind)) return {kind, std::nullopt};
  return {};
}

// One word, or a kind and a channel typed without a separator (当面谈心, 谈心当面).
std::optional<MannerWord> read_manner_word(std::string_view word) {
  auto whole = classify(word);
  if (whole.kind || whole.channel) return whole;
  std::size_t pos = 0;
  while (pos < word.size()) {
    util::next_code_point(word, pos);
    if (pos >= word.size()) break;
    auto a = classify(word.substr(0, pos));
    auto b = classify(word.substr(pos));
    if (a.kind && b.channel) return MannerWord{a.kind, b.channel};
    if (a.channel && b.kind) return MannerWord{b.kind, a.channel};
  }
  return std::nullopt;
}

// The cell being parsed and what it has found so far.
struct CellParser {
  CellParser(std::string_view typed, DigitNames digit_names) : text(typed), digits(digit_names) {}

  std::string_view text;  // as typed; each code point is folded where it is read
  DigitNames digits;
  ContactCell cell;
  std::optional<std::string> error;
  std::size_t pos = 0;
  bool separated = true;  // a hard separator (or the start, or a bracket) since the last token
  std::string kind_source;
  std::string channel_source;

  void fail(std::string message) {
    if (!error) error = std::move(message);
  }

  template <typename T>
  void set_once(std::optional<T>& slot, T value, std::string& source, std::string_view manner, const Message& two,
                std::string_view (*label)(T)) {
    if (slot && *slot != value) {
      fail(two(quote_value(source), quote_value(manner), label(*slot), label(value)));
      return;
    }
    slot = value;
    source = std::string(manner);
  }

  void add_manner_word(std::string_view word, std::string_view manner) {
    auto read = read_manner_word(word);
    if (!read) {
      fail(msg::not_a_manner_word(quote_value(word), quote_value(manner), msg::manner_hint()));
      return;
    }
    if (read->kind) set_once<Kind>(cell.kind, *read->kind, kind_source, manner, msg::two_kinds, label_zh);
    if (read->channel)
      set_once<Channel>(cell.channel, *read->channel, channel_source, manner, msg::two_channels, label_zh);
  }

  // The words between the brackets of one manner.
  void read_manner(std::string_view inside, std::string_view manner) {
    std::size_t start = 0;
    std::size_t p = 0;
    while (p <= inside.size()) {
      std::size_t here = p;
      bool end = p == inside.size();
      if (!end && !is_manner_separator(next_folded(inside, p))) continue;
      auto word = util::trim(inside.substr(start, here - start));
      if (!word.empty()) add_manner_word(word, manner);
      if (end) break;
      start = p;
    }
  }

  // A bracket opened at `pos`: its manner, up to the matching close.
  void bracket(const Bracket& b, std::size_t open_at) {
    std::size_t p = pos;
    while (p < text.size()) {
      std::size_t here = p;
      char32_t c = next_folded(text, p);
      if (c == b.close) {
        read_manner(text.substr(pos, here - pos), text.substr(open_at, p - open_at));
        pos = p;
        separated = true;
        return;
      }
      if (opening(c) != nullptr || closing(c)) break;
    }
    fail(msg::bracket_not_closed(quote_value(text.substr(open_at))));
    pos = text.size();
  }

  void phone(const PhoneRun& run, std::size_t start);
  void name(std::size_t start);
  void run();
};

void CellParser::phone(const PhoneRun& run, std::size_t start) {
  const std::string_view typed = text.substr(start, run.end - start);
  pos = run.end;
  if (!phone_length_ok(run)) {
    fail(msg::not_a_phone(quote_value(typed)));
    return;
  }
  auto& names = cell.names;
  const bool after_name =
      !separated && !names.empty() && !names.back().phone &&
      !std::all_of(names.back().name.begin(), names.back().name.end(), [](char c) { return c >= '0' && c <= '9'; });
  separated = false;
  if (after_name) {
    names.back().phone = run.digits;
  } else if (digits == DigitNames::student_ids && run.plain) {
    names.push_back(ContactName{run.digits, std::nullopt});
  } else {
    fail(msg::phone_without_name(quote_value(typed)));
  }
}

// Why a name cannot be one, or nullopt.
// `name` is folded, `typed` as typed (what a message quotes).
std::optional<std::string> bad_name(std::string_view name, std::string_view typed, DigitNames digits) {
  if (auto problem = name_problem(name)) return fmt::format("{} {}", quote_value(typed), *problem);
  std::size_t chars = 0;
  bool letter = false;
  for (std::size_t p = 0; p < name.size(); ++chars) {
    char32_t c = util::next_code_point(name, p);
    if (c >= 0x80 || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) letter = true;
  }
  const bool all_digits =
      !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (all_digits && digits == DigitNames::student_ids) return std::nullopt;
  if (all_digits) return msg::only_digits(quote_value(typed));
  if (!letter) return msg::not_a_name(quote_value(typed), msg::names_hint());
  if (chars > k_max_name_chars) return msg::name_too_long(quote_value(typed), k_max_name_chars, msg::names_hint());
  if (read_manner_word(name)) return msg::manner_not_name(quote_value(typed), name);
  return std::nullopt;
}

void CellParser::name(std::size_t start) {
  std::size_t end = pos;
  bool before_phone = false;
  while (end < text.size()) {
    std::size_t next = end;
    char32_t c = next_folded(text, next);
    if (is_space(c) || is_name_separator(c) || opening(c) != nullptr || closing(c)) break;
    if (is_phone_char(c) || c == U'+') {
      auto run = read_phone(text, end);
      if (run && phone_length_ok(*run)) {
        before_phone = true;
        break;
      }
    }
    end = next;
  }
  const std::string_view typed = text.substr(start, end - start);
  std::string folded = detail::fold_width(typed);
  // 苏惠:157…, 苏惠-157…: the mark before a glued phone is not part of the name.
  while (before_phone && !folded.empty() && (folded.back() == '-' || folded.back() == ':')) folded.pop_back();
  pos = end;
  if (folded.empty()) return;  // only the mark before a phone, which then has no name
  separated = false;
  if (std::find(k_everyone.begin(), k_everyone.end(), folded) != k_everyone.end()) {
    cell.everyone = true;
    return;
  }
  if (auto problem = bad_name(folded, typed, digits)) return fail(*problem);
  cell.names.push_back(ContactName{std::move(folded), std::nullopt});
}

void CellParser::run() {
  while (pos < text.size() && !error) {
    const std::size_t start = pos;
    std::size_t next = pos;
    const char32_t c = next_folded(text, next);
    if (is_space(c)) {
      pos = next;
    } else if (is_name_separator(c)) {
      pos = next;
      separated = true;
    } else if (const Bracket* b = opening(c)) {
      pos = next;
      bracket(*b, start);
    } else if (closing(c)) {
      fail(msg::closing_without_opening(quote_value(text), msg::names_hint()));
    } else if (auto run = (is_phone_char(c) || c == U'+') ? read_phone(text, pos) : std::nullopt;
               run && run->digits.size() >= k_min_phone_digits) {
      phone(*run, start);
    } else {
      name(start);
    }
  }
}

// Drops a later name equal to an earlier one, unless both have different phones (namesakes).
std::vector<ContactName> without_duplicates(std::vector<ContactName> names) {
  std::vector<ContactName> out;
  for (auto& n : names) {
    auto same = std::find_if(out.begin(), out.end(), [&n](const ContactName& o) {
      return o.name == n.name && (!o.phone || !n.phone || *o.phone == *n.phone);
    });
    if (same == out.end()) {
      out.push_back(std::move(n));
    } else if (!same->phone) {
      same->phone = n.phone;
    }
  }
  return out;
}

}  // namespace

std::variant<ContactCell, std::string> parse_contact_cell(std::string_view cell, DigitNames digits) {
  if (auto problem = utf8_problem(cell)) return msg::the_cell(*problem);
  CellParser parser{cell, digits};
  parser.run();
  if (parser.error) return *parser.error;
  if (parser.cell.everyone && !parser.cell.names.empty()) {
    return msg::everyone_and_names(quote_value(util::trim(cell)));
  }
  parser.cell.names = without_duplicates(std::move(parser.cell.names));
  return std::move(parser.cell);
}

}  // namespace dormlink::records
