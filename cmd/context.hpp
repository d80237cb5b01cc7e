#pragma once
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

#include "upward/base/dates.hpp"
#include "upward/store/process.hpp"
#include "upward/store/repo.hpp"

namespace upward::cmd {

enum : int { exit_ok = 0, exit_error = 1, exit_usage = 2 };

/// Text for stderr: record text quoted in a message is shown escaped (text::for_terminal) when
/// stderr is a terminal, kept exactly otherwise. Every message that may quote a file goes through it.
std::string for_stderr(const std::string& s);

/// Everything a command may depend on, built once in main after the command line is parsed:
/// no command reads the environment or the clock itself.
struct Context {
  std::string dir;          ///< the repository folder as the user named it
  std::string dir_words;    ///< `--dir DIR ` when a command suggested to the user needs it to reach `dir`, else ""
  dates::Day today{};       ///< --today, UPWARD_TODAY, or the local calendar day
  std::time_t now = 0;      ///< the instant (an email's Date): the clock, or noon of a pinned today
  int utc_offset_minutes = 0;  ///< the local zone's offset from UTC at `now` (TZ honoured)
  process::Env env;         ///< the environment, for git and $EDITOR
  bool quiet = false;
  bool color = false;
  bool utf8 = false;        ///< stdout is a terminal with a UTF-8 locale: block characters are fine
  bool out_tty = false;     ///< stdout is a terminal: record text is shown escaped (text::for_terminal)
  std::size_t width = 0;    ///< columns text output fits in: COLUMNS, else the terminal's; 0: no limit
  std::FILE* out = stdout;  ///< the payload
  std::FILE* err = stderr;  ///< everything else
  bool stdout_failure_said = false;  ///< a failed write to stdout was already reported (say it once)

  Repo& repo() {
    if (!repo_) {
      repo_ = std::make_unique<Repo>(dir, env);
      repo_->say_waiting_on(quiet ? nullptr : err);
    }
    return *repo_;
  }
  /// A note on stderr (`upward: ...`), unless --quiet.
  void note(const std::string& message) const;

 private:
  std::unique_ptr<Repo> repo_;
};

}  // namespace upward::cmd
