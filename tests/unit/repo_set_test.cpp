// upward set and rm in the store: in-place edits, moves, refusals; temporary repositories without git.
#include <catch2/catch.hpp>

#include "upward/base/error.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/repo_rm.hpp"
#include "upward/store/repo_set.hpp"
#include "temp_repo.hpp"

using namespace upward;
using testing::day;

namespace {

const std::string goal_text =
    "# the boss's top goal\n"
    "title = \"Checkout fast\"   # keep it short\n"
    "owner = \"me\"\n"
    "\n"
    "due = 2026-12-31\n"
    "\n"
    "[[update]]\n"
    "date = 2026-11-02\n"
    "progress = 10\n";

const std::string win_text =
    "date = 2026-11-20\n"
    "title = \"Cut p99\"  # yes\n"
    "tags = ['perf']\n"
    "goals = [\"speed\"]\n"
    "follow_up = 2026-12-20\n";

struct SetRepo : testing::TempRepo {
  SetRepo() : TempRepo({"dana", "lee"}) {
    write("goals/speed.toml", goal_text);
    write("goals/other.toml", "title = \"Other\"\nsupports = [\"speed\"]\n");
    write("wins/2026/11/2026-11-20-cut-p99.toml", win_text);
  }
};

}  // namespace

TEST_CASE("set: a goal's due date changes exactly its value's text") {
  SetRepo t;
  GoalChanges c;
  c.due = day("2026-11-27");
  WriteResult r = set_goal(t.repo, "speed", c);
  CHECK(r.ids == std::vector<std::string>{"speed"});
  CHECK(r.paths == std::vector<std::string>{"goals/speed.toml"});
  std::string want = goal_text;
  want.replace(want.find("2026-12-31"), 10, "2026-11-27");
  CHECK(t.read("goals/speed.toml") == want);
}

TEST_CASE("set: a missing key is added, lists add without duplicates, clear empties first") {
  SetRepo t;
  GoalChanges c;
  c.why = "Conversion";
  c.supports.add = {"other", "other"};
  set_goal(t.repo, "speed", c);
  CHECK(t.read("goals/speed.toml") ==
        "# the boss's top goal\ntitle = \"Checkout fast\"   # keep it short\nowner = \"me\"\n\ndue = 2026-12-31\n"
        "why = \"Conversion\"\nsupports = [\"other\"]\n\n[[update]]\ndate = 2026-11-02\nprogress = 10\n");
  WinChanges w;
  w.tags = {true, {"a", "b"}};
  w.goals.add = {"speed"};  // already there: nothing to change for goals
  set_win(t.repo, "2026-11-20-cut-p99", w);
  CHECK(t.read("wins/2026/11/2026-11-20-cut-p99.toml") ==
        "date = 2026-11-20\ntitle = \"Cut p99\"  # yes\ntags = [\"a\", \"b\"]\ngoals = [\"speed\"]\nfollow_up = 2026-12-20\n");
}

TEST_CASE("set: equal values write nothing, refused values change nothing") {
  SetRepo t;
  auto before = t.snapshot();
  PersonChanges same;
  same.name = "dana";
  WriteResult r = set_person(t.repo, "dana", same);
  CHECK(r.noop);
  CHECK(r.notes == std::vector<std::string>{"person 'dana' already has these values; nothing was written"});
  PersonChanges bad;
  bad.style = "terse";
  CHECK_THROWS_WITH(set_person(t.repo, "dana", bad), "--style: unknown value 'terse' (expected brief, detailed)");
  GoalChanges self;
  self.supports.add = {"speed"};
  CHECK_THROWS_WITH(set_goal(t.repo, "speed", self), "--supports: a goal cannot support itself ('speed')");
  GoalChanges unknown;
  unknown.owner = "kim";
  CHECK_THROWS_WITH(set_goal(t.repo, "speed", unknown), "unknown person 'kim' (expected dana, lee)");
  GoalChanges title;
  title.title = "x";
  CHECK_THROWS_AS(set_goal(t.repo, "Speed", title), UsageError);
  CHECK_THROWS_WITH(set_goal(t.repo, "nope", title), Catch::Contains("unknown goal 'nope'"));
  WinChanges two_lines;
  two_lines.title = "a\nb";
  CHECK_THROWS_AS(set_win(t.repo, "2026-11-20-cut-p99", two_lines), UsageError);
  CHECK(t.snapshot() == before);
}

TEST_CASE("set: a file that does not parse is never written") {
  SetRepo t;
  t.write("people/kim.toml", "name = \"Kim\nrelationship = \"peer\"\n");
  PersonChanges c;
  c.style = "brief";
  try {
    set_person(t.repo, "kim", c);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.where());
    CHECK(e.where()->line == 1);
  }
  CHECK(t.read("people/kim.toml") == "name = \"Kim\nrelationship = \"peer\"\n");
}

