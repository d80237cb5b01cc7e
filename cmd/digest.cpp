// STUB: helper "cmd" implements `upward digest`.
#include "commands.hpp"

namespace upward::cmd {

Subcommand add_digest(CLI::App& app, Context&) {
  auto* sub = app.add_subcommand("digest", "The weekly update and the review packet (not implemented yet)");
  return {sub, [] { return exit_error; }};
}

}  // namespace upward::cmd
