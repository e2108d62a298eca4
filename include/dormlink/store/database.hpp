#pragma once
// The dormlink SQLite file: creation, opening, migrations, one transaction per command.
// SQLiteCpp stays behind this interface (only src/store includes it).

#include <functional>
#include <memory>
#include <string>

namespace dormlink::store {

// PRAGMA application_id of a dormlink database: "DLNK".
inline constexpr int k_application_id = 0x444C4E4B;
// The schema version this build writes (PRAGMA user_version); see docs/schema.md.
inline constexpr int k_schema_version = 11;
// How long a command waits for another writer before giving up with exit 75.
inline constexpr int k_busy_timeout_ms = 5000;

// How a command opens the database.
enum class OpenMode {
  read_only,   // never writes, never migrates
  read_write,  // migrates an older schema inside the command's transaction
};

// Fault-injection hooks for the end-to-end tests only (tests/cli/test_e2e_faults.cpp); src/cli
// fills them from DORMLINK_TEST_TXN_MARKER / DORMLINK_TEST_TXN_PAUSE_MS. Empty: no cost.
struct TestHooks {
  std::string txn_marker;  // file created right after BEGIN IMMEDIATE, removed after COMMIT/ROLLBACK
  int txn_pause_ms = 0;    // milliseconds to sleep just before COMMIT
};

// An open dormlink database.
class Database {
 public:
  ~Database();
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;

  // Creates a new database file (mode 0600) with the current schema. Throws
  // CantCreateError when the path exists, IoError/PermissionError when it cannot be made.
  static Database create(const std::string& path);

  // Opens an existing dormlink database. Throws NotFoundError when missing, DataError when
  // the file is empty, not SQLite, another application's SQLite file, damaged, or newer than
  // this build; PermissionError when it cannot be read (or written, for read_write). A
  // read-only file in a directory this user cannot write (no -wal/-shm can be made) is
  // opened read_only as an immutable snapshot.
  static Database open(const std::string& path, OpenMode mode);

  // A second read-only connection to this open database, for a thread of its own. Unlike open(),
  // it never reads the file outside SQLite: closing a descriptor of the file drops every POSIX
  // lock this process holds on it, the read lock of this connection included, and a writer
  // closing elsewhere could then checkpoint and delete the WAL under a running read.
  Database another_reader() const;

  // Opens an in-memory database with the current schema (tests).
  static Database in_memory();

  // Runs `work` inside one transaction (BEGIN IMMEDIATE for read_write, a read transaction
  // for read_only), committing when it returns and rolling back when it throws. SQLite
  // errors become typed errors (busy -> BusyError, full disk -> IoError, ...). A call inside
  // another call's work joins the outer transaction, so a command stays one transaction.
  void transaction(const std::function<void()>& work);

  // Runs `work` inside one read transaction (BEGIN DEFERRED) whatever the mode: it never takes
  // the write lock and never migrates, so writers in WAL mode keep going. Joins an outer
  // transaction like transaction(); SQLite errors become typed errors.
  void read_transaction(const std::function<void()>& work);

  // Copies the WAL into the database file and truncates it, so overwritten text (a purge)
  // leaves no old copy behind; outside any transaction.
  void checkpoint();

  // Installs the test hooks for this connection's later write transactions.
  void set_test_hooks(TestHooks hooks);

  const std::string& path() const;
  OpenMode mode() const;

  // The implementation (SQLiteCpp); used only inside src/store.
  struct Impl;
  Impl& impl();

 private:
  explicit Database(std::unique_ptr<Impl> impl);
  static Database open_checked(const std::string& path, OpenMode mode, const std::string& sqlite_name);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace dormlink::store
