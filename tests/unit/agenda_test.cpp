#include <catch2/catch.hpp>

#include "temp_repo.hpp"

#include <algorithm>

#include "upward/views/agenda.hpp"

using namespace upward;

namespace {
dates::Day d(const char* iso) { return *dates::parse_iso(iso); }

Meeting meeting(const char* day, std::vector<std::string> topics = {}, std::vector<Action> actions = {}) {
  Meeting m;
  m.person = "dana";
  m.date = d(day);
  m.path = std::string("1on1s/dana/") + day + ".toml";
  m.topics = std::move(topics);
  m.actions = std::move(actions);
  return m;
}

Action action(std::string id, std::optional<dates::Day> due = std::nullopt, std::optional<dates::Day> done = std::nullopt,
              std::string owner = "me") {
  Action a;
  a.id = id;
  a.owner = std::move(owner);
  a.text = "Do " + id;
  a.due = due;
  a.done = done;
  return a;
}

Topic topic(std::string id, const char* day, std::string kind = "topic") {
  Topic t;
  t.id = std::move(id);
  t.person = "dana";
  t.date = d(day);
  t.kind = std::move(kind);
  t.text = "About " + t.id;
  return t;
}

using testing::goal;

using testing::win;

Person dana() {
  Person p;
  p.id = "dana";
  p.name = "Dana Okafor";
  p.relationship = "manager";
  p.cadence = "weekly";
  return p;
}

AgendaInput input(const char* today) {
  AgendaInput in;
  in.person = dana();
  in.today = d(today);
  return in;
}

std::vector<std::string> ids(const std::vector<Topic>& v) { return testing::ids_of(v, [](const Topic& t) { return t.id; }); }
std::vector<std::string> ids(const std::vector<Win>& v) { return testing::ids_of(v, [](const Win& w) { return w.id; }); }
std::vector<std::string> ids(const std::vector<OpenAction>& v) {
  return testing::ids_of(v, [](const OpenAction& a) { return a.action.id; });
}
std::vector<std::string> ids(const std::vector<AttentionGoal>& v) {
  return testing::ids_of(v, [](const AttentionGoal& g) { return g.goal.goal.id; });
}
std::vector<std::string> texts(const std::vector<LikelyQuestion>& v, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& q : v)
    if (q.kind == kind) out.push_back(q.text);
  return out;
}
using V = std::vector<std::string>;
}  // namespace

// ---- next meeting -------------------------------------------------------------------------------

TEST_CASE("agenda: the next weekly 1:1 is a week after the last one", "[agenda]") {
  CHECK(next_meeting(d("2026-11-16"), "weekly", d("2026-11-20")) == d("2026-11-23"));
  CHECK(next_meeting(d("2026-11-16"), "weekly", d("2026-11-23")) == d("2026-11-23"));  // today itself
}

TEST_CASE("agenda: the next weekly 1:1 after a missed one is the next step on or after today", "[agenda]") {
  CHECK(next_meeting(d("2026-11-02"), "weekly", d("2026-11-20")) == d("2026-11-23"));
  CHECK(next_meeting(d("2026-10-05"), "weekly", d("2026-11-23")) == d("2026-11-23"));
}

TEST_CASE("agenda: a 1:1 held today makes the next one a full step later", "[agenda]") {
  CHECK(next_meeting(d("2026-11-23"), "weekly", d("2026-11-23")) == d("2026-11-30"));
  CHECK(next_meeting(d("2026-11-23"), "monthly", d("2026-11-23")) == d("2026-12-23"));
}

TEST_CASE("agenda: a biweekly 1:1 steps by 14 days", "[agenda]") {
  CHECK(next_meeting(d("2026-11-09"), "biweekly", d("2026-11-10")) == d("2026-11-23"));
  CHECK(next_meeting(d("2026-11-09"), "biweekly", d("2026-11-24")) == d("2026-12-07"));  // one missed
}

