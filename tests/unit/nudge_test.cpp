#include <catch2/catch.hpp>

#include "temp_repo.hpp"

#include "upward/views/nudge.hpp"

using namespace upward;

// Days used below: 2026-11-23 is a Monday, 2026-11-27 a Friday, 2026-11-30 the Monday after.
namespace {
dates::Day d(const char* iso) { return *dates::parse_iso(iso); }

using testing::win;

Action action(std::string id, std::optional<dates::Day> due, std::optional<dates::Day> done = std::nullopt,
              std::string owner = "me") {
  Action a;
  a.id = std::move(id);
  a.owner = std::move(owner);
  a.text = "Do " + a.id;
  a.due = due;
  a.done = done;
  return a;
}

Meeting meeting(std::string person, const char* day, std::vector<Action> actions = {}, std::vector<std::string> topics = {}) {
  Meeting m;
  m.person = person;
  m.date = d(day);
  m.path = "1on1s/" + person + "/" + day + ".toml";
  m.actions = std::move(actions);
  m.topics = std::move(topics);
  return m;
}

Topic topic(std::string id, const char* day, std::string kind = "topic", std::string solution = "") {
  Topic t;
  t.id = std::move(id);
  t.person = "dana";
  t.date = d(day);
  t.kind = std::move(kind);
  t.text = "About " + t.id;
  t.solution = std::move(solution);
  return t;
}

Person person(std::string id, std::string cadence) {
  Person p;
  p.id = std::move(id);
  p.name = "Someone";
  p.cadence = std::move(cadence);
  return p;
}

GoalUpdate update(const char* day, std::optional<int> progress = std::nullopt, std::string status = "") {
  GoalUpdate u;
  u.date = d(day);
  u.progress = progress;
  u.status = std::move(status);
  return u;
}

SentDigest sent(const char* day, const char* first = nullptr, const char* last = nullptr) {
  SentDigest s;
  s.id = std::string(day) + "-digest";
  s.date = d(day);
  s.period = {d(first ? first : day), d(last ? last : day)};  // by default the day it went
  return s;
}

std::vector<std::string> kinds(const std::vector<Nudge>& ns) {
  std::vector<std::string> out;
  for (const auto& n : ns) out.push_back(n.kind + ":" + urgency_name(n.urgency) + ":" + n.ref);
  return out;
}
}  // namespace

TEST_CASE("nudge: working days are Monday to Friday") {
  CHECK(working_day(d("2026-11-27")));
  CHECK_FALSE(working_day(d("2026-11-28")));
  CHECK_FALSE(working_day(d("2026-11-29")));
  CHECK(next_working_day(d("2026-11-26")) == d("2026-11-27"));
  CHECK(next_working_day(d("2026-11-27")) == d("2026-11-30"));
  CHECK(next_working_day(d("2026-11-28")) == d("2026-11-30"));
  CHECK(next_working_day(d("2026-11-29")) == d("2026-11-30"));
  CHECK(working_days_before(d("2026-11-27"), 3) == d("2026-11-24"));
  CHECK(working_days_before(d("2026-11-30"), 3) == d("2026-11-25"));  // over the weekend
  CHECK(working_days_before(d("2026-11-29"), 1) == d("2026-11-27"));  // a Sunday: the Friday before
  CHECK(working_days_before(d("2026-11-30"), 0) == d("2026-11-30"));
}

TEST_CASE("nudge: no win for N working days, counted back from today") {
  dates::Day monday = d("2026-11-30");
  // 3 working days before Monday is Wednesday 2026-11-25: a win that day is in time
  CHECK(nudge_no_win(std::vector<Win>{win("w", "2026-11-25")}, monday, 3).empty());
  auto ns = nudge_no_win(std::vector<Win>{win("w", "2026-11-24")}, monday, 3);
  REQUIRE(ns.size() == 1);
  CHECK(ns[0].kind == "no-win");
  CHECK(ns[0].urgency == Urgency::habit);
  CHECK(ns[0].message == "no win logged in the last 3 working days (since 2026-11-25); the last on 2026-11-24");
  CHECK(ns[0].command == "upward log-win TEXT");
  CHECK(nudge_no_win(std::vector<Win>{win("w", "2026-11-30")}, monday, 3).empty());  // today counts
  CHECK(nudge_no_win(std::vector<Win>{win("w", "2026-11-29")}, monday, 3).empty());  // so does a weekend day in the window
  CHECK(nudge_no_win(std::vector<Win>{}, monday, 1)[0].message == "no win logged in the last 1 working day (since 2026-11-27)");
  CHECK(nudge_no_win(std::vector<Win>{}, monday, 0).empty());  // 0: off
  Win later = win("w", "2026-12-01");  // dated after today: not logged yet as of today
  CHECK(nudge_no_win(std::vector<Win>{later}, monday, 3).size() == 1);
}

