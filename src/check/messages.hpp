#pragma once
// The check module's messages in both languages (docs/messages.md): choosing the reporting
// period a user means (--period N, current, previous, next). Each entry is checked when
// compiled (language.hpp, Message).

#include "dormlink/language.hpp"

namespace dormlink::check::msg {

inline constexpr Message no_previous_period{"--period previous: no reporting period has ended by {}",
                                            "--period previous：到 {} 为止还没有已结束的报送期次"};
inline constexpr Message current_outside_semester{
    "--period current: {} is outside the teaching weeks of {}; give --period N and --semester ID",
    "--period current：{} 不在 {} 的教学周内；请给出 --period N 和 --semester ID"};
inline constexpr Message current_outside_every_semester{
    "--period current: {} is outside the teaching weeks of every semester; give --period N and --semester ID",
    "--period current：{} 不在任何学期的教学周内；请给出 --period N 和 --semester ID"};
inline constexpr Message no_next_semester{"--period next: no semester begins after {}; give --semester ID",
                                          "--period next：{} 之后没有开始的学期；请给出 --semester ID"};
inline constexpr Message no_next_period{
    "--period next: {} has no reporting period after {} (the last, {}, began on {})",
    "--period next：{0} 在 {1} 之后没有报送期次（最后一期为第 {2} 期，始于 {3}）"};
inline constexpr Message bad_period{"--period {}: use a period number (1, 2, ...), current, previous or next",
                                    "--period {}：请用期次编号（1、2……）、current、previous 或 next"};
inline constexpr Message no_semester_begun{"no semester has begun by {}; give --semester ID",
                                           "到 {} 为止还没有开始的学期；请给出 --semester ID"};
inline constexpr Message period_out_of_range{"--period {}: {} has {} reporting periods",
                                             "--period {}：{} 只有 {} 个报送期次"};
inline constexpr Message period_not_begun{"period {} of {} begins on {}, after {}; nothing to report yet",
                                          "{1} 的第 {0} 期始于 {2}，在 {3} 之后；尚无可报送的内容"};

}  // namespace dormlink::check::msg
