#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for the dashboard's browser tests (tests/CaseFlow.Dashboard.Tests), installed
# when missing, like postgres.sh and rabbitmq.sh install their servers. Playwright cannot download a browser here: the
# tests launch /usr/bin/chromium (CASEFLOW_CHROMIUM overrides it).
#   infra/chromium.sh ensure   install when missing, print the path
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM="${CASEFLOW_CHROMIUM:-/usr/bin/chromium}"

case "${1:-ensure}" in
    ensure)
        if [[ ! -x "$CHROMIUM" ]]; then
            cf_say "chromium: $CHROMIUM not found"
            # Fonts with Cyrillic glyphs: the dashboard speaks Russian and Kyrgyz, and screenshots should show it.
            cf_apt_install chromium chromium-driver fonts-dejavu-core fonts-liberation
            [[ -x "$CHROMIUM" ]] || cf_die "chromium: $CHROMIUM still missing after installing"
        fi
        echo "$CHROMIUM"
        ;;
    *) cf_die "usage: infra/chromium.sh ensure" ;;
esac