TEST_CASE("agenda: a monthly 1:1 is one calendar month later, clamped to the month's end", "[agenda]") {
  CHECK(next_meeting(d("2026-10-16"), "monthly", d("2026-10-20")) == d("2026-11-16"));
  CHECK(next_meeting(d("2027-01-31"), "monthly", d("2027-02-01")) == d("2027-02-28"));
  CHECK(next_meeting(d("2028-01-31"), "monthly", d("2028-02-01")) == d("2028-02-29"));  // leap year
  CHECK(next_meeting(d("2026-12-15"), "monthly", d("2026-12-20")) == d("2027-01-15"));  // over the year's end
}

TEST_CASE("agenda: a monthly series on the 31st comes back to the 31st after a short month", "[agenda]") {
  CHECK(next_meeting(d("2027-01-31"), "monthly", d("2027-03-01")) == d("2027-03-31"));
  CHECK(next_meeting(d("2027-01-31"), "monthly", d("2027-04-01")) == d("2027-04-30"));
}

TEST_CASE("agenda: without a last 1:1 or a known cadence the next meeting is today", "[agenda]") {
  CHECK(next_meeting(std::nullopt, "weekly", d("2026-11-20")) == d("2026-11-20"));
  CHECK(next_meeting(d("2026-11-16"), "", d("2026-11-20")) == d("2026-11-20"));
  CHECK(next_meeting(d("2026-11-16"), "fortnightly", d("2026-11-20")) == d("2026-11-20"));
}

// ---- last meeting ---------------------------------------------------------------------------------

TEST_CASE("agenda: the last 1:1 is the latest record on or before the day, never a future one", "[agenda]") {
  std::vector<Meeting> ms{meeting("2026-11-16"), meeting("2026-11-02"), meeting("2026-11-30")};
  CHECK(last_meeting(ms, d("2026-11-20")) == d("2026-11-16"));
  CHECK(last_meeting(ms, d("2026-11-16")) == d("2026-11-16"));
  CHECK(last_meeting(ms, d("2026-11-10")) == d("2026-11-02"));
  CHECK_FALSE(last_meeting(ms, d("2026-11-01")).has_value());
  CHECK_FALSE(last_meeting({}, d("2026-11-20")).has_value());
}

// ---- carried actions ------------------------------------------------------------------------------

TEST_CASE("agenda: an action stays open until it is done", "[agenda]") {
  std::vector<Meeting> ms{meeting("2026-11-16", {}, {action("open"), action("closed", std::nullopt, d("2026-11-18"))})};
  auto open = open_actions(ms, d("2026-11-20"));
  REQUIRE(ids(open) == V{"open"});
  CHECK(open[0].from == d("2026-11-16"));
  CHECK(open[0].path == "1on1s/dana/2026-11-16.toml");
  CHECK(open[0].action.text == "Do open");
}

TEST_CASE("agenda: an action done after the day is still open as of that day", "[agenda]") {
  std::vector<Meeting> ms{meeting("2026-11-16", {}, {action("later", std::nullopt, d("2026-11-25"))})};
  CHECK(ids(open_actions(ms, d("2026-11-20"))) == V{"later"});
  CHECK(ids(open_actions(ms, d("2026-11-24"))) == V{"later"});
  CHECK(open_actions(ms, d("2026-11-25")).empty());
}

TEST_CASE("agenda: actions of records dated after the day do not count", "[agenda]") {
  std::vector<Meeting> ms{meeting("2026-11-30", {}, {action("future")})};
  CHECK(open_actions(ms, d("2026-11-20")).empty());
}

TEST_CASE("agenda: an action is overdue when due before the day, not on it", "[agenda]") {
  std::vector<Meeting> ms{meeting("2026-11-16", {},
                                  {action("late", d("2026-11-19")), action("today", d("2026-11-20")), action("none")})};
  auto open = open_actions(ms, d("2026-11-20"));
  REQUIRE(open.size() == 3);
  CHECK(open[0].overdue);
  CHECK_FALSE(open[1].overdue);
  CHECK_FALSE(open[2].overdue);
}

