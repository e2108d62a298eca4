// The marks beside the computed assessment and the commendation list (docs/studio.md §3, §4):
// parsing a mark, its value for the order, the order itself. Rendered by
// assessment_marks_render.cpp.
#include "dormlink/report/assessment_marks.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include "dormlink/util/text.hpp"

namespace dormlink::report {
namespace {

// The grade words a mark accepts, each with its stored key and its band.
struct GradeWord {
  std::string_view word;
  std::string_view key;
};
constexpr std::array<GradeWord, 9> k_grades{{{"优秀", "excellent"},
                                             {"合格", "pass"},
                                             {"基本合格", "basic_pass"},
                                             {"不合格", "fail"},
                                             {"excellent", "excellent"},
                                             {"pass", "pass"},
                                             {"basic", "basic_pass"},
                                             {"basic_pass", "basic_pass"},
                                             {"fail", "fail"}}};

std::string lowered(std::string_view text) {
  std::string out = util::normalize_code(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

std::optional<Band> band_of_key(std::string_view key) {
  for (Band b : {Band::excellent, Band::pass, Band::basic_pass, Band::fail})
    if (to_string(b) == key) return b;
  return std::nullopt;
}

// The order's keys of a member: branch mark, studio mark (-1: none), score in tenths.
using OrderKey = std::tuple<int, int, int>;

OrderKey order_key(const MemberAssessment& m, const std::vector<MemberMarks>& marks, const AssessmentOptions& o) {
  int branch = -1;
  int studio = -1;
  for (const auto& mm : marks) {
    if (mm.member_id != m.id) continue;
    if (mm.branch) branch = mark_value(mm.branch->mark, o);
    if (mm.studio) studio = mark_value(mm.studio->mark, o);
  }
  return {branch, studio, m.score_tenths};
}

}  // namespace

std::string_view to_string(MarkSource source) { return source == MarkSource::studio ? "studio" : "branch"; }

std::optional<MarkSource> parse_mark_source(std::string_view text) {
  const auto key = lowered(text);
  if (key == "studio" || key == "工作室") return MarkSource::studio;
  if (key == "branch" || key == "支部") return MarkSource::branch;
  return std::nullopt;
}

std::optional<std::string> parse_mark(std::string_view text) {
  const auto key = lowered(text);
  for (const auto& g : k_grades)
    if (key == g.word) return std::string(g.key);
  if (key.empty() || key.size() > 3 || (key.size() > 1 && key[0] == '0')) return std::nullopt;
  if (!std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  if (std::stoi(key) > 100) return std::nullopt;
  return key;
}

std::string mark_label(const std::string& mark, Language language) {
  if (const auto band = band_of_key(mark)) return band_label(*band, language);
  return mark;
}

int mark_value(const std::string& mark, const AssessmentOptions& options) {
  const auto parsed = parse_mark(mark);
  if (!parsed) return 0;
  if (const auto band = band_of_key(*parsed)) {
    switch (*band) {
      case Band::excellent:
        return options.excellent_from;
      case Band::pass:
        return options.pass_from;
      case Band::basic_pass:
        return options.basic_pass_from;
      case Band::fail:
        return 0;
    }
  }
  return std::stoi(*parsed);
}

std::vector<Commended> commendation(const Assessment& a, const std::vector<MemberMarks>& marks, int n) {
  std::vector<Commended> out;
  if (n < 1) return out;
  std::vector<std::size_t> order(a.members.size());
  std::vector<OrderKey> keys;
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    order[i] = i;
    keys.push_back(order_key(a.members[i], marks, a.options));
  }
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (keys[x] != keys[y]) return keys[x] > keys[y];
    return a.members[x].id < a.members[y].id;
  });
  const auto limit = static_cast<std::size_t>(n);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto& key = keys[order[i]];
    if (i >= limit && key != keys[order[limit - 1]]) break;
    Commended c{static_cast<int>(i) + 1, order[i], false};
    if (i > 0 && keys[order[i - 1]] == key) c.rank = out.back().rank;
    c.tied = (i > 0 && keys[order[i - 1]] == key) || (i + 1 < order.size() && keys[order[i + 1]] == key);
    out.push_back(c);
  }
  return out;
}

AssessmentExtras build_assessment_extras(const Assessment& a, std::optional<Cultivation> cultivation,
                                         std::vector<MemberMarks> marks, std::optional<int> commend) {
  AssessmentExtras x;
  if (cultivation && cultivation->enabled) x.cultivation = std::move(cultivation);
  for (const auto& m : a.members) {
    for (auto& mm : marks) {
      if (mm.member_id != m.id || (!mm.studio && !mm.branch)) continue;
      if (a.privacy.audience == Audience::committee) {
        if (mm.studio) mm.studio->note.clear();
        if (mm.branch) mm.branch->note.clear();
      }
      x.marks.push_back(mm);
    }
  }
  x.commend = commend;
  if (commend) x.commended = commendation(a, x.marks, *commend);
  return x;
}

}  // namespace dormlink::report
