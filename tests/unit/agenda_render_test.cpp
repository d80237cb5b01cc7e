#include <catch2/catch.hpp>

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "upward/render/agenda_render.hpp"
#include "upward/render/goals_render.hpp"
#include "upward/render/markdown.hpp"

using namespace upward;

namespace {

dates::Day day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / m / d}; }

Topic topic(const std::string& id, const std::string& kind, const std::string& text, const std::string& solution = "") {
  Topic t;
  t.id = id;
  t.person = "dana";
  t.date = day(2026, 11, 12);
  t.kind = kind;
  t.text = text;
  t.solution = solution;
  return t;
}

OpenAction action(const std::string& id, const std::string& owner, const std::string& text,
                  std::optional<dates::Day> due, bool overdue, dates::Day from) {
  OpenAction oa;
  oa.action.id = id;
  oa.action.owner = owner;
  oa.action.text = text;
  oa.action.due = due;
  oa.overdue = overdue;
  oa.from = from;
  oa.path = "1on1s/dana/" + dates::format_day(from) + ".toml";
  return oa;
}

Win win(const std::string& id, dates::Day d, const std::string& title, const std::string& impact = "") {
  Win w;
  w.id = id;
  w.date = d;
  w.title = title;
  w.impact = impact;
  return w;
}

Agenda bare() {
  Agenda a;
  a.person.id = "dana";
  a.person.name = "Dana Okafor";
  a.person.relationship = "manager";
  a.date = day(2026, 11, 23);
  a.period = {day(2026, 11, 16), day(2026, 11, 23)};
  a.last_1on1 = day(2026, 11, 16);
  a.last_career = day(2026, 10, 1);
  return a;
}

Agenda rich() {
  Agenda a = bare();
  a.actions.push_back(action("send-vendor-plan", "me", "Send Dana the vendor migration plan", day(2026, 11, 20), true,
                             day(2026, 11, 9)));
  a.actions.push_back(action("review-oncall", "dana", "Review the on-call proposal", std::nullopt, false,
                             day(2026, 11, 16)));
  a.topics.push_back(topic("2026-11-12-vendor-api-limits", "problem", "Vendor API rate limits hit at peak",
                           "Move to the v3 API, which batches"));
  a.topics.push_back(topic("2026-11-13-flaky-ci", "problem", "CI is flaky on arm64"));
  a.topics.push_back(topic("2026-11-14-shared-cache", "idea", "A shared build cache"));
  a.topics.push_back(topic("2026-11-15-headcount", "ask", "One more SRE for Q1"));
  a.topics.push_back(topic("2026-11-16-offsite", "topic", "Team offsite in January"));
  a.topics.push_back(topic("2026-11-17-review-style", "feedback", "Shorter design reviews"));
  a.topics.push_back(topic("2026-11-18-promo-path", "career", "What staff looks like here"));
  AttentionGoal g;
  g.goal.goal.id = "checkout-latency";
  g.goal.goal.title = "Checkout p99 under 400 ms";
  g.goal.goal.owner = "dana";
  g.goal.goal.due = day(2026, 12, 1);
  g.goal.state.status = "at-risk";
  g.goal.state.progress = 40;
  g.reasons = {"at risk", "stale (no update for 30 days)"};
  a.goals.push_back(g);
  AttentionGoal mine;
  mine.goal.goal.id = "cache-rollout";
  mine.goal.goal.title = "Roll out the edge cache";
  mine.goal.goal.owner = "me";
  mine.goal.state.status = "blocked";
  mine.goal.state.progress = 10;
  mine.reasons = {"blocked"};
  a.goals.push_back(mine);
  a.questions.push_back({"no-update", "How is 'Checkout p99 under 400 ms' going? No update since 2026-10-24.",
                         "checkout-latency"});
  a.questions.push_back({"impact", "'Fixed the login bug': what did it change?", "2026-11-18-login-bug"});
  a.profile = {"What is putting pressure on you right now: from above, from other teams?",
               "'Black Friday': how could you take this off their plate?"};
  a.wins.push_back(win("2026-11-17-cut-p99", day(2026, 11, 17), "Cut checkout p99 from 900 ms to 350 ms",
                       "Conversion +1.2% in the A/B test"));
  a.wins.push_back(win("2026-11-18-login-bug", day(2026, 11, 18), "Fixed the login bug"));
  Win due = win("2026-09-01-new-search", day(2026, 9, 1), "Shipped the new search");
  due.follow_up = day(2026, 10, 13);
  a.outcomes_due.push_back(due);
  a.career_due = true;
  a.last_career = day(2026, 6, 2);
  a.career = {"Where do you want to be in two years?", "What would make the next step obvious?"};
  a.style = "Prefers brief updates. Priorities: Black Friday; hiring.";
  return a;
}

}  // namespace

