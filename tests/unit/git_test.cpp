#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/store/git.hpp"
#include "upward/store/process.hpp"

using namespace upward;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  std::string path;
  explicit TempDir(const fs::path& under = fs::temp_directory_path()) {
    std::string tmpl = (under / "upward-git-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

/// A machine with no git identity at all: no global config, no GIT_AUTHOR_*, and git told
/// not to guess one from the host name.
process::Env bare_env(const std::string& home) {
  return {"PATH=/usr/bin:/bin", "HOME=" + home, "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C", "TZ=UTC",
          "GIT_CONFIG_COUNT=1", "GIT_CONFIG_KEY_0=user.useConfigOnly", "GIT_CONFIG_VALUE_0=true"};
}

process::Env env_with_identity(const std::string& home) {
  auto env = bare_env(home);
  for (const char* v : {"GIT_AUTHOR_NAME=Ada Tester", "GIT_AUTHOR_EMAIL=ada@example.com",
                        "GIT_COMMITTER_NAME=Ada Tester", "GIT_COMMITTER_EMAIL=ada@example.com"})
    env.push_back(v);
  return env;
}

/// git in `dir` the way a person runs it (no confinement), its output.
std::string run_git(const std::string& dir, std::vector<std::string> args, const process::Env& env) {
  args.insert(args.begin(), {"git", "-C", dir});
  auto r = process::run(args, env, std::nullopt, true);
  REQUIRE(r.exit_code == 0);
  return r.output;
}

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << text;
}

/// A fresh repository `t.path/r` made by git::init, holding one uncommitted `a.toml`.
std::string new_repo(const TempDir& t, const process::Env& env) {
  std::string dir = t.path + "/r";
  fs::create_directories(dir);
  git::init(dir, env);
  write(dir + "/a.toml", "a = 1\n");
  return dir;
}

int commit_count(const std::string& dir, const process::Env& env) {
  auto r = process::run({"git", "-C", dir, "rev-list", "--count", "HEAD"}, env, std::nullopt, true);
  return r.exit_code == 0 ? std::stoi(r.output) : 0;
}

}  // namespace

TEST_CASE("git: is_repo is true only at the top level of a repository of the folder's own") {
  TempDir t;
  auto env = env_with_identity(t.path);
  std::string outer = t.path + "/outer", data = outer + "/data";
  fs::create_directories(data);
  CHECK_FALSE(git::is_repo(outer, env));
  git::init(outer, env);
  CHECK(git::is_repo(outer, env));
  CHECK_FALSE(git::is_repo(data, env));  // inside an enclosing repository
  CHECK_FALSE(git::is_broken(data, env));
  fs::create_directory(data + "/.git");  // an empty .git: git would walk up to outer
  CHECK_FALSE(git::is_repo(data, env));
  CHECK(git::is_broken(data, env));
  CHECK_FALSE(git::is_repo(t.path + "/nowhere", env));
}

TEST_CASE("git: a broken .git inside an enclosing repository never gets a commit into the enclosing one") {
  TempDir t;
  auto env = env_with_identity(t.path);
  std::string outer = t.path + "/outer", data = outer + "/data";
  fs::create_directories(data + "/.git");
  git::init(outer, env);
  write(outer + "/dotfile", "x\n");
  run_git(outer, {"add", "dotfile"}, env);
  run_git(outer, {"commit", "-q", "-m", "dotfiles"}, env);
  write(data + "/wins/secret.toml", "title = \"private\"\n");

  try {
    git::commit(data, {"wins/secret.toml"}, "log-win: private\n", env);
    FAIL("commit did not refuse");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "'" + data + "/.git' is not a valid git repository; nothing was committed (upward never commits into an "
          "enclosing repository); run 'upward init " + data + "' or 'git init " + data +
          "' to complete it, or move it away");
  }
  CHECK(commit_count(outer, env) == 1);
  CHECK(run_git(outer, {"diff", "--cached", "--name-only"}, env).empty());  // nothing staged either
  CHECK(git::modified(data, {"wins/secret.toml"}, env).empty());
  CHECK(git::uncommitted(data, env).empty());

  SECTION("init completes the half-made .git, and commits then land in the folder's own repository") {
    git::init(data, env);
    CHECK(git::is_repo(data, env));
    git::commit(data, {"wins/secret.toml"}, "log-win: private\n", env);
    CHECK(commit_count(data, env) == 1);
    CHECK(commit_count(outer, env) == 1);
  }
}

