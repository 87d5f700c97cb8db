// Regression tests of issue 13 (hardening): concurrent builds, hostile XML, poisoned imports,
// honest exit codes, silent skips, unbounded inputs and leftovers. Each runs in seconds.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "akn_xml.h"
#include "catalog.h"
#include "citation_parser.h"
#include "file_io.h"
#include "importer.h"
#include "index_builder.h"
#include "index_limits.h"
#include "index_lock.h"
#include "registry.h"
#include "test_support.h"

using namespace lawref;
using lawref::test::CommandResult;
using lawref::test::run_lawref;
using lawref::test::TempDir;
namespace fs = std::filesystem;

namespace {

lawref::test::Env home_env(const TempDir& home) { return {{"LAWREF_HOME", home.path.string()}, {"LAWREF_SOURCES", ""}}; }
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

// A synthetic statute, marked as such in every article; the title is no registry law's.
std::string synthetic(const std::string& title, int articles) {
  std::string s = "# " + title + "\n\n2020年1月1日 合成测试会议通过\n\n";
  for (int i = 1; i <= articles; ++i) s += "第" + std::to_string(i) + "条 合成测试文本，并非任何法规原文。\n\n";
  return s;
}

// A folder of two small synthetic laws: an index of it builds in a fraction of a second.
fs::path small_sources(const TempDir& dir) {
  dir.write("src/合成测试甲条例.md", synthetic("某省合成测试甲条例", 5));
  dir.write("src/合成测试乙条例.md", synthetic("某省合成测试乙条例", 4));
  return dir.path / "src";
}

// Root can read anything: the permission tests run lawref without the capabilities that
// bypass file modes (setpriv), so that chmod 000 means for it what it means for a user.
// The command to run lawref under (none for a user who is not root); nothing when that is
// impossible (root without setpriv): those checks are then skipped.
std::optional<std::vector<std::string>> unprivileged() {
  if (::geteuid() != 0) return std::vector<std::string>();
  if (!lawref::test::find_program("setpriv")) return std::nullopt;
  return std::vector<std::string>{"setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"};
}

// lawref run as `home_env` says, under `wrapper`.
lawref::test::RunOptions as_user(const lawref::test::Env& env, const std::vector<std::string>& wrapper) {
  lawref::test::RunOptions o;
  o.env = env;
  o.wrapper = wrapper;
  return o;
}

// Runs lawref with its standard output going to `stdout_target` (a path such as /dev/full);
// returns exit code and standard error.
CommandResult run_to(const std::vector<std::string>& args, const lawref::test::Env& env, const fs::path& stdout_target,
                     const std::string& stdin_text = "") {
  lawref::test::RunOptions o;
  o.env = env;
  o.stdout_path = stdout_target;
  o.stdin_text = stdin_text;
  return run_lawref(args, o);
}

// Runs lawref writing into a pipe whose reader is already gone. With SIGPIPE ignored (as some
// parents leave it) every write fails with EPIPE; with the default the kernel stops lawref.
CommandResult run_into_closed_pipe(const std::vector<std::string>& args, const lawref::test::Env& env, bool ignore_sigpipe) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);  // no reader, ever
  lawref::test::RunOptions o;
  o.env = env;
  o.stdout_fd = fds[1];
  o.ignore_sigpipe = ignore_sigpipe;  // an ignored signal stays ignored across exec
  const CommandResult r = run_lawref(args, o);
  ::close(fds[1]);
  return r;
}

// A pid no process has: a child that has exited and been reaped.
pid_t dead_pid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

std::string nested(const std::string& open, const std::string& close, int depth) {
  std::string s;
  s.reserve(static_cast<std::size_t>(depth) * (open.size() + close.size() + 8));
  for (int i = 1; i <= depth; ++i) s += open + std::to_string(i) + "\">";
  for (int i = 1; i <= depth; ++i) s += close;
  return s;
}