TEST_CASE("set: a new date renames and moves the win, with its outcome note") {
  SetRepo t;
  t.write("outcomes/2026/11/2026-11-22-2026-11-20-cut-p99.toml",
          "# note\nwin = \"2026-11-20-cut-p99\"\ndate = 2026-11-22\n");
  WinChanges c;
  c.date = day("2026-10-30");
  WriteResult r = set_win(t.repo, "2026-11-20-cut-p99", c);
  CHECK(r.ids == std::vector<std::string>{"2026-10-30-cut-p99"});
  CHECK_FALSE(fsio::exists(t.dir + "/wins/2026/11/2026-11-20-cut-p99.toml"));
  CHECK(t.read("wins/2026/10/2026-10-30-cut-p99.toml") ==
        "date = 2026-10-30\ntitle = \"Cut p99\"  # yes\ntags = ['perf']\ngoals = [\"speed\"]\nfollow_up = 2026-12-20\n");
  CHECK_FALSE(fsio::exists(t.dir + "/outcomes/2026/11/2026-11-22-2026-11-20-cut-p99.toml"));
  CHECK(t.read("outcomes/2026/11/2026-11-22-2026-10-30-cut-p99.toml") ==
        "# note\nwin = \"2026-10-30-cut-p99\"\ndate = 2026-11-22\n");

  t.write("wins/2026/10/2026-10-29-cut-p99.toml", "date = 2026-10-29\ntitle = \"Taken\"\n");
  c.date = day("2026-10-29");  // the name is taken: a suffix
  std::string id = set_win(t.repo, "2026-10-30-cut-p99", c).ids.at(0);
  CHECK_THAT(id, Catch::Matches("2026-10-29-cut-p99-[0-9a-f]{4}"));
  c.date = day("2026-12-21");  // after the follow-up
  CHECK_THROWS_WITH(set_win(t.repo, id, c), Catch::Contains("is after the win's follow-up 2026-12-20"));
}

TEST_CASE("rm: a goal that wins or goals name is refused, naming them, unless forced") {
  SetRepo t;
  auto before = t.snapshot();
  CHECK_THROWS_WITH(remove_goal(t.repo, "speed", false),
                    "goal 'speed' is still named by win 2026-11-20-cut-p99, goal other (supports); nothing was removed "
                    "(--force removes it anyway, leaving them naming it)");
  CHECK(t.snapshot() == before);
  Removal r = remove_goal(t.repo, "speed", true);
  CHECK(r.write.paths == std::vector<std::string>{"goals/speed.toml"});
  CHECK(r.left.size() == 2);
  CHECK_FALSE(r.committed);
  CHECK_FALSE(fsio::exists(t.dir + "/goals/speed.toml"));
  CHECK_THROWS_WITH(remove_goal(t.repo, "speed", false), "unknown goal 'speed' (no goals/speed.toml)");
  CHECK_THROWS_AS(remove_goal(t.repo, "../x", false), UsageError);
  t.write("goals/broken.toml", "title = \"Broken\nowner = \"me\"\n");  // a broken record can be removed
  CHECK(remove_goal(t.repo, "broken", true).write.paths == std::vector<std::string>{"goals/broken.toml"});
  t.write("goals/broken.toml", "title = \"Broken\nowner = \"me\"\n");  // ...but it stops removing another
  t.write("goals/lone.toml", "title = \"Lone\"\n");
  CHECK_THROWS_WITH(remove_goal(t.repo, "lone", false), Catch::Contains("cannot tell whether it names the record"));
  CHECK(remove_goal(t.repo, "lone", true).write.paths == std::vector<std::string>{"goals/lone.toml"});
}

TEST_CASE("rm: a win goes with its outcome notes, a person with references is refused") {
  SetRepo t;
  t.write("outcomes/2026/11/2026-11-22-2026-11-20-cut-p99.toml", "win = \"2026-11-20-cut-p99\"\ndate = 2026-11-22\n");
  Removal r = remove_win(t.repo, "2026-11-20-cut-p99", true);  // no git here: only --force removes
  CHECK(r.write.paths == std::vector<std::string>{"wins/2026/11/2026-11-20-cut-p99.toml",
                                                  "outcomes/2026/11/2026-11-22-2026-11-20-cut-p99.toml"});
  t.write("goals/boss.toml", "title = \"Boss\"\nowner = \"dana\"\n");
  t.write("1on1s/dana/2026-11-16.toml", "date = 2026-11-16\n");
  CHECK_THROWS_WITH(remove_person(t.repo, "dana", false),
                    Catch::StartsWith("person 'dana' is still named by goal boss (owner), 1 1:1 record in 1on1s/dana/;"));
  CHECK(remove_person(t.repo, "lee", true).write.paths == std::vector<std::string>{"people/lee.toml"});
}

TEST_CASE("rm: a topic is found in whoever's folder holds it") {
  SetRepo t;
  t.write("1on1s/dana/topics/2026-11-20-vendor.toml", "date = 2026-11-20\ntext = \"Vendor\"\n");
  t.write("1on1s/lee/topics/2026-11-20-vendor.toml", "date = 2026-11-20\ntext = \"Vendor\"\n");
  t.write("1on1s/lee/2026-11-21.toml", "date = 2026-11-21\ntopics = [\"2026-11-20-vendor\"]\n");
  CHECK_THROWS_WITH(remove_topic(t.repo, "2026-11-20-vendor", "", false),
                    "topic '2026-11-20-vendor' is queued for several people: dana, lee (give --with PERSON)");
  CHECK_THROWS_WITH(remove_topic(t.repo, "2026-11-20-vendor", "lee", false),
                    Catch::StartsWith("topic '2026-11-20-vendor' is still named by 1:1 record 1on1s/lee/2026-11-21.toml;"));
  CHECK(remove_topic(t.repo, "2026-11-20-vendor", "dana", true).write.paths ==
        std::vector<std::string>{"1on1s/dana/topics/2026-11-20-vendor.toml"});
  CHECK_THROWS_WITH(remove_topic(t.repo, "nope", "", false), "unknown topic 'nope'");
}
