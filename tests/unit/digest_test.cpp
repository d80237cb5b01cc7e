#include <catch2/catch.hpp>

#include "temp_repo.hpp"

#include <algorithm>

#include "upward/views/digest.hpp"

using namespace upward;

namespace {
using testing::day;
using testing::goal;

Win win(std::string id, const char* date, std::vector<std::string> goals = {}, std::vector<std::string> tags = {}) {
  Win w;
  w.id = std::move(id);
  w.date = day(date);
  w.title = "Win " + w.id;
  w.impact = "It mattered";
  w.goals = std::move(goals);
  w.tags = std::move(tags);
  return w;
}

Win measured(std::string id, const char* date) {
  Win w = win(std::move(id), date);
  w.metrics.push_back({"p99", "900ms", "350ms"});
  return w;
}

Win kudos(std::string id, const char* date, std::string from) {
  Win w = win(std::move(id), date);
  w.kind = "kudos";
  w.from = std::move(from);
  return w;
}

GoalUpdate update(const char* date, std::optional<int> progress, std::string status = "", std::string note = "") {
  return {day(date), progress, std::move(status), std::move(note)};
}

Person person(std::string id, std::string name, std::string relationship) {
  Person p;
  p.id = std::move(id);
  p.name = std::move(name);
  p.relationship = std::move(relationship);
  return p;
}

Person dana() { return person("dana", "Dana Okafor", "manager"); }

/// The week of 2026-11-23 (a Monday), as of Saturday 2026-11-28, for Dana.
DigestInput input(const char* first = "2026-11-23", const char* last = "2026-11-29", const char* today = "2026-11-28") {
  DigestInput in;
  in.period = {day(first), day(last)};
  in.today = day(today);
  in.for_person = dana();
  in.people = {dana(), person("ravi", "Ravi Patel", "peer")};
  return in;
}

OpenAction action(std::string id, std::optional<dates::Day> due = std::nullopt, std::string owner = "me") {
  OpenAction oa;
  oa.action.id = id;
  oa.action.owner = std::move(owner);
  oa.action.text = "Do " + id;
  oa.action.due = due;
  oa.from = day("2026-11-16");
  oa.path = "1on1s/dana/2026-11-16.toml";
  return oa;
}

Topic problem(std::string id, std::string solution = "", std::string who = "dana") {
  Topic t;
  t.id = std::move(id);
  t.person = std::move(who);
  t.date = day("2026-11-20");
  t.kind = "problem";
  t.text = "Problem " + t.id;
  t.solution = std::move(solution);
  return t;
}

std::vector<std::string> ids(const std::vector<Win>& v) { return testing::ids_of(v, [](const Win& w) { return w.id; }); }
std::vector<std::string> keys(const std::vector<WinGroup>& v) {
  return testing::ids_of(v, [](const WinGroup& g) { return g.key; });
}
std::vector<std::string> labels(const std::vector<WinGroup>& v) {
  return testing::ids_of(v, [](const WinGroup& g) { return g.label; });
}
std::vector<std::string> ids(const std::vector<GlanceLine>& v) {
  return testing::ids_of(v, [](const GlanceLine& g) { return g.goal.goal.id; });
}
std::vector<std::string> ids(const std::vector<GoalMove>& v) {
  return testing::ids_of(v, [](const GoalMove& m) { return m.goal.goal.id; });
}
std::vector<std::string> ids(const std::vector<GoalRow>& v) {
  return testing::ids_of(v, [](const GoalRow& r) { return r.goal.id; });
}
std::vector<std::string> texts(const std::vector<Plan>& v) {
  return testing::ids_of(v, [](const Plan& p) { return p.kind + " " + p.ref + ": " + p.text; });
}
std::vector<std::string> reviews(const std::vector<PlanReview>& v) {
  return testing::ids_of(v, [](const PlanReview& r) { return r.plan.ref + " " + r.state + " (" + r.detail + ")"; });
}
std::vector<std::string> problems(const std::vector<ProblemLine>& v) {
  return testing::ids_of(v, [](const ProblemLine& p) {
    return p.kind + " " + p.ref + " " + p.status + ": " + p.detail + (p.person.empty() ? "" : " [" + p.person + "]");
  });
}

using Strings = std::vector<std::string>;

}  // namespace

// --- section_of -----------------------------------------------------------------------------

TEST_CASE("digest: a win's own section decides its brag section", "[digest]") {
  Win w = win("w", "2026-11-23", {}, {"docs"});
  w.section = "learning";
  CHECK(section_of(w, {{"docs", "design"}}) == "learning");
}

TEST_CASE("digest: without a section, the first tag that [sections] maps decides", "[digest]") {
  Win w = win("w", "2026-11-23", {}, {"perf", "docs", "hiring"});
  CHECK(section_of(w, {{"hiring", "company"}, {"docs", "design"}}) == "design");
}

TEST_CASE("digest: a section or a mapping that names no brag section is passed over", "[digest]") {
  Win w = win("w", "2026-11-23", {}, {"docs", "hiring"});
  w.section = "misc";
  CHECK(section_of(w, {{"docs", "nowhere"}, {"hiring", "company"}}) == "company");
}

