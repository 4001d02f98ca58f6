#!/usr/bin/env bash
# Renders one card per shipped template into docs/templates/NAME.jpg, the
# pictures the README shows, with the example blog's logo and avatar
# (stand-ins drawn by scripts/make-sample-images.py). Run after changing a
# template:
#
#   bash scripts/render-template-gallery.sh [build/ogfeed]
set -euo pipefail
cd "$(dirname "$0")/.."
ogfeed=${1:-build/ogfeed}
mkdir -p docs/templates
for t in templates/*.yaml; do
  name=$(basename "$t" .yaml)
  "$ogfeed" card --site-dir examples/blog --template "$name" \
    --title "「技術的負債」とどう向き合うか？チームで決めた5つのルール" \
    --site "ogfeed サンプルブログ" --author "山田 花子" \
    --tags "設計,チーム開発,振り返り" --date 2024-05-01 --emoji "📝" \
    -o "docs/templates/$name.jpg"
  echo "docs/templates/$name.jpg"
done
# One card with the optional description line (cards.description: true).
"$ogfeed" card --site-dir examples/blog --template default \
  --title "「技術的負債」とどう向き合うか？チームで決めた5つのルール" \
  --site "ogfeed サンプルブログ" --author "山田 花子" \
  --tags "設計,チーム開発,振り返り" --date 2024-05-01 \
  --description "負債を見える化し、返済の優先順位をチームで決めるまでの一年を振り返ります。" \
  -o docs/templates/default-description.jpg
echo docs/templates/default-description.jpg
