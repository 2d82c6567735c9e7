#!/usr/bin/env bash
# CI only, as root: a real Postfix on 127.0.0.1:25 for the gated test
# packages/server/src/channels/postfix.ci.test.ts (SENDWELL_TEST_POSTFIX=1).
#
#   scripts/ci/postfix-loopback.sh <sandbox-smtp-port>   install (if needed), configure, start
#   scripts/ci/postfix-loopback.sh --stop                 stop it again
#
# What it proves: an SMTP lane hands mail to Postfix; Postfix's local(8) bounces an unknown local user
# with a real DSN; the DSN goes to the envelope sender (a sandbox rep, e.g. ava@contoso.test), which
# transport_maps routes to the sandbox's SMTP server on <sandbox-smtp-port> (its MX role); the rep's
# sandbox inbox gets it and Sendwell's scanner records the bounce.
set -euo pipefail

if [ "${1:-}" = "--stop" ]; then
  postfix stop >/dev/null 2>&1 || true
  exit 0
fi

port=${1:?usage: postfix-loopback.sh <sandbox-smtp-port> | --stop}
case "$port" in '' | *[!0-9]*) echo "postfix-loopback.sh: the sandbox SMTP port must be a number, got $port" >&2; exit 2 ;; esac
[ "$(id -u)" = 0 ] || { echo "postfix-loopback.sh must run as root (CI)" >&2; exit 2; }

if ! command -v postfix >/dev/null 2>&1; then
  # "Local only": no relay host, nothing leaves the machine (default_transport below makes sure).
  echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
  echo "postfix postfix/mailname string postfix.sendwell-ci.test" | debconf-set-selections
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
fi

# The sandbox's domains: the demo people's (packages/sandbox/src/users.ts). Hard-coded here because
# the script runs before any Sendwell does; a new seed domain must be added here too.
SANDBOX_DOMAINS="contoso.test fabrikam.test acme.test"
: >/etc/postfix/transport
for domain in $SANDBOX_DOMAINS; do
  echo "$domain smtp:[127.0.0.1]:$port" >>/etc/postfix/transport
done
postmap /etc/postfix/transport

postconf -e \
  'myhostname = postfix.sendwell-ci.test' \
  'inet_interfaces = 127.0.0.1' \
  'inet_protocols = ipv4' \
  'mydestination = $myhostname, localhost' \
  'mynetworks = 127.0.0.0/8' \
  'relayhost =' \
  'local_recipient_maps =' \
  'alias_maps = hash:/etc/aliases' \
  'alias_database = hash:/etc/aliases' \
  'transport_maps = hash:/etc/postfix/transport' \
  'default_transport = error:CI Postfix delivers to localhost and the sandbox domains only' \
  'smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination' \
  'smtpd_tls_security_level = none' \
  'smtp_tls_security_level = none' \
  'smtp_dns_support_level = disabled' \
  'smtputf8_enable = no' \
  'minimal_backoff_time = 5s' \
  'maximal_backoff_time = 10s' \
  'queue_run_delay = 5s' \
  'maillog_file = /var/log/postfix-ci.log'
# Unknown local users (nobody-…@postfix.sendwell-ci.test: Sendwell's address check wants a dot in the
# domain, so not @localhost) are accepted by smtpd (local_recipient_maps empty) and bounced by
# local(8): that bounce is the real DSN under test.
newaliases

# No syslog in CI containers: Postfix writes its own log (postlogd), for a failing test to read.
if postfix status >/dev/null 2>&1; then postfix reload >/dev/null; else postfix start >/dev/null; fi
for _ in $(seq 1 30); do
  if (exec 3<>/dev/tcp/127.0.0.1/25) 2>/dev/null; then
    echo "Postfix listens on 127.0.0.1:25; mail for $SANDBOX_DOMAINS goes to 127.0.0.1:$port"
    exit 0
  fi
  sleep 1
done
echo "Postfix did not start listening on 127.0.0.1:25" >&2
exit 1
