// What the digest says in words (brag sections, statuses, the tally), the period after a period,
// and the plans an edited update kept.
#include <algorithm>

#include "upward/model/config.hpp"
#include "upward/views/digest.hpp"

namespace upward {

namespace {
bool is_section(const std::string& key) {
  return std::any_of(brag_sections.begin(), brag_sections.end(), [&](const auto& s) { return s.first == key; });
}
}  // namespace

std::string section_of(const Win& win, const std::map<std::string, std::string>& tag_sections) {
  if (is_section(win.section)) return win.section;
  for (const auto& tag : win.tags) {
    auto it = tag_sections.find(tag);
    if (it != tag_sections.end() && is_section(it->second)) return it->second;
  }
  return win.kind == "kudos" ? "collaboration" : "projects";
}

std::string status_words(std::string status) {
  for (char& c : status)
    if (c == '-') c = ' ';
  return status;
}

std::vector<Plan> plans_in_text(const std::vector<Plan>& plans, std::string_view text) {
  auto squeeze = [](std::string_view s) {  // every run of white space as one space
    std::string out;
    for (char c : s) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space) out += c;
      else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    return out;
  };
  std::string body = squeeze(text);
  std::vector<Plan> out;
  for (const auto& p : plans)
    if (body.find(squeeze(p.text)) != std::string::npos) out.push_back(p);
  return out;
}

dates::DateRange next_period(const dates::DateRange& period) {
  date::year_month_day first{period.first}, last{period.last};
  date::year_month_day_last month_end{last.year(), date::month_day_last{last.month()}};
  if (first.day() == date::day{1} && last.day() == month_end.day() && period.first <= period.last) {
    // whole calendar months: the same number of months after
    date::months n = (last.year() / last.month() - first.year() / first.month()) + date::months{1};
    date::year_month from = first.year() / first.month() + n, to = last.year() / last.month() + n;
    return {date::sys_days{from / 1}, date::sys_days{to / date::last}};
  }
  auto length = period.last - period.first + date::days{1};
  return {period.last + date::days{1}, period.last + length};
}

std::string tally_line(const Digest& d) {
  std::string out = d.win_count == 0   ? "no wins"
                    : d.win_count == 1 ? "1 win"
                                       : std::to_string(d.win_count) + " wins";
  if (d.measured > 0) out += ", " + std::to_string(d.measured) + " with a measured impact";
  if (std::size_t k = d.kudos.size() + static_cast<std::size_t>(d.kudos_in_groups))
    out += (d.measured > 0 ? ", and " : " and ") + std::to_string(k) + " kudos";
  return out;
}

}  // namespace upward
