// The assessment's top-level JSON keys `cultivation`, `marks` and `commend` (docs/studio.md),
// appended to render_assessment_json's document in its layout.
#include <string_view>

#include "dormlink/report/assessment_marks.hpp"

namespace dormlink::report {
namespace {

Json score_json(int tenths) { return static_cast<double>(tenths) / 10.0; }

Json mark_json(const std::optional<Mark>& mark) {
  if (!mark) return nullptr;
  return {{"mark", mark->mark},
          {"given_by", mark->given_by},
          {"given_by_name", mark->given_by_name},
          {"given_at", mark->given_at},
          {"note", mark->note}};
}

Json cultivation_json(const Assessment& a, const std::optional<Cultivation>& c) {
  if (!c) return nullptr;
  Json members = Json::array();
  for (const auto& m : a.members) {
    const auto* mc = c->find(m.id);
    if (mc == nullptr) continue;
    members.push_back({{"id", m.id},
                       {"name", m.name},
                       {"activists", mc->activists},
                       {"required", mc->required},
                       {"done", mc->done},
                       {"education", mc->education}});
  }
  return {{"per_month", c->per_month}, {"as_of", format_date(c->on)}, {"members", std::move(members)}};
}

Json marks_json(const Assessment& a, const AssessmentExtras& x) {
  Json out = Json::array();
  for (const auto& mm : x.marks) {
    for (const auto& m : a.members) {
      if (m.id != mm.member_id) continue;
      out.push_back({{"id", m.id},
                     {"name", m.name},
                     {"score", score_json(m.score_tenths)},
                     {"band", to_string(m.band)},
                     {"studio", mark_json(mm.studio)},
                     {"branch", mark_json(mm.branch)}});
    }
  }
  return out;
}

Json commend_json(const Assessment& a, const AssessmentExtras& x) {
  if (!x.commend) return nullptr;
  Json members = Json::array();
  for (const auto& c : x.commended) {
    const auto& m = a.members[c.member];
    Json branch = nullptr;
    Json studio = nullptr;
    for (const auto& mm : x.marks) {
      if (mm.member_id != m.id) continue;
      if (mm.branch) branch = mm.branch->mark;
      if (mm.studio) studio = mm.studio->mark;
    }
    members.push_back({{"rank", c.rank},
                       {"id", m.id},
                       {"name", m.name},
                       {"branch_mark", std::move(branch)},
                       {"studio_mark", std::move(studio)},
                       {"score", score_json(m.score_tenths)},
                       {"tied", c.tied}});
  }
  return {{"n", *x.commend}, {"members", std::move(members)}};
}

}  // namespace

std::string with_extras_json(const std::string& document, const Assessment& a, const AssessmentExtras& x) {
  const Json extras{{"cultivation", cultivation_json(a, x.cultivation)},
                    {"marks", marks_json(a, x)},
                    {"commend", commend_json(a, x)}};
  const std::string more = json_document(extras);  // "{\n  ...\n}\n"
  constexpr std::string_view k_end = "\n}\n";
  if (document.size() < k_end.size() || !document.ends_with(k_end) || more.size() < 2) {
    return document;  // not a JSON object document: nothing to append to
  }
  return document.substr(0, document.size() - k_end.size()) + ",\n" + more.substr(2);
}

}  // namespace dormlink::report
