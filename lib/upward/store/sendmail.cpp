#include "upward/store/sendmail.hpp"

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward::sendmail {

std::vector<std::string> argv_of(const std::string& command) {
  std::vector<std::string> argv;
  std::string word;
  for (char c : command) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) argv.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) argv.push_back(std::move(word));
  if (argv.empty())
    throw UsageError("the sendmail command is empty (set [digest] sendmail in upward.toml, like "
                     "\"/usr/sbin/sendmail -t -i\")");
  return argv;
}

void send(const std::string& command, const std::string& message, const process::Env& env) {
  auto argv = argv_of(command);
  // process::run throws "cannot run 'PROGRAM': REASON" when it cannot start
  process::Result result = process::run(argv, env, message, true);
  if (result.exit_code != 0) {
    std::string output = text::trim(result.output);
    if (output.size() > 2000) {  // the end says what went wrong; never cut inside a UTF-8 character
      size_t from = output.size() - 2000;
      while (from < output.size() && (static_cast<unsigned char>(output[from]) & 0xC0) == 0x80) ++from;
      output = "..." + output.substr(from);
    }
    throw Error("sendmail failed (exit " + std::to_string(result.exit_code) + ")" +
                (output.empty() ? std::string() : ": " + output));
  }
}

}  // namespace upward::sendmail
