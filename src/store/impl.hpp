#pragma once
// Private to src/store: the SQLiteCpp handle behind store::Database and error translation.

#include <string>

#include <sqlite3.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/VariadicBind.h>

#include "dormlink/roster/plan.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// SQLite's process-wide settings, made once before the first connection opens
// (sqlite3_config must come before SQLite initialises): no memory statistics, whose global
// mutex every allocation of every connection took (3% of verify's time).
struct SqliteSetup {
  SqliteSetup();
};

struct Database::Impl {
  // `sqlite_name` is what SQLite opens (the path, or a file: URI); `file` names it in messages.
  Impl(const std::string& file, int flags, const std::string& sqlite_name)
      : path(file), opened_as(sqlite_name), db(sqlite_name, flags, k_busy_timeout_ms) {}
  Impl(const std::string& file, int flags) : Impl(file, flags, file) {}
  SqliteSetup setup;  // first: before db opens
  std::string path;
  std::string opened_as;  // what SQLite opened (another_reader opens the same)
  SQLite::Database db;
  OpenMode mode = OpenMode::read_write;
  int transaction_depth = 0;  // nested transaction() calls join the outer one
  TestHooks hooks;            // fault injection for tests; empty in normal use
};

// Turns a SQLite error into the matching dormlink error (busy, full, permission, damaged).
// `system_errno` (sqlite3_system_errno, 0 when unknown) tells a full disk or a file size limit
// (ENOSPC, EFBIG, EDQUOT) from other I/O errors.
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e, const std::string& path, int system_errno = 0);

// The SQL statements of each schema version, in order (src/store/schema.cpp).
const char* migration_sql(int version);

// Brings the schema from its current user_version up to k_schema_version.
void migrate(SQLite::Database& db);

struct ImportContext;

// Refuses an import dated before the latest change already recorded in `table`.
void check_effective_date(SQLite::Database& db, const char* table, const ImportContext& ctx);

// Records an import (who, when, what file, the counts) and returns its id.
std::int64_t insert_batch(SQLite::Database& db, const ImportContext& ctx, const roster::ImportSummary& summary);

// Reads one integer pragma.
int read_pragma(SQLite::Database& db, const char* name);

}  // namespace dormlink::store
