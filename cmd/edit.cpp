// Stub: replaced by the issue 10 work.
#include "commands.hpp"
#include "upward/base/error.hpp"

namespace upward::cmd {

Subcommand add_edit(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("edit", "Edit a record in $EDITOR, checked before it lands");
  return {sub, [&ctx] { (void)ctx; throw Error("'edit' is not built yet"); return exit_ok; }};
}

}  // namespace upward::cmd
