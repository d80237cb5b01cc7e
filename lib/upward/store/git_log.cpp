#include "upward/store/git_log.hpp"

#include <sys/stat.h>

#include <charconv>

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

std::vector<Commit> read_commits(const std::string& path, dates::Day since, const process::Env& env) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) throw Error("repository '" + path + "' does not exist");
  if (!S_ISDIR(st.st_mode)) throw Error("repository '" + path + "' is not a folder");
  if (!git::is_work_tree_top(path, env))
    throw Error("'" + path + "' is not a git repository (no .git of its own there)");
  auto common = git::run(path, {"rev-parse", "--git-common-dir"}, env);
  std::string name = repo_name(path, common.exit_code == 0 ? text::trim(common.output) : "");
  std::string from = dates::format_day(since - date::days{1}) + " 00:00:00";
  auto r = git::run(path,
                    {"-c", "log.showSignature=false", "-c", "core.quotePath=true", "log", "--branches", "--no-color",
                     "--no-ext-diff", "--no-textconv", "--encoding=UTF-8", "--date=format-local:%Y-%m-%d", "--numstat",
                     std::string("--format=") + log_format, "--since=" + from},
                    env);
  if (r.exit_code != 0) {
    std::string says = git::says(r.output);
    throw Error("git log in '" + path + "' failed (exit " + std::to_string(r.exit_code) + ")" +
                (says.empty() ? "" : ":\n" + says));
  }
  return parse_log(r.output, name);
}

}  // namespace upward::git_log
