#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dormlink/records/chain.hpp"

using namespace dormlink::records;

namespace {

// The canonical encoding of a small visit row numbered `id`.
std::string visit_row(std::int64_t id, std::string_view note) {
  Canonical row;
  row.field("id", id)
      .field("kind", "visit")
      .field("member_id", "2023010101")
      .field("dorm_code", "7-302")
      .field("content_digest", sha256(note));
  return row.bytes();
}

// A well-formed chain of `count` rows with ids 1..count, each storing its previous hash.
std::vector<ChainEntry> make_chain(std::int64_t count) {
  std::vector<ChainEntry> entries;
  Digest previous = k_genesis;
  for (std::int64_t id = 1; id <= count; ++id) {
    ChainEntry entry;
    entry.id = id;
    entry.canonical = visit_row(id, "谈心：学习压力大，已告知辅导员");
    entry.stored_previous = previous;
    entry.stored_hash = link(previous, entry.canonical);
    previous = entry.stored_hash;
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string fault_text(const std::vector<ChainEntry>& entries) {
  auto fault = verify_chain(entries);
  return fault ? fault->what : "intact";
}

}  // namespace

TEST_SUITE("records.chain") {
  TEST_CASE("sha256 matches the FIPS 180-2 test vectors") {
    CHECK(to_hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(to_hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  TEST_CASE("a Hasher reused many times gives the same digests as fresh ones") {
    Hasher hasher;
    for (int i = 0; i < 3; ++i) {
      CHECK(hasher.sha256("abc") == sha256("abc"));
      CHECK(hasher.sha256("") == sha256(""));
    }
    Hasher moved = std::move(hasher);
    CHECK(moved.sha256("abc") == sha256("abc"));
  }

  TEST_CASE("link hashes the previous 32 bytes followed by the canonical bytes") {
    const Digest previous = sha256("previous");
    const std::string joined = std::string(reinterpret_cast<const char*>(previous.data()), previous.size()) + "row";
    CHECK(link(previous, "row") == sha256(joined));
    CHECK(link(k_genesis, "row") == sha256(std::string(32, '\0') + "row"));
    CHECK(Hasher().link(previous, "row") == link(previous, "row"));
  }

  TEST_CASE("hex round trip") {
    const Digest digest = sha256("abc");
    const std::string hex = to_hex(digest);
    CHECK(hex.size() == 64);
    CHECK(from_hex(hex) == digest);
    SUBCASE("upper case is accepted") {
      std::string upper = hex;
      for (char& c : upper) c = (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : c;
      CHECK(from_hex(upper) == digest);
    }
    SUBCASE("genesis is 64 zeros") { CHECK(to_hex(k_genesis) == std::string(64, '0')); }
    SUBCASE("wrong length") {
      CHECK_FALSE(from_hex(hex.substr(0, 63)));
      CHECK_FALSE(from_hex(hex + "0"));
      CHECK_FALSE(from_hex(""));
    }
    SUBCASE("non-hex character") {
      std::string bad = hex;
      bad[10] = 'g';
      CHECK_FALSE(from_hex(bad));
      bad[10] = ' ';
      CHECK_FALSE(from_hex(bad));
    }
  }

  TEST_CASE("short_hash is the first 12 hex digits") { CHECK(short_hash(sha256("abc")) == "ba7816bf8f01"); }

  TEST_CASE("the canonical encoding is length-prefixed and typed") {
    Canonical row;
    row.field("a", "bc");
    const std::string expected =
        std::string("s") + std::string(7, '\0') + "\x01" + "a" + std::string(7, '\0') + "\x02" + "bc";
    CHECK(row.bytes() == expected);
    Canonical number;
    number.field("n", std::int64_t{-2});
    CHECK(number.bytes().substr(1 + 8 + 1 + 8) == std::string(7, '\xFF') + "\xFE");
  }

  TEST_CASE("different field lists never share an encoding") {
    auto differ = [](const Canonical& a, const Canonical& b) { return a.bytes() != b.bytes(); };
    SUBCASE("value split differently across fields") {
      CHECK(differ(Canonical().field("x", "ab").field("y", "c"), Canonical().field("x", "a").field("y", "bc")));
    }
    SUBCASE("boundary between name and value") {
      CHECK(differ(Canonical().field("ab", "c"), Canonical().field("a", "bc")));
    }
    SUBCASE("concatenated values in one field") {
      CHECK(differ(Canonical().field("x", "ab").field("x", "c"), Canonical().field("x", "abc")));
    }
    SUBCASE("null versus empty string") {
      CHECK(differ(Canonical().null_field("note"), Canonical().field("note", "")));
    }
    SUBCASE("integer 1 versus text 1") {
      CHECK(differ(Canonical().field("id", std::int64_t{1}), Canonical().field("id", "1")));
    }
    SUBCASE("integer 0 versus null") {
      CHECK(differ(Canonical().field("id", std::int64_t{0}), Canonical().null_field("id")));
    }
    SUBCASE("digest versus its 32 bytes as text") {
      const Digest d = sha256("x");
      const std::string raw(reinterpret_cast<const char*>(d.data()), d.size());
      CHECK(differ(Canonical().field("content_digest", d), Canonical().field("d", raw)));
      CHECK(differ(Canonical().field("content_digest", d), Canonical().field("content_digest", raw)));
    }
    SUBCASE("field order matters") {
      CHECK(differ(Canonical().field("a", "1").field("b", "2"), Canonical().field("b", "2").field("a", "1")));
    }
    SUBCASE("no fields versus one empty field") { CHECK(differ(Canonical(), Canonical().field("", ""))); }
  }

  TEST_CASE("an intact chain verifies") {
    CHECK_FALSE(verify_chain({}));
    CHECK(fault_text(make_chain(1)) == "intact");
    CHECK(fault_text(make_chain(50)) == "intact");
  }

  TEST_CASE("altered content is found at the altered record") {
    auto entries = make_chain(10);
    entries[4].canonical = visit_row(5, "a different note");
    auto fault = verify_chain(entries);
    REQUIRE(fault);
    CHECK(fault->id == 5);
    CHECK(fault->what == "record 5 was altered: its content does not match its hash");
  }

  TEST_CASE("a removed record is found at the record after the gap") {
    SUBCASE("in the middle") {
      auto entries = make_chain(10);
      entries.erase(entries.begin() + 5);  // record 6
      auto fault = verify_chain(entries);
      REQUIRE(fault);
      CHECK(fault->id == 7);
      CHECK(fault->what == "record 7 does not follow record 5: a record between them was removed or reordered");
    }
    SUBCASE("the first record") {
      auto entries = make_chain(3);
      entries.erase(entries.begin());
      auto fault = verify_chain(entries);
      REQUIRE(fault);
      CHECK(fault->id == 2);
      CHECK(fault->what == "record 2 does not start the chain: a record before it was removed or reordered");
    }
  }

  TEST_CASE("swapped records are found") {
    SUBCASE("rows out of id order") {
      auto entries = make_chain(6);
      std::swap(entries[2], entries[3]);
      auto fault = verify_chain(entries);
      REQUIRE(fault);
      CHECK(fault->id == 4);
      CHECK(fault->what == "record 4 does not follow record 2: a record between them was removed or reordered");
    }
    SUBCASE("ids not increasing") {
      auto entries = make_chain(6);
      entries[3].id = 10;  // the hashes still follow each other; only the ids go back
      auto fault = verify_chain(entries);
      REQUIRE(fault);
      CHECK(fault->id == 5);
      CHECK(fault->what == "record 5 is out of order: it comes after record 10");
    }
    SUBCASE("a duplicated id") {
      auto entries = make_chain(4);
      entries.insert(entries.begin() + 2, entries[1]);
      auto fault = verify_chain(entries);
      REQUIRE(fault);
      CHECK(fault->id == 2);
      CHECK(fault->what == "record 2 appears twice in the chain");
    }
  }

  TEST_CASE("a tampered stored hash is found") {
    SUBCASE("the hash alone") {
      auto entries = make_chain(5);
      entries[2].stored_hash[0] ^= 0x01U;
      auto fault = verify_chain(entries);
      REQUIRE(fault);
      CHECK(fault->id == 3);
      CHECK(fault->what == "record 3 was altered: its content does not match its hash");
    }
    SUBCASE("content and hash rewritten together break the next link") {
      auto entries = make_chain(5);
      entries[2].canonical = visit_row(3, "rewritten");
      entries[2].stored_hash = link(*entries[2].stored_previous, entries[2].canonical);
      auto fault = verify_chain(entries);
      REQUIRE(fault);
      CHECK(fault->id == 4);
      CHECK(fault->what == "record 4 does not follow record 3: a record between them was removed or reordered");
    }
    SUBCASE("the stored previous hash") {
      auto entries = make_chain(5);
      (*entries[2].stored_previous)[31] ^= 0x80U;
      auto fault = verify_chain(entries);
      REQUIRE(fault);
      CHECK(fault->id == 3);
      CHECK(fault->what == "record 3 was altered: its content does not match its hash");
    }
  }

  TEST_CASE("without stored previous hashes, a break is still found") {
    auto entries = make_chain(6);
    for (auto& entry : entries) entry.stored_previous.reset();
    CHECK(fault_text(entries) == "intact");
    SUBCASE("altered") {
      entries[3].canonical = visit_row(4, "changed");
      auto fault = verify_chain(entries);
      REQUIRE(fault);
      CHECK(fault->id == 4);
      CHECK(fault->what ==
            "record 4 does not match its hash: it was altered, or a record before "
            "it was removed or reordered");
    }
    SUBCASE("removed") {
      entries.erase(entries.begin() + 1);
      auto fault = verify_chain(entries);
      REQUIRE(fault);
      CHECK(fault->id == 3);
    }
  }

  TEST_CASE("the streaming verifier reports head and count") {
    const auto entries = make_chain(20);
    ChainVerifier verifier;
    CHECK(verifier.head() == k_genesis);
    CHECK(verifier.count() == 0);
    for (const auto& entry : entries) CHECK_FALSE(verifier.next(entry));
    CHECK(verifier.count() == 20);
    CHECK(verifier.head() == entries.back().stored_hash);
  }

  TEST_CASE("the streaming verifier keeps its first fault") {
    auto entries = make_chain(6);
    entries[2].canonical = "tampered";
    ChainVerifier verifier;
    CHECK_FALSE(verifier.next(entries[0]));
    CHECK_FALSE(verifier.next(entries[1]));
    auto fault = verifier.next(entries[2]);
    REQUIRE(fault);
    CHECK(fault->id == 3);
    auto again = verifier.next(entries[3]);
    REQUIRE(again);
    CHECK(again->id == 3);
    CHECK(verifier.count() == 2);
    CHECK(verifier.head() == entries[1].stored_hash);
  }
}

TEST_SUITE("chain") {
  TEST_CASE("head_matches takes a prefix of 8 or more digits in any case") {
    const std::string head = "8f3a0c1d5e2b" + std::string(52, '0');
    CHECK(head_matches(head, head));
    CHECK(head_matches(head, "8F3A0C1D"));
    CHECK_FALSE(head_matches(head, "8f3a0c1e"));
    CHECK_FALSE(head_matches(head, ""));
    CHECK_FALSE(head_matches("8f3a", "8f3a0c1d"));
  }

  TEST_CASE("AnchorChecker: a rewritten record, lost newest records, the head now") {
    const std::vector<std::string> hashes{"aaaaaaaa11", "bbbbbbbb22", "cccccccc33"};
    auto walk = [&](AnchorChecker& checker, std::size_t n) -> std::optional<ChainFault> {
      for (std::size_t i = 0; i < n; ++i) {
        if (auto f = checker.at(static_cast<std::int64_t>(i + 1), hashes[i])) return f;
      }
      return checker.at_end(static_cast<std::int64_t>(n), n == 0 ? "" : hashes[n - 1]);
    };
    AnchorChecker agree({{"form A", 2, "bbbbbbbb"},
                         {"form B", 3, "CCCCCCCC"},
                         {"given", ChainAnchor::k_current, "cccccccc33"},
                         {"empty", 0, ""}});
    CHECK(agree.size() == 3);
    CHECK_FALSE(walk(agree, 3));

    AnchorChecker rewritten({{"form A", 2, "bbbbbbbc"}});
    const auto r = walk(rewritten, 3);
    REQUIRE(r);
    CHECK(r->id == 2);
    CHECK(r->what.rfind("record #2 is not the one form A was built on", 0) == 0);

    AnchorChecker lost({{"form B", 3, "cccccccc"}, {"form C", 5, "eeeeeeee"}});
    const auto l = walk(lost, 2);
    REQUIRE(l);
    CHECK(l->id == 3);
    CHECK(l->what == "records #3-#5 are missing: form B was built on 3 records (head cccccccc), the database holds 2");

    AnchorChecker now({{"--expect-head", ChainAnchor::k_current, "bbbbbbbb"}});
    const auto n = walk(now, 3);
    REQUIRE(n);
    CHECK(n->what == "the chain head is cccccccc33 (3 records), not bbbbbbbb as --expect-head says");
  }
}
