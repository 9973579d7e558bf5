#!/usr/bin/env bash
# Report -> PDF -> page images, to look at the layout (not part of the test run).
#
#   scripts/report_to_pdf.sh [OUT_DIR] [SESSION_ID]
#
# Without SESSION_ID a fresh demo session is made in a temporary data folder. Needs LibreOffice
# (libreoffice-writer) and poppler-utils (pdftoppm). Writes OUT_DIR/rapport.docx, rapport.pdf and
# page-NN.png at 60 dpi.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/data/report-preview}"
session="${2:-}"
python="$here/.venv/bin/python"
[ -x "$python" ] || python="python3"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

command -v libreoffice >/dev/null || { echo "libreoffice ontbreekt (apt-get install libreoffice-writer)" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm ontbreekt (apt-get install poppler-utils)" >&2; exit 1; }

cd "$here"
if [ -z "$session" ]; then
  export ARENA_DATA_DIR="$(mktemp -d)"
  session="$("$python" -m arena demo | tail -n 1)"
  echo "Voorbeeldsessie $session in $ARENA_DATA_DIR"
fi

"$python" -m arena report --session "$session" --out "$out/rapport.docx"
# A private LibreOffice profile: works while another LibreOffice runs, leaves the user's profile alone.
profile="$(mktemp -d)"
libreoffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$out/rapport.docx" >/dev/null
rm -rf "$profile"
rm -f "$out"/page-*.png
pdftoppm -png -r 60 "$out/rapport.pdf" "$out/page"
echo "PDF: $out/rapport.pdf ($(ls "$out"/page-*.png | wc -l) pagina's als PNG in $out)"
