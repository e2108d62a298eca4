#pragma once
// The xlsx module's messages in both languages (docs/messages.md): a returned workbook that
// cannot be read (damaged, encrypted, an old .xls, over the limits) and an Excel file that
// cannot be written. Parts, cells and library names stay as they are in both texts.

#include "dormlink/language.hpp"

namespace dormlink::xlsx::msg {

// "<file>: <what>", "<place>: <what>".
inline constexpr Message located{"{}: {}", "{}：{}"};
// The advice that ends a message about a damaged or unreadable file.
inline constexpr Message save_again{"open it in Excel, WPS or LibreOffice and save it again as Excel Workbook (.xlsx)",
                                    "请用 Excel、WPS 或 LibreOffice 打开后重新另存为 Excel 工作簿（.xlsx）"};
inline constexpr Message bytes{"{} bytes", "{} 字节"};

// The file and its zip archive (read.cpp).
inline constexpr Message old_xls{
    "the file is password-protected or an old Excel 97-2003 .xls file; save it as Excel Workbook (.xlsx) without a "
    "password",
    "文件设有密码，或是旧版 Excel 97-2003 的 .xls 文件；请另存为不带密码的 Excel 工作簿（.xlsx）"};
inline constexpr Message not_a_zip{"not an Excel .xlsx file (not a zip archive); save it as Excel Workbook (.xlsx)",
                                   "不是 Excel .xlsx 文件（不是 zip 压缩包）；请另存为 Excel 工作簿（.xlsx）"};
inline constexpr Message no_workbook{"not an Excel .xlsx file (no xl/workbook.xml); save it as Excel Workbook (.xlsx)",
                                     "不是 Excel .xlsx 文件（没有 xl/workbook.xml）；请另存为 Excel 工作簿（.xlsx）"};
inline constexpr Message unreadable_zip{
    "not an Excel .xlsx file, or a damaged one (it cannot be read as a zip archive); {}",
    "不是 Excel .xlsx 文件，或文件已损坏（无法作为 zip 压缩包读取）；{}"};
inline constexpr Message part_damaged{"the part {} of the file is damaged (the zip archive cannot be inflated); {}",
                                      "文件中的部件 {} 已损坏（zip 压缩包无法解压）；{}"};
inline constexpr Message directory{"(directory)", "（目录）"};
inline constexpr Message too_many_entries{
    "the zip archive holds {} entries, more than the {} an Excel form may have; {}",
    "zip 压缩包含有 {} 个条目，超过了 Excel 反馈表最多可有的 {} 个；{}"};
inline constexpr Message more_entries{
    "the zip archive holds more than {} entries, more than an Excel form may have; {}",
    "zip 压缩包含有超过 {} 个条目，多于 Excel 反馈表可有的数量；{}"};
inline constexpr Message unsafe_entry{
    "the zip archive holds an entry named {}, a path that points outside the archive; this is not a file Excel "
    "writes: {}",
    "zip 压缩包中有名为 {} 的条目，其路径指向压缩包之外；这不是 Excel 写出的文件：{}"};
inline constexpr Message part_missing{"the part {} is missing from the file; {}", "文件中缺少部件 {}；{}"};
inline constexpr Message encrypted{
    "the file is encrypted (the part {} needs a password); save it as .xlsx without a "
    "password",
    "文件已加密（部件 {} 需要密码）；请另存为不带密码的 .xlsx 文件"};
inline constexpr Message inflates_too_much{
    "the file inflates to more than {} of data, more than a form holds (a zip bomb?); this file is not read",
    "文件解压后超过 {}，远超反馈表应有的大小（zip 炸弹？）；不读取此文件"};
inline constexpr Message inflates_too_many_fold{
    "the part {} inflates more than {}-fold (a zip bomb?); this is not a file Excel writes and is not read",
    "部件 {} 解压后膨胀超过 {} 倍（zip 炸弹？）；这不是 Excel 写出的文件，不予读取"};
inline constexpr Message sheet_without_part{
    "the sheet {} has no part in the file (relationship {} of xl/_rels/workbook.xml.rels); {}",
    "工作表 {} 在文件中没有对应的部件（xl/_rels/workbook.xml.rels 中的关系 {}）；{}"};

// The XML of a part (read.cpp); expat's own description stays English inside （…）.
inline constexpr Message doctype{
    "the part {} declares a DOCTYPE or entities, which Excel never writes (an XML attack?); this file is not read",
    "部件 {} 声明了 DOCTYPE 或实体，Excel 从不写这些（XML 攻击？）；不读取此文件"};
inline constexpr Message xml_damaged{"the part {} holds {} at line {}; {}", "部件 {0} 的第 {2} 行有{1}；{3}"};
inline constexpr Message xml_damaged_at{"{}: the part {} holds {} at line {}; {}",
                                        "{0}：部件 {1} 的第 {3} 行有{2}；{4}"};
inline constexpr Message xml_not_utf8{"text that is not valid UTF-8 ({})", "不是有效 UTF-8 的文本（{}）"};
inline constexpr Message xml_malformed{"XML that is not well-formed ({})", "格式不正确的 XML（{}）"};

// The workbook, its shared strings (read_parts.cpp) and its sheets (read_sheet.cpp).
inline constexpr Message too_many_sheets{"the workbook lists more than {} sheets; {}",
                                         "工作簿列出的工作表超过 {} 个；{}"};
inline constexpr Message too_many_strings{"the file holds more than {} shared strings, more than a form holds; {}",
                                          "文件含有超过 {} 个共享字符串，多于反馈表应有的数量；{}"};
inline constexpr Message at_shared_string{"shared string {}", "共享字符串 {}"};
inline constexpr Message at_sheet{"sheet {}", "工作表 {}"};
inline constexpr Message at_cell{"sheet {}, cell {}", "工作表 {}，单元格 {}"};
inline constexpr Message cell_too_long{"the cell holds more than {} of text; a form's cell holds a few lines",
                                       "单元格中的文字超过 {}；反馈表的单元格只应有几行文字"};
inline constexpr Message bad_row_number{"a row is numbered {}, not a row of Excel (1 to 1048576); {}",
                                        "有一行的行号为 {}，不是 Excel 的行号（1 到 1048576）；{}"};
inline constexpr Message row_after_last{"a row follows row 1048576, the last of Excel; {}",
                                        "第 1048576 行（Excel 的最后一行）之后还有行；{}"};
inline constexpr Message bad_cell_name{"a cell is named {}, not a cell of Excel (A1 to XFD1048576); {}",
                                       "有单元格名为 {}，不是 Excel 的单元格（A1 到 XFD1048576）；{}"};
inline constexpr Message cell_after_last{"a cell follows column XFD, the last of Excel; {}",
                                         "XFD 列（Excel 的最后一列）之后还有单元格；{}"};
inline constexpr Message bad_merge{"a merged range is {}, not a range of Excel; {}",
                                   "有合并区域为 {}，不是 Excel 的区域；{}"};
inline constexpr Message text_not_utf8{"the text is not valid UTF-8 ({}); {}", "文字不是有效的 UTF-8（{}）；{}"};
inline constexpr Message no_such_shared_string{"the cell names shared string {}, which the file does not have; {}",
                                               "单元格引用了共享字符串 {}，但文件中没有它；{}"};
inline constexpr Message bad_boolean{"a TRUE/FALSE cell holds {}; {}", "TRUE/FALSE 单元格中的值为 {}；{}"};
inline constexpr Message bad_cell_type{"the cell has the type {}, which Excel does not write; {}",
                                       "单元格的类型为 {}，Excel 不会写出这种类型；{}"};
inline constexpr Message bad_number{"a number cell holds {}; {}", "数字单元格中的值为 {}；{}"};
inline constexpr Message too_many_cells{
    "the file holds more than {} cells, more than a form holds; delete what is not the form",
    "文件含有超过 {} 个单元格，多于反馈表应有的数量；请删除不属于反馈表的内容"};
inline constexpr Message rows_beyond{
    "the sheet has values beyond row {}, more rows than a form has; delete the rows beyond",
    "工作表在第 {} 行之后还有内容，行数多于反馈表应有的行数；请删除多出的行"};
inline constexpr Message columns_beyond{
    "the sheet has values beyond column {} ({} columns), more than a form has; delete the columns beyond",
    "工作表在 {} 列（第 {} 列）之后还有内容，多于反馈表应有的列数；请删除多出的列"};
inline constexpr Message too_much_text{"the file holds more than {} of text, more than a form holds",
                                       "文件中的文字超过 {}，多于反馈表应有的内容"};

// Writing Excel files (form.cpp, lxw.cpp, writer_support.cpp, xlsx.cpp).
inline constexpr Message list_too_long{"the drop-down list \"{}\" is {} characters long, more than Excel allows ({})",
                                       "下拉列表“{}”长 {} 个字符，超过了 Excel 允许的上限（{}）"};
inline constexpr Message no_xlsxwriter{
    "cannot write Excel files: {} (install the Debian package libxlsxwriter4, e.g. with scripts/setup-deps.sh)",
    "无法写出 Excel 文件：{}（请安装 Debian 软件包 libxlsxwriter4，例如运行 scripts/setup-deps.sh）"};
inline constexpr Message library_not_found{"{} was not found ({})", "找不到 {}（{}）"};
inline constexpr Message library_lacks{"{} has no function {}", "{} 中没有函数 {}"};
inline constexpr Message cannot_read_back{"cannot read back the Excel file written in {}",
                                          "无法读回写在 {} 中的 Excel 文件"};
inline constexpr Message no_work_dir{
    "cannot make a working directory in {} for the Excel file; set TMPDIR to a writable directory",
    "无法在 {} 中为 Excel 文件建立工作目录；请把 TMPDIR 设为可写的目录"};
inline constexpr Message cannot_start{"cannot start an Excel file in {}", "无法在 {} 中新建 Excel 文件"};
inline constexpr Message cannot_add_sheet{"cannot add the sheet {} to the Excel file",
                                          "无法向 Excel 文件添加工作表 {}"};
inline constexpr Message cannot_write{"cannot write the Excel file ({}): {}", "无法写出 Excel 文件（{}）：{}"};
inline constexpr Message cell_over_limit{
    "sheet \"{}\", row {}, column \"{}\": {} characters, more than an Excel cell holds ({}); use --format csv or json",
    "工作表“{}”第 {} 行“{}”列：{} 个字符，超过 Excel 单元格的容量（{}）；请改用 --format csv 或 json"};

}  // namespace dormlink::xlsx::msg
