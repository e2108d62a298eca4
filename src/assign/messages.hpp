#pragma once
// The assign module's messages in both languages (docs/messages.md): why an instance has no
// assignment (diagnose.cpp) and the suggestions verified by solving (relax.cpp). Config keys,
// ids and dorm codes stay as they are. English plurals ("s", "needs"/"need", "is"/"are") are
// arguments that the Chinese text leaves out with an empty field ({3:.0}).

#include "dormlink/language.hpp"

namespace dormlink::assign::msg {

// Pieces of the findings: a gender, grades, a bounded list.
inline constexpr Words women{"女生", "women"};
inline constexpr Words men{"男生", "men"};
inline constexpr Message grade_one{"grade-{}", "{} 年级"};
inline constexpr Message grade_range{"grade-{} to grade-{}", "{} 至 {} 年级"};
inline constexpr Message none{"none", "无"};
inline constexpr Words list_separator{"、", ", "};
inline constexpr Words part_separator{"；", "; "};
inline constexpr Message and_more{"{} and {} more", "{}，另有 {} 个"};

// The counts per gender and grade that rule every assignment out (diagnose.cpp).
inline constexpr Message senior_capacity{
    "{}, grade-{} dorms: {} dorm{} {} grade-{} {} members; {} such member{} can take at most {}",
    "{0}，{1} 年级寝室：{2} 间寝室{3:.0}{4:.0}需要 {5} 年级的{6}党员；符合条件的党员 {7} 名{8:.0}，最多只能联系 {9} "
    "间"};
inline constexpr Message junior_capacity{
    "{}, {} dorms: {} dorm{} {} {} members of grade {} or above; {} such member{} can take at most {}",
    "{0}，{1}寝室：{2} 间寝室{3:.0}{4:.0}需要 {6} 年级及以上的{5}党员；符合条件的党员 {7} 名{8:.0}，最多只能联系 {9} "
    "间"};
inline constexpr Message junior_capacity_after_seniors{
    "{}, {} dorms: {} dorm{} {} {} members of grade {} or above; {} such member{} can take at most {} after the "
    "senior dorms of their own grade",
    "{0}，{1}寝室：{2} 间寝室{3:.0}{4:.0}需要 {6} 年级及以上的{5}党员；符合条件的党员 {7} "
    "名{8:.0}，联系完本年级的高年级寝室后，最多只能再联系 {9} 间"};
inline constexpr Message junior_demand{
    "{}, {} members: {} member{} {} at least {} dorm{}; only {} {} dorm{} of grade {} or below can take them",
    "{0}，{1}党员：{2} 名党员{3:.0}{4:.0}至少需要 {5} 间寝室{6:.0}；而他们能联系的 {10} 年级及以下{8}寝室只有 {7} "
    "间{9:.0}"};
inline constexpr Message senior_demand{
    "{}, grade-{} members: {} member{} {} at least {} dorm{}; only {} grade-{} {} dorm{} and {} junior {} dorm{} can "
    "take them",
    "{0}，{1} 年级党员：{2} 名党员{3:.0}{4:.0}至少需要 {5} 间寝室{6:.0}；而他们能联系的只有 {8} 年级{9}寝室 {7} "
    "间{10:.0}和低年级{12}寝室 {11} 间{13:.0}"};
inline constexpr Message gender_demand{"{} members: {} member{} {} at least {} dorm{}; only {} {} dorm{} exist",
                                       "{0}党员：{1} 名党员{2:.0}{3:.0}至少需要 {4} 间寝室{5:.0}；而{7}寝室只有 {6} "
                                       "间{8:.0}"};
// A count's finding, then the dorms and members it counts.
inline constexpr Message named{"{}; dorms: {}; members: {}", "{}；涉及的寝室：{}；涉及的党员：{}"};
inline constexpr Message min_above_max{"min_dorms {} is greater than max_dorms {}", "min_dorms {} 大于 max_dorms {}"};
inline constexpr Message nobody_can_take{"no member can take {}, grade-{} dorms {}",
                                         "没有党员能联系 {1} 年级{0}寝室 {2}"};

// Pins (--pin) and forbids (--forbid).
inline constexpr Message female_for_male{"a female member for a male dorm", "女生党员不能联系男生寝室"};
inline constexpr Message male_for_female{"a male member for a female dorm", "男生党员不能联系女生寝室"};
inline constexpr Message lower_grade{"a grade-{} member for a grade-{} dorm",
                                     "{} 年级党员不能联系更高年级（{} 年级）的寝室"};
inline constexpr Message senior_needs_own_grade{
    "a grade-{} member for a senior grade-{} dorm, which needs a grade-{} member",
    "{} 年级党员不能联系 {} 年级的高年级寝室，该寝室须由 {} 年级党员联系"};
inline constexpr Message pin_no_member{"pin {}:{}: no member {} in scope", "--pin {}:{}：范围内没有党员 {}"};
inline constexpr Message pin_no_dorm{"pin {}:{}: no dorm {} in scope (a dorm needs a current resident)",
                                     "--pin {}:{}：范围内没有寝室 {}（寝室须有当前住户）"};
inline constexpr Message pin_incompatible{"pin {}:{}: {}", "--pin {}:{}：{}"};
inline constexpr Message pin_forbidden{"pin {}:{} is also forbidden", "--pin {}:{} 同时又被 --forbid 禁止"};
inline constexpr Message dorm_pinned_twice{"dorm {} is pinned to {} members: {}",
                                           "寝室 {} 被 --pin 固定给了 {} 名党员：{}"};
inline constexpr Message member_pinned_over{"member {} is pinned to {} dorms; max_dorms is {}",
                                            "党员 {} 被 --pin 固定了 {} 间寝室；而 max_dorms 为 {}"};
inline constexpr Message pins_list{"pins {}", "固定配对 --pin {}"};
inline constexpr Message forbids_list{"forbids {}", "禁止配对 --forbid {}"};
inline constexpr Message counts_leave_room{
    "the counts per gender and grade leave room, yet no assignment gives every member between min_dorms and "
    "max_dorms dorms at once",
    "按性别和年级计数尚有余地，但没有任何分配能让每名党员都联系 min_dorms 至 max_dorms 间寝室"};
inline constexpr Message counts_leave_room_pins{
    "the counts per gender and grade leave room, yet no assignment meets these pins and forbids together: {}",
    "按性别和年级计数尚有余地，但没有任何分配能同时满足这些固定和禁止的配对：{}"};

// Suggestions, each verified by solving (relax.cpp).
inline constexpr Message together{"together: {}", "需同时调整：{}"};
inline constexpr Message raise_max_dorms{"raise max_dorms to {} (assignment.max_dorms = {})",
                                         "把 max_dorms 提高到 {}（assignment.max_dorms = {}）"};
inline constexpr Message include_candidates{
    "include candidates (assignment.candidates_take_dorms = true): {} candidate{} {} left out",
    "让发展对象也联系寝室（assignment.candidates_take_dorms = true）：目前有 {0} 名发展对象{1:.0}{2:.0}未参与"};
inline constexpr Message raise_senior_from_grade{
    "relax H5: raise senior_from_grade to {} (assignment.senior_from_grade = {}), so that {} dorms may have a member "
    "of a higher grade",
    "放宽 H5：把 senior_from_grade 提高到 {}（assignment.senior_from_grade = {}），让 {}寝室也可由更高年级的党员联系"};
inline constexpr Message lower_min_dorms{"lower min_dorms to {} (assignment.min_dorms = {})",
                                         "把 min_dorms 降低到 {}（assignment.min_dorms = {}）"};
inline constexpr Message drop_pins{"drop the pins named above ({})", "去掉上面指出的 --pin 配对（{}）"};
inline constexpr Message nothing_helps{
    "even max_dorms = {}, min_dorms = {} and senior_from_grade = {} leave no assignment: no change of these "
    "settings, alone or together, is enough",
    "即使 max_dorms = {}、min_dorms = {}、senior_from_grade = {}，也没有可行的分配：单独或同时调整这几项设置都不够"};
inline constexpr Message nothing_helps_candidates{
    "even max_dorms = {}, min_dorms = {} and senior_from_grade = {}, with or without the {} candidate{} left out, "
    "leave no assignment: no change of these settings, alone or together, is enough",
    "即使 max_dorms = {}、min_dorms = {}、senior_from_grade = {}，无论是否纳入未参与的 {} 名发展对象{:.0}，"
    "也没有可行的分配：单独或同时调整这几项设置都不够"};
inline constexpr Message nothing_helps_pins{
    "even max_dorms = {}, min_dorms = {} and senior_from_grade = {}, without the pins named above, leave no "
    "assignment: no change of these settings, alone or together, is enough",
    "即使 max_dorms = {}、min_dorms = {}、senior_from_grade = {}，并去掉上面指出的 --pin "
    "配对，也没有可行的分配：单独或同时调整这几项设置都不够"};
inline constexpr Message nothing_helps_candidates_pins{
    "even max_dorms = {}, min_dorms = {} and senior_from_grade = {}, with or without the {} candidate{} left out, "
    "without the pins named above, leave no assignment: no change of these settings, alone or together, is enough",
    "即使 max_dorms = {}、min_dorms = {}、senior_from_grade = {}，无论是否纳入未参与的 {} 名发展对象{:.0}，"
    "并去掉上面指出的 --pin 配对，也没有可行的分配：单独或同时调整这几项设置都不够"};

}  // namespace dormlink::assign::msg
