#include "upward/views/harvest.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward {

namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// Words written like tickets that are not: `UTF-8`, `SHA-256`, `ISO-8601`, `RFC-2822`...
bool not_a_ticket(std::string_view prefix) {
  static constexpr std::string_view words[] = {"UTF", "SHA", "ISO", "RFC", "HTTP", "TLS", "SSL", "MD",
                                               "AES", "RSA", "ECMA", "ES", "IPV", "CVE", "UCS", "ASCII"};
  return std::find(std::begin(words), std::end(words), prefix) != std::end(words);
}

/// A main line a feature branch is merged into, or that is merged into one: not a topic.
bool main_line(std::string_view branch) {
  static constexpr std::string_view names[] = {"main", "master", "develop", "development", "dev", "trunk", "HEAD"};
  return std::find(std::begin(names), std::end(names), branch) != std::end(names);
}

/// A branch name without what comes before its first '/' (`origin/x` -> `x`).
std::string after_first_slash(const std::string& s) {
  auto slash = s.find('/');
  return slash == std::string::npos ? s : s.substr(slash + 1);
}

/// Sources as `repo -> hashes` (each at least 7 hex digits), for prefix matching.
using Harvested = std::map<std::string, std::vector<std::string>>;

Harvested index_harvested(const std::set<std::string>& sources) {
  Harvested out;
  for (const auto& s : sources) {
    if (!starts_with(s, "git:")) continue;
    auto at = s.rfind('@');
    if (at == std::string::npos || at < 4) continue;
    std::string hash = lower(s.substr(at + 1));
    if (hash.size() >= 7) out[s.substr(4, at - 4)].push_back(hash);
  }
  return out;
}

bool is_harvested(const Commit& c, const Harvested& h) {
  auto it = h.find(c.repo);
  if (it == h.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::string& x) { return starts_with(c.hash, x); });
}

/// A title as the --edit list shows it: every `--` after a space (or at its start) as `\--`, so
/// that ` -- ` starts only the impact the user writes.
std::string escape_dashes(const std::string& title) {
  std::string out;
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (title.compare(i, 2, "--") == 0 && (i == 0 || title[i - 1] == ' ')) out += '\\';
    out += title[i];
  }
  return out;
}

/// The text of the --edit list back: `\--` after a space (or at the start) is `--`.
std::string unescape_dashes(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\\--") == 0 && (i == 0 || text[i - 1] == ' ')) continue;
    out += text[i];
  }
  return out;
}

/// The branch (topic) of each commit a merge brought in: `repo\nhash -> branch`. Merges are
/// taken oldest first, so a commit is named by the first merge that brought it in.
std::map<std::string, std::string> branches_of(const std::vector<Commit>& commits) {
  std::map<std::string, const Commit*> by_hash;
  for (const auto& c : commits) by_hash[c.repo + "\n" + c.hash] = &c;
  std::vector<const Commit*> merges;
  for (const auto& c : commits)
    if (c.is_merge()) merges.push_back(&c);
  std::stable_sort(merges.begin(), merges.end(), [](const Commit* a, const Commit* b) { return a->time < b->time; });
  std::map<std::string, std::string> out;
  auto walk = [&](const std::string& repo, const std::string& start, const std::set<std::string>& stop,
                  auto&& visit) {
    std::vector<std::string> todo{start};
    std::set<std::string> seen;
    while (!todo.empty()) {
      std::string h = todo.back();
      todo.pop_back();
      if (stop.count(h) || !seen.insert(h).second) continue;
      auto it = by_hash.find(repo + "\n" + h);
      if (it == by_hash.end()) continue;  // before what was read
      visit(*it->second);
      for (const auto& p : it->second->parents) todo.push_back(p);
    }
  };
  for (const Commit* m : merges) {
    auto branch = merge_branch(m->subject);
    if (!branch || branch->empty() || main_line(*branch)) continue;
    std::set<std::string> mainline;
    walk(m->repo, m->parents[0], {}, [&](const Commit& c) { mainline.insert(c.hash); });
    for (std::size_t i = 1; i < m->parents.size(); ++i)
      walk(m->repo, m->parents[i], mainline, [&](const Commit& c) { out.emplace(c.repo + "\n" + c.hash, *branch); });
  }
  return out;
}

}  // namespace

std::vector<std::string> Candidate::sources() const {
  std::vector<std::string> out;
  for (const auto& c : commits) out.push_back(c.source());
  return out;
}

