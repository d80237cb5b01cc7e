// `upward check` on the 1:1 folders, in a temporary repository without git.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "upward/model/config.hpp"
#include "upward/base/dates.hpp"
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

TEST_CASE("check: sent digests") {
  CheckRepo t;
  t.write("sent/2026-11-20-digest.toml",
          "date = 2026-11-20\nperiod = { first = 2026-11-16, last = 2026-11-22 }\nto = [\"dana@example.com\"]\n"
          "cc = []\nsubject = \"Weekly update\"\n[[plan]]\nkind = \"action\"\nref = \"send-rfc\"\ntext = \"Send it\"\n");
  CHECK(t.problems().empty());
  t.write("sent/2026-11-27-digest.toml", "date = 2026-11-26\nperiod = { first = 2026-11-23, last = 2026-11-29 }\n"
                                         "[[plan]]\nkind = \"hope\"\nref = \"x\"\ntext = \"X\"\n");
  t.write("sent/weekly.toml", "date = 2026-11-26\nperiod = { first = 2026-11-23, last = 2026-11-29 }\n");
  t.write("sent/old/2026-01-02-digest.toml", "date = 2026-01-02\n");
  CHECK(t.problems() ==
        std::vector<std::string>{
            "sent/2026-11-27-digest.toml:1:8: date 2026-11-26 does not match the file name (the file name's date says "
            "when it was sent)",
            "sent/2026-11-27-digest.toml:4:8: unknown kind 'hope' (expected goal-due, next-step, action)",
            "sent/old/2026-01-02-digest.toml: warning: not a place upward reads: sent digests go directly in sent/",
            "sent/weekly.toml:1:1: the file name does not start with a date: name a sent digest after the day it was "
            "sent, like 2026-11-27-digest.toml",
        });
}

TEST_CASE("check: [digest], [sections] and [cycles] in upward.toml") {
  CheckRepo t;
  std::string base = config_template("Ada", "ada@example.com", false);  // ends with the [cycles] table
  t.write("upward.toml", base + "h2-2026 = \"2026-07-01..2026-12-31\"\nrecent = \"since-last-digest\"\n");
  CHECK(t.problems().empty());
  auto line_of = [&](int extra) { return std::to_string(std::count(base.begin(), base.end(), '\n') + extra); };
  t.write("upward.toml", base + "h2-2026 = \"2026-07-01..2026-12-31\"\nbad = \"fortnight\"\nloop = \"cycle:h2-2026\"\n"
                                "Odd = \"2026\"\nrev = \"2026-12-01..2026-11-01\"\n");
  CHECK(t.problems() ==
        std::vector<std::string>{
            "upward.toml:" + line_of(2) + ":7: cycle 'bad': unrecognised period 'fortnight' (expected " +
                dates::period_forms + ")",
            "upward.toml:" + line_of(3) + ":8: cycle 'loop' names another cycle ('cycle:h2-2026'): a cycle must be a "
                                          "period such as 2026-07-01..2026-12-31",
            "upward.toml:" + line_of(4) + ":7: the cycle name 'Odd' is not an id: use lowercase letters, digits and "
                                          "'-' (h2-2026)",
            "upward.toml:" + line_of(5) + ":7: cycle 'rev': range '2026-12-01..2026-11-01' ends before it starts "
                                          "(2026-12-01 > 2026-11-01)",
        });
  t.write("upward.toml", "schema = 1\n[git]\nautocommit = false\n[sections]\nperf = \"speed\"\n[digest]\nto = 3\n");
  auto p = t.problems();
  REQUIRE(p.size() == 2);
  CHECK(p[0] == "upward.toml:5:8: unknown section 'speed' for tag 'perf' (expected projects, collaboration, design, "
                "company, learning)");
  CHECK(p[1].rfind("upward.toml:7:6: ", 0) == 0);
}
