#include <catch2/catch.hpp>

#include "upward/base/dates.hpp"
#include "upward/base/error.hpp"

using namespace upward;
using namespace upward::dates;

namespace {
Day d(const char* iso) { return *parse_iso(iso); }
std::string day(const char* expr, const char* today = "2026-11-23", Lean lean = Lean::past) {
  return format_day(parse_day(expr, d(today), lean));
}
std::string period(const char* expr, const char* today = "2026-11-23", date::weekday start = date::Monday) {
  return format_range(parse_period(expr, PeriodContext{d(today), start, std::nullopt}));
}
std::string error_of(const char* expr) {
  try {
    parse_period(expr, PeriodContext{d("2026-11-23"), date::Monday, std::nullopt});
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("dates: named days relative to a pinned Monday 2026-11-23") {
  CHECK(day("today") == "2026-11-23");
  CHECK(day("yesterday") == "2026-11-22");
  CHECK(day("tomorrow") == "2026-11-24");
  CHECK(day("  Yesterday ") == "2026-11-22");
}

TEST_CASE("dates: last and next weekday are strictly before and after today") {
  CHECK(day("last friday") == "2026-11-20");
  CHECK(day("last monday") == "2026-11-16");
  CHECK(day("last sunday") == "2026-11-22");
  CHECK(day("next friday") == "2026-11-27");
  CHECK(day("next monday") == "2026-11-30");
  CHECK(day("last fri") == "2026-11-20");
}

TEST_CASE("dates: a bare weekday leans to the past for events and to the future for due dates") {
  CHECK(day("friday") == "2026-11-20");
  CHECK(day("friday", "2026-11-23", Lean::future) == "2026-11-27");
  CHECK(day("monday") == "2026-11-23");
  CHECK(day("monday", "2026-11-23", Lean::future) == "2026-11-23");
  CHECK(day("Tue") == "2026-11-17");
}

TEST_CASE("dates: counted offsets in every spelling") {
  CHECK(day("3 days ago") == "2026-11-20");
  CHECK(day("3d ago") == "2026-11-20");
  CHECK(day("1 day ago") == "2026-11-22");
  CHECK(day("-3d") == "2026-11-20");
  CHECK(day("+2w") == "2026-12-07");
  CHECK(day("in 2 weeks") == "2026-12-07");
  CHECK(day("in 1 week") == "2026-11-30");
  CHECK(day("+6w") == "2027-01-04");
  CHECK(day("+1m", "2026-01-31") == "2026-02-28");
  CHECK(day("1m ago", "2024-03-31") == "2024-02-29");
  CHECK(day("1y ago", "2024-02-29") == "2023-02-28");
  CHECK(day("+1d", "2024-02-28") == "2024-02-29");
  CHECK(day("+1d", "2026-12-31") == "2027-01-01");
}

TEST_CASE("dates: ISO days are strict and must exist") {
  CHECK(day("2026-11-23") == "2026-11-23");
  CHECK(day("2024-02-29") == "2024-02-29");
  CHECK_THROWS_WITH(parse_day("2026-02-30", d("2026-11-23")), "no such day '2026-02-30'");
  CHECK_THROWS_AS(parse_day("2023-02-29", d("2026-11-23")), UsageError);
  CHECK_THROWS_AS(parse_day("2026-3-5", d("2026-11-23")), UsageError);
  CHECK_THROWS_AS(parse_day("2026-13-01", d("2026-11-23")), UsageError);
  CHECK_THROWS_AS(parse_day("23/11/2026", d("2026-11-23")), UsageError);
}

TEST_CASE("dates: a bad day expression lists the accepted forms") {
  try {
    parse_day("someday", d("2026-11-23"));
    FAIL("no error");
  } catch (const UsageError& e) {
    std::string m = e.what();
    CHECK(m.rfind("unrecognised date 'someday' (expected today, yesterday", 0) == 0);
    CHECK(m.find("last WEEKDAY") != std::string::npos);
    CHECK(m.find("in 2 weeks") != std::string::npos);
  }
}

TEST_CASE("dates: this-week starts on the configured weekday, whichever it is") {
  const date::weekday all[] = {date::Monday, date::Tuesday, date::Wednesday, date::Thursday,
                               date::Friday, date::Saturday, date::Sunday};
  for (auto start : all) {
    for (int offset = 0; offset < 7; ++offset) {
      Day today = d("2026-11-23") + date::days{offset};
      auto r = parse_period("this-week", PeriodContext{today, start, std::nullopt});
      INFO("start " << weekday_name(start) << " today " << format_day(today));
      CHECK(date::weekday{r.first} == start);
      CHECK((r.last - r.first).count() == 6);
      CHECK(r.contains(today));
      auto last = parse_period("last-week", PeriodContext{today, start, std::nullopt});
      CHECK(last.last + date::days{1} == r.first);
    }
  }
  CHECK(period("this-week") == "2026-11-23..2026-11-29");
  CHECK(period("this week", "2026-11-23", date::Sunday) == "2026-11-22..2026-11-28");
  CHECK(period("last-week") == "2026-11-16..2026-11-22");
  CHECK(period("last-week", "2027-01-04") == "2026-12-28..2027-01-03");
}

TEST_CASE("dates: ISO weeks across year ends") {
  CHECK(period("2026-W47") == "2026-11-16..2026-11-22");
  CHECK(period("2020-W53") == "2020-12-28..2021-01-03");
  CHECK(period("2026-W53") == "2026-12-28..2027-01-03");
  CHECK(period("2027-W01") == "2027-01-04..2027-01-10");
  CHECK(period("2025-W01") == "2024-12-30..2025-01-05");
  CHECK(period("2026-w47", "2026-11-23", date::Sunday) == "2026-11-15..2026-11-21");
  CHECK_THROWS_AS(period("2027-W53"), UsageError);
  CHECK_THROWS_AS(period("2021-W53"), UsageError);
  CHECK_THROWS_AS(period("2026-W00"), UsageError);
}

TEST_CASE("dates: months, quarters, halves and years, leap days included") {
  CHECK(period("2026-11") == "2026-11-01..2026-11-30");
  CHECK(period("2024-02") == "2024-02-01..2024-02-29");
  CHECK(period("2023-02") == "2023-02-01..2023-02-28");
  CHECK(period("2000-02") == "2000-02-01..2000-02-29");
  CHECK(period("2100-02") == "2100-02-01..2100-02-28");
  CHECK(period("2026-Q4") == "2026-10-01..2026-12-31");
  CHECK(period("2026-Q1") == "2026-01-01..2026-03-31");
  CHECK(period("2026-H1") == "2026-01-01..2026-06-30");
  CHECK(period("2026-H2") == "2026-07-01..2026-12-31");
  CHECK(period("2026") == "2026-01-01..2026-12-31");
  CHECK_THROWS_AS(period("2026-13"), UsageError);
  CHECK_THROWS_AS(period("2026-Q5"), UsageError);
  CHECK_THROWS_AS(period("2026-H3"), UsageError);
}

TEST_CASE("dates: relative calendar periods, never rolling windows") {
  CHECK(period("this-month") == "2026-11-01..2026-11-30");
  CHECK(period("last-month") == "2026-10-01..2026-10-31");
  CHECK(period("last-month", "2026-01-15") == "2025-12-01..2025-12-31");
  CHECK(period("last-month", "2024-03-31") == "2024-02-01..2024-02-29");
  CHECK(period("this-quarter") == "2026-10-01..2026-12-31");
  CHECK(period("last-quarter") == "2026-07-01..2026-09-30");
  CHECK(period("last-quarter", "2026-02-10") == "2025-10-01..2025-12-31");
  CHECK(period("this-year") == "2026-01-01..2026-12-31");
  CHECK(period("last-year") == "2025-01-01..2025-12-31");
  CHECK(period("ytd") == "2026-01-01..2026-11-23");
  CHECK(period("yesterday") == "2026-11-22");
}

TEST_CASE("dates: ranges are end-inclusive and may be open-ended") {
  CHECK(period("2026-11-01..2026-11-05") == "2026-11-01..2026-11-05");
  CHECK(period("2026-W47..2026-W48") == "2026-11-16..2026-11-29");
  CHECK(period("2026-Q3..this-month") == "2026-07-01..2026-11-30");
  CHECK(period("2026-11-10..") == "2026-11-10..2026-11-23");
  CHECK(period("last friday..today") == "2026-11-20..2026-11-23");
  CHECK(error_of("2026-12-01..2026-11-01").find("ends before it starts") != std::string::npos);
  CHECK(error_of("..2026-11-01").find("has no start") != std::string::npos);
}

TEST_CASE("dates: since-last-1on1 needs a recorded 1:1") {
  auto r = parse_period("since-last-1on1", PeriodContext{d("2026-11-23"), date::Monday, d("2026-11-19")});
  CHECK(format_range(r) == "2026-11-19..2026-11-23");
  CHECK(error_of("since-last-1on1").find("no 1:1 is recorded yet") != std::string::npos);
}

TEST_CASE("dates: since-last-1on1 after today is refused, not a period that ends before it starts") {
  // found by tests/fuzz/dates_fuzz: the range ran from the 1:1 back to today
  PeriodContext ctx{d("2026-11-23"), date::Monday, d("2026-11-24")};
  CHECK_THROWS_WITH(parse_period("since-last-1on1", ctx),
                    "the last 1:1 was on 2026-11-24, after today (2026-11-23), so 'since-last-1on1' is empty");
}

TEST_CASE("dates: since-last-digest runs from the day the last digest was sent to today") {
  PeriodContext ctx{d("2026-11-23"), date::Monday, std::nullopt};
  ctx.last_digest = d("2026-11-20");
  CHECK(format_range(parse_period("since-last-digest", ctx)) == "2026-11-20..2026-11-23");
  CHECK(format_range(parse_period("since last digest", ctx)) == "2026-11-20..2026-11-23");
  ctx.last_digest = d("2026-11-23");
  CHECK(format_range(parse_period("since-last-digest", ctx)) == "2026-11-23");
  CHECK(error_of("since-last-digest") == "no digest has been sent yet, so 'since-last-digest' has no start");
}

namespace {
std::string cycle_error(const char* expr, const PeriodContext& ctx) {
  try {
    parse_period(expr, ctx);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("dates: cycle:NAME resolves the expression [cycles] names") {
  PeriodContext ctx{d("2026-11-23"), date::Monday, std::nullopt};
  ctx.cycles = {{"h2-2026", "2026-07-01..2026-12-31"}, {"fy26", "2026-Q1..2026-Q4"}, {"recent", "last-week"},
                {"loop", "cycle:h2-2026"}, {"bad", "fortnight"}};
  CHECK(format_range(parse_period("cycle:h2-2026", ctx)) == "2026-07-01..2026-12-31");
  CHECK(format_range(parse_period("Cycle:FY26", ctx)) == "2026-01-01..2026-12-31");
  CHECK(format_range(parse_period("cycle:recent", ctx)) == "2026-11-16..2026-11-22");
  CHECK(format_range(parse_period("cycle:recent..today", ctx)) == "2026-11-16..2026-11-23");
  CHECK(cycle_error("cycle:h3", ctx) == "unknown cycle 'h3' (known cycles: bad, fy26, h2-2026, loop, recent)");
  CHECK(cycle_error("cycle:loop", ctx).rfind("cycle 'loop' names another cycle ('cycle:h2-2026')", 0) == 0);
  CHECK(cycle_error("cycle:bad", ctx).rfind("cycle 'bad' in upward.toml: unrecognised period 'fortnight'", 0) == 0);
  CHECK(cycle_error("cycle:", ctx).rfind("'cycle:' needs the name of a cycle", 0) == 0);
  CHECK(error_of("cycle:h2-2026").rfind("unknown cycle 'h2-2026' (there is no [cycles] table in upward.toml", 0) == 0);
}

TEST_CASE("dates: a bad period lists the accepted forms") {
  std::string m = error_of("fortnight");
  CHECK(m.rfind("unrecognised period 'fortnight' (expected a day, 2026-W47, 2026-11, 2026-Q4", 0) == 0);
  CHECK(m.find("since-last-1on1") != std::string::npos);
  CHECK(m.find("since-last-digest, cycle:NAME") != std::string::npos);
}

TEST_CASE("dates: weekday names") {
  CHECK(parse_weekday("Sunday") == date::Sunday);
  CHECK(parse_weekday("sat") == date::Saturday);
  CHECK_FALSE(parse_weekday("funday"));
  CHECK(weekday_name(date::Wednesday) == "wednesday");
}

TEST_CASE("dates: errors quote the expression as the user typed it, in a range too") {
  CHECK(error_of("2026-Q5") == "no such quarter (1 to 4) '2026-Q5'");
  CHECK(error_of("2025-W53..2026-Q4") == "no such week: 2025 has 52 weeks, not '2025-W53'");
  CHECK(error_of("2026-Q4..2026-H3") == "no such half (1 or 2) '2026-H3'");
}

TEST_CASE("dates: the year before a day keeps the day, and 29 February becomes 28 February") {
  CHECK(format_day(year_before(d("2026-11-23"))) == "2025-11-23");
  CHECK(format_day(year_before(d("2028-02-29"))) == "2027-02-28");
}
