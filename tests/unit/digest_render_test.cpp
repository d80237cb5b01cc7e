#include <catch2/catch.hpp>

#include "upward/base/json.hpp"
#include "upward/base/text.hpp"
#include "upward/base/width.hpp"
#include "upward/render/digest_render.hpp"
#include "upward/render/markdown.hpp"

using namespace upward;

namespace {

dates::Day day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / m / d}; }

const dates::DateRange week{day(2026, 11, 23), day(2026, 11, 29)};

GoalRow row(const std::string& id, const std::string& title, const std::string& owner, const std::string& status,
            int progress, std::optional<dates::Day> due = std::nullopt) {
  GoalRow r;
  r.goal.id = id;
  r.goal.title = title;
  r.goal.owner = owner;
  r.goal.due = due;
  r.state.status = status;
  r.state.progress = progress;
  r.state.active = status != "done" && status != "dropped";
  return r;
}

Win win(const std::string& id, dates::Day date, const std::string& title, const std::string& impact = "") {
  Win w;
  w.id = id;
  w.date = date;
  w.title = title;
  w.impact = impact;
  return w;
}

Person dana() {
  Person p;
  p.id = "dana";
  p.name = "Dana Okafor";
  p.relationship = "manager";
  p.style = "detailed";
  return p;
}

/// A digest with something in every section.
Digest rich() {
  Digest d;
  d.period = week;
  d.style = "detailed";
  d.group_by = "goal";
  d.for_person = dana();
  d.glance.push_back({row("ship-checkout", "Ship the new checkout", "dana", "on-track", 60, day(2026, 12, 15)), "Dana Okafor",
                      "on track"});
  d.glance.push_back({row("checkout-latency", "Checkout p99 under 400 ms", "me", "at-risk", 40, day(2026, 11, 30)), "me",
                      "at risk because the cache is cold"});

  Win cache = win("2026-11-24-cut-p99", day(2026, 11, 24), "Cut checkout p99 with a read-through cache",
                  "Checkout is faster for everyone");
  cache.goals = {"checkout-latency"};
  cache.tags = {"perf"};
  cache.metrics = {{"p99", "900ms", "350ms"}};
  cache.links = {"https://git.example.com/pr/1234"};
  Win docs = win("2026-11-26-runbook", day(2026, 11, 26), "Wrote the on-call runbook");
  d.progress.push_back({"checkout-latency", "Checkout p99 under 400 ms", {cache}});
  d.progress.push_back({"", "Other work", {docs}});

  Win thanks = win("2026-11-25-thanks", day(2026, 11, 25), "Thanks for the incident write-up");
  thanks.kind = "kudos";
  thanks.from = "dana";
  d.kudos.push_back(thanks);

  GoalMove mv;
  mv.goal = row("checkout-latency", "Checkout p99 under 400 ms", "me", "on-track", 40);
  mv.from = 20;
  mv.to = 40;
  mv.status_from = "at-risk";
  mv.status_to = "on-track";
  mv.notes = {"cache in front of pricing"};
  d.moves.push_back(mv);
  d.done.push_back(row("migrate-db", "Migrate the orders database", "me", "done", 100));
  d.done[0].state.status_since = day(2026, 11, 25);

  Win old = win("2026-10-02-retry", day(2026, 10, 2), "Added retries to the payment client");
  old.outcome = "declines fell by a third";
  old.outcome_date = day(2026, 11, 27);
  d.outcomes.push_back(old);

  SentDigest last;
  last.id = "2026-11-20-digest";
  last.date = day(2026, 11, 20);
  last.period = {day(2026, 11, 16), day(2026, 11, 22)};
  d.last_sent = last;
  d.last_plans.push_back({{"goal-due", "migrate-db", "Migrate the orders database (due 2026-11-27)", day(2026, 11, 27)},
                          "done", "done on 2026-11-25"});
  d.last_plans.push_back({{"goal-due", "checkout-latency", "Checkout p99 under 400 ms (due 2026-11-25)", day(2026, 11, 25)},
                          "moved", "due 2026-11-30 now"});
  d.last_plans.push_back({{"action", "send-plan", "Send the rollout plan", std::nullopt}, "open", ""});

  d.plans.push_back({"goal-due", "checkout-latency", "Checkout p99 under 400 ms (due 2026-11-30): warm the cache",
                     day(2026, 11, 30)});
  d.plans.push_back({"action", "send-plan", "Send the rollout plan", std::nullopt});

  d.problems.push_back({"goal", "checkout-latency", "Checkout p99 under 400 ms", "at-risk", "the cache is cold", ""});
  d.problems.push_back({"topic", "2026-11-20-flaky-deploys", "Deploys are flaky", "problem", "", "Dana Okafor", "dana"});
  d.problems.push_back({"topic", "2026-11-21-oncall", "On-call load is uneven", "problem", "a rotation tool", "Dana Okafor", "dana"});

  d.win_count = 2;
  d.measured = 1;
  return d;
}

