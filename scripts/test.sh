#!/bin/sh
# The one command that runs every check and test: `npm test` (or `pnpm test`).
NEED_CHROMIUM=1
NEED_REDIS=1
. "$(dirname "$0")/bootstrap.sh"
exec $PNPM run checks "$@"
