// Who handed a form in (include/dormlink/report/hand_in.hpp).
#include "dormlink/report/hand_in.hpp"

#include <fmt/format.h>

#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

struct Labels {
  Words member{"本人报送", "handed in by the member"};
  Words on_behalf{"代为整理", "submitted by the counselor for the member"};
  Words none{"未报送", "not handed in"};
  Words late{"，逾期", ", late"};
  Words file{"（文件 {}）", " (file {})"};
  Words reason{"（原因：{}）", " (reason: {})"};
};
constexpr Labels l;

}  // namespace

std::string_view key(HandIn::Source source) {
  switch (source) {
    case HandIn::Source::member:
      return "member";
    case HandIn::Source::on_behalf:
      return "on_behalf";
    default:
      return "none";
  }
}

std::string hand_in_text(const HandIn& h, Language language, bool show_reason) {
  if (h.source == HandIn::Source::none) return std::string(l.none(language));
  std::string out(h.source == HandIn::Source::member ? l.member(language) : l.on_behalf(language));
  out += " " + h.at;
  if (h.late) out += l.late(language);
  // The file's name and the reason are free text (a name may be in either): the committee sees neither.
  if (h.source == HandIn::Source::member && show_reason && !h.file.empty())
    out += fmt::format(pattern(l.file, language), h.file);
  if (h.source == HandIn::Source::on_behalf && show_reason && !h.reason.empty())
    out += fmt::format(pattern(l.reason, language), h.reason);
  return out;
}

Json hand_in_json(const HandIn& h, bool show_reason) {
  const bool any = h.source != HandIn::Source::none;
  return Json{{"source", key(h.source)},
              {"at", any ? Json(h.at) : Json(nullptr)},
              {"file", h.source == HandIn::Source::member && show_reason ? Json(h.file) : Json(nullptr)},
              {"reason", h.source == HandIn::Source::on_behalf && show_reason ? Json(h.reason) : Json(nullptr)},
              {"late", any && h.late}};
}

}  // namespace dormlink::report