std::string akn_document(const std::string& body) {
  return "<akomaNtoso><act name=\"deep\"><meta><identification><FRBRExpression><FRBRlanguage language=\"zho\"/></FRBRExpression>"
         "</identification></meta><preface><longTitle><p>深</p></longTitle></preface><body>" +
         body + "</body></act></akomaNtoso>";
}

}  // namespace

// ---- 1. concurrent builds ----

TEST_CASE("Simultaneous lawref index runs all succeed and leave one good index", "[hardening][lock][cli]") {
  TempDir home, dir;
  const fs::path sources = small_sources(dir);
  const auto start = std::chrono::steady_clock::now();
  constexpr int kRounds = 5, kBuilds = 3;
  for (int round = 0; round < kRounds; ++round) {
    INFO("round " << round);
    lawref::test::RunOptions options;
    options.env = home_env(home);
    std::vector<std::unique_ptr<lawref::test::Process>> builds;  // all running at once
    for (int b = 0; b < kBuilds; ++b)
      builds.push_back(std::make_unique<lawref::test::Process>(lawref::test::lawref_argv({"index", "-q", "--sources", sources.string()}), options));
    for (const auto& build : builds) {
      const CommandResult r = build->wait();
      CHECK(r.exit_code == 0);
      CHECK(r.err.empty());  // -q: not even the waiting note
    }
    // The index is there, it answers, and exactly one version is kept.
    REQUIRE(fs::is_directory(home.path / "index"));
    const auto r = run_lawref({"search", "合成测试"}, home_env(home));
    CHECK(r.exit_code == 0);
    CHECK(std::distance(fs::directory_iterator(home.path / "index.versions"), fs::directory_iterator()) == 1);
    CHECK_FALSE(fs::exists(home.path / "index.lock"));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  WARN(kRounds << " rounds of " << kBuilds << " simultaneous builds in " << seconds << " s");
}

TEST_CASE("A second build waits for the running one, and says so when it gives up", "[hardening][lock]") {
  TempDir dir;
  const fs::path sources = small_sources(dir);
  IndexOptions options;
  options.catalog.sources = {sources};
  options.db = dir.path / "index";
  long told = -1;
  options.waiting = [&told](long pid) { told = pid; };

  {
    const IndexLock held(options.db, std::chrono::milliseconds(0), {});
    options.lock_wait = std::chrono::milliseconds(300);
    try {
      build_index(Registry::builtin(), options);
      FAIL("the build ran although another one held the lock");
    } catch (const IndexError& e) {
      CHECK(contains(e.what(), "another lawref index (pid " + std::to_string(::getpid()) + ") is building"));
      CHECK(contains(e.what(), "try again when it has finished"));
    }
    CHECK(told == ::getpid());
    CHECK_FALSE(fs::exists(dir.path / "index.versions"));  // it wrote nothing
  }

  // Released while the second build waits: that build then runs.
  told = -1;
  options.lock_wait = std::chrono::seconds(30);
  auto held = std::make_unique<IndexLock>(options.db, std::chrono::milliseconds(0), std::function<void(long)>{});
  std::thread release([&held] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    held.reset();
  });
  const IndexSummary s = build_index(Registry::builtin(), options);
  release.join();
  CHECK(told == ::getpid());
  CHECK(s.articles == 9);
  CHECK(fs::is_symlink(options.db));
}

TEST_CASE("The waiting build says which build it waits for, then builds", "[hardening][lock][cli]") {
  TempDir home, dir;
  const fs::path sources = small_sources(dir);
  auto held = std::make_unique<IndexLock>(home.path / "index", std::chrono::milliseconds(0), std::function<void(long)>{});
  lawref::test::RunOptions options;
  options.env = home_env(home);
  options.stderr_path = dir.path / "err";  // read while it runs
  lawref::test::Process build(lawref::test::lawref_argv({"index", "--sources", sources.string()}), options);
  // Its note, once it has written one (a fixed 600 ms was too short on a loaded machine).
  const std::string note = "lawref: note: another lawref index (pid " + std::to_string(::getpid()) + ") is building " +
                           (home.path / "index").string() + "; waiting for it to finish\n";
  for (int tries = 0; tries < 300 && read_file(dir.path / "err").size() < note.size(); ++tries)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(read_file(dir.path / "err") == note);
  CHECK_FALSE(fs::exists(home.path / "index"));  // still waiting
  held.reset();
  CHECK(build.wait().exit_code == 0);
  CHECK(fs::is_symlink(home.path / "index"));
}

