#pragma once
// What calendar_support.hpp says of a date outside the calendar, in a chosen language: a
// message (outside_calendar, the message language), or a line of a listing on standard output
// (check between semesters, calendar show), in the report's language (docs/messages.md).

#include <string>

#include "cli/context.hpp"
#include "dormlink/language.hpp"

namespace dormlink::cli {

// outside_calendar (calendar_support.hpp) in `language`.
std::string outside_calendar_in(Language language, Context& ctx, Date date, bool& outside_known);

}  // namespace dormlink::cli
