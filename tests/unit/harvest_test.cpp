#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "upward/base/error.hpp"
#include "upward/model/harvest_record_read.hpp"
#include "upward/render/harvest_render.hpp"
#include "upward/store/git_log.hpp"
#include "upward/views/harvest.hpp"

using namespace upward;

namespace {

dates::Day d(const char* iso) { return *dates::parse_iso(iso); }

const dates::DateRange week{d("2026-11-16"), d("2026-11-22")};
const std::string me = "ada@example.com";

/// A history built newest last; history() returns it newest first, as git log lists it.
struct History {
  std::vector<Commit> commits;
  int n = 0;

  Commit& add(const std::string& subject, const char* day, std::vector<std::string> parents = {},
              const std::string& email = me, const std::string& body = "", const std::string& repo = "api") {
    ++n;
    Commit c;
    c.repo = repo;
    c.hash = std::to_string(1000000 + n) + std::string(33, 'f');  // unique in its first 7 digits
    c.short_hash = c.hash.substr(0, 7);
    c.parents = parents.empty() && !commits.empty() ? std::vector<std::string>{commits.back().hash} : parents;
    c.email = email;
    c.day = d(day);
    c.time = 1000 * n;
    c.subject = subject;
    c.body = body;
    c.files = {{"src/" + std::to_string(n) + ".c", 10, 2}};
    commits.push_back(c);
    return commits.back();
  }
  std::vector<Commit> history() const { return {commits.rbegin(), commits.rend()}; }
};

std::vector<std::string> titles(const std::vector<Candidate>& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs) out.push_back(dates::format_day(c.day) + " " + c.title);
  return out;
}

}  // namespace

TEST_CASE("harvest: ticket ids are capitals, a dash and digits, not UTF-8 or SHA-256") {
  CHECK(ticket_id("ABC-123: Add retry").value_or("") == "ABC-123");
  CHECK(ticket_id("Fix checkout (PAY-7)").value_or("") == "PAY-7");
  CHECK(ticket_id("feature/ABC-123-retry").value_or("") == "ABC-123");
  CHECK(ticket_id("A2B-9 x").value_or("") == "A2B-9");
  CHECK_FALSE(ticket_id("Read UTF-8 names"));
  CHECK_FALSE(ticket_id("Use SHA-256 and ISO-8601"));
  CHECK_FALSE(ticket_id("abc-123 lower case"));
  CHECK_FALSE(ticket_id("X-1 is too short"));
  CHECK_FALSE(ticket_id("xABC-12 inside a word"));
  CHECK_FALSE(ticket_id("ABC-12x"));
  CHECK(ticket_id("Read UTF-8 for OPS-4").value_or("") == "OPS-4");
}

TEST_CASE("harvest: a merge subject names its branch") {
  CHECK(merge_branch("Merge branch 'feature/ABC-1-x'").value_or("") == "feature/ABC-1-x");
  CHECK(merge_branch("Merge branch 'fix-login' into main").value_or("") == "fix-login");
  CHECK(merge_branch("Merge remote-tracking branch 'origin/search'").value_or("") == "search");
  CHECK(merge_branch("Merge pull request #12 from ada/retry-checkout").value_or("") == "retry-checkout");
  CHECK_FALSE(merge_branch("Add merge sort"));
}

TEST_CASE("harvest: fixup, squash and amend name the subject they fix") {
  CHECK(fixup_target("fixup! Add retry").value_or("") == "Add retry");
  CHECK(fixup_target("fixup! squash! Add retry").value_or("") == "Add retry");
  CHECK(fixup_target("amend! Add retry").value_or("") == "Add retry");
  CHECK_FALSE(fixup_target("Add fixup! support"));
}