const DigestRenderOptions opts{"/home/sam/work", "Sam Rivera"};

}  // namespace

/// Every line of `s`, for checking widths.
std::vector<std::string> lines_of(const std::string& s) { return text::lines(s); }

TEST_CASE("digest md: every section, in the issue's order", "[digest]") {
  const Digest d = rich();
  CHECK(render_digest_md(d, opts) == R"X(# Weekly update: 2026-11-23..2026-11-29

## Goals at a glance

- Ship the new checkout (Dana Okafor): 60%, due 2026-12-15, on track
- Checkout p99 under 400 ms (me): 40%, due 2026-11-30, at risk because the cache is cold

## Progress

### Checkout p99 under 400 ms

- Cut checkout p99 with a read-through cache — Checkout is faster for everyone
  - p99: 900ms → 350ms
  - <https://git.example.com/pr/1234>

### Other work

- Wrote the on-call runbook

### Kudos

- Thanks for the incident write-up — from Dana Okafor

### Goals that moved

- Checkout p99 under 400 ms: 20% → 40%, at risk → on track
  - cache in front of pricing

### Goals done

- Migrate the orders database

### Outcomes

- Added retries to the payment client: declines fell by a third

## Last time's plans

From the update sent on 2026-11-20:

- ✓ Migrate the orders database (due 2026-11-27): done on 2026-11-25
- → Checkout p99 under 400 ms (due 2026-11-25): due 2026-11-30 now
- … Send the rollout plan: still open

## Plans

- Checkout p99 under 400 ms (due 2026-11-30): warm the cache
- Send the rollout plan

## Problems

- Checkout p99 under 400 ms: at risk — the cache is cold
- Deploys are flaky — no proposed solution yet
- On-call load is uneven — Proposed: a rotation tool

)X" + md::escape(tally_line(d)) + "\n");
}

TEST_CASE("digest text: the same content, headings underlined, wrapped at 72 columns", "[digest]") {
  const Digest d = rich();
  CHECK(render_digest_text(d, opts) == R"X(Weekly update: 2026-11-23..2026-11-29
=====================================

Goals at a glance
-----------------

- Ship the new checkout (Dana Okafor): 60%, due 2026-12-15, on track
- Checkout p99 under 400 ms (me): 40%, due 2026-11-30, at risk because
  the cache is cold

Progress
--------

Checkout p99 under 400 ms
~~~~~~~~~~~~~~~~~~~~~~~~~

- Cut checkout p99 with a read-through cache — Checkout is faster for
  everyone
  - p99: 900ms → 350ms
  - https://git.example.com/pr/1234

Other work
~~~~~~~~~~

- Wrote the on-call runbook

Kudos
~~~~~

- Thanks for the incident write-up — from Dana Okafor

Goals that moved
~~~~~~~~~~~~~~~~

- Checkout p99 under 400 ms: 20% → 40%, at risk → on track
  - cache in front of pricing

Goals done
~~~~~~~~~~

- Migrate the orders database

Outcomes
~~~~~~~~

- Added retries to the payment client: declines fell by a third

Last time's plans
-----------------

From the update sent on 2026-11-20:

- ✓ Migrate the orders database (due 2026-11-27): done on 2026-11-25
- → Checkout p99 under 400 ms (due 2026-11-25): due 2026-11-30 now
- … Send the rollout plan: still open

Plans
-----

- Checkout p99 under 400 ms (due 2026-11-30): warm the cache
- Send the rollout plan

Problems
--------

- Checkout p99 under 400 ms: at risk — the cache is cold
- Deploys are flaky — no proposed solution yet
- On-call load is uneven — Proposed: a rotation tool

)X" + tally_line(d) + "\n");
}

