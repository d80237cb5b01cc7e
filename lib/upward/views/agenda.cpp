#include "upward/views/agenda.hpp"

namespace upward {

// STUB: helper "views" implements these.
dates::Day next_meeting(std::optional<dates::Day>, const std::string&, dates::Day today) { return today; }
std::optional<dates::Day> last_meeting(std::span<const Meeting>, dates::Day) { return std::nullopt; }
std::vector<OpenAction> open_actions(std::span<const Meeting>, dates::Day) { return {}; }
std::vector<Topic> open_topics(std::span<const Topic>, std::span<const Meeting>, dates::Day) { return {}; }
std::optional<dates::Day> last_career_talk(std::span<const Meeting>, std::span<const Topic>, dates::Day) {
  return std::nullopt;
}
bool career_due(std::optional<dates::Day>, dates::Day) { return false; }
std::vector<std::string> profile_prompts(const Person&) { return {}; }
std::vector<std::string> career_prompts() { return {}; }
Agenda build_agenda(const AgendaInput& in) {
  Agenda a;
  a.person = in.person;
  a.date = in.today;
  a.period = {in.today, in.today};
  return a;
}

}  // namespace upward