TEST_CASE("nudge: my open action items overdue, due today and due within the window") {
  std::vector<Meeting> ms{meeting("dana", "2026-11-16",
                                  {action("late", d("2026-11-26")), action("today", d("2026-11-27")),
                                   action("in-two", d("2026-11-29")), action("in-three", d("2026-11-30")),
                                   action("tuesday", d("2026-12-01")), action("wednesday", d("2026-12-02")),
                                   action("no-due", std::nullopt), action("closed", d("2026-11-20"), d("2026-11-21")),
                                   action("theirs", d("2026-11-20"), std::nullopt, "dana")})};
  auto ns = nudge_actions(ms, d("2026-11-27"), 2);
  // 2 working days after Friday 2026-11-27: up to Tuesday (an item due Monday is announced on Friday)
  CHECK(kinds(ns) == std::vector<std::string>{"action:overdue:late", "action:now:today", "action:soon:in-two",
                                              "action:soon:in-three", "action:soon:tuesday"});
  CHECK(ns[0].message == "action 'late' for dana was due 2026-11-26: Do late");
  CHECK(ns[0].command == "upward prep-1on1 done late");
  CHECK(ns[0].file == "1on1s/dana/2026-11-16.toml");
  CHECK(ns[0].person == "dana");
  CHECK(ns[1].message == "action 'today' for dana is due today: Do today");
  CHECK(ns[2].message == "action 'in-two' for dana is due on sunday 2026-11-29: Do in-two");
  CHECK(nudge_actions(ms, d("2026-11-27"), 0).size() == 2);  // 0: only overdue and today
  // done later than today: still open today
  std::vector<Meeting> done_later{meeting("dana", "2026-11-16", {action("x", d("2026-11-26"), d("2026-11-28"))})};
  CHECK(nudge_actions(done_later, d("2026-11-27"), 2).size() == 1);
  CHECK(nudge_actions(done_later, d("2026-11-28"), 2).empty());
}

TEST_CASE("nudge: an action id open with two people says whose to close") {
  std::vector<Meeting> ms{meeting("dana", "2026-11-16", {action("send-rfc", d("2026-11-20"))}),
                          meeting("lee", "2026-11-17", {action("send-rfc", d("2026-11-28"))})};
  auto ns = nudge_actions(ms, d("2026-11-27"), 2);
  REQUIRE(ns.size() == 2);
  CHECK(ns[0].command == "upward prep-1on1 done send-rfc --with dana");
  CHECK(ns[1].command == "upward prep-1on1 done send-rfc --with lee");
  CHECK(ns[1].message == "action 'send-rfc' for lee is due tomorrow (2026-11-28): Do send-rfc");
}

