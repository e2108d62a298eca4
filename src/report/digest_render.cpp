// The evening digest in words (digest.hpp): text for a phone, Markdown, JSON, the subject line.
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "digest_words.hpp"
#include "dormlink/report/check_report.hpp"
#include "dormlink/report/digest.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

using check::Rule;
using Kind = DigestRecipient::Kind;

using namespace digest_words;

// Text and Markdown differ only in how a heading and a line are marked.
std::string render(const Digest& d, Language language, bool markdown) {
  std::string out = markdown ? "# " + title(d, language) + "\n\n" : title(d, language) + "\n";
  out += recipient_line(d, language) + (markdown ? "\n\n" : "\n");
  if (semester_ended(d.input->semester, d.as_of)) {
    out += fmt::format(pattern(k_words.closing, language), d.input->semester.id,
                       format_date(d.input->semester.last_day()));
    out += markdown ? "\n\n" : "\n";
  }
  out += totals_line(d, language) + "\n";
  if (d.recipient.kind == Kind::committee) {
    out += fmt::format(pattern(k_words.committee_incidents, language), d.committee_incidents.text()) + "\n";
    out += rule_counts_line(d, language);
  }
  if (d.overdue == 0 && d.due_soon == 0 && d.incidents.empty()) out += k_words.nothing(language) + std::string("\n");
  for (const auto& s : sections(d, language)) {
    out += markdown ? "\n## " + s.heading + "\n\n" : fmt::format(pattern(k_words.text_heading, language), s.heading);
    const std::size_t shown = digest_words::shown(s);
    for (std::size_t i = 0; i < shown; ++i)
      out += (markdown ? "- " + escape_markdown_cell(s.lines[i]) : k_words.bullet(language) + s.lines[i]) + "\n";
    if (shown < s.lines.size()) out += fmt::format(pattern(s.more, language), s.lines.size() - shown) + "\n";
    if (markdown && !s.after.empty()) out += "\n";
    for (const auto& a : s.after) out += a + "\n";
  }
  if (!d.closing_hint.empty()) {
    out += "\n" +
           fmt::format(pattern(k_words.whole_list, language), markdown ? "`" + d.closing_hint + "`" : d.closing_hint) +
           "\n";
  }
  return visible_document(out);
}

Json line_json(const Digest& d, const DigestLine& l) {
  Json j;
  j["rule"] = check::to_string(l.rule);
  j["member"] = person_json(person_at(*d.input, l.member));
  j["period"] = l.period;
  j["due"] = format_date(l.due);
  j["count"] = l.count;
  const bool concern = l.rule == Rule::concern_ack || l.rule == Rule::concern_open;
  if (l.rule != Rule::incident_report && !concern) j["new"] = l.fresh;
  const std::string dorm = dorm_at(*d.input, l.dorm);
  j["dorm"] = dorm.empty() ? Json(nullptr) : Json(dorm);
  if (l.rule == Rule::incident_report || concern) {
    j["record"] = l.record_id;
    j[concern ? "opened" : "found"] = format_date(l.found);
    j["status"] = check::to_string(l.first.status);
    j["repeat_of"] = l.first.repeat_of > 0 ? Json(l.first.repeat_of) : Json(nullptr);
  }
  if (concern) {
    const auto* student = person_at(*d.input, l.first.student);
    j["student"] = d.privacy.audience == Audience::counselor ? person_json(student) : Json(nullptr);
  }
  return j;
}

Json digest_json(const Digest& d) {
  Json j;
  j["recipient"] = recipient_key(*d.input, d.recipient);
  j["as_of"] = format_date(d.as_of);
  j["since"] = d.since ? Json(format_date(*d.since)) : Json(nullptr);
  j["semester"] = Json{{"id", d.input->semester.id},
                       {"week", d.week ? Json(*d.week) : Json(nullptr)},
                       {"ended", semester_ended(d.input->semester, d.as_of)}};
  j["counts"] = Json{{"overdue", d.overdue}, {"new", d.fresh}, {"due_soon", d.due_soon}};
  if (d.recipient.kind == Kind::committee) {
    j["incidents"] = d.committee_incidents.json();
    j["overdue_by_rule"] = Json::object();
    for (const auto& [rule, n] : d.rule_counts) j["overdue_by_rule"][std::string(check::to_string(rule))] = n.json();
    j["counselors"] = Json::array();
    for (const auto& r : d.counselors) {
      const auto* c = r.counselor < 0 ? nullptr : &d.input->counselors.at(static_cast<std::size_t>(r.counselor));
      j["counselors"].push_back(Json{{"counselor", c ? Json{{"id", c->staff_id}, {"name", c->name}} : Json(nullptr)},
                                     {"overdue", r.overdue},
                                     {"new", r.fresh},
                                     {"members", r.members},
                                     {"due_soon", r.due_soon},
                                     {"incidents", r.incidents.json()}});
    }
    return j;
  }
  auto lines = [&](const std::vector<DigestLine>& v) {
    Json a = Json::array();
    for (const auto& l : v) a.push_back(line_json(d, l));
    return a;
  };
  j["incidents"] = lines(d.incidents);
  j["concerns"] = lines(d.concerns);
  j["new"] = lines(d.new_items);
  j["members"] = Json::array();
  for (const auto& t : d.members) {
    j["members"].push_back(Json{{"member", person_json(person_at(*d.input, t.member))},
                                {"visits", t.visits},
                                {"talks", t.talks},
                                {"forms", t.forms},
                                {"other", t.other},
                                {"oldest_due", format_date(t.oldest)}});
  }
  j["due_soon"] = lines(d.soon);
  return j;
}

}  // namespace

std::string render_digest_text(const Digest& d, Language language) { return render(d, language, false); }
std::string render_digest_markdown(const Digest& d, Language language) { return render(d, language, true); }

std::string render_digest_json(const std::vector<Digest>& digests) {
  Json doc;
  doc["digests"] = Json::array();
  for (const auto& d : digests) doc["digests"].push_back(digest_json(d));
  return json_document(doc);
}

std::string digest_subject(const Digest& d, Language language) {
  const auto day = fmt::format(pattern(k_words.subject_day, language), static_cast<unsigned>(d.as_of.month()),
                               static_cast<unsigned>(d.as_of.day()));
  return fmt::format(pattern(k_words.subject, language), day, d.overdue, d.fresh);
}

}  // namespace dormlink::report
