#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/csv.hpp"
#include "dormlink/util/file_kind.hpp"

namespace dormlink::cli {
namespace {

// Bytes read at a time from standard input, and by which a file that grew since stat() grows.
constexpr std::size_t k_chunk = 64 * 1024;

constexpr std::string_view k_input_remedy = "pass a roster or records CSV file, or - to read standard input";

[[noreturn]] void throw_errno(const std::string& what, const std::string& path, int err) {
  auto message = fmt::format("cannot {} {}: {}", what, path, std::strerror(err));
  if (err == ENOENT || err == ENOTDIR) throw NotFoundError(fmt::format("{} does not exist", path));
  if (err == EACCES || err == EPERM || err == EROFS) throw PermissionError(message);
  throw IoError(message);
}

[[noreturn]] void throw_over_limit(const std::string& name, std::uintmax_t max_bytes) {
  throw DataError(
      fmt::format("{} is larger than {}, the limit per input file; is this the right "
                  "file? If it is, split it or raise [limits] max_file_mib in the config",
                  name, util::describe_bytes(static_cast<std::size_t>(max_bytes))));
}

// Refuses what is not a regular file (nothing is opened or read) and a file over the limit.
void check_input(const std::string& path, const struct stat& st, std::uintmax_t max_bytes) {
  if (!S_ISREG(st.st_mode)) throw util::not_regular_file(path, st.st_mode, k_input_remedy);
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) throw_over_limit(path, max_bytes);
}

// Closes a file descriptor when it goes out of scope.
struct FdCloser {
  int fd;
  ~FdCloser() { ::close(fd); }
};

// Reads to the end of `fd`, `expected` bytes (the size stat gave) in one buffer; a file that
// grew meanwhile is read on, and refused once it is over the limit.
std::string read_to_end(int fd, const std::string& path, std::size_t expected, std::uintmax_t max_bytes) {
  std::string bytes(expected + 1, '\0');  // + 1: the read that sees the end needs room
  std::size_t size = 0;
  while (true) {
    if (size == bytes.size()) {
      if (size > max_bytes) throw_over_limit(path, max_bytes);
      bytes.resize(size + k_chunk);
    }
    const ssize_t n = ::read(fd, bytes.data() + size, bytes.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno("read", path, errno);
    if (n == 0) break;
    size += static_cast<std::size_t>(n);
  }
  if (size > max_bytes) throw_over_limit(path, max_bytes);
  bytes.resize(size);
  return bytes;
}

void write_all(int fd, const std::string& content, const std::string& path) {
  std::size_t written = 0;
  while (written < content.size()) {
    auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno("write", path, errno);
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) throw_errno("write", path, errno);
}

// Makes a rename durable: fsyncs the directory that holds `path` (best effort on file systems
// that refuse to fsync a directory).
void sync_parent(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  int fd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0 && err != EINVAL && err != EROFS) throw_errno("write", path, err);
}

// `path` as it would be created: its directory resolved (symlinks, "..") plus its last name;
// nullopt when the directory does not exist (then nothing can be created there).
std::optional<std::string> resolved_name(const std::string& path) {
  const std::filesystem::path p(path);
  const auto parent = p.parent_path().empty() ? std::filesystem::path(".") : p.parent_path();
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(parent.c_str(), nullptr), &std::free);
  if (!real) return std::nullopt;
  return std::string(real.get()) + "/" + p.filename().string();
}

// True when `output` is `target` (same device and inode) or names the same file to be created.
bool same_file(const std::string& output, const std::string& target) {
  struct stat a {};
  struct stat b {};
  if (::stat(output.c_str(), &a) == 0 && ::stat(target.c_str(), &b) == 0) {
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
  }
  const auto x = resolved_name(output);
  const auto y = resolved_name(target);
  return x && y && *x == *y;
}

}  // namespace

