#include <catch2/catch.hpp>

#include "upward/base/error.hpp"
#include "upward/model/meeting.hpp"
#include "upward/model/records.hpp"

using namespace upward;

namespace {
dates::Day day(const char* iso) { return *dates::parse_iso(iso); }

Topic problem_topic() {
  Topic t;
  t.person = "dana";
  t.date = day("2026-11-20");
  t.kind = "problem";
  t.text = "Vendor API rate limits hit at peak";
  t.solution = "Move to the v3 API, which batches";
  return t;
}

std::vector<std::string> located(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(format_loc(p.where) + p.message);
  return out;
}

Meeting read_meeting(const std::string& text, std::vector<Problem>& problems,
                     const std::string& path = "1on1s/dana/2026-11-16.toml") {
  return meeting_from_toml(parse_toml(text, path), "dana", path, problems);
}
}  // namespace

TEST_CASE("topics: the file's text, stem and folder") {
  Topic t = problem_topic();
  CHECK(topic_to_toml(t) ==
        "date = 2026-11-20\n"
        "kind = \"problem\"\n"
        "text = \"Vendor API rate limits hit at peak\"\n"
        "solution = \"Move to the v3 API, which batches\"\n");
  CHECK(topic_stem(t) == "2026-11-20-vendor-api-rate-limits-hit-at-peak");
  CHECK(meeting_folder("dana") == "1on1s/dana");
  Topic plain;
  plain.date = day("2026-11-21");
  plain.text = "日本語";
  plain.is_private = true;
  CHECK(topic_stem(plain) == "2026-11-21-topic");
  CHECK(topic_to_toml(plain) == "date = 2026-11-21\nkind = \"topic\"\ntext = \"日本語\"\nprivate = true\n");
  Topic long_one = plain;
  long_one.text = "A talking point with far more words than any file name should ever carry along";
  CHECK(topic_stem(long_one) == "2026-11-21-a-talking-point-with-far-more-words");
}

TEST_CASE("topics: written text reads back the same through toml++") {
  Topic t = problem_topic();
  t.text = "Quotes \"and\" \\ backslashes\tand ☃";
  t.is_private = true;
  std::vector<Problem> problems;
  Topic back = topic_from_toml(parse_toml(topic_to_toml(t), "t.toml"), "x", "dana", "t.toml", problems);
  CHECK(problems.empty());
  CHECK(back.id == "x");
  CHECK(back.person == "dana");
  CHECK(back.date == t.date);
  CHECK(back.kind == t.kind);
  CHECK(back.text == t.text);
  CHECK(back.solution == t.solution);
  CHECK(back.is_private);
}

TEST_CASE("topics: what a person types is checked") {
  Topic t = problem_topic();
  CHECK_NOTHROW(validate_topic(t));
  t.kind = "idea";
  CHECK_THROWS_WITH(validate_topic(t), "--solution: only a problem carries a proposed solution (this one is kind 'idea')");
  t.solution.clear();
  CHECK_NOTHROW(validate_topic(t));
  t.kind = "rant";
  CHECK_THROWS_WITH(validate_topic(t), "--kind: unknown value 'rant' (expected problem, idea, ask, topic, feedback, career)");
  CHECK_THROWS_AS(validate_topic(t), UsageError);
  t.kind = "topic";
  t.text = "  ";
  CHECK_THROWS_WITH(validate_topic(t), "the talking point has no text");
  t.text = "two\nlines";
  CHECK_THROWS_AS(validate_topic(t), UsageError);
  t.text = "bad \xff byte";
  CHECK_THROWS_AS(validate_topic(t), Error);
}

TEST_CASE("topics: problems in a topic file point at the key") {
  std::vector<Problem> problems;
  Topic t = topic_from_toml(parse_toml("kind = \"rant\"\ntext = \"\"\nprivate = \"yes\"\n", "t.toml"), "x", "dana", "t.toml",
                            problems);
  CHECK(located(problems) == std::vector<std::string>{
                                 "t.toml:1:1: missing required key 'date'",
                                 "t.toml:2:8: 'text' is empty",
                                 "t.toml:1:8: unknown kind 'rant' (expected problem, idea, ask, topic, feedback, career)",
                                 "t.toml:3:11: 'private' must be true or false, not a string",
                             });
  CHECK(t.kind == "topic");
}