TEST_CASE("git: with no identity configured, commits are by the fallback identity from upward.toml") {
  TempDir t;
  auto env = bare_env(t.path);
  std::string dir = new_repo(t, env);
  git::commit(dir, {"a.toml"}, "first\n", env, {"Ada Lovelace", "ada@example.org"});
  CHECK(run_git(dir, {"log", "-1", "--format=%an <%ae>|%cn <%ce>"}, env) ==
        "Ada Lovelace <ada@example.org>|Ada Lovelace <ada@example.org>\n");

  SECTION("git's own identity wins over the fallback") {
    run_git(dir, {"config", "user.name", "Git Name"}, env);
    run_git(dir, {"config", "user.email", "git@example.com"}, env);
    write(dir + "/b.toml", "b = 1\n");
    git::commit(dir, {"b.toml"}, "second\n", env, {"Ada Lovelace", "ada@example.org"});
    CHECK(run_git(dir, {"log", "-1", "--format=%an <%ae>|%cn <%ce>"}, env) ==
          "Git Name <git@example.com>|Git Name <git@example.com>\n");
  }
  SECTION("GIT_AUTHOR_* and GIT_COMMITTER_* win over the fallback") {
    write(dir + "/b.toml", "b = 1\n");
    git::commit(dir, {"b.toml"}, "second\n", env_with_identity(t.path), {"Ada Lovelace", "ada@example.org"});
    CHECK(run_git(dir, {"log", "-1", "--format=%an <%ae>|%cn <%ce>"}, env) ==
          "Ada Tester <ada@example.com>|Ada Tester <ada@example.com>\n");
  }
}

TEST_CASE("git: a failed commit's error keeps git's whole message, lines and remedy") {
  TempDir t;
  auto env = bare_env(t.path);
  std::string dir = new_repo(t, env);
  try {
    git::commit(dir, {"a.toml"}, "first\n", env);  // no identity and no fallback
    FAIL("commit did not fail");
  } catch (const Error& e) {
    std::string what = e.what();
    CHECK(what.rfind("git commit failed (exit 128):\n", 0) == 0);
    CHECK(what.find("\n*** Please tell me who you are.\n") != std::string::npos);
    CHECK(what.find("\n  git config --global user.email \"you@example.com\"\n") != std::string::npos);
    CHECK(what.find("; ") == std::string::npos);
    CHECK(what.back() != '\n');
  }
  CHECK(commit_count(dir, env) == 0);
}

TEST_CASE("git: a commit message holding NUL is refused before git runs") {
  TempDir t;
  auto env = env_with_identity(t.path);
  std::string dir = new_repo(t, env);
  CHECK_THROWS_WITH(git::commit(dir, {"a.toml"}, std::string("log-win: a\0b\n", 13), env),
                    "the commit message holds a NUL byte, which git refuses; nothing was committed");
  CHECK(commit_count(dir, env) == 0);
  CHECK(run_git(dir, {"diff", "--cached", "--name-only"}, env).empty());
}

