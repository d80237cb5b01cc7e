// `upward check` on the 1:1 folders, in a temporary repository without git.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "upward/model/config.hpp"
#include "upward/store/check.hpp"
#include "upward/store/fsio.hpp"
#include "temp_repo.hpp"

using namespace upward;
namespace fs = std::filesystem;

namespace {
struct CheckRepo : testing::TempRepo {
  CheckRepo() { write("people/dana.toml", "name = \"Dana\"\nrelationship = \"manager\"\n"); }
  /// Each problem as `check` prints it, the repository's folder left out.
  std::vector<std::string> problems() const {
    std::vector<std::string> out;
    for (const auto& p : check_repository(repo, *dates::parse_iso("2026-11-23"))) {
      std::string line = format_loc(p.where) + (p.note ? "note: " : p.warning ? "warning: " : "") + p.message;
      out.push_back(line.substr(dir.size() + 1));
    }
    return out;
  }
};
}  // namespace

TEST_CASE("check: clean 1:1 folders have no problem") {
  CheckRepo t;
  t.write("1on1s/dana/2026-11-16.toml",
          "date = 2026-11-16\n[[action]]\nid = \"a\"\nowner = \"dana\"\ntext = \"A\"\n");
  t.write("1on1s/dana/topics/2026-11-20-x.toml", "date = 2026-11-20\nkind = \"problem\"\ntext = \"X\"\n");
  CHECK(t.problems().empty());
}

TEST_CASE("check: 1:1 records and talking points with mistakes") {
  CheckRepo t;
  t.write("1on1s/dana/2026-11-02.toml", "date = 2026-11-02\n[[action]]\nid = \"a\"\nowner = \"me\"\ntext = \"A\"\n");
  t.write("1on1s/dana/2026-11-16.toml",
          "date = 2026-11-16\n[[action]]\nid = \"a\"\nowner = \"lee\"\ntext = \"A again\"\n");
  t.write("1on1s/dana/weekly.toml", "date = 2026-11-09\n");
  t.write("1on1s/dana/topics/2026-11-20-x.toml", "date = 2026-11-20\nkind = \"rant\"\ntext = \"X\"\n");
  t.write("1on1s/dana/topics/Big Idea.toml", "date = 2026-11-20\ntext = \"X\"\n");
  t.write("1on1s/dana/topics/old/2026-01-01-y.toml", "date = 2026-01-01\ntext = \"Y\"\n");
  t.write("1on1s/sam/2026-11-03.toml", "date = 2026-11-03\n");
  t.write("1on1s/Team/2026-11-03.toml", "date = 2026-11-03\n");
  t.write("1on1s/notes.toml", "x = 1\n");
  t.write("1on1s/dana/2026-11-30.toml", "date = 2026-11-30\ntopics = [\n");
  CHECK(t.problems() ==
        std::vector<std::string>{
            "1on1s/Team: the folder name is not a person id: rename it to lowercase letters, digits and '-'",
            "1on1s/dana/2026-11-16.toml:3:6: action id 'a' is also in 1on1s/dana/2026-11-02.toml (an id is unique "
            "among a person's 1:1s: rename one)",
            "1on1s/dana/2026-11-16.toml:4:9: note: 'owner' names 'lee', who is not in people/ ('upward people add lee' "
            "adds them)",
            "1on1s/dana/2026-11-30.toml:2:12: Error while parsing array: encountered end-of-file",
            "1on1s/dana/topics/2026-11-20-x.toml:2:8: unknown kind 'rant' (expected problem, idea, ask, topic, feedback, "
            "career)",
            "1on1s/dana/topics/Big Idea.toml:1:1: the file name is not a topic id: rename it to lowercase letters, digits "
            "and '-'",
            "1on1s/dana/topics/old/2026-01-01-y.toml: warning: not a place upward reads: 1:1 records go in "
            "1on1s/PERSON/DATE.toml, talking points in 1on1s/PERSON/topics/",
            "1on1s/dana/weekly.toml:1:1: the file name is not a date: name a 1:1 record after its date, like "
            "2026-11-23.toml",
            "1on1s/notes.toml: warning: not a place upward reads: 1:1 records go in 1on1s/PERSON/DATE.toml, talking "
            "points in 1on1s/PERSON/topics/",
            "1on1s/sam: note: 1:1s with 'sam', who is not in people/ ('upward people add sam' adds them)",
        });
}

TEST_CASE("check: a symbolic link in the repository is a problem: nothing reads through it") {
  CheckRepo t;
  std::string outside = t.root + "/outside";
  fsio::make_dirs(outside);
  fsio::atomic_write(outside + "/2026-11-02.toml", "date = 2026-11-02\n");
  fsio::make_dirs(t.dir + "/1on1s");
  fs::create_directory_symlink(outside, t.dir + "/1on1s/dana");
  CHECK(t.problems() == std::vector<std::string>{"1on1s/dana: a symbolic link: upward neither reads nor writes through "
                                                 "links (replace it with the real file or folder)"});
  std::vector<Problem> skipped;
  CHECK(t.repo.meetings("dana", skipped).empty());
  REQUIRE(skipped.size() == 1);
  CHECK_THAT(skipped[0].message, Catch::Contains("is a symbolic link"));
}
