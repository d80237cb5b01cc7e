#include <catch2/catch.hpp>

#include "upward/base/error.hpp"
#include "upward/model/goal.hpp"
#include "upward/views/goals_view.hpp"
#include "upward/model/records.hpp"

using namespace upward;

namespace {
dates::Day d(const char* iso) { return *dates::parse_iso(iso); }
GoalUpdate update(const char* day, std::optional<int> progress, std::string status = "", std::string note = "") {
  return {d(day), progress, std::move(status), std::move(note)};
}
Goal goal(std::string id, std::string owner = "me", std::vector<std::string> supports = {}) {
  Goal g;
  g.id = id;
  g.title = "Goal " + id;
  g.owner = std::move(owner);
  g.supports = std::move(supports);
  g.created = d("2026-11-01");
  return g;
}
}  // namespace

TEST_CASE("goals: status and progress come from the updates, each field carried forward") {
  Goal g = goal("g");
  GoalState s = goal_state(g, d("2026-11-23"), 21);
  CHECK(s.status == "on-track");
  CHECK(s.progress == 0);
  CHECK(s.last_update == d("2026-11-01"));
  g.updates = {update("2026-11-05", 20, "on-track"), update("2026-11-10", std::nullopt, "at-risk"),
               update("2026-11-12", 35)};
  s = goal_state(g, d("2026-11-23"), 21);
  CHECK(s.status == "at-risk");
  CHECK(s.progress == 35);
  CHECK(s.last_update == d("2026-11-12"));
  CHECK(s.days_since_update == 11);
  CHECK(s.active);
  g.updates.push_back(update("2026-11-20", 100, "done"));
  s = goal_state(g, d("2026-11-23"), 21);
  CHECK_FALSE(s.active);
}

TEST_CASE("goals: a goal is stale after the limit without an update, unless it is over") {
  Goal g = goal("g");
  g.updates = {update("2026-11-01", 10)};
  CHECK_FALSE(goal_state(g, d("2026-11-22"), 21).stale);  // 21 days: not yet
  CHECK(goal_state(g, d("2026-11-23"), 21).stale);        // 22 days
  CHECK_FALSE(goal_state(g, d("2026-11-23"), 30).stale);  // configurable
  g.updates.push_back(update("2026-11-02", std::nullopt, "dropped"));
  CHECK_FALSE(goal_state(g, d("2026-12-31"), 21).stale);
}

TEST_CASE("goals: overdue only while active") {
  Goal g = goal("g");
  g.due = d("2026-11-20");
  CHECK(goal_state(g, d("2026-11-21"), 21).overdue);
  CHECK_FALSE(goal_state(g, d("2026-11-20"), 21).overdue);
  g.updates = {update("2026-11-21", 100, "done")};
  CHECK_FALSE(goal_state(g, d("2026-11-23"), 21).overdue);
}

TEST_CASE("goals: progress is a whole percentage from 0 to 100") {
  CHECK(parse_progress("40%") == 40);
  CHECK(parse_progress("40") == 40);
  CHECK(parse_progress("0%") == 0);
  CHECK(parse_progress("100%") == 100);
  for (const char* bad : {"120%", "-5", "abc", "", "%", "40.5%", "4 0", "101"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_progress(bad), UsageError);
  }
  CHECK_THROWS_WITH(parse_progress("120%"),
                    "--progress: '120%' is not a progress (expected a whole number from 0% to 100%)");
}

TEST_CASE("goals: a new file and an appended update read back") {
  Goal g = goal("checkout-latency", "me", {"q4-conversion"});
  g.title = "Checkout \"p99\" under 400 ms";
  g.why = "Slow checkout\nloses carts";
  g.due = d("2026-12-31");
  std::string text = goal_to_toml(g) + update_to_toml(update("2026-11-20", 40, "on-track", "p99 at 520 ms")) +
                     update_to_toml(update("2026-11-23", std::nullopt, "", "note only"));
  std::vector<Problem> problems;
  Goal back = goal_from_toml(parse_toml(text, "g.toml"), "checkout-latency", "g.toml", problems);
  CHECK(problems.empty());
  CHECK(back.title == g.title);
  CHECK(back.why == g.why);
  CHECK(back.due == g.due);
  CHECK(back.created == g.created);
  CHECK(back.supports == g.supports);
  REQUIRE(back.updates.size() == 2);
  CHECK(back.updates[0].progress == 40);
  CHECK(back.updates[0].status == "on-track");
  CHECK(back.updates[1].note == "note only");
  CHECK_FALSE(back.updates[1].progress);
}

