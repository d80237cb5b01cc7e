#include "upward/model/config.hpp"

#include "upward/base/text.hpp"

namespace upward {

std::string config_template(const std::string& name, const std::string& email, bool autocommit) {
  return "# upward configuration: see upward-files(5)\n"
         "schema = 1\n"
         "week_start = \"monday\"\n"
         "# manager = \"dana\"    # the primary manager's person id\n"
         "\n"
         "[me]\n"
         "name = " + text::toml_quote(name) + "\n"
         "email = " + text::toml_quote(email) + "\n"
         "\n"
         "[git]\n"
         "autocommit = " + (autocommit ? "true" : "false") + "\n"
         "\n"
         "[digest]\n"
         "# to = \"dana@example.com\"\n"
         "# cc = \"\"\n"
         "# subject = \"Weekly update\"\n"
         "# sendmail = \"/usr/sbin/sendmail -t -i\"\n";
}

}  // namespace upward
