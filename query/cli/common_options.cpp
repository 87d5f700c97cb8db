#include "common_options.h"

#include "index_freshness.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <unistd.h>

#include "exit_codes.h"
#include "index_builder.h"
#include "paths.h"

namespace lawref::cli {

void CorpusOptions::add_to(CLI::App& app) {
  app.add_option("--sources", sources,
                 "Statute folders or files to read, repeatable (default: $LAWREF_SOURCES, else ../shared/corpus/core and local)")
      ->type_name("DIR")
      ->allow_extra_args(false);  // one value per --sources, so a citation after it stays a citation
  app.add_option("--db", db, "Index location (default: $LAWREF_DB, else <lawref home>/index)")->type_name("PATH");
  app.add_flag("--no-imported", no_imported, "Ignore texts imported with `lawref import`");
}

void CorpusOptions::add_index_option(CLI::App& app) {
  app.add_option("--db", db, "Index location (default: $LAWREF_DB, else <lawref home>/index); build it with lawref index --sources …")
      ->type_name("PATH");
}

CatalogOptions CorpusOptions::catalog_options() const {
  CatalogOptions o;
  if (sources.empty()) o.sources = paths::default_sources();
  else o.sources.assign(sources.begin(), sources.end());
  if (!no_imported) o.imported_dir = paths::imported_dir();
  return o;
}

int refuse_sources_with_db(const CorpusOptions& corpus) {
  if (corpus.sources.empty() || corpus.db.empty()) return exit_code::kOk;
  return fail(exit_code::kBadInput, "--sources reads the texts themselves and --db an index: give one of the two");
}

std::unique_ptr<IndexStore> open_index(const CorpusOptions& corpus, int& code) {
  const std::filesystem::path db = corpus.db.empty() ? default_db_path() : std::filesystem::path(corpus.db);
  try {
    return std::make_unique<IndexStore>(db);
  } catch (const IndexOpenError& e) {
    code = fail(exit_code::kCorpusProblem, e.what());
    return nullptr;
  }
}

bool color_output() { return ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"); }

bool parse_kinds(const std::vector<std::string>& names, std::set<links::LinkKind>& kinds) {
  for (const std::string& n : names) {
    const auto k = links::parse_link_kind(n);
    if (!k) {
      fail(exit_code::kBadInput, "unknown link kind '" + n + "' (internal, external, unresolved, version, implements)");
      return false;
    }
    kinds.insert(*k);
  }
  return true;
}

int fail(int code, const std::string& message) {
  std::cerr << "lawref: " << message << "\n";
  return code;
}

namespace {

// std::cout's buffer when standard output is not a terminal: blocks to fd 1, keeping the
// first failed write's errno (stdio forgets it once it drops the failed buffer). After a
// failure the rest is dropped: a reader that went away need not be written to again.
class CheckedStdout : public std::streambuf {
 public:
  CheckedStdout() { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    for (const char* p = pbase(); error_ == 0 && p < pptr();) {
      const ssize_t n = ::write(STDOUT_FILENO, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) error_ = errno;
      else p += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return error_ == 0;
  }
  char buffer_[1 << 16];
  int error_ = 0;
};

CheckedStdout* checked_stdout = nullptr;

}  // namespace

void check_output() {
  // A terminal keeps stdio's line buffering, so output and errors stay in order on screen.
  if (checked_stdout || ::isatty(STDOUT_FILENO)) return;
  // Never destroyed: std::cout is flushed once more after main returns.
  checked_stdout = new CheckedStdout;
  std::cout.rdbuf(checked_stdout);
}

int finish_output(int code) {
  std::cout.flush();
  int error = checked_stdout ? checked_stdout->error() : 0;
  if (!checked_stdout) {
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) error = errno ? errno : EIO;
  }
  if (error == 0 && std::cout.good()) return code;
  if (error == EPIPE) return code;  // `lawref … | head`: the reader has what it wanted
  fail(exit_code::kCorpusProblem, std::string("cannot write to standard output: ") + std::strerror(error ? error : EIO));
  return std::max(code, exit_code::kCorpusProblem);
}

int warn_if_stale(const IndexStore& index, const std::vector<std::string>& laws) {
  std::vector<StaleText> stale = stale_texts(index, laws);
  for (StaleText& s : changed_folders(index)) stale.push_back(std::move(s));
  for (const StaleText& s : stale) std::cerr << "lawref: warning: " << s.message() << "; " << kRebuildAdvice << "\n";
  return stale.empty() ? exit_code::kOk : exit_code::kCorpusProblem;
}

}  // namespace lawref::cli
