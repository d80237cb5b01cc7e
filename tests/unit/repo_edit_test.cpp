// check_file (one file's text, checked as `upward check` would) and `upward edit`'s library side.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "upward/base/dates.hpp"
#include "upward/store/check.hpp"
#include "upward/store/repo_edit.hpp"
#include "temp_repo.hpp"

using namespace upward;

namespace {
const dates::Day today = *dates::parse_iso("2026-11-23");

/// Each problem as `check` prints it, the repository's folder left out.
std::vector<std::string> lines(const testing::TempRepo& t, const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) {
    std::string line = format_loc(p.where) + (p.note ? "note: " : p.warning ? "warning: " : "") + p.message;
    out.push_back(line.substr(t.dir.size() + 1));
  }
  return out;
}

/// The problems check_repository reports in `rel`.
std::vector<std::string> repository_lines(const testing::TempRepo& t, const std::string& rel) {
  std::vector<Problem> mine;
  for (const auto& p : check_repository(t.repo, today))
    if (p.where.path == t.dir + "/" + rel) mine.push_back(p);
  return lines(t, mine);
}
}  // namespace

TEST_CASE("check_file: the same problems as check_repository, naming the real file") {
  testing::TempRepo t({"dana"});
  t.write("goals/ship.toml", "title = \"Ship\"\n");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"goals/x.toml", "title = \"X\"\nowner = \"zed\"\nsupports = [\"ship\", \"nope\", \"x\"]\n"},
      {"goals/x.toml", "title = \"X\"\nstatus = 3\n"},
      {"goals/x.toml", "title = \"unterminated\n"},
      {"people/lee.toml", "name = \"Lee\"\nstyle = \"chatty\"\n"},
      {"wins/2026/11/2026-11-20-a.toml", "date = 2026-10-30\ntitle = \"A\"\ngoals = [\"nope\"]\nseen_by = [\"zed\"]\n"},
      {"upward.toml", "schema = 1\nmanager = \"zed\"\n[git]\nautocommit = false\n"},
      {"1on1s/dana/2026-11-16.toml", "date = 2026-11-16\n[[action]]\nid = \"a\"\nowner = \"me\"\ntext = \"A\"\n"},
  };
  for (const auto& [rel, text] : cases) {
    INFO(rel << "\n" << text);
    auto alone = lines(t, check_file(t.repo, rel, text, today));
    std::string before = std::filesystem::exists(t.dir + "/" + rel) ? t.read(rel) : "";
    t.write(rel, text);
    CHECK(alone == repository_lines(t, rel));
    if (before.empty()) std::filesystem::remove(t.dir + "/" + rel);
    else t.write(rel, before);
  }
  auto parse = lines(t, check_file(t.repo, "goals/x.toml", "title = \"unterminated\n", today));
  REQUIRE(parse.size() == 1);
  CHECK(parse[0].rfind("goals/x.toml:1:", 0) == 0);
  CHECK(lines(t, check_file(t.repo, "upward.toml", "schema = 1\nmanager = \"zed\"\n", today)) ==
        std::vector<std::string>{"upward.toml:2:11: unknown person 'zed' (no people/zed.toml)"});
  CHECK(check_file(t.repo, "goals/x.toml", "title = \"X\"\nsupports = [\"ship\"]\n", today).empty());
}

TEST_CASE("check_file: a 1:1 record's action ids are checked against the person's other records") {
  testing::TempRepo t({"dana"});
  t.write("1on1s/dana/2026-11-02.toml", "date = 2026-11-02\n[[action]]\nid = \"a\"\nowner = \"me\"\ntext = \"A\"\n");
  t.write("1on1s/dana/2026-11-16.toml", "date = 2026-11-16\n");
  std::string text = "date = 2026-11-16\n[[action]]\nid = \"a\"\nowner = \"me\"\ntext = \"A again\"\n";
  CHECK(lines(t, check_file(t.repo, "1on1s/dana/2026-11-16.toml", text, today)) ==
        std::vector<std::string>{"1on1s/dana/2026-11-16.toml:3:6: action id 'a' is also in 1on1s/dana/2026-11-02.toml "
                                 "(an id is unique among a person's 1:1s: rename one)"});
  // the record's own earlier text does not count against it
  CHECK(check_file(t.repo, "1on1s/dana/2026-11-02.toml",
                   "date = 2026-11-02\n[[action]]\nid = \"a\"\nowner = \"me\"\ntext = \"B\"\n", today)
            .empty());
}

