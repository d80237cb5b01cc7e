// libFuzzer target: the in-place value editor (toml_edit::append, set_top_level_string,
// set_top_level, set_in_array_table). The input is a file's text, optionally followed by a NUL
// byte and bytes that choose one edit (which function, the key, the value, the table's index);
// without a NUL every function runs with upward's own keys and values (`manager`, `date`,
// `[[action]]` `done`, a `[[plan]]` block).
//
// Properties: each edit either throws upward's Error or returns a text that parses again, in
// which the edited key holds the value asked for and every other value is as it was; appending
// leaves the text before the block as it was; a byte-order mark stays first; in a file with
// CRLF line ends, no LF-only line end is added; `manager` or `date` set to a string in a file
// that parses and lacks the key is never refused (a value of valid UTF-8).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/model/toml_read.hpp"
#include "upward/store/toml_edit.hpp"

using namespace upward;

namespace {

const std::string path = "fuzz.toml";

[[noreturn]] void fail(const std::string& what, const std::string& in, const std::string& out) {
  std::fprintf(stderr, "property violated: %s\n--- input\n%s\n--- output\n%s\n", what.c_str(), in.c_str(), out.c_str());
  std::abort();
}

/// Values without their source formatting (0x77 and 119 are one integer).
void plain(toml::node& n) {
  if (auto* t = n.as_table()) {
    for (auto&& [k, v] : *t) plain(v);
  } else if (auto* a = n.as_array()) {
    for (auto& v : *a) plain(v);
  } else {
    n.visit([](auto& v) {
      if constexpr (requires { v.flags(toml::value_flags::none); }) v.flags(toml::value_flags::none);
    });
  }
}

/// A table as text, to compare documents by meaning (== would call two NaNs different).
std::string dump(const toml::table& t) {
  toml::table copy = t;
  plain(copy);
  std::ostringstream s;
  s << toml::toml_formatter(copy);
  return s.str();
}

std::size_t bare_lfs(const std::string& s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) ++n;
  return n;
}

void common_checks(const std::string& in, const std::string& out, const std::string& value_toml) {
  if (in.rfind("\xEF\xBB\xBF", 0) == 0 && out.rfind("\xEF\xBB\xBF", 0) != 0) fail("byte-order mark lost", in, out);
  std::size_t nl = in.find('\n');
  bool crlf = nl != std::string::npos && nl > 0 && in[nl - 1] == '\r';
  if (crlf && value_toml.find('\n') == std::string::npos && bare_lfs(out) > bare_lfs(in))
    fail("an LF line end added to a CRLF file", in, out);
}

/// `out` parses; `get(out)` equals `value_toml`; with the edited key erased (by `erase`), both
/// documents are the same.
template <class Get, class Erase>
void check_set(const std::string& in, const std::string& out, const std::string& value_toml, Get get, Erase erase) {
  toml::table before = parse_toml(in, path), after;
  try {
    after = parse_toml(out, path);
  } catch (const Error& e) {
    fail(std::string("the edited text does not parse: ") + e.what(), in, out);
  }
  toml::table expected = parse_toml("v = " + value_toml + "\n", path);
  toml::table got, want;
  if (const toml::node* n = get(after)) got.insert("v", *n);
  want.insert("v", *expected.get("v"));
  if (dump(got) != dump(want)) fail("the edited key does not hold the value: " + dump(got) + " vs " + dump(want), in, out);
  erase(before);
  erase(after);
  if (dump(before) != dump(after)) fail("another value changed:\n" + dump(before) + "\n vs \n" + dump(after), in, out);
  common_checks(in, out, value_toml);
}

void set_top(const std::string& in, const std::string& key, const std::string& value_toml, bool as_string) {
  std::string out;
  try {
    out = as_string ? toml_edit::set_top_level_string(in, key, value_toml, path)
                    : toml_edit::set_top_level(in, key, value_toml, path);
  } catch (const Error& e) {
    // a key that is not there yet can always be added to a file that parses (upward's keys and values)
    if (as_string && (key == "manager" || key == "date") && text::valid_utf8(value_toml)) {
      toml::table t;
      try {
        t = parse_toml(in, path);
      } catch (const Error&) {
        return;
      }
      if (!t.get(key)) fail(std::string("refused to add a key that is not there: ") + e.what(), in, "");
    }
    return;
  }
  std::string v = as_string ? text::toml_quote(value_toml) : value_toml;
  check_set(in, out, v, [&](const toml::table& t) { return t.get(key); },
            [&](toml::table& t) { t.erase(key); });
}

void set_in_array(const std::string& in, const std::string& array, std::size_t index, const std::string& key,
                  const std::string& value_toml) {
  std::string out;
  try {
    out = toml_edit::set_in_array_table(in, array, index, key, value_toml, path);
  } catch (const Error&) {
    return;
  }
  auto table = [&](toml::table& t) -> toml::table* {
    auto* a = t.get_as<toml::array>(array);
    if (!a || index >= a->size()) return nullptr;
    return (*a)[index].as_table();
  };
  check_set(in, out, value_toml,
            [&](const toml::table& t) -> const toml::node* {
              auto* tt = table(const_cast<toml::table&>(t));
              return tt ? tt->get(key) : nullptr;
            },
            [&](toml::table& t) {
              if (auto* tt = table(t)) tt->erase(key);
            });
}

void append(const std::string& in, const std::string& block) {
  std::string out;
  try {
    out = toml_edit::append(in, block, path);
  } catch (const Error&) {
    return;
  }
  try {
    parse_toml(out, path);
  } catch (const Error& e) {
    fail(std::string("the appended text does not parse: ") + e.what(), in, out);
  }
  if (out.compare(0, in.size(), in) != 0) fail("append changed the text before the block", in, out);
  common_checks(in, out, block);
}

const char* const keys[] = {"manager", "date", "done", "status", "title", "due", "id", "a", "x-y", "with"};
const char* const values[] = {"\"dana\"", "2026-11-23", "true", "1", "[1, 2]", "{ a = 1 }", "\"\"\"\nx\"\"\"",
                              "'lit'", "1979-05-27T07:32:00Z", "nan", "\"é\""};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::size_t nul = input.find('\0');
  std::string text = input.substr(0, nul);
  if (nul == std::string::npos) {
    set_top(text, "manager", "dana", true);
    set_top(text, "date", "2026-11-23", false);
    set_in_array(text, "action", 0, "done", "2026-11-27");
    set_in_array(text, "action", 1, "due", "2026-12-01");
    append(text, "\n[[plan]]\nkind = \"action\"\nref = \"send-plan\"\n");
    return 0;
  }
  std::string tail = input.substr(nul + 1);
  FuzzedDataProvider p(reinterpret_cast<const std::uint8_t*>(tail.data()), tail.size());
  int op = p.ConsumeIntegralInRange(0, 3);
  std::string key = p.ConsumeBool() ? keys[p.ConsumeIntegralInRange<std::size_t>(0, std::size(keys) - 1)]
                                    : p.ConsumeRandomLengthString(16);
  std::string value = p.ConsumeBool() ? values[p.ConsumeIntegralInRange<std::size_t>(0, std::size(values) - 1)]
                                      : p.ConsumeRandomLengthString(32);
  std::size_t index = p.ConsumeIntegralInRange<std::size_t>(0, 3);
  switch (op) {
    case 0: set_top(text, key, value, true); break;
    case 1: set_top(text, key, value, false); break;
    case 2: set_in_array(text, p.ConsumeBool() ? "action" : key, index, p.ConsumeBool() ? "done" : key, value); break;
    default: append(text, p.ConsumeRemainingBytesAsString()); break;
  }
  return 0;
}