TEST_CASE("nudge: the 1:1 of the next working day with an empty agenda or an unsolved problem") {
  std::vector<Person> people{person("dana", "weekly")};
  std::vector<Meeting> ms{meeting("dana", "2026-11-23")};  // weekly: the next is Monday 2026-11-30
  std::vector<Topic> none;
  SECTION("a Friday looks to Monday") {
    auto ns = nudge_one_on_ones(people, ms, none, d("2026-11-27"));
    REQUIRE(ns.size() == 1);
    CHECK(ns[0].kind == "1on1-empty");
    CHECK(ns[0].urgency == Urgency::soon);
    CHECK(ns[0].date == d("2026-11-30"));
    CHECK(ns[0].message == "1:1 with dana on monday 2026-11-30 has nothing on its agenda");
    CHECK(ns[0].command == "upward prep-1on1 add --with dana TEXT");
  }
  SECTION("a Thursday does not, Saturday and Sunday do") {
    CHECK(nudge_one_on_ones(people, ms, none, d("2026-11-26")).empty());
    CHECK(nudge_one_on_ones(people, ms, none, d("2026-11-28")).size() == 1);
    CHECK(nudge_one_on_ones(people, ms, none, d("2026-11-29"))[0].message ==
          "1:1 with dana tomorrow (2026-11-30) has nothing on its agenda");
  }
  SECTION("the day itself is now") {
    auto ns = nudge_one_on_ones(people, ms, none, d("2026-11-30"));
    REQUIRE(ns.size() == 1);
    CHECK(ns[0].urgency == Urgency::now);
    CHECK(ns[0].message == "1:1 with dana today has nothing on its agenda");
  }
  SECTION("a talking point fills the agenda; a problem needs a solution") {
    std::vector<Topic> ok{topic("t", "2026-11-25")};
    CHECK(nudge_one_on_ones(people, ms, ok, d("2026-11-27")).empty());
    std::vector<Topic> ts{topic("solved", "2026-11-24", "problem", "Do X"), topic("bare", "2026-11-25", "problem"),
                          topic("blank", "2026-11-26", "problem", "  ")};
    auto ns = nudge_one_on_ones(people, ms, ts, d("2026-11-27"));
    CHECK(kinds(ns) == std::vector<std::string>{"1on1-problem:soon:bare", "1on1-problem:soon:blank"});
    CHECK(ns[0].message == "1:1 with dana on monday 2026-11-30: problem 'About bare' has no proposed solution");
    CHECK(ns[0].file == "1on1s/dana/topics/bare.toml");
    CHECK(ns[0].command.empty());
  }
  SECTION("covered or private topics are not on the agenda") {
    Topic secret = topic("secret", "2026-11-25");
    secret.is_private = true;
    std::vector<Topic> ts{topic("old", "2026-11-20", "problem"), secret};
    std::vector<Meeting> covered{meeting("dana", "2026-11-23", {}, {"old"})};
    auto ns = nudge_one_on_ones(people, covered, ts, d("2026-11-27"));
    CHECK(kinds(ns) == std::vector<std::string>{"1on1-empty:soon:dana"});
  }
  SECTION("no cadence, or no 1:1 on record: nothing to say") {
    CHECK(nudge_one_on_ones(std::vector<Person>{person("dana", "")}, ms, none, d("2026-11-27")).empty());
    CHECK(nudge_one_on_ones(people, std::vector<Meeting>{}, none, d("2026-11-27")).empty());
    CHECK(nudge_one_on_ones(people, std::vector<Meeting>{meeting("lee", "2026-11-23")}, none, d("2026-11-27")).empty());
  }
  SECTION("a 1:1 recorded today moves the next one a cadence on") {
    std::vector<Meeting> held{meeting("dana", "2026-11-30")};
    CHECK(nudge_one_on_ones(people, held, none, d("2026-11-30")).empty());
  }
}

