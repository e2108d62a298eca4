#pragma once
// Who a flag names: --member and --counselor resolved the same way by every command that
// reads check's input (check, report).

#include <string>

#include "dormlink/check/obligations.hpp"

namespace dormlink::cli {

// The person (index into input.people) with that student id or name. A name two students
// share is refused with their ids (UsageError), never resolved to one of them silently.
int find_member(const check::CheckInput& input, const std::string& text);

// The counselor (index into input.counselors) with that staff id or name; a name two
// counselors share is refused with their ids.
int find_counselor(const check::CheckInput& input, const std::string& text);

// The Party branch (党支部, as the student roster names it) with that name, or the one branch
// whose name contains the text ("英语系学生第一" for 英语系学生第一党支部); none or several is refused,
// naming the branches.
std::string find_branch(const check::CheckInput& input, const std::string& text);

}  // namespace dormlink::cli
