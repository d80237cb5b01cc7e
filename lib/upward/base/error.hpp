#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace upward {

/// A place in a file, 1-based; line 0 means "the whole file".
struct SourceLoc {
  std::string path;
  std::uint32_t line = 0, column = 0;
};

/// One problem found in a file, for `check`: `FILE:LINE:COL: message`.
struct Problem {
  SourceLoc where;
  std::string message;
  bool warning = false;  ///< worth a look, not an error: `check` prints `warning: ` and still exits 0
  bool note = false;     ///< with `warning`: only for information (`note: `), e.g. kudos from an outsider
};

/// The one error type: a data, I/O or git problem (exit 1), with its location when a file is at fault.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
  Error(SourceLoc where, const std::string& message) : std::runtime_error(message), where_(std::move(where)) {}
  const std::optional<SourceLoc>& where() const { return where_; }
  /// "FILE:LINE:COL: message" (or "FILE: message", or just the message).
  std::string located() const;

 private:
  std::optional<SourceLoc> where_;
};

/// A usage error (exit 2): a bad option value found after parsing.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// "FILE:LINE:COL: " for a location, "FILE: " when the line is unknown.
std::string format_loc(const SourceLoc& loc);

/// An Error for a failed system call: "what 'subject': strerror(errno)".
Error sys_error(const std::string& what, const std::string& subject, int err);

}  // namespace upward
