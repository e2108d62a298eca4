#include "dormlink/store/backup.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "impl.hpp"
#include "messages.hpp"

namespace dormlink::store {
namespace {

[[noreturn]] void throw_create_error(const std::string& target, int err) {
  auto message = msg::cannot_create_backup(target, system_error_text(err));
  if (err == EACCES || err == EPERM || err == EROFS) throw PermissionError(message);
  if (err == ENOSPC || err == EIO || err == EFBIG || err == EDQUOT) throw IoError(message);
  throw CantCreateError(message);
}

// The temp file of a backup and its SQLite side files; removed unless renamed into place.
class TempCopy {
 public:
  explicit TempCopy(const std::string& target) : m_path(fmt::format("{}.tmp-{}", target, ::getpid())) {}
  ~TempCopy() {
    if (m_kept) return;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) ::unlink((m_path + suffix).c_str());
  }
  TempCopy(const TempCopy&) = delete;
  TempCopy& operator=(const TempCopy&) = delete;
  const std::string& path() const { return m_path; }
  void keep() { m_kept = true; }

 private:
  std::string m_path;
  bool m_kept = false;
};

// Copies every page of the source's main database into `dest` in one step.
void copy_pages(SQLite::Database& source, SQLite::Database& dest, const std::string& target) {
  sqlite3_backup* backup = sqlite3_backup_init(dest.getHandle(), "main", source.getHandle(), "main");
  if (backup == nullptr) {
    throw IoError(msg::cannot_back_up(target, sqlite3_errmsg(dest.getHandle())));
  }
  int step = sqlite3_backup_step(backup, -1);
  int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE || finish != SQLITE_OK) {
    throw IoError(msg::backup_not_written(target, sqlite3_errstr(step != SQLITE_DONE ? step : finish)));
  }
}

// Refuses a copy that does not pass integrity_check, then forces it to disk.
void check_and_sync(const std::string& temp, const std::string& target) {
  {
    SQLite::Database copy(temp, SQLite::OPEN_READWRITE);
    auto verdict = copy.execAndGet("PRAGMA integrity_check").getString();
    if (verdict != "ok") {
      throw IoError(msg::copy_not_intact(target, verdict));
    }
  }  // closing checkpoints the copy's WAL (if any) into the file
  int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    int err = errno;
    if (fd >= 0) ::close(fd);
    throw IoError(msg::cannot_write_backup(target, system_error_text(err)));
  }
  ::close(fd);
}

// Renames the finished copy into place (never over an existing file unless `overwrite`) and
// syncs the directory so the name survives a crash.
void move_into_place(const std::string& temp, const std::string& target, bool overwrite) {
  int rc = overwrite ? ::rename(temp.c_str(), target.c_str()) : ::link(temp.c_str(), target.c_str());
  if (rc != 0 && errno == EEXIST) {
    throw CantCreateError(msg::backup_exists(target));
  }
  if (rc != 0) throw_create_error(target, errno);
  if (!overwrite) ::unlink(temp.c_str());
  auto dir = std::filesystem::path(target).parent_path();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

BackupResult backup_database(Database& db, const std::string& target, bool overwrite) {
  std::error_code ec;
  if (std::filesystem::equivalent(target, db.path(), ec)) {
    throw CantCreateError(msg::backup_onto_database(target));
  }
  if (!overwrite && ::access(target.c_str(), F_OK) == 0) {
    throw CantCreateError(msg::backup_exists(target));
  }
  TempCopy temp(target);
  int fd = ::open(temp.path().c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) throw_create_error(target, errno);
  ::close(fd);
  BackupResult result;
  try {
    SQLite::Database dest(temp.path(), SQLite::OPEN_READWRITE);
    db.transaction([&] {  // one read transaction: the count, the head and the pages agree
      auto& source = db.impl().db;
      result.records = source.execAndGet("SELECT count(*) FROM record").getInt64();
      SQLite::Statement head(source, "SELECT hash FROM record ORDER BY id DESC LIMIT 1");
      if (head.executeStep()) result.chain_head = head.getColumn(0).getString();
      copy_pages(source, dest, target);
    });
  } catch (const SQLite::Exception& e) {
    throw IoError(msg::backup_not_written(target, e.getErrorStr()));
  }
  try {
    check_and_sync(temp.path(), target);
  } catch (const SQLite::Exception& e) {
    throw IoError(msg::cannot_check_backup(target, e.getErrorStr()));
  }
  ::chmod(temp.path().c_str(), 0600);
  move_into_place(temp.path(), target, overwrite);
  temp.keep();
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) result.bytes = static_cast<std::uintmax_t>(st.st_size);
  return result;
}

std::int64_t record_backup_receipt(Database& database, const BackupReceipt& receipt) {
  std::int64_t id = 0;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db,
                        "INSERT INTO backup_receipt (made_at, made_by, path, record_count, chain_head, bytes) "
                        "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, receipt.made_at);
    q.bind(2, receipt.made_by);
    q.bind(3, receipt.path);
    q.bind(4, receipt.record_count);
    q.bind(5, receipt.chain_head);
    q.bind(6, static_cast<std::int64_t>(receipt.bytes));
    q.exec();
    id = db.getLastInsertRowid();
  });
  return id;
}

std::vector<BackupReceipt> load_backup_receipts(Database& database) {
  std::vector<BackupReceipt> receipts;
  database.read_transaction([&] {  // never the write lock or a migration, even on a read-write connection
    SQLite::Statement q(database.impl().db,
                        "SELECT id, made_at, made_by, path, record_count, chain_head, bytes "
                        "FROM backup_receipt ORDER BY id");
    while (q.executeStep()) {
      receipts.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                          q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getString(),
                          static_cast<std::uintmax_t>(q.getColumn(6).getInt64())});
    }
  });
  return receipts;
}

std::optional<BackupReceipt> last_backup(Database& database) noexcept {
  try {
    auto receipts = load_backup_receipts(database);
    for (auto it = receipts.rbegin(); it != receipts.rend(); ++it) {
      struct stat st {};
      if (::stat(it->path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return *it;
    }
  } catch (...) {  // a damaged database: no advice rather than a second error
  }
  return std::nullopt;
}

}  // namespace dormlink::store
