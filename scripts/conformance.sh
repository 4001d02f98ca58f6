#!/usr/bin/env bash
# Runs the real generators on the conformance fixtures and records what each
# one publishes, as the goldens the conformance test checks ogfeed against:
#   tests/data/conformance/<generator>-<name>/expected.tsv
# Each line is either
#   post <TAB> SOURCE <TAB> URL   a page the generator lists (its feed and
#                                 lists hold it), SOURCE relative to the site
#   file <TAB> URL                a file the generator publishes (a page is
#                                 named by its folder URL, with and without
#                                 its '/': hosts redirect one to the other)
# The generator runs on a copy of the fixture with a probe added (Hugo: a
# home layout, Jekyll: a page) that prints every page of the generator's
# own list with its source and permalink; a listed page's file must exist
# in the output. A Hugo fixture without layouts gets minimal ones, as a
# theme would give. Needs Debian's hugo and jekyll; Hexo and Eleventy run
# from an npm folder named by OGFEED_NPM_DIR (one whose node_modules holds
# hexo, hexo-renderer-marked, hexo-generator-index and @11ty/eleventy:
# `npm install hexo@7 hexo-renderer-marked hexo-generator-index
# @11ty/eleventy@3`), and are skipped without it.
#   scripts/conformance.sh [--check] [FIXTURE_DIR...]
# With --check, nothing is written: each golden is compared with what the
# installed generator publishes now (exit 1 on a difference); a generator
# that is not installed is skipped (exit 77 when none ran).
# With --into DIR (for bench/real-sites.sh), each site's list goes to
# DIR/NAME.tsv and the generator's output stays in DIR/NAME.built;
# --generator G names the generator of sites whose folder name does not.
# (default: tests/data/conformance/* and the Hugo and Jekyll sites of
# tests/data/generators/)
set -euo pipefail
trap 'echo "conformance: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
# The generators run in UTC, as CI runners and hosting builders do: Hexo
# names a post's URL by its date in the machine's zone, Jekyll reads times
# without an offset in it.
export TZ=UTC
root=$(cd "$(dirname "$0")/.." && pwd)
check=0 into= generator=
while [[ "${1:-}" == --* ]]; do
  case "$1" in
    --check) check=1 && shift ;;
    --into) into=$(realpath "$2") && shift 2 ;;
    --generator) generator=$2 && shift 2 ;;
    *) echo "conformance: unknown option $1" >&2 && exit 2 ;;
  esac
done
fixtures=("$@")
if [[ ${#fixtures[@]} -eq 0 ]]; then
  fixtures=("$root"/tests/data/conformance/*/ "$root"/tests/data/generators/{hugo,jekyll,hexo,eleventy,docusaurus,gatsby}*/)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The URL of every file below $1 (the output), $2 the site's base URL.
file_urls() {
  # Scripts and styles are never what a feed links.
  (cd "$1" && find . -type f ! -name ogfeed-conformance.txt ! -name '*.js' ! -name '*.css' ! -name '*.map' |
    sed 's|^\./||' | LC_ALL=C sort) |
    while IFS= read -r f; do
      case "$f" in
        index.html) printf 'file\t%s\n' "$2" ;;
        */index.html) # a folder's page: with its slash, and without (hosts redirect)
          printf 'file\t%s%s\nfile\t%s%s\n' "$2" "${f%index.html}" "$2" "${f%/index.html}" ;;
        *) printf 'file\t%s%s\n' "$2" "$f" ;;
      esac
    done | perl -pe 's/([^\x00-\x7f])/sprintf("%%%02X", ord($1))/ge; s/([ "<>`{}])/sprintf("%%%02X", ord($1))/ge' # as URLs write them (WHATWG's path set)
}

# Checks that every listed post's page is a file of the output (NAME.html
# for a URL /NAME without an extension: Jekyll writes that, hosts serve it;
# a folder's page for DIR/index.html).
check_pages() { # posts.tsv files.tsv
  local missing=0
  while IFS=$'\t' read -r _ source url; do
    if [[ $url == *\?* ]]; then
      # Hexo leaves a name's '?' as is: its own link ends the path there
      # (a page no host serves), so only its file could be checked.
      echo "conformance: $source is listed at $url, whose '?' starts a query" >&2
      continue
    fi
    if ! grep -qxF "file	$url" "$2" && ! grep -qxF "file	$url.html" "$2" &&
      ! grep -qxF "file	${url%index.html}" "$2"; then
      echo "conformance: $source is listed at $url, but no such page was written" >&2
      missing=1
    fi
  done <"$1"
  return $missing
}