TEST_CASE("harvest: only the author's commits of the period, one candidate per day and topic") {
  History h;
  h.add("Set up", "2026-11-13");
  h.add("Add retry to checkout", "2026-11-16");
  h.add("Tune the pool", "2026-11-16", {}, "bo@example.com");
  h.add("Write the runbook", "2026-11-17");
  h.add("Write the runbook", "2026-11-17");  // the same subject the same day: one topic
  h.add("Later work", "2026-11-23");
  auto cs = harvest_candidates(h.history(), "ADA@Example.com", week, {});
  CHECK(titles(cs) == std::vector<std::string>{"2026-11-16 Add retry to checkout", "2026-11-17 Write the runbook"});
  REQUIRE(cs.size() == 2);
  CHECK(cs[1].commits.size() == 2);
  CHECK(cs[1].files == 2);
  CHECK(cs[1].added == 20);
  CHECK(cs[1].deleted == 4);
  CHECK(cs[1].key() == "api@" + h.commits[3].short_hash + "," + h.commits[4].short_hash);
  CHECK(cs[1].sources() == std::vector<std::string>{"git:api@" + h.commits[3].hash, "git:api@" + h.commits[4].hash});
}

TEST_CASE("harvest: a ticket id groups the day's commits and leads the title") {
  History h;
  h.add("Add retry to checkout (PAY-12)", "2026-11-18");
  h.add("PAY-12 tests", "2026-11-18");
  h.add("PAY-12 docs", "2026-11-19");
  h.add("Web side of PAY-12", "2026-11-18", {}, me, "", "web");
  auto cs = harvest_candidates(h.history(), me, week, {});
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].title == "Add retry to checkout (PAY-12)");
  CHECK(cs[0].topic == "PAY-12");
  CHECK(cs[0].commits.size() == 3);  // across repositories
  CHECK(cs[0].key() == "api@" + h.commits[0].short_hash + "," + h.commits[1].short_hash + ",web@" + h.commits[3].short_hash);
  CHECK(cs[1].title == "PAY-12 docs");
}

TEST_CASE("harvest: a merged branch names the topic of the commits it brought in") {
  History h;
  auto& base = h.add("Base", "2026-11-15", {}, "bo@example.com");
  std::string root = base.hash;
  h.add("Add the flag", "2026-11-17", {root});
  h.add("Wire the flag", "2026-11-17");
  std::string tip = h.commits.back().hash;
  h.add("Unrelated on main", "2026-11-17", {root});
  std::string main_tip = h.commits.back().hash;
  h.add("Merge branch 'feature/OPS-4-flag'", "2026-11-18", {main_tip, tip});
  h.add("Merge branch 'main' into other", "2026-11-18", {main_tip, tip});  // a main line names nothing
  auto cs = harvest_candidates(h.history(), me, week, {});
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].topic == "OPS-4");
  CHECK(cs[0].title == "OPS-4: Add the flag");
  CHECK(cs[0].commits.size() == 2);
  CHECK(cs[1].title == "Unrelated on main");
}

TEST_CASE("harvest: a branch without a ticket is the topic") {
  History h;
  auto root = h.add("Base", "2026-11-15", {}, "bo@example.com").hash;
  h.add("Add the flag", "2026-11-17", {root});
  h.add("Wire the flag", "2026-11-17");
  auto tip = h.commits.back().hash;
  h.add("Merge pull request #3 from ada/flags", "2026-11-17", {root, tip}, "bo@example.com");
  auto cs = harvest_candidates(h.history(), me, week, {});
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].topic == "flags");
  CHECK(cs[0].title == "Add the flag");
}

TEST_CASE("harvest: a fixup joins the commit it fixes, and is dropped without it") {
  History h;
  h.add("Add retry", "2026-11-16");
  h.add("Other work", "2026-11-17");
  h.add("fixup! Add retry", "2026-11-17");
  h.add("squash! Not in the history", "2026-11-17");
  auto cs = harvest_candidates(h.history(), me, week, {});
  CHECK(titles(cs) == std::vector<std::string>{"2026-11-17 Add retry", "2026-11-17 Other work"});
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].commits.size() == 2);  // the day is the fixup's, the last commit's
  CHECK(cs[0].commits[1].subject == "fixup! Add retry");
}

