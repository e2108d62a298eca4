#pragma once
// Who a flag names: --member and --counselor resolved the same way by every command that
// reads check's input (check, report).

#include <string>

#include "dormlink/check/obligations.hpp"

namespace dormlink::cli {

// The person (index into input.people) with that student id or name. A name two students
// share is refused with their ids (UsageError), never resolved to one of them silently.
int find_member(const check::CheckInput& input, const std::string& text);

// The counselor (index into input.counselors) with that staff id or name.
int find_counselor(const check::CheckInput& input, const std::string& text);

}  // namespace dormlink::cli
