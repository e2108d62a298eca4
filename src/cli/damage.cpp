#include "cli/damage.hpp"

#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/store/backup.hpp"
#include "dormlink/store/integrity.hpp"

namespace dormlink::cli {
namespace {

// The refusal of a damaged database and what to do about it (docs/messages.md); quick_check's
// own lines ("Page 12: ...") stay as SQLite words them.
namespace say {
inline constexpr Message damaged{"{} is damaged: {}; {}. {}", "{} 已损坏：{}；{}。{}"};
inline constexpr Message problems_more{"{}, and {} more", "{}，另有 {} 处"};
inline constexpr Message problems_at_least_more{"{}, and at least {} more", "{}，另有至少 {} 处"};
inline constexpr Message move_aside{"move {0}, {0}-wal and {0}-shm aside (keep them)",
                                    "把 {0}、{0}-wal 和 {0}-shm 移到别处（请保留它们）"};
inline constexpr Message recover{
    "As a last resort, `sqlite3 {} .recover | sqlite3 recovered.db` copies what can still be read into a new file "
    "(never recover in place); run `dormlink --db recovered.db verify` before using it",
    "万不得已时，`sqlite3 {} .recover | sqlite3 recovered.db` 可把仍能读出的内容复制到一个新文件（切勿原地恢复）；"
    "使用前请先运行 `dormlink --db recovered.db verify`"};
inline constexpr Message unreadable{
    "Its backup receipts cannot be read. Restore your newest backup: {}, copy the backup to {}, then run `dormlink "
    "verify`. {}",
    "无法读取其中的备份记录。请恢复最新的一份备份：{}，把备份复制为 {}，然后运行 `dormlink verify`。{}"};
inline constexpr Message restore{
    "Restore the last good backup: the backup receipts name {} ({}, {} records, {}); {}, copy the backup to {}, then "
    "run `dormlink verify`; records saved after {} are not in the backup",
    "请恢复最近一份完好的备份：备份记录指向 {}（{}，{} 条记录，{}）；{}，把备份复制为 {}，然后运行 `dormlink "
    "verify`；{} 之后保存的记录不在该备份中"};
inline constexpr Message no_records{"no records", "无记录"};
inline constexpr Message head{"head {}", "链头 {}"};
inline constexpr Message no_backup{"No backup of it was recorded (`dormlink backup FILE` makes one). {}",
                                   "没有它的备份记录（可用 `dormlink backup FILE` 制作备份）。{}"};
inline constexpr Message backups_gone{"The backups it recorded are gone (the newest was {}, {}). {}",
                                      "它记录的备份都已不在（最新的一份是 {}，{}）。{}"};
}  // namespace say

// How many of quick_check's lines the message quotes.
constexpr std::size_t k_problems_shown = 3;

// "Page 12: …, Page 40: …, Page 41: …, and 5 more": the first problems ("at least" once quick_check
// has stopped at its limit).
std::string summarize(const std::vector<std::string>& problems) {
  std::string text;
  for (std::size_t i = 0; i < problems.size() && i < k_problems_shown; ++i) text += (i > 0 ? ", " : "") + problems[i];
  if (problems.size() <= k_problems_shown) return text;
  const auto more = problems.size() - k_problems_shown;
  return problems.size() >= store::k_quick_check_limit ? say::problems_at_least_more(text, more)
                                                       : say::problems_more(text, more);
}

// Moving the damaged file aside with its WAL files, so that SQLite does not replay them onto the copy.
std::string move_aside(const std::string& db) { return say::move_aside(db); }

// The last resort when there is no backup to restore.
std::string recover_advice(const std::string& db) { return say::recover(db); }

// When the damaged file's backup receipts cannot be read.
std::string unreadable_advice(const std::string& db) { return say::unreadable(move_aside(db), db, recover_advice(db)); }

std::string restore_advice(const std::string& db, const store::BackupReceipt& b) {
  const std::string head = b.chain_head.empty() ? say::no_records() : say::head(b.chain_head.substr(0, 12));
  return say::restore(b.path, b.made_at, b.record_count, head, move_aside(db), db, b.made_at);
}

// What to restore, from the damaged database's own backup receipts (which may be unreadable).
std::string advice(store::Database& db) {
  const std::string& path = db.path();
  std::vector<store::BackupReceipt> receipts;
  try {
    receipts = store::load_backup_receipts(db);
  } catch (const Error&) {
    return unreadable_advice(path);
  }
  if (auto last = store::last_backup(db)) return restore_advice(path, *last);
  if (receipts.empty()) {
    return say::no_backup(recover_advice(path));
  }
  return say::backups_gone(receipts.back().path, receipts.back().made_at, recover_advice(path));
}

[[noreturn]] void refuse(const std::string& db, const std::vector<std::string>& problems, std::string_view not_done,
                         const std::string& what_to_do) {
  throw DamageError(say::damaged(db, summarize(problems), not_done, what_to_do), problems.front());
}

}  // namespace

store::Database open_undamaged(Context& ctx, store::OpenMode mode, std::string_view not_done) {
  std::optional<store::Database> db;
  try {
    db.emplace(ctx.open_database(mode));
  } catch (const DamageError& e) {  // SQLite refused the file: no receipt can be read from it
    refuse(ctx.options().db_path, {e.finding()}, not_done, unreadable_advice(ctx.options().db_path));
  }
  std::vector<std::string> problems;
  try {
    problems = store::quick_check(*db);
  } catch (const DamageError& e) {
    problems = {e.finding()};
  }
  if (!problems.empty()) refuse(db->path(), problems, not_done, advice(*db));
  return std::move(*db);
}

namespace {

// quick_check on a connection of its own, in a thread of its own; wait() joins it and returns its
// findings (rethrowing anything but damage).
class DamageProbe {
 public:
  explicit DamageProbe(const store::Database& reading) : m_thread([this, &reading] { run(reading); }) {}
  ~DamageProbe() {
    if (m_thread.joinable()) m_thread.join();
  }
  DamageProbe(const DamageProbe&) = delete;
  DamageProbe& operator=(const DamageProbe&) = delete;

  std::vector<std::string> wait() {
    m_thread.join();
    if (m_error) std::rethrow_exception(m_error);
    return m_problems;
  }

 private:
  void run(const store::Database& reading) {
    try {
      auto db = reading.another_reader();  // never Database::open here: see another_reader()
      m_problems = store::quick_check(db);
    } catch (const DamageError& e) {
      m_problems = {e.finding()};
    } catch (...) {
      m_error = std::current_exception();
    }
  }

  std::vector<std::string> m_problems;
  std::exception_ptr m_error;
  std::thread m_thread;  // last: started once the members it writes exist
};

}  // namespace

void read_undamaged(Context& ctx, std::string_view not_done, const std::function<void(store::Database&)>& read) {
  std::optional<store::Database> db;
  try {
    db.emplace(ctx.open_database(store::OpenMode::read_only));
  } catch (const DamageError& e) {
    refuse(ctx.options().db_path, {e.finding()}, not_done, unreadable_advice(ctx.options().db_path));
  }
  std::exception_ptr read_error;
  std::vector<std::string> problems;
  {
    DamageProbe probe(*db);
    try {
      read(*db);
    } catch (const DamageError& e) {
      read_error = std::current_exception();
      problems = {e.finding()};
    }
    auto found = probe.wait();
    if (!found.empty()) problems = std::move(found);
  }
  if (!problems.empty()) refuse(db->path(), problems, not_done, advice(*db));
  if (read_error) std::rethrow_exception(read_error);
}

}  // namespace dormlink::cli
