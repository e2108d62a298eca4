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
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/csv.hpp"
#include "dormlink/util/file_kind.hpp"

namespace dormlink::cli {
namespace {

// Bytes read at a time from standard input, and by which a file that grew since stat() grows.
constexpr std::size_t k_chunk = 64 * 1024;

[[noreturn]] void throw_errno(const Message& what, const std::string& path, int err) {
  auto message = what(path, system_error_text(err));
  if (err == ENOENT || err == ENOTDIR) throw NotFoundError(msg::does_not_exist(path));
  if (err == EACCES || err == EPERM || err == EROFS) throw PermissionError(message);
  throw IoError(message);
}

[[noreturn]] void throw_over_limit(const std::string& name, std::uintmax_t max_bytes) {
  throw DataError(msg::file_too_large(name, util::describe_bytes(static_cast<std::size_t>(max_bytes))));
}

// Refuses what is not a regular file (nothing is opened or read) and a file over the limit.
void check_input(const std::string& path, const struct stat& st, std::uintmax_t max_bytes) {
  if (!S_ISREG(st.st_mode)) throw util::not_regular_file(path, st.st_mode, msg::input_remedy());
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
    if (n < 0) throw_errno(msg::cannot_read_file, path, errno);
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
    if (n < 0) throw_errno(msg::cannot_write_file, path, errno);
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) throw_errno(msg::cannot_write_file, path, errno);
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
  if (rc != 0 && err != EINVAL && err != EROFS) throw_errno(msg::cannot_write_file, path, err);
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
      {db, msg::the_database(message_language())},
      {db + "-wal", msg::the_wal(message_language())},
      {db + "-shm", msg::the_shm(message_language())},
      {db + "-journal", msg::the_journal(message_language())},
      {ctx.options().config_path, msg::the_config(message_language())},
  };
  for (const auto& [file, what] : kept) {
    if (same_file(path, file)) {
      throw CantCreateError(msg::never_write_there(path, what, file));
    }
  }
  if (!force && ::access(path.c_str(), F_OK) == 0) {
    throw CantCreateError(msg::exists_pass_force(path));
  }
}

void check_out_dir(const std::string& dir) {
  struct stat st {};
  if (dir.empty() || ::stat(dir.c_str(), &st) != 0) return;  // missing: made when the first file is written
  if (!S_ISDIR(st.st_mode)) throw CantCreateError(msg::not_a_directory("--out-dir", dir));
}

void make_parent_directories(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return;
  std::vector<std::filesystem::path> missing;
  for (auto p = parent; !p.empty(); p = p.parent_path()) {
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) throw CantCreateError(msg::parent_not_directory(p.string(), path));
      break;
    }
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) {
      const int err = errno;
      if (err == EACCES || err == EPERM || err == EROFS)
        throw PermissionError(msg::cannot_make_directory(it->string(), system_error_text(err)));
      throw CantCreateError(msg::cannot_make_directory(it->string(), system_error_text(err)));
    }
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
  const std::string why = err != 0 ? system_error_text(err) : msg::write_failed();
  if (already_done.empty()) throw IoError(msg::stdout_failed(why));
  throw IoError(msg::stdout_failed_after(already_done, why));
}

void finish_output(Context& ctx) { emit(ctx, {}); }

void receipt(Context& ctx, std::string_view text) {
  if (ctx.options().quiet) return;
  ctx.err().write(text.data(), static_cast<std::streamsize>(text.size()));
  ctx.err().flush();
}

std::string read_input_file(const std::string& path, std::uintmax_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw_errno(msg::cannot_read_file, path, errno);
  check_input(path, st, max_bytes);
  // O_NONBLOCK: should the path be swapped for a FIFO after the check, open() still returns.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw_errno(msg::cannot_read_file, path, errno);
  const FdCloser closer{fd};
  if (::fstat(fd, &st) != 0) throw_errno(msg::cannot_read_file, path, errno);
  check_input(path, st, max_bytes);
  return read_to_end(fd, path, static_cast<std::size_t>(st.st_size), max_bytes);
}

std::optional<util::Encoding> forced_encoding(const std::string& name) {
  if (name.empty()) return std::nullopt;
  if (auto encoding = util::parse_encoding_name(name)) return encoding;
  throw UsageError(msg::unknown_encoding(quote_value(name)));
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
  if (in.bad()) throw IoError(msg::cannot_read_stream(name));
  bytes.shrink_to_fit();
  return bytes;
}

void write_file_atomically(const std::string& path, const std::string& content, unsigned mode, bool exclusive) {
  if (exclusive && ::access(path.c_str(), F_OK) == 0) {
    throw CantCreateError(msg::exists_not_overwritten(path));
  }
  make_parent_directories(path);
  auto temp = fmt::format("{}.tmp-{}", path, ::getpid());
  int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd < 0) throw_errno(msg::cannot_create_file, path, errno);
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
    throw_errno(msg::cannot_write_file, path, err);
  }
  int rc = exclusive ? ::link(temp.c_str(), path.c_str()) : ::rename(temp.c_str(), path.c_str());
  int err = errno;
  ::unlink(temp.c_str());
  if (rc != 0 && err == EEXIST) {
    throw CantCreateError(msg::exists_not_overwritten(path));
  }
  if (rc != 0) throw_errno(msg::cannot_create_file, path, err);
  sync_parent(path);
}

}  // namespace dormlink::cli
