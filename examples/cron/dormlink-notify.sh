#!/bin/sh
# The evening job of crontab.example: mails each recipient their own digest (dormlink notify)
# and exits as notify does, so cron and monitoring see the state:
#   0   nothing overdue (digests with something due soon may still have been sent)
#   1   something is overdue; the digests say what (nothing is printed: cron mails no one)
#   65  the database is damaged; nothing was sent (docs/backup.md "Damage")
#   69  no /usr/sbin/sendmail: install a mail transfer agent (default-mta) or set DORMLINK_VIA
#   74  some messages were not handed over; the others were, and are recorded
# Anything dormlink prints is an error, and cron mails it to MAILTO.
#
#   DORMLINK_DB, DORMLINK_CONFIG  the database and rules (crontab.example sets them)
#   DORMLINK                      the binary (default /usr/local/bin/dormlink)
#   DORMLINK_VIA                  how to send (default sendmail; mbox:DIR writes .eml files)
set -u
dormlink=${DORMLINK:-/usr/local/bin/dormlink}
via=${DORMLINK_VIA:-sendmail}
if [ ! -x "$dormlink" ]; then
  echo "dormlink-notify: $dormlink is not there; install dormlink or set DORMLINK in the crontab" >&2
  exit 69
fi
"$dormlink" -q notify --via "$via"
