#pragma once
// The records module's messages in both languages (docs/messages.md): what verify says of a
// broken chain.

#include "dormlink/language.hpp"

namespace dormlink::records::msg {

inline constexpr Message appears_twice{"record {} appears twice in the chain", "记录 {} 在链中出现了两次"};
inline constexpr Message out_of_order{"record {} is out of order: it comes after record {}",
                                      "记录 {} 顺序错乱：它排在记录 {} 之后"};
inline constexpr Message hash_mismatch{
    "record {} does not match its hash: it was altered, or a record before it was removed or reordered",
    "记录 {} 与其哈希不符：它被改动过，或它之前的记录被删除或调换了顺序"};
inline constexpr Message altered{"record {} was altered: its content does not match its hash",
                                 "记录 {} 被改动过：其内容与哈希不符"};
inline constexpr Message not_first{"record {} does not start the chain: a record before it was removed or reordered",
                                   "记录 {} 不是链的起点：它之前的记录被删除或调换了顺序"};
inline constexpr Message not_following{
    "record {} does not follow record {}: a record between them was removed or reordered",
    "记录 {} 没有接在记录 {} 之后：两者之间的记录被删除或调换了顺序"};
inline constexpr Message not_the_one{
    "record #{} is not the one {} was built on: its hash is {}, {} recorded {}; the records up to #{} were rewritten",
    "记录 #{} 不是{}所依据的那一条：其哈希为 {}，{}记载的是 {}；#{} 及之前的记录被重写过"};
inline constexpr Message one_missing{"record #{} is missing", "缺少记录 #{}"};
inline constexpr Message several_missing{"records #{}-#{} are missing", "缺少记录 #{}-#{}"};
inline constexpr Message built_on{"{}: {} was built on {} records (head {}), the database holds {}",
                                  "{}：{}依据的是 {} 条记录（链头 {}），数据库中只有 {} 条"};
inline constexpr Message head_differs{"the chain head is {} ({} records), not {} as {} says",
                                      "链头是 {0}（{1} 条记录），而不是{3}所记载的 {2}"};
inline constexpr Message no_head{"(none)", "（无）"};

}  // namespace dormlink::records::msg
