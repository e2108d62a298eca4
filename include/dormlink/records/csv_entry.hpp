#pragma once
// Batch entry in the feedback form's columns (联系寝室情况反馈表): one row per contact.

#include <cstddef>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/records/entry.hpp"
#include "dormlink/util/csv.hpp"

namespace dormlink::records {

// One row as a request, with the line it came from.
struct CsvEntry {
  std::size_t line = 0;
  EntryRequest request;
};

// Parses every row (canonical English or Chinese headers: 党员姓名, 联系寝室名称, 时间,
// 联系学生姓名及方式, 工作进展及成效, 说明, plus 类型, 方式, 原因); `today` dates forms such
// as 昨天. Throws DataError listing every problem as "file:line: column ...".
std::vector<CsvEntry> parse_record_csv(const util::CsvTable& table, const std::string& source, Date today);

}  // namespace dormlink::records
