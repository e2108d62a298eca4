#pragma once
// What the inspection found of one member's records in a semester (docs/inspect.md): the
// standing findings (the latest about each record and student) and the records they
// contradicted. store::discrepancy_rates loads it; the assessment and `report inspection` use it.

#include <cstdint>
#include <string>
#include <vector>

namespace dormlink::inspect {

struct Discrepancy {
  std::string member_id;
  int contradicted = 0;               // standing findings that are contradictions
  int total = 0;                      // standing findings
  std::vector<std::int64_t> records;  // the member's records a standing finding contradicts, ascending
};

}  // namespace dormlink::inspect
