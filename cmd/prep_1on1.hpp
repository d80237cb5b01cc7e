#pragma once
// `upward prep-1on1`: shared between the agenda (prep_1on1.cpp) and the sub-commands that read
// and write the 1:1 records (prep_1on1_records.cpp).
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"

namespace upward::cmd {

struct Prep1on1Options {
  // the agenda
  std::string person, date, since, format = "md";
  bool all_sections = false, save = false;
  // add
  std::string with, kind, solution;
  std::vector<std::string> text;
  bool is_private = false;
  // done
  std::string action;
  // list
  bool all = false;
};

/// The person the command is about: `id` when given (it must be in people/), else the primary
/// manager. Error listing the known people, or saying how to name a primary manager.
Person resolve_person(const std::string& id, Context& ctx);
/// resolve_person() among `people`, already read.
Person resolve_person(const std::string& id, const std::vector<Person>& people, Context& ctx);

int run_prep_add(const Prep1on1Options& opt, Context& ctx);
int run_prep_done(const Prep1on1Options& opt, Context& ctx);
int run_prep_list(const Prep1on1Options& opt, Context& ctx);

}  // namespace upward::cmd