TEST_CASE("agenda render: Markdown shows every section in the issue's order") {
  CHECK(render_agenda_md(rich()) == R"md(# 1:1 with Dana Okafor — Monday 2026-11-23

Since the last 1:1 on 2026-11-16: 2026-11-16..2026-11-23.

## Open action items

- **You**: Send Dana the vendor migration plan — due 2026-11-20, **overdue** — from the 1:1 on 2026-11-09 (`send-vendor-plan`)
- **Dana Okafor**: Review the on-call proposal — from the 1:1 on 2026-11-16 (`review-oncall`)

## Talking points

### Problems

- Vendor API rate limits hit at peak (`2026-11-12-vendor-api-limits`)
  - Solution: Move to the v3 API, which batches
- CI is flaky on arm64 (`2026-11-13-flaky-ci`)
  - Solution: **none yet: bring a proposed solution, not just the problem**

### Ideas

- A shared build cache (`2026-11-14-shared-cache`)

### Asks

- One more SRE for Q1 (`2026-11-15-headcount`)

### Topics

- Team offsite in January (`2026-11-16-offsite`)

### Feedback

- Shorter design reviews (`2026-11-17-review-style`)

### Career

- What staff looks like here (`2026-11-18-promo-path`)

## Goals needing attention

- Checkout p99 under 400 ms (`checkout-latency`) — Dana Okafor's goal, 40%, due 2026-12-01: at risk; stale (no update for 30 days)
- Roll out the edge cache (`cache-rollout`) — your goal, 10%: blocked

## Questions they will likely ask

- How is 'Checkout p99 under 400 ms' going? No update since 2026-10-24.
- 'Fixed the login bug': what did it change?

## Know your manager

- What is putting pressure on you right now: from above, from other teams?
- 'Black Friday': how could you take this off their plate?

## Wins to mention

- 2026-11-17: Cut checkout p99 from 900 ms to 350 ms — Conversion +1.2% in the A/B test
- 2026-11-18: Fixed the login bug

## Outcomes due

- Shipped the new search (2026-09-01), follow-up due 2026-10-13: `upward outcome 2026-09-01-new-search "..."`

## Career conversation

The last career conversation was on 2026-06-02.

- Where do you want to be in two years?
- What would make the next step obvious?

## Their style

Prefers brief updates. Priorities: Black Friday; hiring.
)md");
}

TEST_CASE("agenda render: plain text carries the same content without Markdown") {
  CHECK(render_agenda_text(rich()) == R"txt(1:1 with Dana Okafor — Monday 2026-11-23
========================================
Since the last 1:1 on 2026-11-16: 2026-11-16..2026-11-23.

OPEN ACTION ITEMS
  You: Send Dana the vendor migration plan — due 2026-11-20, OVERDUE — from the 1:1 on 2026-11-09 (send-vendor-plan)
  Dana Okafor: Review the on-call proposal — from the 1:1 on 2026-11-16 (review-oncall)

TALKING POINTS
  Problems
    Vendor API rate limits hit at peak (2026-11-12-vendor-api-limits)
      Solution: Move to the v3 API, which batches
    CI is flaky on arm64 (2026-11-13-flaky-ci)
      Solution: none yet: bring a proposed solution, not just the problem
  Ideas
    A shared build cache (2026-11-14-shared-cache)
  Asks
    One more SRE for Q1 (2026-11-15-headcount)
  Topics
    Team offsite in January (2026-11-16-offsite)
  Feedback
    Shorter design reviews (2026-11-17-review-style)
  Career
    What staff looks like here (2026-11-18-promo-path)

GOALS NEEDING ATTENTION
  Checkout p99 under 400 ms (checkout-latency) — Dana Okafor's goal, 40%, due 2026-12-01: at risk; stale (no update for 30 days)
  Roll out the edge cache (cache-rollout) — your goal, 10%: blocked

QUESTIONS THEY WILL LIKELY ASK
  How is 'Checkout p99 under 400 ms' going? No update since 2026-10-24.
  'Fixed the login bug': what did it change?

KNOW YOUR MANAGER
  What is putting pressure on you right now: from above, from other teams?
  'Black Friday': how could you take this off their plate?

WINS TO MENTION
  2026-11-17: Cut checkout p99 from 900 ms to 350 ms — Conversion +1.2% in the A/B test
  2026-11-18: Fixed the login bug

OUTCOMES DUE
  Shipped the new search (2026-09-01), follow-up due 2026-10-13: upward outcome 2026-09-01-new-search "..."

CAREER CONVERSATION
  The last career conversation was on 2026-06-02.
  - Where do you want to be in two years?
  - What would make the next step obvious?

THEIR STYLE
  Prefers brief updates. Priorities: Black Friday; hiring.
)txt");
}

