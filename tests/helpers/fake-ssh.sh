#!/bin/sh
# Stands in for ssh in the deploy tests: skips ssh's options and the host, then
# runs the command line here as sshd would, through a shell (`sh -c` of the
# words joined by spaces), so the quoting of remote commands is exercised.
# Each call is appended to $FAKE_SSH_LOG when set.
while [ $# -gt 0 ]; do
  case $1 in
    -[bcDEeFIiJLlmOoPpQRSWw]) shift 2 ;;
    -*) shift ;;
    *) break ;;
  esac
done
shift # the host
if [ -n "${FAKE_SSH_LOG:-}" ]; then printf '%s\n' "$*" >>"$FAKE_SSH_LOG"; fi
exec sh -c "$*"