TEST_CASE("agenda: carried actions come oldest record first, in file order within a record", "[agenda]") {
  std::vector<Meeting> ms{meeting("2026-11-16", {}, {action("c"), action("a")}),
                          meeting("2026-11-02", {}, {action("z"), action("b")})};
  CHECK(ids(open_actions(ms, d("2026-11-20"))) == V{"z", "b", "c", "a"});
}

// ---- open topics ----------------------------------------------------------------------------------

TEST_CASE("agenda: a topic covered by a record no longer appears", "[agenda]") {
  std::vector<Topic> ts{topic("2026-11-12-vendor", "2026-11-12", "problem"), topic("2026-11-18-hiring", "2026-11-18")};
  std::vector<Meeting> ms{meeting("2026-11-16", {"2026-11-12-vendor"})};
  CHECK(ids(open_topics(ts, ms, d("2026-11-20"))) == V{"2026-11-18-hiring"});
  CHECK(ids(open_topics(ts, {}, d("2026-11-20"))) == V{"2026-11-12-vendor", "2026-11-18-hiring"});
}

TEST_CASE("agenda: a topic is covered only by a record dated on or after it and on or before the day", "[agenda]") {
  std::vector<Topic> ts{topic("t", "2026-11-12")};
  // A record older than the topic naming its id (a reused stem) does not take it off the queue.
  CHECK(ids(open_topics(ts, std::vector<Meeting>{meeting("2026-11-09", {"t"})}, d("2026-11-20"))) == V{"t"});
  // A record after the day has not happened yet.
  CHECK(ids(open_topics(ts, std::vector<Meeting>{meeting("2026-11-23", {"t"})}, d("2026-11-20"))) == V{"t"});
  // A record on the topic's own day covers it.
  CHECK(open_topics(ts, std::vector<Meeting>{meeting("2026-11-12", {"t"})}, d("2026-11-20")).empty());
}

TEST_CASE("agenda: topics queued after the day and private topics are left out", "[agenda]") {
  Topic secret = topic("secret", "2026-11-10");
  secret.is_private = true;
  std::vector<Topic> ts{topic("later", "2026-11-25"), secret, topic("b", "2026-11-10"), topic("a", "2026-11-10"),
                        topic("old", "2026-11-01")};
  CHECK(ids(open_topics(ts, {}, d("2026-11-20"))) == V{"old", "a", "b"});
}

// ---- career ---------------------------------------------------------------------------------------

TEST_CASE("agenda: a career conversation is due when there was never one", "[agenda]") {
  CHECK(career_due(std::nullopt, d("2026-11-23")));
}

TEST_CASE("agenda: a career conversation is due more than 90 days after the last", "[agenda]") {
  dates::Day day = d("2026-11-23");
  CHECK_FALSE(career_due(day - date::days{89}, day));
  CHECK_FALSE(career_due(day - date::days{90}, day));
  CHECK(career_due(day - date::days{91}, day));
}

TEST_CASE("agenda: the last career talk is a record marked career or covering a career topic", "[agenda]") {
  std::vector<Topic> ts{topic("growth", "2026-08-01", "career"), topic("other", "2026-10-01")};
  Meeting marked = meeting("2026-07-01");
  marked.career = true;
  std::vector<Meeting> ms{marked, meeting("2026-08-03", {"growth"}), meeting("2026-10-05", {"other"})};
  CHECK(last_career_talk(ms, ts, d("2026-11-20")) == d("2026-08-03"));
  CHECK(last_career_talk(ms, ts, d("2026-08-02")) == d("2026-07-01"));
  CHECK_FALSE(last_career_talk(ms, ts, d("2026-06-30")).has_value());
  CHECK_FALSE(last_career_talk(std::vector<Meeting>{meeting("2026-10-05", {"other"})}, ts, d("2026-11-20")).has_value());
}

TEST_CASE("agenda: a future career record does not count", "[agenda]") {
  Meeting m = meeting("2026-12-01");
  m.career = true;
  CHECK_FALSE(last_career_talk(std::vector<Meeting>{m}, {}, d("2026-11-20")).has_value());
}