TEST_CASE("agenda render: --all-sections shows every empty section as none") {
  CHECK(render_agenda_md(bare(), {true}) == R"md(# 1:1 with Dana Okafor — Monday 2026-11-23

Since the last 1:1 on 2026-11-16: 2026-11-16..2026-11-23.

## Open action items

- none

## Talking points

- none

## Goals needing attention

- none

## Questions they will likely ask

- none

## Know your manager

- none

## Wins to mention

- none

## Outcomes due

- none

## Career conversation

- none (the last one was on 2026-10-01)

## Their style

none
)md");
  CHECK(render_agenda_text(bare(), {true}) == R"txt(1:1 with Dana Okafor — Monday 2026-11-23
========================================
Since the last 1:1 on 2026-11-16: 2026-11-16..2026-11-23.

OPEN ACTION ITEMS
  none

TALKING POINTS
  none

GOALS NEEDING ATTENTION
  none

QUESTIONS THEY WILL LIKELY ASK
  none

KNOW YOUR MANAGER
  none

WINS TO MENTION
  none

OUTCOMES DUE
  none

CAREER CONVERSATION
  none (the last one was on 2026-10-01)

THEIR STYLE
  none
)txt");
}

TEST_CASE("agenda render: JSON has every key, empty arrays and nulls included") {
  CHECK(render_agenda_json(rich()) == R"json({
  "person": {"id": "dana", "name": "Dana Okafor", "relationship": "manager"},
  "date": "2026-11-23",
  "period": {"first": "2026-11-16", "last": "2026-11-23"},
  "last_1on1": "2026-11-16",
  "missed": 0,
  "actions": [
    {"id": "send-vendor-plan", "owner": "me", "text": "Send Dana the vendor migration plan", "due": "2026-11-20", "overdue": true, "from": "2026-11-09", "file": "1on1s/dana/2026-11-09.toml"},
    {"id": "review-oncall", "owner": "dana", "text": "Review the on-call proposal", "due": null, "overdue": false, "from": "2026-11-16", "file": "1on1s/dana/2026-11-16.toml"}
  ],
  "talking_points": [
    {"id": "2026-11-12-vendor-api-limits", "kind": "problem", "text": "Vendor API rate limits hit at peak", "solution": "Move to the v3 API, which batches", "date": "2026-11-12"},
    {"id": "2026-11-13-flaky-ci", "kind": "problem", "text": "CI is flaky on arm64", "solution": "", "date": "2026-11-12"},
    {"id": "2026-11-14-shared-cache", "kind": "idea", "text": "A shared build cache", "solution": "", "date": "2026-11-12"},
    {"id": "2026-11-15-headcount", "kind": "ask", "text": "One more SRE for Q1", "solution": "", "date": "2026-11-12"},
    {"id": "2026-11-16-offsite", "kind": "topic", "text": "Team offsite in January", "solution": "", "date": "2026-11-12"},
    {"id": "2026-11-17-review-style", "kind": "feedback", "text": "Shorter design reviews", "solution": "", "date": "2026-11-12"},
    {"id": "2026-11-18-promo-path", "kind": "career", "text": "What staff looks like here", "solution": "", "date": "2026-11-12"}
  ],
  "goals": [
    {"id": "checkout-latency", "title": "Checkout p99 under 400 ms", "owner": "dana", "status": "at-risk", "progress": 40, "due": "2026-12-01", "reasons": ["at risk", "stale (no update for 30 days)"]},
    {"id": "cache-rollout", "title": "Roll out the edge cache", "owner": "me", "status": "blocked", "progress": 10, "due": null, "reasons": ["blocked"]}
  ],
  "questions": [
    {"kind": "no-update", "text": "How is 'Checkout p99 under 400 ms' going? No update since 2026-10-24.", "ref": "checkout-latency"},
    {"kind": "impact", "text": "'Fixed the login bug': what did it change?", "ref": "2026-11-18-login-bug"}
  ],
  "know_your_manager": ["What is putting pressure on you right now: from above, from other teams?", "'Black Friday': how could you take this off their plate?"],
  "wins": [
    {"id": "2026-11-17-cut-p99", "date": "2026-11-17", "title": "Cut checkout p99 from 900 ms to 350 ms", "impact": "Conversion +1.2% in the A/B test"},
    {"id": "2026-11-18-login-bug", "date": "2026-11-18", "title": "Fixed the login bug", "impact": ""}
  ],
  "outcomes_due": [
    {"id": "2026-09-01-new-search", "date": "2026-09-01", "title": "Shipped the new search", "follow_up": "2026-10-13"}
  ],
  "career": {"due": true, "last": "2026-06-02", "prompts": ["Where do you want to be in two years?", "What would make the next step obvious?"]},
  "style": "Prefers brief updates. Priorities: Black Friday; hiring."
}
)json");
  CHECK(render_agenda_json(bare()) == R"json({
  "person": {"id": "dana", "name": "Dana Okafor", "relationship": "manager"},
  "date": "2026-11-23",
  "period": {"first": "2026-11-16", "last": "2026-11-23"},
  "last_1on1": "2026-11-16",
  "missed": 0,
  "actions": [],
  "talking_points": [],
  "goals": [],
  "questions": [],
  "know_your_manager": [],
  "wins": [],
  "outcomes_due": [],
  "career": {"due": false, "last": "2026-10-01", "prompts": []},
  "style": ""
}
)json");
}

