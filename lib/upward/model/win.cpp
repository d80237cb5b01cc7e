#include "upward/model/win.hpp"

#include <fmt/format.h>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward {

Metric parse_metric(std::string_view spec) {
  auto bad = [&] {
    return UsageError("bad metric '" + std::string(spec) + "' (expected NAME=BEFORE->AFTER, e.g. p99=900ms->350ms)");
  };
  auto eq = spec.find('=');
  if (eq == std::string_view::npos) throw bad();
  std::string_view values = spec.substr(eq + 1);
  std::string_view arrow = "->";
  auto at = values.find(arrow);
  if (at == std::string_view::npos) {
    arrow = "\xE2\x86\x92";  // →
    at = values.find(arrow);
  }
  if (at == std::string_view::npos) throw bad();
  Metric m{text::trim(spec.substr(0, eq)), text::trim(values.substr(0, at)), text::trim(values.substr(at + arrow.size()))};
  if (m.name.empty() || m.before.empty() || m.after.empty()) throw bad();
  return m;
}

namespace {
void require_utf8(std::string_view s, const char* what) {
  if (!text::valid_utf8(s)) throw Error(std::string("the ") + what + " is not valid UTF-8; nothing was recorded");
}
void require_slug(const std::string& s, const char* option) {
  if (!text::is_slug(s))
    throw UsageError(std::string(option) + ": '" + s + "' is not an id (expected lowercase letters, digits and '-', at most 64)");
}
bool has_space_or_control(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return true;
  return false;
}
}  // namespace

void validate_win(const Win& win) {
  require_utf8(win.title, "title");
  require_utf8(win.impact, "impact");
  if (text::trim(win.title).empty()) throw UsageError("the win has no text (give it as arguments, '-' for stdin, or -e)");
  for (const auto& t : win.tags) {
    require_utf8(t, "tag");
    if (t.empty() || has_space_or_control(t) || t.find(',') != std::string::npos)
      throw UsageError("--tag: '" + t + "' is not a tag (no spaces or commas; repeat -t for several)");
  }
  for (const auto& g : win.goals) require_slug(g, "--goal");
  for (const auto& p : win.seen_by) require_slug(p, "--seen-by");
  if (!win.from.empty()) require_slug(win.from, "--from");
  for (const auto& l : win.links) {
    require_utf8(l, "link");
    if (l.empty() || has_space_or_control(l)) throw UsageError("--link: '" + l + "' is not a link (no spaces)");
  }
  for (const auto& m : win.metrics) {
    require_utf8(m.name, "metric");
    require_utf8(m.before, "metric");
    require_utf8(m.after, "metric");
  }
  if (win.follow_up && *win.follow_up < win.date)
    throw UsageError("--follow-up: " + dates::format_day(*win.follow_up) + " is before the win's date " +
                     dates::format_day(win.date));
}

std::string win_to_toml(const Win& win) {
  std::string out;
  out += "date = " + dates::format_day(win.date) + "\n";
  out += "title = " + text::toml_quote(win.title) + "\n";
  if (!win.impact.empty()) out += "impact = " + text::toml_quote(win.impact) + "\n";
  if (win.kind != "win") out += "kind = " + text::toml_quote(win.kind) + "\n";
  if (!win.from.empty()) out += "from = " + text::toml_quote(win.from) + "\n";
  if (!win.tags.empty()) out += "tags = " + text::toml_string_array(win.tags) + "\n";
  if (!win.goals.empty()) out += "goals = " + text::toml_string_array(win.goals) + "\n";
  if (!win.seen_by.empty()) out += "seen_by = " + text::toml_string_array(win.seen_by) + "\n";
  if (!win.links.empty()) out += "links = " + text::toml_string_array(win.links) + "\n";
  if (!win.source.empty()) out += "source = " + text::toml_string_array(win.source) + "\n";
  if (!win.metrics.empty()) {
    out += "metrics = [";
    for (size_t i = 0; i < win.metrics.size(); ++i) {
      const auto& m = win.metrics[i];
      out += fmt::format("{}{{ name = {}, before = {}, after = {} }}", i ? ", " : "", text::toml_quote(m.name),
                         text::toml_quote(m.before), text::toml_quote(m.after));
    }
    out += "]\n";
  }
  if (win.follow_up) out += "follow_up = " + dates::format_day(*win.follow_up) + "\n";
  if (win.is_private) out += "private = true\n";
  return out;
}

std::string win_name_date_problem(const std::string& id, dates::Day date) {
  auto named = is_win_id(id) ? dates::parse_iso(id.substr(0, 10)) : std::nullopt;
  if (!named || *named == date) return "";
  return "date " + dates::format_day(date) + " does not match the file name's " + dates::format_day(*named) +
         " (periods choose wins by name): set it back to " + dates::format_day(*named) + " and run 'upward set win " +
         id + " --date " + dates::format_day(date) + "', which renames the file";
}

std::string win_folder(dates::Day d) {
  return "wins/" + date::format("%Y/%m", d);
}

bool is_win_id(std::string_view id) {
  if (id.size() < 12 || id[10] != '-' || !dates::parse_iso(std::string(id.substr(0, 10)))) return false;
  if (id.find("..") != std::string_view::npos || id.find('/') != std::string_view::npos) return false;
  for (char c : id)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  return text::valid_utf8(id);
}

std::string win_path(const std::string& id) {
  return win_folder(*dates::parse_iso(id.substr(0, 10))) + "/" + id + ".toml";
}

std::string win_stem(const Win& win) {
  std::string slug = text::slugify(win.title);
  return dates::format_day(win.date) + "-" + (slug.empty() ? std::string(win.kind) : slug);
}

std::pair<std::string, std::string> title_and_impact(std::string_view message, bool strip_comments) {
  std::vector<std::string> kept;
  for (auto& line : text::lines(message)) {
    if (strip_comments && !line.empty() && line[0] == '#') continue;
    kept.push_back(line);
  }
  size_t i = 0;
  while (i < kept.size() && text::trim(kept[i]).empty()) ++i;
  std::string title;
  for (; i < kept.size() && !text::trim(kept[i]).empty(); ++i)
    title += (title.empty() ? "" : " ") + text::trim(kept[i]);
  std::string impact;
  for (; i < kept.size(); ++i) impact += kept[i] + "\n";
  return {title, text::trim(impact)};
}

std::string edit_template(const std::string& title, const std::string& impact) {
  return title + "\n\n" + impact + (impact.empty() ? "" : "\n") +
         "\n# Write the win on the first line: what you did, in a few words.\n"
         "# After a blank line, its impact: who it helped, what changed, the numbers.\n"
         "# Lines starting with '#' are ignored; an empty win records nothing.\n";
}

bool outcome_due(const Win& win, dates::Day day) {
  return win.follow_up && *win.follow_up <= day && win.outcome.empty();
}

std::string outcome_note_to_toml(const OutcomeNote& note) {
  return fmt::format(
      "# `upward outcome` recorded the outcome of this win on this date: the win's file holds it,\n"
      "# this note lets the digest of the date's period find it.\n"
      "win = {}\ndate = {}\n",
      text::toml_quote(note.win), dates::format_day(note.date));
}

std::string outcome_note_path(const OutcomeNote& note) {
  return "outcomes" + win_folder(note.date).substr(4) + "/" + dates::format_day(note.date) + "-" + note.win + ".toml";
}

}  // namespace upward
