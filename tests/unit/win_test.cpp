#include <catch2/catch.hpp>

#include "upward/base/error.hpp"
#include "upward/model/records.hpp"
#include "upward/model/win.hpp"

using namespace upward;

namespace {
Win sample() {
  Win w;
  w.date = *dates::parse_iso("2026-11-23");
  w.title = "Cut checkout p99 from 900 ms to 350 ms";
  w.impact = "Conversion +1.2% in the A/B test";
  w.tags = {"perf", "checkout"};
  w.goals = {"checkout-latency"};
  w.seen_by = {"dana"};
  return w;
}
}  // namespace

TEST_CASE("win: the file text is the DESIGN example, field for field") {
  CHECK(win_to_toml(sample()) ==
        "date = 2026-11-23\n"
        "title = \"Cut checkout p99 from 900 ms to 350 ms\"\n"
        "impact = \"Conversion +1.2% in the A/B test\"\n"
        "tags = [\"perf\", \"checkout\"]\n"
        "goals = [\"checkout-latency\"]\n"
        "seen_by = [\"dana\"]\n");
}

TEST_CASE("win: every field survives a write and a read") {
  Win w = sample();
  w.kind = "kudos";
  w.from = "dana";
  w.title = "Thanks for \"the\" fix\n'''\\ 🎉";
  w.links = {"https://example.com/pr/1"};
  w.metrics = {{"p99", "900ms", "350ms"}, {"errors", "3%", "0.1%"}};
  w.follow_up = *dates::parse_iso("2027-01-04");
  w.is_private = true;
  std::vector<Problem> problems;
  Win back = win_from_toml(parse_toml(win_to_toml(w), "w.toml"), "w.toml", problems);
  CHECK(problems.empty());
  CHECK(back.date == w.date);
  CHECK(back.title == w.title);
  CHECK(back.impact == w.impact);
  CHECK(back.kind == "kudos");
  CHECK(back.from == "dana");
  CHECK(back.tags == w.tags);
  CHECK(back.goals == w.goals);
  CHECK(back.seen_by == w.seen_by);
  CHECK(back.links == w.links);
  CHECK(back.metrics == w.metrics);
  CHECK(back.follow_up == w.follow_up);
  CHECK(back.is_private);
}

TEST_CASE("win: stems and folders come from the date and the title") {
  Win w = sample();
  CHECK(win_stem(w) == "2026-11-23-cut-checkout-p99-from-900-ms-to-350-ms");
  CHECK(win_folder(w.date) == "wins/2026/11");
  w.title = "🎉🎉";
  CHECK(win_stem(w) == "2026-11-23-win");
}

TEST_CASE("win: metrics are NAME=BEFORE->AFTER") {
  CHECK(parse_metric("p99=900ms->350ms") == Metric{"p99", "900ms", "350ms"});
  CHECK(parse_metric("conversion = 2.1% -> 3.3%") == Metric{"conversion", "2.1%", "3.3%"});
  CHECK(parse_metric("latency=900→350") == Metric{"latency", "900", "350"});
  CHECK_THROWS_WITH(parse_metric("p99 900->350"),
                    "bad metric 'p99 900->350' (expected NAME=BEFORE->AFTER, e.g. p99=900ms->350ms)");
  CHECK_THROWS_AS(parse_metric("p99=900"), UsageError);
  CHECK_THROWS_AS(parse_metric("=1->2"), UsageError);
  CHECK_THROWS_AS(parse_metric("x=->2"), UsageError);
}

TEST_CASE("win: validation refuses what cannot be stored faithfully") {
  Win w = sample();
  CHECK_NOTHROW(validate_win(w));
  w.title = "  ";
  CHECK_THROWS_AS(validate_win(w), UsageError);
  w = sample();
  w.title = "bad \xff utf8";
  CHECK_THROWS_AS(validate_win(w), Error);
  w = sample();
  w.goals = {"../x"};
  CHECK_THROWS_WITH(validate_win(w), Catch::Contains("--goal: '../x' is not an id"));
  w = sample();
  w.seen_by = {"Dana"};
  CHECK_THROWS_AS(validate_win(w), UsageError);
  w = sample();
  w.tags = {"two words"};
  CHECK_THROWS_AS(validate_win(w), UsageError);
  w = sample();
  w.follow_up = *dates::parse_iso("2026-11-01");
  CHECK_THROWS_WITH(validate_win(w), Catch::Contains("before the win's date"));
}