ran=0 failed=0
for dir in "${fixtures[@]}"; do
  dir=${dir%/}
  name=$(basename "$dir" | tr -c 'A-Za-z0-9._\n-' '_')
  out="$work/$name"
  site="$work/site-$name"
  rm -rf "$site" && cp -r "$dir" "$site" && rm -f "$site/expected.tsv"
  kind=${generator:-$name}
  case "$kind" in hugo*) tool=hugo ;; jekyll*) tool=jekyll ;; hexo* | eleventy* | docusaurus* | gatsby*) tool=npm ;; *) tool=none ;; esac
  package=${kind%%-*}
  [[ $package == eleventy ]] && package=@11ty/eleventy
  [[ $package == docusaurus ]] && package=@docusaurus/core
  if [[ $tool == npm && ! -d "${OGFEED_NPM_DIR:-/nonexistent}/node_modules/$package" ]]; then
    echo "conformance: $name: skipped, OGFEED_NPM_DIR names no npm folder with $package"
    continue
  fi
  if [[ $check -eq 1 && $tool != none && $tool != npm ]] && ! command -v "$tool" >/dev/null; then
    echo "conformance: $name: skipped, $tool is not installed"
    continue
  fi
  ran=$((ran + 1))
  case "$kind" in
    hugo*)
      version=$(hugo version | sed 's/ BuildDate.*//')
      mkdir -p "$site/layouts/_default"
      # A theme that is missing (a submodule not checked out): minimal
      # layouts, as URLs do not depend on the theme.
      if ! find "$site/layouts" "$site/themes" -name single.html 2>/dev/null | grep -q .; then
        echo '<!doctype html><html><body>{{ .Content }}</body></html>' >"$site/layouts/_default/single.html"
        echo '<!doctype html><html><body>{{ range .Pages }}<a href="{{ .Permalink }}">{{ .Title }}</a>{{ end }}</body></html>' >"$site/layouts/_default/list.html"
      fi
      printf '%s\n' '<!doctype html><html><body><pre>' \
        '{{ range .Sites }}{{ range .RegularPages }}ogfeed-post	{{ with .File }}{{ .Filename | safeHTML }}{{ end }}	{{ .Permalink | safeHTML }}' \
        '{{ end }}{{ end }}</pre></body></html>' >"$site/layouts/index.html"
      # A theme that is missing gets an empty folder, and each shortcode the
      # build then lacks an empty stub: URLs depend on
      # neither. Each retry fixes what the last error named.
      for _ in $(seq 40); do
        # (Embeds fetched over the network are no page: without one, no error.)
        if (cd "$site" && HUGO_IGNOREERRORS=error-remote-getjson hugo --quiet -d "$out" >"$work/hugo.log" 2>&1); then
          break
        fi
        if missing=$(grep -oP 'module "\K[^"]+(?=" not found)' "$work/hugo.log" | head -1) && [[ -n $missing ]]; then
          mkdir -p "$site/themes/$missing"
        elif missing=$(grep -oP 'template for shortcode "\K[^"]+(?=" not found)' "$work/hugo.log" | head -1) && [[ -n $missing ]]; then
          mkdir -p "$site/layouts/shortcodes/$(dirname "$missing")"
          : >"$site/layouts/shortcodes/$missing.html"
        elif missing=$(grep -oP 'shortcode "\K[^"]+(?=" does not evaluate .Inner)' "$work/hugo.log" | head -1) && [[ -n $missing ]]; then
          echo '{{ .Inner }}' >"$site/layouts/shortcodes/$missing.html" # a paired one
        elif [[ ! -e "$work/bare-$name" ]] && grep -qE 'execute of template failed|parse failed: template|loading templates' "$work/hugo.log"; then
          # The site's or its theme's templates need a newer Hugo than this
          # one: a page's URL depends on neither, so they are set aside
          # once for the minimal ones (its shortcodes are stubbed as above).
          touch "$work/bare-$name"
          rm -rf "$site/layouts" "$site/themes" "$site/_vendor"
          mkdir -p "$site/layouts/_default" "$site/layouts/shortcodes"
          echo '<!doctype html><html><body>{{ .Content }}</body></html>' >"$site/layouts/_default/single.html"
          echo '<!doctype html><html><body>{{ range .Pages }}<a href="{{ .Permalink }}">{{ .Title }}</a>{{ end }}</body></html>' >"$site/layouts/_default/list.html"
          printf '%s\n' '<!doctype html><html><body><pre>' \
            '{{ range .Sites }}{{ range .RegularPages }}ogfeed-post	{{ with .File }}{{ .Filename | safeHTML }}{{ end }}	{{ .Permalink | safeHTML }}' \
            '{{ end }}{{ end }}</pre></body></html>' >"$site/layouts/index.html"
        else
          cat "$work/hugo.log" >&2
          exit 1
        fi
      done
      settings=$(cd "$site" && hugo config) # whole: a pipe's early exit is a SIGPIPE
      base=$(grep -oP '^\s*baseurl\s*[:=]\s*["\x27]?\K[^"\x27\s]+' <<<"$settings" | sed -n 1p)
      # The probe prints each page's absolute source path: made relative.
      find "$out" -name index.html -exec grep -hP '^ogfeed-post\t' {} + |
        awk -F'\t' -v d="$site/" '$3 != "" { sub("^" d, "", $2); print "post\t" $2 "\t" $3 }' |
        LC_ALL=C sort -u >"$work/posts.tsv"
      find "$out" -name index.html -exec sed -i '/^ogfeed-post\t/d' {} +
      ;;
    jekyll*)
      version="jekyll $(jekyll --version | awk '{print $2}')"
      printf '%s\n' '---' 'layout: null' '---' 'ogfeed-base	{{ "/" | absolute_url }}' \
        '{% for p in site.posts %}ogfeed-post	{{ p.path }}	{{ p.url | absolute_url }}' \
        '{% endfor %}' >"$site/ogfeed-conformance.txt"
      if ! (cd "$site" && jekyll build --quiet -s . -d "$out" >/dev/null 2>&1); then
        # Plugins or a theme gem that are not installed: built without them.
        sed -i -E '/^plugins *:/,/^[^ -]/{/^plugins *:/d;/^ *- /d}; /^gems *:/,/^[^ -]/{/^gems *:/d;/^ *- /d}; /^theme *:/d; /^remote_theme *:/d' "$site/_config.yml"
        rm -f "$site/Gemfile" "$site/Gemfile.lock"
        if ! (cd "$site" && jekyll build --quiet -s . -d "$out" >/dev/null 2>&1); then
          # The site's layouts include the missing theme's: a page's URL
          # does not depend on its layout, so the pages are built bare,
          # and each theme include a post names is an empty one.
          rm -rf "$site/_layouts" "$site/_includes"
          for _ in $(seq 30); do
            if (cd "$site" && jekyll build --quiet -s . -d "$out" >"$work/jekyll.log" 2>&1); then
              break
            fi
            missing=$(sed 's/\x1b\[[0-9;]*m//g' "$work/jekyll.log" | grep -oP "Could not locate the included file '\K[^']+" | head -1)
            if [[ -z $missing || $missing == */../* || $missing == ../* ]]; then
              cat "$work/jekyll.log" >&2
              exit 1
            fi
            mkdir -p "$site/_includes/$(dirname "$missing")"
            : >"$site/_includes/$missing"
          done
        fi
      fi
      base=$(grep -hoP '^ogfeed-base\t\K.*' "$out/ogfeed-conformance.txt")
      grep -hP '^ogfeed-post\t' "$out/ogfeed-conformance.txt" |
        awk -F'\t' '$3 != "" { print "post\t" $2 "\t" $3 }' | LC_ALL=C sort -u >"$work/posts.tsv"
      ;;
    hexo*)
      npm=$(realpath "$OGFEED_NPM_DIR")
      version="hexo $(node -p "require('$npm/node_modules/hexo/package.json').version")"
      ln -s "$npm/node_modules" "$site/node_modules"
      # Hexo reads a folder as a site by package.json's "hexo" key, and loads
      # the plugins it lists.
      deps='"hexo":"*","hexo-renderer-marked":"*","hexo-generator-index":"*"'
      for plugin in hexo-generator-tag hexo-generator-category hexo-generator-archive; do
        if [[ -d "$npm/node_modules/$plugin" ]]; then deps+=",\"$plugin\":\"*\""; fi
      done
      printf '{"name":"s","hexo":{"version":"7.0.0"},"dependencies":{%s}}\n' "$deps" >"$site/package.json"
      mkdir -p "$site/scripts"
      printf '%s\n' "hexo.extend.generator.register('ogfeed_conformance', function (locals) {" \
        "  const lines = locals.posts.map(p => 'ogfeed-post\t' + hexo.config.source_dir + '/' + p.source + '\t' + p.permalink);" \
        "  return { path: 'ogfeed-conformance.txt', data: 'ogfeed-base\t' + hexo.config.url + '/\n' + lines.join('\n') + '\n' };" \
        "});" >"$site/scripts/ogfeed-conformance.js"
      # Into its public_dir (smallyunet/hexo-blog-en: docs).
      public=$(grep -oP '^public_dir:\s*["\x27]?\K[^"\x27\s#]+' "$site/_config.yml" | head -1 || true)
      public=${public:-public}
      [[ $public != /* && $public != *..* ]] || { echo "conformance: public_dir '$public' is outside the site" >&2; exit 1; }
      # A tag plugin (or Hexo 6's gist, jsfiddle...) that is not installed:
      # a stub for each tag the build then lacks, paired when its end tag is
      # what is missing. A post's URL depends on none.
      for _ in $(seq 30); do
        if (cd "$site" && node "$npm/node_modules/hexo/bin/hexo" generate >"$work/hexo.log" 2>&1); then
          break
        fi
        missing=$(grep -oP 'unknown block tag: \K[A-Za-z0-9_]+' "$work/hexo.log" | head -1 || true)
        if [[ -z $missing ]]; then
          cat "$work/hexo.log" >&2
          exit 1
        fi
        if [[ $missing == end* ]]; then
          printf "hexo.extend.tag.register('%s', (a, c) => c, { ends: true });\n" "${missing#end}" >>"$site/scripts/ogfeed-stub-tags.js"
        else
          printf "hexo.extend.tag.register('%s', () => '');\n" "$missing" >>"$site/scripts/ogfeed-stub-tags.js"
        fi
      done
      mv "$site/$public" "$out"
      base=$(grep -hoP '^ogfeed-base\t\K.*' "$out/ogfeed-conformance.txt")
      grep -hP '^ogfeed-post\t' "$out/ogfeed-conformance.txt" |
        awk -F'\t' '$3 != "" { print "post\t" $2 "\t" $3 }' | LC_ALL=C sort -u >"$work/posts.tsv"
      ;;
    eleventy*)
      npm=$(realpath "$OGFEED_NPM_DIR")
      version="eleventy $(node -p "require('$npm/node_modules/@11ty/eleventy/package.json').version")"
      # A site with its own node_modules (its plugins installed) keeps them.
      [[ -e "$site/node_modules" ]] || ln -s "$npm/node_modules" "$site/node_modules"
      config=
      for f in eleventy.config.js eleventy.config.mjs eleventy.config.cjs .eleventy.js; do
        if [[ -e "$site/$f" ]]; then config=$f && break; fi
      done
      # The site's config, plus a page listing the posts collection.
      printf '%s\n' "import site, * as rest from './$config';" 'export const config = rest.config;' \
        'export default async function (c) {' '  const own = typeof site === "function" ? await site(c) : undefined;' \
        '  c.addTemplateFormats("liquid");' \
        '  c.addTemplate("ogfeed-conformance.liquid", "ogfeed-base\t{% if metadata.url %}{{ metadata.url }}{% else %}{{ site.url }}{% endif %}\n{% for p in collections.posts %}ogfeed-post\t{{ p.inputPath }}\t{{ p.url }}\n{% endfor %}", { permalink: "/ogfeed-conformance.txt", eleventyExcludeFromCollections: true });' \
        '  return own;' '}' >"$site/ogfeed-probe.config.mjs"
      (cd "$site" && node "$npm/node_modules/@11ty/eleventy/cmd.cjs" --config=ogfeed-probe.config.mjs --quiet --output="$out" >/dev/null)
      base=$(grep -hoP '^ogfeed-base\t\K.*' "$out/ogfeed-conformance.txt")
      grep -hP '^ogfeed-post\t' "$out/ogfeed-conformance.txt" |
        awk -F'\t' -v b="${base%/}" '$3 != "" { sub("^\\./", "", $2); print "post\t" $2 "\t" b $3 }' | LC_ALL=C sort -u >"$work/posts.tsv"
      ;;
    docusaurus*)
      npm=$(realpath "$OGFEED_NPM_DIR")
      version="docusaurus $(node -p "require('$npm/node_modules/@docusaurus/core/package.json').version")"
      [[ -e "$site/node_modules" ]] || ln -s "$npm/node_modules" "$site/node_modules"
      config=$(cd "$site" && for f in docusaurus.config.js docusaurus.config.mjs; do [[ -e $f ]] && echo "$f" && break; done || true)
      # The site's config plus a plugin that lists the blog's posts as
      # Docusaurus made them; broken links only warn (the probe's pages).
      printf '%s\n' 'import fs from "node:fs";' "import site from './$config';" \
        'const config = { ...site, onBrokenLinks: "warn" };' \
        'config.presets = config.presets ?? [["classic", {}]];' \
        'config.plugins = [...(config.plugins ?? []), () => ({ name: "ogfeed-probe", async allContentLoaded({ allContent }) {' \
        '  const lines = [];' \
        '  for (const i of Object.values(allContent["docusaurus-plugin-content-blog"] ?? {})) for (const p of i.blogPosts) lines.push(`ogfeed-post\t${p.metadata.source.replace(/^@site\//, "")}\t${p.metadata.permalink}`);' \
        '  fs.writeFileSync(process.env.OGFEED_PROBE_OUT, `ogfeed-base\t${config.url}${config.baseUrl}\n` + lines.join("\n") + "\n");' \
        '} })];' 'export default config;' >"$site/ogfeed-probe.config.mjs"
      (cd "$site" && OGFEED_PROBE_OUT="$work/probe.txt" node "$npm/node_modules/@docusaurus/core/bin/docusaurus.mjs" build \
        --config ogfeed-probe.config.mjs --out-dir "$out" >/dev/null 2>&1)
      base=$(grep -hoP '^ogfeed-base\t\K.*' "$work/probe.txt")
      host=$(grep -oP '^https?://[^/]+' <<<"$base")
      grep -hP '^ogfeed-post\t' "$work/probe.txt" |
        awk -F'\t' -v h="$host" '$3 != "" { print "post\t" $2 "\t" h $3 }' | LC_ALL=C sort -u >"$work/posts.tsv"
      ;;
    gatsby*)
      npm=$(realpath "$OGFEED_NPM_DIR")
      version="gatsby $(node -p "require('$npm/node_modules/gatsby/package.json').version")"
      [[ -e "$site/node_modules" ]] || ln -s "$npm/node_modules" "$site/node_modules"
      # The site's gatsby-node.js plus a build hook that lists every page
      # made from a Markdown node (createPage's context.id, as
      # gatsby-starter-blog passes it) with the file it came from.
      [[ -e "$site/gatsby-node.js" ]] || echo >"$site/gatsby-node.js"
      printf '%s\n' 'exports.onPostBuild = ({ store, getNode }) => {' \
        '  const state = store.getState(), lines = [];' \
        '  for (const page of state.pages.values()) {' \
        '    const node = page.context && page.context.id && getNode(page.context.id);' \
        '    if (!node || !["MarkdownRemark", "Mdx"].includes(node.internal.type)) continue;' \
        '    const file = getNode(node.parent);' \
        '    lines.push(`ogfeed-post\t${require("path").relative(state.program.directory, file.absolutePath)}\t${encodeURI(page.path)}`);' \
        '  }' \
        '  require("fs").writeFileSync(process.env.OGFEED_PROBE_OUT, `ogfeed-base\t${state.config.siteMetadata.siteUrl}\n` + lines.join("\n") + "\n");' \
        '};' >>"$site/gatsby-node.js"
      (cd "$site" && GATSBY_TELEMETRY_DISABLED=1 OGFEED_PROBE_OUT="$work/probe.txt" node "$npm/node_modules/gatsby/cli.js" build >/dev/null 2>&1 &&
        mv public "$out")
      base=$(grep -hoP '^ogfeed-base\t\K.*' "$work/probe.txt")
      grep -hP '^ogfeed-post\t' "$work/probe.txt" |
        awk -F'\t' -v b="${base%/}" '$3 != "" { print "post\t" $2 "\t" b $3 }' | LC_ALL=C sort -u >"$work/posts.tsv"
      ;;
    *)
      echo "conformance: $name: no generator named by its prefix (hugo, jekyll, hexo, eleventy, docusaurus, gatsby)" >&2
      exit 2
      ;;
  esac
  file_urls "$out" "${base%/}/" >"$work/files.tsv"
  check_pages "$work/posts.tsv" "$work/files.tsv"
  golden="$dir/expected.tsv"
  [[ $check -eq 1 ]] && golden="$work/expected.tsv"
  if [[ -n "$into" ]]; then
    golden="$into/$name.tsv"
    rm -rf "$into/$name.built" && cp -r "$out" "$into/$name.built"
  fi
  {
    echo "# Made by scripts/conformance.sh from $version: what the generator published. Do not edit."
    cat "$work/posts.tsv" "$work/files.tsv"
  } >"$golden"
  if [[ $check -eq 1 ]] && ! diff -u <(grep -v '^#' "$dir/expected.tsv") <(grep -v '^#' "$golden"); then
    echo "conformance: $name: $version publishes other URLs than $dir/expected.tsv says (run scripts/conformance.sh to update it, and review the diff)" >&2
    failed=1
  fi
  echo "conformance: $name: $(wc -l <"$work/posts.tsv") posts, $(wc -l <"$work/files.tsv") files ($version)"
done
[[ $failed -eq 0 ]] || exit 1
[[ $ran -gt 0 ]] || exit 77
