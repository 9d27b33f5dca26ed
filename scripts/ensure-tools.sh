#!/usr/bin/env bash
# Checks the system tools the tests need. As root on Debian it installs what is missing; otherwise it stops and
# prints the exact command that installs it. Called by `npm test` and by .ci/run.
set -euo pipefail

declare -A PACKAGE_OF=(
  [/usr/bin/chromium]=chromium
  [/usr/bin/socat]=socat
  [/usr/bin/zbarimg]=zbar-tools
)

missing=()
for tool in "${!PACKAGE_OF[@]}"; do
  [ -x "$tool" ] || missing+=("${PACKAGE_OF[$tool]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing missing test tools: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "The tests need these Debian packages: ${missing[*]}" >&2
echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
exit 1
