// The repository's 1:1 folders and win outcomes, in temporary directories without git.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <map>

#include "upward/base/error.hpp"
#include "upward/model/config.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/repo.hpp"
#include "temp_repo.hpp"

using namespace upward;
namespace fs = std::filesystem;

namespace {
dates::Day day(const char* iso) { return *dates::parse_iso(iso); }

/// A repository without git (autocommit off) with two people, dana and marcus.
struct OneOnOneRepo : testing::TempRepo {
  OneOnOneRepo() {
    write("people/dana.toml", "name = \"Dana\"\nrelationship = \"manager\"\n");
    write("people/marcus.toml", "name = \"Marcus\"\nrelationship = \"stakeholder\"\n");
  }
};

Topic topic(const std::string& person, const std::string& text, const std::string& kind = "topic") {
  Topic t;
  t.person = person;
  t.date = day("2026-11-20");
  t.kind = kind;
  t.text = text;
  return t;
}

const std::string dana_record =
    "# our weekly\n"
    "date = 2026-11-16\n"
    "topics = [\"2026-11-12-vendor\"]   # covered\n"
    "\n"
    "[[action]]\n"
    "id   =  \"send-plan\"\n"
    "owner = \"me\"\n"
    "text = \"Send Dana the plan\"   # by Friday\n"
    "due=2026-11-20\n"
    "\n"
    "# hers\n"
    "[[action]]\n"
    "id = \"intro\"\n"
    "owner = \"dana\"\n"
    "text = \"Intro to the vendor\"\n"
    "done=2026-11-01   # x\n";
}  // namespace

TEST_CASE("repo 1:1s: add_topic writes one file per talking point, and topics() reads them back") {
  OneOnOneRepo t;
  WriteResult r = t.repo.add_topic(topic("dana", "Vendor API limits", "problem"));
  REQUIRE(r.ids == std::vector<std::string>{"2026-11-20-vendor-api-limits"});
  CHECK(r.paths == std::vector<std::string>{"1on1s/dana/topics/2026-11-20-vendor-api-limits.toml"});
  CHECK(t.read("1on1s/dana/topics/2026-11-20-vendor-api-limits.toml") ==
        "date = 2026-11-20\nkind = \"problem\"\ntext = \"Vendor API limits\"\n");
  std::string second = t.repo.add_topic(topic("dana", "Vendor API limits")).ids.at(0);
  CHECK_THAT(second, Catch::Matches("2026-11-20-vendor-api-limits-[0-9a-f]{4}"));
  Topic earlier = topic("dana", "Promo path", "career");
  earlier.date = day("2026-11-02");
  t.repo.add_topic(earlier);

  std::vector<Problem> skipped;
  auto topics = t.repo.topics("dana", skipped);
  CHECK(skipped.empty());
  REQUIRE(topics.size() == 3);
  CHECK(topics[0].id == "2026-11-02-promo-path");
  CHECK(topics[0].kind == "career");
  CHECK(topics[1].id == "2026-11-20-vendor-api-limits");
  CHECK(topics[1].person == "dana");
  CHECK(topics[2].id == second);
  CHECK(t.repo.topics("marcus", skipped).empty());
  CHECK(t.repo.meeting_people() == std::vector<std::string>{"dana"});
}

TEST_CASE("repo 1:1s: a refused talking point writes nothing") {
  OneOnOneRepo t;
  auto before = t.snapshot();
  CHECK_THROWS_WITH(t.repo.add_topic(topic("zed", "x")), "unknown person 'zed' (expected dana, marcus)");
  CHECK_THROWS_AS(t.repo.add_topic(topic("Dana", "x")), UsageError);
  CHECK_THROWS_AS(t.repo.add_topic(topic("dana", "x", "rant")), UsageError);
  CHECK_THROWS_AS(t.repo.add_topic(topic("dana", "")), UsageError);
  CHECK(t.snapshot() == before);
}