TEST_CASE("nudge: my goals overdue, due within due_days, or stale") {
  Goal late = testing::goal("late");
  late.due = d("2026-11-26");
  late.updates = {update("2026-11-20", 60, "at-risk")};
  Goal today = testing::goal("today");
  today.due = d("2026-11-27");
  today.updates = {update("2026-11-25", 90)};
  Goal week = testing::goal("week");
  week.due = d("2026-12-04");
  week.updates = {update("2026-11-25", 40)};
  Goal later = testing::goal("later");
  later.due = d("2026-12-05");
  later.updates = {update("2026-11-25", 40)};
  Goal stale = testing::goal("stale");  // created 2026-11-01, never updated: 26 days
  Goal fresh = testing::goal("fresh");
  fresh.updates = {update("2026-11-06")};  // exactly 21 days: not yet stale
  Goal done = testing::goal("done");
  done.due = d("2026-11-20");
  done.updates = {update("2026-11-19", 100, "done")};
  Goal theirs = testing::goal("theirs", "dana");
  theirs.due = d("2026-11-20");
  Goal future = testing::goal("future");  // created after today: not there yet
  future.created = d("2026-12-01");
  future.due = d("2026-12-02");
  std::vector<Goal> goals{late, today, week, later, stale, fresh, done, theirs, future};
  auto ns = nudge_goals(goals, d("2026-11-27"), 7, 21);
  CHECK(kinds(ns) == std::vector<std::string>{"goal-overdue:overdue:late", "goal-due:now:today", "goal-due:soon:week",
                                              "goal-stale:habit:stale"});
  CHECK(ns[0].message == "goal 'late' was due 2026-11-26 and is not done (at-risk at 60%): Goal late");
  CHECK(ns[0].command == "upward goals done late");
  CHECK(ns[1].message == "goal 'today' is due today (on-track at 90%): Goal today");
  CHECK(ns[2].message == "goal 'week' is due on friday 2026-12-04 (on-track at 40%): Goal week");
  CHECK(ns[2].command == "upward goals update week --progress N%");
  CHECK(ns[3].message == "goal 'stale' has had no update for 26 days: Goal stale");
  CHECK(ns[3].command == "upward goals update stale --note TEXT");
  CHECK(ns[3].file == "goals/stale.toml");
  SECTION("due soon and stale: one line that says both") {
    Goal both = testing::goal("both");
    both.due = d("2026-11-30");
    auto one = nudge_goals(std::vector<Goal>{both}, d("2026-11-27"), 7, 21);
    REQUIRE(one.size() == 1);
    CHECK(one[0].message == "goal 'both' is due on monday 2026-11-30 (on-track at 0%; no update for 26 days): Goal both");
  }
  SECTION("the stale limit and the window come from the caller") {
    CHECK(nudge_goals(std::vector<Goal>{fresh}, d("2026-11-27"), 7, 20).size() == 1);
    CHECK(nudge_goals(std::vector<Goal>{week}, d("2026-11-27"), 6, 21).empty());
  }
}

TEST_CASE("nudge: follow-ups whose outcome is due") {
  Win due = win("2026-10-01-due", "2026-10-01");
  due.follow_up = d("2026-11-20");
  Win today = win("2026-10-02-today", "2026-10-02");
  today.follow_up = d("2026-11-27");
  Win later = win("2026-10-03-later", "2026-10-03");
  later.follow_up = d("2026-11-28");
  Win answered = win("2026-10-04-answered", "2026-10-04");
  answered.follow_up = d("2026-11-01");
  answered.outcome = "It worked";
  std::vector<Win> wins{today, later, answered, due};
  auto ns = nudge_follow_ups(wins, d("2026-11-27"));
  CHECK(kinds(ns) == std::vector<std::string>{"follow-up:now:2026-10-01-due", "follow-up:now:2026-10-02-today"});
  CHECK(ns[0].message == "what came of 'Win 2026-10-01-due'? its follow-up was due 2026-11-20");
  CHECK(ns[0].command == "upward outcome 2026-10-01-due TEXT");
  CHECK(ns[0].file == "wins/2026/10/2026-10-01-due.toml");
  CHECK(ns[1].message == "what came of 'Win 2026-10-02-today'? its follow-up is due today");
}

