// Stub: replaced by the issue 10 work.
#include "commands.hpp"
#include "upward/base/error.hpp"

namespace upward::cmd {

Subcommand add_wins(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("wins", "List and search wins; wins show ID");
  return {sub, [&ctx] { (void)ctx; throw Error("'wins' is not built yet"); return exit_ok; }};
}

}  // namespace upward::cmd
