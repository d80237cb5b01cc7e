#include <catch2/catch.hpp>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/base/width.hpp"
#include "upward/render/wins_render.hpp"
#include "upward/views/wins_view.hpp"

using namespace upward;

namespace {

dates::Day day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / m / d}; }

Win win(const std::string& id, dates::Day date, const std::string& title, std::vector<std::string> tags = {}) {
  Win w;
  w.id = id;
  w.date = date;
  w.title = title;
  w.tags = std::move(tags);
  return w;
}

std::vector<Win> sample() {
  std::vector<Win> out{win("2026-11-02-a", day(2026, 11, 2), "Cut the cache misses", {"perf"}),
                       win("2026-11-10-b", day(2026, 11, 10), "Wrote docs", {"docs"}),
                       win("2026-11-05-c", day(2026, 11, 5), "Faster build", {"perf", "ci"}),
                       win("2026-11-05-d", day(2026, 11, 5), "Kudos", {})};
  out[1].impact = "The CACHE chapter";
  out[1].seen_by = {"dana"};
  out[2].goals = {"build-time"};
  out[2].is_private = true;
  out[3].kind = "kudos";
  out[3].from = "eve";
  out[3].follow_up = day(2026, 11, 20);
  return out;
}

std::vector<std::string> ids(const std::vector<Win>& wins) {
  std::vector<std::string> out;
  for (const auto& w : wins) out.push_back(w.id);
  return out;
}

WinsFilter none() {
  WinsFilter f;
  f.today = day(2026, 11, 23);
  return f;
}

}  // namespace

TEST_CASE("wins view: newest first, then by id, descending") {
  CHECK(ids(filter_wins(sample(), none())) ==
        std::vector<std::string>{"2026-11-10-b", "2026-11-05-d", "2026-11-05-c", "2026-11-02-a"});
}

TEST_CASE("wins view: filters combine with AND across options and OR within one") {
  WinsFilter f = none();
  f.tags = {"docs", "ci"};
  CHECK(ids(filter_wins(sample(), f)) == std::vector<std::string>{"2026-11-10-b", "2026-11-05-c"});
  f.is_private = false;
  CHECK(ids(filter_wins(sample(), f)) == std::vector<std::string>{"2026-11-10-b"});
  f = none();
  f.grep = Pattern("cache");  // title or impact, any case
  CHECK(ids(filter_wins(sample(), f)) == std::vector<std::string>{"2026-11-10-b", "2026-11-02-a"});
  f.tags = {"perf"};
  CHECK(ids(filter_wins(sample(), f)) == std::vector<std::string>{"2026-11-02-a"});
}

TEST_CASE("wins view: each filter") {
  auto only = [](auto set) {
    WinsFilter f = none();
    set(f);
    return ids(filter_wins(sample(), f));
  };
  using V = std::vector<std::string>;
  CHECK(only([](WinsFilter& f) { f.goals = {"build-time"}; }) == V{"2026-11-05-c"});
  CHECK(only([](WinsFilter& f) { f.seen_by = {"dana"}; }) == V{"2026-11-10-b"});
  CHECK(only([](WinsFilter& f) { f.not_seen_by = {"dana"}; }) == V{"2026-11-05-d", "2026-11-05-c", "2026-11-02-a"});
  CHECK(only([](WinsFilter& f) { f.from = {"eve", "kim"}; }) == V{"2026-11-05-d"});
  CHECK(only([](WinsFilter& f) { f.kind = "kudos"; }) == V{"2026-11-05-d"});
  CHECK(only([](WinsFilter& f) { f.kind = "win"; }).size() == 3);
  CHECK(only([](WinsFilter& f) { f.is_private = true; }) == V{"2026-11-05-c"});
  CHECK(only([](WinsFilter& f) { f.follow_up_due = true; }) == V{"2026-11-05-d"});
  CHECK(only([](WinsFilter& f) { f.follow_up_due = true; f.today = day(2026, 11, 19); }).empty());
}

