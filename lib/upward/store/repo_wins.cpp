#include "upward/store/repo_wins.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace upward {

namespace {

bool digits(const std::string& s, std::size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

/// The names of the sub-folders of `dir` made of `n` digits, sorted; none when `dir` is missing.
std::vector<std::string> numbered_folders(const std::string& dir, std::size_t n) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (digits(name, n) && it->is_directory(ec)) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<Win> all_wins(const Repo& repo, std::vector<Problem>& skipped) {
  std::vector<Win> out;
  for (const auto& year : numbered_folders(repo.path("wins"), 4))
    for (const auto& month : numbered_folders(repo.path("wins/" + year), 2)) {
      int m = std::stoi(month);
      if (m < 1 || m > 12) continue;
      date::year_month ym{date::year{std::stoi(year)}, date::month{static_cast<unsigned>(m)}};
      dates::DateRange range{date::sys_days{ym / 1}, date::sys_days{ym / date::last}};
      for (auto& w : repo.wins_in(range, skipped)) out.push_back(std::move(w));
    }
  std::stable_sort(out.begin(), out.end(), [](const Win& a, const Win& b) { return a.date < b.date; });
  return out;
}

}  // namespace upward
