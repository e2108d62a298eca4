#pragma once
// The scanning helpers of store/check_store.cpp: interning ids, telling effective records, and
// days and weeks of timestamps read in time order. Private to src/store.

#include <array>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "dormlink/calendar.hpp"

namespace dormlink::store::scan {

// Numbers each distinct id (student id, dorm code) in order of first sight: one probe of an
// open-addressing table of 4-byte slots per lookup, no allocation for an id already seen, the
// ids packed in one arena. Hundreds of thousands of rows name the same 40,000 students, so
// this is the scans' inner loop, and it must stay small enough for the CPU caches.
class Interner {
 public:
  Interner() : m_slots(1U << 12, 0), m_starts(1, 0) {}

  int operator()(std::string_view id) {
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::hash<std::string_view>{}(id)&mask;; i = (i + 1) & mask) {
      const std::uint32_t slot = m_slots[i];
      if (slot == 0) return insert(i, id);
      if (this->id(static_cast<int>(slot - 1)) == id) return static_cast<int>(slot - 1);
    }
  }
  // The number of an id already seen, -1 for a new one (nothing is added).
  int find(std::string_view id) const {
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = std::hash<std::string_view>{}(id)&mask;; i = (i + 1) & mask) {
      const std::uint32_t slot = m_slots[i];
      if (slot == 0) return -1;
      if (this->id(static_cast<int>(slot - 1)) == id) return static_cast<int>(slot - 1);
    }
  }
  std::size_t size() const { return m_starts.size() - 1; }
  std::string_view id(int number) const {
    const auto n = static_cast<std::size_t>(number);
    return std::string_view(m_arena).substr(m_starts[n], m_starts[n + 1] - m_starts[n]);
  }

 private:
  int insert(std::size_t slot, std::string_view id) {
    m_arena.append(id);
    m_starts.push_back(static_cast<std::uint32_t>(m_arena.size()));
    m_slots[slot] = static_cast<std::uint32_t>(size());
    if (2 * size() > m_slots.size()) rehash();
    return static_cast<int>(size() - 1);
  }
  void rehash() {
    std::vector<std::uint32_t> slots(2 * m_slots.size(), 0);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t n = 0; n < size(); ++n) {
      std::size_t i = std::hash<std::string_view>{}(id(static_cast<int>(n))) & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      slots[i] = static_cast<std::uint32_t>(n + 1);
    }
    m_slots = std::move(slots);
  }

  std::vector<std::uint32_t> m_slots;   // 0: empty; else number + 1
  std::string m_arena;                  // the ids, back to back
  std::vector<std::uint32_t> m_starts;  // id n is m_arena[m_starts[n], m_starts[n + 1])
};

// Effective records (docs/records.md): a record counts unless another record's `corrects`
// names it and that one is not a purge (a correction replaces it, a withdrawal removes it;
// purged records still count). The replaced ids are few: read once, tested in memory.
class Effective {
 public:
  explicit Effective(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT corrects FROM record WHERE corrects IS NOT NULL AND kind <> 'purge'");
    while (q.executeStep()) {
      const auto id = q.getColumn(0).getInt64();
      if (id < 0) continue;
      if (static_cast<std::size_t>(id) >= m_replaced.size()) m_replaced.resize(static_cast<std::size_t>(id) + 1);
      m_replaced[static_cast<std::size_t>(id)] = true;
    }
  }
  bool operator()(std::int64_t id) const {
    return id < 0 || static_cast<std::size_t>(id) >= m_replaced.size() || !m_replaced[static_cast<std::size_t>(id)];
  }

 private:
  std::vector<bool> m_replaced;  // by record id
};

// Days from the semester's first Monday to a local timestamp ("YYYY-MM-DD ..."). Rows come
// roughly in time order, so the last date read is remembered.
class Days {
 public:
  explicit Days(const Semester& semester) : m_first(to_days(semester.first_monday)) {}

  std::optional<int> operator()(std::string_view text) {
    if (text.size() < 10) return std::nullopt;
    if (m_last && text.compare(0, 10, m_last_text.data(), 10) == 0) return m_last;
    std::memcpy(m_last_text.data(), text.data(), 10);
    m_last.reset();
    if (const auto date = parse_iso_date(text.substr(0, 10)))
      m_last = static_cast<int>((to_days(*date) - m_first).count());
    return m_last;
  }
  // The teaching week (1-based) of a timestamp on or after the first Monday; 0 when malformed.
  int week(std::string_view text) {
    const auto day = (*this)(text);
    return day && *day >= 0 ? *day / 7 + 1 : 0;
  }

 private:
  std::chrono::sys_days m_first;
  std::array<char, 10> m_last_text{};
  std::optional<int> m_last;
};

}  // namespace dormlink::store::scan
