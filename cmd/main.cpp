// upward: build the Context, build the app, parse, dispatch, map errors to exit codes.
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <system_error>

#include <fmt/format.h>

#include "commands.hpp"
#include "options.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

extern char** environ;

namespace upward::cmd {

std::string for_stderr(const std::string& s) { return ::isatty(2) ? text::for_terminal(s) : s; }

void Context::note(const std::string& message) const {
  if (!quiet) fmt::print(err, "upward: {}\n", for_stderr(message));
}

int report_write(const WriteResult& r, const std::string& done, Context& ctx) {
  if (r.created_repo) ctx.note("created an upward repository in " + ctx.dir);
  for (const auto& n : r.notes) ctx.note(n);
  if (!r.noop && !done.empty()) ctx.note(done);
  if (r.noop && r.notes.empty()) ctx.note("nothing to change; nothing was written");
  if (auto later = r.later_error()) {
    fmt::print(ctx.err, "upward: the change is saved, but {}\n", for_stderr(*later));
    if (r.ids.size() == 1) fmt::print(ctx.err, "upward: it is saved as '{}'; do not make it again\n", r.ids.front());
    if (r.ids.size() > 1)
      fmt::print(ctx.err, "upward: they are saved as '{}' and {} more; do not make them again\n", r.ids.front(),
                 r.ids.size() - 1);
    return exit_error;
  }
  return exit_ok;
}

namespace {

struct GlobalOptions {
  std::string dir, today, color = "auto";
  bool quiet = false;
  bool dir_given = false;  ///< --dir on the line, or a non-empty UPWARD_DIR
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
  // `--dir "$UNSET"` must not fall back to the default repository (an empty UPWARD_DIR is unset)
  if (g.dir_given && g.dir.empty()) throw UsageError("--dir: the repository folder is empty");
  ctx.dir = g.dir.empty() ? default_dir(ctx.env) : g.dir;
  while (ctx.dir.size() > 1 && ctx.dir.back() == '/') ctx.dir.pop_back();
  // a command we suggest ("upward prep-1on1 done ID") reaches this repository without --dir
  // only when it is the default or UPWARD_DIR names it
  // (absolute: pasted elsewhere, or run by cron from $HOME, it still names this repository)
  if (!g.dir.empty() && process::getenv(ctx.env, "UPWARD_DIR").value_or("") != g.dir) {
    std::error_code ec;
    auto absolute = std::filesystem::absolute(ctx.dir, ec);
    ctx.dir_words = "--dir " + text::shell_word(ec ? ctx.dir : absolute.lexically_normal().string()) + " ";
  }
  ctx.today = local_today();
  ctx.now = std::time(nullptr);
  if (!g.today.empty()) {
    try {
      ctx.today = dates::parse_day(g.today, ctx.today);
    } catch (const UsageError& e) {
      throw UsageError(std::string("--today: ") + e.what());
    }
    // a pinned day pins the instant too (noon, local time): a digest's Date and Message-ID repeat
    date::year_month_day ymd{ctx.today};
    std::tm noon{};
    noon.tm_year = static_cast<int>(ymd.year()) - 1900;
    noon.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
    noon.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
    noon.tm_hour = 12;
    noon.tm_isdst = -1;
    ctx.now = std::mktime(&noon);
  }
  std::tm local{};
  localtime_r(&ctx.now, &local);
  ctx.utc_offset_minutes = static_cast<int>(local.tm_gmtoff / 60);
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
  ctx.out_tty = ::isatty(1);
  // COLUMNS when set (even into a pipe: `COLUMNS=80 upward goals | less`), else the terminal's width
  if (auto cols = process::getenv(ctx.env, "COLUMNS"); cols && !cols->empty() && cols->size() < 6 &&
                                                       cols->find_first_not_of("0123456789") == std::string::npos)
    ctx.width = std::stoul(*cols);
  struct winsize ws{};
  if (!ctx.width && ctx.out_tty && ::ioctl(1, TIOCGWINSZ, &ws) == 0) ctx.width = ws.ws_col;
  ctx.utf8 = ::isatty(1) && (locale.find("utf-8") != std::string::npos || locale.find("utf8") != std::string::npos);
}

std::string command_names(const CLI::App& app) {
  std::string names;
  for (const auto* sub : app.get_subcommands({}))
    if (!sub->get_group().empty()) names += (names.empty() ? "" : ", ") + sub->get_name();
  return names;
}

/// The deepest subcommand that was parsed ("upward goals add" -> goals add).
const CLI::App* deepest(const CLI::App* app, std::string& path) {
  for (const auto* sub : app->get_subcommands()) {
    path += " " + sub->get_name();
    return deepest(sub, path);
  }
  return app;
}

/// Parse the command line. CLI11 hands the words after `--` to the parent app once the
/// command's TEXT... has a word (`log-win abc -- -3% rate` fails there), so in that case the
/// line is parsed without them and they are added to the command's positional words.
void parse_command_line(CLI::App& app, int argc, char** given) {
  std::vector<std::string> words(given, given + argc);  // "[WIP]" guarded: see guard_brackets
  for (auto& w : words) w = guard_brackets(std::move(w));
  std::vector<char*> pointers;
  for (auto& w : words) pointers.push_back(w.data());
  char** argv = pointers.data();
  try {
    app.parse(argc, argv);
    return;
  } catch (const CLI::ExtrasError&) {
    auto dash = std::find_if(argv + 1, argv + argc, [](const char* a) { return std::string_view(a) == "--"; });
    if (dash == argv + argc || dash + 1 == argv + argc) throw;
    std::vector<char*> before(argv, dash);
    app.clear();
    app.parse(static_cast<int>(before.size()), before.data());
    std::string path;
    auto* at = const_cast<CLI::App*>(deepest(&app, path));
    auto positionals = at->get_options([](const CLI::Option* o) { return o->get_positional(); });
    if (positionals.empty() || positionals.back()->get_items_expected_max() < 2)
      throw CLI::ValidationError("unexpected argument '" + std::string(dash[1]) + "'");
    for (char** w = dash + 1; w != argv + argc; ++w) positionals.back()->add_result(*w);
    positionals.back()->run_callback();
  }
}

/// CLI11's messages in upward's voice: `upward: ...`, and an unknown command named as such,
/// with the valid ones.
std::string usage_message(const CLI::App* app, const CLI::Error& e) {
  std::string what = e.what();
  std::string path = "upward";
  const CLI::App* at = deepest(app, path);
  auto rest = at->remaining();
  if (rest.empty()) rest = app->remaining(true);  // fallthrough hands a subcommand's extras to its parent
  bool has_positionals = !at->get_options([](const CLI::Option* o) { return !o->nonpositional(); }).empty();
  auto option = std::find_if(rest.begin(), rest.end(), [](const std::string& w) { return w.size() > 1 && w[0] == '-'; });
  if (!rest.empty() && !rest.front().empty() && rest.front()[0] != '-' && !has_positionals &&
      !command_names(*at).empty())
    what = "unknown command '" + rest.front() + "' (expected " + command_names(*at) + ")";
  else if (what == "A subcommand is required" && option != rest.end())  // `upward -x`
    what = "unknown option '" + *option + "'";
  else if (what == "A subcommand is required")
    what = "a command is required (expected " + command_names(*at) + ")";
  else if (dynamic_cast<const CLI::ExtrasError*>(&e) && option != rest.end())
    what = "unknown option '" + *option + "'";
  else if (dynamic_cast<const CLI::ExtrasError*>(&e) && !rest.empty())
    what = "unexpected argument '" + rest.front() + "'";
  return for_stderr("upward: " + what + "\nRun '" + path + " --help' for more information.\n");  // words as typed, escaped on a terminal
}

/// `upward help [COMMAND...]`: the same text as `upward [COMMAND...] --help`.
int print_help(const CLI::App& app, const std::vector<std::string>& words) {
  const CLI::App* at = &app;
  std::string path = "upward";
  for (const auto& w : words) {
    const CLI::App* next = nullptr;
    for (const auto* sub : at->get_subcommands({}))
      if (sub->get_name() == w && !sub->get_group().empty()) next = sub;
    if (!next) {
      fmt::print(stderr, "upward: unknown command '{}' (expected {})\n", for_stderr(w), command_names(*at));
      return exit_usage;
    }
    at = next;
    path += " " + w;
  }
  // the formatter, not at->help(): App::help delegates to the parsed subcommand, which is `help` itself
  fmt::print("{}", at->get_formatter()->make_help(at, path, CLI::AppFormatMode::Normal));
  return exit_ok;
}

/// The command the line names, when it can be told before parsing: the first word that is not
/// a global option or its value, when it is a command's name and no help flag comes before it.
/// Empty otherwise, and then every command is built (for help and usage messages).
std::string_view named_command(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view w = argv[i];
    if (w == "--" || w == "-h" || w == "--help") return {};
    if (w.size() > 1 && w[0] == '-') {
      const CLI::Option* o = w.find('=') == std::string_view::npos ? app.get_option_no_throw(std::string(w)) : nullptr;
      if (o && o->get_type_size() > 0) ++i;  // its value
      continue;
    }
    for (const auto& c : commands)
      if (c.name == w) return c.name;
    return {};
  }
  return {};
}

/// A failed write to stdout (a closed pipe, a full disk) is an error, said once, with its cause
/// when it is known (a stream that failed earlier has nothing left to flush, and no errno).
int finish(int rc, const Context* ctx = nullptr) {
  errno = 0;
  bool flushed = std::fflush(stdout) == 0;
  int cause = flushed ? 0 : errno;
  if (!flushed || std::ferror(stdout)) {
    if (!ctx || !ctx->stdout_failure_said)
      fmt::print(stderr, "upward: cannot write to stdout{}\n", cause ? std::string(": ") + std::strerror(cause) : "");
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
  add_one(&app, "--dir", g.dir, "The repository (default: $XDG_DATA_HOME/upward)")->envname("UPWARD_DIR");
  add_one(&app, "--today", g.today, "Pin today's date (tests, reproducible cron runs)")->envname("UPWARD_TODAY");
  add_one(&app, "--color", g.color, "Colour: auto, always or never (NO_COLOR is honoured)")
      ->check(one_of({"auto", "always", "never"}));
  add_switch(&app, "-q,--quiet", g.quiet, "No notes on stderr; the payload (ids, reports) still goes to stdout");
  app.set_version_flag("-V,--version", UPWARD_VERSION);
  app.require_subcommand(1);
  app.failure_message(usage_message);
  app.fallthrough();

  std::vector<std::string> help_words;
  auto* help = app.add_subcommand("help", "Show the help of upward or of a command (upward help goals add)");
  add_positional(help, "command", help_words, "The command, e.g. goals add");
  auto* list_options = app.add_subcommand("__options", "")->group("");  // hidden: for the tests

  Context ctx;
  auto built = add_commands(app, ctx, named_command(app, argc, argv));
  try {
    parse_command_line(app, argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return finish(rc == 0 ? exit_ok : exit_usage);
  }
  if (help->parsed()) return finish(print_help(app, help_words));
  if (list_options->parsed()) {
    fmt::print("{}", describe_options(app));
    return finish(exit_ok);
  }
  try {
    g.dir_given = app.get_option("--dir")->count() > 0;
    build_context(g, ctx);
    for (auto& c : built)
      if (c.app->parsed()) return finish(c.run(), &ctx);
    return finish(exit_usage);
  } catch (const UsageError& e) {
    fmt::print(stderr, "upward: {}\n", for_stderr(e.what()));
    return finish(exit_usage);
  } catch (const Error& e) {
    fmt::print(stderr, "upward: {}\n", for_stderr(e.located()));
    return finish(exit_error);
  } catch (const std::exception& e) {
    if (std::ferror(stdout)) {  // fmt's write to stdout failed: the cause is in the exception
      auto* system = dynamic_cast<const std::system_error*>(&e);
      fmt::print(stderr, "upward: cannot write to stdout: {}\n",
                 system ? std::strerror(system->code().value()) : for_stderr(e.what()));
      ctx.stdout_failure_said = true;
      return finish(exit_error, &ctx);
    }
    fmt::print(stderr, "upward: internal error: {}\n", for_stderr(e.what()));
    return finish(exit_error);
  }
}
