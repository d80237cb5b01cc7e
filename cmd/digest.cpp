#include "digest.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "commands.hpp"
#include "options.hpp"
#include "period.hpp"
#include "prep_1on1.hpp"
#include "skipped.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/views/agenda.hpp"
#include "upward/views/digest.hpp"

namespace upward::cmd {

namespace {

const std::vector<std::string> digest_formats{"md", "text", "json", "html", "email", "vimgrep"};

const Person* find_person(const std::vector<Person>& people, const std::string& id) {
  for (const auto& p : people)
    if (p.id == id) return &p;
  return nullptr;
}

/// The wins a digest reads: those of the period's month folders, and the earlier wins whose
/// outcome was recorded in the period (found through the period's outcome notes).
void read_wins(DigestInput& in, Context& ctx, std::vector<Problem>& skipped) {
  in.wins = ctx.repo().wins_in(in.period, skipped);
  in.outcome_wins = in.wins;
  for (auto& w : ctx.repo().outcomes_in(in.period, skipped))
    if (std::none_of(in.wins.begin(), in.wins.end(), [&](const Win& p) { return p.id == w.id; }))
      in.outcome_wins.push_back(std::move(w));
}

/// My open action items and the open problem topics of the reader's 1:1s (of everyone's when the
/// digest is for nobody in particular): what I owe or raise with someone else stays out of it.
/// Every person's action items only when the last digest listed one to review.
void read_1on1s(DigestInput& in, Context& ctx, std::vector<Problem>& skipped) {
  bool review = in.last_sent && std::any_of(in.last_sent->plans.begin(), in.last_sent->plans.end(),
                                            [](const Plan& p) { return p.kind == "action"; });
  for (const auto& person : ctx.repo().meeting_people()) {
    bool reader = !in.for_person || in.for_person->id == person;
    if (!reader && !review) continue;
    auto meetings = ctx.repo().meetings(person, skipped);
    if (review)
      for (const auto& m : meetings)
        if (m.date <= ctx.today)
          for (const auto& a : m.actions) in.all_actions.push_back({a, m.date, m.path, false});
    if (!reader) continue;
    for (auto& a : open_actions(meetings, ctx.today))
      if (a.action.owner == "me") in.my_actions.push_back(std::move(a));
    auto topics = ctx.repo().topics(person, skipped);
    for (auto& t : open_topics(topics, meetings, ctx.today))
      if (t.kind == "problem") in.problems.push_back(std::move(t));
  }
}

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

int run_digest(const DigestOptions& opt, Context& ctx) {
  std::string format = opt.format.empty() ? (opt.send ? "email" : "md") : opt.format;
  if (opt.send && format != "email") throw UsageError("--send sends the email; --format " + format + " does not apply");
  if (opt.edit && (format == "json" || format == "html" || format == "vimgrep"))
    throw UsageError("--edit edits the text: it works with --format md, text or email (and --send)");
  const Config& cfg = ctx.repo().config();
  std::vector<Problem> skipped;
  std::string expr = opt.period.empty() ? "this-week" : joined(opt.period);

  DigestInput in;
  in.today = ctx.today;
  in.group_by = opt.group_by;
  in.week_start = cfg.week_start;
  in.stale_after_days = cfg.stale_after_days;
  in.tag_sections = cfg.sections;
  // the last update sent of a period that ended before this one ends: re-sending a week compares
  // it with the week before, never with itself; since-last-digest with that digest; a past
  // period with what was promised before it
  in.period = parse_period(ctx, expr, skipped);
  in.last_sent = ctx.repo().last_sent(ctx.today, skipped, in.period.last);
  in.people = ctx.repo().people(skipped);
  if (!opt.for_person.empty()) in.for_person = resolve_person(opt.for_person, in.people, ctx);
  else if (const Person* boss = find_person(in.people, cfg.manager)) in.for_person = *boss;
  // the reader's style: --for's, else the primary manager's for an email, else everything
  if (!opt.for_person.empty() || format == "email") in.style = in.for_person ? in.for_person->style : "";
  if (in.style != "brief") in.style = "detailed";
  in.goals = ctx.repo().goals(skipped);
  read_wins(in, ctx, skipped);
  read_1on1s(in, ctx, skipped);

  Digest d = build_digest(in);
  DigestRenderOptions ro{ctx.dir, cfg.me_name};
  std::string out;
  if (format == "json") out = render_digest_json(d);
  else if (format == "html") out = render_digest_html(d, ro);
  else if (format == "vimgrep") out = ctx.out_tty ? text::for_terminal(render_digest_vimgrep(d, ro)) : render_digest_vimgrep(d, ro);
  else if (format == "email") {
    std::string text = render_digest_text(d, ro);
    std::optional<Repo::Edited> edited;
    if (opt.edit) edited = edit_body(text, ctx);
    email::Message m = digest_message(d, opt, edited ? edited->text : text, "", ctx);
    m.html = edited ? render_text_html(edited->text, m.subject) : render_digest_html(d, ro);
    email::validate(m);  // before anything is printed or sent
    int rc = exit_ok;
    if (opt.send && !skipped.empty()) {  // an update built without some files is not sent behind the user's back
      report_skipped(skipped, ctx);
      throw Error("some files could not be read (above); nothing was sent: fix them ('upward check'), then send again");
    }
    if (!opt.send) fmt::print(ctx.out, "{}", email::render(m));
    else try {
      rc = send_digest(d, m, edited.has_value(), ctx);
    } catch (const Error&) {
      if (edited) ctx.note("your edited text is kept in " + edited->file);  // like git's COMMIT_EDITMSG
      throw;
    }
    if (edited) ctx.repo().forget_edit(*edited);
    if (d.win_count == 0 && d.kudos.empty() && d.kudos_in_groups == 0) ctx.note("no wins in " + dates::format_range(d.period));
    return report_skipped(skipped, ctx, rc);
  } else {
    out = format == "text" ? render_digest_text(d, ro) : render_digest_md(d, ro);
    if (opt.edit) {
      auto edited = edit_body(out, ctx);
      out = edited.text;
      ctx.repo().forget_edit(edited);
    }
    if (ctx.out_tty) out = text::for_terminal(out);
  }
  fmt::print(ctx.out, "{}", out);
  if (d.win_count == 0 && d.kudos.empty() && d.kudos_in_groups == 0) ctx.note("no wins in " + dates::format_range(d.period));
  return report_skipped(skipped, ctx);
}

}  // namespace

Subcommand add_digest(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<DigestOptions>();
  auto* sub = app.add_subcommand("digest", "The weekly update and the review packet");
  add_positional(sub, "period", opt->period, "The period (default: this-week)")->type_name("PERIOD");
  add_one(sub, "--format", opt->format, "md (default), text, json, html, email or vimgrep")
      ->check(one_of(digest_formats))
      ->type_name("FORMAT");
  add_one(sub, "--group-by", opt->group_by, "The progress part by goal (default), tag, section, week or month")
      ->check(one_of(digest_group_by))
      ->type_name("KEY");
  add_one(sub, "--for", opt->for_person, "For whom: their goals lead, their style (default: your primary manager)")
      ->type_name("PERSON");
  add_commas(sub, "--to", opt->to, "Email recipient (repeatable, or commas)")->type_name("ADDR");
  add_commas(sub, "--cc", opt->cc, "Email copy recipient (repeatable, or commas)")->type_name("ADDR");
  add_one(sub, "--subject", opt->subject, "Email subject, before ': PERIOD' (default: [digest] subject)")
      ->type_name("TEXT");
  add_switch(sub, "--send", opt->send, "Send the email through [digest] sendmail and record it under sent/");
  add_switch(sub, "--edit", opt->edit, "Edit the text in $EDITOR first; emptied: nothing is sent");
  return {sub, [opt, &ctx] { return run_digest(*opt, ctx); }};
}

}  // namespace upward::cmd
