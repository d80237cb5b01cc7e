#include <catch2/catch.hpp>

#include "upward/base/text.hpp"
#include "upward/base/width.hpp"
#include "upward/render/goals_render.hpp"
#include "upward/render/people_render.hpp"

using namespace upward;

namespace {

dates::Day day(int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / m / d}; }

GoalRow row(const std::string& id, const std::string& title, const std::string& status, int progress,
            std::optional<dates::Day> due = std::nullopt, bool overdue = false) {
  GoalRow r;
  r.goal.id = id;
  r.goal.title = title;
  r.goal.due = due;
  r.state.status = status;
  r.state.progress = progress;
  r.state.days_since_update = 0;
  r.state.overdue = overdue;
  return r;
}

std::vector<OwnerGroup> sample() {
  OwnerGroup me{"me", "My goals", {}};
  me.rows.push_back(row("jp", "日本語の検索を速くする", "at-risk", 40, day(2026, 11, 1), true));
  me.rows.push_back(row("party", "🎉 Launch party for the whole team", "on-track", 100));
  me.rows.push_back(row("short", "Short", "on-track", 0, day(2026, 12, 31)));
  return {me};
}

}  // namespace

TEST_CASE("render: goals columns line up by display width, due dates in their own column") {
  std::string out = render_goals_text(sample(), {false, false, 0, false});
  CHECK(out ==
        "My goals\n"
        "  jp     日本語の検索を速くする              at-risk   [####------]  40%  due 2026-11-01 (overdue)  added today\n"
        "  party  🎉 Launch party for the whole team  on-track  [##########] 100%                            added today\n"
        "  short  Short                               on-track  [----------]   0%  due 2026-12-31            added today\n");
}

TEST_CASE("render: goals cut titles to the width, never a wide character in half") {
  std::string out = render_goals_text(sample(), {false, true, 44, false});
  INFO(out);
  CHECK(out ==
        "My goals\n"
        "  jp     日本語の検索を速く…  at-risk    40%\n"
        "  party  🎉 Launch party fo…  on-track  100%\n"
        "  short  Short                on-track    0%\n");
  // with 26 more columns the due date fits again, its overdue marker inside the column
  CHECK(render_goals_text(sample(), {false, true, 70, false}) ==
        "My goals\n"
        "  jp     日本語の検索を速く…  at-risk    40%  due 2026-11-01 (overdue)\n"
        "  party  🎉 Launch party fo…  on-track  100%\n"
        "  short  Short                on-track    0%  due 2026-12-31\n");
  for (std::size_t w = 20; w < 140; ++w) {
    std::string o = render_goals_text(sample(), {false, true, w, false});
    std::size_t start = 0;
    while (start < o.size()) {
      std::size_t nl = o.find('\n', start);
      std::string line = o.substr(start, nl - start);
      INFO(w << ": " << line);
      CHECK(text::valid_utf8(line));
      if (w >= 40) CHECK(text::display_width(line) <= w);
      start = nl + 1;
    }
  }
}

TEST_CASE("render: an overdue goal's due date is red, its status keeps its own colour, colours end in the line") {
  std::string out = render_goals_text(sample(), {true, false, 0, false});
  CHECK(out.find("\x1b[31mdue 2026-11-01 (overdue)\x1b[0m  added today\n") != std::string::npos);
  CHECK(out.find("\x1b[33mat-risk\x1b[0m   ") != std::string::npos);
  CHECK(out.find("\x1b[31mat-risk") == std::string::npos);
  CHECK(out.rfind("\x1b[1mMy goals\x1b[0m\n", 0) == 0);
}

TEST_CASE("render: record text is escaped for a terminal and kept otherwise") {
  std::vector<OwnerGroup> groups{{"me", "My goals", {row("x", "evil \x1b[2J\xe2\x80\xae title", "on-track", 0)}}};
  CHECK(render_goals_text(groups, {false, false, 0, true}).find("evil \\x1b[2J\\u202e title") != std::string::npos);
  CHECK(render_goals_text(groups, {false, false, 0, false}).find("evil \x1b[2J\xe2\x80\xae title") != std::string::npos);
  Person p{"eve", "Eve\x1b]0;x\x07", "peer", "", "", "", {}, {}};
  std::vector<Person> people{p};
  CHECK(render_people_text(people, "", {false, false, 0, true}) == "  eve  Eve\\x1b]0;x\\x07  peer\n");
  CHECK(render_people_text(people, "", {}) == "  eve  Eve\x1b]0;x\x07  peer\n");
}

TEST_CASE("render: people align by display width and cut long names first") {
  std::vector<Person> people{{"dana", "Dana Ōkubo", "manager", "dana@example.com", "brief", "weekly", {}, {}},
                             {"ken", "山田 健二", "skip-level", "", "", "", {}, {}}};
  CHECK(render_people_text(people, "dana") ==
        "* dana  Dana Ōkubo  manager     brief     weekly    dana@example.com\n"
        "  ken   山田 健二   skip-level\n");
  CHECK(render_people_text(people, "dana", {false, true, 62, false}) ==
        "* dana  Dana Ōkubo  manager     brief     weekly    dana@exam…\n"
        "  ken   山田 健二   skip-level\n");
}