TEST_CASE("agenda: the career prompts ask about a year out, the next level, a stretch and the manager's view",
          "[agenda]") {
  CHECK(career_prompts() == V{
                                "Where do I want to be in a year, and does my current work lead there?",
                                "What does the next level need that I am not showing yet?",
                                "Which skill or project would stretch me in the coming months?",
                                "How do you see my growth since we last talked about it?",
                                "What could you do to help: a stretch assignment, more visibility, a sponsor?",
                            });
}

// ---- know your manager ----------------------------------------------------------------------------

TEST_CASE("agenda: an empty profile gets the three questions that fill it in", "[agenda]") {
  Person p = dana();
  CHECK(profile_prompts(p) == V{"What are your top priorities this quarter?",
                                "What is putting pressure on you right now: from above, from other teams?",
                                "Do you prefer brief updates or the full detail?"});
}

TEST_CASE("agenda: each stated pressure gets a prompt to take it off their plate", "[agenda]") {
  Person p = dana();
  p.priorities = {"Checkout reliability"};
  p.style = "brief";
  p.pressures = {"Q4 cost targets", "Hiring freeze"};
  CHECK(profile_prompts(p) == V{"'Q4 cost targets': how could you take this off their plate?",
                                "'Hiring freeze': how could you take this off their plate?"});
  p.priorities.clear();
  CHECK(profile_prompts(p) == V{"What are your top priorities this quarter?",
                                "'Q4 cost targets': how could you take this off their plate?",
                                "'Hiring freeze': how could you take this off their plate?"});
}

TEST_CASE("agenda: a complete profile without pressures asks only about pressures", "[agenda]") {
  Person p = dana();
  p.priorities = {"A"};
  p.style = "detailed";
  CHECK(profile_prompts(p) == V{"What is putting pressure on you right now: from above, from other teams?"});
}

// ---- their style ----------------------------------------------------------------------------------

TEST_CASE("agenda: the style line names the preferred style and the priorities, each when known", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  CHECK(build_agenda(in).style.empty());
  in.person.style = "brief";
  CHECK(build_agenda(in).style == "Prefers brief updates.");
  in.person.priorities = {"Checkout reliability", "Hiring"};
  CHECK(build_agenda(in).style == "Prefers brief updates. Priorities: Checkout reliability; Hiring.");
  in.person.style.clear();
  CHECK(build_agenda(in).style == "Priorities: Checkout reliability; Hiring.");
  in.person.style = "detailed";
  in.person.priorities.clear();
  CHECK(build_agenda(in).style == "Prefers detailed updates.");
}

// ---- build_agenda: dates --------------------------------------------------------------------------

TEST_CASE("agenda: the meeting is the next from the cadence, --date overrides it", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.meetings = {meeting("2026-11-16"), meeting("2026-11-30")};
  Agenda a = build_agenda(in);
  CHECK(a.last_1on1 == d("2026-11-16"));
  CHECK(a.date == d("2026-11-23"));
  in.date = d("2026-11-25");
  CHECK(build_agenda(in).date == d("2026-11-25"));
}

TEST_CASE("agenda: the period runs from the last 1:1 to today, --since overrides its first day", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.meetings = {meeting("2026-11-16")};
  CHECK(build_agenda(in).period == dates::DateRange{d("2026-11-16"), d("2026-11-20")});
  in.since = d("2026-11-01");
  CHECK(build_agenda(in).period == dates::DateRange{d("2026-11-01"), d("2026-11-20")});
}

TEST_CASE("agenda: without a 1:1 on record the period is the 28 days up to today and the meeting is today",
          "[agenda]") {
  AgendaInput in = input("2026-11-28");
  Agenda a = build_agenda(in);
  CHECK_FALSE(a.last_1on1.has_value());
  CHECK(a.period == dates::DateRange{d("2026-11-01"), d("2026-11-28")});
  CHECK(a.date == d("2026-11-28"));
}

