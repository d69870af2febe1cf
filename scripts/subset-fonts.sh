#!/usr/bin/env bash
# Rebuilds the reduced DejaVu Sans faces embedded in Billing.Documents (see functions/Billing.Documents/Fonts/README.md).
# Needs: apt-get install -y python3-fonttools fonts-dejavu-core
set -euo pipefail
cd "$(dirname "$0")/../functions/Billing.Documents/Fonts"
ranges="U+0020-007E,U+00A0-024F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2212,U+2260-2265,U+FFFD"
for face in DejaVuSans DejaVuSans-Bold; do
  /usr/bin/python3 -m fontTools.subset "/usr/share/fonts/truetype/dejavu/$face.ttf" --unicodes="$ranges" \
    --layout-features='kern,liga' --no-hinting --output-file="$face.ttf"
done
