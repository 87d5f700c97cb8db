#include "jurisdictions.h"

namespace lawref {
namespace {

constexpr Jurisdiction kAll[] = {
    {"北京市", "beijing", "cn-bj"},       {"天津市", "tianjin", "cn-tj"},
    {"河北省", "hebei", "cn-he"},         {"山西省", "shanxi", "cn-sx"},
    {"内蒙古自治区", "neimenggu", "cn-nm"}, {"辽宁省", "liaoning", "cn-ln"},
    {"吉林省", "jilin", "cn-jl"},         {"黑龙江省", "heilongjiang", "cn-hl"},
    {"上海市", "shanghai", "cn-sh"},      {"江苏省", "jiangsu", "cn-js"},
    {"浙江省", "zhejiang", "cn-zj"},      {"安徽省", "anhui", "cn-ah"},
    {"福建省", "fujian", "cn-fj"},        {"江西省", "jiangxi", "cn-jx"},
    {"山东省", "shandong", "cn-sd"},      {"河南省", "henan", "cn-ha"},
    {"湖北省", "hubei", "cn-hb"},         {"湖南省", "hunan", "cn-hn"},
    {"广东省", "guangdong", "cn-gd"},     {"广西壮族自治区", "guangxi", "cn-gx"},
    {"海南省", "hainan", "cn-hi"},        {"重庆市", "chongqing", "cn-cq"},
    {"四川省", "sichuan", "cn-sc"},       {"贵州省", "guizhou", "cn-gz"},
    {"云南省", "yunnan", "cn-yn"},        {"西藏自治区", "xizang", "cn-xz"},
    {"陕西省", "shaanxi", "cn-sn"},       {"甘肃省", "gansu", "cn-gs"},
    {"青海省", "qinghai", "cn-qh"},       {"宁夏回族自治区", "ningxia", "cn-nx"},
    {"新疆维吾尔自治区", "xinjiang", "cn-xj"},
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// 广东省 -> 广东, 内蒙古自治区 -> 内蒙古, 广西壮族自治区 -> 广西.
std::string_view short_name(std::string_view full) {
  for (std::string_view suffix : {"壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"})
    if (full.size() > suffix.size() && full.substr(full.size() - suffix.size()) == suffix)
      return full.substr(0, full.size() - suffix.size());
  return full;
}

}  // namespace

const Jurisdiction* jurisdiction_of_title(std::string_view title) {
  for (const Jurisdiction& j : kAll)
    if (starts_with(title, j.name_zh)) return &j;
  return nullptr;
}

const Jurisdiction* jurisdiction_by_name(std::string_view name) {
  for (const Jurisdiction& j : kAll)
    if (name == j.name_zh || name == short_name(j.name_zh)) return &j;
  return nullptr;
}

const Jurisdiction* jurisdiction_by_id(std::string_view id) {
  for (const Jurisdiction& j : kAll)
    if (id == j.id) return &j;
  return nullptr;
}

std::string akn_country(std::string_view jurisdiction_id) {
  const Jurisdiction* j = jurisdiction_by_id(jurisdiction_id);
  return j ? j->iso : "cn";
}

}  // namespace lawref
