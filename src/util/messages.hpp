#pragma once
// The util module's messages in both languages (docs/messages.md): reading CSV files and
// their encodings.

#include "dormlink/language.hpp"

namespace dormlink::util::msg {

inline constexpr Message too_many_columns{
    "the row has more than {} columns, the limit per row; is this the right file? If it is, raise [limits] "
    "max_columns in the config",
    "此行超过 {} 列（每行的上限）；文件选对了吗？若没错，请调高配置中的 [limits] max_columns"};
inline constexpr Message cell_too_long{
    "column {}: the cell is longer than {}, the limit per cell; is this the right file? If it is, raise [limits] "
    "max_cell_kib in the config",
    "第 {} 列：单元格超过 {}（每格的上限）；文件选对了吗？若没错，请调高配置中的 [limits] max_cell_kib"};
inline constexpr Message empty_file{"{}: the file is empty; expected a header row", "{}：文件是空的；应有表头行"};
inline constexpr Message truncated_at{"truncated at offset {}", "在偏移 {} 处截断"};
inline constexpr Message byte_at{"byte 0x{:02X} at offset {}", "偏移 {1} 处的字节 0x{0:02X}"};
inline constexpr Message not_text{
    "{}:{}: not UTF-8, GBK/GB18030 or UTF-16 text ({}); save it from Excel as \"CSV UTF-8\" or pass --encoding",
    "{}:{}: 不是 UTF-8、GBK/GB18030 或 UTF-16 文本（{}）；请在 Excel 中另存为“CSV UTF-8”，或用 --encoding 指定编码"};
inline constexpr Message not_in_encoding{
    "{}:{}: cannot be read as {} ({}); pass the right --encoding or save it from Excel as \"CSV UTF-8\"",
    "{}:{}: 无法按 {} 读取（{}）；请用 --encoding 指定正确的编码，或在 Excel 中另存为“CSV UTF-8”"};
inline constexpr Message broken_utf8{
    "{}:{}: not valid UTF-8 ({}), though the file is UTF-8 up to there; correct that character, or pass --encoding "
    "if the file is in another encoding",
    "{}:{}: 不是有效的 UTF-8（{}），而此前的内容都是 UTF-8；请改正该字符，若文件是其他编码请用 --encoding 指定"};
inline constexpr Message unclosed_quote{
    "quoted field starts here and never closes; close the quote or re-save the file from Excel",
    "带引号的字段从这里开始，却一直没有结束；请补上引号，或用 Excel 重新保存文件"};
inline constexpr Message text_after_quote{
    "text after the closing quote of a quoted field; write a quote inside a quoted field as two quotes (\"\")",
    "带引号的字段在结束引号之后还有文字；字段内的引号请写成两个引号（\"\"）"};
inline constexpr Message byte_count{"{} bytes", "{} 字节"};
inline constexpr Message cannot_encode_gb18030{"text cannot be encoded as GB18030 (byte offset {})",
                                               "文字无法编码为 GB18030（字节偏移 {}）"};
inline constexpr Message control_character{
    "{}:{}: holds a control character ({}), which a text file cannot; remove it and save the file again",
    "{}:{}: 含有控制字符（{}），文本文件中不应出现；请删除后重新保存"};

// Kinds of file (file_kind.cpp).
inline constexpr Words regular_file{"普通文件", "a regular file"};
inline constexpr Words directory{"目录", "a directory"};
inline constexpr Words fifo{"命名管道（FIFO）", "a FIFO (named pipe)"};
inline constexpr Words character_device{"字符设备", "a character device"};
inline constexpr Words block_device{"块设备", "a block device"};
inline constexpr Words socket{"套接字", "a socket"};
inline constexpr Words symbolic_link{"符号链接", "a symbolic link"};
inline constexpr Words special_file{"特殊文件", "a special file"};
inline constexpr Message not_regular{"{} is not a regular file but {}; {}", "{} 不是普通文件，而是{}；{}"};

// Time zones (timezone.cpp).
inline constexpr Message unknown_time_zone{"unknown time zone \"{}\"; use an IANA name such as \"Asia/Shanghai\"",
                                           "未知的时区“{}”；请用 IANA 时区名，如 \"Asia/Shanghai\""};
inline constexpr Message zone_offset{"time zone \"{}\": cannot compute the UTC offset ({})",
                                     "时区“{}”：无法计算 UTC 偏移（{}）"};

}  // namespace dormlink::util::msg