std::string Candidate::key() const {
  std::string out, repo;
  for (std::size_t i = 0; i < commits.size(); ++i) {
    const Commit& c = commits[i];
    out += (i ? "," : "") + (i && c.repo == repo ? c.short_hash : c.repo + "@" + c.short_hash);
    repo = c.repo;
  }
  return out;
}

std::optional<std::string> ticket_id(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    // not inside a word; after '-', '_' or '/' (a branch: `fix-ABC-1`) only when what precedes is
    // not a ticket-like word itself (`AB-CD-1` has none)
    if (!upper(s[i]) || (i > 0 && alnum(s[i - 1]))) continue;
    if (i > 0 && s[i - 1] == '-' && i > 1 && (upper(s[i - 2]) || digit(s[i - 2]))) continue;
    std::size_t j = i + 1;
    while (j < s.size() && (upper(s[j]) || digit(s[j]))) ++j;
    if (j - i < 2 || j >= s.size() || s[j] != '-') continue;
    std::size_t k = j + 1;
    while (k < s.size() && digit(s[k])) ++k;
    if (k == j + 1 || (k < s.size() && alnum(s[k]))) continue;
    if (not_a_ticket(s.substr(i, j - i))) continue;
    return std::string(s.substr(i, k - i));
  }
  return std::nullopt;
}

std::optional<std::string> merge_branch(std::string_view subject) {
  std::string s = text::trim(subject);
  auto quoted = [&](std::size_t from) -> std::optional<std::string> {
    auto open = s.find('\'', from);
    auto close = open == std::string::npos ? open : s.find('\'', open + 1);
    if (close == std::string::npos) return std::nullopt;
    return s.substr(open + 1, close - open - 1);
  };
  if (starts_with(s, "Merge branch '")) return quoted(0);
  if (starts_with(s, "Merge remote-tracking branch '")) {
    auto b = quoted(0);
    return b ? std::optional<std::string>(after_first_slash(*b)) : std::nullopt;
  }
  if (starts_with(s, "Merge pull request #")) {
    auto from = s.find(" from ");
    if (from == std::string::npos) return std::nullopt;
    std::string rest = s.substr(from + 6);
    auto space = rest.find(' ');
    if (space != std::string::npos) rest = rest.substr(0, space);
    return after_first_slash(rest);
  }
  return std::nullopt;
}

std::optional<std::string> fixup_target(std::string_view subject) {
  std::string s = text::trim(subject);
  bool any = false;
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"fixup! ", "squash! ", "amend! "})
      if (starts_with(s, p)) {
        s = text::trim(s.substr(p.size()));
        any = again = true;
      }
  }
  if (!any) return std::nullopt;
  return s;
}

std::optional<std::string> reverted(const Commit& c) {
  if (auto h = reverted_hash(c.body)) return h;
  std::string s = text::trim(c.subject);
  if (starts_with(s, "Revert \"") && s.size() > 9 && s.back() == '"') return "subject:" + s.substr(8, s.size() - 9);
  return std::nullopt;
}

