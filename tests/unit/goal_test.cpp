#include <catch2/catch.hpp>

#include "temp_repo.hpp"

#include <map>

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
using testing::goal;
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
  const AlignedGoal& hiring = a.boss_goals[0].goal.goal.id == "hiring" ? a.boss_goals[0] : a.boss_goals[1];
  const AlignedGoal& conversion = a.boss_goals[0].goal.goal.id == "hiring" ? a.boss_goals[1] : a.boss_goals[0];
  REQUIRE(conversion.supporters.size() == 1);
  CHECK(conversion.supporters[0].goal.goal.id == "checkout-latency");
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

TEST_CASE("goals: state comes from updates by date, not by their order in the file") {
  Goal g = goal("g");
  // The 11-10 update was forgotten and recorded afterwards (`goals update -d`): it comes last in the file.
  g.updates = {update("2026-11-20", 60, "at-risk"), update("2026-11-10", 30, "on-track")};
  GoalState s = goal_state(g, d("2026-11-23"), 21);
  CHECK(s.status == "at-risk");
  CHECK(s.progress == 60);
  CHECK(s.last_update == d("2026-11-20"));
  CHECK(s.status_since == d("2026-11-20"));
  auto history = updates_as_of(g, d("2026-11-23"));
  REQUIRE(history.size() == 2);
  CHECK(history[0].date == d("2026-11-10"));
  CHECK(history[1].date == d("2026-11-20"));
}

TEST_CASE("goals: updates of the same day count in file order") {
  Goal g = goal("g");
  g.updates = {update("2026-11-10", 30, "blocked"), update("2026-11-05", 10), update("2026-11-10", 40, "at-risk")};
  GoalState s = goal_state(g, d("2026-11-23"), 21);
  CHECK(s.status == "at-risk");
  CHECK(s.progress == 40);
}

TEST_CASE("goals: a backdated note does not make a goal stale") {
  Goal g = goal("g");
  g.updates = {update("2026-11-20", 50), update("2026-10-01", std::nullopt, "", "what happened in September")};
  GoalState s = goal_state(g, d("2026-11-23"), 21);
  CHECK_FALSE(s.stale);
  CHECK(s.last_update == d("2026-11-20"));
  CHECK(s.days_since_update == 3);
  CHECK(s.progress == 50);
}

TEST_CASE("goals: the state as of a past day ignores later updates") {
  Goal g = goal("g");
  g.due = d("2026-11-30");
  g.updates = {update("2026-11-05", 20), update("2026-11-10", 30, "at-risk"), update("2026-11-20", 100, "done")};
  GoalState s = goal_state(g, d("2026-11-12"), 21);
  CHECK(s.status == "at-risk");
  CHECK(s.progress == 30);
  CHECK(s.active);
  CHECK(s.last_update == d("2026-11-10"));
  CHECK(s.days_since_update == 2);
  CHECK(updates_as_of(g, d("2026-11-12")).size() == 2);
  CHECK(goal_state(g, d("2026-12-05"), 21).status == "done");
  CHECK_FALSE(goal_state(g, d("2026-12-05"), 21).overdue);
  CHECK(goal_state(g, d("2026-11-04"), 21).progress == 0);
  // Before it was created, the goal was not recorded yet; listings leave it out.
  CHECK_FALSE(goal_state(g, d("2026-10-31"), 21).recorded);
  CHECK_FALSE(goal_state(g, d("2026-10-31"), 21).last_update);
  GoalsQuery q{d("2026-10-31"), 21, "dana", true, std::nullopt};
  CHECK(group_goals(std::vector<Goal>{g}, {}, q).empty());
  q.today = d("2026-11-12");
  auto groups = group_goals(std::vector<Goal>{g}, {}, q);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].rows[0].goal.updates.size() == 2);  // the history as it stood
  CHECK(groups[0].rows[0].state.progress == 30);
}