TEST_CASE("agenda: a --since after today gives a one-day period, never an inverted one", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.since = d("2026-11-25");
  CHECK(build_agenda(in).period == dates::DateRange{d("2026-11-20"), d("2026-11-20")});
}

// ---- build_agenda: sections -----------------------------------------------------------------------

TEST_CASE("agenda: actions and topics are as of today, topics grouped by kind in topic_kinds order", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.meetings = {meeting("2026-11-16", {"covered"}, {action("send-plan", d("2026-11-18"))})};
  in.topics = {topic("covered", "2026-11-12", "problem"), topic("career-1", "2026-11-13", "career"),
               topic("idea-2", "2026-11-19", "idea"),     topic("topic-1", "2026-11-11"),
               topic("idea-1", "2026-11-14", "idea"),      topic("prob-1", "2026-11-17", "problem"),
               topic("ask-1", "2026-11-18", "ask"),        topic("fb-1", "2026-11-10", "feedback")};
  Agenda a = build_agenda(in);
  CHECK(ids(a.actions) == V{"send-plan"});
  CHECK(a.actions[0].overdue);
  CHECK(ids(a.topics) == V{"prob-1", "idea-1", "idea-2", "ask-1", "topic-1", "fb-1", "career-1"});
}

TEST_CASE("agenda: wins to mention are the period's unseen, non-private wins, oldest first", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.meetings = {meeting("2026-11-16")};
  Win seen = win("seen", "2026-11-17");
  seen.seen_by = {"marcus", "dana"};
  Win other = win("other", "2026-11-17");
  other.seen_by = {"marcus"};
  Win secret = win("secret", "2026-11-17");
  secret.is_private = true;
  Win kudos = win("kudos-from-dana", "2026-11-18");
  kudos.kind = "kudos";
  kudos.from = "dana";
  in.wins = {win("b", "2026-11-18"), win("before", "2026-11-15"), win("first-day", "2026-11-16"), seen, other, secret,
             kudos, win("future", "2026-11-21"), win("a", "2026-11-18")};
  CHECK(ids(build_agenda(in).wins) == V{"first-day", "other", "a", "b"});
}

TEST_CASE("agenda: with a last 1:1 on 2026-11-16 nothing dated before it appears among wins", "[agenda]") {
  AgendaInput in = input("2026-11-28");
  in.meetings = {meeting("2026-11-02"), meeting("2026-11-16")};
  in.wins = {win("oct", "2026-10-30"), win("early-nov", "2026-11-10"), win("eve", "2026-11-15"), win("in", "2026-11-20")};
  Agenda a = build_agenda(in);
  CHECK(ids(a.wins) == V{"in"});
  for (const auto& w : a.wins) CHECK(w.date >= d("2026-11-16"));
}

TEST_CASE("agenda: outcomes due are follow-ups on or before today without an outcome, oldest follow-up first",
          "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.meetings = {meeting("2026-11-16")};
  Win a = win("a", "2026-10-01");
  a.follow_up = d("2026-11-15");
  Win b = win("b", "2026-09-01");
  b.follow_up = d("2026-11-20");  // due today
  Win c = win("c", "2026-06-01");
  c.follow_up = d("2026-07-13");
  Win later = win("later", "2026-11-01");
  later.follow_up = d("2026-11-21");
  Win done = win("done", "2026-10-01");
  done.follow_up = d("2026-11-01");
  done.outcome = "p99 stayed under 400ms";
  Win secret = win("secret", "2026-10-01");
  secret.follow_up = d("2026-11-01");
  secret.is_private = true;
  in.wins = {a, b, c, later, done, secret};
  Agenda ag = build_agenda(in);
  CHECK(ids(ag.outcomes_due) == V{"c", "a", "b"});
  CHECK(ag.wins.empty());  // none of them is in the period
}

