#pragma once
// Terminal prompts for `log-visit` when fields are missing: the member's own dorms first, their
// residents as a numbered list, defaults in brackets, and what will be saved before saving.

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "dormlink/roster/snapshot.hpp"
#include "dormlink/when.hpp"

namespace dormlink::cli {

// What the prompts fill in (empty fields are asked for).
struct PromptFields {
  std::string member;
  std::string dorm;
  std::string at;
  std::string kind;
  std::vector<std::string> talked;
  std::string progress;
  std::string note;
};

// Asks for the missing fields on ctx.env().in, writing prompts to ctx.err(). `snapshot` is
// today's rosters, `assignment` dorm -> member. Returns false when input ends.
bool prompt_missing(Context& ctx, PromptFields& fields, const roster::Snapshot& snapshot,
                    const std::map<std::string, std::string>& assignment, LocalDateTime now);

// Shows what will be saved and asks to confirm ([Y/n]); true to save.
bool confirm_save(Context& ctx, const std::string& summary);

}  // namespace dormlink::cli