TEST_CASE("digest md: brief style keeps wins to one line and counts the rest", "[digest]") {
  Digest d = rich();
  d.style = "brief";
  d.glance.erase(d.glance.begin());
  d.moves.clear();
  d.left_out = 4;
  const std::string md = render_digest_md(d, opts);
  CHECK(md.find("- Cut checkout p99 with a read-through cache\n\n### Other work") != std::string::npos);
  CHECK(md.find("Checkout is faster") == std::string::npos);
  CHECK(md.find("p99: 900ms") == std::string::npos);
  CHECK(md.find("git.example.com") == std::string::npos);
  CHECK(md.find("Goals that moved") == std::string::npos);
  CHECK(md.find("- Wrote the on-call runbook\n\nAnd 4 more wins not shown here.\n\n### Kudos") != std::string::npos);
  const std::string text = render_digest_text(d, opts);
  CHECK(text.find("- Cut checkout p99 with a read-through cache\n\nOther work") != std::string::npos);
  CHECK(text.find("\n\nAnd 4 more wins not shown here.\n") != std::string::npos);

  d.left_out = 1;
  CHECK(render_digest_md(d, opts).find("\nAnd 1 more win not shown here.\n") != std::string::npos);
  d.left_out = 0;
  CHECK(render_digest_md(d, opts).find("more win") == std::string::npos);
}

TEST_CASE("digest md and text: empty sections are left out", "[digest]") {
  Digest d;
  d.period = {day(2026, 11, 1), day(2026, 11, 30)};
  d.style = "detailed";
  d.group_by = "goal";
  d.progress.push_back({"", "Other work", {}});  // a group without wins says nothing
  CHECK(render_digest_md(d, opts) == "# Update: 2026-11-01..2026-11-30\n\n" + md::escape(tally_line(d)) + "\n");
  CHECK(render_digest_text(d, opts) ==
        "Update: 2026-11-01..2026-11-30\n==============================\n\n" + tally_line(d) + "\n");

  // only plans: no Progress, no Problems, no Last time's plans (a sent digest without plans)
  d.period = week;
  d.last_sent = rich().last_sent;
  d.plans.push_back({"action", "send-plan", "Send the rollout plan", std::nullopt});
  CHECK(render_digest_md(d, opts) == "# Weekly update: 2026-11-23..2026-11-29\n\n## Plans\n\n- Send the rollout plan\n\n" +
                                         md::escape(tally_line(d)) + "\n");

  // only kudos: Progress holds just them
  Digest k;
  k.period = week;
  k.kudos = rich().kudos;
  k.kudos[0].from = "lee";  // not the --for person: the id as recorded
  CHECK(render_digest_md(k, opts) == "# Weekly update: 2026-11-23..2026-11-29\n\n## Progress\n\n### Kudos\n\n"
                                     "- Thanks for the incident write-up — from lee\n\n" +
                                         md::escape(tally_line(k)) + "\n");
}

TEST_CASE("digest md: a goal that moved without changing says where it stands", "[digest]") {
  Digest d;
  d.period = week;
  GoalMove mv;
  mv.goal = row("g", "Goal", "me", "on-track", 40);
  mv.from = mv.to = 40;
  mv.status_from = mv.status_to = "on-track";
  d.moves.push_back(mv);
  CHECK(render_digest_md(d, opts).find("- Goal: still 40%\n") != std::string::npos);
  d.moves[0].to = 55;
  CHECK(render_digest_md(d, opts).find("- Goal: 40% → 55%\n") != std::string::npos);
  d.moves[0].status_to = "blocked";
  CHECK(render_digest_md(d, opts).find("- Goal: 40% → 55%, on track → blocked\n") != std::string::npos);
}

