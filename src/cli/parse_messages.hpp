#pragma once
// CLI11's own parse errors ("--member: 1 required WHO missing", "--format: x not in {…}") in the
// message language (docs/messages.md). The English line is CLI11's as it was.

#include <string>

namespace dormlink::cli {

// The error line's text for a CLI11 parse error's what(): "the command line: …" / "命令行有误：…",
// or "choose a command" when a subcommand is missing. A text of a kind not known here is kept
// as CLI11 wrote it.
std::string parse_error_message(const std::string& what);

}  // namespace dormlink::cli