TEST_CASE("digest: kudos count as collaboration, unless a section or tag says otherwise", "[digest]") {
  Win k = kudos("k", "2026-11-23", "dana");
  CHECK(section_of(k, {}) == "collaboration");
  k.tags = {"talk"};
  CHECK(section_of(k, {{"talk", "learning"}}) == "learning");
}

TEST_CASE("digest: any other win belongs to projects", "[digest]") {
  CHECK(section_of(win("w", "2026-11-23", {}, {"perf"}), {{"docs", "design"}}) == "projects");
}

// --- next_period ------------------------------------------------------------------------------

TEST_CASE("digest: the period after a week is the next seven days", "[digest]") {
  CHECK(next_period({day("2026-11-23"), day("2026-11-29")}) == dates::DateRange{day("2026-11-30"), day("2026-12-06")});
  // a Sunday week across the year end
  CHECK(next_period({day("2026-12-27"), day("2027-01-02")}) == dates::DateRange{day("2027-01-03"), day("2027-01-09")});
}

TEST_CASE("digest: the period after a month is the next calendar month", "[digest]") {
  CHECK(next_period({day("2026-11-01"), day("2026-11-30")}) == dates::DateRange{day("2026-12-01"), day("2026-12-31")});
  CHECK(next_period({day("2027-01-01"), day("2027-01-31")}) == dates::DateRange{day("2027-02-01"), day("2027-02-28")});
  CHECK(next_period({day("2026-12-01"), day("2026-12-31")}) == dates::DateRange{day("2027-01-01"), day("2027-01-31")});
}

TEST_CASE("digest: the period after a quarter, a half or a year is the next one", "[digest]") {
  CHECK(next_period({day("2026-10-01"), day("2026-12-31")}) == dates::DateRange{day("2027-01-01"), day("2027-03-31")});
  CHECK(next_period({day("2026-01-01"), day("2026-06-30")}) == dates::DateRange{day("2026-07-01"), day("2026-12-31")});
  CHECK(next_period({day("2026-01-01"), day("2026-12-31")}) == dates::DateRange{day("2027-01-01"), day("2027-12-31")});
}

TEST_CASE("digest: the period after any other range is as long and starts the next day", "[digest]") {
  CHECK(next_period({day("2026-11-15"), day("2026-12-14")}) == dates::DateRange{day("2026-12-15"), day("2027-01-13")});
  CHECK(next_period({day("2026-11-20"), day("2026-11-29")}) == dates::DateRange{day("2026-11-30"), day("2026-12-09")});
  CHECK(next_period({day("2026-11-28"), day("2026-11-28")}) == dates::DateRange{day("2026-11-29"), day("2026-11-29")});
}

// --- progress: grouping -----------------------------------------------------------------------

TEST_CASE("digest: by goal, a win linked to two goals appears under both", "[digest]") {
  auto in = input();
  in.goals = {goal("latency"), goal("launch", "dana")};
  in.wins = {win("a", "2026-11-24", {"latency", "launch"}), win("b", "2026-11-25", {"latency"})};
  Digest d = build_digest(in);
  REQUIRE(keys(d.progress) == Strings{"launch", "latency"});
  CHECK(ids(d.progress[0].wins) == Strings{"a"});
  CHECK(ids(d.progress[1].wins) == Strings{"a", "b"});
  CHECK(labels(d.progress) == Strings{"Goal launch", "Goal latency"});
  CHECK(d.win_count == 2);
}

TEST_CASE("digest: by goal, their goals come first, then other people's, then mine, then other work", "[digest]") {
  auto in = input();
  in.goals = {goal("a-mine"), goal("b-dana", "dana"), goal("c-ravi", "ravi"), goal("z-dana", "dana")};
  in.wins = {win("w1", "2026-11-23", {"a-mine"}), win("w2", "2026-11-23", {"c-ravi"}), win("w3", "2026-11-24", {"z-dana"}),
             win("w4", "2026-11-24", {"b-dana"}), win("w5", "2026-11-25"), win("w6", "2026-11-26", {"gone"})};
  Digest d = build_digest(in);
  CHECK(keys(d.progress) == Strings{"b-dana", "z-dana", "c-ravi", "a-mine", "gone", ""});
  CHECK(d.progress.back().label == "Other work");
  CHECK(ids(d.progress.back().wins) == Strings{"w5"});
  CHECK(d.progress[4].label == "gone");  // a goal that has no file: its id
}

TEST_CASE("digest: wins of a group are listed oldest first", "[digest]") {
  auto in = input();
  in.wins = {win("b", "2026-11-26"), win("c", "2026-11-24"), win("a", "2026-11-26")};
  Digest d = build_digest(in);
  REQUIRE(d.progress.size() == 1);
  CHECK(ids(d.progress[0].wins) == Strings{"c", "a", "b"});
}

