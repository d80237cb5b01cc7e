#include <catch2/catch.hpp>

#include <string>

#include "upward/render/digest_render.hpp"

using namespace upward;

namespace {

dates::Day day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / m / d}; }

Win win(const std::string& id, dates::Day date, const std::string& title) {
  Win w;
  w.id = id;
  w.date = date;
  w.title = title;
  return w;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

const std::string hostile = "<script>alert('x')</script> & \"quoted\" <img src=x onerror=1>";

Digest hostile_digest() {
  Digest d;
  d.period = {day(2026, 11, 23), day(2026, 11, 29)};
  d.style = "detailed";
  d.group_by = "goal";
  GlanceLine g;
  g.goal.goal.id = "g";
  g.goal.goal.title = hostile;
  g.goal.state.progress = 40;
  g.goal.state.status = "at-risk";
  g.owner_label = hostile;
  g.state = "at risk because " + hostile;
  d.glance.push_back(g);
  auto w = win("2026-11-24-a", day(2026, 11, 24), hostile);
  w.impact = hostile;
  w.metrics.push_back({hostile, "900ms", "350ms"});
  w.links = {"javascript:alert(1)", "https://example.com/a?b=1&c=\"2\""};
  d.progress.push_back({"g", hostile, {w}});
  auto k = win("2026-11-25-k", day(2026, 11, 25), hostile);
  k.kind = "kudos";
  k.from = hostile;
  d.kudos.push_back(k);
  GoalMove m;
  m.goal = g.goal;
  m.from = 10;
  m.to = 40;
  m.status_from = "on-track";
  m.status_to = "at-risk";
  m.notes = {hostile};
  d.moves.push_back(m);
  d.done.push_back(g.goal);
  auto o = win("2026-10-01-o", day(2026, 10, 1), hostile);
  o.outcome = hostile;
  d.outcomes.push_back(o);
  SentDigest s;
  s.date = day(2026, 11, 20);
  d.last_sent = s;
  d.last_plans.push_back({Plan{"action", "a1", hostile, std::nullopt}, "open", hostile});
  d.plans.push_back(Plan{"goal-due", "g", hostile, day(2026, 12, 1)});
  d.problems.push_back({"goal", "g", hostile, "at-risk", hostile, ""});
  d.problems.push_back({"topic", "t", hostile, "problem", "", "dana"});
  return d;
}

}  // namespace

TEST_CASE("digest html: every user string is escaped") {
  auto html = render_digest_html(hostile_digest(), {"", hostile});
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("onerror=1>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;") != std::string::npos);
  CHECK(html.find("href=\"javascript") == std::string::npos);
  CHECK(html.find("<a href=\"https://example.com/a?b=1&amp;c=&quot;2&quot;\">") != std::string::npos);
  CHECK(html.find("no proposed solution yet") != std::string::npos);
}

TEST_CASE("digest html: controls never reach the page raw, bidirectional overrides as references") {
  // found by tests/reliability/test_hostile.py: a C1 CSI (U+009B) reached a terminal raw
  Digest d = hostile_digest();
  d.progress[0].wins[0].title =
      "Fix \x1b[2J \xC2\x9B" "31m \xE2\x80\xAE" "exe.txt\xE2\x80\xAC \xE2\x81\xA6" "iso\xE2\x81\xA9 \x7F caf\xC3\xA9";
  auto html = render_digest_html(d, {"", "Ada"});
  CHECK(html.find("Fix \xEF\xBF\xBD[2J \xEF\xBF\xBD" "31m &#x202E;exe.txt&#x202C; &#x2066;iso&#x2069; \xEF\xBF\xBD caf\xC3\xA9") !=
        std::string::npos);
  for (std::string raw : {"\x1b", "\x7F", "\xC2\x9B", "\xE2\x80\xAE", "\xE2\x81\xA6"}) CHECK(html.find(raw) == std::string::npos);
}

TEST_CASE("digest html: a self-contained page with a title, a viewport and print styles") {
  auto d = hostile_digest();
  auto html = render_digest_html(d, {"", "Sam Rivera"});
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(html.find("<title>Weekly update \xE2\x80\x94 2026-11-23..2026-11-29 \xE2\x80\x94 Sam Rivera</title>") !=
        std::string::npos);
  CHECK(html.find("<h1>Weekly update \xE2\x80\x94 2026-11-23..2026-11-29</h1>\n<figure class=\"chart\">") !=
        std::string::npos);
  CHECK(html.find("name=\"viewport\"") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("src=\"") == std::string::npos);  // (the hostile text holds an escaped src=x)
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  for (auto heading : {"Goals at a glance", "Progress", "Last time&#39;s plans", "Plans", "Problems"})
    CHECK(html.find(std::string("<h2>") + heading + "</h2>") != std::string::npos);
  for (auto heading : {"Kudos", "Goals that moved", "Goals done", "Outcomes"})
    CHECK(html.find(std::string("<h3>") + heading + "</h3>") != std::string::npos);
  CHECK(html.find("style=\"width:40%\"") != std::string::npos);  // the goal's progress bar
}

TEST_CASE("digest html: the chart has one bar per week the digest counted") {
  Digest d;
  d.period = {day(2026, 11, 1), day(2026, 11, 30)};  // a Sunday .. a Monday: weeks of Oct 26 .. Nov 30
  for (int i = 0; i < 6; ++i) d.per_week.emplace_back(day(2026, 10, 26) + date::days{7 * i}, i == 1 ? 2 : i == 5 ? 1 : 0);
  auto html = render_digest_html(d, {});
  CHECK(count(html, "<rect class=\"b\"") == 6);
  CHECK(html.find("week of 2026-10-26: 0 wins") != std::string::npos);
  CHECK(html.find("week of 2026-11-02: 2 wins") != std::string::npos);
  CHECK(html.find("week of 2026-11-30: 1 win<") != std::string::npos);
  CHECK(count(html, "fill=\"#d9480f\"") == 6);

  d.per_week.clear();
  for (int i = 0; i < 53; ++i) d.per_week.emplace_back(day(2025, 12, 29) + date::days{7 * i}, 0);
  CHECK(count(render_digest_html(d, {}), "<rect class=\"b\"") == 53);
}

TEST_CASE("digest html: the brief style keeps wins on one line and says how many were left out") {
  Digest d;
  d.period = {day(2026, 11, 23), day(2026, 11, 29)};
  d.style = "brief";
  auto w = win("a", day(2026, 11, 24), "Cut p99");
  w.impact = "Conversion +1.2%";
  d.progress.push_back({"", "Other work", {w}});
  d.left_out = 4;
  auto html = render_digest_html(d, {});
  CHECK(html.find("Conversion +1.2%") == std::string::npos);
  CHECK(html.find("and 4 more wins") != std::string::npos);
}
