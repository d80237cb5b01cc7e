#include "upward/render/nudge_render.hpp"

#include <fmt/format.h>

#include "upward/base/json.hpp"
#include "upward/base/text.hpp"

namespace upward {

namespace {

const char* label_color(Urgency u) {
  switch (u) {
    case Urgency::overdue: return "1;31";
    case Urgency::now: return "33";
    case Urgency::soon: return "36";
    case Urgency::habit: break;
  }
  return "2";
}

std::string tail(const Nudge& n, const std::string& repo_dir) {
  if (!n.command.empty()) return " (" + n.command + ")";
  if (!n.file.empty()) {
    std::string path = repo_dir.empty() ? n.file : repo_dir + "/" + n.file;
    return " (" + (n.hint.empty() ? std::string() : n.hint + " ") + path + ")";
  }
  return n.hint.empty() ? std::string() : " (" + n.hint + ")";
}

std::string or_null(const std::string& s) { return s.empty() ? std::string("null") : json::quote(s); }

}  // namespace

std::string nudge_line(const Nudge& n, const std::string& repo_dir) {
  return urgency_name(n.urgency) + ": " + text::one_line(n.message) + tail(n, repo_dir);
}

std::string render_nudges_text(std::span<const Nudge> nudges, const std::string& repo_dir, const TermStyle& style) {
  std::string out;
  for (const auto& n : nudges) {
    std::string label = urgency_name(n.urgency) + ":";
    std::string rest = text::one_line(n.message) + tail(n, repo_dir);
    if (style.terminal) rest = text::for_terminal(rest);
    if (style.color) label = fmt::format("\x1b[{}m{}\x1b[0m", label_color(n.urgency), label);
    out += label + " " + rest + "\n";
  }
  return out;
}

std::string render_nudges_json(std::span<const Nudge> nudges, const std::string& repo_dir) {
  if (nudges.empty()) return "[]\n";
  std::string out = "[\n";
  for (size_t i = 0; i < nudges.size(); ++i) {
    const Nudge& n = nudges[i];
    json::Object o;
    o.str("urgency", urgency_name(n.urgency))
        .str("kind", n.kind)
        .raw("date", n.date ? json::quote(dates::format_day(*n.date)) : "null")
        .str("message", n.message)
        .raw("command", or_null(n.command))
        .raw("file", or_null(n.file))
        .raw("ref", or_null(n.ref))
        .raw("refs", json::array(n.refs.empty() && !n.ref.empty() ? std::vector<std::string>{n.ref} : n.refs))
        .raw("person", or_null(n.person))
        .str("line", nudge_line(n, repo_dir));
    out += "  " + o.done() + (i + 1 < nudges.size() ? ",\n" : "\n");
  }
  return out + "]\n";
}

}  // namespace upward
