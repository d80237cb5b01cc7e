// upward: build the Context, build the app, parse, dispatch, map errors to exit codes.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "upward/base/error.hpp"

extern char** environ;

namespace upward::cmd {

void Context::note(const std::string& message) const {
  if (!quiet) fmt::print(err, "upward: {}\n", message);
}

int report_write(const WriteResult& r, const std::string& done, Context& ctx) {
  if (r.created_repo) ctx.note("created an upward repository in " + ctx.dir);
  for (const auto& n : r.notes) ctx.note(n);
  if (!r.noop && !done.empty()) ctx.note(done);
  if (r.noop && r.notes.empty()) ctx.note("nothing to change; nothing was written");
  if (auto later = r.later_error()) {
    fmt::print(ctx.err, "upward: the change is saved, but {}\n", *later);
    if (!r.ids.empty()) fmt::print(ctx.err, "upward: it is saved as '{}'; do not make it again\n", r.ids.front());
    return exit_error;
  }
  return exit_ok;
}

namespace {

struct GlobalOptions {
  std::string dir, today, color = "auto";
  bool quiet = false;
};

dates::Day local_today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);  // honours TZ, unlike date::current_zone()
  return date::sys_days{date::year{tm.tm_year + 1900} / (tm.tm_mon + 1) / tm.tm_mday};
}

std::string default_dir(const process::Env& env) {
  if (auto xdg = process::getenv(env, "XDG_DATA_HOME"); xdg && !xdg->empty() && (*xdg)[0] == '/')
    return *xdg + "/upward";
  auto home = process::getenv(env, "HOME");
  if (!home || home->empty()) throw Error("neither --dir, UPWARD_DIR, XDG_DATA_HOME nor HOME is set");
  return *home + "/.local/share/upward";
}

void build_context(const GlobalOptions& g, Context& ctx) {
  for (char** e = environ; *e; ++e) ctx.env.emplace_back(*e);
  ctx.dir = g.dir.empty() ? default_dir(ctx.env) : g.dir;
  while (ctx.dir.size() > 1 && ctx.dir.back() == '/') ctx.dir.pop_back();
  ctx.today = local_today();
  if (!g.today.empty()) {
    try {
      ctx.today = dates::parse_day(g.today, ctx.today);
    } catch (const UsageError& e) {
      throw UsageError(std::string("--today: ") + e.what());
    }
  }
  ctx.quiet = g.quiet;
  bool no_color = process::getenv(ctx.env, "NO_COLOR").value_or("") != "";
  bool dumb = process::getenv(ctx.env, "TERM").value_or("dumb") == "dumb";
  ctx.color = g.color == "always" || (g.color == "auto" && !no_color && !dumb && ::isatty(1));
  std::string locale;
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"})
    if (auto v = process::getenv(ctx.env, name); v && !v->empty()) {
      locale = *v;
      break;
    }
  for (char& c : locale) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ctx.utf8 = ::isatty(1) && (locale.find("utf-8") != std::string::npos || locale.find("utf8") != std::string::npos);
}

/// CLI11's messages in upward's voice: `upward: ...`, and an unknown command named as such.
std::string usage_message(const CLI::App* app, const CLI::Error& e) {
  std::string what = e.what();
  auto rest = app->remaining();
  if (what == "A subcommand is required" && !rest.empty() && rest.front()[0] != '-') {
    std::string names;
    for (const auto* sub : app->get_subcommands({})) names += (names.empty() ? "" : ", ") + sub->get_name();
    what = "unknown command '" + rest.front() + "' (expected " + names + ")";
  }
  return "upward: " + what + "\nRun 'upward --help' or 'upward COMMAND --help' for more information.\n";
}

int finish(int rc) {
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    fmt::print(stderr, "upward: cannot write to stdout: {}\n", std::strerror(errno));
    return exit_error;
  }
  return rc;
}

}  // namespace
}  // namespace upward::cmd

int main(int argc, char** argv) {
  using namespace upward;
  using namespace upward::cmd;
  ::umask(077);
  ::signal(SIGPIPE, SIG_IGN);  // a closed stdout becomes an error we report, not a silent death

  CLI::App app{"upward: capture wins, keep your goals beside your manager's, prepare every 1:1", "upward"};
  GlobalOptions g;
  app.add_option("--dir", g.dir, "The repository (default: $XDG_DATA_HOME/upward)")->envname("UPWARD_DIR");
  app.add_option("--today", g.today, "Pin today's date (tests, reproducible cron runs)")->envname("UPWARD_TODAY");
  app.add_option("--color", g.color, "Colour: auto, always or never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", g.quiet, "Print only the payload; no notes");
  app.set_version_flag("--version", UPWARD_VERSION);
  app.require_subcommand(1);
  app.failure_message(usage_message);
  app.fallthrough();

  Context ctx;
  auto commands = add_commands(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return finish(rc == 0 ? exit_ok : exit_usage);
  }
  try {
    build_context(g, ctx);
    for (auto& c : commands)
      if (c.app->parsed()) return finish(c.run());
    return finish(exit_usage);
  } catch (const UsageError& e) {
    fmt::print(stderr, "upward: {}\n", e.what());
    return finish(exit_usage);
  } catch (const Error& e) {
    fmt::print(stderr, "upward: {}\n", e.located());
    return finish(exit_error);
  } catch (const std::exception& e) {
    fmt::print(stderr, "upward: internal error: {}\n", e.what());
    return finish(exit_error);
  }
}