TEST_CASE("edit_target: kinds, ids and the latest 1:1 record") {
  testing::TempRepo t({"dana"});
  t.write("goals/ship.toml", "title = \"Ship\"\n");
  t.write("wins/2026/11/2026-11-20-a.toml", "date = 2026-11-20\ntitle = \"A\"\n");
  CHECK(edit_target(t.repo, "goal", {"ship"}, today) == "goals/ship.toml");
  CHECK(edit_target(t.repo, "person", {"dana"}, today) == "people/dana.toml");
  CHECK(edit_target(t.repo, "win", {"2026-11-20-a"}, today) == "wins/2026/11/2026-11-20-a.toml");
  CHECK(edit_target(t.repo, "config", {}, today) == "upward.toml");
  CHECK_THROWS_AS(edit_target(t.repo, "goal", {"Ship"}, today), UsageError);
  CHECK_THROWS_AS(edit_target(t.repo, "goal", {}, today), UsageError);
  CHECK_THROWS_AS(edit_target(t.repo, "topic", {"x"}, today), UsageError);
  CHECK_THROWS_AS(edit_target(t.repo, "win", {"a"}, today), UsageError);
  CHECK_THROWS_WITH(edit_target(t.repo, "goal", {"nope"}, today), Catch::Contains("unknown goal 'nope'"));
  CHECK_THROWS_WITH(edit_target(t.repo, "1on1", {"dana"}, today),
                    Catch::Contains("'upward prep-1on1 dana --save' writes one"));
  t.write("1on1s/dana/2026-11-09.toml", "date = 2026-11-09\n");
  t.write("1on1s/dana/2026-11-16.toml", "date = 2026-11-16\n");
  t.write("1on1s/dana/notes.toml", "x = 1\n");
  t.write("1on1s/dana/topics/2026-12-01-x.toml", "date = 2026-12-01\ntext = \"X\"\n");
  CHECK(edit_target(t.repo, "1on1", {"dana"}, today) == "1on1s/dana/2026-11-16.toml");
  CHECK(edit_target(t.repo, "1on1", {"dana", "2026-11-09"}, today) == "1on1s/dana/2026-11-09.toml");
  CHECK(edit_target(t.repo, "1on1", {"dana", "last", "monday"}, today) == "1on1s/dana/2026-11-16.toml");
  CHECK_THROWS_WITH(edit_target(t.repo, "1on1", {"dana", "2026-11-02"}, today),
                    Catch::Contains("the latest is 2026-11-16"));
}

TEST_CASE("edit_file: a broken text offered again, then kept as .rej, the file stays") {
  testing::TempRepo t({"dana"});
  std::string editor = t.root + "/editor.sh";
  {
    std::FILE* f = std::fopen(editor.c_str(), "w");
    std::fputs("#!/bin/sh\necho 'oops' >> \"$1\"\n", f);
    std::fclose(f);
    ::chmod(editor.c_str(), 0700);
  }
  Repo repo(t.dir, {"EDITOR=" + editor, "PATH=/usr/bin:/bin"});
  std::string before = t.read("people/dana.toml");
  int asked = 0;
  auto out = edit_file(repo, "people/dana.toml", today, [&](const std::vector<Problem>& problems) {
    CHECK(!problems.empty());
    CHECK(problems.front().where.path == t.dir + "/people/dana.toml");
    return ++asked < 2;  // once more, then give up
  });
  CHECK(asked == 2);
  CHECK(out.status == EditOutcome::Status::rejected);
  CHECK(out.kept == t.dir + "/people/dana.toml.rej");
  CHECK(t.read("people/dana.toml") == before);
  CHECK(t.read("people/dana.toml.rej") == before + "oops\noops\n");  // the second round edited the first's text
  for (const auto& e : std::filesystem::directory_iterator(t.dir))
    CHECK(e.path().filename().string().rfind(".edit-", 0) != 0);
}