std::vector<Candidate> harvest_candidates(const std::vector<Commit>& commits, const std::string& author,
                                          const dates::DateRange& period, const std::set<std::string>& harvested) {
  const std::string who = lower(text::trim(author));
  auto branches = branches_of(commits);
  Harvested done = index_harvested(harvested);

  // the author's own commits, oldest first (git log lists the newest first: ties keep git's order)
  std::vector<const Commit*> own;
  for (auto it = commits.rbegin(); it != commits.rend(); ++it)
    if (!it->is_merge() && lower(it->email) == who) own.push_back(&*it);
  std::stable_sort(own.begin(), own.end(), [](const Commit* a, const Commit* b) { return a->time < b->time; });

  std::vector<bool> dropped(own.size(), false), folded(own.size(), false);
  std::vector<std::vector<std::size_t>> fixes(own.size());

  // a revert of the author's own commit drops both (newest first: a revert of a revert restores)
  for (std::size_t i = own.size(); i-- > 0;) {
    if (dropped[i]) continue;
    auto what = reverted(*own[i]);
    if (!what) continue;
    for (std::size_t j = i; j-- > 0;) {
      const Commit& t = *own[j];
      if (dropped[j] || t.repo != own[i]->repo) continue;
      bool hit = starts_with(*what, "subject:") ? t.subject == what->substr(8) : starts_with(t.hash, *what);
      if (hit) {
        dropped[i] = dropped[j] = true;
        break;
      }
    }
  }
  // a `cherry-pick -x` of a commit of the period, or of one already harvested, is the same work
  for (std::size_t i = 0; i < own.size(); ++i) {
    auto from = cherry_picked_from(own[i]->body);
    if (dropped[i] || !from) continue;
    bool seen = false;  // harvested: H may be abbreviated, and so may a harvested hash
    if (auto it = done.find(own[i]->repo); it != done.end())
      for (const auto& x : it->second) seen = seen || starts_with(x, *from) || starts_with(*from, x);
    for (std::size_t j = 0; j < own.size() && !seen; ++j)
      seen = j != i && !dropped[j] && own[j]->repo == own[i]->repo && starts_with(own[j]->hash, *from) &&
             period.contains(own[j]->day) && !cherry_picked_from(own[j]->body);
    if (seen) dropped[i] = true;
  }

  // a fixup joins the commit it fixes (the latest before it with that subject), else is dropped
  for (std::size_t i = 0; i < own.size(); ++i) {
    if (dropped[i]) continue;
    auto target = fixup_target(own[i]->subject);
    if (!target) continue;
    folded[i] = true;
    for (std::size_t j = i; j-- > 0;)
      if (!dropped[j] && !folded[j] && own[j]->repo == own[i]->repo && own[j]->subject == *target) {
        fixes[j].push_back(i);
        break;
      }
  }

  std::map<std::tuple<dates::Day, std::string>, Candidate> groups;
  std::vector<std::tuple<dates::Day, std::string>> order;
  for (std::size_t i = 0; i < own.size(); ++i) {
    const Commit& c = *own[i];
    if (dropped[i] || folded[i] || !period.contains(c.day) || is_harvested(c, done)) continue;
    if (c.files.empty() && fixes[i].empty()) continue;  // an empty commit changed nothing
    auto b = branches.find(c.repo + "\n" + c.hash);
    std::optional<std::string> branch;
    if (b != branches.end()) branch = b->second;
    std::string topic = ticket_id(c.subject).value_or(branch ? ticket_id(*branch).value_or(*branch) : c.subject);
    auto key = std::make_tuple(c.day, topic);
    auto [it, fresh] = groups.try_emplace(key);
    Candidate& cand = it->second;
    if (fresh) {
      order.push_back(key);
      cand.topic = topic;
      cand.day = c.day;
    }
    cand.commits.push_back(c);
    for (auto f : fixes[i])
      if (!is_harvested(*own[f], done)) cand.commits.push_back(*own[f]);
  }

  std::vector<Candidate> out;
  for (const auto& key : order) {
    Candidate c = std::move(groups[key]);
    std::set<std::string> paths;
    for (const auto& commit : c.commits) {
      c.day = std::max(c.day, commit.day);
      for (const auto& f : commit.files) {
        paths.insert(f.path);
        c.added += f.added;
        c.deleted += f.deleted;
      }
    }
    c.files = paths.size();
    std::string subject = text::one_line(c.commits.front().subject);
    bool ticket = ticket_id(c.topic) == c.topic;
    if (ticket && subject.find(c.topic) == std::string::npos) subject = c.topic + ": " + subject;
    c.title = subject;
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return std::make_tuple(a.day, a.commits.front().time) < std::make_tuple(b.day, b.commits.front().time);
  });
  return out;
}

std::string harvest_edit_list(const std::vector<Candidate>& candidates, const dates::DateRange& period) {
  std::string out;
  out += "# upward harvest " + dates::format_range(period) + ": " + std::to_string(candidates.size()) +
         (candidates.size() == 1 ? " candidate" : " candidates") + "\n";
  out += "#\n";
  out += "# Each line below becomes a win: COMMITS | TITLE -- IMPACT\n";
  out += "#   rewrite the title, add the impact after ' -- ' (who it helped, what changed),\n";
  out += "#   delete a line to dismiss it (it is not proposed again),\n";
  out += "#   join two lines' commits (COMMITS separated by ',') to make them one win.\n";
  out += "# Keep COMMITS as they are. Lines starting with '#' are ignored.\n";
  out += "# A '\\--' in a title is a '--' of the commit's subject, not the start of the impact.\n";
  out += "# An emptied list records nothing.\n";
  for (const auto& c : candidates) {
    out += "\n# " + dates::format_day(c.day) + "  " + std::to_string(c.commits.size()) +
           (c.commits.size() == 1 ? " commit, " : " commits, ") + std::to_string(c.files) +
           (c.files == 1 ? " file, +" : " files, +") + std::to_string(c.added) + " -" + std::to_string(c.deleted) + "\n";
    for (const auto& commit : c.commits)
      out += "#   " + commit.repo + "@" + commit.short_hash + " " + text::one_line(commit.subject) + "\n";
    out += c.key() + " | " + escape_dashes(c.title) + "\n";
  }
  return out;
}

