#!/usr/bin/env sh
# Converts a .docx (by default the demo's out/绩效自评报告.docx) to PDF with LibreOffice, and the PDF
# to one PNG per page with pdftoppm, so a person can look at the layout. Not part of CI: it needs
# LibreOffice (soffice) and, for the PNGs, poppler-utils; CJK fonts (e.g. fonts-noto-cjk) make the
# Chinese render — the official fonts are substituted, so judge layout, not typefaces.
#
#   sh scripts/docx-to-pdf.sh [REPORT.docx] [OUT_DIR]
set -eu

DOCX="${1:-out/绩效自评报告.docx}"
OUT_DIR="${2:-out/pdf}"

SOFFICE="$(command -v soffice || command -v libreoffice || true)"
if [ -z "$SOFFICE" ]; then
  echo "docx-to-pdf: LibreOffice (soffice) is not installed; nothing to do." >&2
  exit 0
fi
if [ ! -f "$DOCX" ]; then
  echo "docx-to-pdf: no such file: $DOCX (run npm run demo first)" >&2
  exit 2
fi

mkdir -p "$OUT_DIR"
# A private profile, so a LibreOffice the user has open is neither used nor disturbed.
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
"$SOFFICE" -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$OUT_DIR" "$DOCX" >/dev/null

PDF="$OUT_DIR/$(basename "${DOCX%.*}").pdf"
echo "wrote $PDF"
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -png -r 60 "$PDF" "$OUT_DIR/$(basename "${DOCX%.*}")-page"
  echo "wrote $(ls "$OUT_DIR"/*-page*.png | wc -l | tr -d ' ') page images in $OUT_DIR"
fi
