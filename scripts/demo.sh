#!/bin/sh
# The main job: `npm run demo` (or `pnpm demo`) starts the mock provider, the demo backend and
# every sample app, and prints their URLs.
. "$(dirname "$0")/bootstrap.sh"
$PNPM exec turbo run build --output-logs=errors-only
exec node scripts/demo.mjs "$@"
