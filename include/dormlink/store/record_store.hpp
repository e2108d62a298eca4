#pragma once
// Records in the database: appending to the hash chain, duplicates, verification.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/records/chain.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// What `log-visit` prints: the record's number and hash.
struct Receipt {
  std::int64_t id = 0;
  std::string hash;        // 64 hex digits
  std::string short_hash;  // 12 hex digits
};

// Appends a record at the end of the chain (its id is assigned here), inside the caller's
// transaction or its own IMMEDIATE one.
Receipt append_record(Database& db, records::Row row, const records::Content& content);

// The id of an existing record with the same kind, member, dorm, time, students and text.
std::optional<std::int64_t> find_duplicate(Database& db, const records::Row& row, const records::Content& content);

// The id of a record in force (not withdrawn or corrected) of the same contact: kind, member,
// dorm, time and students, whatever its text (a returned form retelling a contact the member
// typed before).
std::optional<std::int64_t> find_same_contact(Database& db, const records::Row& row);

// The result of walking the chain.
struct VerifyReport {
  std::size_t records = 0;
  std::string head;  // hex hash of the last record; empty when there are none
  std::optional<records::ChainFault> fault;
  std::size_t submissions = 0;  // anchors checked: submitted forms and summaries,
  std::size_t backups = 0;      // backup receipts,
  std::size_t given = 0;        // and heads given on the command line
};

// Walks every record in id order: numbers without gaps ("record #18 is missing"), hashes, links
// and content digests (purged content skipped); then checks the chain against every anchor the
// database holds (each submission's and each backup receipt's record count and chain head) and
// the `given` ones, so that removing the newest records is found too.
VerifyReport verify_records(Database& db, std::vector<records::ChainAnchor> given = {});

}  // namespace dormlink::store

namespace dormlink::store {

// What a correction, withdrawal or purge may point at: the record, and why it may not.
struct RecordStatus {
  bool exists = false;
  std::string kind;  // the record's kind key
  std::string member_id;
  std::string semester_id;
  std::optional<std::string> dorm_code;
  std::optional<std::int64_t> superseded_by;  // a later correction or withdrawal of it
  bool purged = false;
};

// The status of record `id` (exists = false when there is none).
RecordStatus record_status(Database& db, std::int64_t id);

// Blanks the personal text of record `id` after a purge record pointing at it was appended
// (the schema's trigger allows nothing else).
void purge_content(Database& db, std::int64_t id);

}  // namespace dormlink::store