TEST_CASE("agenda: goals needing attention are theirs and my goals supporting them, with reasons", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  Goal risky = goal("risky", "dana");
  risky.updates = {{d("2026-11-18"), 40, "at-risk", ""}};
  Goal blocked = goal("blocked", "dana");
  blocked.due = d("2026-11-30");
  blocked.updates = {{d("2026-11-18"), std::nullopt, "blocked", ""}};
  Goal late = goal("late", "dana");
  late.due = d("2026-11-15");
  late.updates = {{d("2026-11-18"), 50, "", ""}};
  Goal fine = goal("fine", "dana");
  fine.updates = {{d("2026-11-19"), 50, "", ""}};
  Goal stale_mine = goal("stale-mine", "me", {"fine"});  // created 2026-11-01, no update since: 19 days
  in.stale_after_days = 14;
  Goal unrelated = goal("unrelated", "me");  // stale, but supports nothing of Dana's
  Goal marcus = goal("marcus-goal", "marcus");
  marcus.updates = {{d("2026-11-18"), std::nullopt, "at-risk", ""}};
  Goal finished = goal("finished", "dana");
  finished.due = d("2026-11-10");
  finished.updates = {{d("2026-11-09"), 100, "done", ""}};
  Goal secret = goal("secret", "dana");
  secret.is_private = true;
  secret.updates = {{d("2026-11-18"), std::nullopt, "blocked", ""}};
  in.goals = {unrelated, stale_mine, fine, late, blocked, risky, marcus, finished, secret};
  Agenda a = build_agenda(in);
  REQUIRE(ids(a.goals) == V{"late", "blocked", "risky", "stale-mine"});
  CHECK(a.goals[0].reasons == V{"overdue (due 2026-11-15)"});
  CHECK(a.goals[1].reasons == V{"blocked"});
  CHECK(a.goals[2].reasons == V{"at risk"});
  CHECK(a.goals[3].reasons == V{"stale (no update for 19 days)"});
}

TEST_CASE("agenda: a goal can need attention for several reasons at once", "[agenda]") {
  AgendaInput in = input("2026-12-20");
  Goal g = goal("g", "dana");
  g.due = d("2026-12-01");
  g.updates = {{d("2026-11-02"), 10, "at-risk", ""}};
  in.goals = {g};
  Agenda a = build_agenda(in);
  REQUIRE(a.goals.size() == 1);
  CHECK(a.goals[0].reasons == V{"at risk", "overdue (due 2026-12-01)", "stale (no update for 48 days)"});
}

TEST_CASE("agenda: my goal supporting only a done goal of theirs is not theirs to discuss", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  Goal theirs = goal("theirs", "dana");
  theirs.updates = {{d("2026-11-10"), 100, "done", ""}};
  Goal mine = goal("mine", "me", {"theirs"});
  mine.updates = {{d("2026-11-18"), std::nullopt, "blocked", ""}};
  in.goals = {theirs, mine};
  CHECK(build_agenda(in).goals.empty());
}

TEST_CASE("agenda: a goal stale for one day says so in the singular", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.stale_after_days = 0;
  Goal g = goal("g", "dana");
  g.updates = {{d("2026-11-19"), 10, "", ""}};
  in.goals = {g};
  Agenda a = build_agenda(in);
  REQUIRE(a.goals.size() == 1);
  CHECK(a.goals[0].reasons == V{"stale (no update for 1 day)"});
}

// ---- likely questions -----------------------------------------------------------------------------

TEST_CASE("agenda: they will ask about a goal with no update since the last 1:1", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.meetings = {meeting("2026-11-16")};
  Goal quiet = goal("checkout", "dana");
  quiet.title = "Checkout latency";
  quiet.updates = {{d("2026-11-09"), 30, "", ""}};
  Goal fresh = goal("fresh", "dana");
  fresh.updates = {{d("2026-11-16"), 30, "", ""}};  // on the day of the last 1:1: an update since
  Goal mine = goal("mine", "me", {"checkout"});  // created 2026-11-01, never updated
  in.goals = {fresh, mine, quiet};
  Agenda a = build_agenda(in);
  CHECK(texts(a.questions, "no-update") == V{"How is 'Goal mine' going? No update since 2026-11-01.",
                                             "How is 'Checkout latency' going? No update since 2026-11-09."});
  CHECK(a.questions[1].ref == "checkout");
}

