#pragma once
// The goals commands' output: text for a terminal, CommonMark, and JSON with documented keys.
#include <span>
#include <string>
#include <vector>

#include "upward/render/term_style.hpp"
#include "upward/views/goals_view.hpp"

namespace upward {

/// `██████░░░░` on a UTF-8 terminal (with eighth blocks for the remainder), `[######----]` otherwise.
std::string progress_bar(int percent, bool utf8, int width = 10);

/// One line per goal under its owner: id, title, status, progress, due date, last update. Columns
/// line up by display width; with `style.width`, titles are cut (`…`) and the least needed
/// columns (last update, then the bar, then the due date) left out so that lines fit.
std::string render_goals_text(const std::vector<OwnerGroup>& groups, const TermStyle& style);
std::string render_goals_md(const std::vector<OwnerGroup>& groups);
/// `{"today", "stale_after_days", "goals": [...]}`; keys documented in upward-goals(1).
std::string render_goals_json(const std::vector<OwnerGroup>& groups, dates::Day today, int stale_after_days);

/// One goal: its fields, dated updates, the goals it supports and that support it, linked wins.
std::string render_goal_md(const GoalRow& row, const std::string& owner, std::span<const Goal> all_goals,
                           std::span<const Win> wins, dates::Day today);
std::string render_goal_json(const GoalRow& row, const std::string& owner, std::span<const Goal> all_goals,
                             std::span<const Win> wins);

std::string render_alignment_md(const Alignment& a);
std::string render_alignment_json(const Alignment& a);

}  // namespace upward
