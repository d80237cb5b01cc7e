#include "upward/store/git.hpp"

#include "upward/base/error.hpp"
#include "upward/store/fsio.hpp"
#include "upward/base/text.hpp"

namespace upward::git {

namespace {

process::Env clean(const process::Env& env) {
  return process::without(env, {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                                "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES"});
}

process::Result git(const std::string& dir, std::vector<std::string> args, const process::Env& env,
                    const std::optional<std::string>& input = std::nullopt) {
  args.insert(args.begin(), {"git", "-C", dir});
  return process::run(args, clean(env), input, true);
}

std::string first_lines(const std::string& output) {
  auto ls = text::lines(output);
  std::string out;
  for (size_t i = 0; i < ls.size() && i < 6; ++i) out += (out.empty() ? "" : "; ") + text::trim(ls[i]);
  return out;
}

}  // namespace

// STUB (first version): the old test, kept until the rev-parse check lands.
bool is_repo(const std::string& dir, const process::Env&) { return fsio::exists(dir + "/.git"); }

bool is_broken(const std::string&, const process::Env&) { return false; }  // STUB

bool available(const process::Env& env) {
  try {
    return process::run({"git", "--version"}, clean(env), std::nullopt, true).exit_code == 0;
  } catch (const Error&) {
    return false;
  }
}

void init(const std::string& dir, const process::Env& env) {
  auto r = git(dir, {"init", "-q"}, env);
  if (r.exit_code != 0) throw Error("git init failed: " + first_lines(r.output));
}

std::string config_get(const std::string& dir, const std::string& key, const process::Env& env) {
  auto r = git(dir, {"config", "--get", key}, env);
  return r.exit_code == 0 ? text::trim(r.output) : "";
}

void commit(const std::string& dir, const std::vector<std::string>& paths, const std::string& message,
            const process::Env& env, const Identity&) {
  std::vector<std::string> add{"add", "--"};
  add.insert(add.end(), paths.begin(), paths.end());
  auto r = git(dir, add, env);
  if (r.exit_code != 0) throw Error("git add failed: " + first_lines(r.output));
  std::vector<std::string> commit{"commit", "-q", "--no-edit", "-F", "-", "--only", "--"};
  commit.insert(commit.end(), paths.begin(), paths.end());
  r = git(dir, commit, env, message);
  if (r.exit_code != 0) throw Error("git commit failed: " + first_lines(r.output));
}

std::vector<std::string> modified(const std::string&, const std::vector<std::string>&, const process::Env&) {
  return {};  // STUB
}

std::vector<std::string> uncommitted(const std::string&, const process::Env&) { return {}; }  // STUB

std::string one_line(const std::string& text, std::size_t max) {
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  flat = text::trim(flat);
  if (flat.size() <= max) return flat;
  size_t cut = max > 3 ? max - 3 : 0;
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return flat.substr(0, cut) + "...";
}

}  // namespace upward::git
