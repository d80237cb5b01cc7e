// The digest as JSON (stable documented keys) and as vimgrep lines (`FILE:LINE:COL: text`).
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "upward/base/json.hpp"
#include "upward/base/text.hpp"
#include "upward/render/digest_render.hpp"

namespace upward {

using text::one_line;

namespace {

// ---- JSON -----------------------------------------------------------------------------------

std::string json_day(const std::optional<dates::Day>& d) { return d ? json::quote(dates::format_day(*d)) : "null"; }

/// `[]`, or one item per line, indented by `indent` spaces (the closing bracket two less).
std::string json_list(const std::vector<std::string>& items, size_t indent = 4) {
  if (items.empty()) return "[]";
  const std::string pad(indent, ' ');
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ",\n" : "\n") + pad + items[i];
  return out + "\n" + std::string(indent - 2, ' ') + "]";
}

std::string json_win(const Win& w) {
  std::vector<std::string> metrics;
  for (const auto& m : w.metrics) {
    json::Object o;
    o.str("name", m.name).str("before", m.before).str("after", m.after);
    metrics.push_back(o.done());
  }
  std::string ms = "[";
  for (size_t i = 0; i < metrics.size(); ++i) ms += (i ? ", " : "") + metrics[i];
  ms += "]";
  json::Object o;
  o.str("id", w.id)
      .str("date", dates::format_day(w.date))
      .str("title", w.title)
      .str("impact", w.impact)
      .str("kind", w.kind)
      .raw("tags", json::array(w.tags))
      .raw("goals", json::array(w.goals))
      .raw("links", json::array(w.links))
      .raw("metrics", ms);
  return o.done();
}

std::string json_plan(const Plan& p) {
  json::Object o;
  o.str("kind", p.kind).str("ref", p.ref).str("text", p.text).raw("due", json_day(p.due));
  return o.done();
}

}  // namespace