TEST_CASE("wins view: the limit keeps the newest N after filtering") {
  WinsFilter f = none();
  f.limit = 2;
  CHECK(ids(filter_wins(sample(), f)) == std::vector<std::string>{"2026-11-10-b", "2026-11-05-d"});
  f.tags = {"perf"};
  f.limit = 1;
  CHECK(ids(filter_wins(sample(), f)) == std::vector<std::string>{"2026-11-05-c"});
}

TEST_CASE("wins view: grep searches the outcome too, and a bad pattern is a usage error naming it") {
  auto wins = sample();
  wins[0].outcome = "Held at 80 ms";
  WinsFilter f = none();
  f.grep = Pattern("HELD");
  CHECK(ids(filter_wins(wins, f)) == std::vector<std::string>{"2026-11-02-a"});
  CHECK_THROWS_AS(Pattern("cache("), UsageError);
  CHECK_THROWS_WITH(Pattern("a[b"), Catch::StartsWith("--grep: 'a[b' is not a regular expression"));
}

TEST_CASE("pattern: any case, non-ASCII letters too, and a long text does not exhaust the stack") {
  CHECK(Pattern("über").found_in("Über-fast ÄRGER deploy"));
  CHECK(Pattern("ärger|nothing").found_in("Über-fast ÄRGER deploy"));
  std::string notes(60000, 'x');
  notes += " p99 fixed";
  CHECK(Pattern("p99.*fixed").found_in(notes));
  CHECK_FALSE(Pattern("(x|y)*z").found_in(notes));
  CHECK_FALSE(Pattern(".*z").found_in(notes));
}

TEST_CASE("wins view: visibility of a manager") {
  Person dana{"dana", "Dana Okafor", "manager", "", "", "", {}, {}};
  auto wins = sample();
  wins.push_back(win("2026-07-30-old", day(2026, 7, 30), "Before the window"));
  wins.push_back(win("2025-11-22-older", day(2025, 11, 22), "Over a year ago"));
  wins.back().seen_by = {"dana"};
  Visibility v = person_visibility(dana, wins, day(2026, 11, 23));
  CHECK(v.window == dates::DateRange{day(2025, 11, 23), day(2026, 11, 23)});
  CHECK(v.unseen_window == dates::DateRange{day(2026, 8, 1), day(2026, 11, 23)});
  CHECK(ids(v.seen) == std::vector<std::string>{"2026-11-10-b"});
  CHECK(v.asks_unseen);
  CHECK(ids(v.not_seen) == std::vector<std::string>{"2026-11-05-d", "2026-11-02-a"});  // the private one left out
  Person eve{"eve", "Eve", "peer", "", "", "", {}, {}};
  Visibility e = person_visibility(eve, wins, day(2026, 11, 23));
  CHECK(ids(e.kudos_given) == std::vector<std::string>{"2026-11-05-d"});
  CHECK_FALSE(e.asks_unseen);
  CHECK(e.not_seen.empty());
  CHECK(unseen_window(day(2026, 1, 15)) == dates::DateRange{day(2025, 10, 1), day(2026, 1, 15)});
}

TEST_CASE("wins render: text lines with markers, aligned, cut to the width") {
  auto wins = filter_wins(sample(), none());
  std::string out = render_wins_text(wins, dates::DateRange{day(2026, 11, 1), day(2026, 11, 30)}, day(2026, 11, 23), {});
  CHECK(out ==
        "Wins 2026-11-01..2026-11-30: 4\n"
        "  2026-11-10  2026-11-10-b  Wrote docs\n"
        "  2026-11-05  2026-11-05-d  Kudos                 [kudos from eve] [follow-up due]\n"
        "  2026-11-05  2026-11-05-c  Faster build          [private] [goal: build-time]\n"
        "  2026-11-02  2026-11-02-a  Cut the cache misses\n");
  std::string narrow = render_wins_text(wins, std::nullopt, day(2026, 11, 23), {false, false, 50, false});
  CHECK(narrow.find("Wins (all): 4\n") == 0);
  CHECK(narrow.find("  2026-11-02  2026-11-02-a  Cut the c...\n") != std::string::npos);  // titles give way first
  for (const auto& line : text::lines(narrow)) CHECK(text::display_width(line) <= 50);
  std::string painted = render_wins_text(wins, std::nullopt, day(2026, 11, 23), {true, true, 0, true});
  CHECK(painted.find("\x1b[33m[private]\x1b[0m") != std::string::npos);
}

