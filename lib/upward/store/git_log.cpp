#include "upward/store/git_log.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <set>
#include <cstdlib>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/store/git.hpp"

namespace upward::git_log {

namespace {

/// `s` when it is UTF-8, else with every byte above 0x7f replaced by '?'.
std::string utf8_or_ascii(std::string_view s) {
  if (text::valid_utf8(s)) return std::string(s);
  std::string out(s);
  for (auto& c : out)
    if (static_cast<unsigned char>(c) > 0x7f) c = '?';
  return out;
}

std::int64_t number(std::string_view s) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return ec == std::errc() && end == s.data() + s.size() ? n : 0;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto space = s.find(' ', pos);
    if (space == std::string::npos) space = s.size();
    if (space > pos) out.push_back(s.substr(pos, space - pos));
    pos = space + 1;
  }
  return out;
}

}  // namespace

std::string expand_home(const std::string& path, const process::Env& env) {
  if (path != "~" && path.rfind("~/", 0) != 0) return path;
  auto home = process::getenv(env, "HOME");
  if (!home || home->empty()) throw Error("cannot expand '" + path + "': HOME is not set");
  std::string h = *home;
  while (h.size() > 1 && h.back() == '/') h.pop_back();
  return path == "~" ? h : h + path.substr(1);
}

std::optional<std::string> configured_path_problem(const std::string& path) {
  if (path.empty()) return "a path is empty";
  if (path[0] == '/' || path == "~" || path.rfind("~/", 0) == 0) return std::nullopt;
  return "'" + path + "' must be absolute or start with ~/ (it would depend on the current folder)";
}

std::string repo_name(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  auto slash = p.find_last_of('/');
  std::string base = slash == std::string::npos ? p : p.substr(slash + 1);
  if (base.empty() || base == "." || base == "..") {
    char buf[4096];
    if (::realpath(path.c_str(), buf)) {
      std::string real = buf;
      base = real == "/" ? "root" : real.substr(real.find_last_of('/') + 1);
    }
  }
  return base;
}

std::string repo_name(const std::string& path, const std::string& git_common_dir) {
  std::string common = git_common_dir;
  while (common.size() > 1 && common.back() == '/') common.pop_back();
  if (common == ".git") return repo_name(path);
  if (common.size() > 5 && common.compare(common.size() - 5, 5, "/.git") == 0) {
    std::string top = common.substr(0, common.size() - 5);
    if (!top.empty() && top.front() != '/') top = path + "/" + top;  // relative to the work tree
    return repo_name(top.empty() ? "/" : top);
  }
  return repo_name(path);
}

std::vector<Commit> parse_log(std::string_view output, const std::string& repo) {
  std::vector<Commit> out;
  std::size_t pos = output.find('\x1e');
  while (pos != std::string_view::npos) {
    ++pos;
    std::string_view fields[9];
    for (auto& f : fields) {
      auto nul = output.find('\0', pos);
      if (nul == std::string_view::npos) throw Error("git log of '" + repo + "' was cut short");
      f = output.substr(pos, nul - pos);
      pos = nul + 1;
    }
    auto next = output.find('\x1e', pos);
    std::string_view stats = output.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
    Commit c;
    c.repo = repo;
    c.hash = std::string(fields[0]);
    c.short_hash = std::string(fields[1]);
    c.parents = words(std::string(fields[2]));
    c.email = utf8_or_ascii(fields[3]);
    c.name = utf8_or_ascii(fields[4]);
    auto day = dates::parse_iso(fields[5]);
    if (!day) throw Error("git log of '" + repo + "' gave the date '" + utf8_or_ascii(fields[5]) + "' for " + c.hash);
    c.day = *day;
    c.time = number(fields[6]);
    c.subject = utf8_or_ascii(fields[7]);
    c.body = utf8_or_ascii(fields[8]);
    for (const auto& line : text::lines(stats)) {
      auto t1 = line.find('\t');
      auto t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
      if (t2 == std::string::npos) continue;
      FileStat f;
      f.added = number(std::string_view(line).substr(0, t1));
      f.deleted = number(std::string_view(line).substr(t1 + 1, t2 - t1 - 1));
      f.path = utf8_or_ascii(line.substr(t2 + 1));
      c.files.push_back(std::move(f));
    }
    out.push_back(std::move(c));
    pos = next;
  }
  return out;
}

