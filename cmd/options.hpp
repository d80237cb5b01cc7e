#pragma once
// How every option is declared: one value per use, wherever it stands on the command line.
//
// CLI11 lets a vector option take every word after it (`-t perf "Text"` makes "Text" a tag),
// so each command declares its options only through these helpers, never through
// add_option/add_flag directly (tests/e2e/test_options.py checks that, and runs every option
// before, between and after the positional text).
#include <CLI/CLI.hpp>

#include <string>
#include <type_traits>
#include <vector>

namespace upward::cmd {

/// CLI11 reads a word in brackets given to a TEXT... positional as a list: "[WIP]" would arrive
/// as "WIP", and "[a,b]" as "a" and "b". main guards such words before parsing (guard_brackets) and
/// every helper below takes the guard off again (unguard_brackets), so each word arrives as typed.
std::string guard_brackets(std::string word);
std::string unguard_brackets(std::string value);

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

/// An option that takes exactly one value each time it is used. A vector collects one value
/// per use (`-t a -t b`); a scalar given twice keeps the last, as in git.
template <class T>
CLI::Option* add_one(CLI::App* sub, const std::string& names, T& target, const std::string& help) {
  auto* o = sub->add_option(names, target, help);
  o->transform(unguard_brackets);
  o->expected(1)->allow_extra_args(false);
  o->multi_option_policy(is_vector<T>::value ? CLI::MultiOptionPolicy::TakeAll : CLI::MultiOptionPolicy::TakeLast);
  return o;
}

/// A repeatable option that also splits each value at commas: `-t perf,infra` is `-t perf -t infra`.
inline CLI::Option* add_commas(CLI::App* sub, const std::string& names, std::vector<std::string>& target,
                               const std::string& help) {
  return add_one(sub, names, target, help)->delimiter(',');
}

/// A flag: no value; given twice, it is still on.
inline CLI::Option* add_switch(CLI::App* sub, const std::string& names, bool& target, const std::string& help) {
  return sub->add_flag(names, target, help)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

/// The positional argument(s): a vector takes every word that is not an option (TEXT...).
template <class T>
CLI::Option* add_positional(CLI::App* sub, const std::string& name, T& target, const std::string& help) {
  auto* o = sub->add_option(name, target, help);
  o->transform(unguard_brackets);
  // words after `--` reach a TEXT... positional one by one: let it keep taking them
  if constexpr (is_vector<T>::value) o->allow_extra_args(true);
  return o;
}

/// A validator for a closed set of words that quotes the value as the user typed it:
/// `--status: unknown value 'at risk' (expected on-track, at-risk, blocked, done, dropped)`.
CLI::Validator one_of(std::vector<std::string> words);

/// A command with a default action and sub-commands (`prep-1on1 [PERSON]`, `prep-1on1 add`):
/// CLI11 hands a sub-command's unknown option to its parent, where the default action's option
/// of that name would take it and be ignored (`prep-1on1 add --save`). UsageError when any
/// option or positional word of `parent` was given along with `sub`.
void refuse_parent_options(const CLI::App& parent, const CLI::App& sub);

/// For `upward __options`: every command path (`goals add<TAB><TAB>command`) and each of its
/// options and positionals, one per line (`goals add<TAB>--supports<TAB>commas`), so tests can
/// exercise every option there is and compare the shell completions with it.
std::string describe_options(const CLI::App& app);

}  // namespace upward::cmd
