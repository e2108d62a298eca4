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
};

constexpr Words k_zh{"{} 行", "生效日期", "学期", "新增 {}，变更 {}，离开 {}，未变 {}",
                     "新建寝室 {} 间（学生名单中出现、寝室名单中尚无）", "试运行：未写入任何数据",
                     "调整寝室", "政治面貌变化", "标记为离开", "无", "（其中返回 {} 人）", "，"};
constexpr Words k_en{"{} rows", "effective", "semester", "added {}, changed {}, left {}, unchanged {}",
                     "new dorms: {} (named by students, not yet in a dorms roster)",
                     "dry run: nothing was written", "dorm moves", "political status changes",
                     "marked as left", "none", " (returned: {})", ", "};

void render_lines(std::string& out, const char* title, const std::vector<roster::ChangeLine>& lines) {
  if (lines.empty()) return;
  out += fmt::format("  {} ({}):\n", title, lines.size());
  for (const auto& line : lines) {
    auto arrow = line.after.empty() ? line.before : fmt::format("{} -> {}", line.before.empty() ? "-" : line.before, line.after);
    out += fmt::format("    {}  {}  {}\n", line.id, line.name, arrow);
  }
}

}  // namespace

std::string render_import_summary(const roster::ImportSummary& s, Language language) {
  const Words& w = language == Language::zh ? k_zh : k_en;
  std::string out;
  if (s.dry_run) out += fmt::format("{}\n", w.dry_run);
  out += fmt::format("{} [{}]: {}{}{} {}", s.source_name, s.encoding, fmt::format(fmt::runtime(w.rows), s.rows),
                     w.sep, w.effective, s.effective_date);
  if (!s.semester_id.empty()) out += fmt::format("{}{} {}", w.sep, w.semester, s.semester_id);
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

std::string join_quoted(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += quote_value(item);
  }
  return out;
}

}  // namespace dormlink::report
