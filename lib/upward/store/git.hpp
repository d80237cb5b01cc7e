#pragma once
#include <string>
#include <vector>

#include "upward/store/process.hpp"

namespace upward::git {

/// True when `dir` is the top of its own git repository (`dir/.git` exists).
bool is_repo(const std::string& dir);

/// True when a `git` program can be run.
bool available(const process::Env& env);

/// `git init` in dir; Error with git's output when it fails.
void init(const std::string& dir, const process::Env& env);

/// `git config --get KEY` in dir, or "" when unset.
std::string config_get(const std::string& dir, const std::string& key, const process::Env& env);

/// `git add` then `git commit --only` of exactly `paths` (relative to dir), with `message`
/// passed on stdin (never on the command line). Error with git's output when either fails.
void commit(const std::string& dir, const std::vector<std::string>& paths, const std::string& message,
            const process::Env& env);

/// `text` on one line (newlines and tabs become spaces), cut to at most `max` bytes with "..."
/// and never inside a UTF-8 character: for commit subjects like `log-win: Cut checkout p99`.
std::string one_line(const std::string& text, std::size_t max);

}  // namespace upward::git