TEST_CASE("digest: by tag, one group per tag alphabetically, untagged wins under other work", "[digest]") {
  auto in = input();
  in.group_by = "tag";
  in.wins = {win("a", "2026-11-23", {}, {"perf", "checkout"}), win("b", "2026-11-24", {}, {"docs"}), win("c", "2026-11-25")};
  Digest d = build_digest(in);
  CHECK(keys(d.progress) == Strings{"checkout", "docs", "perf", ""});
  CHECK(labels(d.progress) == Strings{"checkout", "docs", "perf", "Other work"});
  CHECK(ids(d.progress[2].wins) == Strings{"a"});
  CHECK(ids(d.progress[3].wins) == Strings{"c"});
}

TEST_CASE("digest: by section, the brag sections in order, empty ones left out", "[digest]") {
  auto in = input();
  in.group_by = "section";
  in.tag_sections = {{"docs", "design"}};
  Win learned = win("l", "2026-11-23");
  learned.section = "learning";
  in.wins = {learned, win("d", "2026-11-24", {}, {"docs"}), win("p", "2026-11-25"), kudos("k", "2026-11-25", "dana")};
  Digest d = build_digest(in);
  CHECK(keys(d.progress) == Strings{"projects", "collaboration", "design", "learning"});
  CHECK(labels(d.progress) == Strings{"Projects", "Collaboration & mentorship", "Design & documentation", "Learning"});
  CHECK(d.kudos.empty());  // kudos stand in their section
}

TEST_CASE("digest: by week, a week across the year end is one group, its key the ISO week", "[digest]") {
  auto in = input("2026-12-21", "2027-01-10", "2027-01-10");
  in.group_by = "week";
  in.wins = {win("sun", "2026-12-27"), win("sat", "2027-01-02"), win("sun2", "2027-01-03")};

  SECTION("weeks start on monday") {
    Digest d = build_digest(in);
    CHECK(keys(d.progress) == Strings{"2026-W52", "2026-W53"});
    CHECK(labels(d.progress) == Strings{"2026-12-21..2026-12-27", "2026-12-28..2027-01-03"});
    CHECK(ids(d.progress[1].wins) == Strings{"sat", "sun2"});
  }
  SECTION("weeks start on sunday") {
    in.week_start = date::Sunday;
    Digest d = build_digest(in);
    CHECK(keys(d.progress) == Strings{"2026-W53", "2027-W01"});
    CHECK(labels(d.progress) == Strings{"2026-12-27..2027-01-02", "2027-01-03..2027-01-09"});
    CHECK(ids(d.progress[0].wins) == Strings{"sun", "sat"});
    // the key reads back as the same days
    dates::PeriodContext ctx{day("2027-01-10"), date::Sunday, std::nullopt};
    CHECK(dates::parse_period("2026-W53", ctx) == dates::DateRange{day("2026-12-27"), day("2027-01-02")});
  }
}

TEST_CASE("digest: a week across the year end holds exactly that week's wins", "[digest]") {
  SECTION("monday") {
    auto in = input("2026-12-28", "2027-01-03", "2027-01-04");
    in.wins = {win("before", "2026-12-27"), win("first", "2026-12-28"), win("last", "2027-01-03"), win("after", "2027-01-04")};
    Digest d = build_digest(in);
    REQUIRE(d.progress.size() == 1);
    CHECK(ids(d.progress[0].wins) == Strings{"first", "last"});
    CHECK(d.win_count == 2);
  }
  SECTION("sunday") {
    auto in = input("2026-12-27", "2027-01-02", "2027-01-03");
    in.week_start = date::Sunday;
    in.wins = {win("before", "2026-12-26"), win("first", "2026-12-27"), win("last", "2027-01-02"), win("after", "2027-01-03")};
    Digest d = build_digest(in);
    REQUIRE(d.progress.size() == 1);
    CHECK(ids(d.progress[0].wins) == Strings{"first", "last"});
  }
}

TEST_CASE("digest: by month, keys like 2026-11 labelled with the month's name, in order", "[digest]") {
  auto in = input("2026-11-01", "2027-01-31", "2027-01-31");
  in.group_by = "month";
  in.wins = {win("jan", "2027-01-05"), win("nov", "2026-11-30"), win("dec", "2026-12-01")};
  Digest d = build_digest(in);
  CHECK(keys(d.progress) == Strings{"2026-11", "2026-12", "2027-01"});
  CHECK(labels(d.progress) == Strings{"November 2026", "December 2026", "January 2027"});
}

// --- kudos --------------------------------------------------------------------------------------

TEST_CASE("digest: kudos are listed apart with who gave them, and are not counted as wins", "[digest]") {
  auto in = input();
  in.wins = {win("w", "2026-11-23"), kudos("k2", "2026-11-26", "ravi"), kudos("k1", "2026-11-24", "sam")};
  Digest d = build_digest(in);
  CHECK(ids(d.kudos) == Strings{"k1", "k2"});
  CHECK(d.kudos[0].from == "sam");         // not a known person: the id
  CHECK(d.kudos[1].from == "Ravi Patel");  // a known person: the name
  CHECK(d.win_count == 1);
  REQUIRE(d.progress.size() == 1);
  CHECK(ids(d.progress[0].wins) == Strings{"w"});
}