TEST_CASE("win: an edited message reads like a git commit message") {
  auto [title, impact] = title_and_impact("# comment\n\n  Shipped the\nthing  \n\nIt helped\n  a lot\n# more\n", true);
  CHECK(title == "Shipped the thing");
  CHECK(impact == "It helped\n  a lot");
  auto [t2, i2] = title_and_impact("#hashtag win\n", false);
  CHECK(t2 == "#hashtag win");
  CHECK(i2.empty());
  auto [t3, i3] = title_and_impact(edit_template("", ""), true);
  CHECK(t3.empty());
  auto [t4, i4] = title_and_impact(edit_template("Title", "Impact"), true);
  CHECK(t4 == "Title");
  CHECK(i4 == "Impact");
}

TEST_CASE("records: a win file with mistakes yields located problems") {
  std::string text =
      "date = \"2026-11-23\"\n"
      "title = 42\n"
      "tags = [\"ok\", 3]\n"
      "goals = [\"Not A Slug\"]\n"
      "kind = \"brag\"\n"
      "private = \"yes\"\n"
      "whatever = \"unknown keys are fine\"\n";
  std::vector<Problem> problems;
  win_from_toml(parse_toml(text, "w.toml"), "w.toml", problems);
  REQUIRE(problems.size() == 6);
  CHECK(problems[0].where.line == 1);
  CHECK(problems[0].message == "'date' must be a date like 2026-11-23 (no quotes), not a string");
  CHECK(problems[1].where.line == 2);
  CHECK(problems[1].where.column == 9);
  CHECK(problems[1].message == "'title' must be a string, not an integer");
  CHECK(problems[2].where.line == 5);
  CHECK(problems[2].message == "unknown kind 'brag' (expected win, kudos)");
  CHECK(problems[3].where.line == 3);
  CHECK(problems[3].where.column == 15);
  CHECK(problems[4].where.line == 4);
  CHECK(problems[5].message == "'private' must be true or false, not a string");
}

TEST_CASE("records: missing required keys are named") {
  std::vector<Problem> problems;
  win_from_toml(parse_toml("impact = \"x\"\n", "w.toml"), "w.toml", problems);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].message == "missing required key 'date'");
  CHECK(problems[1].message == "missing required key 'title'");
}

TEST_CASE("win ids: a date, '-', then a name that cannot leave its folder") {
  CHECK(is_win_id("2026-11-23-cut-checkout-p99"));
  CHECK(is_win_id("2026-11-23-cut-checkout-p99-a1b2"));
  CHECK_FALSE(is_win_id("2026-11-23"));
  CHECK_FALSE(is_win_id("2026-11-23-"));
  CHECK_FALSE(is_win_id("2026-13-01-x"));
  CHECK_FALSE(is_win_id("2026-11-23-../../x"));
  CHECK_FALSE(is_win_id("2026-11-23-a b"));
  CHECK_FALSE(is_win_id("cut-checkout-p99"));
  CHECK(win_path("2026-11-23-cut") == "wins/2026/11/2026-11-23-cut.toml");
}

TEST_CASE("outcome notes: named and filed by the day the outcome was recorded, and read back") {
  OutcomeNote note{"2025-06-10-old-win", *dates::parse_iso("2026-01-05")};
  CHECK(outcome_note_path(note) == "outcomes/2026/01/2026-01-05-2025-06-10-old-win.toml");
  std::vector<Problem> problems;
  OutcomeNote back = outcome_note_from_toml(parse_toml(outcome_note_to_toml(note), "n.toml"), "n.toml", problems);
  CHECK(problems.empty());
  CHECK(back.win == note.win);
  CHECK(back.date == note.date);
  outcome_note_from_toml(parse_toml("win = \"../x\"\n", "n.toml"), "n.toml", problems);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].message == "missing required key 'date'");
  CHECK(problems[1].message == "'win' must be a win's id, like 2026-11-23-cut-checkout-p99");
}

TEST_CASE("win: a date that is not the file name's is a problem with its remedy") {
  using upward::win_name_date_problem;
  CHECK(win_name_date_problem("2026-11-20-cut-p99", *upward::dates::parse_iso("2026-11-20")).empty());
  CHECK(win_name_date_problem("not-an-id", *upward::dates::parse_iso("2026-11-20")).empty());
  CHECK(win_name_date_problem("2026-11-02-cut-p99", *upward::dates::parse_iso("2026-11-20")) ==
        "date 2026-11-20 does not match the file name's 2026-11-02 (periods choose wins by name): set it back to "
        "2026-11-02 and run 'upward set win 2026-11-02-cut-p99 --date 2026-11-20', which renames the file");
}
