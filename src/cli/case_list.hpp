#pragma once
// `dormlink concern list` / `dormlink incident list`: a semester's cases for staff (docs/cases.md
// "Lists").

#include <vector>

#include "cli/context.hpp"
#include "dormlink/records/case.hpp"

namespace CLI {
class App;
}

namespace dormlink::cli {

// Adds `list` under `parent` (the `concern` or `incident` command).
void add_case_list(CLI::App* parent, std::vector<Command>& commands, records::CaseKind kind);

}  // namespace dormlink::cli
