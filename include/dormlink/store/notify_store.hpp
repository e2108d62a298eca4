#pragma once
// What `dormlink notify` reads and writes (docs/digest.md §2): the people a digest can be
// mailed to, and the append-only marks of digests handed over for sending.

#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// Someone with an e-mail address on the roster valid on the day.
struct MailRecipient {
  enum class Kind { counselor, branch_secretary, member };
  Kind kind = Kind::counselor;
  std::string id;  // staff id, or student id for a member
  std::string name;
  std::string email;   // sensitive: used for the envelope only
  std::string branch;  // the branch a secretary covers
};

// Counselors and branch secretaries (staff roster), and Party members and probationary
// members (student roster) who have an address on `day`, by kind then id.
std::vector<MailRecipient> load_mail_recipients(Database& db, Date day);

// The as-of date of the latest digest recorded for `recipient` (report::recipient_key)
// before `before`: a digest sent again on the same day lists the same items.
std::optional<Date> last_digest(Database& db, const std::string& recipient, Date before);

struct DigestMark {
  std::string recipient;  // report::recipient_key
  std::string as_of;      // YYYY-MM-DD
  std::string message_id;
  std::string sent_at;  // local "YYYY-MM-DD HH:MM:SS"
  std::string via;      // "sendmail" or "mbox"
};

// Appends the marks in one transaction.
void record_digest_marks(Database& db, const std::vector<DigestMark>& marks);

}  // namespace dormlink::store
