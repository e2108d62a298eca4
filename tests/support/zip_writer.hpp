#pragma once
// Writes zip archives byte by byte (tests only), so tests can build the hostile .xlsx files no
// well-behaved library writes: bombs, lying headers, ".." names, thousands of entries.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dormlink::testing {

struct ZipEntry {
  ZipEntry(std::string entry_name, std::string content, std::size_t times = 1)
      : name(std::move(entry_name)), data(std::move(content)), repeat(times) {}

  std::string name;
  std::string data;  // the content, repeated `repeat` times (a bomb need not be held in memory)
  std::size_t repeat = 1;
  bool deflate = true;  // deflated (zlib, raw) or stored
  // What the headers claim instead of the truth, when set.
  std::optional<std::uint32_t> claimed_size;             // uncompressed size
  std::optional<std::uint32_t> claimed_compressed_size;  // compressed size
  bool encrypted = false;                                // general-purpose flag bit 0
};

// The archive: local headers and data, then the central directory and its end record.
std::string write_zip(const std::vector<ZipEntry>& entries);

}  // namespace dormlink::testing