TEST_CASE("git: commit takes exactly its paths, literally, and leaves others staged or not as they were") {
  TempDir t;
  auto env = env_with_identity(t.path);
  std::string dir = t.path + "/r";
  fs::create_directories(dir);
  git::init(dir, env);
  for (const char* f : {"*.toml", "-n.toml", "a b.toml", "other.toml", "staged.toml"}) write(dir + "/" + f, "x = 1\n");
  run_git(dir, {"add", "staged.toml"}, env);
  git::commit(dir, {"*.toml", "-n.toml", "a b.toml"}, "three\n", env);
  CHECK(run_git(dir, {"show", "--format=", "--name-only", "HEAD"}, env) == "*.toml\n-n.toml\na b.toml\n");
  CHECK(run_git(dir, {"status", "--porcelain"}, env) == "A  staged.toml\n?? other.toml\n");

  SECTION("a removed path is committed as removed") {
    fs::remove(dir + "/a b.toml");
    write(dir + "/-n.toml", "x = 2\n");
    git::commit(dir, {"a b.toml", "-n.toml"}, "remove one, change one\n", env);
    CHECK(run_git(dir, {"show", "--format=", "--name-status", "HEAD"}, env) == "M\t-n.toml\nD\ta b.toml\n");
    CHECK(run_git(dir, {"status", "--porcelain"}, env) == "A  staged.toml\n?? other.toml\n");
  }
}

TEST_CASE("git: a commit of 30,000 new files works (paths never one argument each)") {
  TempDir t(fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path());  // spare the disk
  auto env = env_with_identity(t.path);
  std::string dir = t.path + "/r";
  fs::create_directories(dir + "/wins/2026/11");
  git::init(dir, env);
  std::vector<std::string> paths;
  for (int i = 0; i < 30000; ++i) {
    std::string rel = "wins/2026/11/2026-11-23-win-" + std::to_string(i) + ".toml";
    std::ofstream(dir + "/" + rel) << "date = 2026-11-23\ntitle = \"win " << i << "\"\n";
    paths.push_back(rel);
  }
  auto start = std::chrono::steady_clock::now();
  git::commit(dir, paths, "log-win: 30000 wins\n", env);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Linear in the number of paths: a few seconds on an idle machine (30,000 loose objects);
  // the old `git commit --only PATHS` took minutes, and one argument per path did not start.
  CHECK(seconds < 60);
  CHECK(text::lines(run_git(dir, {"ls-tree", "-r", "--name-only", "HEAD"}, env)).size() == 30000);
  CHECK(run_git(dir, {"status", "--porcelain"}, env).empty());
  int left = 0;  // the pathspec file in .git/ is gone
  for (const auto& e : fs::directory_iterator(dir + "/.git"))
    left += e.path().filename().string().rfind("upward-", 0) == 0;
  CHECK(left == 0);
}

TEST_CASE("git: modified lists hand edits and files git never had, uncommitted lists records not committed") {
  TempDir t;
  auto env = env_with_identity(t.path);
  std::string dir = t.path + "/r";
  fs::create_directories(dir);
  git::init(dir, env);
  CHECK(git::modified(dir, {"a.toml"}, env).empty());  // no commit yet
  write(dir + "/a.toml", "a = 1\n");
  write(dir + "/b.toml", "b = 1\n");
  git::commit(dir, {"a.toml", "b.toml"}, "two\n", env);
  CHECK(git::modified(dir, {"a.toml", "b.toml"}, env).empty());
  CHECK(git::uncommitted(dir, env).empty());

  write(dir + "/a.toml", "a = 2\n");                  // a hand edit
  write(dir + "/goals/c.toml", "c = 1\n");            // untracked
  write(dir + "/d.toml", "d = 1\n");                  // staged
  write(dir + "/notes.md", "not a record\n");         // untracked, not a record
  run_git(dir, {"add", "d.toml"}, env);
  // an untracked record is listed too: committed first, git keeps a copy before upward replaces or removes it
  CHECK(git::modified(dir, {"a.toml", "b.toml", "goals/c.toml"}, env) ==
        std::vector<std::string>{"a.toml", "goals/c.toml"});
  auto u = git::uncommitted(dir, env);
  std::sort(u.begin(), u.end());
  CHECK(u == std::vector<std::string>{"a.toml", "d.toml", "goals/c.toml"});
}

