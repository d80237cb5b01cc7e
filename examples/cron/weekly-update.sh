#!/usr/bin/env bash
# The Friday update: send this week's digest (run on a Friday, or late on the weekend) or last
# week's (run Monday to Thursday, catching up) to your primary manager, through
# [digest] sendmail, and record it under sent/. Weeks as upward's default week_start (monday);
# with another week start, or to send something else, set UPWARD_PERIOD.
#
# Meant for cron (see ./crontab). It fails loudly: any error exits non-zero with the reason
# on stderr, which cron mails to you, so a week is never skipped in silence.
#
#   UPWARD      the upward binary (default: upward on PATH)
#   UPWARD_DIR  the repository (default: ~/.local/share/upward)
#   UPWARD_ARGS more options for digest, e.g. "--cc lee@example.com"
#   UPWARD_PERIOD the period to send (default: as above)
#   UPWARD_TODAY  pins today, as for upward itself
set -euo pipefail

upward=${UPWARD:-upward}
command -v "$upward" >/dev/null || { echo "weekly-update: '$upward' not found (set UPWARD or PATH)" >&2; exit 1; }

day=$(date -d "${UPWARD_TODAY:-today}" +%u) || { echo "weekly-update: bad UPWARD_TODAY '$UPWARD_TODAY'" >&2; exit 1; }
if [[ -n ${UPWARD_PERIOD:-} ]]; then period=$UPWARD_PERIOD
elif ((day >= 5)); then period=this-week  # Friday, Saturday, Sunday: the week that ends now
else period=last-week; fi
# shellcheck disable=SC2086  # UPWARD_ARGS is a list of words
if ! "$upward" digest "$period" --send ${UPWARD_ARGS:-}; then
    echo "weekly-update: the $period update was NOT sent (see above)" >&2
    exit 1
fi