TEST_CASE("harvest: a revert of my own commit drops both") {
  History h;
  h.add("Add cache", "2026-11-16");
  auto cache = h.commits.back().hash;
  h.add("Keep this", "2026-11-16");
  h.add("Revert \"Add cache\"", "2026-11-17", {}, me, "This reverts commit " + cache + ".\n");
  h.add("Add pool", "2026-11-17");
  h.add("Revert \"Add pool\"", "2026-11-18");  // no hash in the body: by subject
  h.add("Bo's change", "2026-11-18", {}, "bo@example.com");
  auto bo = h.commits.back().hash;
  h.add("Revert \"Bo's change\"", "2026-11-19", {}, me, "This reverts commit " + bo + ".\n");  // not my work: kept
  auto cs = harvest_candidates(h.history(), me, week, {});
  CHECK(titles(cs) == std::vector<std::string>{"2026-11-16 Keep this", "2026-11-19 Revert \"Bo's change\""});
}

TEST_CASE("harvest: a revert of a revert restores the work") {
  History h;
  h.add("Add cache", "2026-11-16");
  auto a = h.commits.back().hash;
  h.add("Revert \"Add cache\"", "2026-11-17", {}, me, "This reverts commit " + a + ".");
  auto r = h.commits.back().hash;
  h.add("Revert \"Revert \"Add cache\"\"", "2026-11-18", {}, me, "This reverts commit " + r + ".");
  auto cs = harvest_candidates(h.history(), me, week, {});
  CHECK(titles(cs) == std::vector<std::string>{"2026-11-16 Add cache"});
}

TEST_CASE("harvest: commits already harvested are never proposed again") {
  History h;
  h.add("One", "2026-11-16");
  h.add("Two", "2026-11-16");
  h.add("Three", "2026-11-17");
  std::set<std::string> done{"git:api@" + h.commits[0].hash, "git:api@" + h.commits[2].hash.substr(0, 7),
                             "git:web@" + h.commits[1].hash};  // another repository's: not this one
  auto cs = harvest_candidates(h.history(), me, week, done);
  CHECK(titles(cs) == std::vector<std::string>{"2026-11-16 Two"});
}

TEST_CASE("harvest: ' -- ' in a subject does not start an impact") {
  History h;
  h.add("Fix it -- for real", "2026-11-16");
  auto cs = harvest_candidates(h.history(), me, week, {});
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].title == "Fix it -- for real");  // kept as is; the --edit list escapes it
  CHECK(harvest_edit_list(cs, week).find(" | Fix it \\-- for real\n") != std::string::npos);
}

TEST_CASE("harvest: the edited list keeps, rewrites, joins and dismisses") {
  History h;
  h.add("One", "2026-11-16");
  h.add("Two", "2026-11-17");
  h.add("Three", "2026-11-18");
  auto cs = harvest_candidates(h.history(), me, week, {});
  REQUIRE(cs.size() == 3);
  std::string list = harvest_edit_list(cs, week);
  CHECK(list.find(cs[0].key() + " | One\n") != std::string::npos);
  CHECK(list.find("# upward harvest 2026-11-16..2026-11-22: 3 candidates") == 0);
  std::vector<std::string> kept;
  auto wins = wins_from_edit_list("# c\n" + cs[0].key() + " | Shipped one -- saved 2h a week\n\n" + cs[1].key() +
                                      "," + cs[2].commits[0].short_hash + " |  Two and three  \n",
                                  cs, {"git"}, "list", kept);
  REQUIRE(wins.size() == 2);
  CHECK(wins[0].title == "Shipped one");
  CHECK(wins[0].impact == "saved 2h a week");
  CHECK(wins[0].date == d("2026-11-16"));
  CHECK(wins[0].tags == std::vector<std::string>{"git"});
  CHECK(wins[1].title == "Two and three");
  CHECK(wins[1].date == d("2026-11-18"));
  CHECK(wins[1].source.size() == 2);
  CHECK(kept.size() == 3);
}

