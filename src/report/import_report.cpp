#include "dormlink/report/import_report.hpp"

#include <fmt/format.h>

#include "dormlink/message.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {
namespace {

// The words of this report, zh and en side by side.
struct Words {
  const char* rows;
  const char* effective;
  const char* semester;
  const char* counts;
  const char* new_dorms;
  const char* dry_run;
  const char* moves;
  const char* status_changes;
  const char* departures;
  const char* none;
  const char* returned;
  const char* sep;
  const char* batch;
  const char* today;
  const char* after_today;
  const char* before_today;
  const char* needs_force;
  const char* undone;
  const char* would_undo;
  const char* undo_counts;
};

constexpr Words k_zh{"{} 行",
                     "生效日期",
                     "学期",
                     "新增 {}，变更 {}，离开 {}，未变 {}",
                     "新建寝室 {} 间（学生名单中出现、寝室名单中尚无）",
                     "试运行：未写入任何数据",
                     "调整寝室",
                     "政治面貌变化",
                     "标记为离开",
                     "无",
                     "（其中返回 {} 人）",
                     "，",
                     "批次 #{}",
                     "今天",
                     "今天之后 {} 天",
                     "今天之前 {} 天",
                     "；晚于今天超过 {} 天，正式导入需要 --force",
                     "已撤销导入批次 #{}（{}，{}，生效日期 {}），记为批次 #{}",
                     "将撤销导入批次 #{}（{}，{}，生效日期 {}）",
                     "恢复原版本 {} 条，移除新增 {} 项"};
constexpr Words k_en{"{} rows",
                     "effective",
                     "semester",
                     "added {}, changed {}, left {}, unchanged {}",
                     "new dorms: {} (named by students, not yet in a dorms roster)",
                     "dry run: nothing was written",
                     "dorm moves",
                     "political status changes",
                     "marked as left",
                     "none",
                     " (returned: {})",
                     ", ",
                     "batch #{}",
                     "today",
                     "{} days after today",
                     "{} days before today",
                     "; more than {} days ahead, the import needs --force",
                     "undid import batch #{} ({}, {}, effective {}) as batch #{}",
                     "would undo import batch #{} ({}, {}, effective {})",
                     "restored earlier versions: {}; removed additions: {}"};

// "生效日期 2099-01-01（今天之后 26326 天；...）": the first line of a dry run, so that a
// mistyped --as-of is seen before anything is written.
std::string effective_line(const roster::ImportSummary& s, const Words& w, Language language) {
  const long days = s.days_after_today;
  std::string when = days == 0  ? w.today
                     : days > 0 ? fmt::format(fmt::runtime(w.after_today), days)
                                : fmt::format(fmt::runtime(w.before_today), -days);
  if (s.far_ahead) when += fmt::format(fmt::runtime(w.needs_force), roster::k_max_days_ahead);
  return language == Language::zh ? fmt::format("{} {}（{}）\n", w.effective, s.effective_date, when)
                                  : fmt::format("{} {} ({})\n", w.effective, s.effective_date, when);
}

void render_lines(std::string& out, const char* title, const std::vector<roster::ChangeLine>& lines) {
  if (lines.empty()) return;
  out += fmt::format("  {} ({}):\n", title, lines.size());
  for (const auto& line : lines) {
    auto arrow =
        line.after.empty() ? line.before : fmt::format("{} -> {}", line.before.empty() ? "-" : line.before, line.after);
    out += fmt::format("    {}  {}  {}\n", line.id, line.name, arrow);
  }
}

}  // namespace

std::string render_import_summary(const roster::ImportSummary& s, Language language) {
  const Words& w = language == Language::zh ? k_zh : k_en;
  std::string out;
  if (s.dry_run) out += effective_line(s, w, language) + fmt::format("{}\n", w.dry_run);
  out += fmt::format("{} [{}]: {}{}{} {}", s.source_name, s.encoding, fmt::format(fmt::runtime(w.rows), s.rows), w.sep,
                     w.effective, s.effective_date);
  if (!s.semester_id.empty()) out += fmt::format("{}{} {}", w.sep, w.semester, s.semester_id);
  if (s.batch_id != 0) out += w.sep + fmt::format(fmt::runtime(w.batch), s.batch_id);
  out += "\n  ";
  out += fmt::format(fmt::runtime(w.counts), s.added, s.changed, s.departed, s.unchanged);
  if (s.returned > 0) out += fmt::format(fmt::runtime(w.returned), s.returned);
  out += "\n";
  if (!s.new_dorms.empty()) out += "  " + fmt::format(fmt::runtime(w.new_dorms), s.new_dorms.size()) + "\n";
  if (s.dry_run) {
    render_lines(out, w.moves, s.moves);
    render_lines(out, w.status_changes, s.status_changes);
    render_lines(out, w.departures, s.departures);
  }
  return visible_document(out);
}

std::string render_undo_summary(const roster::UndoSummary& s, Language language) {
  const Words& w = language == Language::zh ? k_zh : k_en;
  std::string out;
  if (s.dry_run) {
    out += fmt::format("{}\n", w.dry_run);
    out += fmt::format(fmt::runtime(w.would_undo), s.undone, s.kind, s.source_name, s.effective_date);
  } else {
    out += fmt::format(fmt::runtime(w.undone), s.undone, s.kind, s.source_name, s.effective_date, s.undo_batch);
  }
  out += "\n  " + fmt::format(fmt::runtime(w.undo_counts), s.restored, s.removed) + "\n";
  return out;
}

std::string join_quoted(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += quote_value(item);
  }
  return out;
}

}  // namespace dormlink::report
