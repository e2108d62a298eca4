// dormlink-verify-floor: the floor under `dormlink verify` — read every record with the same
// SELECT verify runs and compute two SHA-256 per row (the chain link over all the row's bytes,
// and the content digest), with nothing else: no canonical encoding, no decoding, no checks.
// One read-only connection without mutexes, one reused buffer, the fastest digest call at hand:
// Nettle's SHA-256 (what dormlink uses) on one context, no allocation.
// bench/records_bench.sh times it beside verify. See bench/README.md, "Records".

#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <fmt/ostream.h>
#include <nettle/sha2.h>
#include <sqlite3.h>

#include "dormlink/error.hpp"
#include "tool_main.hpp"

namespace dormlink::bench {
namespace {

constexpr std::string_view k_usage =
    "Usage: dormlink-verify-floor --db PATH [--quick-check]\n"
    "Reads every record as verify does and hashes each row twice; prints rows and milliseconds.\n"
    "--quick-check first runs PRAGMA quick_check with dormlink's page cache, as verify does.\n";

// The SELECT of store::verify_records (src/store/record_store.cpp, k_row_columns).
constexpr const char* k_select =
    "SELECT r.id, r.kind, r.member_id, r.dorm_code, r.semester_id, r.happened_at, r.entered_at, r.entered_by, "
    "r.channel, r.corrects, r.reason, r.off_assignment, r.content_digest, r.prev_hash, r.hash, "
    "c.progress, c.note, c.details, c.purged, "
    "(SELECT group_concat(student_id, char(31)) FROM (SELECT student_id FROM record_student s "
    "WHERE s.record_id = r.id ORDER BY student_id)), "
    "r.incident_category, r.severity, r.reported_to, r.reported_at, "
    "r.form_import, (SELECT sha256 FROM form_import f WHERE f.id = r.form_import), "
    "(SELECT coalesce(form_id, '') FROM form_import f WHERE f.id = r.form_import) "
    "FROM record r LEFT JOIN record_content c ON c.record_id = r.id ORDER BY r.id";

struct Options {
  bool help = false;
  bool quick_check = false;
  std::string db;
};

Options parse(const std::vector<std::string_view>& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      o.help = true;
    } else if (args[i] == "--quick-check") {
      o.quick_check = true;
    } else if (args[i] == "--db" && i + 1 < args.size()) {
      o.db = std::string(args[++i]);
    } else {
      throw UsageError(fmt::format("unknown argument \"{}\"", args[i]));
    }
  }
  if (!o.help && o.db.empty()) throw UsageError("--db is required");
  return o;
}

void append_column(sqlite3_stmt* q, int column, std::string& buffer) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q, column));
  if (text != nullptr) buffer.append(text, static_cast<std::size_t>(sqlite3_column_bytes(q, column)));
  buffer.push_back('\x1f');
}

int run(const Options& o, std::ostream& out) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(o.db.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    throw Error(ExitCode::io, fmt::format("cannot open {}: {}", o.db, sqlite3_errmsg(db)));
  }
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, k_select, -1, &q, nullptr) != SQLITE_OK) {
    throw Error(ExitCode::io, fmt::format("cannot read {}: {}", o.db, sqlite3_errmsg(db)));
  }
  const auto start = Clock::now();
  if (o.quick_check) {
    const char* check = "PRAGMA cache_size = -65536; PRAGMA quick_check;";
    if (sqlite3_exec(db, check, nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw Error(ExitCode::io, fmt::format("quick_check of {} failed: {}", o.db, sqlite3_errmsg(db)));
    }
  }
  std::string row;
  std::string content;
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  std::uint8_t chain[SHA256_DIGEST_SIZE] = {};
  sha256_ctx ctx;
  std::int64_t rows = 0;
  std::uint64_t mix = 0;
  while (sqlite3_step(q) == SQLITE_ROW) {
    row.assign(reinterpret_cast<const char*>(chain), sizeof chain);
    content.clear();
    for (int c = 0; c < 27; ++c) append_column(q, c, c >= 15 && c <= 17 ? content : row);
    sha256_init(&ctx);
    sha256_update(&ctx, content.size(), reinterpret_cast<const std::uint8_t*>(content.data()));
    sha256_digest(&ctx, sizeof digest, digest);
    sha256_init(&ctx);
    sha256_update(&ctx, row.size(), reinterpret_cast<const std::uint8_t*>(row.data()));
    sha256_digest(&ctx, sizeof chain, chain);
    mix ^= digest[0] ^ chain[0];
    ++rows;
  }
  const double ms = ms_since(start);
  sqlite3_finalize(q);
  sqlite3_close(db);
  fmt::print(out, "verify-floor: {} rows read and hashed twice in {:.0f} ms (mix {})\n", rows, ms, mix);
  return 0;
}

}  // namespace
}  // namespace dormlink::bench

int main(int argc, char** argv) {
  return dormlink::bench::tool_main("dormlink-verify-floor", dormlink::bench::k_usage, argc, argv,
                                    dormlink::bench::parse, dormlink::bench::run);
}
