#pragma once
// An effective record as forms, summaries and exports show it (docs/records.md): neither
// withdrawn nor replaced by a correction, with its text and the students it names. One type,
// read by one function in src/store (codec: read_effective_record) for every report and export.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/model.hpp"

namespace dormlink::records {

// A student named on a record, as loaded (privacy not yet applied): name, phone and attention
// categories of the roster version on the report's day.
struct RecordStudent {
  std::string id;
  std::string name;
  std::string phone;
  std::vector<AttentionCategory> attention;
};

struct EffectiveRecord {
  std::int64_t id = 0;
  std::string kind;  // record kind key (visit, talk, ..., excused, incident)
  std::string member_id;
  std::string member_name;  // filled where a listing names the member (exports)
  std::string dorm;         // dorm code; empty when none
  std::string semester_id;
  std::string happened_at;               // local "YYYY-MM-DD HH:MM"
  std::string entered_at;                // local "YYYY-MM-DD HH:MM:SS"
  std::string channel;                   // channel key; empty when none
  std::vector<RecordStudent> students;   // by id
  std::string progress;                  // 工作进展及成效
  std::string note;                      // 说明
  std::string details;                   // incident details
  bool purged = false;                   // the personal text was erased (dormlink purge)
  std::optional<std::int64_t> corrects;  // this record is the correction of that one
  std::string reason;                    // why: the correction, the off-assignment contact, the excuse
  bool off_assignment = false;
  std::string incident_category;  // incident only: category key
  std::string severity;           // low, medium, high or empty
  std::string reported_to;        // staff role key or empty
  std::string reported_at;        // local "YYYY-MM-DD HH:MM" or empty
};

}  // namespace dormlink::records
