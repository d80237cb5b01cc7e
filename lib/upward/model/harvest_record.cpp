#include "upward/model/harvest_record_read.hpp"

#include "upward/base/text.hpp"

namespace upward {

std::string harvest_record_to_toml(const HarvestRecord& r) {
  std::string out;
  out += "# upward harvest: the commits this run considered (kept as wins, or dismissed); none is proposed again\n";
  out += "date = " + dates::format_day(r.date) + "\n";
  out += "period = { first = " + dates::format_day(r.period.first) + ", last = " + dates::format_day(r.period.last) +
         " }\n";
  out += "wins = " + text::toml_string_array(r.wins) + "\n";
  out += "kept = " + text::toml_string_array(r.kept) + "\n";
  out += "dismissed = " + text::toml_string_array(r.dismissed) + "\n";
  return out;
}

std::string harvest_record_stem(const HarvestRecord& r) {
  return dates::format_day(r.date) + (r.time.empty() ? "" : "-" + r.time);
}

HarvestRecord harvest_record_from_toml(const toml::table& table, const std::string& id, const std::string& path,
                                       std::vector<Problem>& problems) {
  HarvestRecord h;
  h.id = id;
  FieldReader r(table, path, problems);
  if (auto d = r.day("date", true)) h.date = *d;
  if (auto period = r.period("period")) h.period = *period;
  h.wins = r.strings("wins");
  h.kept = r.strings("kept");
  h.dismissed = r.strings("dismissed");
  return h;
}

}  // namespace upward
