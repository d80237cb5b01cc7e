#include "upward/model/records.hpp"

#include <algorithm>

#include "upward/base/text.hpp"

namespace upward {

namespace {

bool brag_section_known(const std::string& key) {
  return std::any_of(brag_sections.begin(), brag_sections.end(), [&](const auto& s) { return s.first == key; });
}

/// "projects, collaboration, design, company, learning"
std::string brag_section_keys() {
  std::string keys;
  for (const auto& [key, heading] : brag_sections) keys += (keys.empty() ? "" : ", ") + key;
  return keys;
}

}  // namespace

Config config_from_toml(const toml::table& table, const std::string& path, std::vector<Problem>& problems) {
  Config c;
  FieldReader top(table, path, problems);
  if (auto s = top.integer("schema")) {
    c.schema = *s;
    if (*s > current_schema || *s < 1)
      top.problem(*top.node("schema"), "schema " + std::to_string(*s) + " is not one this upward reads (it reads " +
                                           std::to_string(current_schema) + "); upgrade upward");
  } else if (!top.node("schema")) {
    top.problem_at_file("missing required key 'schema'");
  }
  if (auto ws = top.string("week_start")) {
    if (auto wd = dates::parse_weekday(*ws)) c.week_start = *wd;
    else top.problem(*top.node("week_start"), "unknown week_start '" + *ws + "' (expected monday ... sunday)");
  }
  if (auto m = top.slug("manager")) c.manager = *m;
  auto sub = [&](const char* name) -> const toml::table* {
    const toml::node* n = table.get(name);
    if (n && !n->is_table()) {
      top.problem(*n, std::string("'") + name + "' must be a table ([" + name + "])");
      return nullptr;
    }
    return n ? n->as_table() : nullptr;
  };
  if (const auto* me = sub("me")) {
    FieldReader r(*me, path, problems);
    c.me_name = r.string("name").value_or("");
    c.me_email = r.string("email").value_or("");
  }
  if (const auto* git = sub("git")) {
    FieldReader r(*git, path, problems);
    c.autocommit = r.boolean("autocommit").value_or(true);
  }
  if (const auto* goals = sub("goals")) {
    FieldReader r(*goals, path, problems);
    if (auto days = r.integer("stale_after_days")) {
      if (*days < 1 || *days > 3650) r.problem(*goals->get("stale_after_days"), "'stale_after_days' must be from 1 to 3650");
      else c.stale_after_days = static_cast<int>(*days);
    }
  }
  if (const auto* digest = sub("digest")) {
    FieldReader r(*digest, path, problems);
    auto addresses = [&](const char* key) {  // "a@x, b@y", or ["a@x", "b@y"]
      const toml::node* n = r.node(key);
      if (!n || !n->is_array()) return r.string(key).value_or("");
      std::string joined;
      for (const auto& a : r.strings(key)) joined += (joined.empty() ? "" : ", ") + a;
      return joined;
    };
    c.digest.to = addresses("to");
    c.digest.cc = addresses("cc");
    c.digest.subject = r.string("subject").value_or("");
    if (auto cmd = r.string("sendmail")) {
      if (text::trim(*cmd).empty())
        r.problem(*r.node("sendmail"), "'sendmail' is empty (a command such as \"/usr/sbin/sendmail -t -i\")");
      else
        c.digest.sendmail = *cmd;
    }
  }
  if (const auto* sections = sub("sections")) {
    std::string keys = brag_section_keys();
    for (const auto& [tag, node] : *sections) {
      std::string name(tag.str());
      const auto* value = node.as_string();
      if (!value) {
        top.problem(node, "[sections] '" + name + "' must be a string: a section (" + keys + ")");
        continue;
      }
      if (!brag_section_known(value->get())) {
        top.problem(node, "unknown section '" + value->get() + "' for tag '" + name + "' (expected " + keys + ")");
        continue;
      }
      c.sections[name] = value->get();
    }
  }
  if (const auto* cycles = sub("cycles")) {
    for (const auto& [key, node] : *cycles) {
      std::string name(key.str());
      const auto* value = node.as_string();
      if (!text::is_slug(name)) {
        top.problem(node, "the cycle name '" + name + "' is not an id: use lowercase letters, digits and '-' (h2-2026)");
        continue;
      }
      if (!value) {
        top.problem(node, "[cycles] '" + name + "' must be a string: a period such as \"2026-07-01..2026-12-31\"");
        continue;
      }
      c.cycles[name] = value->get();
    }
  }
  if (const auto* nudge = sub("nudge")) {
    FieldReader r(*nudge, path, problems);
    auto count = [&](const char* key, int& into, int lowest) {
      if (auto v = r.integer(key)) {
        if (*v < lowest || *v > 365)
          r.problem(*r.node(key), std::string("'") + key + "' must be from " + std::to_string(lowest) + " to 365");
        else
          into = static_cast<int>(*v);
      }
    };
    count("no_win_days", c.nudge.no_win_days, 0);
    count("action_days", c.nudge.action_days, 0);
    count("due_days", c.nudge.due_days, 0);
    c.nudge.one_on_one = r.boolean("one_on_one").value_or(true);
    c.nudge.actions = r.boolean("actions").value_or(true);
    c.nudge.goals = r.boolean("goals").value_or(true);
    c.nudge.follow_ups = r.boolean("follow_ups").value_or(true);
    c.nudge.digest = r.boolean("digest").value_or(true);
    c.nudge.vague_wins = r.boolean("vague_wins").value_or(true);
    if (auto day = r.string("digest_day")) {
      if (auto wd = dates::parse_weekday(*day)) c.nudge.digest_day = *wd;
      else r.problem(*r.node("digest_day"), "unknown digest_day '" + *day + "' (expected monday ... sunday)");
    }
  }
  if (const auto* harvest = sub("harvest")) {
    FieldReader r(*harvest, path, problems);
    c.harvest.repos = r.strings("repos");
    for (const auto& repo : c.harvest.repos)
      if (text::trim(repo).empty()) r.problem(*r.node("repos"), "'repos' holds an empty path");
    c.harvest.author = r.string("author").value_or("");
  }
  return c;
}

Win win_from_toml(const toml::table& table, const std::string& path, std::vector<Problem>& problems) {
  Win w;
  FieldReader r(table, path, problems);
  if (auto d = r.day("date", true)) w.date = *d;
  if (auto t = r.string("title", true)) {
    w.title = *t;
    w.title_line = r.node("title")->source().begin.line;
    if (text::trim(*t).empty()) r.problem(*r.node("title"), "'title' is empty");
  }
  w.impact = r.string("impact").value_or("");
  w.kind = r.one_of("kind", {"win", "kudos"}).value_or("win");
  w.from = r.slug("from").value_or("");
  w.tags = r.strings("tags");
  w.goals = r.strings("goals", true);
  w.seen_by = r.strings("seen_by", true);
  w.links = r.strings("links");
  w.source = r.strings("source");
  w.follow_up = r.day("follow_up");
  w.outcome = r.string("outcome").value_or("");
  w.outcome_date = r.day("outcome_date");
  w.is_private = r.boolean("private").value_or(false);
  if (auto section = r.string("section")) {
    if (brag_section_known(*section)) w.section = *section;
    else r.problem(*r.node("section"), "unknown section '" + *section + "' (expected " + brag_section_keys() + ")");
  }
  if (const toml::node* n = r.node("metrics")) {
    const toml::array* arr = n->as_array();
    if (!arr) r.problem(*n, "'metrics' must be an array of { name, before, after } tables");
    for (size_t i = 0; arr && i < arr->size(); ++i) {
      const toml::table* t = (*arr)[i].as_table();
      if (!t) {
        r.problem((*arr)[i], "each metric must be a table { name = ..., before = ..., after = ... }");
        continue;
      }
      FieldReader m(*t, path, problems);
      auto name = m.string("name"), before = m.string("before"), after = m.string("after");
      if (!name || !before || !after) r.problem((*arr)[i], "a metric needs 'name', 'before' and 'after' strings");
      else w.metrics.push_back({*name, *before, *after});
    }
  }
  return w;
}

Goal goal_from_toml(const toml::table& table, const std::string& id, const std::string& path,
                    std::vector<Problem>& problems) {
  Goal g;
  g.id = id;
  FieldReader r(table, path, problems);
  g.title = r.string("title", true).value_or("");
  if (auto owner = r.string("owner")) {
    if (*owner == "me" || text::is_slug(*owner)) g.owner = *owner;
    else r.problem(*r.node("owner"), "'owner' must be \"me\" or a person id, not '" + *owner + "'");
  }
  g.why = r.string("why").value_or("");
  g.created = r.day("created");
  g.due = r.day("due");
  g.supports = r.strings("supports", true);
  g.is_private = r.boolean("private").value_or(false);
  const toml::node* updates = r.node("update");
  if (updates && !updates->is_array_of_tables()) {
    r.problem(*updates, "'update' must be [[update]] tables");
    return g;
  }
  for (size_t i = 0; updates && i < updates->as_array()->size(); ++i) {
    const toml::table& t = *(*updates->as_array())[i].as_table();
    FieldReader u(t, path, problems);
    GoalUpdate up;
    auto day = u.day("date");
    if (!day && !t.get("date")) u.problem(t, "an [[update]] needs a 'date'");
    if (auto p = u.integer("progress")) {
      if (*p < 0 || *p > 100) u.problem(*t.get("progress"), "'progress' must be from 0 to 100, not " + std::to_string(*p));
      else up.progress = static_cast<int>(*p);
    }
    up.status = u.one_of("status", goal_statuses).value_or("");
    up.note = u.string("note").value_or("");
    // TOML puts a key written after the updates into the last [[update]]: a goal meant to be
    // private would show everywhere, so the file is refused until the key is moved up
    for (const char* key : {"private", "title", "owner", "due", "supports", "why"})
      if (const toml::node* misplaced = t.get(key))
        u.problem(*misplaced, std::string("'") + key + "' belongs to the goal, not to this [[update]]: move it above "
                                                        "the first [[update]]");
    if (!day) continue;
    up.date = *day;
    g.updates.push_back(up);
  }
  return g;
}

Person person_from_toml(const toml::table& table, const std::string& id, const std::string& path,
                        std::vector<Problem>& problems) {
  Person p;
  p.id = id;
  FieldReader r(table, path, problems);
  p.name = r.string("name", true).value_or("");
  p.relationship = r.one_of("relationship", relationships).value_or("");
  if (!table.get("relationship")) r.problem_at_file("missing required key 'relationship'");
  p.email = r.string("email").value_or("");
  if (!p.email.empty() && !valid_email(p.email))
    r.problem(*r.node("email"), "'" + p.email + "' is not a plain email address");
  p.style = r.one_of("style", styles).value_or("");
  p.cadence = r.one_of("cadence", cadences).value_or("");
  p.priorities = r.strings("priorities");
  p.pressures = r.strings("pressures");
  return p;
}

Topic topic_from_toml(const toml::table& table, const std::string& id, const std::string& person,
                      const std::string& path, std::vector<Problem>& problems) {
  Topic t;
  t.id = id;
  t.person = person;
  FieldReader r(table, path, problems);
  if (auto d = r.day("date", true)) t.date = *d;
  if (auto s = r.string("text", true)) {
    t.text = *s;
    if (text::trim(*s).empty()) r.problem(*r.node("text"), "'text' is empty");
  }
  t.kind = r.one_of("kind", topic_kinds).value_or("topic");
  t.solution = r.string("solution").value_or("");
  t.is_private = r.boolean("private").value_or(false);
  return t;
}

namespace {

/// The date a record's file name gives it (`.../2026-11-23.toml`), if it is one.
std::optional<dates::Day> date_of_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.size() < 5 || name.compare(name.size() - 5, 5, ".toml") != 0) return std::nullopt;
  return dates::parse_iso(name.substr(0, name.size() - 5));
}

