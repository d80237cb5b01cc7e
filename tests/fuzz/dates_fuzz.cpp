// libFuzzer target: the date-expression parser (dates::parse_day, parse_period, parse_iso,
// parse_weekday). The input is an expression, optionally followed by a NUL byte and bytes that
// change the context (today, week start, the last 1:1 and digest, a cycle's expression); seeds
// without a NUL use the default context (today Friday 2026-11-27).
//
// Properties: only UsageError is thrown; a day is within 0001-01-01..9999-12-31; a period starts
// on or before it ends, within those years; a period printed by format_range parses back to
// itself; parse_iso accepts exactly what format_day prints.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>

#include "upward/base/dates.hpp"
#include "upward/base/error.hpp"

using namespace upward;
using namespace date;

namespace {

constexpr dates::Day first_day = sys_days{year{1} / January / 1}, last_day = sys_days{year{9999} / December / 31};

[[noreturn]] void fail(const std::string& what, const std::string& expr) {
  std::fprintf(stderr, "property violated: %s (expression '%s')\n", what.c_str(), expr.c_str());
  std::abort();
}

void check_day(dates::Day d, const std::string& expr) {
  if (d < first_day || d > last_day) fail("day out of range: " + dates::format_day(d), expr);
  if (dates::parse_iso(dates::format_day(d)) != d) fail("parse_iso(format_day(d)) != d", expr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::size_t nul = input.find('\0');
  std::string expr = input.substr(0, nul);

  dates::PeriodContext ctx{sys_days{2026_y / November / 27}, Monday, sys_days{2026_y / November / 20},
                           sys_days{2026_y / November / 20},
                           {{"h2-2026", "2026-07-01..2026-12-31"}, {"q4", "2026-Q4"}, {"loop", "cycle:q4"}}};
  if (nul != std::string::npos) {
    std::string tail = input.substr(nul + 1);
    FuzzedDataProvider p(reinterpret_cast<const std::uint8_t*>(tail.data()), tail.size());
    auto span = (last_day - first_day).count();
    ctx.today = first_day + days{p.ConsumeIntegralInRange<long>(0, span)};
    ctx.week_start = weekday{p.ConsumeIntegralInRange<unsigned>(0, 6)};
    if (p.ConsumeBool()) ctx.last_1on1 = std::nullopt;
    else ctx.last_1on1 = first_day + days{p.ConsumeIntegralInRange<long>(0, span)};
    if (p.ConsumeBool()) ctx.last_digest = std::nullopt;
    else ctx.last_digest = first_day + days{p.ConsumeIntegralInRange<long>(0, span)};
    if (p.ConsumeBool()) ctx.cycles.clear();
    else ctx.cycles["x"] = p.ConsumeRandomLengthString(64);
  }

  for (auto lean : {dates::Lean::past, dates::Lean::future}) {
    try {
      check_day(dates::parse_day(expr, ctx.today, lean), expr);
    } catch (const UsageError&) {
    }
  }
  try {
    dates::DateRange r = dates::parse_period(expr, ctx);
    check_day(r.first, expr);
    check_day(r.last, expr);
    if (r.last < r.first) fail("period ends before it starts: " + dates::format_range(r), expr);
    dates::DateRange back = dates::parse_period(dates::format_range(r), ctx);
    if (!(back == r)) fail("format_range does not parse back: " + dates::format_range(r), expr);
  } catch (const UsageError&) {
  }
  if (auto d = dates::parse_iso(expr)) {  // any year 0000..9999: the range is its callers' to check
    if (dates::format_day(*d) != expr) fail("parse_iso accepted what format_day does not print", expr);
  }
  if (auto wd = dates::parse_weekday(expr)) {
    if (!dates::parse_weekday(dates::weekday_name(*wd)) || *dates::parse_weekday(dates::weekday_name(*wd)) != *wd)
      fail("weekday name does not parse back", expr);
  }
  return 0;
}