TEST_CASE("nudge: the weekly digest not sent this week, on or after its day") {
  auto last = std::optional<SentDigest>{sent("2026-11-20")};
  CHECK_FALSE(nudge_digest(std::nullopt, d("2026-11-27"), date::Monday, date::Friday));  // --send never used
  CHECK_FALSE(nudge_digest(last, d("2026-11-26"), date::Monday, date::Friday));          // before its day
  auto friday = nudge_digest(last, d("2026-11-27"), date::Monday, date::Friday);
  REQUIRE(friday);
  CHECK(friday->urgency == Urgency::now);
  CHECK(friday->message == "this week's digest is not sent yet (the last went on 2026-11-20)");
  CHECK(friday->command == "upward digest --send");
  CHECK(friday->file == "sent/2026-11-20-digest.toml");
  auto sunday = nudge_digest(last, d("2026-11-29"), date::Monday, date::Friday);
  REQUIRE(sunday);
  CHECK(sunday->urgency == Urgency::overdue);
  CHECK(sunday->message == "this week's digest was due friday 2026-11-27 and is not sent yet (the last went on 2026-11-20)");
  // a new week: not due until its Friday
  CHECK_FALSE(nudge_digest(last, d("2026-11-30"), date::Monday, date::Friday));
  // sent this week (any day of it): nothing
  CHECK_FALSE(nudge_digest(std::optional<SentDigest>{sent("2026-11-23")}, d("2026-11-27"), date::Monday, date::Friday));
  // last week's, sent late this Monday, is not this week's
  auto late = std::optional<SentDigest>{sent("2026-11-23", "2026-11-16", "2026-11-22")};
  CHECK(nudge_digest(late, d("2026-11-27"), date::Monday, date::Friday));
  // this week's sent, then last week's again: this week's still counts
  std::vector<SentDigest> week{sent("2026-11-27", "2026-11-23", "2026-11-29"), *late};
  CHECK_FALSE(nudge_digest(late, d("2026-11-27"), date::Monday, date::Friday, week));
  // the week's start counts: a week from Sunday, digest on Monday
  CHECK(nudge_digest(last, d("2026-11-23"), date::Sunday, date::Monday));
  CHECK_FALSE(nudge_digest(std::optional<SentDigest>{sent("2026-11-22")}, d("2026-11-23"), date::Sunday, date::Monday));
  CHECK(nudge_digest(std::optional<SentDigest>{sent("2026-11-22")}, d("2026-11-23"), date::Monday, date::Monday));
}

TEST_CASE("nudge: wins of the last 30 days with no impact, metric or goal") {
  Win vague = win("2026-11-10-vague", "2026-11-10", "");
  Win oldest = win("2026-10-29-oldest", "2026-10-29", " ");  // the 30th day back: in
  Win older = win("2026-10-28-older", "2026-10-28", "");     // the 31st: out
  Win metric = win("2026-11-11-metric", "2026-11-11", "");
  metric.metrics = {{"p99", "900ms", "350ms"}};
  Win linked = win("2026-11-12-linked", "2026-11-12", "");
  linked.goals = {"checkout"};
  Win kudos = win("2026-11-13-kudos", "2026-11-13", "");
  kudos.kind = "kudos";
  Win told = win("2026-11-14-told", "2026-11-14");
  std::vector<Win> wins{vague, oldest, older, metric, linked, kudos, told};
  auto n = nudge_vague_wins(wins, d("2026-11-27"));
  REQUIRE(n);
  CHECK(n->urgency == Urgency::habit);
  CHECK(n->refs == std::vector<std::string>{"2026-10-29-oldest", "2026-11-10-vague"});
  CHECK(n->message == "2 wins of the last 30 days say nothing about their impact, the oldest 'Win 2026-10-29-oldest'");
  CHECK(n->command == "upward set win 2026-10-29-oldest --impact TEXT");
  auto one = nudge_vague_wins(std::vector<Win>{vague}, d("2026-11-27"));
  REQUIRE(one);
  CHECK(one->message == "1 win of the last 30 days says nothing about its impact: 'Win 2026-11-10-vague'");
  CHECK_FALSE(nudge_vague_wins(std::vector<Win>{told, older}, d("2026-11-27")));
}

TEST_CASE("nudge: the wins read are only those the enabled rules need") {
  NudgeConfig c;
  dates::Day friday = d("2026-11-27");
  CHECK(nudge_recent_range(friday, c) == dates::DateRange{d("2026-10-29"), friday});
  CHECK(nudge_follow_up_range(friday, c) == dates::DateRange{d("2025-11-27"), d("2026-10-28")});
  c.vague_wins = false;
  CHECK(nudge_recent_range(friday, c) == dates::DateRange{d("2026-11-24"), friday});
  CHECK(nudge_follow_up_range(friday, c) == dates::DateRange{d("2025-11-27"), d("2026-11-23")});
  c.no_win_days = 0;
  CHECK_FALSE(nudge_recent_range(friday, c));
  CHECK(nudge_follow_up_range(friday, c) == dates::DateRange{d("2025-11-27"), friday});
  c.follow_ups = false;
  CHECK_FALSE(nudge_follow_up_range(friday, c));
  NudgeConfig long_window;
  long_window.no_win_days = 365;  // more than a year of working days: the recent range covers it all
  CHECK(nudge_recent_range(friday, long_window)->first < d("2025-11-27"));
  CHECK_FALSE(nudge_follow_up_range(friday, long_window));
}

