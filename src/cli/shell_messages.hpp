#pragma once
// The messages of the shell integration (completion, man pages) in both languages
// (docs/messages.md, docs/shell.md). Each entry is checked when compiled (language.hpp, Message).

#include "dormlink/language.hpp"

namespace dormlink::cli::msg {

// Status lines (standard error).
inline constexpr Message wrote_completion{"wrote the {} completion script {}\n", "已写入 {} 补全脚本 {}\n"};
inline constexpr Message wrote_man_pages{"wrote {} man pages ({}) to {}\n", "已将 {} 个手册页（{}）写入 {}\n"};
inline constexpr Message man_language{"English", "中文"};

// dormlink man COMMAND... naming no command.
inline constexpr Message no_such_man_page{"no command '{}' has a man page; `dormlink help` lists the commands",
                                          "没有命令“{}”的手册页；`dormlink help` 列出全部命令"};

}  // namespace dormlink::cli::msg
