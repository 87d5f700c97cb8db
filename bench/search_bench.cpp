// In-process search latency: every query of QUERIES (one per line) ROUNDS times against an
// index, first 10 hits with snippets. Prints median, p90 and p99 in milliseconds, and the hits
// per query as a check that the work was done. With --per-query, each query's median and p90
// (wall clock), its median CPU time, and what one search of it cost (tiers, Xapian matches,
// candidates, texts checked, articles decoded). Timings are reported, never asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <ctime>
#include <string>
#include <vector>

#include "guarded_main.h"
#include "search.h"

namespace {

// The calling thread's CPU time in milliseconds: on a loaded machine, steadier than the wall clock.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double at_share(const std::vector<double>& sorted, double share) {
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(static_cast<double>(sorted.size()) * share))];
}

int run(int argc, char** argv) {
  std::vector<std::string> args;
  bool per_query = false;
  for (int a = 1; a < argc; ++a) {
    if (std::strcmp(argv[a], "--per-query") == 0) per_query = true;
    else args.emplace_back(argv[a]);
  }
  if (args.size() < 2) {
    std::fprintf(stderr, "usage: search_bench DB QUERIES [ROUNDS] [--per-query]\n");
    return 2;
  }
  const int rounds = args.size() > 2 ? std::atoi(args[2].c_str()) : 20;
  if (rounds < 1) throw std::runtime_error("ROUNDS must be a positive number, not '" + args[2] + "'");
  std::vector<std::string> queries;
  std::ifstream in(args[1]);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) queries.push_back(line);
  if (queries.empty()) throw std::runtime_error("no queries in " + args[1]);
  lawref::IndexStore store(args[0]);
  lawref::Searcher searcher(store);
  std::vector<lawref::SearchResult> first;
  for (const std::string& q : queries) {  // warm-up, and the check
    lawref::SearchOptions o;
    o.query = q;
    first.push_back(searcher.search(o));
    const auto& r = first.back();
    if (!per_query) std::printf("  %-24s %6zu provisions%s\n", q.c_str(), r.total, r.total_exact ? "" : " (estimate)");
  }
  std::vector<double> ms, cpu;
  std::vector<std::vector<double>> by_query(queries.size()), cpu_by_query(queries.size());
  for (int round = 0; round < rounds; ++round)
    for (std::size_t k = 0; k < queries.size(); ++k) {
      lawref::SearchOptions o;
      o.query = queries[k];
      const double c = thread_cpu_ms();
      const auto a = std::chrono::steady_clock::now();
      searcher.search(o);
      const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
      cpu.push_back(thread_cpu_ms() - c);
      ms.push_back(t);
      by_query[k].push_back(t);
      cpu_by_query[k].push_back(cpu.back());
    }
  if (per_query) {
    std::printf("  %-24s %8s %8s %8s %6s %5s %7s %10s %8s %7s\n", "query", "median", "p90", "cpu med", "total", "tiers", "matches", "candidates", "verified",
                "decoded");
    for (std::size_t k = 0; k < queries.size(); ++k) {
      std::sort(by_query[k].begin(), by_query[k].end());
      std::sort(cpu_by_query[k].begin(), cpu_by_query[k].end());
      const lawref::SearchResult& r = first[k];
      std::printf("  %-24s %8.2f %8.2f %8.2f %6zu %5zu %7zu %10zu %8zu %7zu\n", queries[k].c_str(), at_share(by_query[k], 0.5), at_share(by_query[k], 0.9),
                  at_share(cpu_by_query[k], 0.5), r.total, r.tiers.size(), r.work.matches, r.work.candidates, r.work.verified, r.work.decoded);
    }
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("CPU time of the searching thread: median %.2f ms, p90 %.2f ms\n", at_share(cpu, 0.5), at_share(cpu, 0.9));
  std::printf("lawref search in-process: %zu queries, median %.2f ms, p90 %.2f ms, p99 %.2f ms\n", ms.size(), at_share(ms, 0.5), at_share(ms, 0.9),
              at_share(ms, 0.99));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return lawref::bench::guarded_main("search_bench", [&] { return run(argc, argv); });
}
