#include "upward/model/config.hpp"

#include "upward/base/text.hpp"

namespace upward {

std::string config_template(const std::string& name, const std::string& email, bool autocommit) {
  return "# upward configuration: see upward-files(5)\n"
         "schema = 1\n"
         "week_start = \"monday\"\n"
         "# the primary manager's person id (people add ID --relationship manager, people primary ID)\n"
         "# manager = \"dana\"\n"
         "\n"
         "[me]\n"
         "name = " + text::toml_quote(name) + "\n"
         "email = " + text::toml_quote(email) + "\n"
         "\n"
         "[git]\n"
         "autocommit = " + (autocommit ? "true" : "false") + "\n"
         "\n"
         "[goals]\n"
         "# an active goal without an update for longer than this is stale (1 to 3650)\n"
         "stale_after_days = 21\n"
         "\n"
         "[digest]\n"
         "# to = \"dana@example.com\"\n"
         "# cc = \"\"\n"
         "# subject = \"Weekly update\"\n"
         "# sendmail = \"/usr/sbin/sendmail -t -i\"\n"
         "\n"
         "[sections]\n"
         "# which brag-document section a tag's wins go in (digest --group-by section):\n"
         "# projects, collaboration, design, company or learning\n"
         "# mentoring = \"collaboration\"\n"
         "# rfc = \"design\"\n"
         "\n"
         "[cycles]\n"
         "# named periods for review packets: upward digest cycle:h2-2026\n"
         "# h2-2026 = \"2026-07-01..2026-12-31\"\n";
}

}  // namespace upward