TEST_CASE("repo 1:1s: a topic file that does not read is skipped and reported") {
  OneOnOneRepo t;
  t.write("1on1s/dana/topics/2026-11-01-a.toml", "date = 2026-11-01\ntext = \"A\"\n");
  t.write("1on1s/dana/topics/2026-11-02-b.toml", "date = 2026-11-02\n");
  t.write("1on1s/dana/topics/Notes.toml", "date = 2026-11-02\ntext = \"N\"\n");
  std::vector<Problem> skipped;
  auto topics = t.repo.topics("dana", skipped);
  REQUIRE(topics.size() == 1);
  CHECK(topics[0].kind == "topic");
  REQUIRE(skipped.size() == 2);
  CHECK(skipped[0].where.path == t.dir + "/1on1s/dana/topics/2026-11-02-b.toml");
  CHECK(skipped[0].message == "missing required key 'text'");
  CHECK(skipped[1].message == "the file name is not a topic id: rename it to lowercase letters, digits and '-'");
  CHECK_THROWS_AS(t.repo.topics("../x", skipped), UsageError);
}

TEST_CASE("repo 1:1s: save_meeting writes the record once, a second save is refused and names the file") {
  OneOnOneRepo t;
  std::string text = "date = 2026-11-23\ntopics = []\n# notes = \"\"\n";
  WriteResult r = t.repo.save_meeting("dana", day("2026-11-23"), text);
  CHECK(r.paths == std::vector<std::string>{"1on1s/dana/2026-11-23.toml"});
  CHECK(t.read("1on1s/dana/2026-11-23.toml") == text);
  auto before = t.snapshot();
  CHECK_THROWS_WITH(t.repo.save_meeting("dana", day("2026-11-23"), "date = 2026-11-23\ncareer = true\n"),
                    t.dir + "/1on1s/dana/2026-11-23.toml already exists (edit it, or give --date)");
  // a text that is not a record of that day, or not for a known person
  CHECK_THROWS_WITH(t.repo.save_meeting("dana", day("2026-11-24"), text), Catch::StartsWith("date 2026-11-23 does not match"));
  CHECK_THROWS_WITH(t.repo.save_meeting("lee", day("2026-11-24"), text), "unknown person 'lee' (expected dana, marcus)");
  CHECK(t.snapshot() == before);

  std::vector<Problem> skipped;
  auto meetings = t.repo.meetings("dana", skipped);
  CHECK(skipped.empty());
  REQUIRE(meetings.size() == 1);
  CHECK(meetings[0].path == "1on1s/dana/2026-11-23.toml");
  CHECK(meetings[0].date == day("2026-11-23"));
}

TEST_CASE("repo 1:1s: meetings() are oldest first, a file whose name is not a date is skipped") {
  OneOnOneRepo t;
  t.write("1on1s/dana/2026-11-16.toml", dana_record);
  t.write("1on1s/dana/2026-10-02.toml", "date = 2026-10-02\n");
  t.write("1on1s/dana/notes.toml", "date = 2026-10-02\n");
  t.write("1on1s/dana/2026-10-09.toml", "date = 2026-10-09\n[[action]]\nid = \"x\"\n");
  t.write("1on1s/marcus/2026-11-01.toml", "date = 2026-11-01\n");
  std::vector<Problem> skipped;
  auto meetings = t.repo.meetings("dana", skipped);
  REQUIRE(meetings.size() == 2);
  CHECK(meetings[0].date == day("2026-10-02"));
  CHECK(meetings[1].actions.size() == 2);
  REQUIRE(skipped.size() == 2);
  CHECK(skipped[0].where.path == t.dir + "/1on1s/dana/2026-10-09.toml");
  CHECK(skipped[1].message == "the file name is not a date: name a 1:1 record after its date, like 2026-11-23.toml");
  CHECK(t.repo.meeting_people() == std::vector<std::string>{"dana", "marcus"});
}

TEST_CASE("repo 1:1s: close_action adds exactly one line, or changes nothing when the item is done") {
  OneOnOneRepo t;
  t.write("1on1s/dana/2026-11-16.toml", dana_record);
  std::optional<dates::Day> already;
  WriteResult r = t.repo.close_action("", "send-plan", day("2026-11-19"), already);
  CHECK_FALSE(already);
  CHECK(r.ids == std::vector<std::string>{"send-plan"});
  CHECK(r.paths == std::vector<std::string>{"1on1s/dana/2026-11-16.toml"});
  std::string expected = dana_record;
  expected.insert(expected.find("due=2026-11-20\n") + 15, "done = 2026-11-19\n");
  CHECK(t.read("1on1s/dana/2026-11-16.toml") == expected);

  auto before = t.snapshot();
  r = t.repo.close_action("dana", "intro", day("2026-11-20"), already);
  CHECK(already == day("2026-11-01"));
  CHECK(r.noop);
  CHECK(t.snapshot() == before);
}

