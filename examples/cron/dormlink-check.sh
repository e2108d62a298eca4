#!/bin/sh
# Runs `dormlink check` for cron and mails the counselor only when something is overdue.
# Exit 1 from check means "overdue" (the listing is mailed); other non-zero codes are errors
# (the error is mailed too; 65 is a damaged database, docs/backup.md "Damage"); 0 means nothing
# is overdue and nothing is sent.
#
#   DORMLINK_DB, DORMLINK_CONFIG  the database and rules (see crontab.example)
#   MAIL_TO                       who gets the listing (default: the user running cron)
#   DORMLINK                      the binary (default: dormlink on PATH)
set -u
dormlink=${DORMLINK:-dormlink}
mail_to=${MAIL_TO:-$(id -un)}

listing=$("$dormlink" -q check 2>&1)
status=$?
[ "$status" -eq 0 ] && exit 0

if [ "$status" -eq 1 ]; then
  subject="dormlink: overdue items $(date +%F)"
elif [ "$status" -eq 65 ]; then
  subject="dormlink: the database is damaged or unreadable (exit 65) $(date +%F); restore the backup the message names"
else
  subject="dormlink: check failed (exit $status) $(date +%F)"
fi
if command -v mail >/dev/null 2>&1; then
  printf '%s\n' "$listing" | mail -s "$subject" "$mail_to"
else
  # No mail command: cron mails whatever a job prints to its owner.
  printf '%s\n%s\n' "$subject" "$listing"
fi
exit "$status"
