#pragma once
// A search pattern for `--grep`: a POSIX extended regular expression (as `grep -E`), matched in
// any case (non-ASCII letters too, as UTF-8). glibc's matcher, unlike std::regex, does not
// recurse once per character, so a long text cannot exhaust the stack.
#include <memory>
#include <string>

namespace upward {

class Pattern {
 public:
  /// UsageError naming `expr` and what is wrong with it when it is not an expression.
  explicit Pattern(const std::string& expr);
  /// True when the expression matches somewhere in `text` (up to a NUL byte).
  bool found_in(const std::string& text) const;

 private:
  struct Compiled;
  std::shared_ptr<Compiled> re_;
};

}  // namespace upward