TEST_CASE("goals: a goal is active during a period it ends in or after") {
  Goal g = goal("g");
  g.updates = {update("2026-11-10", 100, "done")};
  CHECK(active_during(g, {d("2026-10-01"), d("2026-10-31")}));  // done after the period
  CHECK(active_during(g, {d("2026-11-01"), d("2026-11-30")}));  // done during it
  CHECK(active_during(g, {d("2026-11-10"), d("2026-11-30")}));  // done on its first day
  CHECK_FALSE(active_during(g, {d("2026-11-11"), d("2026-12-31")}));
  g.updates.push_back(update("2026-12-05", std::nullopt, "on-track", "reopened"));
  CHECK(active_during(g, {d("2026-11-11"), d("2026-12-31")}));
}

TEST_CASE("goals: updates after done without a status are found, by date") {
  std::vector<GoalUpdate> u{update("2026-11-14", std::nullopt, "", "after the reopening"),
                            update("2026-11-10", 100, "done"), update("2026-11-12", 90, "", "regression"),
                            update("2026-11-13", std::nullopt, "on-track", "reopened"),
                            update("2026-11-02", 10, "", "before")};
  CHECK(updates_after_done(u) == std::vector<size_t>{2});
  u.push_back(update("2026-11-20", std::nullopt, "done"));
  u.push_back(update("2026-11-21", std::nullopt, "", "late note"));
  CHECK(updates_after_done(u) == std::vector<size_t>{2, 6});
}

namespace {
std::vector<std::string> ids(const std::vector<GoalRow>& rows) {
  return testing::ids_of(rows, [](const GoalRow& r) { return r.goal.id; });
}
std::vector<std::string> ids(const std::vector<AlignedGoal>& goals) {
  return testing::ids_of(goals, [](const AlignedGoal& g) { return g.goal.goal.id; });
}
Win win(const char* id, const char* day, std::vector<std::string> goals) {
  Win w;
  w.id = id;
  w.title = id;
  w.date = d(day);
  w.goals = std::move(goals);
  return w;
}
}  // namespace

TEST_CASE("goals: align over a past period credits a goal finished after it, with its wins") {
  std::vector<Goal> goals{goal("q3-revenue", "dana"), goal("checkout", "me", {"q3-revenue"})};
  goals[0].created = goals[1].created = d("2026-07-01");
  goals[1].updates = {update("2026-08-10", 40, "on-track"), update("2026-10-15", 100, "done")};
  goals[0].updates = {update("2026-10-20", 100, "done")};
  std::vector<Win> wins{win("w-aug", "2026-08-20", {"checkout"}), win("w-oct", "2026-10-16", {"checkout"})};
  GoalsQuery q{d("2026-11-23"), 21, "dana", false, std::nullopt};
  Alignment a = align_goals(goals, {}, wins, {d("2026-07-01"), d("2026-09-30")}, q);
  CHECK(a.as_of == d("2026-09-30"));
  REQUIRE(ids(a.boss_goals) == std::vector<std::string>{"q3-revenue"});
  const AlignedGoal& b = a.boss_goals[0];
  REQUIRE(b.supporters.size() == 1);
  CHECK(b.supporters[0].goal.goal.id == "checkout");
  CHECK(b.supporters[0].goal.state.status == "on-track");  // as it was at the end of the period
  CHECK(b.supporters[0].goal.state.progress == 40);
  REQUIRE(b.wins.size() == 1);
  CHECK(b.wins[0].id == "w-aug");
  CHECK(a.unsupported.empty());
  CHECK(a.unaligned.empty());

  // Over the quarter in which both were finished, they still count, shown done.
  a = align_goals(goals, {}, wins, {d("2026-10-01"), d("2026-12-31")}, q);
  CHECK(a.as_of == d("2026-11-23"));
  REQUIRE(a.boss_goals.size() == 1);
  CHECK(a.boss_goals[0].goal.state.status == "done");
  REQUIRE(a.boss_goals[0].supporters.size() == 1);
  CHECK(a.boss_goals[0].supporters[0].goal.state.status == "done");
  REQUIRE(a.boss_goals[0].wins.size() == 1);
  CHECK(a.boss_goals[0].wins[0].id == "w-oct");

  // Written down after the period, the goals still serve its work; but not on a day before they were.
  CHECK(align_goals(goals, {}, wins, {d("2026-04-01"), d("2026-06-30")}, q).boss_goals.size() == 1);
  q.today = d("2026-06-30");
  a = align_goals(goals, {}, wins, {d("2026-04-01"), d("2026-06-30")}, q);
  CHECK(a.boss_goals.empty());
  CHECK(a.unaligned.empty());
  q.today = d("2026-11-23");

  // Finished before the period: no longer a compass.
  a = align_goals(goals, {}, wins, {d("2027-01-01"), d("2027-03-31")}, q);
  CHECK(a.boss_goals.empty());
  CHECK(a.unaligned.empty());
}