TEST_CASE("digest: by section, kudos stand in their section and still count apart", "[digest]") {
  auto in = input();
  in.group_by = "section";
  Win designed = kudos("k2", "2026-11-25", "ravi");
  designed.section = "design";
  in.wins = {win("w", "2026-11-23"), kudos("k1", "2026-11-24", "sam"), designed};
  Digest d = build_digest(in);
  CHECK(d.kudos.empty());
  CHECK(d.kudos_in_groups == 2);
  CHECK(keys(d.progress) == Strings{"projects", "collaboration", "design"});
  CHECK(ids(d.progress[1].wins) == Strings{"k1"});
  CHECK(d.progress[2].wins[0].from == "Ravi Patel");
  CHECK(d.win_count == 1);
  CHECK(tally_line(d) == "1 win and 2 kudos");
}

TEST_CASE("digest: wins per week count every win of the period, also those a brief digest leaves out", "[digest]") {
  auto in = input("2026-11-01", "2026-11-30");
  in.style = "brief";
  in.week_start = date::Sunday;
  for (int i = 0; i < 8; ++i) in.wins.push_back(win("w" + std::to_string(i), "2026-11-10"));
  in.wins.push_back(win("last", "2026-11-29"));
  in.wins.push_back(kudos("k", "2026-11-29", "ravi"));
  Digest d = build_digest(in);
  CHECK(d.left_out > 0);
  REQUIRE(d.per_week.size() == 5);
  CHECK(d.per_week[0].first == day("2026-11-01"));  // a Sunday
  CHECK(d.per_week[1] == std::pair{day("2026-11-08"), 8});
  CHECK(d.per_week[4] == std::pair{day("2026-11-29"), 1});
}

TEST_CASE("digest: the plans of an edited update are those still in its text, however it is wrapped", "[digest]") {
  std::vector<Plan> plans = {{"action", "a", "Send Dana the vendor API migration plan (due 2026-12-01)", std::nullopt, ""},
                             {"next-step", "g", "Checkout p99: load test", std::nullopt, ""}};
  CHECK(plans_in_text(plans, "Plans\n- Send Dana the vendor API migration\n  plan (due 2026-12-01)\n").size() == 1);
  CHECK(plans_in_text(plans, "Nothing planned: I am on holiday").empty());
  CHECK(plans_in_text(plans, "- Send Dana the vendor API migration plan (due 2026-12-01)\r\n- Checkout p99: load test") ==
        plans);
}

// --- goal moves, goals done, outcomes ------------------------------------------------------------

TEST_CASE("digest: a goal moves from its state the day before the period to its state at the end", "[digest]") {
  auto in = input();
  Goal g = goal("latency");
  g.updates = {update("2026-11-10", 40, "", "baseline"), update("2026-11-24", 60, "at-risk", "vendor slow"),
               update("2026-11-26", 70, "", ""), update("2026-11-30", 90, "on-track", "after the period")};
  in.goals = {g};
  Digest d = build_digest(in);
  REQUIRE(d.moves.size() == 1);
  const GoalMove& m = d.moves[0];
  CHECK(m.from == 40);
  CHECK(m.to == 70);
  CHECK(m.status_from == "on-track");
  CHECK(m.status_to == "at-risk");
  CHECK(m.notes == Strings{"vendor slow"});
  CHECK(m.goal.state.progress == 70);  // as of the period's last day
}

TEST_CASE("digest: a goal whose updates in the period change nothing has not moved", "[digest]") {
  auto in = input();
  Goal noted = goal("noted");
  noted.updates = {update("2026-11-10", 40), update("2026-11-24", std::nullopt, "", "still on it")};
  Goal later = goal("later");
  later.updates = {update("2026-11-10", 40), update("2026-11-30", 80)};
  Goal same = goal("same");
  same.updates = {update("2026-11-10", 40), update("2026-11-24", 40, "on-track")};
  in.goals = {noted, later, same};
  Digest d = build_digest(in);
  CHECK(d.moves.empty());
  CHECK(d.done.empty());
}

TEST_CASE("digest: a goal done in the period goes to done, not to the moves", "[digest]") {
  auto in = input();
  Goal shipped = goal("shipped");
  shipped.updates = {update("2026-11-10", 80), update("2026-11-25", 100, "done")};
  Goal done_before = goal("done-before");
  done_before.updates = {update("2026-11-10", 100, "done"), update("2026-11-24", std::nullopt, "", "retro held")};
  Goal done_after = goal("done-after");
  done_after.updates = {update("2026-11-10", 50), update("2026-11-30", 100, "done")};
  in.goals = {shipped, done_before, done_after};
  Digest d = build_digest(in);
  CHECK(ids(d.done) == Strings{"shipped"});
  CHECK(d.moves.empty());
}

TEST_CASE("digest: their goals' moves come before mine", "[digest]") {
  auto in = input();
  Goal mine = goal("a-mine");
  mine.updates = {update("2026-11-24", 20)};
  Goal theirs = goal("b-dana", "dana");
  theirs.updates = {update("2026-11-24", 30)};
  in.goals = {mine, theirs};
  CHECK(ids(build_digest(in).moves) == Strings{"b-dana", "a-mine"});
}

