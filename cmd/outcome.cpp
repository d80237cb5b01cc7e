// STUB: helper "cmd" implements `upward outcome`.
#include "commands.hpp"

namespace upward::cmd {

Subcommand add_outcome(CLI::App& app, Context&) {
  auto* sub = app.add_subcommand("outcome", "Record what came of a win (not implemented yet)");
  return {sub, [] { return exit_error; }};
}

}  // namespace upward::cmd
