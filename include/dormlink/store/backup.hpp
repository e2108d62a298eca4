#pragma once
// `dormlink backup`: a consistent copy of the database made with SQLite's online backup API.

#include <cstdint>
#include <string>

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

}  // namespace dormlink::store
