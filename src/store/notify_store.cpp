// The recipients of notify and the digest marks (docs/digest.md §2, docs/schema.md).
#include "dormlink/store/notify_store.hpp"

#include "codec.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

constexpr const char* k_staff =
    "SELECT staff_id, role, name, email, branch FROM staff_duty_version "
    "WHERE status = 'current' AND email <> '' AND role IN ('counselor', 'branch_secretary') "
    "AND valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1) ORDER BY role = 'branch_secretary', staff_id";

constexpr const char* k_members =
    "SELECT student_id, name, email, branch FROM student_version "
    "WHERE status = 'current' AND email <> '' AND political_status IN ('party_member', 'probationary_member') "
    "AND valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1) ORDER BY student_id";

}  // namespace

std::vector<MailRecipient> load_mail_recipients(Database& database, Date day) {
  std::vector<MailRecipient> out;
  database.read_transaction([&] {
    auto& db = database.impl().db;
    const std::string on = format_date(day);
    SQLite::Statement staff(db, k_staff);
    staff.bind(1, on);
    while (staff.executeStep()) {
      MailRecipient r;
      r.kind = staff.getColumn(1).getString() == "counselor" ? MailRecipient::Kind::counselor
                                                             : MailRecipient::Kind::branch_secretary;
      r.id = staff.getColumn(0).getString();
      r.name = staff.getColumn(2).getString();
      r.email = staff.getColumn(3).getString();
      r.branch = staff.getColumn(4).getString();
      out.push_back(std::move(r));
    }
    SQLite::Statement members(db, k_members);
    members.bind(1, on);
    while (members.executeStep()) {
      MailRecipient r;
      r.kind = MailRecipient::Kind::member;
      r.id = members.getColumn(0).getString();
      r.name = members.getColumn(1).getString();
      r.email = members.getColumn(2).getString();
      r.branch = members.getColumn(3).getString();
      out.push_back(std::move(r));
    }
  });
  return out;
}

std::optional<Date> last_digest(Database& database, const std::string& recipient, Date before) {
  std::optional<Date> out;
  database.read_transaction([&] {
    SQLite::Statement q(database.impl().db, "SELECT max(as_of) FROM digest_mark WHERE recipient = ? AND as_of < ?");
    q.bind(1, recipient);
    q.bind(2, format_date(before));
    if (q.executeStep() && !q.getColumn(0).isNull()) out = parse_iso_date(q.getColumn(0).getString());
  });
  return out;
}

void record_digest_marks(Database& database, const std::vector<DigestMark>& marks) {
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        "INSERT INTO digest_mark (recipient, as_of, message_id, sent_at, via) VALUES (?, ?, ?, ?, ?)");
    for (const auto& m : marks) {
      q.reset();
      SQLite::bind(q, m.recipient, m.as_of, m.message_id, m.sent_at, m.via);
      q.exec();
    }
  });
}

}  // namespace dormlink::store