TEST_CASE("goals: ids, owners and titles are validated before anything is written") {
  Goal g = goal("ok");
  CHECK_NOTHROW(validate_goal(g));
  for (const char* bad : {"../x", "Dana", ".git", "a/b", ""}) {
    g.id = bad;
    INFO(bad);
    CHECK_THROWS_AS(validate_goal(g), UsageError);
  }
  g = goal("ok", "Dana");
  CHECK_THROWS_AS(validate_goal(g), UsageError);
  g = goal("ok");
  g.title = " ";
  CHECK_THROWS_AS(validate_goal(g), UsageError);
}

TEST_CASE("goals: grouped by owner, the user first, then the primary manager") {
  std::vector<Goal> goals{goal("z-boss", "zoe"), goal("b-boss", "dana"), goal("mine"), goal("old")};
  goals[3].updates = {update("2026-11-02", 100, "done")};
  goals[0].due = d("2026-12-01");
  std::vector<Person> people{{"dana", "Dana Okafor", "manager", "", "", "", {}, {}}};
  GoalsQuery q{d("2026-11-23"), 21, "dana", false, std::nullopt};
  auto groups = group_goals(goals, people, q);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].label == "My goals");
  CHECK(groups[0].rows.size() == 1);  // the done goal is hidden
  CHECK(groups[1].label == "Dana Okafor (dana), manager");
  CHECK(groups[2].label == "zoe");
  q.all = true;
  CHECK(group_goals(goals, people, q)[0].rows.size() == 2);
  q.owner = "zoe";
  groups = group_goals(goals, people, q);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].rows[0].goal.id == "z-boss");
}

TEST_CASE("goals: alignment names what serves each boss goal, and what nothing serves") {
  std::vector<Goal> goals{goal("q4-conversion", "dana"), goal("hiring", "dana"), goal("dropped-boss", "dana"),
                          goal("checkout-latency", "me", {"q4-conversion"}), goal("learn-rust"),
                          goal("own-sub", "me", {"learn-rust"})};
  goals[2].updates = {update("2026-11-02", std::nullopt, "dropped")};
  Win in_period, direct, outside;
  in_period.id = "w1";
  in_period.date = d("2026-11-20");
  in_period.goals = {"checkout-latency"};
  direct.id = "w2";
  direct.date = d("2026-11-21");
  direct.goals = {"hiring"};
  outside.id = "w3";
  outside.date = d("2026-09-01");
  outside.goals = {"q4-conversion"};
  std::vector<Win> wins{in_period, direct, outside};
  GoalsQuery q{d("2026-11-23"), 21, "dana", false, std::nullopt};
  Alignment a = align_goals(goals, {}, wins, {d("2026-10-01"), d("2026-12-31")}, q);
  REQUIRE(a.boss_goals.size() == 2);  // the dropped one is not a compass any more
  const BossGoal& hiring = a.boss_goals[0].goal.goal.id == "hiring" ? a.boss_goals[0] : a.boss_goals[1];
  const BossGoal& conversion = a.boss_goals[0].goal.goal.id == "hiring" ? a.boss_goals[1] : a.boss_goals[0];
  REQUIRE(conversion.supporters.size() == 1);
  CHECK(conversion.supporters[0].goal.id == "checkout-latency");
  REQUIRE(conversion.wins.size() == 1);
  CHECK(conversion.wins[0].id == "w1");
  CHECK(hiring.supporters.empty());
  CHECK(hiring.wins.size() == 1);
  CHECK(a.unsupported.empty());
  std::vector<std::string> unaligned;
  for (const auto& r : a.unaligned) unaligned.push_back(r.goal.id);
  CHECK(unaligned == std::vector<std::string>{"learn-rust", "own-sub"});

  wins.erase(wins.begin() + 1);
  a = align_goals(goals, {}, wins, {d("2026-10-01"), d("2026-12-31")}, q);
  REQUIRE(a.unsupported.size() == 1);
  CHECK(a.unsupported[0].goal.id == "hiring");
}

TEST_CASE("goals: ages read like a person would say them") {
  CHECK(age_text(std::nullopt) == "never");
  CHECK(age_text(0) == "today");
  CHECK(age_text(1) == "1 day ago");
  CHECK(age_text(12) == "12 days ago");
}
