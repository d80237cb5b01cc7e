#pragma once
// The command table: one line per subcommand, like git's builtin.h.
#include <CLI/CLI.hpp>

#include <functional>
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

inline std::vector<Subcommand> add_commands(CLI::App& app, Context& ctx) {
  return {add_init(app, ctx),    add_log_win(app, ctx), add_digest(app, ctx), add_prep_1on1(app, ctx),
          add_outcome(app, ctx), add_goals(app, ctx),   add_people(app, ctx), add_wins(app, ctx),
          add_edit(app, ctx),    add_set(app, ctx),     add_rm(app, ctx),     add_check(app, ctx),
          add_nudge(app, ctx),   add_harvest(app, ctx), add_sync(app, ctx),    add_complete(app, ctx)};
}

}  // namespace upward::cmd