// ---- 2. hostile XML ----

TEST_CASE("Deeply nested Akoma Ntoso is refused with one line, fast, never a stack overflow", "[hardening][xml]") {
  const auto start = std::chrono::steady_clock::now();
  // What crashed lawref: about 11,000 nested chapters (370 KB), 50,000 nested points.
  const std::string chapters = akn_document(nested("<chapter eId=\"chp_", "</chapter>", 11000));
  REQUIRE(chapters.size() > 300000);
  try {
    (void)from_akn_xml(chapters);
    FAIL("accepted 11,000 nested chapters");
  } catch (const AknError& e) {
    CHECK(std::string(e.what()) == "<chapter> nested 5 divisions deep (a statute has at most 4: 编, 分编, 章, 节)");
  }
  const std::string points = akn_document("<article eId=\"art_1\"><num>第一条</num><paragraph eId=\"art_1__para_1\"><intro><p>x</p></intro>" +
                                          nested("<point eId=\"p_", "</point>", 50000) + "</paragraph></article>");
  try {
    (void)from_akn_xml(points);
    FAIL("accepted 50,000 nested points");
  } catch (const AknError& e) {
    CHECK(std::string(e.what()) == "<point> nested 3 deep (a statute has at most 2: 项 and 目)");
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("A statute as deep as statutes go (编 分编 章 节, 项 目) still round-trips", "[hardening][xml]") {
  const ParseResult r = import_statute_bytes(
      "# 某省合成测试条例\n\n第一编 总则\n\n第一分编 通则\n\n第一章 一般规定\n\n第一节 基本原则\n\n"
      "第一条 合成测试文本，下列事项：\n（一）甲事项：\n1. 子目；\n2. 丑目；\n（二）乙事项。\n\n第二条 合成测试文本。\n");
  REQUIRE(r.ok());
  REQUIRE(r.law.divisions.size() == 4);
  REQUIRE(r.law.articles[0].paragraphs[0].items[0].children.size() == 2);
  LawText law = r.law;
  law.law_id = "moushenghechengceshitiaoli";
  CHECK(from_akn_xml(to_akn_xml(law)) == law);
}

TEST_CASE("Deep XML in <home>/imported: laws, check, show and index report it and go on", "[hardening][xml][cli]") {
  TempDir home, dir;
  const fs::path sources = small_sources(dir);
  home.write("imported/deep.zh.xml", akn_document(nested("<chapter eId=\"chp_", "</chapter>", 11000)));
  const std::string src = sources.string();
  auto r = run_lawref({"laws", "--sources", src}, home_env(home));
  CHECK(r.exit_code == 0);
  CHECK(r.err == "lawref: warning: skipped 1 path: " + (home.path / "imported/deep.zh.xml").string() +
                     ": <chapter> nested 5 divisions deep (a statute has at most 4: 编, 分编, 章, 节)\n");
  r = run_lawref({"check", "-q", "--sources", src}, home_env(home));
  CHECK(r.exit_code == 3);
  CHECK(contains(r.out, "nested 5 divisions deep"));
  r = run_lawref({"show", "--sources", src, "某省合成测试甲条例第二条"}, home_env(home));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "nested 5 divisions deep"));
  r = run_lawref({"index", "--sources", src}, home_env(home));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "skipped 1 path: " + (home.path / "imported/deep.zh.xml").string()));
  CHECK(run_lawref({"search", "合成测试"}, home_env(home)).exit_code == 0);
}

// ---- 3. what the index cannot hold ----