void check_output_path(Context& ctx, const std::string& path, bool force) {
  if (path.empty() || path == "-") return;
  const auto& db = ctx.options().db_path;
  const std::pair<std::string, const char*> kept[] = {
      {db, "the database"},
      {db + "-wal", "the database's write-ahead log"},
      {db + "-shm", "the database's shared-memory file"},
      {db + "-journal", "the database's journal"},
      {ctx.options().config_path, "the config in use"},
  };
  for (const auto& [file, what] : kept) {
    if (same_file(path, file)) {
      throw CantCreateError(
          fmt::format("{} is {} ({}); dormlink never writes output there, even with --force: "
                      "choose another file",
                      path, what, file));
    }
  }
  if (!force && ::access(path.c_str(), F_OK) == 0) {
    throw CantCreateError(fmt::format("{} already exists; pass --force to overwrite it", path));
  }
}

void check_out_dir(const std::string& dir) {
  struct stat st {};
  if (dir.empty()) return;
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    throw CantCreateError(fmt::format("--out-dir {}: no such directory; create it first", dir));
  }
}

void write_output_file(Context& ctx, const std::string& path, const std::string& content, bool force) {
  check_output_path(ctx, path, force);
  write_file_atomically(path, content, 0600, !force);
}

void emit(Context& ctx, std::string_view text, std::string_view already_done) {
  auto& out = ctx.out();
  errno = 0;
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.flush();
  if (out) return;
  const int err = errno;
  out.clear();
  const char* why = err != 0 ? std::strerror(err) : "write failed";
  if (already_done.empty()) throw IoError(fmt::format("cannot write to standard output: {}", why));
  throw IoError(
      fmt::format("{}, but writing to standard output failed ({}), so what it printed is missing or cut "
                  "short; the change stands: do not run the command again",
                  already_done, why));
}

void finish_output(Context& ctx) { emit(ctx, {}); }

std::string read_input_file(const std::string& path, std::uintmax_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw_errno("read", path, errno);
  check_input(path, st, max_bytes);
  // O_NONBLOCK: should the path be swapped for a FIFO after the check, open() still returns.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw_errno("read", path, errno);
  const FdCloser closer{fd};
  if (::fstat(fd, &st) != 0) throw_errno("read", path, errno);
  check_input(path, st, max_bytes);
  return read_to_end(fd, path, static_cast<std::size_t>(st.st_size), max_bytes);
}

std::optional<util::Encoding> forced_encoding(const std::string& name) {
  if (name.empty()) return std::nullopt;
  if (auto encoding = util::parse_encoding_name(name)) return encoding;
  throw UsageError(fmt::format("--encoding {} is not known; use utf-8, gbk, gb18030 or utf-16", quote_value(name)));
}

std::string read_input_stream(std::istream& in, const std::string& name, std::uintmax_t max_bytes) {
  std::string bytes;
  std::array<char, k_chunk> chunk{};
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto count = static_cast<std::size_t>(in.gcount());
    // Checked before appending, so the buffer never grows past the limit.
    if (count > max_bytes - bytes.size()) throw_over_limit(name, max_bytes);
    bytes.append(chunk.data(), count);
  }
  if (in.bad()) throw IoError(fmt::format("cannot read {}", name));
  bytes.shrink_to_fit();
  return bytes;
}

void write_file_atomically(const std::string& path, const std::string& content, unsigned mode, bool exclusive) {
  if (exclusive && ::access(path.c_str(), F_OK) == 0) {
    throw CantCreateError(fmt::format("{} already exists; it was not overwritten", path));
  }
  auto temp = fmt::format("{}.tmp-{}", path, ::getpid());
  int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd < 0) throw_errno("create", path, errno);
  try {
    write_all(fd, content, path);
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw_errno("write", path, err);
  }
  int rc = exclusive ? ::link(temp.c_str(), path.c_str()) : ::rename(temp.c_str(), path.c_str());
  int err = errno;
  ::unlink(temp.c_str());
  if (rc != 0 && err == EEXIST) {
    throw CantCreateError(fmt::format("{} already exists; it was not overwritten", path));
  }
  if (rc != 0) throw_errno("create", path, err);
  sync_parent(path);
}

}  // namespace dormlink::cli