TEST_CASE("nudge: most urgent first, and each rule switched off in [nudge]") {
  NudgeInput in;
  in.today = d("2026-11-27");
  in.people = {person("dana", "weekly")};
  in.meetings = {meeting("dana", "2026-11-23", {action("late", d("2026-11-20")), action("soon", d("2026-11-29")),
                                                action("now", d("2026-11-27"))})};
  in.topics = {topic("bare", "2026-11-24", "problem")};
  Goal g = testing::goal("stale");
  Goal due = testing::goal("due");
  due.due = d("2026-11-29");
  due.updates = {update("2026-11-25", 50)};
  in.goals = {g, due};
  Win w = win("2026-11-02-vague", "2026-11-02", "");
  w.follow_up = d("2026-11-20");
  in.wins = {w};
  in.last_sent = sent("2026-11-20");
  auto ns = build_nudges(in);
  CHECK(kinds(ns) == std::vector<std::string>{
                         "action:overdue:late", "action:now:now", "follow-up:now:2026-11-02-vague",
                         "digest:now:2026-11-20-digest", "action:soon:soon", "goal-due:soon:due",
                         "1on1-problem:soon:bare", "no-win:habit:", "goal-stale:habit:stale",
                         "vague-wins:habit:2026-11-02-vague"});
  NudgeConfig off;
  off.no_win_days = 0;
  off.one_on_one = off.actions = off.goals = off.follow_ups = off.digest = off.vague_wins = false;
  in.config = off;
  CHECK(build_nudges(in).empty());
  for (auto [name, flag] : {std::pair{"actions", &NudgeConfig::actions}, {"one_on_one", &NudgeConfig::one_on_one},
                            {"goals", &NudgeConfig::goals}, {"follow_ups", &NudgeConfig::follow_ups},
                            {"digest", &NudgeConfig::digest}, {"vague_wins", &NudgeConfig::vague_wins}}) {
    NudgeConfig only = off;
    only.*flag = true;
    in.config = only;
    INFO(name);
    CHECK_FALSE(build_nudges(in).empty());
  }
  in.config = off;
  in.config.no_win_days = 3;
  CHECK(kinds(build_nudges(in)) == std::vector<std::string>{"no-win:habit:"});
  in.config = NudgeConfig{};
  in.config.action_days = 0;  // 'soon' (due in 2 days) drops out
  in.config.due_days = 1;     // and so does the goal
  CHECK(build_nudges(in).size() == ns.size() - 2);
}

TEST_CASE("nudge: follow_ups_in parses only the wins that name a follow-up") {
  testing::TempRepo t;
  t.write("wins/2026/03/2026-03-02-plain.toml", "date = 2026-03-02\ntitle = \"Plain\"\n");
  t.write("wins/2026/03/2026-03-03-asked.toml", "date = 2026-03-03\ntitle = \"Asked\"\nfollow_up = 2026-05-01\n");
  t.write("wins/2026/03/2026-03-04-escaped.toml", "date = 2026-03-04\ntitle = \"E\"\n\"follow\\u005fup\" = 2026-05-02\n");
  t.write("wins/2026/03/2026-03-05-broken.toml", "title = = nope\n");  // no follow-up named: not parsed
  t.write("wins/2026/03/2026-03-06-broken-asked.toml", "title = = nope\nfollow_up = 2026-05-01\n");
  t.write("wins/2026/05/2026-05-02-later.toml", "date = 2026-05-02\ntitle = \"Later\"\nfollow_up = 2026-06-01\n");
  std::vector<Problem> skipped;
  auto wins = t.repo.follow_ups_in({d("2026-03-01"), d("2026-04-30")}, skipped);
  CHECK(testing::ids_of(wins, [](const Win& w) { return w.id; }) ==
        std::vector<std::string>{"2026-03-03-asked", "2026-03-04-escaped"});
  REQUIRE(skipped.size() == 1);
  CHECK(skipped[0].where.path.find("2026-03-06-broken-asked.toml") != std::string::npos);
}