/// The `[[action]]` tables of a record, in file order; problems for each that lacks what it needs.
std::vector<Action> actions_from_toml(FieldReader& top, const std::string& path, std::vector<Problem>& problems) {
  std::vector<Action> out;
  const toml::node* node = top.node("action");
  if (!node) return out;
  if (!node->is_array_of_tables()) {
    top.problem(*node, "'action' must be [[action]] tables");
    return out;
  }
  if (node->as_array()->empty() || node->as_array()->front().as_table()->is_inline()) {  // action = [{...}]
    top.problem(*node, "write action items as [[action]] tables, not an inline array ('prep-1on1 done' closes "
                       "them in place)");
    return out;
  }
  std::vector<const toml::node*> first_at;  // where each kept id was first given
  for (const auto& item : *node->as_array()) {
    const toml::table& t = *item.as_table();
    FieldReader r(t, path, problems);
    Action a;
    auto id = r.slug("id");
    auto owner = r.string("owner");
    auto text = r.string("text");
    if (!t.get("id") || !t.get("owner") || !t.get("text"))
      r.problem(t, "an [[action]] needs an 'id', an 'owner' (\"me\" or a person id) and a 'text'");
    if (owner && *owner != "me" && !text::is_slug(*owner))
      r.problem(*r.node("owner"), "'owner' must be \"me\" or a person id, not '" + *owner + "'");
    if (text && text::trim(*text).empty()) r.problem(*r.node("text"), "'text' is empty");
    a.due = r.day("due");
    a.done = r.day("done");
    if (!id) continue;
    auto same = std::find_if(out.begin(), out.end(), [&](const Action& o) { return o.id == *id; });
    if (same != out.end()) {
      r.problem(*r.node("id"), "action id '" + *id + "' is repeated in this file (first on line " +
                                   std::to_string(first_at[same - out.begin()]->source().begin.line) + ")");
      continue;
    }
    a.id = *id;
    a.owner = owner.value_or("me");
    a.text = text.value_or("");
    out.push_back(std::move(a));
    first_at.push_back(r.node("id"));
  }
  return out;
}

}  // namespace