TEST_CASE("agenda render: empty sections are left out") {
  const std::string expected_md =
      "# 1:1 with Dana Okafor — Monday 2026-11-23\n\n"
      "Since the last 1:1 on 2026-11-16: 2026-11-16..2026-11-23.\n";
  CHECK(render_agenda_md(bare()) == expected_md);
  CHECK(render_agenda_text(bare()) ==
        "1:1 with Dana Okafor — Monday 2026-11-23\n"
        "========================================\n"
        "Since the last 1:1 on 2026-11-16: 2026-11-16..2026-11-23.\n");
  Agenda a = bare();
  a.wins.push_back(win("2026-11-17-cut-p99", day(2026, 11, 17), "Cut p99"));
  CHECK(render_agenda_md(a) == expected_md + "\n## Wins to mention\n\n- 2026-11-17: Cut p99\n");
  CHECK(render_agenda_text(a).find("CAREER") == std::string::npos);
}

TEST_CASE("agenda render: a problem without a solution asks for one") {
  Agenda a = bare();
  a.topics.push_back(topic("2026-11-13-flaky-ci", "problem", "CI is flaky", "   "));
  a.topics.push_back(topic("2026-11-14-ideas", "idea", "An idea"));
  CHECK(render_agenda_md(a) ==
        "# 1:1 with Dana Okafor — Monday 2026-11-23\n\n"
        "Since the last 1:1 on 2026-11-16: 2026-11-16..2026-11-23.\n\n"
        "## Talking points\n\n"
        "### Problems\n\n"
        "- CI is flaky (`2026-11-13-flaky-ci`)\n"
        "  - Solution: **none yet: bring a proposed solution, not just the problem**\n\n"
        "### Ideas\n\n"
        "- An idea (`2026-11-14-ideas`)\n");
  CHECK(render_agenda_text(a).find("      Solution: none yet: bring a proposed solution, not just the problem\n") !=
        std::string::npos);
}

TEST_CASE("agenda render: talking points are grouped by kind, unknown kinds last") {
  Agenda a = bare();
  a.topics.push_back(topic("t-odd", "gossip", "Odd kind"));
  a.topics.push_back(topic("t-ask", "ask", "An ask"));
  a.topics.push_back(topic("t-problem", "problem", "A problem", "A fix"));
  std::string out = render_agenda_text(a);
  CHECK(out.find("  Problems\n    A problem (t-problem)\n      Solution: A fix\n  Asks\n    An ask (t-ask)\n"
                 "  gossip\n    Odd kind (t-odd)\n") != std::string::npos);
}

