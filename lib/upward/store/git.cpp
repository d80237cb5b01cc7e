#include "upward/store/git.hpp"

#include <sys/stat.h>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <filesystem>
#include <thread>
#include <optional>
#include <random>
#include <set>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/store/fsio.hpp"

namespace upward::git {

namespace {

/// `dir`'s real path (symlinks resolved), or "" when it does not exist.
std::string real_path(const std::string& dir) {
  char buf[PATH_MAX];
  if (!::realpath(dir.c_str(), buf)) return "";
  return buf;
}

std::string parent_of(const std::string& real) {
  auto slash = real.find_last_of('/');
  return slash == 0 || slash == std::string::npos ? "/" : real.substr(0, slash);
}

/// The environment every git command runs with: nothing from the caller's environment can
/// point git at another repository, and git never looks for one above `dir`
/// (GIT_CEILING_DIRECTORIES is dir's parent): a broken `dir/.git` never finds an enclosing
/// repository such as a dotfiles repository in $HOME. Pathspecs are literal (no globs).
process::Env confined(const std::string& dir, const process::Env& env) {
  auto out = process::without(env, {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                                    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES",
                                    "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_COMMON_DIR", "GIT_LITERAL_PATHSPECS",
                                    "GIT_GLOB_PATHSPECS", "GIT_NOGLOB_PATHSPECS", "GIT_ICASE_PATHSPECS"});
  std::string real = real_path(dir);
  out.push_back("GIT_CEILING_DIRECTORIES=" + parent_of(real.empty() ? dir : real));
  out.push_back("GIT_LITERAL_PATHSPECS=1");
  return out;
}

process::Result git(const std::string& dir, std::vector<std::string> args, const process::Env& env,
                    const std::optional<std::string>& input = std::nullopt, const std::string& index_file = "") {
  args.insert(args.begin(), {"git", "-C", dir});
  auto child_env = confined(dir, env);
  if (!index_file.empty()) child_env.push_back("GIT_INDEX_FILE=" + index_file);
  return process::run(args, child_env, input, true);
}

/// git's own message, whole: its lines kept (trailing blanks dropped), at most 40 of them.
std::string git_says(const std::string& output) {
  auto ls = text::lines(output);
  while (!ls.empty() && text::trim(ls.back()).empty()) ls.pop_back();
  std::string out;
  size_t shown = 0;
  for (; shown < ls.size() && shown < 40; ++shown) {
    std::string l = ls[shown];
    while (!l.empty() && (l.back() == ' ' || l.back() == '\r' || l.back() == '\t')) l.pop_back();
    out += (shown ? "\n" : "") + l;
  }
  if (shown < ls.size()) out += "\n... (" + std::to_string(ls.size() - shown) + " more lines)";
  return out;
}

Error failed(const std::string& what, const process::Result& r) {
  std::string says = git_says(r.output);
  return Error(what + " failed (exit " + std::to_string(r.exit_code) + ")" + (says.empty() ? "" : ":\n" + says));
}

struct Location {
  std::string top, git_dir;
};

/// Where git finds the repository from dir (confined to dir): its top level and git folder,
/// or nothing when there is no valid repository there or no git.
std::optional<Location> locate(const std::string& dir, const process::Env& env) {
  try {
    auto r = git(dir, {"rev-parse", "--show-toplevel", "--absolute-git-dir"}, env);
    auto ls = text::lines(r.output);
    if (r.exit_code != 0 || ls.size() != 2) return std::nullopt;
    return Location{ls[0], ls[1]};
  } catch (const Error&) {
    return std::nullopt;  // no git: no repository
  }
}

/// Like is_repo, and where its git folder is.
std::optional<Location> own_repo(const std::string& dir, const process::Env& env) {
  // `.git` itself must be a folder: a link or a `gitdir:` file would send commits to a git
  // folder elsewhere (another repository's) while the top level still looks like DIR
  struct stat st;
  if (::lstat((dir + "/.git").c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return std::nullopt;
  std::string real = real_path(dir);
  if (real.empty()) return std::nullopt;
  auto loc = locate(dir, env);
  if (!loc || real_path(loc->top) != real || real_path(loc->git_dir) != real + "/.git") return std::nullopt;
  return loc;
}

/// A folder inside the repository's git folder, removed with all it holds when this goes
/// out of scope: where the temporary index of a commit lives.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& git_dir) : path_(git_dir + "/upward-commit-XXXXXX") {
    // the folders of commits a killed upward left (under the repository lock, none is in use)
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(git_dir, ec))
      if (e.path().filename().string().rfind("upward-commit-", 0) == 0) std::filesystem::remove_all(e.path(), ec);
    if (!::mkdtemp(path_.data())) throw sys_error("cannot create a folder in", git_dir, errno);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

bool ends_with(const std::string& s, const std::string& e) {
  return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
}

/// Split git's `-z` output on NULs.
std::vector<std::string> nul_split(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\0') continue;
    out.push_back(s.substr(start, i - start));
    start = i + 1;
  }
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

}  // namespace

namespace {
/// "a link" or "a file" when DIR/.git is not a real folder (it points at a git folder
/// elsewhere, another repository's), else "".
std::string foreign_git(const std::string& dir) {
  struct stat st;
  if (::lstat((dir + "/.git").c_str(), &st) != 0 || S_ISDIR(st.st_mode)) return "";
  return S_ISLNK(st.st_mode) ? "a link" : "a file";
}
}  // namespace

bool is_repo(const std::string& dir, const process::Env& env) { return own_repo(dir, env).has_value(); }

bool is_work_tree_top(const std::string& dir, const process::Env& env) {
  std::string real = real_path(dir);
  if (real.empty()) return false;
  auto loc = locate(dir, env);
  return loc && real_path(loc->top) == real;
}

process::Result run(const std::string& dir, const std::vector<std::string>& args, const process::Env& env) {
  return git(dir, args, env);
}

std::string says(const std::string& output) { return git_says(output); }

std::string head(const std::string& dir, const process::Env& env) {
  if (!is_repo(dir, env)) return "";
  auto r = git(dir, {"rev-parse", "--verify", "-q", "HEAD"}, env);
  return r.exit_code == 0 ? text::trim(r.output) : "";
}

bool is_broken(const std::string& dir, const process::Env& env) {
  return fsio::exists(dir + "/.git") && foreign_git(dir).empty() && available(env) && !is_repo(dir, env);
}

std::string busy(const std::string& dir) {
  std::string git_dir = dir + "/.git";
  for (auto [file, what] : {std::pair{"rebase-merge", "a rebase"}, {"rebase-apply", "a rebase"}, {"MERGE_HEAD", "a merge"},
                            {"CHERRY_PICK_HEAD", "a cherry-pick"}, {"REVERT_HEAD", "a revert"}})
    if (fsio::exists(git_dir + "/" + file))
      return std::string(what) + " is in progress in '" + dir + "' (finish it, then 'upward sync' commits this)";
  std::string head;
  try {
    head = fsio::read_file(git_dir + "/HEAD");
  } catch (const Error&) {
    return "";  // not a repository upward commits in: git::commit says why
  }
  if (head.rfind("ref: ", 0) != 0)
    return "HEAD is detached in '" + dir + "' (a commit would be on no branch: switch to your branch, then "
           "'upward sync' commits this)";
  return "";
}

bool available(const process::Env& env) {
  try {
    return process::run({"git", "--version"}, process::without(env, {"GIT_DIR"}), std::nullopt, true).exit_code == 0;
  } catch (const Error&) {
    return false;
  }
}

void init(const std::string& dir, const process::Env& env) {
  // never `git init` through a `.git` link or `gitdir:` file: it would rewrite the other
  // repository's config (its work tree would become DIR)
  if (auto kind = foreign_git(dir); !kind.empty())
    throw Error("'" + dir + "/.git' is " + kind + " to a git folder elsewhere, not this folder's own repository; "
                "upward neither uses nor repairs it: move it away, then run 'upward init " + dir + "'");
  // `git init` completes a `.git` an interrupted init left (it keeps whatever is there). A git
  // killed with that upward may have left its config.lock: a git that outlived upward lets go of
  // it at once; one killed with it never does. Under the repository lock, while upward creates
  // the repository, no other git of the user's works there: after a grace period the lock is stale.
  auto r = git(dir, {"init", "-q"}, env);
  const std::string config_lock = dir + "/.git/config.lock";
  // A git init that outlived upward may still be copying its templates: the next init then
  // finds a hook it is about to copy already there ("File exists"), and succeeds once that git is done.
  // (the failure is judged by git's words: that git may let go of the lock before it is looked at)
  auto racing = [](const process::Result& r) {
    return r.exit_code != 0 && (r.output.find("could not lock config file") != std::string::npos ||
                                r.output.find("File exists") != std::string::npos);
  };
  for (int wait = 0; racing(r) && wait < 20; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (wait == 19) ::unlink(config_lock.c_str());
    r = git(dir, {"init", "-q"}, env);
  }
  if (r.exit_code != 0) throw failed("git init in '" + dir + "'", r);
  if (!is_repo(dir, env))
    throw Error("'" + dir + "/.git' is not a valid git repository, and 'git init' could not complete it; "
                "move it away and run 'upward init' again");
}

std::string config_get(const std::string& dir, const std::string& key, const process::Env& env) {
  auto r = git(dir, {"config", "--get", key}, env);
  return r.exit_code == 0 ? text::trim(r.output) : "";
}

void commit(const std::string& dir, const std::vector<std::string>& paths, const std::string& message,
            const process::Env& env, const Identity& fallback) {
  if (message.find('\0') != std::string::npos)
    throw Error("the commit message holds a NUL byte, which git refuses; nothing was committed");
  auto repo = own_repo(dir, env);
  if (!repo) {
    if (auto kind = foreign_git(dir); !kind.empty())
      throw Error("'" + dir + "/.git' is " + kind + " to a git folder elsewhere, not this folder's own repository; "
                  "nothing was committed (upward commits only in the folder's own repository); move it away, then "
                  "run 'upward init " + dir + "'");
    if (fsio::exists(dir + "/.git"))
      throw Error("'" + dir + "/.git' is not a valid git repository; nothing was committed (upward never commits "
                  "into an enclosing repository); run 'upward init " + dir + "' or 'git init " + dir +
                  "' to complete it, or move it away");
    throw Error("'" + dir + "' is not a git repository; nothing was committed; run 'git init " + dir + "'");
  }
  if (paths.empty()) return;

  // Who the commit is by when git knows no one: `[me]` from upward.toml, and only then (git's
  // own identity, its GIT_AUTHOR_*/GIT_COMMITTER_* variables, always win over `-c user.*`).
  std::vector<std::string> identity;
  if (!fallback.name.empty() || !fallback.email.empty()) {
    auto r = git(dir, {"config", "--get-regexp", "^user\\.(name|email)$"}, env);
    bool has_name = false, has_email = false;
    for (const auto& l : text::lines(r.output)) {
      has_name |= l.rfind("user.name ", 0) == 0 && !text::trim(l.substr(10)).empty();
      has_email |= l.rfind("user.email ", 0) == 0 && !text::trim(l.substr(11)).empty();
    }
    if (!has_name && !fallback.name.empty()) identity.insert(identity.end(), {"-c", "user.name=" + fallback.name});
    if (!has_email && !fallback.email.empty()) identity.insert(identity.end(), {"-c", "user.email=" + fallback.email});
  }

  // The paths reach git on stdin, never one argument each, and never as pathspecs (30,000 of
  // them make `git commit --only` quadratic). First the index gets the files' new content (or
  // loses the removed ones); then a temporary index, HEAD's tree plus exactly these entries, is
  // committed by a plain `git commit` (its hooks run): what `git commit --only PATHS` does,
  // leaving whatever else is staged staged and out of this commit.
  std::string list;
  for (const auto& p : paths) list += p + '\0';
  auto r = git(dir, {"update-index", "--add", "--remove", "-z", "--stdin"}, env, list);
  if (r.exit_code != 0) throw failed("git update-index", r);

  std::set<std::string> wanted(paths.begin(), paths.end());
  r = git(dir, {"ls-files", "--stage", "-z"}, env);
  if (r.exit_code != 0) throw failed("git ls-files", r);
  std::string entries, removed;  // "mode oid stage\tpath" of each path still in the index
  std::set<std::string> present;
  for (const auto& e : nul_split(r.output)) {
    auto tab = e.find('\t');
    if (tab == std::string::npos || !wanted.count(e.substr(tab + 1))) continue;
    entries += e + '\0';
    present.insert(e.substr(tab + 1));
  }
  for (const auto& p : wanted)
    if (!present.count(p)) removed += p + '\0';

  ScratchDir scratch(repo->git_dir);
  std::string index = scratch.path() + "/index";
  bool has_head = git(dir, {"rev-parse", "-q", "--verify", "HEAD^{commit}"}, env).exit_code == 0;
  r = git(dir, {"read-tree", has_head ? "HEAD" : "--empty"}, env, std::nullopt, index);
  if (r.exit_code != 0) throw failed("git read-tree", r);
  if (!entries.empty()) {
    r = git(dir, {"update-index", "-z", "--index-info"}, env, entries, index);
    if (r.exit_code != 0) throw failed("git update-index", r);
  }
  if (!removed.empty()) {
    r = git(dir, {"update-index", "--force-remove", "-z", "--stdin"}, env, removed, index);
    if (r.exit_code != 0) throw failed("git update-index", r);
  }
  std::vector<std::string> args = identity;
  args.insert(args.end(), {"commit", "-q", "--no-edit", "-F", "-"});
  r = git(dir, args, env, message, index);
  if (r.exit_code != 0) throw failed("git commit", r);
}

std::vector<std::string> modified(const std::string& dir, const std::vector<std::string>& paths,
                                  const process::Env& env) {
  if (paths.empty() || !is_repo(dir, env)) return {};
  // The whole tree against HEAD (git's stat cache makes it quick), then only the asked paths:
  // never one argument per path. No HEAD yet (no commit): nothing was committed to differ from.
  auto r = git(dir, {"diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "HEAD", "--"}, env);
  if (r.exit_code != 0) return {};
  auto list = nul_split(r.output);
  std::set<std::string> changed(list.begin(), list.end());
  // and the files git never had (a record made by hand): committed first, git keeps a copy
  auto others = git(dir, {"ls-files", "-z", "--others", "--exclude-standard"}, env);
  if (others.exit_code == 0)
    for (auto& p : nul_split(others.output)) changed.insert(std::move(p));
  std::vector<std::string> out;
  for (const auto& p : paths)
    if (changed.count(p)) out.push_back(p);
  return out;
}

std::vector<std::string> uncommitted(const std::string& dir, const process::Env& env) {
  if (!is_repo(dir, env)) return {};
  auto r = git(dir, {"status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"}, env);
  if (r.exit_code != 0) return {};
  std::vector<std::string> out;
  for (const auto& entry : nul_split(r.output)) {
    if (entry.size() < 4) continue;
    std::string path = entry.substr(3);  // "XY path"
    if (ends_with(path, ".toml")) out.push_back(path);
  }
  return out;
}

bool is_machine_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 12) return false;
  for (char c : tag)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

std::string machine_tag(const std::string& dir, const process::Env& env, bool* made) {
  if (made) *made = false;
  struct stat st;
  if (::lstat((dir + "/.git").c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return "";  // no git run at all
  // --git-dir: DIR's own git folder or nothing (never an enclosing repository); --local: only its config
  std::vector<std::string> base{"git", "--git-dir=" + dir + "/.git", "config", "--local"};
  process::Result r;
  try {
    auto args = base;
    args.insert(args.end(), {"--get-regexp", "^(remote\\..*\\.url|upward\\.machine)$"});
    r = process::run(args, confined(dir, env), std::nullopt, true);
  } catch (const Error&) {
    return "";  // no git: no remote either
  }
  if (r.exit_code != 0) return "";  // 1: none of the keys; 128: not a valid repository
  bool remote = false;
  std::optional<std::string> tag;
  for (const auto& line : text::lines(r.output)) {
    auto space = line.find(' ');
    std::string key = line.substr(0, space), value = space == std::string::npos ? "" : line.substr(space + 1);
    if (key == "upward.machine") tag = text::trim(value);  // the last one wins, as in git
    else if (key.rfind("remote.", 0) == 0) remote = true;
  }
  if (!remote) return "";
  const std::string remedy = "set one of 1 to 12 letters a-z and digits: git -C " + dir + " config upward.machine laptop";
  if (tag && !is_machine_tag(*tag))
    throw Error("upward.machine '" + *tag + "' in '" + dir + "/.git/config' is not a machine tag; " + remedy);
  if (tag) return *tag;
  static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device rd;
  std::uniform_int_distribution<int> pick(0, 35);
  std::string fresh;
  for (int i = 0; i < 4; ++i) fresh += alphabet[pick(rd)];
  auto args = base;
  args.insert(args.end(), {"upward.machine", fresh});
  auto w = process::run(args, confined(dir, env), std::nullopt, true);
  if (w.exit_code != 0)
    throw Error(std::string(failed("cannot store this clone's machine tag: git config upward.machine", w).what()) +
                "\n" + remedy);
  if (made) *made = true;
  return fresh;
}

Error failure(const std::string& what, const process::Result& r) { return failed(what, r); }

std::string one_line(const std::string& text, std::size_t max) {
  std::string flat;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r' || c == '\t') flat += ' ';
    else if (u >= 0x20 && u != 0x7F) flat += c;  // other control bytes (NUL, ESC, ...) are dropped
  }
  flat = text::trim(flat);
  if (flat.size() <= max) return flat;
  size_t cut = max > 3 ? max - 3 : 0;
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return flat.substr(0, cut) + "...";
}

}  // namespace upward::git
