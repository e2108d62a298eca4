#include "dormlink/store/integrity.hpp"

#include <string_view>

#include <fmt/format.h>

#include "impl.hpp"

namespace dormlink::store {
namespace {

// The problems of one row of quick_check's result: SQLite joins them with line breaks and puts
// "*** in database main ***" before the first.
void add_lines(std::string_view text, std::vector<std::string>& problems) {
  constexpr std::string_view heading = "*** in database main ***";
  while (!text.empty()) {
    const auto end = text.find('\n');
    const auto line = text.substr(0, end);
    if (!line.empty() && line != heading) problems.emplace_back(line);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
}

bool is_damage(const SQLite::Exception& e) {
  const int code = e.getErrorCode() & 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

}  // namespace

std::vector<std::string> quick_check(Database& database) {
  std::vector<std::string> problems;
  database.read_transaction([&] {
    try {
      SQLite::Statement q(database.impl().db, fmt::format("PRAGMA quick_check({})", k_quick_check_limit));
      while (q.executeStep()) {
        const auto row = q.getColumn(0).getString();
        if (row != "ok") add_lines(row, problems);
      }
    } catch (const SQLite::Exception& e) {
      // SQLite 3.40 reports a page it cannot read as a line, then fails the statement.
      if (!is_damage(e)) throw;
      if (problems.empty()) problems.push_back(e.getErrorStr());
    }
  });
  return problems;
}

}  // namespace dormlink::store