TEST_CASE("agenda: without a last 1:1 there is no no-update question", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.goals = {goal("g", "dana")};
  CHECK(texts(build_agenda(in).questions, "no-update").empty());
}

TEST_CASE("agenda: they will ask about a goal due within 14 days of the meeting", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.meetings = {meeting("2026-11-16")};  // the meeting: 2026-11-23
  auto due = [&](std::string id, const char* day) {
    Goal g = goal(id, "dana");
    g.updates = {{d("2026-11-18"), 50, "", ""}};
    g.due = d(day);
    return g;
  };
  Goal done = due("done", "2026-11-30");
  done.updates.push_back({d("2026-11-19"), 100, "done", ""});
  in.goals = {due("far", "2026-12-08"), due("edge", "2026-12-07"), due("on-day", "2026-11-23"),
              due("before", "2026-11-22"), done};
  Agenda a = build_agenda(in);
  CHECK(texts(a.questions, "due-soon") ==
        V{"Will 'Goal on-day' be done by 2026-11-23?", "Will 'Goal edge' be done by 2026-12-07?"});
}

TEST_CASE("agenda: they will ask about an overdue action the user owns", "[agenda]") {
  AgendaInput in = input("2026-11-21");
  Action mine = action("send-plan", d("2026-11-20"));
  mine.text = "Send the plan";
  Action theirs = action("review", d("2026-11-19"), std::nullopt, "dana");
  Action on_time = action("later", d("2026-11-21"));
  in.meetings = {meeting("2026-11-16", {}, {theirs, mine, on_time})};
  Agenda a = build_agenda(in);
  CHECK(texts(a.questions, "overdue-action") == V{"What happened with 'Send the plan' (due 2026-11-20)?"});
  auto q = std::find_if(a.questions.begin(), a.questions.end(), [](const auto& x) { return x.kind == "overdue-action"; });
  CHECK(q->ref == "send-plan");
}

TEST_CASE("agenda: they will ask what came of each outcome due", "[agenda]") {
  AgendaInput in = input("2026-11-21");
  Win w = win("2026-10-09-cut-p99", "2026-10-09");
  w.title = "Cut checkout p99 from 900ms to 350ms";
  w.follow_up = d("2026-11-20");
  in.wins = {w};
  Agenda a = build_agenda(in);
  CHECK(texts(a.questions, "outcome") ==
        V{"What came of 'Cut checkout p99 from 900ms to 350ms'? Its follow-up was due 2026-11-20."});
  CHECK(a.questions.back().ref == "2026-10-09-cut-p99");
}

TEST_CASE("agenda: they will ask what a win to mention changed when it says nothing of its impact", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.meetings = {meeting("2026-11-16")};
  Win seen = win("seen", "2026-11-17", "");
  seen.seen_by = {"dana"};
  in.wins = {win("silent", "2026-11-17", ""), win("blank", "2026-11-18", "  \n"), win("said", "2026-11-18"), seen,
             win("before", "2026-11-10", "")};
  Agenda a = build_agenda(in);
  CHECK(texts(a.questions, "impact") == V{"'Win silent': what did it change?", "'Win blank': what did it change?"});
}

TEST_CASE("agenda: likely questions come kind by kind", "[agenda]") {
  AgendaInput in = input("2026-11-21");
  in.meetings = {meeting("2026-11-16", {}, {action("late", d("2026-11-18"))})};
  Goal g = goal("g", "dana");
  g.due = d("2026-11-25");
  g.updates = {{d("2026-11-10"), 10, "", ""}};
  Win follow = win("follow", "2026-10-01");
  follow.follow_up = d("2026-11-20");
  in.goals = {g};
  in.wins = {win("quiet", "2026-11-17", ""), follow};
  Agenda a = build_agenda(in);
  std::vector<std::string> kinds;
  for (const auto& q : a.questions) kinds.push_back(q.kind);
  CHECK(kinds == V{"no-update", "due-soon", "overdue-action", "outcome", "impact"});
}