Meeting meeting_from_toml(const toml::table& table, const std::string& person, const std::string& path,
                          std::vector<Problem>& problems) {
  Meeting m;
  m.person = person;
  m.path = path;
  FieldReader r(table, path, problems);
  if (auto d = r.day("date", true)) {
    m.date = *d;
    auto named = date_of_name(path);
    if (named && *named != *d)
      r.problem(*r.node("date"), "date " + dates::format_day(*d) + " does not match the file name (rename the file to " +
                                     dates::format_day(*d) + ".toml, or correct the date)");
  }
  if (auto with = r.slug("with"); with && *with != person)
    r.problem(*r.node("with"), "'with' = '" + *with + "', but the file is in " + person +
                                   "'s folder (move it to 1on1s/" + *with + "/, or correct 'with')");
  m.topics = r.strings("topics", true);
  m.career = r.boolean("career").value_or(false);
  m.notes = r.string("notes").value_or("");
  m.reflection = r.string("reflection").value_or("");
  m.actions = actions_from_toml(r, path, problems);
  return m;
}

OutcomeNote outcome_note_from_toml(const toml::table& table, const std::string& path, std::vector<Problem>& problems) {
  OutcomeNote note;
  FieldReader r(table, path, problems);
  if (auto d = r.day("date", true)) note.date = *d;
  if (auto w = r.string("win", true)) {
    note.win = *w;
    if (!is_win_id(*w))
      r.problem(*r.node("win"), "'win' must be a win's id, like 2026-11-23-cut-checkout-p99");
  }
  return note;
}

