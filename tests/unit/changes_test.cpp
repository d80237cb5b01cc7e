// set's pure part: changes applied and checked, the keys whose text changes.
#include <catch2/catch.hpp>

#include "upward/base/error.hpp"
#include "upward/model/changes.hpp"
#include "temp_repo.hpp"

using namespace upward;
using testing::day;

TEST_CASE("changes: lists add without duplicates, clear empties first") {
  Win w;
  w.date = day("2026-11-20");
  w.title = "Cut p99";
  w.tags = {"perf"};
  WinChanges c;
  c.tags.add = {"perf", "infra", "infra"};
  CHECK(apply_changes(w, c).tags == std::vector<std::string>{"perf", "infra"});
  c.tags.clear = true;
  CHECK(apply_changes(w, c).tags == std::vector<std::string>{"perf", "infra"});
  c.tags.add = {"x"};
  Win after = apply_changes(w, c);
  CHECK(after.tags == std::vector<std::string>{"x"});
  CHECK(field_edits(w, after) == std::vector<FieldEdit>{{"tags", "[\"x\"]"}});
  CHECK(field_edits(w, w).empty());
}

TEST_CASE("changes: only the keys whose values differ are edited, with their TOML text") {
  Goal g;
  g.id = "speed";
  g.title = "Speed";
  g.due = day("2026-12-31");
  GoalChanges c;
  c.title = "Speed";  // the same: no edit
  c.due = day("2027-01-15");
  c.why = "Say \"why\"";
  CHECK(field_edits(g, apply_changes(g, c)) ==
        std::vector<FieldEdit>{{"due", "2027-01-15"}, {"why", "\"Say \\\"why\\\"\""}});
  Person p;
  p.id = "dana";
  p.name = "Dana";
  p.relationship = "manager";
  PersonChanges pc;
  pc.priorities.add = {"Hiring, retention"};
  pc.style = "brief";
  CHECK(field_edits(p, apply_changes(p, pc)) ==
        std::vector<FieldEdit>{{"style", "\"brief\""}, {"priorities", "[\"Hiring, retention\"]"}});
}

TEST_CASE("changes: refused values name the option") {
  Win w;
  w.date = day("2026-11-20");
  w.title = "Cut p99";
  w.follow_up = day("2026-12-01");
  WinChanges c;
  c.date = day("2026-12-02");
  CHECK_THROWS_WITH(apply_changes(w, c), "--date: 2026-12-02 is after the win's follow-up 2026-12-01 (give a later "
                                         "--follow-up too)");
  WinChanges t;
  t.title = "  ";
  CHECK_THROWS_AS(apply_changes(w, t), UsageError);
  Person p;
  p.id = "dana";
  p.name = "Dana";
  p.relationship = "manager";
  PersonChanges bad;
  bad.email = "dana";
  CHECK_THROWS_WITH(apply_changes(p, bad), "--email: 'dana' is not a plain address like dana@example.com");
}

TEST_CASE("changes: a moved win keeps the text after its date") {
  CHECK(moved_win_stem("2026-11-20-cut-p99", day("2026-10-30")) == "2026-10-30-cut-p99");
  CHECK(moved_win_stem("2026-11-20-cut-p99-3f2a", day("2027-01-02")) == "2027-01-02-cut-p99-3f2a");
}
