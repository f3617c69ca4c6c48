#!/usr/bin/env bash
# Installs every Debian package Dorado needs to build, test and run.
# Idempotent: packages already installed are skipped, and apt is not touched
# at all when nothing is missing.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang-format
  # libraries (see DESIGN.md section 3)
  libyaml-cpp-dev nlohmann-json3-dev libsqlite3-dev libpqxx-dev libpq-dev
  libhiredis-dev libhowardhinnant-date-dev tzdata libspdlog-dev libfmt-dev
  libcli11-dev libssl-dev libcurl4-openssl-dev libcpp-httplib-dev
  libeigen3-dev libxgboost-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev libquantlib0-dev
  # servers the integration tests start on loopback
  postgresql redis-server
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
