#include "dormlink/records/chain.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <initializer_list>
#include <memory>

#include <nettle/sha2.h>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "messages.hpp"

namespace dormlink::records {
namespace {

constexpr std::string_view k_hex_digits = "0123456789abcdef";
constexpr std::size_t k_short_hash_length = 12;

// Type bytes of the canonical encoding: one per kind of value.
constexpr char k_type_text = 's';
constexpr char k_type_integer = 'i';
constexpr char k_type_digest = 'd';
constexpr char k_type_null = 'n';

// Appends the value as 8 bytes, most significant first.
void append_be64(std::string& out, std::uint64_t value) {
  if constexpr (std::endian::native == std::endian::little) value = __builtin_bswap64(value);
  char bytes[sizeof value];
  std::memcpy(bytes, &value, sizeof value);
  out.append(bytes, sizeof bytes);
}

// The value of each byte as a hex digit, or -1 when it is not one: one load per digit (verify
// decodes three digests per record).
constexpr std::array<std::int8_t, 256> k_hex_values = [] {
  std::array<std::int8_t, 256> values{};
  values.fill(-1);
  for (int c = '0'; c <= '9'; ++c) values[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(c - '0');
  for (int c = 'a'; c <= 'f'; ++c) values[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(c - 'a' + 10);
  for (int c = 'A'; c <= 'F'; ++c) values[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(c - 'A' + 10);
  return values;
}();

int hex_value(char c) { return k_hex_values[static_cast<unsigned char>(c)]; }

std::string_view as_bytes(const Digest& digest) {
  return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

// The calling thread's Hasher, so that the free functions reuse one context.
Hasher& thread_hasher() {
  thread_local Hasher hasher;
  return hasher;
}

}  // namespace

// The state a Hasher keeps between calls: one Nettle SHA-256 context (plain memory; Nettle
// picks the CPU's SHA instructions when it has them, and none of its calls can fail).
struct Hasher::Context {
  sha256_ctx ctx{};

  // Starts a new digest, absorbs each part in order and returns the result.
  Digest digest(std::initializer_list<std::string_view> parts) {
    sha256_init(&ctx);
    for (std::string_view part : parts)
      sha256_update(&ctx, part.size(), reinterpret_cast<const std::uint8_t*>(part.data()));
    Digest out{};
    sha256_digest(&ctx, out.size(), out.data());
    return out;
  }
};

Hasher::Hasher() : m_context(std::make_unique<Context>()) {}

Hasher::~Hasher() = default;
Hasher::Hasher(Hasher&&) noexcept = default;
Hasher& Hasher::operator=(Hasher&&) noexcept = default;

Digest Hasher::sha256(std::string_view bytes) { return m_context->digest({bytes}); }

Digest Hasher::link(const Digest& previous, std::string_view canonical) {
  return m_context->digest({as_bytes(previous), canonical});
}

Digest sha256(std::string_view bytes) { return thread_hasher().sha256(bytes); }

Digest link(const Digest& previous, std::string_view canonical) { return thread_hasher().link(previous, canonical); }

std::string to_hex(const Digest& digest) {
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (std::uint8_t byte : digest) {
    hex.push_back(k_hex_digits[static_cast<std::size_t>(byte >> 4U)]);
    hex.push_back(k_hex_digits[static_cast<std::size_t>(byte & 0x0FU)]);
  }
  return hex;
}

std::optional<Digest> from_hex(std::string_view hex) {
  Digest digest{};
  if (hex.size() != digest.size() * 2) return std::nullopt;
  int bad = 0;  // checked once at the end: no branch per digit
  for (std::size_t i = 0; i < digest.size(); ++i) {
    const int high = hex_value(hex[2 * i]);
    const int low = hex_value(hex[2 * i + 1]);
    bad |= high | low;
    digest[i] = static_cast<std::uint8_t>((high << 4) | low);
  }
  if (bad < 0) return std::nullopt;
  return digest;
}

std::string short_hash(const Digest& digest) { return to_hex(digest).substr(0, k_short_hash_length); }

void Canonical::append(char type, std::string_view name, std::string_view value) {
  m_bytes.push_back(type);
  append_be64(m_bytes, name.size());
  m_bytes.append(name);
  append_be64(m_bytes, value.size());
  m_bytes.append(value);
}

Canonical& Canonical::field(std::string_view name, std::string_view value) {
  append(k_type_text, name, value);
  return *this;
}

Canonical& Canonical::field(std::string_view name, std::int64_t value) {
  std::string bytes;
  append_be64(bytes, static_cast<std::uint64_t>(value));
  append(k_type_integer, name, bytes);
  return *this;
}

Canonical& Canonical::field(std::string_view name, const Digest& value) {
  append(k_type_digest, name, as_bytes(value));
  return *this;
}

Canonical& Canonical::null_field(std::string_view name) {
  append(k_type_null, name, {});
  return *this;
}

std::optional<ChainFault> ChainVerifier::next(const ChainEntry& entry) {
  if (m_fault) return m_fault;
  m_fault = check(entry);
  if (m_fault) return m_fault;
  m_head = entry.stored_hash;
  m_last_id = entry.id;
  ++m_count;
  return std::nullopt;
}

// Checks one entry against the last verified one: id order first, then the entry's own hash,
// then its link to the entry before it.
std::optional<ChainFault> ChainVerifier::check(const ChainEntry& entry) {
  const std::int64_t id = entry.id;
  if (m_last_id && id == *m_last_id) {
    return ChainFault{id, msg::appears_twice(id)};
  }
  if (m_last_id && id < *m_last_id) {
    return ChainFault{id, msg::out_of_order(id, *m_last_id)};
  }
  if (!entry.stored_previous) {
    // Without a stored previous hash, an alteration and a gap look the same.
    if (m_hasher.link(m_head, entry.canonical) == entry.stored_hash) return std::nullopt;
    return ChainFault{id, msg::hash_mismatch(id)};
  }
  if (m_hasher.link(*entry.stored_previous, entry.canonical) != entry.stored_hash) {
    return ChainFault{id, msg::altered(id)};
  }
  if (*entry.stored_previous == m_head) return std::nullopt;
  if (!m_last_id) {
    return ChainFault{id, msg::not_first(id)};
  }
  return ChainFault{id, msg::not_following(id, *m_last_id)};
}

std::optional<ChainFault> verify_chain(std::span<const ChainEntry> entries) {
  ChainVerifier verifier;
  for (const ChainEntry& entry : entries) {
    if (auto fault = verifier.next(entry)) return fault;
  }
  return std::nullopt;
}

bool head_matches(std::string_view hash_hex, std::string_view expected) {
  if (expected.empty() || expected.size() > hash_hex.size()) return false;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const char c = expected[i];
    const char lower = (c >= 'A' && c <= 'F') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != hash_hex[i]) return false;
  }
  return true;
}

AnchorChecker::AnchorChecker(std::vector<ChainAnchor> anchors) {
  for (auto& a : anchors) {
    if (a.count == ChainAnchor::k_current) {
      m_current.push_back(std::move(a));
    } else if (a.count > 0) {  // an anchor of the empty chain says nothing
      m_anchors.push_back(std::move(a));
    }
  }
  std::stable_sort(m_anchors.begin(), m_anchors.end(),
                   [](const ChainAnchor& a, const ChainAnchor& b) { return a.count < b.count; });
}

std::optional<ChainFault> AnchorChecker::at(std::int64_t count, std::string_view hash_hex) {
  for (; m_next < m_anchors.size() && m_anchors[m_next].count <= count; ++m_next) {
    const auto& a = m_anchors[m_next];
    if (a.count < count || head_matches(hash_hex, a.head)) continue;
    return ChainFault{count, msg::not_the_one(count, a.source, hash_hex.substr(0, k_short_hash_length), a.source,
                                              a.head.substr(0, k_short_hash_length), count)};
  }
  return std::nullopt;
}

std::optional<ChainFault> AnchorChecker::at_end(std::int64_t count, std::string_view head_hex) {
  if (m_next < m_anchors.size()) {
    const auto& a = m_anchors.back();  // the longest chain any anchor saw
    const auto& first = m_anchors[m_next];
    const std::string missing =
        a.count == count + 1 ? msg::one_missing(count + 1) : msg::several_missing(count + 1, a.count);
    return ChainFault{
        count + 1, msg::built_on(missing, first.source, first.count, first.head.substr(0, k_short_hash_length), count)};
  }
  for (const auto& a : m_current) {
    if (head_matches(head_hex, a.head)) continue;
    return ChainFault{count, msg::head_differs(head_hex.empty() ? msg::no_head()
                                                                : std::string(head_hex.substr(0, k_short_hash_length)),
                                               count, a.head, a.source)};
  }
  return std::nullopt;
}

}  // namespace dormlink::records
