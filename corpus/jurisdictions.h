// China's provincial-level jurisdictions: the name titles start with, the id lawref uses
// (official romanisation: shaanxi for 陕西, shanxi for 山西) and the ISO 3166-2 code that
// Akoma Ntoso uses as the country of a local act (cn-cq).
#pragma once
#include <string>
#include <string_view>

namespace lawref {

struct Jurisdiction {
  const char* name_zh;  // 重庆市
  const char* id;       // chongqing
  const char* iso;      // cn-cq
};

// The jurisdiction whose name `title` starts with (重庆市…, 广东省…, 深圳经济特区… is not one).
const Jurisdiction* jurisdiction_of_title(std::string_view title);
// By the short name a folder uses (广东 in DLC/广东地方法规) or by full name.
const Jurisdiction* jurisdiction_by_name(std::string_view name);
const Jurisdiction* jurisdiction_by_id(std::string_view id);

// "cn" for national, the ISO code for a known jurisdiction, "cn" otherwise.
std::string akn_country(std::string_view jurisdiction_id);

}  // namespace lawref
