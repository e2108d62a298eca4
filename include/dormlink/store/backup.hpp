#pragma once
// `dormlink backup`: a consistent copy of the database made with SQLite's online backup API.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/store/database.hpp"

namespace dormlink::store {

// What a backup copied.
struct BackupResult {
  std::int64_t records = 0;  // rows of the record table in the copy
  std::string chain_head;    // hex hash of the last record; empty when there are none
  std::uintmax_t bytes = 0;  // size of the copy on disk
};

// Copies `db` (opened read-only) into `target`: one read transaction on the source (a
// consistent snapshot; writers in WAL mode keep going), written to a temp file in the target's
// directory, checked with PRAGMA integrity_check, fsynced, then renamed into place with mode
// 0600. Throws CantCreateError when `target` exists and `overwrite` is false, or when it
// cannot be created; IoError when the copy fails or does not check out. Never leaves a
// half-written `target`.
BackupResult backup_database(Database& db, const std::string& target, bool overwrite);

// A backup as recorded in the database it copied (table backup_receipt, schema 6).
struct BackupReceipt {
  std::int64_t id = 0;
  std::string made_at;  // real clock, local "YYYY-MM-DD HH:MM:SS"
  std::string made_by;
  std::string path;  // absolute path of the copy
  std::int64_t record_count = 0;
  std::string chain_head;
  std::uintmax_t bytes = 0;
};

// Appends a receipt (id is assigned) in its own transaction; returns its id.
std::int64_t record_backup_receipt(Database& db, const BackupReceipt& receipt);

// Every receipt, oldest first, read in a read transaction. Throws an Error when the table
// cannot be read (DamageError in a damaged file).
std::vector<BackupReceipt> load_backup_receipts(Database& db);

// The newest receipt whose copy still exists as a file, for "restore from ..." advice; nullopt
// when there is none (or the table cannot be read, as in a damaged database).
std::optional<BackupReceipt> last_backup(Database& db) noexcept;

}  // namespace dormlink::store
