#pragma once
// Private to src/store: the cases check::evaluate reads (docs/check.md "Cases"), loaded after the
// rest of its input by load_check_input (check_store.cpp).

#include <SQLiteCpp/SQLiteCpp.h>

#include "dormlink/check/obligations.hpp"
#include "dormlink/config.hpp"

namespace dormlink::store {

// Fills, in `input` (its people, dorms and incidents already loaded): each incident's case
// number, category, students and staff steps; the effective incidents of earlier semesters found
// within duties.repeat_window_days before the semester (repeats); the concerns raised on the
// semester's effective talks. Only steps that happened on or before `as_of` count.
void load_check_cases(SQLite::Database& db, const Config& config, Date as_of, check::CheckInput& input);

}  // namespace dormlink::store