SentDigest sent_from_toml(const toml::table& table, const std::string& id, const std::string& path,
                          std::vector<Problem>& problems) {
  SentDigest s;
  s.id = id;
  FieldReader r(table, path, problems);
  if (auto d = r.day("date", true)) s.date = *d;
  if (auto period = r.period("period")) s.period = *period;
  s.to = r.strings("to");
  s.cc = r.strings("cc");
  s.subject = r.string("subject").value_or("");
  const toml::node* plans = r.node("plan");
  if (plans && !plans->is_array_of_tables()) {
    r.problem(*plans, "'plan' must be [[plan]] tables");
    return s;
  }
  for (size_t i = 0; plans && i < plans->as_array()->size(); ++i) {
    const toml::table& t = *(*plans->as_array())[i].as_table();
    FieldReader p(t, path, problems);
    Plan plan;
    auto kind = p.one_of("kind", plan_kinds);
    auto ref = p.slug("ref");
    auto text = p.string("text");
    plan.due = p.day("due");
    if (!t.get("kind") || !t.get("ref") || !t.get("text"))
      p.problem(t, "a [[plan]] needs a 'kind', a 'ref' (a goal or action id) and a 'text'");
    if (!kind || !ref || !text) continue;
    plan.kind = *kind;
    plan.ref = *ref;
    plan.text = *text;
    s.plans.push_back(std::move(plan));
  }
  return s;
}

}  // namespace upward
