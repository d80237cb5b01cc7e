#include "upward/render/agenda_render.hpp"

namespace upward {

// STUB: helper "render" implements these.
std::string render_agenda_md(const Agenda&, const AgendaRenderOptions&) { return "# 1:1 (not implemented yet)\n"; }
std::string render_agenda_text(const Agenda&, const AgendaRenderOptions&) { return "1:1 (not implemented yet)\n"; }
std::string render_agenda_json(const Agenda&) { return "{}\n"; }
std::string meeting_template(const Agenda&, dates::Day) { return "# not implemented yet\n"; }
std::string render_queue_lines(const std::string&, const std::vector<Topic>&, const std::vector<OpenAction>&) {
  return "";
}

}  // namespace upward