TEST_CASE("agenda render: the period line says where it starts") {
  Agenda a = bare();
  a.period.first = day(2026, 11, 1);  // --since
  CHECK(render_agenda_text(a).find("\nCovers 2026-11-01..2026-11-23 (the last 1:1 was on 2026-11-16).\n") !=
        std::string::npos);
  a.last_1on1.reset();
  a.period = {day(2026, 10, 27), day(2026, 11, 23)};
  CHECK(render_agenda_md(a).find("\nNo 1:1 recorded yet: the last 4 weeks, 2026-10-27..2026-11-23.\n") !=
        std::string::npos);
  a.period.first = day(2026, 11, 20);
  CHECK(render_agenda_md(a).find("\nCovers 2026-11-20..2026-11-23 (no 1:1 recorded yet).\n") != std::string::npos);
  CHECK(render_agenda_json(a).find("\"last_1on1\": null,") != std::string::npos);
}

TEST_CASE("agenda render: a person without a name is shown by id, a weekday heads the date") {
  Agenda a = bare();
  a.person.name = "";
  a.date = day(2026, 11, 29);
  CHECK(render_agenda_md(a).rfind("# 1:1 with dana — Sunday 2026-11-29\n", 0) == 0);
}

TEST_CASE("agenda render: record text never turns into Markdown structure") {
  CHECK(md::escape("# *hi* [x]") == "\\# \\*hi\\* \\[x\\]");
  CHECK(md::escape("- item") == "\\- item");
  CHECK(md::escape("+ item") == "\\+ item");
  CHECK(md::escape("> quote") == "\\> quote");
  CHECK(md::escape("1. first") == "1\\. first");
  CHECK(md::escape("12) twelfth") == "12\\) twelfth");
  CHECK(md::escape("2026-11-23 is fine") == "2026-11-23 is fine");
  CHECK(md::escape("1.") == "1\\.");
  CHECK(md::escape("3.5 hours, 2)x") == "3.5 hours, 2)x");
  CHECK(md::escape("-3 days, +1.2%, #hashtag, ~5 min, =x") == "-3 days, +1.2%, #hashtag, ~5 min, =x");
  CHECK(md::escape("---") == "\\---");
  CHECK(md::escape("#") == "\\#");
  CHECK(md::escape("-") == "\\-");
  CHECK(md::escape(">quote") == "\\>quote");
  CHECK(md::escape("===") == "\\===");
  CHECK(md::escape("~~~ fence") == "\\~~~ fence");
  CHECK(md::escape("a `b` c_d <e> \\f") == "a \\`b\\` c\\_d \\<e> \\\\f");
  CHECK(md::escape("R&D &amp; &#38; &") == "R&D \\&amp; \\&#38; &");
  CHECK(md::escape("  two\nlines\r\n\tend  ") == "two lines   end");
  CHECK(md::code("send-plan") == "`send-plan`");
  CHECK(md::code("a`b") == "``a`b``");
  CHECK(md::code("`x``") == "``` `x`` ```");
  // the goals commands keep their own, lighter escaping
  CHECK(md::cell(" a | b\nc ") == "a \\| b c");

  Agenda a = bare();
  a.person.name = "Dana *the* Boss";
  a.actions.push_back(action("a`id", "me", "# not a heading\n- not a list", day(2026, 11, 30), false, day(2026, 11, 16)));
  a.topics.push_back(topic("t1", "problem", "> not a quote", "1. not a list <script>"));
  a.wins.push_back(win("w1", day(2026, 11, 17), "[link](http://x)", "_under_"));
  a.style = "Priorities: *all*";
  CHECK(render_agenda_md(a) ==
        "# 1:1 with Dana \\*the\\* Boss — Monday 2026-11-23\n\n"
        "Since the last 1:1 on 2026-11-16: 2026-11-16..2026-11-23.\n\n"
        "## Open action items\n\n"
        "- **You**: \\# not a heading - not a list — due 2026-11-30 — from the 1:1 on 2026-11-16 (``a`id``)\n\n"
        "## Talking points\n\n"
        "### Problems\n\n"
        "- \\> not a quote (`t1`)\n"
        "  - Solution: 1\\. not a list \\<script>\n\n"
        "## Wins to mention\n\n"
        "- 2026-11-17: \\[link\\](http://x) — \\_under\\_\n\n"
        "## Their style\n\n"
        "Priorities: \\*all\\*\n");
}