std::string render_digest_json(const Digest& d) {
  std::vector<std::string> glance, progress, kudos, moves, done, outcomes, last_plans, plans, problems;
  for (const auto& g : d.glance) {
    json::Object o;
    o.str("id", g.goal.goal.id)
        .str("title", g.goal.goal.title)
        .str("owner", g.goal.goal.owner)
        .str("owner_label", g.owner_label)
        .str("status", g.goal.state.status)
        .num("progress", g.goal.state.progress)
        .str("state", g.state)
        .raw("due", json_day(g.goal.goal.due))
        .boolean("overdue", g.goal.state.overdue);
    glance.push_back(o.done());
  }
  for (const auto& g : d.progress) {
    std::vector<std::string> wins;
    for (const auto& w : g.wins) wins.push_back(json_win(w));
    json::Object o;
    o.str("key", g.key).str("label", g.label).raw("wins", json_list(wins, 6));
    progress.push_back(o.done());
  }
  for (const auto& k : d.kudos) {
    json::Object o;
    o.str("id", k.id).str("date", dates::format_day(k.date)).str("title", k.title).str("from", k.from);
    kudos.push_back(o.done());
  }
  for (const auto& m : d.moves) {
    json::Object o;
    o.str("id", m.goal.goal.id)
        .str("title", m.goal.goal.title)
        .num("from", m.from)
        .num("to", m.to)
        .str("status_from", m.status_from)
        .str("status_to", m.status_to)
        .raw("notes", json::array(m.notes));
    moves.push_back(o.done());
  }
  for (const auto& g : d.done) {
    json::Object o;
    o.str("id", g.goal.id).str("title", g.goal.title).raw("date", json_day(g.state.status_since));
    done.push_back(o.done());
  }
  for (const auto& w : d.outcomes) {
    json::Object o;
    o.str("id", w.id)
        .str("date", dates::format_day(w.date))
        .str("title", w.title)
        .str("outcome", w.outcome)
        .raw("outcome_date", json_day(w.outcome_date));
    outcomes.push_back(o.done());
  }
  for (const auto& p : d.last_plans) {
    json::Object o;
    o.str("kind", p.plan.kind)
        .str("ref", p.plan.ref)
        .str("text", p.plan.text)
        .raw("due", json_day(p.plan.due))
        .str("state", p.state)
        .str("detail", p.detail);
    last_plans.push_back(o.done());
  }
  for (const auto& p : d.plans) plans.push_back(json_plan(p));
  for (const auto& p : d.problems) {
    json::Object o;
    o.str("kind", p.kind)
        .str("ref", p.ref)
        .str("title", p.title)
        .str("status", p.status)
        .str("detail", p.detail)
        .str("person", p.person_id);  // the id: stable, as every key
    problems.push_back(o.done());
  }
  json::Object period, tally;
  period.str("first", dates::format_day(d.period.first)).str("last", dates::format_day(d.period.last));
  tally.num("wins", d.win_count)
      .num("measured", d.measured)
      .num("kudos", static_cast<long long>(d.kudos.size()))
      .str("text", tally_line(d));
  std::string for_person = "null";
  if (d.for_person) {
    json::Object o;
    o.str("id", d.for_person->id).str("name", d.for_person->name);
    for_person = o.done();
  }
  std::string last_sent = "null";
  if (d.last_sent) {
    json::Object o;
    o.str("id", d.last_sent->id).str("date", dates::format_day(d.last_sent->date));
    last_sent = o.done();
  }
  std::string out = "{\n";
  out += "  \"period\": " + period.done() + ",\n";
  out += "  \"title\": " + json::quote(digest_subject("", d.period)) + ",\n";
  out += "  \"style\": " + json::quote(d.style) + ",\n";
  out += "  \"group_by\": " + json::quote(d.group_by) + ",\n";
  out += "  \"for\": " + for_person + ",\n";
  out += "  \"glance\": " + json_list(glance) + ",\n";
  out += "  \"progress\": " + json_list(progress) + ",\n";
  out += "  \"kudos\": " + json_list(kudos) + ",\n";
  out += "  \"moves\": " + json_list(moves) + ",\n";
  out += "  \"done\": " + json_list(done) + ",\n";
  out += "  \"outcomes\": " + json_list(outcomes) + ",\n";
  out += "  \"last_sent\": " + last_sent + ",\n";
  out += "  \"last_plans\": " + json_list(last_plans) + ",\n";
  out += "  \"plans\": " + json_list(plans) + ",\n";
  out += "  \"problems\": " + json_list(problems) + ",\n";
  out += "  \"tally\": " + tally.done() + ",\n";
  out += fmt::format("  \"left_out\": {}\n", d.left_out);
  return out + "}\n";
}

std::string render_digest_vimgrep(const Digest& d, const DigestRenderOptions& opt) {
  std::string prefix = opt.repo_dir;
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  std::set<std::string> seen;
  std::string out;
  auto line = [&](const std::string& path, std::string_view text, const std::string& key = "") {
    if (!seen.insert(path + "\n" + key).second) return;
    out += prefix + path + ":1:1: " + one_line(text) + "\n";
  };
  auto goal_path = [](const std::string& id) { return "goals/" + id + ".toml"; };
  auto win_path = [](const Win& w) { return win_folder(w.date) + "/" + w.id + ".toml"; };
  for (const auto& g : d.glance) line(goal_path(g.goal.goal.id), g.goal.goal.title);
  for (const auto& g : d.progress)
    for (const auto& w : g.wins) line(win_path(w), w.title);
  for (const auto& w : d.kudos) line(win_path(w), w.title);
  for (const auto& m : d.moves) line(goal_path(m.goal.goal.id), m.goal.goal.title);
  for (const auto& g : d.done) line(goal_path(g.goal.id), g.goal.title);
  for (const auto& w : d.outcomes) line(win_path(w), w.title);
  for (const auto& p : d.plans)  // several action items of one 1:1 record: a line each
    if (p.kind == "action") {
      if (!p.file.empty()) line(p.file, p.text, p.ref);
    } else {
      line(goal_path(p.ref), p.text);
    }
  for (const auto& p : d.problems) {
    if (p.kind == "topic") line("1on1s/" + p.person_id + "/topics/" + p.ref + ".toml", p.title);
    else line(goal_path(p.ref), p.title);
  }
  return out;
}

}  // namespace upward
