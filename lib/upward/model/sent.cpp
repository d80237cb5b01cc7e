#include "upward/model/sent.hpp"

#include "upward/base/text.hpp"

namespace upward {

std::string sent_to_toml(const SentDigest& sent) {
  std::string out;
  out += "date = " + dates::format_day(sent.date) + "\n";
  out += "period = { first = " + dates::format_day(sent.period.first) + ", last = " +
         dates::format_day(sent.period.last) + " }\n";
  out += "to = " + text::toml_string_array(sent.to) + "\n";
  out += "cc = " + text::toml_string_array(sent.cc) + "\n";
  out += "subject = " + text::toml_quote(sent.subject) + "\n";
  for (const auto& plan : sent.plans) {
    out += "\n[[plan]]\n";
    out += "kind = " + text::toml_quote(plan.kind) + "\n";
    out += "ref = " + text::toml_quote(plan.ref) + "\n";
    out += "text = " + text::toml_quote(plan.text) + "\n";
    if (plan.due) out += "due = " + dates::format_day(*plan.due) + "\n";
  }
  return out;
}

std::string sent_stem(const SentDigest& sent) {
  return dates::format_day(sent.date) + (sent.time.empty() ? "" : "-" + sent.time) + "-digest";
}

}  // namespace upward
