#!/usr/bin/env bash
# The Friday update: send this week's digest (on a Friday) or last week's (any other day) to
# your primary manager, through [digest] sendmail, and record it under sent/.
#
# Meant for cron (see ./crontab). It fails loudly: any error exits non-zero with the reason
# on stderr, which cron mails to you, so a week is never skipped in silence.
#
#   UPWARD      the upward binary (default: upward on PATH)
#   UPWARD_DIR  the repository (default: ~/.local/share/upward)
#   UPWARD_ARGS more options for digest, e.g. "--cc lee@example.com"
set -euo pipefail

upward=${UPWARD:-upward}
command -v "$upward" >/dev/null || { echo "weekly-update: '$upward' not found (set UPWARD or PATH)" >&2; exit 1; }

if [[ $(date +%u) == 5 ]]; then period=this-week; else period=last-week; fi
# shellcheck disable=SC2086  # UPWARD_ARGS is a list of words
if ! "$upward" digest "$period" --send ${UPWARD_ARGS:-}; then
    echo "weekly-update: the $period update was NOT sent (see above)" >&2
    exit 1
fi
