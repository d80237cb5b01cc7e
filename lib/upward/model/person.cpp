#include "upward/model/person.hpp"

#include <algorithm>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward {

bool valid_email(const std::string& email) {
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= email.size() || email.find('@', at + 1) != std::string::npos)
    return false;
  for (char c : email) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F || std::string_view("<>,;:\"()[]\\").find(c) != std::string_view::npos) return false;
  }
  // dot-atoms on both sides (no empty part between dots), a domain of two labels or more, and
  // short enough for one line of an email (78 characters with `<`, `>` and a leading space)
  auto dot_atoms = [](std::string_view s) {
    return !s.empty() && s.front() != '.' && s.back() != '.' && s.find("..") == std::string_view::npos;
  };
  std::string_view local = std::string_view(email).substr(0, at), domain = std::string_view(email).substr(at + 1);
  return email.size() <= 74 && dot_atoms(local) && dot_atoms(domain) && domain.find('.') != std::string_view::npos;
}

namespace {
void require_one_of(const std::string& value, const std::vector<std::string>& allowed, const char* option) {
  if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  throw UsageError(std::string(option) + ": unknown value '" + value + "' (expected " + list + ")");
}
}  // namespace

void validate_person(const Person& p) {
  if (!text::is_slug(p.id))
    throw UsageError("'" + p.id + "' is not a person id (expected lowercase letters, digits and '-', at most 64)");
  std::vector<const std::string*> texts{&p.name, &p.email};
  for (const auto& s : p.priorities) texts.push_back(&s);
  for (const auto& s : p.pressures) texts.push_back(&s);
  for (const auto* s : texts)
    if (!text::valid_utf8(*s)) throw Error("the person's text is not valid UTF-8; nothing was written");
  if (text::trim(p.name).empty()) throw UsageError("--name: a person needs a name");
  if (p.relationship.empty()) throw UsageError("--relationship is required (manager, skip-level, stakeholder, mentor, peer)");
  require_one_of(p.relationship, relationships, "--relationship");
  require_one_of(p.style, styles, "--style");
  require_one_of(p.cadence, cadences, "--cadence");
  if (!p.email.empty() && !valid_email(p.email))
    throw UsageError("--email: '" + p.email + "' is not a plain address like dana@example.com");
}

std::string person_to_toml(const Person& p) {
  std::string out;
  out += "name = " + text::toml_quote(p.name) + "\n";
  out += "relationship = " + text::toml_quote(p.relationship) + "\n";
  if (!p.email.empty()) out += "email = " + text::toml_quote(p.email) + "\n";
  if (!p.style.empty()) out += "style = " + text::toml_quote(p.style) + "\n";
  if (!p.cadence.empty()) out += "cadence = " + text::toml_quote(p.cadence) + "\n";
  if (!p.priorities.empty()) out += "priorities = " + text::toml_string_array(p.priorities) + "\n";
  if (!p.pressures.empty()) out += "pressures = " + text::toml_string_array(p.pressures) + "\n";
  return out;
}

std::string person_label(const Person& p) { return p.name.empty() ? p.id : p.name + " (" + p.id + ")"; }

}  // namespace upward
