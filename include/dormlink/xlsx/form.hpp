#pragma once
// The member's blank feedback form as an Excel workbook (docs/forms.md "Blank forms out"):
// the sheet 反馈表 (title, header label/value cells, instructions, the table with its drop-down
// lists, 本期无联系), the sheet 寝室学生 (residents, phones masked) and the hidden sheet
// _dormlink (the ids a returned file is matched by). The same form and date give the same bytes.
//
// 反馈表 with the form's eight fields: A1 the title (merged A1:G1); rows 2-5 two fields each,
// label in A and value in B (merged B:C), label in D and value in E (merged E:G); A6 the
// instructions (merged A6:G6); row 7 the table's header; rows 8-37 the blank rows with their
// lists; A39 本期无联系 and its value in B39.

#include <string>

#include "dormlink/report/blank_form.hpp"
#include "dormlink/xlsx/xlsx.hpp"

namespace dormlink::xlsx {

// The workbook's bytes (options.created: the generation date). Throws IoError when the working
// files cannot be written, DataError when a drop-down list is longer than Excel allows.
std::string render_blank_form(const report::BlankForm& form, const Options& options);

}  // namespace dormlink::xlsx