TEST_CASE("agenda render: JSON escapes record text") {
  Agenda a = bare();
  a.topics.push_back(topic("t1", "topic", "say \"hi\" \\ back\nslash\ttab \x01 ✓"));
  CHECK(render_agenda_json(a).find(
            "  \"talking_points\": [\n"
            "    {\"id\": \"t1\", \"kind\": \"topic\", \"text\": \"say \\\"hi\\\" \\\\ back\\nslash\\ttab \\u0001 ✓\", "
            "\"solution\": \"\", \"date\": \"2026-11-12\"}\n"
            "  ],\n") != std::string::npos);
}

TEST_CASE("agenda render: the 1:1 template is valid TOML and covers the agenda's talking points") {
  const std::string text = meeting_template(rich(), day(2026, 11, 23));
  toml::table t;
  REQUIRE_NOTHROW(t = toml::parse(text));
  CHECK(t["date"].value<toml::date>() == toml::date{2026, 11, 23});
  CHECK(t["with"].value<std::string>() == "dana");
  std::vector<std::string> ids;
  for (const auto& n : *t["topics"].as_array()) ids.push_back(n.value<std::string>().value_or("?"));
  std::vector<std::string> expected;
  for (const auto& tp : rich().topics) expected.push_back(tp.id);
  CHECK(ids == expected);
  CHECK(t["notes"].value<std::string>() ==
        "- Vendor API rate limits hit at peak: \n- CI is flaky on arm64: \n- A shared build cache: \n"
        "- One more SRE for Q1: \n- Team offsite in January: \n- Shorter design reviews: \n"
        "- What staff looks like here: \n");
  CHECK(t["reflection"].value<std::string>() == "");
  CHECK(!t.contains("career"));
  CHECK(!t.contains("action"));
  CHECK(text.find("\n# uncomment when you talked about your career\n# career = true\n") != std::string::npos);
  CHECK(text.find("\n# [[action]]\n") != std::string::npos);
  CHECK(text.find("#   send-vendor-plan (me, due 2026-11-20): Send Dana the vendor migration plan\n") !=
        std::string::npos);

  // uncommenting the career line and an action stub still parses, with the values the comments promise
  std::string edited = text;
  edited.replace(edited.find("# career = true"), 15, "career = true");
  for (const char* key : {"# [[action]]", "# id = \"send-the-plan\"", "# owner = \"me\"", "# text = \"What, concretely\"", "# due = "})
    edited.replace(edited.find(key), 2, "");
  toml::table e;
  REQUIRE_NOTHROW(e = toml::parse(edited));
  CHECK(e["career"].value<bool>() == true);
  CHECK(e["action"][0]["id"].value<std::string>() == "send-the-plan");
  CHECK(e["action"][0]["due"].value<toml::date>() == toml::date{2026, 11, 30});
}

TEST_CASE("agenda render: the 1:1 template of an empty agenda") {
  const std::string text = meeting_template(bare(), day(2026, 11, 24));
  toml::table t;
  REQUIRE_NOTHROW(t = toml::parse(text));
  CHECK(t["topics"].as_array()->empty());
  CHECK(t["notes"].value<std::string>() == "");
  CHECK(t["date"].value<toml::date>() == toml::date{2026, 11, 24});
  CHECK(text.rfind("# 1:1 with Dana Okafor, Tuesday 2026-11-24.\n", 0) == 0);
  CHECK(text.find("Still open") == std::string::npos);
}