TEST_CASE("import refuses an article or a word the index cannot hold (exit 2)", "[hardening][limits][cli]") {
  TempDir home, dir;
  // Chinese text: one article of 1.2 MB (400,000 characters of 3 bytes).
  std::string text = "# 某省合成测试条例\n\n第一条 ";
  for (int i = 0; i < 400000; ++i) text += "长";
  const auto chinese = dir.write("long.md", text + "。\n");
  auto r = run_lawref({"import", chinese.string()}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err == chinese.string() + ": error: 第一条 has 1,200,012 bytes of text; the index holds at most 1,048,576 per article\n");
  CHECK_FALSE(fs::exists(home.path / "imported"));

  const auto word = dir.write("word.md", "# 某省合成测试条例\n\n第一条 合成" + std::string(300, 'a') + "文本。\n");
  r = run_lawref({"import", word.string()}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "第一条 has a word of 300 bytes (aaaaaaaaaaaaaaaaaaaa…); the index holds words of at most 240 bytes"));
}

TEST_CASE("index skips an imported text it cannot hold, reports it, and builds the rest", "[hardening][limits][cli]") {
  TempDir home, dir;
  const fs::path sources = small_sources(dir);
  ParseResult r = import_statute_bytes(synthetic("某省合成测试丙条例", 2));
  REQUIRE(r.ok());
  r.law.law_id = "bingtiaoli";
  r.law.articles[0].paragraphs[0].text = std::string(kMaxArticleBytes + 1, 'x');
  REQUIRE(exceeds_index_limits(r.law, false));
  const fs::path xml = home.path / "imported/bingtiaoli.zh.xml";
  write_file_atomic(xml, to_akn_xml(r.law));
  const auto res = run_lawref({"index", "--sources", sources.string()}, home_env(home));
  CHECK(res.exit_code == 0);
  CHECK(res.err == "lawref: warning: skipped 1 text that the index cannot take: " + xml.string() +
                       ": 第1条 has 1,048,584 bytes of text; the index holds at most 1,048,576 per article\n");
  const auto found = run_lawref({"search", "--json", "合成测试"}, home_env(home));
  CHECK(found.exit_code == 0);
  CHECK_FALSE(contains(found.out, "bingtiaoli"));
}

// ---- 4. import -o PATH ----

TEST_CASE("import -o writes through a symlink and refuses directories and devices", "[hardening][output][cli]") {
  TempDir home, dir;
  const auto text = dir.write("某省合成测试条例.md", synthetic("某省合成测试条例", 3));
  auto import = [&](const fs::path& out) { return run_lawref({"import", "-q", text.string(), "-o", out.string()}, home_env(home)); };

  // Through a symlink: the target gets the XML (keeping its permissions), the link stays a link.
  const auto target = dir.write("out/target.xml", "old");
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  fs::create_symlink("target.xml", dir.path / "out/link.xml");
  auto r = import(dir.path / "out/link.xml");
  CHECK(r.exit_code == 0);
  CHECK(fs::is_symlink(dir.path / "out/link.xml"));
  CHECK(contains(read_file(target), "<akomaNtoso"));
  CHECK(fs::status(target).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  // A dangling symlink: its target is created.
  fs::create_symlink("new.xml", dir.path / "out/dangling.xml");
  r = import(dir.path / "out/dangling.xml");
  CHECK(r.exit_code == 0);
  CHECK(fs::is_symlink(dir.path / "out/dangling.xml"));
  CHECK(fs::is_regular_file(fs::symlink_status(dir.path / "out/new.xml")));

  // A folder: the system's reason, not "cannot replace (Success)".
  r = import(dir.path / "out");
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lawref: " + (dir.path / "out").string() + ": cannot write (Is a directory)\n");
  // A device is never replaced (as root, /dev/full once became a regular file).
  r = import("/dev/full");
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lawref: /dev/full: is a character device; lawref replaces only regular files\n");
  CHECK(fs::is_character_file("/dev/full"));
  // A FIFO is refused without blocking on it.
  REQUIRE(::mkfifo((dir.path / "out/fifo.xml").c_str(), 0644) == 0);
  r = import(dir.path / "out/fifo.xml");
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "is a FIFO (named pipe); lawref replaces only regular files"));
  CHECK(fs::is_fifo(dir.path / "out/fifo.xml"));
  // Nothing is left beside the targets.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path / "out")) {
    CHECK_FALSE(contains(e.path().filename().string(), ".tmp-"));
    ++entries;
  }
  CHECK(entries == 5);  // target, link, dangling, new, fifo: a loop over nothing would pass
}

