#pragma once
// The store module's messages in both languages (docs/messages.md): what verify names and
// finds beyond the chain itself.

#include "dormlink/language.hpp"

namespace dormlink::store::msg {

// The anchors verify checks the chain against ("submission #7 (feedback of 2023110104, ...)").
// The kind as submission_kind words it.
inline constexpr Message submission_anchor{"submission #{} ({} of {}, period {}, {})",
                                           "已提交表格 #{0}（{2} 的{1}，第 {3} 期，{4}）"};
inline constexpr Words feedback_kind{"反馈表", "feedback"};
inline constexpr Words summary_kind{"汇总", "summary"};
inline constexpr Message backup_anchor{"backup #{} ({}, {})", "备份 #{}（{}，{}）"};
inline constexpr Message one_missing{"record #{} is missing", "缺少记录 #{}"};
inline constexpr Message several_missing{"records #{}-#{} are missing", "缺少记录 #{}-#{}"};
inline constexpr Message chain_starts_at{"{}: the chain starts at #{}", "{}：链从 #{} 开始"};
inline constexpr Message chain_goes{"{}: the chain goes from #{} to #{}", "{}：链从 #{} 直接跳到 #{}"};
inline constexpr Message text_altered{"record {} was altered: its text does not match its digest",
                                      "记录 {} 被改动过：其文字与摘要不符"};
inline constexpr Message talk_copy_differs{
    "record {}: check's copy of the students it names (table talk_student) differs from the record; the file was "
    "changed outside dormlink: restore the last good backup",
    "记录 {}：check 所用的谈心学生副本（talk_student 表）与该记录不符；文件曾在 dormlink "
    "之外被改动：请恢复最近一份完好的备份"};

}  // namespace dormlink::store::msg
