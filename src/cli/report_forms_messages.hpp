#pragma once
// The messages of `report feedback` and `report summary` (cli/report_forms.cpp) in both
// languages (docs/messages.md): their options, --submit's receipts, --submitted. The workbook's
// title is report content, said in the report's language (.in).

#include "dormlink/language.hpp"

namespace dormlink::cli::report_msg {

inline constexpr Message feedback_member_or_all{"report feedback: give --member WHO or --all",
                                                "report feedback：请给出 --member WHO 或 --all"};
inline constexpr Message counselor_branch_need_all{"--counselor and --branch go with --all (or use report summary)",
                                                   "--counselor 和 --branch 须与 --all 同用（或改用 report summary）"};
inline constexpr Message summary_one_scope{"report summary: give one of --counselor WHO, --branch NAME or --college",
                                           "report summary：请给出 --counselor WHO、--branch NAME 或 --college 之一"};
inline constexpr Message submit_counselor_only{
    "--submit hands in a counselor's summary; --branch and --college documents are views of them",
    "--submit 报送的是辅导员的汇总；--branch 和 --college 的文档由这些汇总汇集而成，不单独报送"};
inline constexpr Message period_required{"--period is required: a number, current or previous",
                                         "需要 --period：期次编号、current 或 previous"};
inline constexpr Message sensitive_needs_reason{
    "--include-sensitive needs --reason TEXT: say why the sensitive fields are needed",
    "--include-sensitive 需要 --reason TEXT：请说明为什么需要敏感字段"};
inline constexpr Message reason_needs_flag{"--reason goes with --include-sensitive or --on-behalf",
                                           "--reason 须与 --include-sensitive 或 --on-behalf 同用"};
inline constexpr Message on_behalf_needs_submit{
    "--on-behalf goes with report feedback --submit (a member's form submitted for the member)",
    "--on-behalf 须与 report feedback --submit 同用（代党员报送其反馈表）"};
inline constexpr Message on_behalf_needs_reason{
    "--on-behalf needs --reason TEXT: say why the member's own form is not handed in (recorded)",
    "--on-behalf 需要 --reason TEXT：请说明为什么不是党员本人交表（会被记录）"};
inline constexpr Message submit_not_for_member{
    "report feedback --submit no longer hands in a member's form: import the member's returned file with `dormlink "
    "import form FILE`, or submit it for the member with --on-behalf --reason TEXT (recorded and shown as such)",
    "report feedback --submit 不再用于报送党员的反馈表：请用 `dormlink import form FILE` 导入党员交回的文件，或用 "
    "--on-behalf --reason TEXT 代为报送（会被记录，并在表上注明）"};
inline constexpr Message output_or_out_dir{"give -o FILE or --out-dir DIR, not both",
                                           "请给出 -o FILE 或 --out-dir DIR，不要同时给出"};
inline constexpr Message submit_or_submitted{"--submit records a new submission; --submitted prints the last one",
                                             "--submit 记录一次新的报送；--submitted 打印最近一次报送；二者不能同用"};
inline constexpr Message submitted_not_all{"--submitted prints one stored document; give --member, not --all",
                                           "--submitted 只打印一份已保存的文档；请给出 --member，而不是 --all"};
inline constexpr Message submitted_no_audience{"--submitted prints the document as it was submitted; drop --audience",
                                               "--submitted 按报送时的原样打印文档；请去掉 --audience"};
inline constexpr Message submitted_no_out_dir{"--submitted prints one document: use -o FILE, not --out-dir",
                                              "--submitted 只打印一份文档：请用 -o FILE，而不是 --out-dir"};
inline constexpr Message submit_md_or_json{
    "--submit and --submitted keep the document as Markdown or JSON; use --format md or json",
    "--submit 和 --submitted 以 Markdown 或 JSON 保存文档；请用 --format md 或 json"};
inline constexpr Message submit_md_or_json_not_page{
    "--submit and --submitted keep the document as Markdown or JSON, not as a page; use --format md or json",
    "--submit 和 --submitted 以 Markdown 或 JSON 保存文档，不保存网页或 PDF；请用 --format md 或 json"};
inline constexpr Message pdf_needs_file{
    "--format pdf writes a binary file: give -o FILE or --out-dir DIR, or -o - to pipe it",
    "--format pdf 写出的是二进制文件：请给出 -o FILE 或 --out-dir DIR，或用 -o - 输出到管道"};
inline constexpr Message not_a_file_name{"id \"{}\" cannot name a file; use -o FILE",
                                         "编号“{}”不能用作文件名；请用 -o FILE"};
inline constexpr Message summary_title{"Summary {} period {}", "汇总 {} 第{}期"};
inline constexpr Message forms_title{"Feedback forms {} period {}", "反馈表 {} 第{}期"};
// The <title> of one document's page (html, pdf): whose, the semester, the period.
inline constexpr Message form_title{"Feedback form {} {} period {}", "反馈表 {} {} 第{}期"};
inline constexpr Message summary_page_title{"Summary {} {} period {}", "汇总 {} {} 第{}期"};
// Receipts of --submit (standard error).
inline constexpr Message submitted_form{"submitted #{}: {} ({}) period {} feedback form, at {}, due {}\n",
                                        "已报送 #{}：{}（{}）第{}期反馈表，报送于 {}，截止 {}\n"};
inline constexpr Message submitted_form_late{"submitted #{}: {} ({}) period {} feedback form, at {}, due {}, late\n",
                                             "已报送 #{}：{}（{}）第{}期反馈表，报送于 {}，截止 {}，逾期\n"};
inline constexpr Message submitted_summary{"submitted #{}: {} ({}) period {} summary, at {}, due {}\n",
                                           "已报送 #{}：{}（{}）第{}期汇总，报送于 {}，截止 {}\n"};
inline constexpr Message submitted_summary_late{"submitted #{}: {} ({}) period {} summary, at {}, due {}, late\n",
                                                "已报送 #{}：{}（{}）第{}期汇总，报送于 {}，截止 {}，逾期\n"};
inline constexpr Message nobody_due{"no member was due a form for period {}\n", "第{}期没有应交反馈表的党员。\n"};
inline constexpr Message submit_after_today{"--submit records a submission made now; --as-of {} is after today ({})",
                                            "--submit 记录的是此刻的报送；--as-of {} 晚于今天（{}）"};
inline constexpr Message nothing_submitted{"nothing was submitted", "未报送任何内容"};
// --submitted.
inline constexpr Message no_submitted_form{
    "{} ({}) has no submitted feedback form for period {} of {}; submit one with --submit",
    "{0}（{1}）在 {3} 第{2}期没有已报送的反馈表；请用 --submit 报送"};
inline constexpr Message no_submitted_summary{
    "{} ({}) has no submitted summary for period {} of {}; submit one with --submit",
    "{0}（{1}）在 {3} 第{2}期没有已报送的汇总；请用 --submit 报送"};
inline constexpr Message submission_sensitive{
    "submission #{} holds sensitive fields; pass --include-sensitive --reason TEXT to print it (the access is "
    "recorded)",
    "报送记录 #{} 含有敏感字段；如要打印，请加 --include-sensitive --reason TEXT（此次访问会被记录）"};
inline constexpr Message stored{
    "submission #{} ({} of {}): by {} at {}, {}, due {}, chain head {} ({} records)\n",
    "报送记录 #{}（第 {} 次，共 {} 次）：{} 于 {} 报送，{}，截止 {}，记录链头 {}（{} 条）\n"};
inline constexpr Message stored_late{
    "submission #{} ({} of {}): by {} at {}, {}, due {}, late, chain head {} ({} records)\n",
    "报送记录 #{}（第 {} 次，共 {} 次）：{} 于 {} 报送，{}，截止 {}，逾期，记录链头 {}（{} 条）\n"};
inline constexpr Message stored_redacted{
    "submission #{} ({} of {}): by {} at {}, {}, due {}, chain head {} ({} records); text erased by purge record #{}\n",
    "报送记录 #{}（第 {} 次，共 {} 次）：{} 于 {} 报送，{}，截止 {}，记录链头 {}（{} 条）；部分文字已由清除记录 #{} "
    "删去\n"};
inline constexpr Message stored_late_redacted{
    "submission #{} ({} of {}): by {} at {}, {}, due {}, late, chain head {} ({} records); text erased by purge "
    "record #{}\n",
    "报送记录 #{}（第 {} 次，共 {} 次）：{} 于 {} 报送，{}，截止 {}，逾期，记录链头 {}（{} 条）；部分文字已由清除记录 "
    "#{} 删去\n"};

}  // namespace dormlink::cli::report_msg
