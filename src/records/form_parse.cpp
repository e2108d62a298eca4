// The kind of a returned form's row, kind words in free text, and phones against the roster
// (docs/forms.md "The kind of a row"; docs/records.md "The form's notation").

#include "dormlink/records/form_parse.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

#include "dormlink/util/text.hpp"
#include "form_text.hpp"

namespace dormlink::records {

namespace detail {

std::string fold_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    util::append_utf8(out, fold_width(util::next_code_point(text, pos)));
  }
  return out;
}

}  // namespace detail

namespace {

// The digits and stars of a phone as typed or stored, without spaces, dashes and +86.
std::string phone_digits(std::string_view phone) {
  std::string out;
  for (char c : util::normalize_code(phone)) {
    if ((c >= '0' && c <= '9') || c == '*') out += c;
  }
  if (out.size() == 13 && out.starts_with("86")) out.erase(0, 2);
  if (out.size() == 15 && out.starts_with("0086")) out.erase(0, 4);
  return out;
}

struct KindWord {
  std::string_view word;
  Kind kind;
};

// kind_in_text's words (form_parse.hpp lists them); the longest word at a position wins.
// Bare 活动 and 培养 are left out: 社团活动 and 培养学习习惯 are what a visit talks about.
constexpr std::array<KindWord, 27> k_text_words{{
    {"座谈会", Kind::symposium},
    {"座谈", Kind::symposium},
    {"寝室活动", Kind::activity},
    {"集体活动", Kind::activity},
    {"新生入学教育", Kind::orientation},
    {"入学教育", Kind::orientation},
    {"知党爱党教育", Kind::education},
    {"知党爱党", Kind::education},
    {"党史", Kind::education},
    {"政策宣传", Kind::education},
    {"入党积极分子", Kind::cultivation},
    {"积极分子", Kind::cultivation},
    {"发展党员", Kind::cultivation},
    {"特殊情况", Kind::incident},
    {"突发事件", Kind::incident},
    {"违纪", Kind::incident},
    {"违规电器", Kind::incident},
    {"打架", Kind::incident},
    {"斗殴", Kind::incident},
    {"赌博", Kind::incident},
    {"上网成瘾", Kind::incident},
    {"沉迷网络", Kind::incident},
    {"夜不归宿", Kind::incident},
    {"私自在外住宿", Kind::incident},
    {"旷课", Kind::incident},
    {"谈心", Kind::talk},
    {"谈话", Kind::talk},
}};

// Characters that deny a kind word standing up to three characters after them.
constexpr std::array<char32_t, 9> k_negations{U'无', U'未', U'没', U'不', U'禁', U'防', U'免', U'杜', U'非'};
constexpr std::size_t k_negation_window = 3;

// The longest kind word starting at `pos`, or nullptr.
const KindWord* word_at(std::string_view text, std::size_t pos) {
  const KindWord* best = nullptr;
  for (const auto& w : k_text_words) {
    if (text.substr(pos, w.word.size()) == w.word && (best == nullptr || w.word.size() > best->word.size())) best = &w;
  }
  return best;
}

bool negated(const std::vector<char32_t>& before) {
  const std::size_t from = before.size() > k_negation_window ? before.size() - k_negation_window : 0;
  return std::any_of(before.begin() + static_cast<std::ptrdiff_t>(from), before.end(), [](char32_t c) {
    return std::find(k_negations.begin(), k_negations.end(), c) != k_negations.end();
  });
}

}  // namespace

bool phone_matches(std::string_view typed, std::string_view full_phone) {
  const std::string t = phone_digits(typed);
  const std::string f = phone_digits(full_phone);
  if (t.size() != f.size() || f.find('*') != std::string::npos) return false;
  std::size_t given = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '*') continue;
    if (t[i] != f[i]) return false;
    ++given;
  }
  return given >= 4;
}

std::optional<Kind> kind_in_text(std::string_view text) {
  std::optional<Kind> found;
  std::vector<char32_t> before;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (const KindWord* w = word_at(text, pos)) {
      if (!negated(before)) {
        if (found && *found != w->kind) return std::nullopt;
        found = w->kind;
      }
      // The word's own characters deny nothing (夜不归宿 holds 不).
      for (std::size_t p = pos; p < pos + w->word.size(); util::next_code_point(text, p)) before.push_back(0);
      pos += w->word.size();
      continue;
    }
    before.push_back(util::next_code_point(text, pos));
  }
  return found;
}

namespace {

struct RuleSpelling {
  KindRule rule;
  std::string_view key;
  std::string_view zh;
  bool guessed;
};

constexpr std::array<RuleSpelling, 5> k_rules{{
    {KindRule::column, "column", "类型列", false},
    {KindRule::manner, "manner", "方式括号", false},
    {KindRule::text, "text", "进展或说明中的词", true},
    {KindRule::names, "names", "有姓名→谈心", true},
    {KindRule::no_names, "no_names", "无姓名→走访", true},
}};

const RuleSpelling& spelling(KindRule rule) { return k_rules[static_cast<std::size_t>(rule)]; }

}  // namespace

std::string_view key(KindRule rule) { return spelling(rule).key; }
std::string_view label_zh(KindRule rule) { return spelling(rule).zh; }
bool guessed(KindRule rule) { return spelling(rule).guessed; }

RowKind decide_kind(std::optional<Kind> column, const ContactCell& cell, std::string_view progress,
                    std::string_view note) {
  if (column) return {*column, KindRule::column};
  if (cell.kind) return {*cell.kind, KindRule::manner};
  const auto in_progress = kind_in_text(detail::fold_width(progress));
  const auto in_note = kind_in_text(detail::fold_width(note));
  if (in_progress && (!in_note || *in_note == *in_progress)) return {*in_progress, KindRule::text};
  if (in_note && !in_progress) return {*in_note, KindRule::text};
  if (!cell.names.empty()) return {Kind::talk, KindRule::names};
  return {Kind::visit, KindRule::no_names};
}

}  // namespace dormlink::records
