#include "cli/man_texts_table.hpp"

namespace dormlink::cli {
namespace {

// Texts several commands share.
constexpr ChineseText k_dry_run{"只检查并显示将要发生的变化，不写入任何内容"};
constexpr ChineseText k_raw_csv{"与 --format csv 合用：供脚本读取（无 BOM、LF 换行、类公式单元格前不加 '）"};
constexpr ChineseText k_encoding{"强制按此编码读取：utf-8、gbk、gb18030 或 utf-16"};
constexpr ChineseText k_semester_around{"学期编号（默认：--as-of 所在的学期）"};
constexpr ChineseText k_yes_import{"不再询问：名册中超过 10% 的人将被标记为已离开时也照样导入（没有终端时必须给出）"};

constexpr ManText k_texts[] = {
    {"", "", "学生党员联系寝室制度的名册、分配、记录、检查与报表工具"},
    {"", "--db", "SQLite 数据库文件（环境变量 DORMLINK_DB）"},
    {"", "--config", "TOML 规则文件（环境变量 DORMLINK_CONFIG）"},
    {"", "--as-of", "按此日期（YYYY-MM-DD）视为今天"},
    {"", "--lang", "输出语言：zh 或 en（默认：配置文件中的语言）"},
    {"", "--quiet", "只输出错误和检查发现的问题"},
    {"", "--version", "显示版本号和数据库结构版本并退出"},
    {"*", "--help", "显示此帮助并退出"},
    {"", "(notes)",
     "环境变量：\n"
     "  DORMLINK_DB       未给出 --db 时的数据库路径（默认 ./dormlink.db）\n"
     "  DORMLINK_CONFIG   未给出 --config 时的配置文件路径（默认 ./dormlink.toml）\n"
     "  DORMLINK_MESSAGES zh 或 en：未给出 --lang 时提示信息（不含报表）的语言\n\n"
     "退出码：0 正常，1 有检查发现，3 无可行分配，64 用法错误，65 数据有误，66 缺少输入，69 不可用，70 内部错误，"
     "73 无法创建，74 读写错误，75 忙（可重试），77 权限不足，78 配置错误（见 docs/exit-codes.md）。"},

    {"init", "", "创建数据库和一份带注释的配置文件"},

    {"import", "", "从 CSV 导入名册（学生、寝室或工作人员）、导入党员交回的反馈表，或撤销一次导入"},
    {"import students", "", "导入学生名册"},
    {"import students", "file", "CSV 文件（UTF-8、GBK 或 UTF-16；中文表头）"},
    {"import students", "--encoding", k_encoding},
    {"import students", "--semester", "用于换算“3”这类年级的学期（默认：--as-of 所在的学期）"},
    {"import students", "--dry-run", k_dry_run},
    {"import students", "--force", "即使 --as-of 比今天晚 31 天以上也照样导入"},
    {"import students", "--keep-missing", "部分名册：文件中没有的人不标记为已离开"},
    {"import students", "--yes", k_yes_import},
    {"import dorms", "", "导入寝室名册"},
    {"import dorms", "file", "CSV 文件（UTF-8、GBK 或 UTF-16；中文表头）"},
    {"import dorms", "--encoding", k_encoding},
    {"import dorms", "--semester", "用于换算“3”这类年级的学期（默认：--as-of 所在的学期）"},
    {"import dorms", "--dry-run", k_dry_run},
    {"import dorms", "--force", "即使 --as-of 比今天晚 31 天以上也照样导入"},
    {"import staff", "", "导入工作人员：辅导员、班主任、支部书记、检查组成员"},
    {"import staff", "file", "CSV 文件（UTF-8、GBK 或 UTF-16；中文表头）"},
    {"import staff", "--encoding", k_encoding},
    {"import staff", "--semester", "用于换算“3”这类年级的学期（默认：--as-of 所在的学期）"},
    {"import staff", "--dry-run", k_dry_run},
    {"import staff", "--force", "即使 --as-of 比今天晚 31 天以上也照样导入"},
    {"import staff", "--keep-missing", "部分名册：文件中没有的人不标记为已离开"},
    {"import staff", "--yes", k_yes_import},
    {"import form", "", "导入党员交回的反馈表（xlsx 或 CSV），要么全部导入，要么一份不导"},
    {"import form", "files", "交回的反馈表：.xlsx，或 CSV（UTF-8、GBK、GB18030、UTF-16）"},
    {"import form", "--received", "收到文件的时间（默认：现在）；据此判断按时还是逾期"},
    {"import form", "--member", "表上未写明党员时指定的党员（学号或姓名）"},
    {"import form", "--encoding", "仅对 CSV：强制按 utf-8、gbk、gb18030 或 utf-16 读取"},
    {"import form", "--strict", "拒绝任何需要猜测类型的行"},
    {"import form", "--dry-run", "检查每个文件并显示每一行将成为什么记录，不写入任何内容"},
    {"import undo", "", "撤销一次导入：每一天的名册都恢复成导入之前的样子"},
    {"import undo", "batch", "该次导入的批次号（由 import 和 roster 打印）"},
    {"import undo", "--dry-run", "检查并显示将撤销的内容，不写入任何内容"},

    {"roster", "", "汇总某一日期的名册（只给出人数）"},
    {"roster", "--format", "输出格式：text 或 md"},

    {"migrate", "", "把数据库结构升级到本版本"},

    {"assign", "", "为一个学期分配党员联系的寝室（最优分配，并给出理由）"},
    {"assign", "--semester", "学期编号（默认：--as-of 所在的学期）"},
    {"assign", "--dry-run", "只显示分配结果，不提交"},
    {"assign", "--format", "输出格式：text、md、csv 或 json"},
    {"assign", "--raw", k_raw_csv},
    {"assign", "--replace", "重新计算已有分配的学期"},
    {"assign", "--repair", "尽量保留已提交的配对，只调整必须调整的"},
    {"assign", "--best-effort", "无可行分配时，尽可能多地覆盖寝室"},
    {"assign", "--pin", "强制一个配对 党员:寝室（可重复）"},
    {"assign", "--forbid", "禁止一个配对 党员:寝室（可重复）"},
    {"assign", "--exclude", "不参与分配的党员（学号；可重复）"},
    {"assign", "--explain", "解释某个党员（学号或姓名）或某个寝室的配对"},
    {"assign", "--stats", "在标准错误上打印耗时和规模"},

    {"export", "", "导出一张表：CSV（供 Excel 或脚本）、Excel 或 JSON"},
    {"export", "table", "students、dorms、members、assignments、contacts、incidents 或 assessment"},
    {"export", "--format", "csv（默认）、xlsx（Excel；需要 -o）或 json"},
    {"export", "--raw", "供脚本读取的 CSV：无 BOM、LF 换行、类公式单元格前不加 '"},
    {"export", "--semester", "学期编号（assignments、assessment；contacts 和 incidents：只导出该学期）"},
    {"export", "--audience", "读者：counselor（默认）、branch 或 committee"},
    {"export", "--include-sensitive", "完整的电话号码和重点关注类别（留审计记录）"},
    {"export", "--reason", "需要敏感字段的理由（与 --include-sensitive 合用）"},
    {"export", "--output", "写入此文件（权限 0600），而不是标准输出"},
    {"export", "--force", "-o 指定的文件已存在时覆盖它"},

    {"log-visit", "", "记录一次走访、谈心或其他联系（只追加，哈希链相连）"},
    {"log-visit", "--member", "党员：学号、姓名、唯一的姓名前缀或拼音（zhangsan、zs）"},
    {"log-visit", "--dorm", "寝室，如 8-305 或 8栋305"},
    {"log-visit", "--at", "时间：2026-10-12 19:30、2026/10/12、10月12日、today、昨天 19:30（默认：现在）"},
    {"log-visit", "--kind",
     "类型：visit（走访，默认）、talk、symposium、activity、orientation、education、cultivation、excused、plan、"
     "summary、other（也可用中文名称）"},
    {"log-visit", "--talked", "联系到的住寝学生：学号或姓名，以逗号分隔"},
    {"log-visit", "--channel", "方式：in_person（当面）、phone（电话）、wechat（微信）、other（其他）"},
    {"log-visit", "--progress", "工作进展及成效"},
    {"log-visit", "--note", "说明"},
    {"log-visit", "--reason", "理由：寝室不在该党员的分配内、请假事由，或更正的原因"},
    {"log-visit", "--corrects", "本记录更正第 N 条记录：须为本人的、同类型且尚未更正的记录（需要 --reason）"},
    {"log-visit", "--from-csv", "按反馈表的列批量录入；要么全部录入，要么一条不录"},
    {"log-visit", "--encoding", "与 --from-csv 合用：强制按 utf-8、gbk、gb18030 或 utf-16 读取"},
    {"log-visit", "--category",
     "突发情况：赌博、打架、上网成瘾、私自在外住宿、使用违规电器、无故旷课、其他违纪、突发事件"},
    {"log-visit", "--severity", "突发情况的程度：轻、一般、严重"},
    {"log-visit", "--reported-to", "突发情况报告给：辅导员、班主任、支部书记"},
    {"log-visit", "--reported-at", "突发情况的报告时间（写法同 --at）"},
    {"log-visit", "--concern", "关注事项：谈心时发现、需上报的情况（敏感；docs/cases.md）"},
    {"log-visit", "--escalate-to",
     "关注事项上报给：辅导员（默认）、班主任 或 学院领导（counselor、head_teacher、leader）"},
    {"log-visit", "--concern-about", "谈心涉及多名学生时，关注事项针对哪一名（学号、姓名、姓名开头或拼音）"},
    {"log-visit", "--interactive", "逐项询问缺少的内容（在终端上缺少 --member 或 --dorm 时自动进入）"},

    {"verify", "", "校验记录的哈希链（链断裂时退出码为 1）"},
    {"verify", "--expect-head",
     "此前打印的链头（表格上、backup 或 verify 打印的）：HEX 表示当前链头，HEX@COUNT 表示链中有 COUNT "
     "条记录时的链头；可重复"},
    {"verify", "(notes)",
     "每份已提交的表格和每张备份回执都写明了生成时的记录条数和链头；verify 逐一核对，因此删去最新的记录也会被发现。"},

    {"check", "", "列出已逾期、即将到期或有风险的事项（有逾期时退出码为 1）"},
    {"check", "--semester", k_semester_around},
    {"check", "--member", "只看此党员（学号或姓名）"},
    {"check", "--counselor", "只看此辅导员的党员（工号或姓名）"},
    {"check", "--branch", "只看此党支部的党员（支部名称，或能唯一确定它的一部分）"},
    {"check", "--format", "输出格式：text、json 或 csv（--digest：text、md、html、pdf 或 json）"},
    {"check", "--raw", k_raw_csv},
    {"check", "--all", "同时列出尚未到期的事项"},
    {"check", "--digest", "为每位接收人生成简报：突发情况、新逾期、按党员列出、即将到期"},
    {"check", "--for", "与 --digest 合用：counselor:某人、branch:某支部、member:某人或 committee（默认：每位辅导员）"},
    {"check", "--since", "与 --digest 合用：上次简报的日期；此后到期的事项算作新的（默认：昨天）"},
    {"check", "--since-last", "与 --digest 合用：自 notify 给每位接收人发出上一份简报以来到期的事项算作新的"},
    {"check", "--all-items", "与 --digest 合用：列出每一节的每一行"},
    {"check", "--output", "与 --digest 合用：写入 FILE（权限 0600；- 表示标准输出；--format pdf 必须给出）"},
    {"check", "--force", "与 -o 合用：覆盖已存在的输出文件"},
    {"check", "(notes)",
     "规则见 docs/check.md。日和周按学院所在时区（college.time_zone）计算。\n"
     "退出码：0 无逾期，1 有逾期，出错时为其他退出码。"},
};

}  // namespace

std::span<const ManText> man_texts_first() { return k_texts; }

}  // namespace dormlink::cli
