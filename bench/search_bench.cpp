// In-process search latency: every query of QUERIES (one per line) ROUNDS times against an
// index, first 10 hits with snippets. Prints median and p99 in milliseconds, and the hits
// per query as a check that the work was done. Timings are reported, never asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "guarded_main.h"
#include "search.h"

namespace {

int run(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: search_bench DB QUERIES [ROUNDS]\n");
    return 2;
  }
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 20;
  std::vector<std::string> queries;
  std::ifstream in(argv[2]);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) queries.push_back(line);
  if (queries.empty()) throw std::runtime_error(std::string("no queries in ") + argv[2]);
  lawref::IndexStore store(argv[1]);
  lawref::Searcher searcher(store);
  std::vector<double> ms;
  for (const std::string& q : queries) {  // warm-up, and the check
    lawref::SearchOptions o;
    o.query = q;
    const auto r = searcher.search(o);
    std::printf("  %-24s %6zu provisions%s\n", q.c_str(), r.total, r.total_exact ? "" : " (estimate)");
  }
  for (int round = 0; round < rounds; ++round)
    for (const std::string& q : queries) {
      lawref::SearchOptions o;
      o.query = q;
      const auto a = std::chrono::steady_clock::now();
      searcher.search(o);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
  std::sort(ms.begin(), ms.end());
  std::printf("lawref search in-process: %zu queries, median %.2f ms, p99 %.2f ms\n", ms.size(), ms[ms.size() / 2], ms[ms.size() * 99 / 100]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return lawref::bench::guarded_main("search_bench", [&] { return run(argc, argv); });
}