TEST_CASE("digest: outcomes recorded in the period are listed, in the order they were recorded", "[digest]") {
  auto in = input();
  auto with_outcome = [](std::string id, const char* date, const char* when) {
    Win w = win(std::move(id), date);
    w.outcome = "It held";
    w.outcome_date = day(when);
    return w;
  };
  in.outcome_wins = {with_outcome("late", "2026-09-01", "2026-11-27"), with_outcome("early", "2026-10-01", "2026-11-23"),
                     with_outcome("before", "2026-09-01", "2026-11-22"), with_outcome("after", "2026-09-01", "2026-11-30"),
                     win("none", "2026-09-01")};
  CHECK(ids(build_digest(in).outcomes) == Strings{"early", "late"});
}

// --- last time's plans -------------------------------------------------------------------------

TEST_CASE("digest: last time's plans come back done, moved or open", "[digest]") {
  auto in = input();
  Goal done = goal("done");
  done.due = day("2026-11-25");
  done.updates = {update("2026-11-25", 100, "done")};
  Goal moved = goal("moved");
  moved.due = day("2026-12-05");
  Goal open = goal("open");
  open.due = day("2026-11-30");
  Goal step = goal("step");
  Goal step_moved = goal("step-moved");
  step_moved.due = day("2026-12-20");
  in.goals = {done, moved, open, step, step_moved};
  OpenAction closed = action("closed"), later = action("closed-later"), handed = action("handed", std::nullopt, "ravi");
  closed.action.done = day("2026-11-24");
  later.action.done = day("2026-11-30");  // after today: still open
  in.all_actions = {action("still-open"), closed, later, handed};
  SentDigest sent;
  sent.date = day("2026-11-20");
  sent.period = {day("2026-11-16"), day("2026-11-22")};
  sent.plans = {{"goal-due", "done", "Goal done (due 2026-11-25)", day("2026-11-25"), ""},
                {"goal-due", "moved", "Goal moved (due 2026-11-30)", day("2026-11-30"), ""},
                {"goal-due", "open", "Goal open (due 2026-11-30)", day("2026-11-30"), ""},
                {"next-step", "step", "Goal step: call the vendor", std::nullopt, ""},
                {"next-step", "step-moved", "Goal step-moved: call", std::nullopt, ""},
                {"action", "still-open", "Do still-open", std::nullopt, ""},
                {"action", "closed", "Do closed", std::nullopt, ""},
                {"action", "closed-later", "Do closed-later", std::nullopt, ""},
                {"action", "handed", "Do handed", std::nullopt, ""},
                {"action", "gone", "Do gone", std::nullopt, ""}};
  in.last_sent = sent;
  Digest d = build_digest(in);
  CHECK(reviews(d.last_plans) == Strings{"done done (done on 2026-11-25)", "moved moved (due 2026-12-05 now)",
                                         "open open ()", "step open ()", "step-moved moved (due 2026-12-20 now)",
                                         "still-open open ()", "closed done (done on 2026-11-24)",
                                         "closed-later open ()", "handed open (now Ravi Patel's)",
                                         "gone open (no longer in any 1:1 record)"});
  REQUIRE(d.last_sent);
  CHECK(d.last_sent->period == sent.period);
}

TEST_CASE("digest: a plan whose goal lost its due date moved, one whose goal was dropped is still open, said so", "[digest]") {
  auto in = input();
  Goal undated = goal("undated");
  Goal dropped = goal("dropped");
  dropped.due = day("2026-11-30");
  dropped.updates = {update("2026-11-24", std::nullopt, "dropped")};
  in.goals = {undated, dropped};
  SentDigest sent;
  sent.plans = {{"goal-due", "undated", "Goal undated (due 2026-11-30)", day("2026-11-30"), ""},
                {"goal-due", "dropped", "Goal dropped (due 2026-11-30)", day("2026-11-30"), ""},
                {"goal-due", "deleted", "Goal deleted (due 2026-11-30)", day("2026-11-30"), ""}};
  in.last_sent = sent;
  CHECK(reviews(build_digest(in).last_plans) == Strings{"undated moved (no due date now)",
                                                         "dropped open (dropped on 2026-11-24)", "deleted open ()"});
}

TEST_CASE("digest: without a digest sent before, there are no plans to review", "[digest]") {
  Digest d = build_digest(input());
  CHECK_FALSE(d.last_sent);
  CHECK(d.last_plans.empty());
}

// --- plans ----------------------------------------------------------------------------------------

