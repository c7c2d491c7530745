#!/usr/bin/env bash
# Installs what Isnad needs on Debian or Ubuntu, skipping what is already there.
#   scripts/deps.sh build   libpcre2-dev (and libsqlite3-dev for the SQLite report)
#   scripts/deps.sh test    the above, plus what the optional integration tests use:
#                           chromium (HTML report check), a Java runtime and pyspark (Spark
#                           scale-out test)
#   scripts/deps.sh bench   the build's, plus what scripts/bench uses: pcre2-utils, gcc, time
set -euo pipefail
what="${1:-build}"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "deps.sh: need root (or sudo) to run: $*" >&2; return 1
  fi
}

apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "deps.sh: missing ${missing[*]} and no apt-get here; install them with your package manager" >&2
    return 1
  fi
  echo "deps.sh: installing ${missing[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

apt_install libpcre2-dev libsqlite3-dev pkg-config
if [ "$what" = bench ]; then
  apt_install pcre2-utils gcc time
fi
if [ "$what" = test ]; then
  apt_install pcre2-utils chromium default-jre-headless python3-pip || \
    echo "deps.sh: some optional test tools could not be installed; their tests will be skipped" >&2
  if ! python3 -c 'import pyspark' 2>/dev/null; then
    echo "deps.sh: installing pyspark (pip)" >&2
    python3 -m pip install --quiet pyspark 2>/dev/null || python3 -m pip install --quiet --break-system-packages pyspark || \
      echo "deps.sh: pyspark could not be installed; the Spark test will be skipped" >&2
  fi
fi