TEST_CASE("digest text: no line is wider than 72 columns", "[digest]") {
  Digest d = rich();
  const std::string long_title =
      "Rewrote the pricing service's cache layer so that each checkout request reads the prices from memory";
  REQUIRE(long_title.size() == 100);
  const std::string cjk = "決済サービスのキャッシュ層を書き直し、すべてのチェックアウト要求がメモリから価格を読むようにした結果、"
                          "遅延が大幅に改善された";
  REQUIRE(text::display_width(cjk) > 100);
  d.progress[0].label = long_title + "!!";
  d.progress[0].wins[0].title = long_title;
  d.progress[0].wins[0].impact = cjk;
  d.progress[1].wins[0].title = cjk + " and then " + cjk;
  d.progress[1].wins[0].metrics = {{"遅延 p99 " + cjk, "900ms", "350ms"}};
  d.glance[0].state = "at risk because " + long_title;
  d.problems[1].title = cjk;
  d.plans[0].text = long_title + " " + long_title;
  const std::string text = render_digest_text(d, opts);
  for (const auto& l : lines_of(text)) {
    INFO(l);
    CHECK(text::display_width(l) <= 72);
  }
  // the long heading is wrapped and underlined as wide as its widest line
  CHECK(text.find("\n\nRewrote the pricing service's cache layer so that each checkout request\n"
                  "reads the prices from memory!!\n" +
                  std::string(71, '~') + "\n\n") != std::string::npos);
  // list items wrap with a hanging indent; nested ones under their own text
  CHECK(text.find("- Rewrote the pricing service's cache layer so that each checkout\n  request reads") !=
        std::string::npos);
  CHECK(text.find("\n  - 遅延 p99 決済") != std::string::npos);
  CHECK(text.find("\n    ト要求が") != std::string::npos);
  // CJK punctuation and the long vowel mark never start a line
  CHECK(text.find("\n  、") == std::string::npos);
  CHECK(text.find("\n  ー") == std::string::npos);
  // CJK breaks between characters, and no text is lost
  std::string joined;
  for (const auto& l : lines_of(text)) joined += text::trim(l);
  CHECK(joined.find(cjk) != std::string::npos);
}

TEST_CASE("digest text: a word longer than the line stays whole", "[digest]") {
  Digest d;
  d.period = week;
  const std::string url = "https://git.example.com/" + std::string(80, 'x');
  Win w = win("w", day(2026, 11, 24), "See the pull request");
  w.links = {url};
  d.progress.push_back({"", "Other work", {w}});
  const std::string text = render_digest_text(d, opts);
  CHECK(text.find("- See the pull request\n  - " + url + "\n") != std::string::npos);
  d.progress[0].wins[0].title = "Word " + url + " after";
  CHECK(render_digest_text(d, opts).find("- Word\n  " + url + "\n  after\n") != std::string::npos);
}

TEST_CASE("digest md: hostile text stays text", "[digest]") {
  Digest d;
  d.period = week;
  Win w = win("w", day(2026, 11, 24), "# Big\n- item *bold* [x](http://evil.example) <script>",
              "line one\n\n## not a heading");
  w.links = {"javascript:alert(1)", "https://ok.example/a_b", "https://evil.example/<b>", "http://x\ny"};
  w.metrics = {{"p*9", "`1`", "<2>"}};
  d.progress.push_back({"goal", "Fix the bug #", {w}});
  d.problems.push_back({"topic", "t", "> quoted\n1. listed", "problem", "use `code` & &amp; stuff", "dana"});
  const std::string md = render_digest_md(d, opts);
  CHECK(md.find("### Fix the bug \\#\n") != std::string::npos);
  CHECK(md.find("- \\# Big - item \\*bold\\* \\[x\\](http://evil.example) \\<script> — line one  ## not a heading\n") !=
        std::string::npos);
  CHECK(md.find("  - p\\*9: \\`1\\` → \\<2>\n") != std::string::npos);
  CHECK(md.find("  - javascript:alert(1)\n") != std::string::npos);
  CHECK(md.find("  - <https://ok.example/a_b>\n") != std::string::npos);
  CHECK(md.find("  - https://evil.example/\\<b>\n") != std::string::npos);
  CHECK(md.find("  - http://x y\n") != std::string::npos);
  CHECK(md.find("- \\> quoted 1. listed — Proposed: use \\`code\\` & \\&amp; stuff\n") != std::string::npos);
  // every line is either ours or starts with a list marker: no heading, quote or list came from the text
  for (const auto& l : lines_of(md)) {
    INFO(l);
    const bool ours = l.empty() || l.rfind("# Weekly", 0) == 0 || l == "## Progress" || l == "## Problems" ||
                      l.rfind("### Fix", 0) == 0 || l.rfind("- ", 0) == 0 || l.rfind("  - ", 0) == 0 ||
                      l == md::escape(tally_line(d));
    CHECK(ours);
  }
  // newlines in titles never break a text line either
  const std::string text = render_digest_text(d, opts);
  CHECK(text.find("- # Big - item *bold* [x](http://evil.example) <script> — line one ##\n  not a heading\n") !=
        std::string::npos);
}

