#include "options.hpp"

#include <algorithm>

#include "upward/base/error.hpp"

namespace upward::cmd {

namespace {
// a byte that is never part of UTF-8 text: nothing typed ends in "]" and this byte
constexpr char bracket_guard = '\xFF';
}  // namespace

std::string guard_brackets(std::string word) {
  if (word.size() >= 2 && word.front() == '[' && word.back() == ']') word += bracket_guard;
  return word;
}

std::string unguard_brackets(std::string value) {
  if (value.size() >= 2 && value.back() == bracket_guard && value[value.size() - 2] == ']') value.pop_back();
  return value;
}

CLI::Validator one_of(std::vector<std::string> words) {
  std::string expected;
  for (const auto& w : words) expected += (expected.empty() ? "" : ", ") + w;
  return CLI::Validator(
      [words, expected](std::string& value) -> std::string {
        if (std::find(words.begin(), words.end(), value) != words.end()) return "";
        return "unknown value '" + value + "' (expected " + expected + ")";
      },
      "");  // the option's help lists the words; CLI11 would print them again after its type
}

void refuse_parent_options(const CLI::App& parent, const CLI::App& sub) {
  std::string command = parent.get_name() + " " + sub.get_name();
  for (const CLI::Option* o : parent.get_options()) {
    if (o == parent.get_help_ptr() || o->count() == 0) continue;
    if (!o->nonpositional())
      throw UsageError("unexpected argument '" + o->results().front() + "' before '" + sub.get_name() + "' (" +
                       command + " --help shows what it takes)");
    throw UsageError("option '" + o->get_name() + "' is not one of '" + command + "' (it belongs to '" +
                     parent.get_name() + "' without a sub-command)");
  }
}

namespace {

std::string kind_of(const CLI::Option& o) {
  if (!o.nonpositional()) return o.get_items_expected_max() > 1 ? "positional-list" : "positional";
  if (o.get_expected_max() == 0) return "flag";
  if (o.get_delimiter() == ',') return "commas";
  if (o.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll) return "list";
  return "value";
}

void describe(const CLI::App& app, const std::string& path, std::string& out) {
  if (!path.empty()) out += path + "\t\tcommand\n";  // every command path, options or not
  for (const CLI::Option* o : app.get_options()) {
    if (o == app.get_help_ptr() || o == app.get_help_all_ptr() || o == app.get_version_ptr()) continue;
    std::string names = o->nonpositional() ? o->get_name(false, true) : o->get_name(true);
    out += path + "\t" + names + "\t" + kind_of(*o) + "\n";
  }
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group().empty()) continue;  // hidden, like this listing itself
    describe(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
  }
}

}  // namespace

std::string describe_options(const CLI::App& app) {
  std::string out;
  describe(app, "", out);
  return out;
}

}  // namespace upward::cmd