// ---- 5. exit codes that tell the truth ----

TEST_CASE("A failed write to standard output is exit 3 with one line; a closed pipe is a quiet stop", "[hardening][exit][cli]") {
  TempDir home;
  auto r = run_to({"laws"}, home_env(home), "/dev/full");
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lawref: cannot write to standard output: No space left on device\n");
  // More output than any buffer (every article of two laws, ~200 KB): the first write fails
  // mid-way, and the reason is still the system's.
  std::string citations;
  for (int i = 1; i <= 84; ++i) citations += "nsl-2015/art" + std::to_string(i) + "\n";
  for (int i = 1; i <= 71; ++i) citations += "cel-2023/art" + std::to_string(i) + "\n";
  REQUIRE(run_lawref({"show", "--lang", "both"}, home_env(home), citations).out.size() > 150000);
  r = run_to({"show", "--lang", "both"}, home_env(home), "/dev/full", citations);
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lawref: cannot write to standard output: No space left on device\n");

  // A reader that went away: quiet, with SIGPIPE ignored (EPIPE) or not (the signal).
  CommandResult p = run_into_closed_pipe({"laws", "--json"}, home_env(home), true);
  CHECK(p.exit_code == 0);
  CHECK(p.err.empty());
  p = run_into_closed_pipe({"laws", "--json"}, home_env(home), false);
  CHECK((p.signal == SIGPIPE || p.exit_code == 128 + SIGPIPE));
  CHECK(p.err.empty());
}

TEST_CASE("Unwritable home, unreadable sources and imports: the system's reason and the documented code", "[hardening][exit][cli]") {
  const auto drop = unprivileged();
  if (!drop) {
    WARN("skipped: running as root without setpriv, so file modes cannot be made to bind");
    return;
  }
  TempDir home, dir;
  const fs::path sources = small_sources(dir);
  const lawref::test::RunOptions env = as_user(home_env(home), *drop);

  // index into a home that cannot be written: 3, not 4 ("internal error: filesystem error").
  fs::create_directories(dir.path / "ro");
  fs::permissions(dir.path / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  auto r = run_lawref({"index", "--sources", sources.string(), "--db", (dir.path / "ro/index").string()}, env);
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "Permission denied"));
  CHECK_FALSE(contains(r.err, "internal error"));
  r = run_lawref({"index", "--sources", sources.string()}, as_user({{"LAWREF_HOME", (dir.path / "ro/home").string()}, {"LAWREF_SOURCES", ""}}, *drop));
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lawref: cannot create " + (dir.path / "ro/home").string() + ": Permission denied\n");

  // An unreadable source named with show --sources: 3 with the reason, not "no text" (1).
  const fs::path secret = sources / "合成测试甲条例.md";
  fs::permissions(secret, fs::perms::none);
  r = run_lawref({"show", "--sources", secret.string(), "某省合成测试甲条例第一条"}, env);
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lawref: " + secret.string() + ": Permission denied\n");
  // import of an unreadable file: 2 with the reason.
  r = run_lawref({"import", secret.string()}, env);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lawref: " + secret.string() + ": Permission denied\n");
  fs::permissions(secret, fs::perms::owner_read | fs::perms::owner_write);
  fs::permissions(dir.path / "ro", fs::perms::owner_all);
}