TEST_CASE("digest json: stable keys, all present", "[digest]") {
  const Digest d = rich();
  CHECK(render_digest_json(d) == R"X({
  "period": {"first": "2026-11-23", "last": "2026-11-29"},
  "title": "Weekly update: 2026-11-23..2026-11-29",
  "style": "detailed",
  "group_by": "goal",
  "for": {"id": "dana", "name": "Dana Okafor"},
  "glance": [
    {"id": "ship-checkout", "title": "Ship the new checkout", "owner": "dana", "owner_label": "Dana Okafor", "status": "on-track", "progress": 60, "state": "on track", "due": "2026-12-15", "overdue": false},
    {"id": "checkout-latency", "title": "Checkout p99 under 400 ms", "owner": "me", "owner_label": "me", "status": "at-risk", "progress": 40, "state": "at risk because the cache is cold", "due": "2026-11-30", "overdue": false}
  ],
  "progress": [
    {"key": "checkout-latency", "label": "Checkout p99 under 400 ms", "wins": [
      {"id": "2026-11-24-cut-p99", "date": "2026-11-24", "title": "Cut checkout p99 with a read-through cache", "impact": "Checkout is faster for everyone", "kind": "win", "tags": ["perf"], "goals": ["checkout-latency"], "links": ["https://git.example.com/pr/1234"], "metrics": [{"name": "p99", "before": "900ms", "after": "350ms"}]}
    ]},
    {"key": "", "label": "Other work", "wins": [
      {"id": "2026-11-26-runbook", "date": "2026-11-26", "title": "Wrote the on-call runbook", "impact": "", "kind": "win", "tags": [], "goals": [], "links": [], "metrics": []}
    ]}
  ],
  "kudos": [
    {"id": "2026-11-25-thanks", "date": "2026-11-25", "title": "Thanks for the incident write-up", "from": "dana"}
  ],
  "moves": [
    {"id": "checkout-latency", "title": "Checkout p99 under 400 ms", "from": 20, "to": 40, "status_from": "at-risk", "status_to": "on-track", "notes": ["cache in front of pricing"]}
  ],
  "done": [
    {"id": "migrate-db", "title": "Migrate the orders database", "date": "2026-11-25"}
  ],
  "outcomes": [
    {"id": "2026-10-02-retry", "date": "2026-10-02", "title": "Added retries to the payment client", "outcome": "declines fell by a third", "outcome_date": "2026-11-27"}
  ],
  "last_sent": {"id": "2026-11-20-digest", "date": "2026-11-20"},
  "last_plans": [
    {"kind": "goal-due", "ref": "migrate-db", "text": "Migrate the orders database (due 2026-11-27)", "due": "2026-11-27", "state": "done", "detail": "done on 2026-11-25"},
    {"kind": "goal-due", "ref": "checkout-latency", "text": "Checkout p99 under 400 ms (due 2026-11-25)", "due": "2026-11-25", "state": "moved", "detail": "due 2026-11-30 now"},
    {"kind": "action", "ref": "send-plan", "text": "Send the rollout plan", "due": null, "state": "open", "detail": ""}
  ],
  "plans": [
    {"kind": "goal-due", "ref": "checkout-latency", "text": "Checkout p99 under 400 ms (due 2026-11-30): warm the cache", "due": "2026-11-30"},
    {"kind": "action", "ref": "send-plan", "text": "Send the rollout plan", "due": null}
  ],
  "problems": [
    {"kind": "goal", "ref": "checkout-latency", "title": "Checkout p99 under 400 ms", "status": "at-risk", "detail": "the cache is cold", "person": ""},
    {"kind": "topic", "ref": "2026-11-20-flaky-deploys", "title": "Deploys are flaky", "status": "problem", "detail": "", "person": "dana"},
    {"kind": "topic", "ref": "2026-11-21-oncall", "title": "On-call load is uneven", "status": "problem", "detail": "a rotation tool", "person": "dana"}
  ],
  "tally": {"wins": 2, "measured": 1, "kudos": 1, "text": )X" + json::quote(tally_line(d)) + R"X(},
  "left_out": 0
}
)X");
}

