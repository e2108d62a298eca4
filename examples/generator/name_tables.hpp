#pragma once
// The name material of the example college: common Chinese surnames weighted by frequency
// (per ten thousand people, rounded) and a few hundred common given-name characters. Every
// character is in GBK, so a GBK roster can hold every generated name.

#include <array>
#include <string_view>

namespace dormlink::gen {

// A surname and its weight (people per ten thousand, roughly).
struct WeightedSurname {
  std::string_view surname;
  int weight;
};

// The hundred most common surnames plus a few compound ones.
inline constexpr std::array<WeightedSurname, 104> k_surnames = {{
    {"王", 710}, {"李", 700}, {"张", 670}, {"刘", 540}, {"陈", 450}, {"杨", 310}, {"黄", 220}, {"赵", 200}, {"吴", 180},
    {"周", 170}, {"徐", 130}, {"孙", 130}, {"马", 120}, {"朱", 110}, {"胡", 110}, {"郭", 110}, {"何", 100}, {"林", 100},
    {"高", 100}, {"罗", 90},  {"郑", 80},  {"梁", 80},  {"谢", 70},  {"宋", 60},  {"唐", 60},  {"许", 60},  {"韩", 60},
    {"冯", 60},  {"邓", 60},  {"曹", 50},  {"彭", 50},  {"曾", 50},  {"肖", 50},  {"田", 50},  {"董", 50},  {"袁", 40},
    {"潘", 40},  {"于", 40},  {"蒋", 40},  {"蔡", 40},  {"余", 40},  {"杜", 40},  {"叶", 40},  {"程", 40},  {"苏", 30},
    {"魏", 30},  {"吕", 30},  {"丁", 30},  {"任", 30},  {"沈", 30},  {"姚", 30},  {"卢", 30},  {"姜", 30},  {"崔", 30},
    {"钟", 30},  {"谭", 30},  {"陆", 30},  {"汪", 30},  {"范", 30},  {"金", 30},  {"石", 20},  {"廖", 20},  {"贾", 20},
    {"夏", 20},  {"韦", 20},  {"付", 20},  {"方", 20},  {"白", 20},  {"邹", 20},  {"孟", 20},  {"熊", 20},  {"秦", 20},
    {"邱", 20},  {"江", 20},  {"尹", 20},  {"薛", 20},  {"闫", 20},  {"段", 20},  {"雷", 20},  {"侯", 20},  {"龙", 20},
    {"史", 20},  {"陶", 10},  {"黎", 10},  {"贺", 10},  {"顾", 10},  {"毛", 10},  {"郝", 10},  {"龚", 10},  {"邵", 10},
    {"万", 10},  {"钱", 10},  {"严", 10},  {"覃", 10},  {"武", 10},  {"戴", 10},  {"莫", 10},  {"孔", 10},  {"向", 10},
    {"汤", 10},  {"欧阳", 5}, {"上官", 2}, {"司马", 2}, {"诸葛", 2},
}};

// Given-name characters more often chosen for girls (each character is 3 bytes of UTF-8).
inline constexpr std::string_view k_female_chars =
    "婷静敏燕艳丽娟霞芳娜玲丹萍红洁琳雪颖倩琪晶慧莉莹璐瑶欣怡佳悦涵萱妍诗梦雨思雅婧蕾薇菲岚彤"
    "昕晴月秀兰凤梅娇媛婉蓉露珊茜楠馨雯瑾瑜璇妮曼琦嘉可心舒语晓艺紫若依冰清蓓菁钰婕珍纯卉莎茹"
    "玥姝娅黛巧淑惠影嫣滢琬柔蕊芸芷蔓晗梓沁歆漫瑞锦乐珂苗佩菡霏琼璟筱瑗盈婵娴蝶";

// Given-name characters more often chosen for boys.
inline constexpr std::string_view k_male_chars =
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭龙林阳建国峰亮成东博志轩然睿哲晨昊天"
    "泽翔锐森坤彬政毅航宏振晖威良海铭骏川豪扬栋奇峻松柏铮驰远崇凡锋钧鸿楷琛诚达德坚江立力民庆"
    "仁荣胜盛文武祥兴雄耀永长晋霖煜晟尧皓朗骁凌";

// Given-name characters used for both.
inline constexpr std::string_view k_neutral_chars = "一子文晓思安宁嘉佳雨梓可舒昕新怡欣鑫宇辰晨言知明心逸伊诺奕易亦";

}  // namespace dormlink::gen