TEST_CASE("harvest: a broken line of the edited list is an error at its place") {
  History h;
  h.add("One", "2026-11-16");
  h.add("Two", "2026-11-17");
  auto cs = harvest_candidates(h.history(), me, week, {});
  std::vector<std::string> kept;
  auto error = [&](const std::string& text) {
    try {
      wins_from_edit_list(text, cs, {}, "list", kept);
    } catch (const Error& e) {
      return e.located();
    }
    return std::string("no error");
  };
  CHECK(error("\nOne without a key\n") == "list:2:1: expected 'COMMITS | TITLE' (keep the commits before '|' as they were)");
  CHECK(error("api@zzzzzzz | One\n") ==
        "list:1:1: unknown commit 'api@zzzzzzz' (not among the candidates; keep the commits before '|' as they were)");
  CHECK(error(cs[0].key() + " | One\n" + cs[0].key() + " | Again\n") ==
        "list:2:1: commit '" + cs[0].key() + "' is also on line 1 (a commit goes to one win)");
  CHECK(error(cs[0].key() + " |  -- impact only\n") == "list:1:" + std::to_string(cs[0].key().size() + 3) +
                                                        ": the title is empty (delete the line to dismiss it)");
  CHECK(error(cs[0].commits[0].short_hash + " | x\n") ==
        "list:1:1: '" + cs[0].commits[0].short_hash + "' names no repository (expected REPO@HASH)");
  CHECK(error("# all gone\n") == "no error");
}

TEST_CASE("harvest: git log's output is parsed field by field") {
  auto rec = [](std::vector<std::string> fields, const std::string& stats) {
    std::string r = "\x1e";
    for (const auto& f : fields) {
      r += f;
      r.push_back('\0');
    }
    return r + stats;
  };
  std::string out = rec({"aaaaaaaaaa", "aaaaaaa", "bbbbbbbbbb cccccccccc", "ada@example.com", "Ada", "2026-11-17",
                         "1790000000", "Merge branch 'x'", ""}, "\n");
  out += rec({"dddddddddd", "ddddddd", "bbbbbbbbbb", "ada@example.com", "Ad\xff", "2026-11-16", "1789000000",
              "Add retry", "Body line\n\nThis reverts commit x.\n"},
             "\n3\t1\tsrc/a.c\n-\t-\tlogo.png\n10\t0\t\"sp\\303\\251cial\"\n");
  auto cs = git_log::parse_log(out, "api");
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].parents.size() == 2);
  CHECK(cs[0].is_merge());
  CHECK(cs[0].files.empty());
  CHECK(cs[1].hash == "dddddddddd");
  CHECK(cs[1].short_hash == "ddddddd");
  CHECK(cs[1].name == "Ad?");
  CHECK(cs[1].day == d("2026-11-16"));
  CHECK(cs[1].time == 1789000000);
  CHECK(cs[1].subject == "Add retry");
  CHECK(cs[1].body.find("This reverts") != std::string::npos);
  REQUIRE(cs[1].files.size() == 3);
  CHECK(cs[1].files[0].added == 3);
  CHECK(cs[1].files[1].added == 0);
  CHECK(cs[1].files[2].path == "\"sp\\303\\251cial\"");
  CHECK(cs[1].source() == "git:api@dddddddddd");
  CHECK_THROWS_AS(git_log::parse_log(std::string("\x1e" "abc\0def", 8), "api"), Error);
  CHECK(git_log::parse_log("", "api").empty());
}

