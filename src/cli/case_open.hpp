#pragma once
// Opening a member's concern with the talk it was found in (docs/cases.md "Opening a concern"):
// log-visit, its --from-csv and returned forms, inside the transaction that saves the talk.

#include <cstdint>
#include <optional>
#include <string>

#include "dormlink/records/entry.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::cli {

// Appends the `open` event of a concern about `student` on the case of talk `record_id` (the
// first record of its correction chain), happened at the talk's entry; refuses (DataError) a
// case that has a concern already.
void open_concern(store::Database& db, std::int64_t record_id, const records::ConcernRequest& concern,
                  const std::string& student, const std::string& entered_at, const std::string& entered_by);

// What a receipt adds for an opened concern: " · 已上报辅导员的关注事项".
std::string concern_receipt(records::Escalation to);

// --escalate-to and 上报对象: counselor when empty, nullopt for a word that names no one.
std::optional<records::Escalation> escalation_of(const std::string& text);

}  // namespace dormlink::cli
