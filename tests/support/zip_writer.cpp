// Writes zip archives for the tests (zip_writer.hpp).
#include "zip_writer.hpp"

#include <zlib.h>

#include <stdexcept>

namespace dormlink::testing {
namespace {

void put16(std::string& out, std::uint32_t value) {
  out += static_cast<char>(value & 0xFF);
  out += static_cast<char>((value >> 8) & 0xFF);
}

void put32(std::string& out, std::uint32_t value) {
  put16(out, value & 0xFFFF);
  put16(out, value >> 16);
}

struct Packed {
  std::string bytes;
  std::uint32_t crc = 0;
  std::uint32_t size = 0;
};

// The entry's content, compressed (raw deflate) or stored, with its CRC and size.
Packed pack(const ZipEntry& entry) {
  Packed packed;
  packed.crc = static_cast<std::uint32_t>(crc32(0L, Z_NULL, 0));
  for (std::size_t i = 0; i < entry.repeat; ++i) {
    packed.crc = static_cast<std::uint32_t>(
        crc32(packed.crc, reinterpret_cast<const Bytef*>(entry.data.data()), static_cast<uInt>(entry.data.size())));
  }
  packed.size = static_cast<std::uint32_t>(entry.data.size() * entry.repeat);
  if (!entry.deflate) {
    for (std::size_t i = 0; i < entry.repeat; ++i) packed.bytes += entry.data;
    return packed;
  }
  z_stream stream{};
  if (deflateInit2(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string buffer(1 << 16, '\0');
  for (std::size_t i = 0; i <= entry.repeat; ++i) {
    const bool last = i == entry.repeat;
    stream.next_in = last ? Z_NULL : reinterpret_cast<Bytef*>(const_cast<char*>(entry.data.data()));
    stream.avail_in = last ? 0 : static_cast<uInt>(entry.data.size());
    int rc = Z_OK;
    do {
      stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
      stream.avail_out = static_cast<uInt>(buffer.size());
      rc = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
      packed.bytes.append(buffer.data(), buffer.size() - stream.avail_out);
    } while (stream.avail_out == 0 || (last && rc != Z_STREAM_END));
  }
  deflateEnd(&stream);
  return packed;
}

// The fields local and central headers share, from "version needed" to the name's length.
void put_common(std::string& out, const ZipEntry& entry, const Packed& packed) {
  put16(out, 20);                       // version needed
  put16(out, entry.encrypted ? 1 : 0);  // flags
  put16(out, entry.deflate ? 8 : 0);    // method
  put16(out, 0);                        // time
  put16(out, 0x21);                     // date: 1980-01-01
  put32(out, packed.crc);
  put32(out, entry.claimed_compressed_size.value_or(static_cast<std::uint32_t>(packed.bytes.size())));
  put32(out, entry.claimed_size.value_or(packed.size));
  put16(out, static_cast<std::uint32_t>(entry.name.size()));
  put16(out, 0);  // extra field length
}

}  // namespace

std::string write_zip(const std::vector<ZipEntry>& entries) {
  std::string out;
  std::string directory;
  for (const ZipEntry& entry : entries) {
    const Packed packed = pack(entry);
    const auto offset = static_cast<std::uint32_t>(out.size());
    put32(out, 0x04034b50);
    put_common(out, entry, packed);
    out += entry.name;
    out += packed.bytes;
    put32(directory, 0x02014b50);
    put16(directory, 20);  // version made by
    put_common(directory, entry, packed);
    put16(directory, 0);  // comment length
    put16(directory, 0);  // disk number
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += entry.name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size() & 0xFFFF));
  put16(out, static_cast<std::uint32_t>(entries.size() & 0xFFFF));
  put32(out, static_cast<std::uint32_t>(directory.size()));
  put32(out, directory_offset);
  put16(out, 0);  // comment length
  return out;
}

}  // namespace dormlink::testing
