#include "upward/base/pattern.hpp"

#include <locale.h>
#include <regex.h>

#include "upward/base/error.hpp"

namespace upward {

/// The compiled expression and the UTF-8 character rules it was compiled (and is matched) under,
/// whatever the process's locale.
struct Pattern::Compiled {
  regex_t re{};
  locale_t utf8 = static_cast<locale_t>(0);
  bool ok = false;
  ~Compiled() {
    if (ok) ::regfree(&re);
    if (utf8) ::freelocale(utf8);
  }
};

namespace {
/// Runs `f` with the character rules of `utf8`, when there are any.
template <class F>
auto with_utf8(locale_t utf8, F f) {
  locale_t before = utf8 ? ::uselocale(utf8) : static_cast<locale_t>(0);
  auto result = f();
  if (utf8) ::uselocale(before);
  return result;
}
}  // namespace

Pattern::Pattern(const std::string& expr) : re_(std::make_shared<Compiled>()) {
  re_->utf8 = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  int rc = with_utf8(re_->utf8, [&] { return ::regcomp(&re_->re, expr.c_str(), REG_EXTENDED | REG_ICASE | REG_NOSUB); });
  if (rc != 0) {
    char why[256];
    ::regerror(rc, &re_->re, why, sizeof why);
    throw UsageError("--grep: '" + expr + "' is not a regular expression (" + why + ")");
  }
  re_->ok = true;
}

bool Pattern::found_in(const std::string& text) const {
  return with_utf8(re_->utf8, [&] { return ::regexec(&re_->re, text.c_str(), 0, nullptr, 0) == 0; });
}

}  // namespace upward
