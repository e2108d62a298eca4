// Returned form files (include/dormlink/store/form_store.hpp).
#include "dormlink/store/form_store.hpp"

#include "codec.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

constexpr const char* k_columns =
    "SELECT id, sha256, coalesce(form_id, ''), member_id, semester_id, period, file_name, file_format, received_at, "
    "no_contact, row_count, replaces, entered_at, entered_by FROM form_import ";

FormImportRow read_import(const SQLite::Statement& q) {
  FormImportRow r;
  r.id = q.getColumn(0).getInt64();
  r.sha256 = q.getColumn(1).getString();
  r.form_id = q.getColumn(2).getString();
  r.member_id = q.getColumn(3).getString();
  r.semester_id = q.getColumn(4).getString();
  r.period = q.getColumn(5).getInt();
  r.file_name = q.getColumn(6).getString();
  r.file_format = q.getColumn(7).getString();
  r.received_at = q.getColumn(8).getString();
  r.no_contact = q.getColumn(9).getInt() != 0;
  r.row_count = q.getColumn(10).getInt64();
  if (!q.getColumn(11).isNull()) r.replaces = q.getColumn(11).getInt64();
  r.entered_at = q.getColumn(12).getString();
  r.entered_by = q.getColumn(13).getString();
  return r;
}

}  // namespace

std::string form_secret(Database& database) {
  std::string secret;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db, "SELECT value FROM meta WHERE key = 'form_secret'");
    if (q.executeStep()) secret = q.getColumn(0).getString();
  });
  return secret;
}

std::optional<FormImportRow> find_form_import(Database& database, const std::string& sha256) {
  std::optional<FormImportRow> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db, std::string(k_columns) + "WHERE sha256 = ?");
    q.bind(1, sha256);
    if (q.executeStep()) out = read_import(q);
  });
  return out;
}

std::optional<FormImportRow> latest_form_import(Database& database, const std::string& member_id,
                                                const std::string& semester_id, int period) {
  std::optional<FormImportRow> out;
  database.transaction([&] {
    SQLite::Statement q(
        database.impl().db,
        std::string(k_columns) + "WHERE semester_id = ? AND member_id = ? AND period = ? ORDER BY id DESC LIMIT 1");
    SQLite::bind(q, semester_id, member_id, period);
    if (q.executeStep()) out = read_import(q);
  });
  return out;
}

std::int64_t save_form_import(Database& database, const FormImportRow& row) {
  std::int64_t id = 0;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db,
                        "INSERT INTO form_import (sha256, form_id, member_id, semester_id, period, file_name, "
                        "file_format, received_at, no_contact, row_count, replaces, entered_at, entered_by) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::bind(q, row.sha256);
    if (row.form_id.empty()) {
      q.bind(2);
    } else {
      q.bind(2, row.form_id);
    }
    q.bind(3, row.member_id);
    q.bind(4, row.semester_id);
    q.bind(5, row.period);
    q.bind(6, row.file_name);
    q.bind(7, row.file_format);
    q.bind(8, row.received_at);
    q.bind(9, row.no_contact ? 1 : 0);
    q.bind(10, row.row_count);
    if (row.replaces) {
      q.bind(11, *row.replaces);
    } else {
      q.bind(11);
    }
    q.bind(12, row.entered_at);
    q.bind(13, row.entered_by);
    q.exec();
    id = db.getLastInsertRowid();
  });
  return id;
}

std::vector<std::int64_t> live_records_of_import(Database& database, std::int64_t import_id) {
  std::vector<std::int64_t> ids;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        "SELECT r.id FROM record r WHERE r.form_import = ? AND " DORMLINK_SQL_NOT_REPLACED
                        " ORDER BY r.id");
    q.bind(1, import_id);
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  });
  return ids;
}

}  // namespace dormlink::store
