// One index shared by a team: served by Xapian's own xapian-tcpsrv, read through a stub file.
#include <catch2/catch.hpp>
#include <chrono>
#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <random>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <xapian.h>

#include "file_io.h"
#include "test_support.h"

using lawref::test::run_lawref;
using lawref::test::TempDir;

extern char** environ;

namespace {

// xapian-tcpsrv serving `db` on a loopback port until the object dies.
struct Server {
  pid_t pid = -1;
  int port = 0;
  Server(const std::filesystem::path& db) {
    std::mt19937 random(static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count()));
    port = 20000 + static_cast<int>(random() % 20000);
    const std::string port_text = std::to_string(port), dir = std::filesystem::canonical(db).string();
    const char* argv[] = {"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port_text.c_str(), dir.c_str(), nullptr};
    // Its own process group: on SIGTERM the server signals its whole group (its forked
    // connections), which must not include this test. Its chatter goes to /dev/null.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
    const int rc = posix_spawnp(&pid, "xapian-tcpsrv", &files, &attr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    REQUIRE(rc == 0);  // xapian-tcpsrv is in Debian's xapian-tools (scripts/setup installs it)
  }
  ~Server() {
    if (pid > 0) {
      ::kill(-pid, SIGTERM);
      ::waitpid(pid, nullptr, 0);
    }
  }
  // A stub database file naming the server, once it answers (it takes a moment to listen).
  std::filesystem::path stub(const TempDir& dir) const {
    const auto path = dir.write("team.stub", "remote 127.0.0.1:" + std::to_string(port) + "\n");
    for (int tries = 0; tries < 100; ++tries) {
      try {
        Xapian::Database(path.string()).get_doccount();
        return path;
      } catch (const Xapian::NetworkError&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    FAIL("xapian-tcpsrv did not answer on port " << port);
    return path;
  }
};

lawref::IndexSummary build(const std::filesystem::path& db, bool term_lists,
                           std::vector<std::filesystem::path> sources = {lawref::test::core_dir()}) {
  lawref::IndexOptions options;
  options.catalog.sources = std::move(sources);
  options.db = db;
  options.term_lists = term_lists;
  return lawref::build_index(lawref::Registry::builtin(), options);
}

}  // namespace

TEST_CASE("A folder whose Xapian stub names the server is searched as a served index, not a local one", "[remote][cli]") {
  // Xapian opens a folder holding XAPIANDB as the stub it holds; lawref took any folder for a
  // local index and sent the server posting sources of its own, which it cannot rebuild:
  // `search` failed with "serialise() not supported".
  TempDir dir;
  build(dir.path / "index", true);
  const Server server(dir.path / "index");
  const auto stub = server.stub(dir);
  const std::filesystem::path folder = dir.path / "team";
  std::filesystem::create_directory(folder);
  std::filesystem::copy_file(stub, folder / "XAPIANDB");
  const auto search = run_lawref({"search", "--db", folder.string(), "--limit", "5", "--json", "境外", "间谍组织"});
  REQUIRE(search.exit_code == 0);
  CHECK(search.out == run_lawref({"search", "--db", (dir.path / "index").string(), "--limit", "5", "--json", "境外", "间谍组织"}).out);
}

TEST_CASE("An index built --for-remote answers show, search and xref through xapian-tcpsrv", "[remote][cli]") {
  TempDir dir;
  build(dir.path / "index", true);
  const Server server(dir.path / "index");
  const auto stub = server.stub(dir);

  const auto show = run_lawref({"show", "--db", stub.string(), "反间谍法第十四条"});
  REQUIRE(show.exit_code == 0);
  CHECK(show.out.find("cel-2023/art14") != std::string::npos);
  // The same text as the local index gives.
  const auto local = run_lawref({"show", "--db", (dir.path / "index").string(), "反间谍法第十四条"});
  CHECK(show.out == local.out);

  const auto search = run_lawref({"search", "--db", stub.string(), "--limit", "5", "--json", "境外", "间谍组织"});
  REQUIRE(search.exit_code == 0);
  CHECK(search.out == run_lawref({"search", "--db", (dir.path / "index").string(), "--limit", "5", "--json", "境外", "间谍组织"}).out);

  const auto xref = run_lawref({"xref", "--db", stub.string(), "cel-2023/art14"});
  REQUIRE(xref.exit_code == 0);
  CHECK(xref.out.find("cel-2014/art24") != std::string::npos);  // the 2014 article it continues
}

TEST_CASE("An index built without term lists, served remotely, is refused with what to do (exit 3)", "[remote][cli]") {
  TempDir dir;
  build(dir.path / "index", false);
  const Server server(dir.path / "index");
  const auto stub = server.stub(dir);
  const auto r = run_lawref({"show", "--db", stub.string(), "反间谍法第十四条"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("lawref index --for-remote") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("A remote index whose server is gone is exit 3, one line", "[remote][cli]") {
  TempDir dir;
  const auto stub = dir.write("gone.stub", "remote 127.0.0.1:1\n");
  const auto r = run_lawref({"show", "--db", stub.string(), "反间谍法第十四条"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.rfind("lawref: ", 0) == 0);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("Regression: a remote index does not check the server's source paths on the client (every answer said 'is gone')", "[remote][cli]") {
  TempDir dir, sources;
  const auto file = sources.write("synthetic.md", "# 合成测试条例\n\n2020年1月1日 合成测试会议通过\n\n第一条 合成测试文本。\n");
  build(dir.path / "index", true, {sources.path});
  const Server server(dir.path / "index");
  const auto stub = server.stub(dir);
  std::filesystem::remove(file);  // as if the sources were on the server only
  const auto remote = run_lawref({"show", "--db", stub.string(), "合成测试条例第一条"});
  CHECK(remote.exit_code == 0);
  CHECK(remote.err.empty());
  // Read as a local folder, the same index says its source is gone.
  const auto local = run_lawref({"show", "--db", (dir.path / "index").string(), "合成测试条例第一条"});
  CHECK(local.exit_code == 3);
  CHECK(local.err.find("is gone since the index was built") != std::string::npos);
}