TEST_CASE("/dev/null and FIFOs are said to be what they are, not missing", "[hardening][exit][cli]") {
  TempDir home, dir;
  const fs::path fifo = dir.path / "pipe.md";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  auto r = run_lawref({"import", "/dev/null"}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lawref: /dev/null: is a character device, not a statute file or folder\n");
  r = run_lawref({"import", fifo.string()}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lawref: " + fifo.string() + ": is a FIFO (named pipe), not a statute file or folder\n");
  r = run_lawref({"show", "--sources", "/dev/null", "反间谍法第一条"}, home_env(home));
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lawref: /dev/null: is a character device, not a statute file or folder\n");
  r = run_lawref({"index", "--sources", fifo.string()}, home_env(home));
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "is a FIFO (named pipe)"));
  r = run_lawref({"import", "/nonexistent/x.md"}, home_env(home));
  CHECK(r.err == "lawref: source /nonexistent/x.md does not exist\n");
  // read_file never blocks on a FIFO nor reads a device.
  CHECK_THROWS_AS(read_file(fifo), FileError);
  CHECK_THROWS_WITH(read_file("/dev/zero"), "/dev/zero: is a character device, not a regular file");
}

TEST_CASE("One bad byte in a UTF-8 file is reported with its offset, not as another encoding", "[hardening][exit][cli]") {
  const std::string text = synthetic("某省合成测试条例", 40);
  const std::size_t at = text.find("第20条");
  REQUIRE(at != std::string::npos);
  std::string damaged = text;
  damaged.insert(at, "\xFF");
  const ParseResult r = import_statute_bytes(damaged);
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.diagnostics.items.size() == 1);
  const Diagnostic& d = r.diagnostics.items[0];
  CHECK(d.code == "encoding");
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  CHECK(d.line == line);
  CHECK(d.message == "invalid UTF-8 at byte " + std::to_string(at) + " (0xFF); the rest of the file is UTF-8 (fix or remove the damaged bytes)");
  CHECK_FALSE(contains(d.message, "UTF-16"));

  // A truncated character counts its bytes.
  std::string cut = text;
  cut.erase(at + 1, 2);  // 第 loses its last two bytes... keeps only its lead byte
  const ParseResult c = import_statute_bytes(cut);
  REQUIRE_FALSE(c.ok());
  CHECK(contains(c.diagnostics.items[0].message, "invalid UTF-8 at byte " + std::to_string(at) + " (0xE7)"));

  // GB18030 is still GB18030.
  const ParseResult gb = import_statute_bytes(test::encode_as(text, "GB18030"));
  REQUIRE(gb.ok());
  CHECK(gb.diagnostics.items[0].message == "converted from GB18030 to UTF-8");

  TempDir home, dir;
  const auto file = dir.write("damaged.md", damaged);
  const auto res = run_lawref({"import", "--dry-run", file.string()}, home_env(home));
  CHECK(res.exit_code == 2);
  CHECK(res.err == file.string() + ": error: line " + std::to_string(line) + ": invalid UTF-8 at byte " + std::to_string(at) +
                       " (0xFF); the rest of the file is UTF-8 (fix or remove the damaged bytes)\n");
}

// ---- 6. silent skips ----

