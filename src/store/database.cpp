#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/file_kind.hpp"
#include "impl.hpp"
#include "messages.hpp"

namespace dormlink::store {

SqliteSetup::SqliteSetup() {
  // SQLITE_MISUSE when SQLite was initialised already (nothing else here uses it first).
  static const int done = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(done);
}

namespace {

constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};

// Creates the file itself with mode 0600 so personal data is never briefly world-readable.
void create_private_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return;
  }
  int err = errno;
  if (err == EEXIST) {
    throw CantCreateError(msg::db_exists(path));
  }
  if (err == EACCES || err == EPERM || err == EROFS) {
    throw PermissionError(msg::cannot_create(path, system_error_text(err)));
  }
  throw IoError(msg::cannot_create(path, system_error_text(err)));
}

// Refuses what is not a dormlink database before SQLite touches it.
void check_file_header(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      throw NotFoundError(msg::db_missing(path));
    }
    throw IoError(msg::cannot_read(path, system_error_text(errno)));
  }
  if (!S_ISREG(st.st_mode)) {
    throw util::not_regular_file(msg::database_subject(path), st.st_mode, msg::pass_database());
  }
  if (st.st_size == 0) {
    throw DataError(msg::empty_db_file(path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PermissionError(msg::read_denied(path));
  std::string head(k_sqlite_magic.size(), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  if (in.gcount() != static_cast<std::streamsize>(head.size()) || head != k_sqlite_magic) {
    throw DataError(msg::not_sqlite(path));
  }
}

void apply_connection_pragmas(SQLite::Database& db, OpenMode mode) {
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA synchronous = FULL");
  // Writers: 64 MiB, so that a university roster import stays in memory until it commits.
  // Readers keep SQLite's 2 MiB: they read each page once, and a cache growing to 64 MiB (an
  // allocation and fresh memory per page read) made check's load of 1,000,000 records a third
  // slower (1.65 against 1.10 s, same run; docs/performance.md).
  if (mode == OpenMode::read_write) db.exec("PRAGMA cache_size = -65536");
  db.exec("PRAGMA secure_delete = ON");  // purged or replaced text is overwritten, not left in free pages
}

// Refuses another application's SQLite file or a schema from a newer dormlink.
void check_identity(SQLite::Database& db, const std::string& path, OpenMode mode) {
  auto app = read_pragma(db, "application_id");
  if (app != k_application_id) {
    throw DataError(msg::other_application(path, static_cast<unsigned>(app)));
  }
  auto version = read_pragma(db, "user_version");
  if (version > k_schema_version) {
    throw DataError(msg::schema_newer(path, version, k_schema_version));
  }
  if (version < k_schema_version && mode == OpenMode::read_only) {
    throw DataError(msg::schema_older(path, version, k_schema_version));
  }
}

// The test hook's marker file: present exactly while a write transaction is open, so a test
// that kills the process can tell whether the kill landed inside it. Nothing when unset.
class TxnMarker {
 public:
  explicit TxnMarker(const TestHooks& hooks) : m_path(hooks.txn_marker) {}
  ~TxnMarker() {
    if (m_created) ::unlink(m_path.c_str());
  }
  TxnMarker(const TxnMarker&) = delete;
  TxnMarker& operator=(const TxnMarker&) = delete;
  void create() {
    if (m_path.empty()) return;
    int fd = ::open(m_path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
    m_created = fd >= 0;
  }

 private:
  std::string m_path;
  bool m_created = false;
};

// Counts the transaction() and read_transaction() calls in progress on a connection, so a nested
// call joins the outer transaction.
class Depth {
 public:
  explicit Depth(int& depth) : m_depth(depth) { ++m_depth; }
  ~Depth() { --m_depth; }
  Depth(const Depth&) = delete;
  Depth& operator=(const Depth&) = delete;

 private:
  int& m_depth;
};

// A WAL database needs its -shm (wal-index) file even to read. A read-only database in a
// directory this user cannot write, with no -wal file (so no writer has pages outside the
// file), cannot get one: SQLite reports READONLY or CANTOPEN. Such a file is read as immutable.
bool cannot_make_wal_index(const SQLite::Exception& e, const std::string& path) {
  int code = e.getErrorCode() & 0xff;
  if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) return false;
  if (::access((path + "-wal").c_str(), F_OK) == 0) return false;
  auto slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  return ::access(dir.c_str(), W_OK) != 0;
}

// file:PATH?immutable=1 with the characters a URI reserves percent-encoded.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

int read_pragma(SQLite::Database& db, const char* name) {
  return db.execAndGet(fmt::format("PRAGMA {}", name)).getInt();
}

void migrate(SQLite::Database& db) {
  for (int v = read_pragma(db, "user_version") + 1; v <= k_schema_version; ++v) {
    db.exec(migration_sql(v));
    db.exec(fmt::format("PRAGMA user_version = {}", v));
  }
}

[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e, const std::string& path, int system_errno) {
  const int code = e.getErrorCode() & 0xff;
  if (code == SQLITE_IOERR && (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT)) {
    throw IoError(msg::disk_full_errno(path, system_error_text(system_errno)));
  }
  if (e.getExtendedErrorCode() == SQLITE_IOERR_WRITE) {
    throw IoError(msg::cannot_write_disk(path));
  }
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw BusyError(msg::busy(path));
    case SQLITE_FULL:
      throw IoError(msg::disk_full(path));
    case SQLITE_IOERR:
      throw IoError(msg::io_error(path, e.getErrorStr()));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      throw DamageError(msg::damaged(path, e.getErrorStr()), e.getErrorStr());
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      throw PermissionError(msg::read_only(path));
    case SQLITE_CANTOPEN:
      throw PermissionError(msg::cannot_open(path));
    default:
      throw Error(ExitCode::internal, msg::database_error(path, e.what()));
  }
}

Database::Database(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Database::~Database() = default;
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;

Database Database::create(const std::string& path) {
  create_private_file(path);
  try {
    auto impl = std::make_unique<Impl>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    impl->db.exec("PRAGMA journal_mode = WAL");
    apply_connection_pragmas(impl->db, OpenMode::read_write);
    impl->db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
    SQLite::Transaction txn(impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    migrate(impl->db);
    txn.commit();
    return Database(std::move(impl));
  } catch (const SQLite::Exception& e) {
    ::unlink(path.c_str());
    rethrow_sqlite(e, path);
  }
}

Database Database::open(const std::string& path, OpenMode mode) {
  check_file_header(path);
  if (mode == OpenMode::read_write && ::access(path.c_str(), W_OK) != 0) {
    throw PermissionError(msg::read_only(path));
  }
  try {
    return open_checked(path, mode, path);
  } catch (const SQLite::Exception& e) {
    if (mode == OpenMode::read_only && cannot_make_wal_index(e, path)) {
      try {
        return open_checked(path, mode, immutable_uri(path));
      } catch (const SQLite::Exception& again) {
        rethrow_sqlite(again, path);
      }
    }
    rethrow_sqlite(e, path);
  }
}

Database Database::another_reader() const {
  try {
    return open_checked(m_impl->path, OpenMode::read_only, m_impl->opened_as);
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, m_impl->path);
  }
}

Database Database::open_checked(const std::string& path, OpenMode mode, const std::string& sqlite_name) {
  int flags = mode == OpenMode::read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE;
  // Each connection is used by one thread only (the damage check beside check and verify has a
  // connection of its own, cli/damage.cpp): SQLite's per-call mutexes only
  // cost time (a tenth of verify's walk).
  flags |= SQLite::OPEN_NOMUTEX;
  if (sqlite_name != path) flags |= SQLite::OPEN_URI;  // only the immutable fallback is a URI
  auto impl = std::make_unique<Impl>(path, flags, sqlite_name);
  impl->mode = mode;
  check_identity(impl->db, path, mode);
  apply_connection_pragmas(impl->db, mode);
  return Database(std::move(impl));
}

Database Database::in_memory() {
  auto impl = std::make_unique<Impl>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  apply_connection_pragmas(impl->db, OpenMode::read_write);
  impl->db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
  migrate(impl->db);
  return Database(std::move(impl));
}

void Database::transaction(const std::function<void()>& work) {
  if (m_impl->mode == OpenMode::read_only) {
    read_transaction(work);
    return;
  }
  if (m_impl->transaction_depth > 0) {
    work();  // already inside the command's one transaction
    return;
  }
  Depth depth(m_impl->transaction_depth);
  int system_errno = 0;
  try {
    TxnMarker marker(m_impl->hooks);  // declared first: removed after COMMIT or ROLLBACK
    SQLite::Transaction txn(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    marker.create();
    if (read_pragma(m_impl->db, "user_version") < k_schema_version) migrate(m_impl->db);
    work();
    if (m_impl->hooks.txn_pause_ms > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(m_impl->hooks.txn_pause_ms));
    }
    try {
      txn.commit();
    } catch (const SQLite::Exception&) {
      system_errno = sqlite3_system_errno(m_impl->db.getHandle());  // before ROLLBACK runs
      throw;
    }
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, m_impl->path, system_errno);
  }
}

void Database::read_transaction(const std::function<void()>& work) {
  if (m_impl->transaction_depth > 0) {
    work();  // already inside the command's one transaction
    return;
  }
  Depth depth(m_impl->transaction_depth);
  try {
    SQLite::Transaction txn(m_impl->db, SQLite::TransactionBehavior::DEFERRED);
    work();
  } catch (const SQLite::Exception& e) {  // a read transaction: rolled back, nothing to commit
    rethrow_sqlite(e, m_impl->path);
  }
}

void Database::checkpoint() {
  try {
    m_impl->db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, m_impl->path);
  }
}

void Database::set_test_hooks(TestHooks hooks) { m_impl->hooks = std::move(hooks); }

const std::string& Database::path() const { return m_impl->path; }
OpenMode Database::mode() const { return m_impl->mode; }
Database::Impl& Database::impl() { return *m_impl; }

}  // namespace dormlink::store