TEST_CASE("agenda render: hostile text in the 1:1 template still parses and stays in its place") {
  const std::vector<std::string> hostile{
      "He said \"\"\"stop\"\"\" \\ and left",
      "ends with a backslash \\",
      "line one\nline two\r\n[[action]]\nid = \"injected\"",
      "tab\there, bell \x07, escape \x1b[31m, delete \x7f, nul-free",
      "''' and \"\"\"\"\"\" and \\u0041 and \\n literally",
      "emoji 🎉 and é and \xE2\x80\xAE bidi",
      "\"",
      "\\",
  };
  Agenda a = bare();
  a.person.name = "Dana\n[[action]]\nid = \"x\"";
  for (size_t i = 0; i < hostile.size(); ++i) {
    Topic tp = topic("t" + std::to_string(i) + "\"\\ \n#", "topic", hostile[i]);
    a.topics.push_back(tp);
  }
  OpenAction oa = action("a\nb", "me\r\n[x]", "text\n[[action]]", std::nullopt, false, day(2026, 11, 16));
  a.actions.push_back(oa);
  const std::string text = meeting_template(a, day(2026, 11, 23));
  INFO(text);
  toml::table t;
  REQUIRE_NOTHROW(t = toml::parse(text));
  CHECK(!t.contains("action"));
  CHECK(!t.contains("id"));
  CHECK(!t.contains("x"));
  CHECK(t["with"].value<std::string>() == "dana");
  const auto* topics = t["topics"].as_array();
  REQUIRE(topics);
  REQUIRE(topics->size() == hostile.size());
  std::string expected_notes;
  for (size_t i = 0; i < hostile.size(); ++i) {
    CHECK((*topics)[i].value<std::string>() == a.topics[i].id);
    std::string flat = hostile[i];
    for (char& c : flat)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();
    expected_notes += "- " + flat + ": \n";
  }
  CHECK(t["notes"].value<std::string>() == expected_notes);
}

TEST_CASE("agenda render: list lines are KIND, PERSON, ID, TEXT, one line each") {
  std::vector<Topic> topics{topic("2026-11-12-vendor", "problem", "Vendor API\nlimits\tat peak"),
                            topic("2026-11-14-cache", "idea", "A cache")};
  std::vector<OpenAction> actions{
      action("send-plan", "me", "Send the plan", day(2026, 11, 20), true, day(2026, 11, 16))};
  CHECK(render_queue_lines("dana", topics, actions) ==
        "problem\tdana\t2026-11-12-vendor\tVendor API limits at peak\n"
        "idea\tdana\t2026-11-14-cache\tA cache\n"
        "action\tdana\tsend-plan\tSend the plan\n");
  CHECK(render_queue_lines("dana", {}, {}) == "");
}

TEST_CASE("agenda render: a career conversation never held") {
  Agenda a = bare();
  a.career_due = true;
  a.last_career.reset();
  a.career = {"Where do you want to be in two years?"};
  CHECK(render_agenda_md(a).find("## Career conversation\n\nNo career conversation on record.\n\n"
                                 "- Where do you want to be in two years?\n") != std::string::npos);
  CHECK(render_agenda_json(a).find("\"career\": {\"due\": true, \"last\": null, \"prompts\": "
                                   "[\"Where do you want to be in two years?\"]},") != std::string::npos);
  a.career_due = false;
  a.career.clear();
  CHECK(render_agenda_text(a, {true}).find("CAREER CONVERSATION\n  none\n") != std::string::npos);
}

TEST_CASE("agenda render: the profile section is named after the relationship", "[agenda]") {
  Agenda a;
  a.person.id = "priya";
  a.person.relationship = "stakeholder";
  a.date = *dates::parse_iso("2026-11-23");
  a.period = {a.date, a.date};
  a.profile = {"What are your top priorities this quarter?"};
  CHECK_THAT(render_agenda_md(a), Catch::Contains("\n## Know your stakeholder\n"));
  CHECK_THAT(render_agenda_text(a), Catch::Contains("\nKNOW YOUR STAKEHOLDER\n"));
}

TEST_CASE("agenda render: missed 1:1s are said in the period line", "[agenda]") {
  Agenda a;
  a.person.id = "bi";
  a.person.cadence = "biweekly";
  a.last_1on1 = *dates::parse_iso("2026-10-01");
  a.date = *dates::parse_iso("2026-11-26");
  a.period = {*a.last_1on1, *dates::parse_iso("2026-11-23")};
  a.missed = 3;
  CHECK_THAT(render_agenda_md(a), Catch::Contains("Since the last 1:1 on 2026-10-01: 2026-10-01..2026-11-23. 3 biweekly "
                                                  "1:1s planned since then were not recorded.\n"));
  CHECK_THAT(render_agenda_json(a), Catch::Contains("\"missed\": 3,"));
  a.missed = 1;
  CHECK_THAT(render_agenda_text(a), Catch::Contains(". 1 biweekly 1:1 planned since then was not recorded.\n"));
}