TEST_CASE("Unreadable folders and files are skipped and reported by import and index, piped too", "[hardening][skips][cli]") {
  const auto drop = unprivileged();
  if (!drop) {
    WARN("skipped: running as root without setpriv, so file modes cannot be made to bind");
    return;
  }
  TempDir home, dir;
  const fs::path sources = small_sources(dir);
  const auto hidden = dir.write("src/closed/合成测试丁条例.md", synthetic("某省合成测试丁条例", 2));
  const auto unreadable = dir.write("src/合成测试戊条例.md", synthetic("某省合成测试戊条例", 2));
  fs::permissions(dir.path / "src/closed", fs::perms::none);
  fs::permissions(unreadable, fs::perms::none);
  const lawref::test::RunOptions env = as_user(home_env(home), *drop);

  auto r = run_lawref({"import", "-q", sources.string()}, env);
  CHECK(r.exit_code == 2);  // what was read is imported; what was not makes the import incomplete
  CHECK(r.err == "lawref: warning: skipped 2 paths: " + (sources / "closed").string() + ": Permission denied; " + unreadable.string() +
                     ": Permission denied\n");
  CHECK(std::distance(fs::directory_iterator(home.path / "imported"), fs::directory_iterator()) == 2);

  r = run_lawref({"index", "--sources", sources.string()}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.err == "lawref: warning: skipped 2 paths: " + (sources / "closed").string() + ": Permission denied; " + unreadable.string() +
                     ": Permission denied\n");
  r = run_lawref({"check", "-q", "--sources", sources.string()}, env);
  CHECK(r.exit_code == 3);
  CHECK(contains(r.out, "PROBLEM " + unreadable.string() + ": Permission denied"));
  fs::permissions(dir.path / "src/closed", fs::perms::owner_all);
  fs::permissions(unreadable, fs::perms::owner_read | fs::perms::owner_write);
  (void)hidden;
}

TEST_CASE("Broken imported XML and special files are typed problems; a summary names a few and counts all", "[hardening][skips][cli]") {
  TempDir dir, imported;
  const fs::path sources = small_sources(dir);
  REQUIRE(::mkfifo((sources / "fifo.md").c_str(), 0644) == 0);
  for (int i = 1; i <= 4; ++i) imported.write("broken" + std::to_string(i) + ".zh.xml", "<akomaNtoso><act");
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{sources, dir.path / "nope"}, imported.path});
  REQUIRE(catalog.problems().size() == 6);
  CHECK(catalog.problems()[0].kind == CatalogProblemKind::SpecialFile);
  CHECK_FALSE(catalog.problems()[0].named);
  CHECK(catalog.problems()[0].message() == (sources / "fifo.md").string() + ": is a FIFO (named pipe), not a statute file");
  CHECK(catalog.problems()[1].kind == CatalogProblemKind::MissingSource);
  CHECK(catalog.problems()[1].named);
  for (std::size_t i = 2; i < 6; ++i) CHECK(catalog.problems()[i].kind == CatalogProblemKind::BadXml);
  CHECK(catalog.has_problem(CatalogProblemKind::BadXml));
  CHECK_FALSE(catalog.has_problem(CatalogProblemKind::Unreadable));
  const std::string summary = summarize_problems(catalog.problems());
  CHECK(summary.rfind("skipped 6 paths: " + (sources / "fifo.md").string() + ": is a FIFO", 0) == 0);
  CHECK(contains(summary, "; and 3 more (lawref check lists them all)"));
  CHECK(lines(summary) == 0);

  // index: a broken imported text no longer vanishes without a word.
  TempDir home;
  home.write("imported/broken.zh.xml", "<akomaNtoso><act");
  fs::remove(sources / "fifo.md");
  const auto r = run_lawref({"index", "--sources", sources.string()}, home_env(home));
  CHECK(r.exit_code == 0);
  CHECK(r.err == "lawref: warning: skipped 1 path: " + (home.path / "imported/broken.zh.xml").string() +
                     ": broken XML at byte 15: Error parsing start element tag\n");
}

// ---- 7. unbounded errors and inputs ----

TEST_CASE("A refused citation is quoted by a short prefix, never repeated whole", "[hardening][input][cli]") {
  TempDir home;
  std::string long_citation;
  for (int i = 0; i < 10000; ++i) long_citation += "反";
  auto r = run_lawref({"show", long_citation}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lawref: " + long_citation.substr(0, 60 * 3) + "… (10000 characters): citation too long (10000 characters; at most 500)\n");

  // A million characters on standard input (the 100 M wrote 300 MB to stderr).
  const std::string huge(1000000, 'x');
  const auto start = std::chrono::steady_clock::now();
  r = run_lawref({"show", "--json"}, home_env(home), huge + "\n");
  CHECK(r.exit_code == 2);
  CHECK(r.err.size() < 300);
  CHECK(lines(r.err) == 1);
  CHECK(r.out.size() < 1000);  // the JSON line quotes at most 500 characters of the input
  CHECK(contains(r.out, "\"status\":\"bad-input\""));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));

  // Control characters cannot reach the terminal through an error.
  CHECK(quote_input("\x1b[2J反间谍法") == "\xEF\xBF\xBD[2J反间谍法");
  CHECK(quote_input("short") == "short");
  CHECK(quote_input(std::string(61, 'a')) == std::string(60, 'a') + "… (61 characters)");
}

