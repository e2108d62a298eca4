#pragma once
// Confirmation of irreversible or sweeping changes (purge, an import that marks many as left):
// asked at a terminal, --yes in scripts.

#include <string>

#include "cli/context.hpp"

namespace dormlink::cli {

// Returns when the change may go ahead: `yes` (--yes) was given, or a person at the terminal
// answered yes to `what` (one line saying what will happen). Otherwise throws UsageError
// (exit 64, nothing changed): declined, input ended, or no terminal to ask at (then the
// message says to pass --yes).
void confirm_change(Context& ctx, bool yes, const std::string& what);

// True for an answer that means yes: y, yes (any case), 是, 好, 确定, 确认, 保存.
bool means_yes(std::string answer);

}  // namespace dormlink::cli
