#pragma once
// Finding damage in the database file: SQLite's PRAGMA quick_check (docs/backup.md "Damage").

#include <cstddef>
#include <string>
#include <vector>

#include "dormlink/store/database.hpp"

namespace dormlink::store {

// quick_check reports at most this many problems (lines).
inline constexpr std::size_t k_quick_check_limit = 100;

// What PRAGMA quick_check finds wrong with the database file, one line per problem ("Page 1444:
// btreeInitPage() returns error code 11"): pages, tables and indexes, never a row's content;
// empty when it says "ok". Runs in a read transaction (never the write lock, never a migration).
// SQLite declaring the file corrupt while it checks is a problem line too; other errors (busy,
// I/O) are thrown as Database::read_transaction throws them.
std::vector<std::string> quick_check(Database& db);

}  // namespace dormlink::store
