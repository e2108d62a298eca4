// The evening digest as HTML for a phone (digest.hpp, docs/html.md): one <section
// class="document"> with what render_digest_markdown says — the title, the recipient, the
// totals, then each section as a heading over a list — in headings and lists, never a wide table.
// The wording and the sections are digest_render.cpp's (digest_words.hpp).
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "digest_words.hpp"
#include "dormlink/report/check_report.hpp"
#include "dormlink/report/digest.hpp"
#include "dormlink/report/html.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

using check::Rule;
using Kind = DigestRecipient::Kind;

using namespace digest_words;

// A section as an <h2> over a <ul>, the "… and N more" and the lines after it as notes.
std::string section_html(const Section& s, Language language) {
  std::string out = html::heading(2, s.heading);
  const std::size_t shown = digest_words::shown(s);
  out += "<ul>\n";
  for (std::size_t i = 0; i < shown; ++i) out += fmt::format("<li>{}</li>\n", html::escape(s.lines[i]));
  out += "</ul>\n";
  if (shown < s.lines.size())
    out += html::paragraph(fmt::format(pattern(s.more, language), s.lines.size() - shown), "note");
  for (const auto& a : s.after) out += html::paragraph(a);
  return out;
}

// The lines under the title: recipient, the closed semester, totals, the committee's counts.
std::string header_html(const Digest& d, Language language) {
  std::string out = html::heading(1, title(d, language));
  out += html::paragraph(recipient_line(d, language));
  if (semester_ended(d.input->semester, d.as_of)) {
    out += html::paragraph(fmt::format(pattern(k_words.closing, language), d.input->semester.id,
                                       format_date(d.input->semester.last_day())));
  }
  out += html::paragraph(totals_line(d, language));
  if (d.recipient.kind == Kind::committee) {
    out += html::paragraph(fmt::format(pattern(k_words.committee_incidents, language), d.committee_incidents.text()));
    if (!d.rule_counts.empty()) out += html::paragraph(rule_counts_line(d, language));
  }
  if (d.overdue == 0 && d.due_soon == 0 && d.incidents.empty()) out += html::paragraph(k_words.nothing(language));
  return out;
}

}  // namespace

std::string render_digest_html(const Digest& d, Language language) {
  std::string body = header_html(d, language);
  for (const auto& s : sections(d, language)) body += section_html(s, language);
  if (!d.closing_hint.empty()) {
    // The wording is a constant; only the command is data, escaped inside its <code>.
    const std::string command = "<code>" + html::escape(d.closing_hint) + "</code>";
    body += fmt::format("<p>{}</p>\n", fmt::format(pattern(k_words.whole_list, language), command));
  }
  return html::document_section(body);
}

}  // namespace dormlink::report
