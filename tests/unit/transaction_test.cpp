// The one write path, with a file-system failure injected at each step: this binary defines
// mkostemp, write, fsync, rename and unlink, which pass through to libc unless a test arms one.
#include <catch2/catch.hpp>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

#include "upward/base/error.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/git.hpp"
#include "upward/store/repo.hpp"
#include "upward/store/toml_edit.hpp"
#include "upward/model/config.hpp"
#include "temp_repo.hpp"

using namespace upward;
namespace fs = std::filesystem;

namespace {
/// Up to two armed faults: the Nth call of each function fails with EIO.
struct Fault {
  const char* fn = nullptr;
  int n = 0, calls = 0;
};
Fault faults[2];

bool hit(const char* fn) {
  for (auto& f : faults)
    if (f.fn && std::strcmp(f.fn, fn) == 0 && ++f.calls == f.n) {
      errno = EIO;
      return true;
    }
  return false;
}
template <class F>
F real(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

struct Arm {
  Arm(const char* fn, int n, const char* fn2 = nullptr, int n2 = 0) {
    faults[0] = {fn, n, 0};
    faults[1] = {fn2, n2, 0};
  }
  ~Arm() { faults[0] = faults[1] = {}; }
};
}  // namespace

extern "C" {
int mkostemp(char* tmpl, int flags) {
  static auto r = real<int (*)(char*, int)>("mkostemp");
  return hit("mkostemp") ? -1 : r(tmpl, flags);
}
ssize_t write(int fd, const void* buf, size_t n) {
  static auto r = real<ssize_t (*)(int, const void*, size_t)>("write");
  return fd > 2 && hit("write") ? -1 : r(fd, buf, n);
}
int fsync(int fd) {
  static auto r = real<int (*)(int)>("fsync");
  return hit("fsync") ? -1 : r(fd);
}
int rename(const char* a, const char* b) {
  static auto r = real<int (*)(const char*, const char*)>("rename");
  return hit("rename") ? -1 : r(a, b);
}
int unlink(const char* p) {
  static auto r = real<int (*)(const char*)>("unlink");
  return hit("unlink") ? -1 : r(p);
}
}

namespace {
/// testing::TempRepo, and what a failed change may leave behind.
struct TempRepo : testing::TempRepo {
  /// Names of upward's temporaries and journal anywhere in the repository.
  std::vector<std::string> leftovers() const {
    std::vector<std::string> out;
    for (auto& e : fs::recursive_directory_iterator(dir)) {
      std::string name = e.path().filename().string();
      if (fsio::is_upward_temp(name) || name == journal::file) out.push_back(name);
    }
    return out;
  }
};

const std::string person_text = "name = \"Dana\"\nrelationship = \"manager\"\n";

/// people/dana.toml and `manager = "dana"` in upward.toml, as `people add --primary` does.
WriteResult add_dana(Repo& repo) {
  auto tx = repo.change("people add: dana (primary manager)");
  tx.create("people/dana.toml", person_text);
  tx.replace("upward.toml", toml_edit::set_top_level_string(tx.read("upward.toml"), "manager", "dana", "upward.toml"));
  return tx.commit();
}
}  // namespace

TEST_CASE("transaction: a change of two files is published together, leaving no temporary or journal") {
  TempRepo t;
  WriteResult r = add_dana(t.repo);
  CHECK(r.paths == std::vector<std::string>{"people/dana.toml", "upward.toml"});
  CHECK(t.repo.config().manager == "dana");
  CHECK(fsio::read_file(t.dir + "/people/dana.toml") == person_text);
  CHECK(t.leftovers().empty());
}

TEST_CASE("transaction: a failure at any step of the file system rolls back every file or completes the change") {
  int failures = 0, completed_later = 0;
  for (const char* fn : {"mkostemp", "write", "fsync", "rename", "unlink"}) {
    for (int n = 1; n <= 10; ++n) {
      TempRepo t;
      { auto tx = t.repo.change("init"); tx.commit(); }
      auto before = t.snapshot();
      std::string message;
      std::optional<WriteResult> r;
      {
        Arm arm(fn, n);
        try {
          r = add_dana(t.repo);
        } catch (const Error& e) {
          message = e.what();
        }
      }
      INFO(fn << " #" << n << ": " << message);
      if (r) {  // published: every file new, perhaps a folder that could not be synced after
        CHECK(fsio::read_file(t.dir + "/people/dana.toml") == person_text);
        if (r->sync_error) CHECK_THAT(*r->sync_error, Catch::Contains("cannot sync its folder"));
        auto tx = t.repo.change("next");  // a journal that could not be removed is finished again
        CHECK(tx.commit().noop);
        CHECK(t.leftovers() == std::vector<std::string>{});
        continue;
      }
      ++failures;
      CHECK_THAT(message, Catch::Contains("Input/output error"));
      if (message.find("completes the change") != std::string::npos) {
        ++completed_later;  // the journal could not be removed: the next writer finishes the change
        auto tx = t.repo.change("next");
        CHECK(tx.commit().noop);
        CHECK(fsio::read_file(t.dir + "/people/dana.toml") == person_text);
        CHECK(t.repo.config().manager == "dana");
      } else {
        CHECK_THAT(message, Catch::Contains("nothing was changed") || Catch::Contains("left behind"));
        if (message.find("left behind") == std::string::npos) CHECK(t.snapshot() == before);
        auto tx = t.repo.change("next");  // what a failed unlink left, the next writer removes
        tx.commit();
      }
      CHECK(t.leftovers().empty());
    }
  }
  CHECK(failures >= 12);
  CHECK(completed_later == 0);  // one fault never stops a rollback from removing the journal
}

TEST_CASE("transaction: a rename that fails midway takes back the files already renamed and names them") {
  TempRepo t;
  { auto tx = t.repo.change("init"); tx.commit(); }
  auto before = t.snapshot();
  Arm arm("rename", 3);  // 1: the journal, 2: people/dana.toml, 3: upward.toml
  CHECK_THROWS_WITH(add_dana(t.repo), Catch::Contains("cannot rename the temporary file to '" + t.dir + "/upward.toml'") &&
                                         Catch::Contains("rolled back 'people/dana.toml', 'upward.toml': nothing was changed"));
  CHECK(t.snapshot() == before);
}

TEST_CASE("transaction: a rollback that fails names the file it left behind") {
  TempRepo t;
  { auto tx = t.repo.change("init"); tx.commit(); }
  std::string config = fsio::read_file(t.dir + "/upward.toml");
  {
    Arm arm("rename", 3, "unlink", 2);  // upward.toml's rename fails, then removing people/dana.toml
    CHECK_THROWS_WITH(add_dana(t.repo), Catch::Contains("could not roll back, left behind: 'people/dana.toml (new)'"));
  }
  CHECK(fsio::read_file(t.dir + "/upward.toml") == config);
  CHECK(fsio::exists(t.dir + "/people/dana.toml"));
  auto tx = t.repo.change("next");
  tx.commit();
  CHECK(t.leftovers().empty());
}

TEST_CASE("transaction: a rollback that cannot remove the journal leaves the change to the next writer") {
  TempRepo t;
  { auto tx = t.repo.change("init"); tx.commit(); }
  {
    Arm arm("rename", 3, "unlink", 1);  // upward.toml's rename fails, then removing the journal
    CHECK_THROWS_WITH(add_dana(t.repo), Catch::Contains("the next upward that writes here completes the change"));
  }
  auto tx = t.repo.change("next");
  WriteResult r = tx.commit();
  CHECK(r.notes == std::vector<std::string>{"finished the change 'people add: dana (primary manager)' that an interrupted upward left"});
  CHECK(fsio::read_file(t.dir + "/people/dana.toml") == person_text);
  CHECK(t.repo.config().manager == "dana");
  CHECK(t.leftovers().empty());
}

TEST_CASE("transaction: a journal left by a killed writer is finished by the next writer") {
  TempRepo t;
  { auto tx = t.repo.change("init"); tx.commit(); }
  std::ofstream(t.dir + "/goals/.g.toml.upward-tmp.AbC123") << "title = \"G\"\n";
  std::ofstream(t.dir + "/goals/.h.toml.upward-tmp.XyZ789") << "title = \"never journaled\"\n";
  std::ofstream(t.dir + "/" + journal::file) << "upward journal 1\ncommit 0\ncreate\tgoals/.g.toml.upward-tmp.AbC123\tgoals/g.toml\n"
                                               "message\ngoals add: g\n";
  auto tx = t.repo.change("next");
  WriteResult r = tx.commit();
  CHECK(r.noop);
  CHECK(r.notes == std::vector<std::string>{"finished the change 'goals add: g' that an interrupted upward left"});
  CHECK(fsio::read_file(t.dir + "/goals/g.toml") == "title = \"G\"\n");
  CHECK_FALSE(fsio::exists(t.dir + "/goals/h.toml"));
}

TEST_CASE("transaction: a text equal to the old one writes and commits nothing") {
  TempRepo t;
  add_dana(t.repo);
  auto tx = t.repo.change("people primary: dana");
  tx.replace("upward.toml", tx.read("upward.toml"));
  WriteResult r = tx.commit();
  CHECK(r.noop);
  CHECK(r.paths.empty());
}

TEST_CASE("transaction: a file saved by hand after upward read it is never overwritten: nothing is written") {
  TempRepo t;
  add_dana(t.repo);
  auto tx = t.repo.change("people primary: dana");
  std::string read = tx.read("upward.toml");
  t.write("upward.toml", read + "# the user saved this meanwhile\n");  // an editor does not take the lock
  auto before = t.snapshot();
  tx.replace("upward.toml", toml_edit::set_top_level_string(read, "manager", "marcus", "upward.toml"));
  CHECK_THROWS_WITH(tx.commit(), Catch::Contains("upward.toml' changed while upward was editing it") &&
                                     Catch::EndsWith("nothing was changed"));
  CHECK(t.snapshot() == before);
  CHECK(t.leftovers().empty());
}

TEST_CASE("transaction: a text that does not parse is refused before anything is written") {
  TempRepo t;
  { auto tx = t.repo.change("init"); tx.commit(); }
  auto before = t.snapshot();
  auto tx = t.repo.change("goals add: bad");
  try {
    tx.create("goals/bad.toml", "title = \n");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK_THAT(e.located(), Catch::StartsWith(t.dir + "/goals/bad.toml:1:"));
  }
  CHECK(t.snapshot() == before);
}

TEST_CASE("transaction: create_unique adds a random suffix when the name is taken") {
  TempRepo t;
  auto tx = t.repo.change("log-win: 2 wins");
  CHECK(tx.create_unique("wins/2026/11", "2026-11-23-x", "title = \"a\"\n") == "2026-11-23-x");
  std::string second = tx.create_unique("wins/2026/11", "2026-11-23-x", "title = \"b\"\n");
  CHECK_THAT(second, Catch::Matches("2026-11-23-x-[0-9a-f]{4}"));
  CHECK(tx.commit().paths.size() == 2);
}

TEST_CASE("transaction: links inside the repository are refused, never written through nor replaced") {
  TempRepo t;
  { auto tx = t.repo.change("init"); tx.commit(); }
  std::string outside = t.root + "/outside";
  fs::create_directory(outside);
  std::ofstream(outside + "/x.toml") << "manager = \"\"\n";

  fs::remove(t.dir + "/goals");
  fs::create_directory_symlink(outside, t.dir + "/goals");
  auto tx = t.repo.change("goals add: g");
  CHECK_THROWS_WITH(tx.create("goals/g.toml", "title = \"G\"\n"),
                    "'" + t.dir + "/goals' is a symbolic link (to '" + outside +
                        "'); upward never reads or writes through links: replace it with the real file or folder");
  fs::create_symlink(outside + "/x.toml", t.dir + "/people/x.toml");
  CHECK_THROWS_WITH(tx.replace("people/x.toml", "name = \"X\"\n"), Catch::Contains("people/x.toml' is a symbolic link"));
  CHECK(fs::is_symlink(t.dir + "/people/x.toml"));
  CHECK(fs::directory_iterator(outside)->path().filename() == "x.toml");
  CHECK(fsio::read_file(outside + "/x.toml") == "manager = \"\"\n");
}

TEST_CASE("transaction: a link in place of upward.toml or the lock file is refused") {
  TempRepo t;
  { auto tx = t.repo.change("init"); tx.commit(); }
  std::string outside = t.root + "/outside.toml";
  fs::rename(t.dir + "/upward.toml", outside);
  fs::create_symlink(outside, t.dir + "/upward.toml");
  // refused when it is read (change() reads upward.toml), and were it not, when it is replaced
  CHECK_THROWS_WITH(
      [&] {
        auto tx = t.repo.change("people primary: dana");
        tx.replace("upward.toml", "schema = 1\n");
      }(),
      Catch::Contains("a symbolic link"));
  CHECK(fs::is_symlink(t.dir + "/upward.toml"));
  fs::remove(t.dir + "/.upward.lock");
  fs::create_symlink(t.root + "/elsewhere.lock", t.dir + "/.upward.lock");
  CHECK_THROWS_WITH(t.repo.change("x"), Catch::Contains(".upward.lock' is a symbolic link"));
  CHECK_FALSE(fs::exists(t.root + "/elsewhere.lock"));
}

TEST_CASE("transaction: create_unique ends new names in the machine tag once the repository has a remote") {
  TempRepo t;
  process::Env env;
  git::init(t.dir, env);
  {
    auto tx = t.repo.change("log-win: no remote");
    CHECK(tx.create_unique("wins/2026/11", "2026-11-23-x", "title = \"a\"\n") == "2026-11-23-x");
    CHECK(tx.commit().notes.empty());
  }
  REQUIRE(process::run({"git", "-C", t.dir, "remote", "add", "origin", t.root + "/nowhere.git"}, env, std::nullopt, true)
              .exit_code == 0);
  auto tx = t.repo.change("log-win: 3 wins");
  std::string first = tx.create_unique("wins/2026/11", "2026-11-23-x", "title = \"b\"\n");
  REQUIRE_THAT(first, Catch::Matches("2026-11-23-x-[a-z0-9]{4}"));
  std::string tag = first.substr(first.size() - 4);
  CHECK_THAT(tx.create_unique("wins/2026/11", "2026-11-23-x", "title = \"c\"\n"),
             Catch::Matches("2026-11-23-x-" + tag + "-[0-9a-f]{4}"));
  CHECK(tx.create_unique("wins/2026/11", "2026-11-24-y-zz99", "title = \"d\"\n", Transaction::Naming::as_given) ==
        "2026-11-24-y-zz99");
  WriteResult r = tx.commit();
  REQUIRE(r.notes.size() == 1);
  CHECK_THAT(r.notes[0], Catch::StartsWith("new records made here end in '-" + tag + "', this clone's machine tag"));
  CHECK(is_win_id(first));
}
