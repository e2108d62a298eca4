// The clocks and resolver every record-entering command shares (entry_resolver.hpp).
#include "cli/entry_resolver.hpp"

#include <fmt/format.h>

#include "cli/messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/model.hpp"
#include "dormlink/store/assignment_store.hpp"
#include "dormlink/store/roster_query.hpp"

namespace dormlink::cli {

EntryClock clock_of(Context& ctx) {
  const auto stamp = ctx.timestamp();  // the real clock: YYYY-MM-DD HH:MM:SS
  const auto date = parse_iso_date(std::string_view(stamp).substr(0, 10));
  // not a message: an internal error (the clock is formatted by dormlink itself)
  if (!date) throw Error(ExitCode::internal, fmt::format("unreadable clock \"{}\"", stamp));
  return {LocalDateTime{*date, std::stoi(stamp.substr(11, 2)), std::stoi(stamp.substr(14, 2)), true}, ctx.today()};
}

std::optional<records::ResolvedEntry> EntryResolver::resolve_by_points(const records::EntryRequest& request) {
  std::vector<std::string> texts{request.member};
  texts.insert(texts.end(), request.talked.begin(), request.talked.end());
  std::optional<std::string> dorm;
  if (request.dorm) {
    if (auto code = parse_dorm_code(*request.dorm)) dorm = code->code();
  }
  auto slice = store::load_entry_slice(m_db, request.at.date, texts, dorm);
  if (!slice.complete) return std::nullopt;
  std::map<std::string, std::string> assignment;
  bool committed = false;
  if (const auto* semester = m_config.calendar.attributed(request.at.date)) {
    const auto holder = store::load_dorm_holder(m_db, semester->id, format_date(request.at.date), dorm.value_or(""));
    committed = holder.committed;
    if (holder.member && dorm) assignment[*dorm] = *holder.member;
  }
  records::EntryContext context{&slice.snapshot, committed ? &assignment : nullptr, &m_config.calendar, m_now,
                                explainer(request.at.date)};
  return records::resolve_entry(request, context);
}

records::ResolvedEntry EntryResolver::resolve(const records::EntryRequest& request) {
  if (m_loading == Loading::points && m_days.count(format_date(request.at.date)) == 0) {
    if (auto entry = resolve_by_points(request)) return std::move(*entry);
  }
  auto& day = load(request.at.date);
  records::EntryContext context{&day.snapshot, day.committed ? &day.assignment : nullptr, &m_config.calendar, m_now,
                                explainer(request.at.date)};
  return records::resolve_entry(request, context);
}

const roster::StudentRow& EntryResolver::member(const std::string& text, Date date) {
  auto& day = load(date);
  records::EntryContext context{&day.snapshot, nullptr, &m_config.calendar, m_now, explainer(date)};
  return records::find_member(text, context);
}

std::function<std::optional<std::string>(std::string_view, const std::string&)> EntryResolver::explainer(Date date) {
  return [this, date](std::string_view option, const std::string& text) -> std::optional<std::string> {
    if (option == "--dorm") {
      const auto code = parse_dorm_code(text);
      const auto later = code ? store::later_dorm_on_roster(m_db, date, code->code()) : std::nullopt;
      if (!later) return std::nullopt;
      return msg::no_dorm_until(option, quote_value(text), later->student_id, later->valid_from, later->batch,
                                format_date(date), later->batch);
    }
    const auto later = store::later_on_roster(m_db, date, text);
    if (!later) return std::nullopt;
    return msg::no_student_until(option, quote_value(text), later->name, later->student_id, later->valid_from,
                                 later->batch, format_date(date), later->batch);
  };
}

EntryResolver::Day& EntryResolver::load(Date date) {
  auto key = format_date(date);
  auto it = m_days.find(key);
  if (it != m_days.end()) return it->second;
  Day day;
  day.snapshot = store::load_roster(m_db, date);
  if (const auto* semester = m_config.calendar.attributed(date)) {
    if (auto record = store::load_assignment_on(m_db, semester->id, key)) {
      day.committed = true;
      for (const auto& p : record->pairs) day.assignment[p.dorm_code] = p.member_id;
    }
  }
  return m_days.emplace(key, std::move(day)).first->second;
}

}  // namespace dormlink::cli
