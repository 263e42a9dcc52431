#!/usr/bin/env bash
# render.sh renders the evaluation set: every row of set/plan.tsv becomes a
# PDF or DOCX file under the output folder (default bench/eval/out, which
# git ignores). Files already rendered are kept; -f renders all again.
#
# Needs node and npm (the themes are installed into $EVAL_NPM, default
# /tmp/screener-eval-npm, on first use), chromium, xelatex (texlive-xetex,
# texlive-latex-extra with moderncv and europecv), soffice
# (libreoffice-writer) and fonts for every script of the set: fonts-dejavu
# (Latin, Greek, Cyrillic, Arabic), fonts-droid-fallback (Chinese,
# Japanese), fonts-nanum (Korean), fonts-lohit-deva (Devanagari).
#
#	bench/eval/render.sh [-f] [OUT]
set -euo pipefail
cd "$(dirname "$0")"
force=0
if [[ "${1:-}" == -f ]]; then force=1; shift; fi
out=$(realpath -m "${1:-out}")
set_dir=$PWD/set
npmdir=${EVAL_NPM:-/tmp/screener-eval-npm}
themes="elegant@1.16.1 even@0.26.1 flat@0.3.7 kendall@0.2.0 macchiato@1.1.0 stackoverflow@3.3.0"

if [[ ! -d $npmdir/node_modules/jsonresume-theme-even ]]; then
  mkdir -p "$npmdir"
  (cd "$npmdir" && [[ -f package.json ]] || npm init -y >/dev/null)
  pkgs=()
  for t in $themes; do pkgs+=("jsonresume-theme-$t"); done
  (cd "$npmdir" && npm install --no-audit --no-fund --silent "${pkgs[@]}")
fi

for lang in zh ja ko ar ru el hi; do
  if [[ -z $(fc-list ":lang=$lang" family) ]]; then
    echo "render.sh: no font for language $lang (see the fonts listed at the top)" >&2
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chrome() { # chrome IN.html OUT.pdf
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
    --user-data-dir="$work/chrome" --print-to-pdf="$2" "$1" >/dev/null 2>&1
}

n=0
while IFS=$'\t' read -r file layout kind src; do
  dst=$out/$file
  if [[ $force == 0 && -s $dst ]]; then continue; fi
  mkdir -p "$(dirname "$dst")"
  stem=$(basename "${file%.*}")
  case $kind in
  theme)
    node render.mjs "$npmdir/node_modules" "$layout" "$set_dir/$src" "$work/$stem.html"
    chrome "$work/$stem.html" "$dst"
    ;;
  latex)
    mkdir -p "$work/tex"
    cp "$set_dir/$src" "$work/tex/$stem.tex"
    (cd "$work/tex" && timeout 120 xelatex -interaction=nonstopmode -halt-on-error "$stem.tex" >"$stem.console" 2>&1) ||
      { echo "xelatex failed for $file:" >&2; tail -20 "$work/tex/$stem.console" >&2; exit 1; }
    cp "$work/tex/$stem.pdf" "$dst"
    ;;
  docx | odt)
    filter='docx:MS Word 2007 XML'
    if [[ $kind == odt ]]; then filter='odt:writer8'; fi
    mkdir -p "$work/$kind"
    cp "$set_dir/$src" "$work/$kind/$stem.html"
    (cd "$work/$kind" && timeout 120 soffice -env:UserInstallation=file://$work/lo --headless \
      --convert-to "$filter" "$stem.html" >/dev/null 2>&1)
    cp "$work/$kind/$stem.$kind" "$dst"
    ;;
  *) echo "unknown kind $kind" >&2; exit 1 ;;
  esac
  n=$((n + 1))
done <"$set_dir/plan.tsv"
echo "rendered $n files into $out"