Win win_of(const Candidate& c, const std::vector<std::string>& tags) {
  Win w;
  w.date = c.day;
  w.title = c.title;
  w.tags = tags;
  w.source = c.sources();
  return w;
}

std::vector<Win> wins_from_edit_list(std::string_view text, const std::vector<Candidate>& candidates,
                                     const std::vector<std::string>& tags, const std::string& path,
                                     std::vector<std::string>& kept) {
  std::vector<const Commit*> all;
  for (const auto& c : candidates)
    for (const auto& commit : c.commits) all.push_back(&commit);
  std::map<const Commit*, std::uint32_t> used;  // -> the line that took it
  std::vector<Win> out;
  auto lines = text::lines(text);
  for (std::uint32_t n = 1; n <= lines.size(); ++n) {
    const std::string& line = lines[n - 1];
    std::string t = text::trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto at = [&](std::size_t col) { return SourceLoc{path, n, static_cast<std::uint32_t>(col + 1)}; };
    auto bar = line.find('|');
    if (bar == std::string::npos)
      throw Error(at(line.find_first_not_of(" \t")), "expected 'COMMITS | TITLE' (keep the commits before '|' as they were)");
    std::string rest = line.substr(bar + 1);
    std::string title = rest, impact;
    if (auto dash = rest.find(" -- "); dash != std::string::npos) {
      title = rest.substr(0, dash);
      impact = rest.substr(dash + 4);
    } else if (text::trim(rest).size() >= 2 && text::trim(rest).substr(text::trim(rest).size() - 2) == "--" &&
               (text::trim(rest).size() == 2 || text::trim(rest)[text::trim(rest).size() - 3] == ' ')) {
      title = text::trim(rest).substr(0, text::trim(rest).size() - 2);  // `TITLE --`: no impact after all
    }
    title = unescape_dashes(text::trim(title));
    impact = unescape_dashes(text::trim(impact));
    if (title.empty()) throw Error(at(bar + 1), "the title is empty (delete the line to dismiss it)");

    std::vector<const Commit*> mine;
    std::string repo;
    std::size_t pos = 0;
    std::string keys = line.substr(0, bar);
    while (pos <= keys.size()) {
      auto comma = keys.find(',', pos);
      std::string item = keys.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
      std::size_t col = pos + item.find_first_not_of(" \t") ;
      if (item.find_first_not_of(" \t") == std::string::npos) col = pos;
      item = text::trim(item);
      pos = comma == std::string::npos ? keys.size() + 1 : comma + 1;
      if (item.empty()) {
        if (comma == std::string::npos && !mine.empty()) break;
        throw Error(at(col), "a commit is missing before '" + std::string(comma == std::string::npos ? "|" : ",") +
                                 "' (expected REPO@HASH)");
      }
      std::string hash = item;
      if (auto a = item.rfind('@'); a != std::string::npos) {
        repo = text::trim(item.substr(0, a));
        hash = text::trim(item.substr(a + 1));
      } else if (repo.empty()) {
        throw Error(at(col), "'" + item + "' names no repository (expected REPO@HASH)");
      }
      std::string want = lower(hash);
      const Commit* found = nullptr;
      std::size_t matches = 0;
      for (const Commit* c : all)
        if (c->repo == repo && want.size() >= 4 && starts_with(c->hash, want)) {
          found = c;
          ++matches;
        }
      if (matches != 1)
        throw Error(at(col), "unknown commit '" + repo + "@" + hash + "' (" +
                                 (matches ? "it names several commits" : "not among the candidates") +
                                 "; keep the commits before '|' as they were)");
      if (auto u = used.find(found); u != used.end())
        throw Error(at(col), "commit '" + repo + "@" + hash + "' is also on line " + std::to_string(u->second) +
                                 " (a commit goes to one win)");
      used[found] = n;
      mine.push_back(found);
    }
    std::stable_sort(mine.begin(), mine.end(), [](const Commit* a, const Commit* b) { return a->time < b->time; });
    Win w;
    w.date = mine.front()->day;
    for (const Commit* c : mine) {
      w.date = std::max(w.date, c->day);
      w.source.push_back(c->source());
      kept.push_back(c->source());
    }
    w.title = title;
    w.impact = impact;
    w.tags = tags;
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace upward
