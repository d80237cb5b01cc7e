#include "upward/base/dates.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <vector>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward::dates {

using namespace date;

const char* const day_forms =
    "today, yesterday, tomorrow, YYYY-MM-DD, WEEKDAY, last WEEKDAY, next WEEKDAY, "
    "3d ago, 3 days ago, -3d, +2w, in 2 weeks (units: d, w, m, y)";
const char* const period_forms =
    "a day, 2026-W47, 2026-11, 2026-Q4, 2026-H2, 2026, this-week, last-week, this-month, "
    "last-month, this-quarter, last-quarter, this-year, last-year, ytd, since-last-1on1, "
    "since-last-digest, cycle:NAME (from [cycles] in upward.toml), or a range A..B";

namespace {

constexpr std::array<const char*, 7> weekday_names{"sunday", "monday", "tuesday", "wednesday",
                                                   "thursday", "friday", "saturday"};

/// Lower-case ASCII, trim, and collapse runs of spaces into one.
std::string normalize(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  if (s.empty() || s.size() > 6) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

Day add_months(Day d, int n) {
  year_month_day ymd{d};
  year_month_day moved = ymd + months{n};
  if (!moved.ok()) moved = moved.year() / moved.month() / last;
  return sys_days{moved};
}

enum class Unit { day, week, month, year };

/// `3d`, `3 d`, `3 days`, `1 week`: a non-negative count and its unit.
std::optional<std::pair<int, Unit>> parse_amount(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  auto n = parse_int(s.substr(0, i));
  if (!n) return std::nullopt;
  std::string_view unit = s.substr(i);
  if (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  static constexpr std::array<std::pair<std::string_view, Unit>, 12> units{{
      {"d", Unit::day}, {"day", Unit::day}, {"days", Unit::day},
      {"w", Unit::week}, {"week", Unit::week}, {"weeks", Unit::week},
      {"m", Unit::month}, {"month", Unit::month}, {"months", Unit::month},
      {"y", Unit::year}, {"year", Unit::year}, {"years", Unit::year},
  }};
  for (auto [name, u] : units)
    if (unit == name) return std::pair{*n, u};
  return std::nullopt;
}

Day shift(Day d, int n, Unit u) {
  switch (u) {
    case Unit::day: return d + days{n};
    case Unit::week: return d + days{7 * n};
    case Unit::month: return add_months(d, n);
    case Unit::year: return add_months(d, 12 * n);
  }
  return d;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::optional<Day> try_day(const std::string& e, Day today, Lean lean) {
  if (e == "today") return today;
  if (e == "yesterday") return today - days{1};
  if (e == "tomorrow") return today + days{1};
  if (auto d = parse_iso(e)) return d;
  if (auto wd = parse_weekday(e)) {
    // past: on or before today; future: on or after today
    return lean == Lean::past ? today - (weekday{today} - *wd) : today + (*wd - weekday{today});
  }
  if (starts_with(e, "last ")) {
    if (auto wd = parse_weekday(e.substr(5))) return (today - days{1}) - (weekday{today - days{1}} - *wd);
  }
  if (starts_with(e, "next ")) {
    if (auto wd = parse_weekday(e.substr(5))) return (today + days{1}) + (*wd - weekday{today + days{1}});
  }
  if (ends_with(e, " ago")) {
    if (auto a = parse_amount(e.substr(0, e.size() - 4))) return shift(today, -a->first, a->second);
  }
  if (starts_with(e, "in ")) {
    if (auto a = parse_amount(e.substr(3))) return shift(today, a->first, a->second);
  }
  if (starts_with(e, "-") || starts_with(e, "+")) {
    if (auto a = parse_amount(e.substr(1))) return shift(today, e[0] == '-' ? -a->first : a->first, a->second);
  }
  return std::nullopt;
}

Day iso_week1_monday(int y) {
  Day jan4 = sys_days{year{y} / January / 4};
  return week_first(jan4, Monday);
}

DateRange whole_month(year_month ym) {
  return {sys_days{ym / 1}, sys_days{ym / last}};
}

DateRange quarter(int y, int q) {
  auto first = year{y} / month(static_cast<unsigned>(3 * q - 2));
  return {sys_days{first / 1}, sys_days{(first + months{2}) / last}};
}

DateRange whole_year(int y) { return {sys_days{year{y} / January / 1}, sys_days{year{y} / December / 31}}; }

std::optional<DateRange> try_named(std::string e, const PeriodContext& ctx) {
  for (char& c : e)
    if (c == ' ') c = '-';
  Day t = ctx.today;
  year_month_day ymd{t};
  int y = static_cast<int>(ymd.year());
  int q = static_cast<int>((static_cast<unsigned>(ymd.month()) - 1) / 3 + 1);
  auto week_of = [&](Day d) { Day f = week_first(d, ctx.week_start); return DateRange{f, f + days{6}}; };
  if (e == "this-week") return week_of(t);
  if (e == "last-week") return week_of(t - days{7});
  if (e == "next-week") return week_of(t + days{7});
  if (e == "this-month") return whole_month(ymd.year() / ymd.month());
  if (e == "last-month") return whole_month(ymd.year() / ymd.month() - months{1});
  if (e == "next-month") return whole_month(ymd.year() / ymd.month() + months{1});
  if (e == "this-quarter") return quarter(y, q);
  if (e == "last-quarter") return q == 1 ? quarter(y - 1, 4) : quarter(y, q - 1);
  if (e == "next-quarter") return q == 4 ? quarter(y + 1, 1) : quarter(y, q + 1);
  if (e == "this-year") return whole_year(y);
  if (e == "last-year") return whole_year(y - 1);
  if (e == "next-year") return whole_year(y + 1);
  if (e == "ytd") return DateRange{sys_days{ymd.year() / January / 1}, t};
  if (e == "since-last-1on1") {
    if (!ctx.last_1on1) throw UsageError("no 1:1 is recorded yet, so 'since-last-1on1' has no start");
    if (*ctx.last_1on1 > t)
      throw UsageError("the last 1:1 was on " + format_day(*ctx.last_1on1) + ", after today (" + format_day(t) +
                       "), so 'since-last-1on1' is empty");
    return DateRange{*ctx.last_1on1, t};
  }
  if (e == "since-last-digest") {
    if (!ctx.last_digest) throw UsageError("no digest has been sent yet, so 'since-last-digest' has no start");
    if (*ctx.last_digest > t)
      throw UsageError("the last digest was sent on " + format_day(*ctx.last_digest) + ", after today (" +
                       format_day(t) + "), so 'since-last-digest' is empty");
    return DateRange{*ctx.last_digest, t};
  }
  return std::nullopt;
}

/// `cycle:NAME`: the period expression [cycles] names, resolved without cycles (a cycle may not
/// name a cycle). `e` is normalised.
std::optional<DateRange> try_cycle(const std::string& e, const PeriodContext& ctx) {
  if (!starts_with(e, "cycle:")) return std::nullopt;
  std::string name = text::trim(e.substr(6));
  if (name.empty()) throw UsageError("'cycle:' needs the name of a cycle from [cycles] in upward.toml (cycle:NAME)");
  if (ctx.cycles.empty())
    throw UsageError("unknown cycle '" + name + "' (there is no [cycles] table in upward.toml; add one, like " +
                     "[cycles] h2-2026 = \"2026-07-01..2026-12-31\")");
  auto it = ctx.cycles.find(name);
  if (it == ctx.cycles.end()) {
    std::string known;
    for (const auto& [k, v] : ctx.cycles) known += (known.empty() ? "" : ", ") + k;
    throw UsageError("unknown cycle '" + name + "' (known cycles: " + known + ")");
  }
  if (normalize(it->second).find("cycle:") != std::string::npos)
    throw UsageError("cycle '" + name + "' names another cycle ('" + it->second +
                     "'): a cycle in upward.toml must be a period such as 2026-07-01..2026-12-31");
  PeriodContext inner = ctx;
  inner.cycles.clear();
  try {
    return parse_period(it->second, inner);
  } catch (const UsageError& err) {
    throw UsageError("cycle '" + name + "' in upward.toml: " + err.what());
  }
}

/// `2026-W47`, `2026-11`, `2026-Q4`, `2026-H2`, `2026`.
/// `shown` is the expression as the user typed it, for messages.
std::optional<DateRange> try_calendar(const std::string& e, const PeriodContext& ctx, std::string_view shown) {
  if (e.size() < 4 || !all_digits(std::string_view(e).substr(0, 4))) return std::nullopt;
  int y = *parse_int(std::string_view(e).substr(0, 4));
  std::string_view rest = std::string_view(e).substr(4);
  if (rest.empty()) return whole_year(y);
  if (rest.size() < 2 || rest[0] != '-') return std::nullopt;
  rest.remove_prefix(1);
  auto bad = [&](const std::string& what) -> DateRange {
    throw UsageError("no " + what + " '" + std::string(shown) + "'");
  };
  if (rest[0] == 'w' && rest.size() == 3 && all_digits(rest.substr(1))) {
    int w = *parse_int(rest.substr(1));
    int weeks = static_cast<int>((iso_week1_monday(y + 1) - iso_week1_monday(y)).count() / 7);
    if (w < 1 || w > weeks) return bad("such week: " + std::to_string(y) + " has " + std::to_string(weeks) + " weeks, not");
    Day thursday = iso_week1_monday(y) + days{7 * (w - 1) + 3};
    Day f = week_first(thursday, ctx.week_start);
    return DateRange{f, f + days{6}};
  }
  if (rest[0] == 'q' && rest.size() == 2 && rest[1] >= '1' && rest[1] <= '4') return quarter(y, rest[1] - '0');
  if (rest[0] == 'q') return bad("such quarter (1 to 4)");
  if (rest[0] == 'h' && rest.size() == 2 && (rest[1] == '1' || rest[1] == '2')) {
    return rest[1] == '1' ? DateRange{quarter(y, 1).first, quarter(y, 2).last}
                          : DateRange{quarter(y, 3).first, quarter(y, 4).last};
  }
  if (rest[0] == 'h') return bad("such half (1 or 2)");
  if (rest.size() == 2 && all_digits(rest)) {
    int m = *parse_int(rest);
    if (m < 1 || m > 12) return bad("such month (01 to 12)");
    return whole_month(year{y} / month(static_cast<unsigned>(m)));
  }
  return std::nullopt;
}

/// `e` normalised; `whole` the expression as typed; `part` the side of a range as typed.
DateRange parse_single(const std::string& e, const PeriodContext& ctx, std::string_view whole,
                       std::string_view part = {}) {
  if (part.empty()) part = e.size() == whole.size() ? whole : std::string_view(e);
  if (auto r = try_named(e, ctx)) return *r;
  if (auto r = try_cycle(e, ctx)) return *r;
  if (auto r = try_calendar(e, ctx, part)) return *r;
  if (auto d = try_day(e, ctx.today, Lean::past)) return {*d, *d};
  throw UsageError("unrecognised period '" + std::string(whole) + "' (expected " + period_forms + ")");
}

}  // namespace

std::optional<Day> parse_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = all_digits(s.substr(0, 4)) ? parse_int(s.substr(0, 4)) : std::nullopt;
  auto m = all_digits(s.substr(5, 2)) ? parse_int(s.substr(5, 2)) : std::nullopt;
  auto d = all_digits(s.substr(8, 2)) ? parse_int(s.substr(8, 2)) : std::nullopt;
  if (!y || !m || !d) return std::nullopt;
  year_month_day ymd{year{*y}, month(static_cast<unsigned>(*m)), day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::optional<weekday> parse_weekday(std::string_view s) {
  std::string low = normalize(s);
  for (unsigned i = 0; i < weekday_names.size(); ++i) {
    std::string_view name = weekday_names[i];
    if (low == name || (low.size() == 3 && name.substr(0, 3) == low)) return weekday{i};
  }
  return std::nullopt;
}

Day year_before(Day d) {
  date::year_month_day back = date::year_month_day{d} - date::years{1};
  if (!back.ok()) back = back.year() / back.month() / date::last;  // 29 February
  return date::sys_days{back};
}

Day week_first(Day d, weekday start) { return d - (weekday{d} - start); }

namespace {
/// Days upward writes and reads: the years 0001 to 9999 (four digits, as TOML and ISO 8601 spell them).
constexpr Day first_day = sys_days{year{1} / January / 1}, last_day = sys_days{year{9999} / December / 31};

template <class T>
T in_range(T value, Day first, Day last, std::string_view expr) {
  if (first < first_day || last > last_day)
    throw UsageError("'" + std::string(expr) + "' is out of range (days from 0001-01-01 to 9999-12-31)");
  return value;
}
}  // namespace

Day parse_day(std::string_view expr, Day today, Lean lean) {
  std::string e = normalize(expr);
  if (auto d = try_day(e, today, lean)) return in_range(*d, *d, *d, expr);
  if (e.size() == 10 && e[4] == '-' && e[7] == '-')
    throw UsageError("no such day '" + std::string(expr) + "'");
  throw UsageError("unrecognised date '" + std::string(expr) + "' (expected " + day_forms + ")");
}

DateRange parse_period(std::string_view expr, const PeriodContext& ctx) {
  std::string e = normalize(expr);
  if (auto dots = e.find(".."); dots != std::string::npos) {
    std::string a = normalize(e.substr(0, dots)), b = normalize(e.substr(dots + 2));
    if (a.empty()) throw UsageError("range '" + std::string(expr) + "' has no start (expected A..B or A..)");
    size_t typed_dots = expr.find("..");  // the sides as typed, for messages
    std::string ta = text::trim(expr.substr(0, typed_dots)), tb = text::trim(expr.substr(typed_dots + 2));
    DateRange from = parse_single(a, ctx, expr, ta.size() == a.size() ? ta : a);
    DateRange to = b.empty() ? DateRange{ctx.today, ctx.today} : parse_single(b, ctx, expr, tb.size() == b.size() ? tb : b);
    if (to.last < from.first)
      throw UsageError("range '" + std::string(expr) + "' ends before it starts (" + format_day(from.first) +
                       " > " + format_day(to.last) + ")");
    return in_range(DateRange{from.first, to.last}, from.first, to.last, expr);
  }
  DateRange r = parse_single(e, ctx, expr);
  return in_range(r, r.first, r.last, expr);
}

std::string format_day(Day d) { return date::format("%F", d); }

std::string format_range(const DateRange& r) {
  return r.first == r.last ? format_day(r.first) : format_day(r.first) + ".." + format_day(r.last);
}

std::string weekday_name(weekday wd) { return weekday_names[wd.c_encoding()]; }

}  // namespace upward::dates