TEST_CASE("agenda: no likely questions when the data gives no reason for any", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.meetings = {meeting("2026-11-16", {}, {action("fine", d("2026-11-30"))})};
  Goal g = goal("g", "dana");
  g.due = d("2027-03-01");
  g.updates = {{d("2026-11-18"), 10, "", ""}};
  Goal other = goal("other", "marcus");  // not theirs: no question
  other.due = d("2026-11-24");
  Win w = win("w", "2026-11-17");
  in.goals = {g, other};
  in.wins = {w};
  CHECK(build_agenda(in).questions.empty());
}

TEST_CASE("agenda: private goals and wins raise no questions", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.meetings = {meeting("2026-11-16")};
  Goal g = goal("g", "dana");
  g.is_private = true;
  g.due = d("2026-11-25");
  Win w = win("w", "2026-11-17", "");
  w.is_private = true;
  w.follow_up = d("2026-11-18");
  in.goals = {g};
  in.wins = {w};
  CHECK(build_agenda(in).questions.empty());
}

// ---- build_agenda: profile and career --------------------------------------------------------------

TEST_CASE("agenda: career is judged against the meeting date and carries its prompts when due", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  Meeting talk = meeting("2026-08-24");
  talk.career = true;
  in.meetings = {talk, meeting("2026-11-16")};
  Agenda a = build_agenda(in);  // meeting 2026-11-23: 91 days after the talk
  CHECK(a.last_career == d("2026-08-24"));
  CHECK(a.career_due);
  CHECK(a.career == career_prompts());
  in.date = d("2026-11-22");  // 90 days
  a = build_agenda(in);
  CHECK_FALSE(a.career_due);
  CHECK(a.career.empty());
}

TEST_CASE("agenda: a career talk through a covered career topic counts", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.topics = {topic("growth", "2026-10-01", "career")};
  in.meetings = {meeting("2026-10-05", {"growth"})};
  Agenda a = build_agenda(in);
  CHECK(a.last_career == d("2026-10-05"));
  CHECK_FALSE(a.career_due);
  CHECK(a.topics.empty());
}

TEST_CASE("agenda: the profile prompts come from the person", "[agenda]") {
  AgendaInput in = input("2026-11-20");
  in.person.pressures = {"Q4 cost targets"};
  CHECK(build_agenda(in).profile == profile_prompts(in.person));
  CHECK(build_agenda(in).person.id == "dana");
}

TEST_CASE("agenda: a career conversation is proposed with a boss or a mentor, never with a peer or stakeholder",
          "[agenda]") {
  for (const char* rel : {"manager", "skip-level", "mentor", "peer", "stakeholder"}) {
    AgendaInput in = input("2026-11-23");
    in.person.relationship = rel;
    bool grows_you = std::string(rel) != "peer" && std::string(rel) != "stakeholder";
    INFO(rel);
    CHECK(build_agenda(in).career_due == grows_you);
    CHECK(build_agenda(in).career.empty() == !grows_you);
  }
}

TEST_CASE("agenda: 1:1s the cadence planned since the last one and before today are counted as missed", "[agenda]") {
  CHECK(missed_meetings(d("2026-10-01"), "biweekly", d("2026-11-23")) == 3);  // 10-15, 10-29, 11-12
  CHECK(missed_meetings(d("2026-11-16"), "weekly", d("2026-11-23")) == 0);    // today's is not missed yet
  CHECK(missed_meetings(d("2026-11-09"), "weekly", d("2026-11-23")) == 1);
  CHECK(missed_meetings(d("2026-08-31"), "monthly", d("2026-11-23")) == 2);   // 09-30, 10-31
  CHECK(missed_meetings(std::nullopt, "weekly", d("2026-11-23")) == 0);
  CHECK(missed_meetings(d("2026-01-01"), "", d("2026-11-23")) == 0);
  AgendaInput in = input("2026-11-23");
  Meeting m;
  m.date = d("2026-11-02");
  in.meetings.push_back(m);
  CHECK(build_agenda(in).missed == 2);
}