TEST_CASE("repo 1:1s: a done date written by hand counts, a later one too (CRLF file)") {
  OneOnOneRepo t;
  t.write("1on1s/dana/2026-11-16.toml", "date = 2026-11-16\r\n[[action]]\r\nid = \"a\"\r\nowner = \"me\"\r\n"
                                        "text = \"A\"\r\ndone = 2026-12-24  # planned\r\n");
  std::optional<dates::Day> already;
  t.repo.close_action("dana", "a", day("2026-11-30"), already);
  CHECK(already == day("2026-12-24"));  // a done date is a done date, even a later one
}

TEST_CASE("repo 1:1s: an unknown or ambiguous action id writes nothing and says why") {
  OneOnOneRepo t;
  t.write("1on1s/dana/2026-11-16.toml", dana_record);
  t.write("1on1s/marcus/2026-11-10.toml",
          "date = 2026-11-10\n[[action]]\nid = \"send-plan\"\nowner = \"marcus\"\ntext = \"His plan\"\n");
  auto before = t.snapshot();
  std::optional<dates::Day> already;
  CHECK_THROWS_WITH(t.repo.close_action("", "nope", day("2026-11-19"), already),
                    "unknown action 'nope' (expected send-plan)");
  CHECK_THROWS_WITH(t.repo.close_action("dana", "nope", day("2026-11-19"), already),
                    "unknown action 'nope' (expected send-plan)");
  CHECK_THROWS_WITH(t.repo.close_action("", "send-plan", day("2026-11-19"), already),
                    "action 'send-plan' is in several 1:1 records: 1on1s/dana/2026-11-16.toml, "
                    "1on1s/marcus/2026-11-10.toml (give --with PERSON, or rename one)");
  CHECK_THROWS_WITH(t.repo.close_action("lee", "send-plan", day("2026-11-19"), already),
                    "unknown person 'lee' (expected dana, marcus)");
  CHECK_THROWS_AS(t.repo.close_action("", "Send Plan", day("2026-11-19"), already), UsageError);
  CHECK_THROWS_WITH(t.repo.close_action("dana", "send-plan", day("2026-11-15"), already),
                    "--date: 2026-11-15 is before the 1:1 of 2026-11-16 that holds action 'send-plan'");
  CHECK(t.snapshot() == before);

  t.repo.close_action("marcus", "send-plan", day("2026-11-19"), already);
  CHECK(t.read("1on1s/dana/2026-11-16.toml") == dana_record);
  CHECK(t.read("1on1s/marcus/2026-11-10.toml").find("done = 2026-11-19\n") != std::string::npos);
}

TEST_CASE("repo 1:1s: a record that does not parse is reported when the action is not found elsewhere") {
  OneOnOneRepo t;
  t.write("1on1s/dana/2026-11-16.toml", "date = 2026-11-16\n[[action]]\nid = \"a\"\nowner = \n");
  std::optional<dates::Day> already;
  try {
    t.repo.close_action("dana", "a", day("2026-11-19"), already);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK_THAT(e.located(), Catch::StartsWith(t.dir + "/1on1s/dana/2026-11-16.toml:4:"));
  }
}

TEST_CASE("repo outcomes: record_outcome inserts outcome and its date, then replaces them") {
  OneOnOneRepo t;
  Win w;
  w.date = day("2026-10-20");
  w.title = "Cut checkout p99";
  w.follow_up = day("2026-11-20");
  std::string id = t.repo.add_wins({w}).ids.at(0);
  REQUIRE(id == "2026-10-20-cut-checkout-p99");
  std::string rel = "wins/2026/10/" + id + ".toml", text = t.read(rel);
  CHECK(t.repo.win(id).title == "Cut checkout p99");

  std::string previous = "unset";
  WriteResult r = t.repo.record_outcome(id, "Held at 350 ms", day("2026-11-21"), previous);
  CHECK(previous.empty());
  CHECK(r.ids == std::vector<std::string>{id});
  CHECK(t.read(rel) == text + "outcome = \"Held at 350 ms\"\noutcome_date = 2026-11-21\n");
  Win back = t.repo.win(id);
  CHECK(back.outcome == "Held at 350 ms");
  CHECK(back.outcome_date == day("2026-11-21"));
  CHECK_FALSE(outcome_due(back, day("2026-11-30")));

  t.repo.record_outcome(id, "Regressed to 500 ms \"later\"", day("2026-11-25"), previous);
  CHECK(previous == "Held at 350 ms");
  CHECK(t.read(rel) == text + "outcome = \"Regressed to 500 ms \\\"later\\\"\"\noutcome_date = 2026-11-25\n");
}

