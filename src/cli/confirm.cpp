// Confirmation at a terminal, --yes in scripts (confirm.hpp).
#include "cli/confirm.hpp"

#include <algorithm>
#include <cctype>
#include <istream>

#include <fmt/ostream.h>

#include "cli/messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink::cli {

void confirm_change(Context& ctx, bool yes, const std::string& what) {
  if (yes) return;
  if (!ctx.env().stdin_is_terminal || ctx.env().in == nullptr) throw UsageError(msg::needs_yes(what));
  fmt::print(ctx.err(), "{}\n{}: ", what, msg::confirm_question());
  ctx.err().flush();
  std::string line;
  if (!std::getline(*ctx.env().in, line)) throw UsageError(msg::not_confirmed());
  if (means_yes(std::string(util::trim(line)))) return;
  throw UsageError(msg::not_confirmed());
}

bool means_yes(std::string answer) {
  std::transform(answer.begin(), answer.end(), answer.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return answer == "y" || answer == "yes" || answer == "是" || answer == "好" || answer == "确定" || answer == "确认" ||
         answer == "保存";
}

}  // namespace dormlink::cli