TEST_CASE("goals: align follows support chains, once around a cycle") {
  std::vector<Goal> goals{goal("boss", "dana"), goal("mid", "me", {"boss"}), goal("sub", "me", {"mid"}),
                          goal("loop-a", "me", {"loop-b"}), goal("loop-b", "me", {"loop-a", "sub"})};
  std::vector<Win> wins{win("w-sub", "2026-11-02", {"sub"}), win("w-loop", "2026-11-03", {"loop-a"})};
  GoalsQuery q{d("2026-11-23"), 21, "dana", false, std::nullopt};
  Alignment a = align_goals(goals, {}, wins, {d("2026-10-01"), d("2026-12-31")}, q);
  REQUIRE(a.boss_goals.size() == 1);
  const auto& supporters = a.boss_goals[0].supporters;
  REQUIRE(supporters.size() == 4);
  std::map<std::string, std::vector<std::string>> via;
  for (const auto& s : supporters) via[s.goal.goal.id] = s.via;
  CHECK(via["mid"].empty());
  CHECK(via["sub"] == std::vector<std::string>{"mid"});
  CHECK(via["loop-b"] == std::vector<std::string>{"sub", "mid"});
  CHECK(via["loop-a"] == std::vector<std::string>{"loop-b", "sub", "mid"});
  CHECK(a.boss_goals[0].wins.size() == 2);
  CHECK(a.unaligned.empty());
  CHECK(a.unsupported.empty());
}

TEST_CASE("goals: only managers' and skip-levels' goals are the boss's, the others are apart") {
  std::vector<Goal> goals{goal("dana-goal", "dana"), goal("kim-goal", "kim"), goal("priya-goal", "priya"),
                          goal("sam-goal", "sam"), goal("stranger-goal", "nobody"), goal("help-priya", "me", {"priya-goal"})};
  std::vector<Person> people{{"dana", "Dana", "manager", "", "", "", {}, {}},
                             {"kim", "Kim", "skip-level", "", "", "", {}, {}},
                             {"priya", "Priya", "peer", "", "", "", {}, {}},
                             {"sam", "Sam", "stakeholder", "", "", "", {}, {}}};
  std::vector<Win> wins{win("w", "2026-11-02", {"help-priya"})};
  GoalsQuery q{d("2026-11-23"), 21, "dana", false, std::nullopt};
  Alignment a = align_goals(goals, people, wins, {d("2026-10-01"), d("2026-12-31")}, q);
  CHECK(ids(a.boss_goals) == std::vector<std::string>{"dana-goal", "kim-goal"});
  CHECK(ids(a.other_goals) == std::vector<std::string>{"stranger-goal", "priya-goal", "sam-goal"});
  CHECK(ids(a.unsupported) == std::vector<std::string>{"dana-goal", "kim-goal"});
  CHECK(ids(a.unaligned) == std::vector<std::string>{"help-priya"});
  REQUIRE(a.other_goals[1].supporters.size() == 1);
  CHECK(a.other_goals[1].wins.size() == 1);
  CHECK(a.other_goals[1].owner_label == "Priya (priya), peer");
}

TEST_CASE("goals: ages read like a person would say them") {
  CHECK(age_text(std::nullopt) == "never");
  CHECK(age_text(0) == "today");
  CHECK(age_text(1) == "1 day ago");
  CHECK(age_text(12) == "12 days ago");
}
