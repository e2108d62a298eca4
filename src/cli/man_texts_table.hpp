#pragma once
// The table of man_texts.hpp, in two files for the file-size rule: the commands from init to
// check, and from calendar on (the order of `dormlink --help`).

#include <span>

#include "cli/man_texts.hpp"

namespace dormlink::cli {

std::span<const ManText> man_texts_first();   // man_texts_first.cpp
std::span<const ManText> man_texts_second();  // man_texts_second.cpp

}  // namespace dormlink::cli