namespace {

std::string real(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

}  // namespace

Source locate(const std::string& path, const process::Env& env) {
  if (path.empty()) throw Error("the path of a repository is empty");
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) throw Error("repository '" + path + "' does not exist");
  if (!S_ISDIR(st.st_mode)) throw Error("repository '" + path + "' is not a folder");
  Source s;
  s.path = path;
  std::string here = real(path);
  auto r = git::run(here.empty() ? path : here,
                    {"rev-parse", "--path-format=absolute", "--git-common-dir", "--is-bare-repository"}, env);
  auto ls = text::lines(r.output);
  if (r.exit_code != 0 || ls.size() < 2) {
    // git is confined to the folder: look up for the repository it is in, to name it
    for (std::string up = here; up.size() > 1;) {
      up = up.substr(0, std::max<std::size_t>(up.find_last_of('/'), 1));
      struct stat g;
      if (::stat((up == "/" ? "/.git" : up + "/.git").c_str(), &g) == 0)
        throw Error("'" + path + "' is a folder inside the git repository '" + up + "': give its top folder");
    }
    throw Error("'" + path + "' is not a git repository");
  }
  if (text::trim(ls[1]) == "true")
    throw Error("'" + path + "' is a bare repository: harvest reads the branches of a work tree (give the path of a clone)");
  s.common = real(text::trim(ls[0]));
  auto top = git::run(here.empty() ? path : here, {"rev-parse", "--show-toplevel"}, env);
  s.top = top.exit_code == 0 ? real(text::trim(top.output)) : "";
  if (s.top.empty() || s.common.empty())
    throw Error("'" + path + "' is not in a git work tree (give the top folder of a clone)");
  if (s.top != here)
    throw Error("'" + path + "' is a folder inside the git repository '" + s.top + "': give its top folder");
  s.name = repo_name(s.top, s.common);
  return s;
}

std::vector<Commit> read_commits(const Source& repo, dates::Day since, const process::Env& env) {
  auto fail = [&](const process::Result& r) {
    std::string says = git::says(r.output);
    return Error("git log in '" + repo.path + "' failed (exit " + std::to_string(r.exit_code) + ")" +
                 (says.empty() ? "" : ":\n" + says));
  };
  const std::vector<std::string> common{"-c", "log.showSignature=false", "-c", "core.quotePath=true", "log",
                                        "--no-color", "--no-ext-diff", "--no-textconv", "--encoding=UTF-8",
                                        "--date=format-local:%Y-%m-%d", "--use-mailmap"};
  std::string from = dates::format_day(since - date::days{committer_margin_days}) + " 00:00:00";
  auto args = common;
  args.insert(args.end(), {"--branches", "--numstat", std::string("--format=") + log_format, "--since=" + from});
  auto r = git::run(repo.top, args, env);
  if (r.exit_code != 0) throw fail(r);
  auto out = parse_log(r.output, repo.name);

  // the commits reverted by a revert read here but not read themselves (older): one call each
  std::set<std::string> have;
  for (const auto& c : out) have.insert(c.hash);
  std::vector<std::string> missing;
  for (const auto& c : out)
    if (auto h = reverted_hash(c.body)) {
      bool found = std::any_of(have.begin(), have.end(), [&](const std::string& x) { return x.rfind(*h, 0) == 0; });
      if (!found && std::find(missing.begin(), missing.end(), *h) == missing.end()) missing.push_back(*h);
    }
  for (const auto& h : missing) {
    auto a = common;
    a.insert(a.end(), {"--no-walk", "--format=" + std::string(log_format), h + "^{commit}", "--"});
    auto one = git::run(repo.top, a, env);
    if (one.exit_code != 0) continue;  // gone (a shallow clone, a pruned branch): nothing to drop
    for (auto& c : parse_log(one.output, repo.name)) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace upward::git_log
