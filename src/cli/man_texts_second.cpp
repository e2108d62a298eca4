#include "cli/man_texts_table.hpp"

namespace dormlink::cli {
namespace {

// Texts several commands share: the four reports' output options, the two forms' and the two
// oversight reports'.
constexpr ChineseText k_report_format{
    "输出格式：md（GitHub Markdown）、json、csv（一张 --sheet）或 xlsx（每张表一个工作表）"};
constexpr ChineseText k_report_format_printable{
    "输出格式：md（GitHub Markdown）、json、csv（一张 --sheet）、xlsx（每张表一个工作表）、html（可阅读、可打印的网页）"
    "或 pdf（由 Chromium 打印该网页；需要 -o 或 --out-dir）"};
constexpr ChineseText k_report_sheet{"与 --format csv 合用：输出哪一张表（默认：第一张；见 docs/reports.md）"};
constexpr ChineseText k_raw_csv{"与 --format csv 合用：供脚本读取（无 BOM、LF 换行、类公式单元格前不加 '）"};
constexpr ChineseText k_period{"报告周期：第 N 期、current（本期）或 previous（上一期）（依 --as-of 而定）"};
constexpr ChineseText k_semester_of_date{"学期编号（默认：依 --as-of 而定）"};
constexpr ChineseText k_audience{"读者：counselor、branch 或 committee"};
constexpr ChineseText k_include_sensitive{"完整电话号码和重点关注类别（需要 --reason；留审计记录）"};
constexpr ChineseText k_reason_recorded{"需要敏感字段的理由（会被记录）"};
constexpr ChineseText k_case_notes{"无人确认收到的事项，教职工一旦处理或结案，即同时视为确认收到（docs/cases.md）。"};
constexpr ChineseText k_output{"写入 FILE（权限 0600；- 表示标准输出）"};
constexpr ChineseText k_out_dir{"每份文档写成 DIR 中的一个文件，以编号和周期命名"};
constexpr ChineseText k_force{"覆盖已存在的输出文件"};
constexpr ChineseText k_submit{"把这份文档记录为已提交（submission 表）"};
constexpr ChineseText k_submitted{"原样打印最近一次提交的文档"};
constexpr ChineseText k_oversight_semester{"学期编号（默认：--as-of 所在的学期，或在 close_out_days 内刚结束的学期）"};
constexpr ChineseText k_oversight_audience{"读者：counselor、branch（默认）或 committee"};
constexpr ChineseText k_oversight_format{
    "输出格式：md（GitHub Markdown）、json、csv（一张 --sheet）、xlsx（每张表一个工作表）、html（可阅读、可打印的网页）"
    "或 pdf（由 Chromium 打印该网页；需要 -o）"};

constexpr ManText k_texts[] = {
    {"calendar", "", "显示校历中的学期，起草下一个学期（校历）"},
    {"calendar show", "", "列出各学期以及 --as-of 所处的位置（默认子命令）"},
    {"calendar draft", "", "打印一段 [[calendar.semester]]，供追加到配置文件"},
    {"calendar draft", "semester", "新学期的编号，如 2027-spring"},
    {"calendar draft", "--start", "第 1 个教学周的星期一（YYYY-MM-DD）"},
    {"calendar draft", "--weeks", "教学周数（默认 18）"},

    {"notify", "", "把简报分别发给每位辅导员、支部书记（以及党员）"},
    {"notify", "--via", "发送方式：sendmail（/usr/sbin/sendmail -t）、sendmail:程序 或 mbox:目录（.eml 文件）"},
    {"notify", "--dry-run", "列出谁将收到哪份简报；不发送也不记录"},
    {"notify", "--for", "只发给此接收人：counselor:某人、branch:某支部、member:某人或 committee"},

    {"inspect", "", "检查组抽查"},
    {"inspect sample", "", "抽取要抽查的党员和寝室；打印检查清单并记录这次抽样"},
    {"inspect sample", "--size", "抽取的党员人数"},
    {"inspect sample", "--rate", "抽取党员的比例：0 < R <= 1，或百分数"},
    {"inspect sample", "--seed", "随机种子（默认：--as-of 日期，写成 yyyymmdd）"},
    {"inspect sample", "--semester", "学期编号（默认：--as-of 所在的学期）"},
    {"inspect sample", "--dry-run", "只打印检查清单，不记录这次抽样"},
    {"inspect record", "", "记录检查组的发现：对某党员工作记录的核查结果，或无记录的检查发现"},
    {"inspect record", "--member", "被核查记录的党员（学号或姓名）"},
    {"inspect record", "--dorm", "核查的寝室"},
    {"inspect record", "--sample", "本次核查所属的抽样"},
    {"inspect record", "--inspector", "核查人：角色为检查组的教职工（工号或姓名）"},
    {"inspect record", "--on", "核查日期（默认：今天）"},
    {"inspect record", "--confirmed", "住寝学生证实的记录"},
    {"inspect record", "--contradicted", "住寝学生否认的记录"},
    {"inspect record", "--note", "检查组的备注（使用 --finding 时必填）"},
    {"inspect record", "--finding",
     "无记录的检查发现：no_contact（未联系，学生称从未见过党员）、dorm_condition（寝室状况）或 other（其他）"},
    {"inspect record", "--student", "与 --finding 合用：询问的学生（学号或姓名；当日住在该寝室）"},
    {"inspect record", "--category", "与 --finding 合用：发现的突发事件类别（赌博、使用违规电器等）"},
    {"inspect record", "(notes)",
     "用 --confirmed / --contradicted "
     "时，所列记录须是该党员对该寝室的有效联系记录；学生（学号或姓名）须是记录所载的学生。"
     "被否认的记录标记存疑，计入党员考核。用 --finding 时，记录无记录的检查发现（未联系、寝室状况、其他），"
     "党员为当日分配中联系该寝室的党员；未联系的发现与其所否认的各周记录关联，无人报告的突发事件（--"
     "category）计入党员考核。"
     "--inspector 须是角色为检查组的教职工。见 docs/inspect.md。"},

    {"concern", "", "党员对某名学生的关注事项：教职工确认收到、处理、结案（docs/cases.md）"},
    {"concern", "(notes)", k_case_notes},
    {"concern ack", "", "报告已送达教职工（--at：送达时间，即权威的报告时间）"},
    {"concern ack", "(notes)", k_case_notes},
    {"concern ack", "number", "事项编号：谈心记录的记录编号"},
    {"concern ack", "--by", "采取这一步的教职工：工号或姓名（教职工名册）"},
    {"concern ack", "--at", "报告送达的时间（写法同 log-visit --at；默认：现在）"},
    {"concern ack", "--note", "备注（可选）"},
    {"concern act", "", "教职工采取的措施（--note）"},
    {"concern act", "(notes)", k_case_notes},
    {"concern act", "number", "事项编号：谈心记录的记录编号"},
    {"concern act", "--by", "采取这一步的教职工：工号或姓名（教职工名册）"},
    {"concern act", "--at", "发生时间（写法同 log-visit --at；默认：现在）"},
    {"concern act", "--note", "采取了什么措施（必填）"},
    {"concern close", "", "结案"},
    {"concern close", "(notes)", k_case_notes},
    {"concern close", "number", "事项编号：谈心记录的记录编号"},
    {"concern close", "--by", "采取这一步的教职工：工号或姓名（教职工名册）"},
    {"concern close", "--at", "发生时间（写法同 log-visit --at；默认：现在）"},
    {"concern close", "--note", "备注（可选）"},
    {"concern list", "", "本学期的事项：待确认、已确认、处理中、已结案"},
    {"concern list", "--counselor", "只看此辅导员的党员（工号或姓名）"},
    {"concern list", "--open", "只列尚未结案的事项"},
    {"concern list", "--semester", "学期编号（默认：--as-of 所在的学期）"},
    {"concern list", "--format", "输出格式：text（默认）、json 或 csv"},
    {"concern list", "--raw", k_raw_csv},
    {"concern list", "--include-sensitive", "列出关注内容和教职工的处理说明（需要 --reason；留审计记录）"},
    {"concern list", "--reason", k_reason_recorded},

    {"incident", "", "特殊情况作为事项：教职工确认收到、处理、结案（docs/cases.md）"},
    {"incident", "(notes)", k_case_notes},
    {"incident ack", "", "报告已送达教职工（--at：送达时间，即权威的报告时间）"},
    {"incident ack", "(notes)", k_case_notes},
    {"incident ack", "number", "事项编号：特殊情况记录的记录编号"},
    {"incident ack", "--by", "采取这一步的教职工：工号或姓名（教职工名册）"},
    {"incident ack", "--at", "报告送达的时间（写法同 log-visit --at；默认：现在）"},
    {"incident ack", "--note", "备注（可选）"},
    {"incident act", "", "教职工采取的措施（--note）"},
    {"incident act", "(notes)", k_case_notes},
    {"incident act", "number", "事项编号：特殊情况记录的记录编号"},
    {"incident act", "--by", "采取这一步的教职工：工号或姓名（教职工名册）"},
    {"incident act", "--at", "发生时间（写法同 log-visit --at；默认：现在）"},
    {"incident act", "--note", "采取了什么措施（必填）"},
    {"incident close", "", "结案"},
    {"incident close", "(notes)", k_case_notes},
    {"incident close", "number", "事项编号：特殊情况记录的记录编号"},
    {"incident close", "--by", "采取这一步的教职工：工号或姓名（教职工名册）"},
    {"incident close", "--at", "发生时间（写法同 log-visit --at；默认：现在）"},
    {"incident close", "--note", "备注（可选）"},
    {"incident list", "", "本学期的事项：待确认、已确认、处理中、已结案"},
    {"incident list", "--counselor", "只看此辅导员的党员（工号或姓名）"},
    {"incident list", "--open", "只列尚未结案的事项"},
    {"incident list", "--semester", "学期编号（默认：--as-of 所在的学期）"},
    {"incident list", "--format", "输出格式：text（默认）、json 或 csv"},
    {"incident list", "--raw", k_raw_csv},
    {"incident list", "--include-sensitive", "列出关注内容和教职工的处理说明（需要 --reason；留审计记录）"},
    {"incident list", "--reason", k_reason_recorded},

    {"withdraw", "", "撤回一条记录（由一条新记录说明撤回及原因）"},
    {"withdraw", "record", "记录编号（见其回执）"},
    {"withdraw", "--reason", "原因（必填）"},
    {"purge", "", "为保护隐私抹去一条记录中的个人文字；哈希链仍可校验"},
    {"purge", "record", "记录编号（见其回执）"},
    {"purge", "--reason", "原因（必填）"},
    {"purge", "--yes", "不再询问：确认抹去（没有终端时必须给出）"},

    {"report", "", "反馈表、辅导员汇总、考核和抽查报告（反馈表、汇总、考核）"},
    {"report feedback", "", "某党员某一周期的《学生党员联系寝室情况反馈表》"},
    {"report feedback", "--member", "党员（学号或姓名）"},
    {"report feedback", "--all", "每位应交表的党员（给出 --counselor 时只限其党员）"},
    {"report feedback", "--counselor", "与 --all 合用：只限此辅导员的党员"},
    {"report feedback", "--branch", "与 --all 合用：只限此党支部的党员（名称或其一部分）"},
    {"report feedback", "--period", k_period},
    {"report feedback", "--semester", k_semester_of_date},
    {"report feedback", "--format", k_report_format_printable},
    {"report feedback", "--sheet", k_report_sheet},
    {"report feedback", "--raw", k_raw_csv},
    {"report feedback", "--audience", k_audience},
    {"report feedback", "--include-sensitive", k_include_sensitive},
    {"report feedback", "--reason", k_reason_recorded},
    {"report feedback", "--output", k_output},
    {"report feedback", "--out-dir", k_out_dir},
    {"report feedback", "--force", k_force},
    {"report feedback", "--submit", k_submit},
    {"report feedback", "--on-behalf", "与 --submit 合用：代党员提交反馈表（需要 --reason；标注为代为整理）"},
    {"report feedback", "--submitted", k_submitted},
    {"report summary", "", "辅导员报送学院党委的汇总"},
    {"report summary", "--counselor", "辅导员（工号或姓名）"},
    {"report summary", "--branch", "一个党支部的党员，不论属于哪位辅导员（名称或其一部分）"},
    {"report summary", "--college", "全院一份文档：每位辅导员一行，另有合计"},
    {"report summary", "--period", k_period},
    {"report summary", "--semester", k_semester_of_date},
    {"report summary", "--format", k_report_format_printable},
    {"report summary", "--sheet", k_report_sheet},
    {"report summary", "--raw", k_raw_csv},
    {"report summary", "--audience", k_audience},
    {"report summary", "--include-sensitive", k_include_sensitive},
    {"report summary", "--reason", k_reason_recorded},
    {"report summary", "--output", k_output},
    {"report summary", "--out-dir", k_out_dir},
    {"report summary", "--force", k_force},
    {"report summary", "--submit", k_submit},
    {"report summary", "--submitted", k_submitted},
    {"report assessment", "", "党支部对每位党员的学期考核"},
    {"report assessment", "--semester", k_oversight_semester},
    {"report assessment", "--branch", "只限此党支部"},
    {"report assessment", "--format", k_oversight_format},
    {"report assessment", "--sheet", k_report_sheet},
    {"report assessment", "--raw", k_raw_csv},
    {"report assessment", "--audience", k_oversight_audience},
    {"report assessment", "--output", k_output},
    {"report assessment", "--force", k_force},
    {"report assessment", "--mark",
     "先记录评定：成员:来源:评定；来源为 工作室（studio）或 支部（branch），评定为 优秀、合格、基本合格、不合格或 "
     "0—100 分（可重复）"},
    {"report assessment", "--by", "与 --mark 合用：给出评定的人（工作室成员或该党员的支部书记）"},
    {"report assessment", "--note", "与 --mark 合用：随评定保存的说明"},
    {"report assessment", "--commend", "附上按规定顺序排出的前 N 名评优推荐名单"},
    {"report inspection", "", "本学期的抽查样本、核查结果和比率"},
    {"report inspection", "--semester", k_oversight_semester},
    {"report inspection", "--branch", "只限此党支部"},
    {"report inspection", "--format", k_oversight_format},
    {"report inspection", "--sheet", k_report_sheet},
    {"report inspection", "--raw", k_raw_csv},
    {"report inspection", "--audience", k_oversight_audience},
    {"report inspection", "--output", k_output},
    {"report inspection", "--force", k_force},
    {"report studio", "", "朋辈辅导员工作室的学期视图"},
    {"report studio", "--semester", k_oversight_semester},
    {"report studio", "--branch", "只限此党支部"},
    {"report studio", "--format",
     "输出格式：md（GitHub Markdown）、json、csv（一张 --sheet）、xlsx（每张表一个工作表）或 html（网页）"},
    {"report studio", "--sheet", "与 --format csv 合用：输出哪一张表（members 或 overview；默认：第一张）"},
    {"report studio", "--raw", k_raw_csv},
    {"report studio", "--output", k_output},
    {"report studio", "--force", k_force},
    {"report studio", "(notes)",
     "先列工作室成员（花名册“朋辈工作室”列或配置 [studio] members），再列本学期联系寝室的每位党员：考核草稿"
     "（得分与等级）、未结关注数、检查不属实的记录数、无记录的检查发现数、最新的工作室和支部评定。"
     "不含学生姓名、关注内容和检查说明；见 docs/studio.md。"},

    {"form", "", "供党员填写的空白《学生党员联系寝室情况反馈表》"},
    {"form", "--member", "党员（学号或姓名）"},
    {"form", "--all", "本周期应交表的每位党员（给出 --counselor 时只限其党员）"},
    {"form", "--counselor", "与 --all 合用：只限此辅导员的党员"},
    {"form", "--period", "报告周期：第 N 期、current、next 或 previous（依 --as-of 而定）"},
    {"form", "--semester", k_semester_of_date},
    {"form", "--out-dir", "每位党员一个文件，写入 DIR（须为已有目录）"},
    {"form", "--format", "xlsx（默认）或 csv"},
    {"form", "--force", "覆盖已存在的文件"},

    {"backup", "", "把数据库复制到 FILE（一致的副本；其他写入者不受影响）"},
    {"backup", "FILE", "要写入的副本（权限 0600）"},
    {"backup", "--force", "FILE 已存在时替换它"},

    {"completion", "", "打印 bash 或 zsh 的补全脚本"},
    {"completion", "shell", "bash 或 zsh"},
    {"completion", "--output", "把脚本写入此文件（权限 0644），而不是标准输出"},
    {"completion", "(notes)",
     "补全命令、选项、固定取值（--format、--lang、--kind 等），以及命令行所指数据库中的党员、寝室和辅导员"
     "（--db，否则 DORMLINK_DB，否则 ./dormlink.db）；见 docs/shell.md。"},

    {"man", "", "写出 dormlink 及每个命令的手册页（roff）"},
    {"man", "--out-dir", "写出 DIR/dormlink.1、DIR/dormlink-check.1 等（权限 0644）"},
    {"man", "COMMAND", "不给 --out-dir 时：打印此命令的手册页（如 report summary）"},
    {"man", "(notes)",
     "手册页的语言由 --lang 决定（否则为提示信息的语言）。构建时生成两种语言的手册页，"
     "`cmake --install` 把它们装入 share/man/man1 和 share/man/zh_CN/man1；见 docs/shell.md。"},

    {"help", "", "显示 dormlink 或某个命令的帮助：dormlink help [命令...]"},
    {"help", "COMMAND", "命令及其子命令，如 report summary"},
};

}  // namespace

std::span<const ManText> man_texts_second() { return k_texts; }

}  // namespace dormlink::cli
