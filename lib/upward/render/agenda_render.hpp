#pragma once
// The agenda of a 1:1 as bytes: Markdown (the default), plain text, JSON (stable keys, documented
// in upward-prep-1on1(1)), and the 1:1 record that `prep-1on1 --save` writes.
#include <string>

#include "upward/views/agenda.hpp"

namespace upward {

struct AgendaRenderOptions {
  bool all_sections = false;  ///< empty sections show as "none" instead of being left out
};

std::string render_agenda_md(const Agenda& agenda, const AgendaRenderOptions& opt = {});
std::string render_agenda_text(const Agenda& agenda, const AgendaRenderOptions& opt = {});
std::string render_agenda_json(const Agenda& agenda);

/// The text of a new 1:1 record dated `day`, prefilled from the agenda: `date`, `with`, the ids
/// of the talking points it covers, notes with one line per talking point, the reflection
/// prompts as comments, a commented `career = true` line, commented [[action]] stubs. Valid TOML.
std::string meeting_template(const Agenda& agenda, dates::Day day);

/// `prep-1on1 list`: one line per queued talking point and open action item, for scripts:
/// `KIND<TAB>PERSON<TAB>ID<TAB>TEXT` (KIND is `action` or the topic's kind; text on one line).
std::string render_queue_lines(const std::string& person, const std::vector<Topic>& topics,
                               const std::vector<OpenAction>& actions);

}  // namespace upward