TEST_CASE("digest: plans are my goals due next period, my goals' next steps and my open actions", "[digest]") {
  auto in = input();
  Goal due = goal("due");
  due.due = day("2026-12-02");
  Goal due_noted = goal("due-noted");
  due_noted.due = day("2026-11-30");
  due_noted.updates = {update("2026-11-20", 50, "", "old note"), update("2026-11-24", 60, "", "load test")};
  Goal later = goal("later");
  later.due = day("2027-01-15");
  later.updates = {update("2026-11-20", 10, "", "draft the RFC")};
  Goal quiet = goal("quiet");
  Goal finished = goal("finished");
  finished.due = day("2026-12-01");
  finished.updates = {update("2026-11-20", 100, "done", "shipped")};
  Goal theirs = goal("theirs", "dana");
  theirs.due = day("2026-12-01");
  theirs.updates = {update("2026-11-20", 10, "", "hire two")};
  in.goals = {later, quiet, finished, theirs, due, due_noted};
  in.my_actions = {action("send-doc", day("2026-12-01")), action("book-room"), action("dana-owns", std::nullopt, "dana")};
  Digest d = build_digest(in);
  CHECK(texts(d.plans) == Strings{"goal-due due-noted: Goal due-noted (due 2026-11-30): load test",
                                  "goal-due due: Goal due (due 2026-12-02)",
                                  "next-step later: Goal later: draft the RFC",
                                  "action send-doc: Do send-doc (due 2026-12-01)",
                                  "action book-room: Do book-room"});
  CHECK(d.plans[0].due == day("2026-11-30"));
  CHECK(d.plans[2].due == day("2027-01-15"));
  CHECK(d.plans[3].due == day("2026-12-01"));
}

TEST_CASE("digest: an overdue action or goal says so in its plan", "[digest]") {
  auto in = input();
  Goal late = goal("late");
  late.due = day("2026-11-20");
  late.updates = {update("2026-11-18", 80, "", "last review")};
  in.goals = {late};
  in.my_actions = {action("send-doc", day("2026-11-19")), action("due-today", in.today)};
  Digest d = build_digest(in);
  CHECK(texts(d.plans) == Strings{"next-step late: Goal late (overdue: due 2026-11-20): last review",
                                  "action send-doc: Do send-doc (overdue: due 2026-11-19)",
                                  "action due-today: Do due-today (due " + dates::format_day(in.today) + ")"});
}

TEST_CASE("digest: a goal due in the period after a month is a plan of a month's digest", "[digest]") {
  auto in = input("2026-11-01", "2026-11-30");
  Goal g = goal("g");
  g.due = day("2026-12-31");
  Goal g2 = goal("g2");
  g2.due = day("2027-01-01");
  in.goals = {g, g2};
  CHECK(texts(build_digest(in).plans) == Strings{"goal-due g: Goal g (due 2026-12-31)"});
}

// --- problems -------------------------------------------------------------------------------------

TEST_CASE("digest: problems are their and my goals at risk or blocked, then open problem topics", "[digest]") {
  auto in = input();
  Goal mine = goal("mine");
  mine.updates = {update("2026-11-20", 30, "blocked", "waiting on legal"), update("2026-11-24", 35)};
  Goal theirs = goal("theirs", "dana");
  theirs.updates = {update("2026-11-20", 30, "at-risk")};
  Goal peers = goal("peers", "ravi");
  peers.updates = {update("2026-11-20", 30, "at-risk", "not mine to raise")};
  Goal fine = goal("fine");
  Goal recovered = goal("recovered");
  recovered.updates = {update("2026-11-20", 30, "at-risk"), update("2026-11-24", 40, "on-track")};
  in.goals = {mine, theirs, peers, fine, recovered};
  in.problems = {problem("vendor-limits", "Cache the catalogue"), problem("flaky-ci", "", "ravi")};
  Digest d = build_digest(in);
  CHECK(problems(d.problems) == Strings{"goal theirs at-risk: ", "goal mine blocked: waiting on legal",
                                        "topic vendor-limits problem: Cache the catalogue [Dana Okafor]",
                                        "topic flaky-ci problem:  [Ravi Patel]"});
  CHECK(d.problems[2].title == "Problem vendor-limits");
}

TEST_CASE("digest: a problem goal is judged as of today", "[digest]") {
  auto in = input("2026-11-16", "2026-11-22");
  Goal g = goal("g");
  g.updates = {update("2026-11-20", 30, "at-risk", "vendor"), update("2026-11-24", 40, "on-track")};
  in.goals = {g};
  CHECK(build_digest(in).problems.empty());
}

// --- tally ----------------------------------------------------------------------------------------

TEST_CASE("digest: the tally counts wins and those with a measured impact", "[digest]") {
  Digest d;
  CHECK(tally_line(d) == "no wins");
  d.win_count = 1;
  CHECK(tally_line(d) == "1 win");
  d.measured = 1;
  CHECK(tally_line(d) == "1 win, 1 with a measured impact");
  d.win_count = 5;
  d.measured = 3;
  CHECK(tally_line(d) == "5 wins, 3 with a measured impact");
  d.measured = 0;
  CHECK(tally_line(d) == "5 wins");
}

TEST_CASE("digest: the tally adds kudos apart", "[digest]") {
  Digest d;
  d.kudos = {kudos("k", "2026-11-23", "dana")};
  CHECK(tally_line(d) == "no wins and 1 kudos");
  d.win_count = 2;
  d.kudos.push_back(kudos("k2", "2026-11-23", "ravi"));
  CHECK(tally_line(d) == "2 wins and 2 kudos");
  d.win_count = 5;
  d.measured = 3;
  CHECK(tally_line(d) == "5 wins, 3 with a measured impact, and 2 kudos");
}

