// In-process lookup latency: parse + resolve + find, over a fixed list of citations in
// every supported form. Prints median and p99 in microseconds. Timings are reported,
// never asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "guarded_main.h"
#include "law_store.h"
#include "lookup.h"
#include "paths.h"

namespace {

int run(int argc, char** argv) {
  using clock = std::chrono::steady_clock;
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 200;
  const char* citations[] = {
      "反间谍法第十四条", "《中华人民共和国国家安全法》第七十七条第一款", "国家安全法第77条", "反间谍法第四条第一款第（三）项",
      "反間諜法第十四條", "Counter-Espionage Law Article 14", "Counterespionage Law art. 14(1)", "CEL art 14",
      "National Security Law art. 77(1)(3)", "Art. 7 National Intelligence Law", "NSL 77", "cel-2023/art4/para1/item3",
      "cel-2023 14", "2014年反间谍法第三十八条", "CEL (2014) art. 38", "反间谍法第七十二条", "网络安全法第一条",
  };
  const auto t0 = clock::now();
  lawref::CatalogStore store(lawref::Catalog::scan(lawref::Registry::builtin(), {lawref::paths::default_sources(), {}}));
  lawref::Lookup lookup(store);
  for (const char* c : citations) lookup.find(c, "2026-11-23");  // warm the text cache
  const auto t1 = clock::now();
  std::vector<double> us;
  for (int r = 0; r < rounds; ++r)
    for (const char* c : citations) {
      const auto a = clock::now();
      const auto result = lookup.find(c, "2026-11-23");
      const auto b = clock::now();
      if (result.status == lawref::LookupStatus::BadInput) return 1;
      us.push_back(std::chrono::duration<double, std::micro>(b - a).count());
    }
  std::sort(us.begin(), us.end());
  std::printf("lookup in-process: %zu lookups, median %.1f us, p99 %.1f us (catalog + first parse of each law: %.1f ms)\n",
              us.size(), us[us.size() / 2], us[us.size() * 99 / 100],
              std::chrono::duration<double, std::milli>(t1 - t0).count());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return lawref::bench::guarded_main("lookup_bench", [&] { return run(argc, argv); });
}
