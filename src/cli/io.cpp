#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "dormlink/error.hpp"

namespace dormlink::cli {
namespace {

// Input files larger than this are refused rather than read into memory.
constexpr std::uintmax_t k_max_input_bytes = 256u * 1024u * 1024u;

[[noreturn]] void throw_errno(const std::string& what, const std::string& path, int err) {
  auto message = fmt::format("cannot {} {}: {}", what, path, std::strerror(err));
  if (err == ENOENT) throw NotFoundError(fmt::format("{} does not exist", path));
  if (err == EACCES || err == EPERM || err == EROFS) throw PermissionError(message);
  throw IoError(message);
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
      throw CantCreateError(fmt::format("{} is {} ({}); dormlink never writes output there, even with --force: "
                                        "choose another file", path, what, file));
    }
  }
  if (!force && ::access(path.c_str(), F_OK) == 0) {
    throw CantCreateError(fmt::format("{} already exists; pass --force to overwrite it", path));
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
  throw IoError(fmt::format("cannot write to standard output: {}{}{}", err != 0 ? std::strerror(err) : "write failed",
                            already_done.empty() ? "" : "; ", already_done));
}

void finish_output(Context& ctx) { emit(ctx, {}); }

std::string read_input_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw_errno("read", path, errno);
  if (S_ISDIR(st.st_mode)) throw IoError(fmt::format("{} is a directory, not a file", path));
  if (static_cast<std::uintmax_t>(st.st_size) > k_max_input_bytes) {
    throw DataError(fmt::format("{} is larger than 256 MiB; split it", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_errno("read", path, errno != 0 ? errno : EACCES);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(fmt::format("cannot read {}", path));
  return std::move(buffer).str();
}

void write_file_atomically(const std::string& path, const std::string& content, unsigned mode,
                           bool exclusive) {
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