TEST_CASE("1:1 records: every field read, actions in file order") {
  std::vector<Problem> problems;
  Meeting m = read_meeting(
      "date = 2026-11-16\nwith = \"dana\"\ntopics = [\"2026-11-12-vendor-api-limits\"]\ncareer = true\n"
      "notes = \"\"\"\nWe talked.\n\"\"\"\nreflection = \"Went well\"\n\n"
      "[[action]]\nid = \"send-vendor-plan\"\nowner = \"me\"\ntext = \"Send the plan\"\ndue = 2026-11-20\n"
      "done = 2026-11-19\n\n[[action]]\nid = \"intro\"\nowner = \"dana\"\ntext = \"Intro to vendor\"\nfuture = 1\n",
      problems);
  CHECK(problems.empty());
  CHECK(m.person == "dana");
  CHECK(m.path == "1on1s/dana/2026-11-16.toml");
  CHECK(m.date == day("2026-11-16"));
  CHECK(m.topics == std::vector<std::string>{"2026-11-12-vendor-api-limits"});
  CHECK(m.career);
  CHECK(m.notes == "We talked.\n");
  CHECK(m.reflection == "Went well");
  REQUIRE(m.actions.size() == 2);
  CHECK(m.actions[0].id == "send-vendor-plan");
  CHECK(m.actions[0].owner == "me");
  CHECK(m.actions[0].text == "Send the plan");
  CHECK(m.actions[0].due == day("2026-11-20"));
  CHECK(m.actions[0].done == day("2026-11-19"));
  CHECK(m.actions[1].owner == "dana");
  CHECK_FALSE(m.actions[1].due);
  CHECK_FALSE(m.actions[1].done);

  problems.clear();
  Meeting bare = read_meeting("date = 2026-11-16\n", problems);
  CHECK(problems.empty());
  CHECK(bare.actions.empty());
  CHECK_FALSE(bare.career);
}

TEST_CASE("1:1 records: mistakes are reported where they are") {
  std::vector<Problem> problems;
  Meeting m = read_meeting(
      "date = 2026-11-17\nwith = \"marcus\"\ntopics = [\"Vendor API\"]\n\n"
      "[[action]]\nid = \"a\"\nowner = \"Dana Okafor\"\ntext = \"x\"\n\n"
      "[[action]]\nid = \"a\"\nowner = \"me\"\ntext = \"y\"\n\n"
      "[[action]]\nowner = \"me\"\n\n"
      "[[action]]\nid = \"Bad Id\"\nowner = \"me\"\ntext = \"z\"\ndue = \"friday\"\n",
      problems);
  CHECK(located(problems) ==
        std::vector<std::string>{
            "1on1s/dana/2026-11-16.toml:1:8: date 2026-11-17 does not match the file name (rename the file to "
            "2026-11-17.toml, or correct the date)",
            "1on1s/dana/2026-11-16.toml:2:8: 'with' = 'marcus', but the file is in dana's folder (move it to "
            "1on1s/marcus/, or correct 'with')",
            "1on1s/dana/2026-11-16.toml:3:11: 'Vendor API' in 'topics' is not an id (expected lowercase letters, digits "
            "and '-')",
            "1on1s/dana/2026-11-16.toml:7:9: 'owner' must be \"me\" or a person id, not 'Dana Okafor'",
            "1on1s/dana/2026-11-16.toml:11:6: action id 'a' is repeated in this file (first on line 6)",
            "1on1s/dana/2026-11-16.toml:15:1: an [[action]] needs an 'id', an 'owner' (\"me\" or a person id) and a "
            "'text'",
            "1on1s/dana/2026-11-16.toml:19:6: 'id' = 'Bad Id' is not an id (expected lowercase letters, digits and '-')",
            "1on1s/dana/2026-11-16.toml:22:7: 'due' must be a date like 2026-11-23 (no quotes), not a string",
        });
  REQUIRE(m.actions.size() == 1);
  CHECK(m.actions[0].text == "x");

  problems.clear();
  read_meeting("with = \"dana\"\naction = 3\n", problems);
  CHECK(located(problems) == std::vector<std::string>{
                                 "1on1s/dana/2026-11-16.toml:1:1: missing required key 'date'",
                                 "1on1s/dana/2026-11-16.toml:2:10: 'action' must be [[action]] tables",
                             });
  // a file name that is not a date is the caller's to report
  problems.clear();
  read_meeting("date = 2026-11-16\n", problems, "1on1s/dana/notes.toml");
  CHECK(problems.empty());
}

TEST_CASE("wins: a recorded outcome reads back") {
  std::vector<Problem> problems;
  Win w = win_from_toml(parse_toml("date = 2026-11-01\ntitle = \"x\"\nfollow_up = 2026-11-20\noutcome = \"Held\"\n"
                                   "outcome_date = 2026-11-22\n",
                                   "w.toml"),
                        "w.toml", problems);
  CHECK(problems.empty());
  CHECK(w.outcome == "Held");
  CHECK(w.outcome_date == day("2026-11-22"));
  CHECK_FALSE(outcome_due(w, day("2026-11-30")));
  w.outcome.clear();
  CHECK(outcome_due(w, day("2026-11-20")));
  CHECK_FALSE(outcome_due(w, day("2026-11-19")));

  problems.clear();
  win_from_toml(parse_toml("date = 2026-11-01\ntitle = \"x\"\noutcome = 3\noutcome_date = \"soon\"\n", "w.toml"), "w.toml",
                problems);
  CHECK(located(problems) == std::vector<std::string>{
                                 "w.toml:3:11: 'outcome' must be a string, not an integer",
                                 "w.toml:4:16: 'outcome_date' must be a date like 2026-11-23 (no quotes), not a string",
                             });
}
