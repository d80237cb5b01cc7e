#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "upward/base/error.hpp"
#include "upward/store/fsio.hpp"

using namespace upward;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  std::string path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "upward-fsio-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
};
mode_t mode_of(const std::string& p) {
  struct stat st;
  ::stat(p.c_str(), &st);
  return st.st_mode & 07777;
}
}  // namespace

TEST_CASE("fsio: atomic_write creates a 0600 file and leaves no temporary file") {
  TempDir t;
  auto old = ::umask(077);
  std::string p = t.path + "/a.toml";
  fsio::atomic_write(p, "x = 1\n");
  ::umask(old);
  CHECK(fsio::read_file(p) == "x = 1\n");
  CHECK(mode_of(p) == 0600);
  CHECK(fsio::toml_files(t.path) == std::vector<std::string>{"a.toml"});
  int entries = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(t.path)) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("fsio: atomic_write replaces a file and keeps its mode") {
  TempDir t;
  std::string p = t.path + "/a.toml";
  fsio::atomic_write(p, "old");
  ::chmod(p.c_str(), 0640);
  fsio::atomic_write(p, "new");
  CHECK(fsio::read_file(p) == "new");
  CHECK(mode_of(p) == 0640);
}

TEST_CASE("fsio: a failed rename leaves the target untouched and no temporary file") {
  TempDir t;
  // renaming a file over a non-empty folder fails after the data is written and synced
  std::string target = t.path + "/target";
  fs::create_directory(target);
  fsio::atomic_write(target + "/inside", "old");
  CHECK_THROWS_WITH(fsio::atomic_write(target, "new"), Catch::Contains("cannot rename the temporary file to"));
  CHECK(fs::is_directory(target));
  CHECK(fsio::read_file(target + "/inside") == "old");
  int entries = 0;
  for (auto& e : fs::directory_iterator(t.path)) {
    CHECK_FALSE(fsio::is_upward_temp(e.path().filename().string()));
    ++entries;
  }
  CHECK(entries == 1);
}

TEST_CASE("fsio: make_dirs creates parents 0700 and refuses a file in the way") {
  TempDir t;
  auto old = ::umask(077);
  fsio::make_dirs(t.path + "/a/b/c");
  ::umask(old);
  CHECK(fs::is_directory(t.path + "/a/b/c"));
  CHECK(mode_of(t.path + "/a") == 0700);
  fsio::atomic_write(t.path + "/f", "x");
  CHECK_THROWS_AS(fsio::make_dirs(t.path + "/f"), Error);
}

TEST_CASE("fsio: stale temporary cleanup removes only upward's own temporaries") {
  TempDir t;
  fsio::atomic_write(t.path + "/.a.toml.upward-tmp.Ab12Cd", "half");
  fsio::atomic_write(t.path + "/a.toml", "whole");
  fsio::atomic_write(t.path + "/.tmp.notes", "mine");
  fsio::atomic_write(t.path + "/.notes.tmp.abcdef", "mine too");
  fsio::atomic_write(t.path + "/.upward-tmp.abcdef", "no name before the marker");
  fsio::remove_stale_temps(t.path);
  CHECK_FALSE(fsio::exists(t.path + "/.a.toml.upward-tmp.Ab12Cd"));
  CHECK(fsio::exists(t.path + "/a.toml"));
  CHECK(fsio::exists(t.path + "/.tmp.notes"));
  CHECK(fsio::read_file(t.path + "/.notes.tmp.abcdef") == "mine too");
  CHECK(fsio::exists(t.path + "/.upward-tmp.abcdef"));
}

TEST_CASE("fsio: upward's temporaries carry a fixed marker") {
  CHECK(fsio::is_upward_temp(".a.toml.upward-tmp.Ab12Cd"));
  CHECK_FALSE(fsio::is_upward_temp(".a.toml.tmp.Ab12Cd"));
  CHECK_FALSE(fsio::is_upward_temp("a.toml.upward-tmp.Ab12Cd"));
  CHECK_FALSE(fsio::is_upward_temp(".a.toml.upward-tmp.Ab12Cd.bak"));
}

TEST_CASE("fsio: a lock file that is a link is refused") {
  TempDir t;
  ::symlink((t.path + "/elsewhere").c_str(), (t.path + "/.upward.lock").c_str());
  CHECK_THROWS_WITH(fsio::RepoLock(t.path), Catch::Contains("is a symbolic link"));
  CHECK_FALSE(fsio::exists(t.path + "/elsewhere"));
}

TEST_CASE("fsio: toml_files lists records recursively, sorted, skipping hidden entries") {
  TempDir t;
  fsio::make_dirs(t.path + "/wins/2026/11");
  fsio::make_dirs(t.path + "/.git");
  fsio::atomic_write(t.path + "/wins/2026/11/b.toml", "");
  fsio::atomic_write(t.path + "/wins/2026/11/a.toml", "");
  fsio::atomic_write(t.path + "/wins/2026/11/notes.md", "");
  fsio::atomic_write(t.path + "/.git/x.toml", "");
  fsio::atomic_write(t.path + "/upward.toml", "");
  CHECK(fsio::toml_files(t.path) ==
        std::vector<std::string>{"upward.toml", "wins/2026/11/a.toml", "wins/2026/11/b.toml"});
}

TEST_CASE("fsio: read_file names the file it cannot read") {
  CHECK_THROWS_WITH(fsio::read_file("/nonexistent/x.toml"),
                    "cannot read '/nonexistent/x.toml': No such file or directory");
}
