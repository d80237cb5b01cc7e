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

inline std::vector<Subcommand> add_commands(CLI::App& app, Context& ctx) {
  return {add_init(app, ctx), add_log_win(app, ctx), add_check(app, ctx)};
}

}  // namespace upward::cmd