TEST_CASE("digest: build_digest counts the period's wins and those with a metric", "[digest]") {
  auto in = input();
  in.wins = {measured("m", "2026-11-23"), win("a", "2026-11-24"), kudos("k", "2026-11-25", "dana")};
  Digest d = build_digest(in);
  CHECK(tally_line(d) == "2 wins, 1 with a measured impact, and 1 kudos");
}

// --- styles ---------------------------------------------------------------------------------------

TEST_CASE("digest: the brief style keeps five wins, measured first, then linked to a goal, then recent", "[digest]") {
  auto in = input();
  in.style = "brief";
  in.goals = {goal("latency")};
  in.wins = {measured("measured", "2026-11-23"), win("linked", "2026-11-23", {"latency"}),
             win("old1", "2026-11-23"),          win("old2", "2026-11-24"),
             win("new1", "2026-11-26"),          win("new2", "2026-11-27"),
             win("new3", "2026-11-27")};
  Digest d = build_digest(in);
  CHECK(d.left_out == 2);
  CHECK(d.win_count == 7);
  CHECK(d.measured == 1);
  REQUIRE(keys(d.progress) == Strings{"latency", ""});
  CHECK(ids(d.progress[0].wins) == Strings{"linked"});
  CHECK(ids(d.progress[1].wins) == Strings{"measured", "new1", "new2", "new3"});
}

TEST_CASE("digest: the brief style leaves out groups it emptied", "[digest]") {
  auto in = input();
  in.style = "brief";
  in.group_by = "tag";
  in.wins = {win("a", "2026-11-23", {}, {"zz-old"})};
  for (const char* id : {"b", "c", "d", "e", "f"}) in.wins.push_back(measured(id, "2026-11-25"));
  Digest d = build_digest(in);
  CHECK(keys(d.progress) == Strings{""});
  CHECK(d.left_out == 1);
}

TEST_CASE("digest: the brief style glances only at goals that need attention and lists no moves", "[digest]") {
  auto in = input();
  in.style = "brief";
  Goal ok = goal("ok", "dana");
  ok.updates = {update("2026-11-24", 50)};
  Goal risky = goal("risky", "dana");
  risky.updates = {update("2026-11-24", 20, "at-risk", "vendor")};
  Goal late = goal("late", "dana");
  late.due = day("2026-11-20");
  in.goals = {ok, risky, late};
  Digest d = build_digest(in);
  CHECK(ids(d.glance) == Strings{"late", "risky"});
  CHECK(d.moves.empty());

  in.style = "detailed";
  d = build_digest(in);
  CHECK(ids(d.glance) == Strings{"late", "ok", "risky"});
  CHECK(ids(d.moves) == Strings{"ok", "risky"});
}

TEST_CASE("digest: the detailed style keeps every win", "[digest]") {
  auto in = input();
  for (const char* id : {"a", "b", "c", "d", "e", "f", "g"}) in.wins.push_back(win(id, "2026-11-24"));
  Digest d = build_digest(in);
  CHECK(d.left_out == 0);
  REQUIRE(d.progress.size() == 1);
  CHECK(d.progress[0].wins.size() == 7);
  CHECK(d.style == "detailed");
}

// --- whose goals lead -----------------------------------------------------------------------------

TEST_CASE("digest: the --for person's goals lead, then my goals that directly support them", "[digest]") {
  auto in = input();
  in.for_person = person("ravi", "Ravi Patel", "peer");
  in.goals = {goal("ravi-goal", "ravi"), goal("dana-goal", "dana"), goal("mine-ravi", "me", {"ravi-goal"}),
              goal("mine-dana", "me", {"dana-goal"}), goal("mine-alone")};
  Digest d = build_digest(in);
  CHECK(ids(d.glance) == Strings{"ravi-goal", "mine-ravi"});
  CHECK(d.glance[0].owner_label == "Ravi Patel");
  CHECK(d.glance[1].owner_label == "me");
}

TEST_CASE("digest: without --for the primary manager's goals lead (the command passes them)", "[digest]") {
  auto in = input();
  Goal direct = goal("direct", "me", {"dana-goal"});
  Goal indirect = goal("indirect", "me", {"direct"});
  Goal finished = goal("finished", "dana");
  finished.updates = {update("2026-11-10", 100, "done")};
  Goal dana_due = goal("dana-due", "dana");
  dana_due.due = day("2026-12-15");
  in.goals = {indirect, direct, goal("dana-goal", "dana"), finished, dana_due, goal("mine-alone")};
  Digest d = build_digest(in);
  CHECK(ids(d.glance) == Strings{"dana-due", "dana-goal", "direct"});
}

