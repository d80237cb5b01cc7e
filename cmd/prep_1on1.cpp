// STUB: helper "cmd" implements `upward prep-1on1`.
#include "commands.hpp"

namespace upward::cmd {

Subcommand add_prep_1on1(CLI::App& app, Context&) {
  auto* sub = app.add_subcommand("prep-1on1", "The agenda of your next 1:1 (not implemented yet)");
  return {sub, [] { return exit_error; }};
}

}  // namespace upward::cmd
