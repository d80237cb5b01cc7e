#pragma once
// The command table: one line per subcommand, like git's builtin.h.
#include <CLI/CLI.hpp>

#include <functional>
#include <string_view>
#include <vector>

#include "context.hpp"

namespace upward::cmd {

/// A subcommand's CLI11 node and what runs when it was the one parsed.
struct Subcommand {
  CLI::App* app;
  std::function<int()> run;
};

Subcommand add_init(CLI::App& app, Context& ctx);
Subcommand add_log_win(CLI::App& app, Context& ctx);
Subcommand add_check(CLI::App& app, Context& ctx);
Subcommand add_people(CLI::App& app, Context& ctx);
Subcommand add_goals(CLI::App& app, Context& ctx);
Subcommand add_prep_1on1(CLI::App& app, Context& ctx);
Subcommand add_outcome(CLI::App& app, Context& ctx);
Subcommand add_digest(CLI::App& app, Context& ctx);
Subcommand add_wins(CLI::App& app, Context& ctx);
Subcommand add_edit(CLI::App& app, Context& ctx);
Subcommand add_set(CLI::App& app, Context& ctx);
Subcommand add_rm(CLI::App& app, Context& ctx);
Subcommand add_nudge(CLI::App& app, Context& ctx);
Subcommand add_harvest(CLI::App& app, Context& ctx);
Subcommand add_sync(CLI::App& app, Context& ctx);
Subcommand add_complete(CLI::App& app, Context& ctx);

/// What a write says on stderr, and its exit code: 1 when the files are saved but git failed.
int report_write(const WriteResult& r, const std::string& done, Context& ctx);

/// The commands in the order `upward --help` lists them.
struct Command {
  std::string_view name;
  Subcommand (*add)(CLI::App&, Context&);
};
inline constexpr Command commands[] = {
    {"init", add_init},       {"log-win", add_log_win}, {"digest", add_digest}, {"prep-1on1", add_prep_1on1},
    {"outcome", add_outcome}, {"goals", add_goals},     {"people", add_people}, {"wins", add_wins},
    {"edit", add_edit},       {"set", add_set},         {"rm", add_rm},         {"check", add_check},
    {"nudge", add_nudge},     {"harvest", add_harvest}, {"sync", add_sync},     {"__complete", add_complete}};

/// The command ONLY names, or every command when it names none (help, usage errors, the option
/// lists): building every command's options is a fifth of a small command's time.
inline std::vector<Subcommand> add_commands(CLI::App& app, Context& ctx, std::string_view only = {}) {
  std::vector<Subcommand> out;
  for (const auto& c : commands)
    if (only.empty() || c.name == only) out.push_back(c.add(app, ctx));
  return out;
}

}  // namespace upward::cmd
