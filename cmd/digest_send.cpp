// `upward digest --format email`, `--edit` and `--send`: the message, the editor, sendmail, sent/.
#include <fmt/format.h>

#include "commands.hpp"
#include "digest.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/store/sendmail.hpp"

namespace upward::cmd {

namespace {

/// `a@x, b@y` -> {"a@x", "b@y"}: a [digest] default may list several addresses.
std::vector<std::string> split_addresses(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string a = text::trim(std::string_view(s).substr(start, comma - start));
    if (!a.empty()) out.push_back(a);
    start = comma + 1;
  }
  return out;
}

}  // namespace

email::Message digest_message(const Digest& d, const DigestOptions& opt,
                              std::string text, std::string html, Context& ctx) {
  const Config& cfg = ctx.repo().config();
  email::Message m;
  m.from_name = cfg.me_name;
  m.from = cfg.me_email;
  if (m.from.empty()) throw Error("no sender: set 'email' under [me] in upward.toml");
  // To: --to; else --for's email (a digest for someone goes to them, or nowhere); else [digest] to
  // (written down on purpose); else the primary manager's email
  auto trimmed = [](const std::vector<std::string>& given) {  // `--to 'a@x, b@y'`: spaces around commas
    std::vector<std::string> out;
    for (const auto& g : given)
      for (auto& a : split_addresses(g)) out.push_back(std::move(a));
    return out;
  };
  if (!opt.to.empty()) m.to = trimmed(opt.to);
  else if (!opt.for_person.empty()) m.to = d.for_person && !d.for_person->email.empty() ? std::vector{d.for_person->email}
                                                                                          : std::vector<std::string>{};
  else if (!split_addresses(cfg.digest.to).empty()) m.to = split_addresses(cfg.digest.to);
  else if (d.for_person && !d.for_person->email.empty()) m.to = {d.for_person->email};
  if (m.to.empty()) {
    if (!opt.to.empty()) throw UsageError("--to: no address given");
    if (!opt.for_person.empty())  // [digest] to does not apply: a digest for someone goes to them
      throw Error("no recipient: '" + opt.for_person + "' has no email; give --to ADDR, or set their email ('upward "
                  "set person " + opt.for_person + " --email ADDR')");
    std::string who = d.for_person ? "no 'to' under [digest], and '" + d.for_person->id + "' has no email"
                                   : "no 'to' under [digest], and no primary manager";
    throw Error("no recipient: " + who + "; give --to ADDR, or set 'to' under [digest] in upward.toml");
  }
  m.cc = !opt.cc.empty() ? trimmed(opt.cc) : split_addresses(cfg.digest.cc);
  // a subject of spaces is none; the text itself is kept as typed (a line break in it is refused)
  m.subject = digest_subject(!text::trim(opt.subject).empty() ? opt.subject : cfg.digest.subject, d.period);
  m.date = ctx.now;
  m.utc_offset_minutes = ctx.utc_offset_minutes;
  m.text = std::move(text);
  m.html = std::move(html);
  return m;
}

Repo::Edited edit_body(const std::string& text, Context& ctx) {
  Repo::Edited edited = ctx.repo().edit_in_editor(text, "digest");
  if (text::trim(edited.text).empty()) {
    ctx.repo().forget_edit(edited);
    throw Error("empty update: nothing sent");
  }
  return edited;
}

int send_digest(const Digest& d, const email::Message& m, bool edited, Context& ctx) {
  const Config& cfg = ctx.repo().config();
  sendmail::send(cfg.digest.sendmail, email::render(m), ctx.env);  // Error: nothing recorded
  SentDigest sent;
  sent.date = ctx.today;
  // the local time, so two updates sent on one day keep their order in a clone
  auto local = date::sys_seconds{std::chrono::seconds{ctx.now + ctx.utc_offset_minutes * 60}};
  sent.time = date::format("%H%M%S", local);
  sent.period = d.period;
  sent.to = m.to;
  sent.cc = m.cc;
  sent.subject = m.subject;
  sent.plans = edited ? plans_in_text(d.plans, m.text) : d.plans;
  if (sent.plans.size() < d.plans.size())
    ctx.note(std::to_string(d.plans.size() - sent.plans.size()) + " plan(s) removed in the editor are not recorded");
  std::string addrs;
  for (const auto& a : m.to) addrs += (addrs.empty() ? "" : ", ") + a;
  WriteResult r;
  try {
    r = ctx.repo().record_sent(sent);
  } catch (const Error& e) {
    // "nothing was changed" is true of the files, not of the mail: say it went out (never send it twice)
    throw Error("the update is sent to " + addrs + ", but it is not recorded in sent/: " + e.located() +
                " (the next digest starts where the last recorded one ended)");
  }
  return report_write(r, "sent to " + addrs, ctx);
}

}  // namespace upward::cmd
