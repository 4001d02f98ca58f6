# bash completion for ogfeed
_ogfeed() {
  local cur prev words cword
  _init_completion || return
  local commands="build card validate init"
  if [[ $cword -eq 1 ]]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  case "${words[1]}" in
    build)
      case "$prev" in
        -o | --output | --state-dir | --site-output) _filedir -d; return ;;
        -j | --jobs) return ;;
      esac
      COMPREPLY=($(compgen -W "--output --base-url --site-output --strict --state-dir --force --drafts --future --no-cards --wait --watch --jobs --quiet --report --format --shard --merge-shards --help" -- "$cur"))
      [[ $cur != -* ]] && _filedir -d
      ;;
    card)
      case "$prev" in
        -o | --output) _filedir '@(png|jpg|jpeg|webp)'; return ;;
        --template) _filedir yaml; return ;;
        --site-dir) _filedir -d; return ;;
        --title | --date | --tags | --site | --author | --emoji | --background | --description | --accent) return ;;
        --avatar) _filedir; return ;;
      esac
      COMPREPLY=($(compgen -W "--title --date --tags --site --author --emoji --description --accent --background --avatar --template --site-dir --output --layout-json --help" -- "$cur"))
      [[ $cur != -* ]] && _filedir md
      ;;
    validate)
      if [[ $prev == --format ]]; then
        COMPREPLY=($(compgen -W "text json github junit" -- "$cur"))
        return
      fi
      COMPREPLY=($(compgen -W "--format --strict --help" -- "$cur"))
      [[ $cur != -* ]] && _filedir
      ;;
    init)
      COMPREPLY=($(compgen -W "--force --print --help" -- "$cur"))
      [[ $cur != -* ]] && _filedir -d
      ;;
  esac
}
complete -F _ogfeed ogfeed
