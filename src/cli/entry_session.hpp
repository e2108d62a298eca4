#pragma once
// `dormlink log-visit` at a terminal: a session of contacts (docs/records.md, "Entering a week
// at the terminal"). The member is picked once; each contact's dorm, time and residents are
// checked as they are typed and asked again when wrong; residents ticked at a visit become a
// talk record of the same visit; nothing is written here — the caller saves what the session
// returns in one transaction.

#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/entry_resolver.hpp"
#include "dormlink/records/entry.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::cli {

// What the command line gave: the session's member (asked when empty) and the defaults of its
// first contact.
struct SessionStart {
  std::string member;
  std::string dorm;
  std::string at;
  std::string kind;
  std::string channel;
  std::string reason;
  std::string progress;
  std::vector<std::string> talked;
};

// Asks, on ctx.env().in with prompts on ctx.err(), until an empty line at the dorm prompt;
// `db` is read (inside the caller's read transaction) to name records already saved. Returns
// the requests to save after the one confirmation, or nullopt when nothing is to be saved
// (input ended, no contact, or the confirmation declined).
std::optional<std::vector<records::EntryRequest>> run_entry_session(Context& ctx, store::Database& db,
                                                                    EntryResolver& resolver, const EntryClock& clock,
                                                                    const SessionStart& start);

// Asks for the member alone (validated, asked again when wrong); nullopt when input ends.
std::optional<std::string> ask_member(Context& ctx, store::Database& db, EntryResolver& resolver, Date date);

}  // namespace dormlink::cli
