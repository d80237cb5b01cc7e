#pragma once
// The output of `upward nudge` (issue 12): one text line per nudge, or a JSON array whose keys
// upward-nudge(1) documents.
#include <span>
#include <string>

#include "upward/render/term_style.hpp"
#include "upward/views/nudge.hpp"

namespace upward {

/// One nudge as a line without its newline: `LABEL: MESSAGE (COMMAND)`, the label its urgency
/// (`overdue`, `now`, `soon`, `habit`). Without a command, a hint names the file to edit, as
/// `repo_dir` + "/" + file: `(add solution = "..." to DIR/1on1s/dana/topics/ID.toml)`.
std::string nudge_line(const Nudge& nudge, const std::string& repo_dir);

/// nudge_line() for each nudge, in the order given, each ending in a newline; nothing for none.
/// On a terminal (`style.terminal`) record text is escaped (text::for_terminal) and, with
/// `style.color`, the label is coloured.
std::string render_nudges_text(std::span<const Nudge> nudges, const std::string& repo_dir, const TermStyle& style);

/// A JSON array, one object per nudge on its own line (`[]` for none), keys: urgency, kind, date,
/// message, command, file, ref, refs, person, line.
std::string render_nudges_json(std::span<const Nudge> nudges, const std::string& repo_dir);

}  // namespace upward