TEST_CASE("git: one_line keeps control bytes out of commit subjects") {
  CHECK(git::one_line(std::string("a\0b\x1b[31mc\x7f", 10), 72) == "ab[31mc");
  CHECK(git::one_line("x\r\ny", 72) == "x  y");
}

TEST_CASE("git: machine_tag runs no git at all in a folder without .git") {
  TempDir t;
  std::string bin = t.path + "/bin", marker = t.path + "/git-ran";
  write(bin + "/git", "#!/bin/sh\n/usr/bin/touch '" + marker + "'\nexit 1\n");
  fs::permissions(bin + "/git", fs::perms::owner_all);
  process::Env fake{"PATH=" + bin, "HOME=" + t.path};
  // posix_spawnp searches this process's PATH, not the child's: point it at the fake for now
  struct PathGuard {
    std::string old = std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin";
    ~PathGuard() { ::setenv("PATH", old.c_str(), 1); }
  } guard;
  ::setenv("PATH", bin.c_str(), 1);
  fs::create_directories(t.path + "/r");
  CHECK(git::machine_tag(t.path + "/r", fake).empty());
  CHECK_FALSE(fs::exists(marker));
  fs::create_directories(t.path + "/r/.git");
  CHECK(git::machine_tag(t.path + "/r", fake).empty());  // the fake git fails: no tag
  CHECK(fs::exists(marker));                              // (so the check above would have seen a run)
}

TEST_CASE("git: machine_tag is empty without a remote, then made once and kept in the clone's own config") {
  TempDir t;
  auto env = env_with_identity(t.path);
  write(t.path + "/.gitconfig", "[upward]\n\tmachine = shared\n");  // a dotfiles config every machine shares
  std::string dir = new_repo(t, env);
  bool made = true;
  CHECK(git::machine_tag(dir, env, &made).empty());
  CHECK_FALSE(made);
  run_git(dir, {"remote", "add", "origin", t.path + "/nowhere.git"}, env);
  std::string tag = git::machine_tag(dir, env, &made);
  CHECK_THAT(tag, Catch::Matches("[a-z0-9]{4}"));
  CHECK(made);
  CHECK(text::trim(run_git(dir, {"config", "--local", "upward.machine"}, env)) == tag);
  CHECK(git::machine_tag(dir, env, &made) == tag);
  CHECK_FALSE(made);
  run_git(dir, {"config", "upward.machine", "laptop"}, env);
  CHECK(git::machine_tag(dir, env) == "laptop");
}

TEST_CASE("git: a machine tag that is not 1 to 12 of a-z and 0-9 is an Error naming the key and the remedy") {
  CHECK(git::is_machine_tag("k3x9"));
  CHECK(git::is_machine_tag("a"));
  CHECK(git::is_machine_tag("abcdefghij12"));
  CHECK_FALSE(git::is_machine_tag(""));
  CHECK_FALSE(git::is_machine_tag("abcdefghij123"));
  CHECK_FALSE(git::is_machine_tag("Laptop"));
  CHECK_FALSE(git::is_machine_tag("my-laptop"));
  CHECK_FALSE(git::is_machine_tag("caf\xc3\xa9"));
  TempDir t;
  auto env = env_with_identity(t.path);
  std::string dir = new_repo(t, env);
  run_git(dir, {"remote", "add", "origin", t.path + "/nowhere.git"}, env);
  run_git(dir, {"config", "upward.machine", "my-laptop"}, env);
  try {
    git::machine_tag(dir, env);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "upward.machine 'my-laptop' in '" + dir + "/.git/config' is not a machine tag; set "
                                   "one of 1 to 12 letters a-z and digits: git -C " + dir + " config upward.machine laptop");
  }
}
