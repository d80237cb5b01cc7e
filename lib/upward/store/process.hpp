#pragma once
#include <optional>
#include <string>
#include <vector>

namespace upward::process {

/// The environment handed to child processes: `NAME=value` strings, copied once in main.
using Env = std::vector<std::string>;

struct Result {
  int exit_code = -1;   ///< the child's exit status, or 128+signal
  std::string output;   ///< stdout and stderr together (empty when not captured)
};

/// Run `argv` with posix_spawnp (never through a shell unless argv says so), wait for it.
/// With `input`, it is the child's stdin; with `capture`, its stdout and stderr are returned.
/// Without either, the child shares the terminal (for $EDITOR). Throws Error when it cannot start,
/// or when its input cannot be written (but not when the child stopped reading it).
Result run(const std::vector<std::string>& argv, const Env& env, const std::optional<std::string>& input,
           bool capture);

/// The value of NAME in env, or nullopt.
std::optional<std::string> getenv(const Env& env, const std::string& name);

/// env without the given variables.
Env without(const Env& env, const std::vector<std::string>& names);

}  // namespace upward::process

namespace upward::process {

/// How git runs an editor: the value alone when it is a plain command name or path, else
/// `sh -c 'EDITOR "$@"' EDITOR FILE`, so the file name is an argument and never parsed.
std::vector<std::string> editor_argv(const std::string& editor, const std::string& file);

/// Open `file` in $VISUAL, else $EDITOR, else vi; wait; Error when it fails.
void run_editor(const std::string& file, const Env& env);

}  // namespace upward::process
