#include "upward/model/meeting.hpp"

#include <algorithm>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward {

void validate_topic(const Topic& topic) {
  if (!text::valid_utf8(topic.text)) throw Error("the talking point is not valid UTF-8; nothing was recorded");
  if (!text::valid_utf8(topic.solution)) throw Error("the solution is not valid UTF-8; nothing was recorded");
  if (std::find(topic_kinds.begin(), topic_kinds.end(), topic.kind) == topic_kinds.end()) {
    std::string list;
    for (const auto& k : topic_kinds) list += (list.empty() ? "" : ", ") + k;
    throw UsageError("--kind: unknown value '" + topic.kind + "' (expected " + list + ")");
  }
  if (text::trim(topic.text).empty()) throw UsageError("the talking point has no text");
  if (topic.text.find_first_of("\r\n") != std::string::npos)
    throw UsageError("the talking point must be one line (put the detail in a 1:1 record's notes)");
  if (!topic.solution.empty() && topic.kind != "problem")
    throw UsageError("--solution: only a problem carries a proposed solution (this one is kind '" + topic.kind + "')");
  if (!topic.solution.empty() && text::trim(topic.solution).empty()) throw UsageError("--solution: the solution is empty");
}

std::string topic_to_toml(const Topic& topic) {
  std::string out;
  out += "date = " + dates::format_day(topic.date) + "\n";
  out += "kind = " + text::toml_quote(topic.kind) + "\n";
  out += "text = " + text::toml_quote(topic.text) + "\n";
  if (!topic.solution.empty()) out += "solution = " + text::toml_quote(topic.solution) + "\n";
  if (topic.is_private) out += "private = true\n";
  return out;
}

std::string topic_stem(const Topic& topic) {
  std::string slug = text::slugify(topic.text);
  return dates::format_day(topic.date) + "-" + (slug.empty() ? topic.kind : slug);
}

std::string meeting_folder(const std::string& person) { return "1on1s/" + person; }

}  // namespace upward
