#pragma once
// Private to src/report: the words for findings without a record that the receipt of `inspect
// record --finding`, `report inspection` and the assessment share (docs/inspect.md): the kinds
// of finding, the incident categories in the user's language (from case_words.hpp), and the
// weeks a "no contact" finding contradicts ("第 3 周 #12、#15；第 5 周 #20").

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "case_words.hpp"
#include "dormlink/inspect/observation.hpp"
#include "dormlink/language.hpp"

namespace dormlink::report {

struct InspectionWords {
  // In inspect::Finding order.
  std::array<Words, 3> findings{{{"未联系（学生称从未见过党员）", "no contact (residents never saw the member)"},
                                 {"寝室状况", "dorm condition"},
                                 {"其他", "other"}}};
  Words week{"第 {} 周 {}", "week {} {}"};
  Words weeks_separator{"；", "; "};
  Words list_separator{"、", ", "};
  Words reported{"已报告（记录 #{}）", "reported (record #{})"};
  Words not_reported{"未报告", "not reported"};
  Words none{"—", "—"};
};

inline constexpr InspectionWords k_inspection_words{};

inline std::string finding_label(inspect::Finding finding, Language language) {
  return k_inspection_words.findings.at(static_cast<std::size_t>(finding))(language);
}

// The category's name in the language (case_words.hpp, the one table of them); the key itself
// when it is not one.
inline std::string incident_category_label(const std::string& key, Language language) {
  return case_words::category(key, language);
}

// "#12、#15" / "#12, #15".
inline std::string record_list(const std::vector<std::int64_t>& ids, Language language) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : k_inspection_words.list_separator(language)) + fmt::format("#{}", id);
  return out;
}

// "第 3 周 #12、#15；第 5 周 #20"; "—" when none.
inline std::string weeks_text(const std::vector<inspect::ContradictedWeek>& weeks, Language language) {
  if (weeks.empty()) return k_inspection_words.none(language);
  std::string out;
  for (const auto& w : weeks) {
    if (!out.empty()) out += k_inspection_words.weeks_separator(language);
    out += fmt::format(fmt::runtime(k_inspection_words.week(language)), w.week, record_list(w.records, language));
  }
  return out;
}

// "已报告（记录 #12）" / "未报告" for a finding with a category; "" without one.
inline std::string report_status(const inspect::Observation& o, Language language) {
  if (!o.category) return "";
  if (o.reported_by) return fmt::format(fmt::runtime(k_inspection_words.reported(language)), *o.reported_by);
  return k_inspection_words.not_reported(language);
}

}  // namespace dormlink::report
