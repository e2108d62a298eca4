#pragma once
// The records' hash chain (docs/records.md "The chain"): SHA-256, the canonical row encoding,
// and verification. Pure: no I/O, no clock. OpenSSL is used only in src/records/.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dormlink::records {

// A SHA-256 digest: 32 raw bytes.
using Digest = std::array<std::uint8_t, 32>;

// The "previous hash" of the first record: 32 zero bytes.
inline constexpr Digest k_genesis{};

// Computes SHA-256 digests (Nettle) with one reusable context (no allocation per call).
// Not thread-safe: give each thread its own; a moved-from Hasher may only be destroyed or
// assigned to.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(Hasher&&) noexcept;
  Hasher& operator=(Hasher&&) noexcept;
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  // SHA-256 of the bytes.
  Digest sha256(std::string_view bytes);

  // SHA-256 of the previous hash's 32 bytes followed by the canonical bytes.
  Digest link(const Digest& previous, std::string_view canonical);

 private:
  struct Context;
  std::unique_ptr<Context> m_context;
};

// SHA-256 of the bytes (uses a per-thread Hasher).
Digest sha256(std::string_view bytes);

// The hash of a record: SHA-256(previous ‖ canonical); `previous` is k_genesis for the first.
Digest link(const Digest& previous, std::string_view canonical);

// The digest as 64 lowercase hex digits.
std::string to_hex(const Digest& digest);

// Parses 64 hex digits (either case); nullopt for any other length or a non-hex character.
std::optional<Digest> from_hex(std::string_view hex);

// The first 12 hex digits of the digest, as printed on receipts.
std::string short_hash(const Digest& digest);

// Builds the canonical encoding of a row: for each field in call order, a type byte, the
// name's length (8 bytes, big-endian) and bytes, the value's length (8 bytes) and bytes.
// Self-delimiting and typed, so different field lists never share an encoding (NULL, the empty
// string, the integer 0 and the text "0" all differ).
class Canonical {
 public:
  Canonical() = default;
  // Starts empty in `buffer`'s storage (its bytes are dropped, its capacity kept).
  explicit Canonical(std::string buffer) : m_bytes(std::move(buffer)) { m_bytes.clear(); }

  // Appends a text field (any bytes; UTF-8 by convention).
  Canonical& field(std::string_view name, std::string_view value);

  // Appends an integer field, encoded as 8 bytes of big-endian two's complement.
  Canonical& field(std::string_view name, std::int64_t value);

  // Appends a digest field (e.g. content_digest), its 32 raw bytes typed apart from text.
  Canonical& field(std::string_view name, const Digest& value);

  // Appends a NULL field.
  Canonical& null_field(std::string_view name);

  // The encoding built so far.
  const std::string& bytes() const noexcept { return m_bytes; }

  // The encoding, moved out (for reuse as the next Canonical's buffer).
  std::string release() && { return std::move(m_bytes); }

 private:
  void append(char type, std::string_view name, std::string_view value);

  std::string m_bytes;
};

// One stored record as verification sees it: its id (the chain order), its canonical
// encoding, its stored hash and, when the table stores it, its stored previous hash.
struct ChainEntry {
  std::int64_t id = 0;
  std::string canonical;
  Digest stored_hash{};
  std::optional<Digest> stored_previous;
};

// The first break in a chain: the record it is found at and a sentence saying what is wrong.
struct ChainFault {
  std::int64_t id = 0;
  std::string what;
};

// Verifies a chain one entry at a time, in id order, holding only the last hash; usable on
// any number of records. The first fault is sticky: later calls return it again.
class ChainVerifier {
 public:
  // Checks the next entry; returns the fault it finds (or the earlier one), nullopt when fine.
  std::optional<ChainFault> next(const ChainEntry& entry);

  // The hash of the last verified entry (k_genesis before the first): the chain head.
  Digest head() const noexcept { return m_head; }

  // The number of entries verified without a fault.
  std::size_t count() const noexcept { return m_count; }

 private:
  std::optional<ChainFault> check(const ChainEntry& entry);

  Hasher m_hasher;
  Digest m_head = k_genesis;
  std::optional<std::int64_t> m_last_id;
  std::size_t m_count = 0;
  std::optional<ChainFault> m_fault;
};

// Verifies the whole chain in the order given (which must be id order); returns the first
// record altered, removed or reordered, or nullopt when the chain is intact. Removing the
// last records cannot be seen from the rows alone: compare ChainVerifier::head() with a
// head printed earlier.
std::optional<ChainFault> verify_chain(std::span<const ChainEntry> entries);

// The records' hash chain as reports cite it and submissions store it (docs/records.md "The chain").
struct ChainHead {
  std::string head;          // hex hash of the last record; empty when there are none
  std::int64_t records = 0;  // records in the chain
};

// Something that says what the chain was at some moment: a submitted form, a backup receipt or
// a head a person copied from a paper form (`verify --expect-head HEX[@COUNT]`).
struct ChainAnchor {
  std::string source;      // for messages: "submission #12 (feedback of 2023110104, period 5)"
  std::int64_t count = 0;  // records in the chain then; k_current: the chain as it is now
  std::string head;        // the hash of record #count then: 64 hex digits, or a prefix (>= 8)
  static constexpr std::int64_t k_current = -1;
};

// "8f3a…"-style checks of a hex hash against a full hash or a prefix of one, any case.
bool head_matches(std::string_view hash_hex, std::string_view expected);

// Checks the chain, walked in id order, against anchors: record #count must have the anchor's
// head, and a chain shorter than an anchor's count has lost its last records (which the rows
// alone cannot show). Records are numbered 1, 2, ... without gaps, so the n-th record walked is
// record #n.
class AnchorChecker {
 public:
  explicit AnchorChecker(std::vector<ChainAnchor> anchors);

  // After record #count (hash `hash_hex`) verified: the first anchor it contradicts, if any.
  std::optional<ChainFault> at(std::int64_t count, std::string_view hash_hex);
  // After the whole chain (`count` records, head `head_hex`): anchors beyond its end, and those
  // about the chain as it is now.
  std::optional<ChainFault> at_end(std::int64_t count, std::string_view head_hex);

  std::size_t size() const noexcept { return m_anchors.size() + m_current.size(); }

 private:
  std::vector<ChainAnchor> m_anchors;  // sorted by count
  std::vector<ChainAnchor> m_current;  // count == k_current
  std::size_t m_next = 0;
};

}  // namespace dormlink::records
