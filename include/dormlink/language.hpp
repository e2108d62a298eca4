#pragma once
// The output language of reports and summaries meant for staff.

namespace dormlink {

enum class Language { zh, en };

}  // namespace dormlink