TEST_CASE("harvest: a repository's name is its folder's, and ~/ is the home folder") {
  CHECK(git_log::repo_name("~/src/api/") == "api");
  CHECK(git_log::repo_name("/srv/web") == "web");
  CHECK(git_log::repo_name("/srv/web", ".git") == "web");
  CHECK(git_log::repo_name("/wt/feature", "/home/ada/src/api/.git") == "api");  // a worktree: its repository's
  CHECK(git_log::repo_name("/home/ada/src/api/sub", "../.git/modules/sub") == "sub");  // a submodule: its folder
  CHECK(git_log::expand_home("~/src/api", {"HOME=/home/ada/"}) == "/home/ada/src/api");
  CHECK(git_log::expand_home("~", {"HOME=/home/ada"}) == "/home/ada");
  CHECK(git_log::expand_home("~bob/x", {"HOME=/home/ada"}) == "~bob/x");
  CHECK(git_log::expand_home("/abs", {}) == "/abs");
  CHECK_THROWS_AS(git_log::expand_home("~/x", {}), Error);
}

TEST_CASE("harvest: the candidates as Markdown and JSON") {
  History h;
  h.add("Add *retry*", "2026-11-16");
  auto cs = harvest_candidates(h.history(), me, week, {});
  std::string md = render_harvest_md(cs, week);
  CHECK(md == "# Harvest 2026-11-16..2026-11-22\n\n- 2026-11-16 Add \\*retry\\*\n  - `api@" + h.commits[0].short_hash +
                  "` Add \\*retry\\*\n  - 1 commit, 1 file changed, +10 -2\n");
  std::string js = render_harvest_json(cs, week);
  CHECK(js.find("\"period\": {\"first\": \"2026-11-16\", \"last\": \"2026-11-22\"}") != std::string::npos);
  CHECK(js.find("\"title\": \"Add *retry*\"") != std::string::npos);
  CHECK(render_harvest_json({}, week) == "{\"period\": {\"first\": \"2026-11-16\", \"last\": \"2026-11-22\"}, \"candidates\": []}\n");
}

TEST_CASE("harvest: a harvest record reads back as written") {
  HarvestRecord h;
  h.date = d("2026-11-27");
  h.time = "143000";
  h.period = {d("2026-11-23"), d("2026-11-27")};
  h.wins = {"2026-11-24-retry"};
  h.kept = {"git:api@abc1234", "git:web@def5678"};
  h.dismissed = {"git:api@0123456"};
  CHECK(harvest_record_stem(h) == "2026-11-27-143000");
  std::string text = harvest_record_to_toml(h);
  std::vector<Problem> problems;
  auto back = harvest_record_from_toml(parse_toml(text, "r.toml"), "2026-11-27-143000", "r.toml", problems);
  CHECK(problems.empty());
  CHECK(back.date == h.date);
  CHECK(back.period == h.period);
  CHECK(back.wins == h.wins);
  CHECK(back.kept == h.kept);
  CHECK(back.dismissed == h.dismissed);
  back = harvest_record_from_toml(parse_toml("date = 2026-11-27\nkept = 3\n", "r.toml"), "x", "r.toml", problems);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].message == "missing required key 'period'");
}

TEST_CASE("harvest: a ticket id inside a branch's last component names the topic") {
  CHECK(ticket_id("fix-ABC-125").value_or("") == "ABC-125");
  CHECK(ticket_id("user-branch-DEF-5").value_or("") == "DEF-5");
  CHECK(ticket_id("sam/fix_GH-9").value_or("") == "GH-9");
  CHECK_FALSE(ticket_id("AB-CD-1"));
  CHECK_FALSE(ticket_id("UTF-8 and X-1"));  // a single capital is not a ticket's prefix
  History h;
  auto& base = h.add("Base", "2026-11-16");
  std::string base_hash = base.hash;
  auto& fix = h.add("Fix the login", "2026-11-17", {base_hash});
  std::string fix_hash = fix.hash;
  h.add("Merge pull request #14 from sam/fix-ABC-125", "2026-11-17", {base_hash, fix_hash}, "bo@example.com");
  auto& other = h.add("Tidy the header", "2026-11-18", {h.commits.back().hash});
  std::string other_hash = other.hash;
  h.add("Merge branch 'sam/user-branch-DEF-5'", "2026-11-18", {h.commits[2].hash, other_hash}, "bo@example.com");
  auto cs = harvest_candidates(h.history(), me, week, {});
  REQUIRE(cs.size() == 3);
  CHECK(cs[1].topic == "ABC-125");
  CHECK(cs[1].title == "ABC-125: Fix the login");
  CHECK(cs[2].topic == "DEF-5");
  CHECK(cs[2].title == "DEF-5: Tidy the header");
}