TEST_CASE("digest json: an empty digest has every key, with empty arrays and nulls", "[digest]") {
  Digest d;
  d.period = {day(2026, 7, 1), day(2026, 12, 31)};
  d.style = "brief";
  d.group_by = "section";
  CHECK(render_digest_json(d) == R"X({
  "period": {"first": "2026-07-01", "last": "2026-12-31"},
  "title": "Update: 2026-07-01..2026-12-31",
  "style": "brief",
  "group_by": "section",
  "for": null,
  "glance": [],
  "progress": [],
  "kudos": [],
  "moves": [],
  "done": [],
  "outcomes": [],
  "last_sent": null,
  "last_plans": [],
  "plans": [],
  "problems": [],
  "tally": {"wins": 0, "measured": 0, "kudos": 0, "text": )X" + json::quote(tally_line(d)) + R"X(},
  "left_out": 0
}
)X");
}

TEST_CASE("digest json: text is kept exactly, escaped for JSON", "[digest]") {
  Digest d;
  d.period = week;
  d.progress.push_back({"", "Other work", {win("w", day(2026, 11, 24), "Quote \" back\\slash\nnew line\ttab")}});
  CHECK(render_digest_json(d).find(R"X("title": "Quote \" back\\slash\nnew line\ttab")X") != std::string::npos);
}

TEST_CASE("digest vimgrep: one line per record, each file once", "[digest]") {
  Digest d = rich();
  d.plans.push_back({"next-step", "write-adr", "Write the ADR: start the draft", std::nullopt});
  d.progress[1].wins.push_back(d.progress[0].wins[0]);  // a win under two goals is one record
  CHECK(render_digest_vimgrep(d, opts) ==
        "/home/sam/work/goals/ship-checkout.toml:1:1: Ship the new checkout\n"
        "/home/sam/work/goals/checkout-latency.toml:1:1: Checkout p99 under 400 ms\n"
        "/home/sam/work/wins/2026/11/2026-11-24-cut-p99.toml:1:1: Cut checkout p99 with a read-through cache\n"
        "/home/sam/work/wins/2026/11/2026-11-26-runbook.toml:1:1: Wrote the on-call runbook\n"
        "/home/sam/work/wins/2026/11/2026-11-25-thanks.toml:1:1: Thanks for the incident write-up\n"
        "/home/sam/work/goals/migrate-db.toml:1:1: Migrate the orders database\n"
        "/home/sam/work/wins/2026/10/2026-10-02-retry.toml:1:1: Added retries to the payment client\n"
        "/home/sam/work/goals/write-adr.toml:1:1: Write the ADR: start the draft\n"
        "/home/sam/work/1on1s/dana/topics/2026-11-20-flaky-deploys.toml:1:1: Deploys are flaky\n"
        "/home/sam/work/1on1s/dana/topics/2026-11-21-oncall.toml:1:1: On-call load is uneven\n");

  Digest e;
  e.period = week;
  e.progress.push_back({"", "Other work", {win("w", day(2027, 1, 2), "Two\nlines\r\n")}});
  CHECK(render_digest_vimgrep(e, {"repo/", ""}) == "repo/wins/2027/01/w.toml:1:1: Two lines\n");
  CHECK(render_digest_vimgrep(e, {"", ""}) == "wins/2027/01/w.toml:1:1: Two lines\n");
  CHECK(render_digest_vimgrep(Digest{}, opts).empty());
}

TEST_CASE("digest subject: the subject, else Weekly update, then the period", "[digest]") {
  CHECK(digest_subject("", week) == "Weekly update: 2026-11-23..2026-11-29");
  CHECK(digest_subject("Sam's week", week) == "Sam's week: 2026-11-23..2026-11-29");
  CHECK(digest_subject("Update", {day(2026, 7, 1), day(2026, 12, 31)}) == "Update: 2026-07-01..2026-12-31");
  // the default subject says "Weekly" only for a week, as the heading does
  CHECK(digest_subject("", {day(2026, 11, 27), day(2026, 11, 27)}) == "Update: 2026-11-27");
  CHECK(digest_subject("", {day(2026, 7, 1), day(2026, 12, 31)}) == "Update: 2026-07-01..2026-12-31");
}

TEST_CASE("digest text: a space before a word that starts with a zero-width character stays", "[digest]") {
  // found by tests/reliability/test_hostile.py: "login \u202eexe" was printed "login\u202eexe"
  Digest d;
  d.period = week;
  const std::string title = "Mark \u200Fשלום, login \u202Eexe.txt\u202C and \u2066iso\u2069 x\u0301 \x1b[2J done";
  d.progress.push_back({"", "Other work", {win("w", day(2026, 11, 24), title)}});
  CHECK(render_digest_text(d, opts).find("- " + title + "\n") != std::string::npos);
}