TEST_CASE("repo outcomes: an outcome written by hand is replaced in place, every other byte kept") {
  OneOnOneRepo t;
  std::string text = "# mine\ndate = 2026-10-20\ntitle = 'X'\noutcome='by hand'   # yes\n\n[extra]\nk = 1\n";
  t.write("wins/2026/10/2026-10-20-x.toml", text);
  std::string previous;
  t.repo.record_outcome("2026-10-20-x", "Better", day("2026-11-01"), previous);
  CHECK(previous == "by hand");
  CHECK(t.read("wins/2026/10/2026-10-20-x.toml") ==
        "# mine\ndate = 2026-10-20\ntitle = 'X'\noutcome=\"Better\"   # yes\noutcome_date = 2026-11-01\n\n[extra]\nk = 1\n");
}

TEST_CASE("repo outcomes: bad and unknown win ids, and bad outcomes, write nothing") {
  OneOnOneRepo t;
  t.write("wins/2026/10/2026-10-20-x.toml", "date = 2026-10-20\ntitle = 'X'\n");
  auto before = t.snapshot();
  std::string previous;
  for (const char* bad : {"x", "2026-10-20", "2026-10-20/../../upward", "2026-13-01-x", "../2026-10-20-x"}) {
    INFO(bad);
    CHECK_THROWS_AS(t.repo.record_outcome(bad, "y", day("2026-11-01"), previous), UsageError);
  }
  CHECK_THROWS_WITH(t.repo.win("2026-10-21-x"), "unknown win '2026-10-21-x' (no wins/2026/10/2026-10-21-x.toml)");
  CHECK_THROWS_WITH(t.repo.record_outcome("2026-10-20-x", "y", day("2026-10-19"), previous),
                    "--date: 2026-10-19 is before the win's date 2026-10-20");
  CHECK_THROWS_AS(t.repo.record_outcome("2026-10-20-x", " ", day("2026-11-01"), previous), UsageError);
  CHECK_THROWS_AS(t.repo.record_outcome("2026-10-20-x", "\xff", day("2026-11-01"), previous), Error);
  t.write("wins/2026/10/2026-10-22-y.toml", "date = 2026-10-22\n");
  before = t.snapshot();
  CHECK_THROWS_WITH(t.repo.record_outcome("2026-10-22-y", "y", day("2026-11-01"), previous), "missing required key 'title'");
  CHECK(t.snapshot() == before);
}

TEST_CASE("repo wins: a range opens only the month folders it touches (an agenda's past year)") {
  OneOnOneRepo t;
  t.write("wins/2025/10/2025-10-31-old.toml", "not = toml = at all\n");
  t.write("wins/2026/12/2026-12-01-later.toml", "not = toml = at all\n");
  t.write("wins/2025/11/2025-11-23-a.toml", "date = 2025-11-23\ntitle = \"A\"\nfollow_up = 2026-01-01\n");
  t.write("wins/2025/11/2025-11-22-before.toml", "date = 2025-11-22\ntitle = \"Before\"\n");
  t.write("wins/2026/11/2026-11-20-b.toml", "date = 2026-11-20\ntitle = \"B\"\n");
  std::vector<Problem> skipped;
  auto wins = t.repo.wins_in({day("2025-11-23"), day("2026-11-23")}, skipped);
  CHECK(skipped.empty());
  REQUIRE(wins.size() == 2);
  CHECK(wins[0].id == "2025-11-23-a");
  CHECK(wins[1].id == "2026-11-20-b");
}
