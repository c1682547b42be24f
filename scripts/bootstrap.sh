#!/usr/bin/env bash
# Set everything up on a fresh Debian bookworm machine: system packages, a virtual
# environment that sees Debian's Python packages, the package installed in editable mode,
# and a Jupyter kernel inside the environment. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build git
  libboost-graph-dev nlohmann-json3-dev libgtest-dev pybind11-dev
  python3-dev python3-venv python3-pip python3-setuptools python3-wheel
  python3-pytest python3-numpy python3-pandas python3-matplotlib python3-jsonschema
  python3-nbformat python3-nbclient python3-ipykernel python3-mypy
  python3-openpyxl python3-hypothesis python3-docx python3-networkx python3-scipy
  libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils
  clang libclang-rt-14-dev
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Debian's interpreter, not whatever python3 is first on PATH: only it sees python3-* packages.
if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
# No PyPI here: never let pip try to fetch build requirements.
printf '[install]\nno-build-isolation = false\n' > .venv/pip.conf

.venv/bin/python -m pip install --no-build-isolation --no-deps -e . >/dev/null
.venv/bin/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (interreg)" >/dev/null
.venv/bin/python -c "import interreg; print('interreg', interreg.__version__, 'ready in .venv')"
