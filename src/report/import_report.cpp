#include "dormlink/report/import_report.hpp"

#include <fmt/format.h>

#include "dormlink/message.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {
namespace {

// Every word of the import report, zh and en side by side.
constexpr struct ImportLabels {
  Words rows{"{} 行", "{} rows"};
  Words effective{"生效日期", "effective"};
  Words effective_line{"{} {}（{}）\n", "{} {} ({})\n"};  // "effective", the date, how far from today
  Words semester{"学期", "semester"};
  Words counts{"新增 {}，变更 {}，离开 {}，未变 {}", "added {}, changed {}, left {}, unchanged {}"};
  Words new_dorms{"新建寝室 {} 间（学生名单中出现、寝室名单中尚无）",
                  "new dorms: {} (named by students, not yet in a dorms roster)"};
  Words dry_run{"试运行：未写入任何数据", "dry run: nothing was written"};
  Words moves{"调整寝室", "dorm moves"};
  Words status_changes{"政治面貌变化", "political status changes"};
  Words departures{"标记为离开", "marked as left"};
  Words returned{"（其中返回 {} 人）", " (returned: {})"};
  Words sep{"，", ", "};
  Words batch{"批次 #{}", "batch #{}"};
  Words today{"今天", "today"};
  Words after_today{"今天之后 {} 天", "{} days after today"};
  Words before_today{"今天之前 {} 天", "{} days before today"};
  Words needs_force{"；晚于今天超过 {} 天，正式导入需要 --force",
                    "; more than {} days ahead, the import needs --force"};
  Words undone{"已撤销导入批次 #{}（{}，{}，生效日期 {}），记为批次 #{}",
               "undid import batch #{} ({}, {}, effective {}) as batch #{}"};
  Words would_undo{"将撤销导入批次 #{}（{}，{}，生效日期 {}）", "would undo import batch #{} ({}, {}, effective {})"};
  Words undo_counts{"恢复原版本 {} 条，移除新增 {} 项", "restored earlier versions: {}; removed additions: {}"};
} k_labels;

// "生效日期 2099-01-01（今天之后 26326 天；...）": the first line of a dry run, so that a
// mistyped --as-of is seen before anything is written.
std::string effective_line(const roster::ImportSummary& s, Language language) {
  const auto& w = k_labels;
  const long days = s.days_after_today;
  std::string when = days == 0  ? w.today(language)
                     : days > 0 ? fmt::format(fmt::runtime(w.after_today(language)), days)
                                : fmt::format(fmt::runtime(w.before_today(language)), -days);
  if (s.far_ahead) when += fmt::format(fmt::runtime(w.needs_force(language)), roster::k_max_days_ahead);
  return fmt::format(fmt::runtime(w.effective_line(language)), w.effective(language), s.effective_date, when);
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
  const auto& w = k_labels;
  std::string out;
  if (s.dry_run) out += effective_line(s, language) + fmt::format("{}\n", w.dry_run(language));
  out +=
      fmt::format("{} [{}]: {}{}{} {}", s.source_name, s.encoding, fmt::format(fmt::runtime(w.rows(language)), s.rows),
                  w.sep(language), w.effective(language), s.effective_date);
  if (!s.semester_id.empty()) out += fmt::format("{}{} {}", w.sep(language), w.semester(language), s.semester_id);
  if (s.batch_id != 0) out += w.sep(language) + fmt::format(fmt::runtime(w.batch(language)), s.batch_id);
  out += "\n  ";
  out += fmt::format(fmt::runtime(w.counts(language)), s.added, s.changed, s.departed, s.unchanged);
  if (s.returned > 0) out += fmt::format(fmt::runtime(w.returned(language)), s.returned);
  out += "\n";
  if (!s.new_dorms.empty()) out += "  " + fmt::format(fmt::runtime(w.new_dorms(language)), s.new_dorms.size()) + "\n";
  if (s.dry_run) {
    render_lines(out, w.moves(language), s.moves);
    render_lines(out, w.status_changes(language), s.status_changes);
    render_lines(out, w.departures(language), s.departures);
  }
  return visible_document(out);
}

std::string render_undo_summary(const roster::UndoSummary& s, Language language) {
  const auto& w = k_labels;
  std::string out;
  if (s.dry_run) {
    out += fmt::format("{}\n", w.dry_run(language));
    out += fmt::format(fmt::runtime(w.would_undo(language)), s.undone, s.kind, s.source_name, s.effective_date);
  } else {
    out +=
        fmt::format(fmt::runtime(w.undone(language)), s.undone, s.kind, s.source_name, s.effective_date, s.undo_batch);
  }
  out += "\n  " + fmt::format(fmt::runtime(w.undo_counts(language)), s.restored, s.removed) + "\n";
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