TEST_CASE("Dates are calendar dates: --as-of 2023-02-30 is refused", "[hardening][input][cli]") {
  for (const char* good : {"2024-02-29", "2000-02-29", "2023-01-31", "2023-04-30", "2023-12-31"}) CHECK(is_iso_date(good));
  for (const char* bad : {"2023-02-30", "2023-02-29", "1900-02-29", "2023-04-31", "2023-06-31", "2023-13-01", "2023-00-10", "2023-01-00"})
    CHECK_FALSE(is_iso_date(bad));
  TempDir home;
  auto r = run_lawref({"show", "--as-of", "2023-02-30", "反间谍法第一条"}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lawref: --as-of needs a YYYY-MM-DD date, not '2023-02-30'\n");
  r = run_lawref({"show", "--as-of", "2024-02-29", "反间谍法第一条"}, home_env(home));
  CHECK(r.exit_code == 0);
}

// ---- 8. leftovers ----

TEST_CASE("Temporary files of a killed import are removed by the next run; a live writer's are kept", "[hardening][leftovers][cli]") {
  TempDir home, dir;
  const pid_t dead = dead_pid();
  const auto stale = home.write("imported/x.zh.xml.tmp-" + std::to_string(dead), "half");
  const auto live = home.write("imported/y.zh.xml.tmp-" + std::to_string(::getpid()), "being written");
  const auto text = dir.write("某省合成测试条例.md", synthetic("某省合成测试条例", 3));
  const auto r = run_lawref({"import", "-q", text.string()}, home_env(home));
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(live));

  // The same cleaning, called directly, and by index.
  const auto again = home.write("imported/z.zh.xml.tmp-" + std::to_string(dead), "half");
  home.write("imported/notes.tmp-abc", "not ours");
  CHECK(remove_stale_temporaries(home.path / "imported") == 1);
  CHECK(fs::exists(home.path / "imported/notes.tmp-abc"));
  home.write("imported/w.en.xml.tmp-" + std::to_string(dead), "half");
  CHECK(run_lawref({"index", "--sources", text.string()}, home_env(home)).exit_code == 0);
  CHECK_FALSE(fs::exists(home.path / ("imported/w.en.xml.tmp-" + std::to_string(dead))));
  (void)again;
}

TEST_CASE("A failed build leaves nothing behind, and never touches the index in use", "[hardening][leftovers][cli]") {
  TempDir home, dir;
  auto r = run_lawref({"index", "--sources", "/nonexistent"}, home_env(home));
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lawref: source /nonexistent does not exist\n");
  CHECK_FALSE(fs::exists(home.path / "index.versions"));
  CHECK_FALSE(fs::exists(home.path / "index.lock"));
  CHECK_FALSE(fs::exists(home.path / "index"));

  const fs::path sources = small_sources(dir);
  REQUIRE(run_lawref({"index", "--sources", sources.string()}, home_env(home)).exit_code == 0);
  const fs::path live = fs::read_symlink(home.path / "index");
  r = run_lawref({"index", "--sources", "/nonexistent"}, home_env(home));
  CHECK(r.exit_code == 3);
  CHECK(fs::read_symlink(home.path / "index") == live);
  CHECK(std::distance(fs::directory_iterator(home.path / "index.versions"), fs::directory_iterator()) == 1);
  CHECK(run_lawref({"search", "合成测试"}, home_env(home)).exit_code == 0);
}
