#!/bin/sh
# The web app's front end is built with the machine's Node.js (20 or later) and npm; say so clearly when they are missing.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "ERROR: Node.js 20 (with npm) is needed to build web/ (the front end). Install it, e.g. 'apt-get install nodejs npm' on Debian 12 or from https://nodejs.org, and run the build again." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "ERROR: Node.js 20 or later is needed to build web/; this machine has $(node --version)." >&2
  exit 1
fi