TEST_CASE("digest: without a lead, or when the lead has no active goal, my active goals lead", "[digest]") {
  auto in = input();
  Goal finished = goal("finished");
  finished.updates = {update("2026-11-10", 100, "done")};
  in.goals = {goal("b"), goal("a"), finished, goal("ravi-goal", "ravi")};
  SECTION("no lead") {
    in.for_person.reset();
    CHECK(ids(build_digest(in).glance) == Strings{"a", "b"});
  }
  SECTION("a lead without goals") { CHECK(ids(build_digest(in).glance) == Strings{"a", "b"}); }
}

TEST_CASE("digest: a glance line says on track, at risk or blocked because of the latest note, and overdue", "[digest]") {
  auto in = input();
  Goal risky = goal("a-risky");
  risky.updates = {update("2026-11-20", 20, "at-risk", "vendor slow"), update("2026-11-24", 25)};
  Goal blocked = goal("b-blocked");
  blocked.updates = {update("2026-11-20", 20, "blocked")};
  Goal late = goal("c-late");
  late.due = day("2026-11-20");
  Goal late_risky = goal("d-late-risky");
  late_risky.due = day("2026-11-21");
  late_risky.updates = {update("2026-11-20", 20, "at-risk", "scope grew")};
  Goal fine = goal("e-fine");
  fine.updates = {update("2026-11-20", 20, "", "later note"), update("2026-11-30", 30, "blocked", "future")};
  in.goals = {risky, blocked, late, late_risky, fine};
  in.for_person.reset();
  Digest d = build_digest(in);
  auto states = testing::ids_of(d.glance, [](const GlanceLine& l) { return l.state; });
  CHECK(states == Strings{"overdue", "at risk because scope grew; overdue", "at risk because vendor slow", "blocked",
                          "on track"});
}

TEST_CASE("digest: a glance line of a goal without any update says so, not on track", "[digest]") {
  auto in = input();
  in.goals = {goal("quiet")};
  in.for_person.reset();
  Digest d = build_digest(in);
  REQUIRE(d.glance.size() == 1);
  CHECK(d.glance[0].state == "no update yet");
}

// --- private records ------------------------------------------------------------------------------

TEST_CASE("digest: private wins, goals and topics appear nowhere", "[digest]") {
  auto in = input();
  Goal secret = goal("secret", "dana");
  secret.is_private = true;
  secret.title = "SECRET goal";
  secret.due = day("2026-12-01");
  secret.updates = {update("2026-11-24", 50, "at-risk", "SECRET note")};
  Goal mine_secret = goal("mine-secret");
  mine_secret.is_private = true;
  mine_secret.title = "SECRET mine";
  mine_secret.due = day("2026-12-01");
  mine_secret.updates = {update("2026-11-25", 100, "done", "SECRET done")};
  Goal supports = goal("supports", "me", {"secret", "open"});
  Goal open = goal("open", "dana");
  in.goals = {secret, mine_secret, supports, open};
  Win hidden = win("hidden", "2026-11-24", {"supports"});
  hidden.is_private = true;
  Win hidden_kudos = kudos("hidden-kudos", "2026-11-24", "dana");
  hidden_kudos.is_private = true;
  Win hidden_outcome = win("hidden-outcome", "2026-10-01");
  hidden_outcome.is_private = true;
  hidden_outcome.outcome_date = day("2026-11-25");
  in.wins = {hidden, hidden_kudos, win("linked", "2026-11-24", {"secret", "supports"}), win("only-secret", "2026-11-25", {"secret"})};
  in.outcome_wins = {hidden_outcome};
  Topic private_topic = problem("private-topic", "SECRET fix");
  private_topic.is_private = true;
  in.problems = {private_topic};
  SentDigest sent;
  sent.plans = {{"goal-due", "secret", "SECRET plan", day("2026-12-01"), ""}, {"next-step", "supports", "Goal supports: x", {}, ""}};
  in.last_sent = sent;

  Digest d = build_digest(in);
  CHECK(ids(d.glance) == Strings{"open", "supports"});
  CHECK(d.glance[1].goal.goal.supports == Strings{"open"});
  CHECK(keys(d.progress) == Strings{"supports", ""});
  CHECK(ids(d.progress[0].wins) == Strings{"linked"});
  CHECK(d.progress[0].wins[0].goals == Strings{"supports"});
  CHECK(ids(d.progress[1].wins) == Strings{"only-secret"});
  CHECK(d.progress[1].wins[0].goals.empty());
  CHECK(d.kudos.empty());
  CHECK(d.win_count == 2);
  CHECK(d.moves.empty());
  CHECK(d.done.empty());
  CHECK(d.outcomes.empty());
  CHECK(reviews(d.last_plans) == Strings{"supports open ()"});
  REQUIRE(d.last_sent);
  CHECK(d.last_sent->plans.size() == 1);
  CHECK(d.plans.empty());
  CHECK(d.problems.empty());
}

TEST_CASE("digest: the digest carries the period, style, grouping and the person it is for", "[digest]") {
  auto in = input();
  in.style = "brief";
  in.group_by = "month";
  Digest d = build_digest(in);
  CHECK(d.period == in.period);
  CHECK(d.style == "brief");
  CHECK(d.group_by == "month");
  REQUIRE(d.for_person);
  CHECK(d.for_person->id == "dana");
}
