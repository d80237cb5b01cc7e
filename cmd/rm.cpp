// upward rm win|goal|person|topic ID: remove a record, refused while others name it (upward-rm(1)).
#include <fmt/format.h>

#include "commands.hpp"
#include "options.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/store/repo_rm.hpp"

namespace upward::cmd {

namespace {

struct RmOptions {
  std::string id, with;
  bool force = false;
};

/// The removed files on stdout; on stderr what still names the record and how to get it back.
int report_rm(const Removal& r, const std::string& what, Context& ctx) {
  for (const auto& rel : r.write.paths) fmt::print(ctx.out, "{}\n", rel);  // the payload, even with -q
  int code = report_write(r.write, "removed " + what, ctx);
  if (!r.left.empty()) {
    std::string names;
    for (const auto& ref : r.left) names += (names.empty() ? "" : ", ") + ref;
    ctx.note("still named by " + names + " ('upward check' lists them)");
  }
  if (r.committed && !r.commit.empty()) {  // the removal's own commit: right however many come after it
    std::string dir = text::shell_word(ctx.repo().dir());
    for (const auto& rel : r.write.paths)
      ctx.note("to get " + rel + " back: git -C " + dir + " show " + r.commit.substr(0, 12) + "^:" +
               text::shell_word(rel) + " > " + text::shell_word(ctx.repo().path(rel)));
  }
  return code;
}

}  // namespace

Subcommand add_rm(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<RmOptions>();
  auto* rm = app.add_subcommand("rm", "Remove a win, goal, person or talking point");
  rm->require_subcommand(0, 1);
  struct Kind {
    const char *name, *help, *id_help;
  };
  const Kind kinds[] = {
      {"win", "Remove a win and its outcome notes", "The win's id (its file name without .toml)"},
      {"goal", "Remove a goal (refused while wins or goals name it)", "The goal's id"},
      {"person", "Remove a person (refused while they own goals, are your manager or have 1:1s)", "Their id"},
      {"topic", "Remove a queued talking point (refused while a 1:1 record covers it)", "The talking point's id"},
  };
  std::vector<CLI::App*> subs;
  for (const auto& k : kinds) {
    auto* sub = rm->add_subcommand(k.name, k.help);
    std::string type = std::string(k.name) == "win" ? "WIN_ID" : "ID";
    add_positional(sub, "id", opt->id, k.id_help)->required()->type_name(type);
    add_switch(sub, "--force", opt->force, "Remove it even while other records name it (they keep naming it)");
    if (std::string(k.name) == "topic")
      add_one(sub, "--with", opt->with, "Whose talking point, when several people have one of that id");
    subs.push_back(sub);
  }
  return {rm, [=, &ctx] {
            for (const auto* sub : subs) refuse_parent_options(*rm, *sub);
            const RmOptions& o = *opt;
            Repo& repo = ctx.repo();
            if (subs[0]->parsed()) return report_rm(remove_win(repo, o.id, o.force), "win '" + o.id + "'", ctx);
            if (subs[1]->parsed()) return report_rm(remove_goal(repo, o.id, o.force), "goal '" + o.id + "'", ctx);
            if (subs[2]->parsed()) return report_rm(remove_person(repo, o.id, o.force), "person '" + o.id + "'", ctx);
            if (subs[3]->parsed())
              return report_rm(remove_topic(repo, o.id, o.with, o.force), "talking point '" + o.id + "'", ctx);
            throw UsageError("rm what? 'upward rm win ID', 'rm goal ID', 'rm person ID' or 'rm topic ID'");
          }};
}

}  // namespace upward::cmd