TEST_CASE("harvest: a cherry-pick of a commit of the period or of a harvested one is the same work") {
  History h;
  auto& original = h.add("Fix the rounding", "2026-11-17");
  std::string hash = original.hash;
  h.add("Fix the rounding", "2026-11-17", {}, me, "Body.\n\n(cherry picked from commit " + hash + ")\n");
  auto cs = harvest_candidates(h.history(), me, week, {});
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].commits.size() == 1);
  CHECK(cs[0].commits[0].hash == hash);
  // the original harvested earlier (it is not read: before the period): the pick is harvested too
  History later;
  later.add("Other work", "2026-11-10");  // not the original's hash
  later.add("Fix the rounding", "2026-11-18", {}, me, "(cherry picked from commit " + hash.substr(0, 10) + ")");
  CHECK(harvest_candidates(later.history(), me, week, {"git:api@" + hash}).empty());
  CHECK(harvest_candidates(later.history(), me, week, {}).size() == 1);  // else it is new work here
}

TEST_CASE("harvest: a revert of the author's own commit from before the period is dropped") {
  History h;
  auto& old = h.add("Last week feature", "2026-11-10");
  std::string hash = old.hash;
  h.add("Revert \"Last week feature\"", "2026-11-17", {}, me, "This reverts commit " + hash + ".\n");
  h.add("Keep me", "2026-11-18");
  CHECK(titles(harvest_candidates(h.history(), me, week, {})) == std::vector<std::string>{"2026-11-18 Keep me"});
}

TEST_CASE("harvest: an empty commit is not proposed") {
  History h;
  h.add("Trigger CI", "2026-11-17").files.clear();
  h.add("Real work", "2026-11-17");
  CHECK(titles(harvest_candidates(h.history(), me, week, {})) == std::vector<std::string>{"2026-11-17 Real work"});
}

TEST_CASE("harvest: a subject's -- is kept, and an untouched edit line records it as --accept-all does") {
  History h;
  h.add("Use a -- b in the docs", "2026-11-16");
  h.add("Trailing dashes --", "2026-11-17");
  h.add("-- leading", "2026-11-18");
  auto cs = harvest_candidates(h.history(), me, week, {});
  REQUIRE(cs.size() == 3);
  CHECK(cs[0].title == "Use a -- b in the docs");
  CHECK(win_of(cs[1], {}).title == "Trailing dashes --");
  std::vector<std::string> kept;
  auto wins = wins_from_edit_list(harvest_edit_list(cs, week), cs, {}, "list", kept);
  REQUIRE(wins.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(wins[i].title == win_of(cs[i], {}).title);
    CHECK(wins[i].impact.empty());
  }
  // the user's own ` -- IMPACT` still starts the impact
  std::string list = cs[0].key() + " | Use a \\-- b in the docs -- helped Bo\n";
  wins = wins_from_edit_list(list, cs, {}, "list", kept);
  REQUIRE(wins.size() == 1);
  CHECK(wins[0].title == "Use a -- b in the docs");
  CHECK(wins[0].impact == "helped Bo");
}

TEST_CASE("harvest: a configured repository path must not depend on the current folder") {
  CHECK_FALSE(git_log::configured_path_problem("~/src/api"));
  CHECK_FALSE(git_log::configured_path_problem("/srv/api"));
  CHECK(git_log::configured_path_problem("src/api").value_or("").find("must be absolute or start with ~/") !=
        std::string::npos);
  CHECK(git_log::configured_path_problem("./api"));
  CHECK(git_log::configured_path_problem(""));
}
