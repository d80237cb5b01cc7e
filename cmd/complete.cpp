// `upward __complete KIND [PREFIX]`: the live values the shell completions offer, one per line,
// so the scripts never go stale. Hidden; reads only what it lists (goal ids: goals/ listed, no
// file opened). Nothing on stderr, exit 0 even where there is no repository.
#include <fmt/format.h>

#include "commands.hpp"
#include "options.hpp"
#include "upward/base/error.hpp"
#include "upward/views/agenda.hpp"

namespace upward::cmd {

namespace {

const std::vector<std::string> complete_kinds{"goals", "people", "wins", "topics", "actions", "cycles", "periods"};

const std::vector<std::string> period_words{"this-week",    "last-week",    "this-month", "last-month",
                                            "this-quarter", "last-quarter", "this-year",  "last-year",
                                            "ytd",          "since-last-digest", "since-last-1on1"};

struct CompleteOptions {
  std::string kind, prefix;
};

std::vector<std::string> values(const CompleteOptions& opt, Context& ctx) {
  Repo& repo = ctx.repo();
  if (opt.kind == "periods" || opt.kind == "cycles") {
    std::vector<std::string> out = opt.kind == "periods" ? period_words : std::vector<std::string>{};
    if (repo.initialized())
      for (const auto& [name, period] : repo.config().cycles) out.push_back("cycle:" + name);
    return out;
  }
  if (opt.kind == "goals" || opt.kind == "people") return repo.stems(opt.kind);
  if (opt.kind == "wins") return repo.win_ids(opt.prefix);
  std::vector<std::string> out;
  for (const auto& person : repo.meeting_people()) {
    if (opt.kind == "topics") {
      for (auto& id : repo.stems("1on1s/" + person + "/topics")) out.push_back(std::move(id));
      continue;
    }
    std::vector<Problem> ignored;
    for (const auto& a : open_actions(repo.meetings(person, ignored), ctx.today)) out.push_back(a.action.id);
  }
  return out;
}

}  // namespace

Subcommand add_complete(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<CompleteOptions>();
  auto* sub = app.add_subcommand("__complete", "")->group("");  // hidden: for the shell completions
  add_positional(sub, "kind", opt->kind, "")->required()->check(one_of(complete_kinds));
  add_positional(sub, "prefix", opt->prefix, "");
  return {sub, [opt, &ctx] {
            try {
              std::string out;
              for (const auto& v : values(*opt, ctx))
                if (v.compare(0, opt->prefix.size(), opt->prefix) == 0) out += v + "\n";
              fmt::print(ctx.out, "{}", out);
            } catch (const Error&) {  // no repository, an unreadable upward.toml: nothing to offer
            }
            return exit_ok;
          }};
}

}  // namespace upward::cmd