TEST_CASE("wins render: terminal text is escaped") {
  std::vector<Win> wins{win("2026-11-02-a", day(2026, 11, 2), "Evil\x1b[31m title")};
  std::string out = render_wins_text(wins, std::nullopt, day(2026, 11, 23), {false, false, 0, true});
  CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("wins render: md, json and vimgrep") {
  auto wins = filter_wins(sample(), none());
  std::string md = render_wins_md(wins, std::nullopt, day(2026, 11, 23));
  CHECK(md.find("# Wins (all)\n\n- 2026-11-10 Wrote docs (`2026-11-10-b`)\n") == 0);
  CHECK(md.find("- 2026-11-05 Faster build (`2026-11-05-c`): private, goal: build-time\n") != std::string::npos);
  std::string json = render_wins_json(wins, dates::DateRange{day(2026, 11, 1), day(2026, 11, 30)}, day(2026, 11, 23));
  CHECK(json.find("\"period\": {\"first\": \"2026-11-01\", \"last\": \"2026-11-30\"}") != std::string::npos);
  CHECK(json.find("\"count\": 4") != std::string::npos);
  CHECK(json.find("\"follow_up\": \"2026-11-20\", \"follow_up_due\": true") != std::string::npos);
  CHECK(render_wins_json({}, std::nullopt, day(2026, 11, 23)) == "{\n  \"period\": null,\n  \"count\": 0,\n  \"wins\": []\n}\n");
  wins[0].title_line = 3;
  CHECK(render_wins_vimgrep(std::span<const Win>(wins).first(2), "/r") ==
        "/r/wins/2026/11/2026-11-10-b.toml:3:1: Wrote docs\n/r/wins/2026/11/2026-11-05-d.toml:1:1: Kudos\n");
}

TEST_CASE("wins render: show gives the whole win with goal titles and names") {
  Win w = sample()[2];
  w.metrics = {{"build", "20 min", "8 min"}};
  w.links = {"https://ci.example.com"};
  w.seen_by = {"dana", "zed"};
  std::vector<Goal> goals(1);
  goals[0].id = "build-time";
  goals[0].title = "Builds under 10 minutes";
  std::vector<Person> people{{"dana", "Dana Okafor", "manager", "", "", "", {}, {}}};
  WinContext c{goals, people, day(2026, 11, 23), "/r/wins/2026/11/2026-11-05-c.toml"};
  std::string md = render_win_md(w, c);
  for (const char* line : {"# Faster build\n", "- Private: yes", "- build: 20 min → 8 min\n",
                           "- Builds under 10 minutes (`build-time`)\n", "- Dana Okafor (dana)\n", "- zed\n",
                           "- File: `/r/wins/2026/11/2026-11-05-c.toml`\n", "## Outcome\n\nNot recorded.\n"})
    CHECK(md.find(line) != std::string::npos);
  std::string json = render_win_json(w, c);
  CHECK(json.find("\"goal_titles\": [\"Builds under 10 minutes\"], \"seen_by_names\": [\"Dana Okafor\", \"\"], "
                  "\"from_name\": null}") != std::string::npos);
}

TEST_CASE("wins view: a kudos counts as seen by whoever gave it") {
  Win k;
  k.id = "2026-11-02-thanks";
  k.kind = "kudos";
  k.from = "dana";
  WinsFilter f;
  f.not_seen_by = {"dana"};
  CHECK_FALSE(win_matches(k, f));
  f.not_seen_by = {"lee"};
  CHECK(win_matches(k, f));
}
