#!/usr/bin/env python3
"""Issue 22: the man page's OPTIONS and the bash completion, made from each
subcommand's --help (which the parser's own option table backs: tests/cli/
options_test.sh), so no option is missing from either.

    gen-docs.py OGFEED MAN_IN MAN_OUT COMPLETION_OUT
"""
import re
import subprocess
import sys

COMMANDS = ["build", "card", "validate", "init"]
OPTION = re.compile(r"^  (?:-(\w), )?--([a-z][a-z-]*)(?: ([A-Z][A-Z0-9.,|/]*))?\s+(.*)$")
# Values an option takes, offered as completions.
CHOICES = {("build", "format"): "text github",
           ("validate", "format"): "text json github junit"}


def options_of(ogfeed, command):
    """(short, long, metavar, help) for each option of `ogfeed COMMAND --help`."""
    text = subprocess.run([ogfeed, command, "--help"], capture_output=True,
                          text=True, check=True).stdout
    out = []
    for line in text.splitlines():
        m = OPTION.match(line)
        if m:
            out.append([m.group(1), m.group(2), m.group(3), m.group(4).strip()])
        elif out and line.startswith("      ") and line.strip():
            out[-1][3] += " " + line.strip()
    return out


def roff(text):
    return text.replace("\\", "\\\\").replace("-", "\\-").replace("'", "\\(aq")


def man_options(ogfeed):
    lines = [".SH OPTIONS"]
    for command in COMMANDS:
        lines.append(".SS ogfeed %s" % command)
        for short, name, metavar, text in options_of(ogfeed, command):
            head = ("\\fB\\-%s\\fR, " % short if short else "") + "\\fB\\-\\-%s\\fR" % roff(name)
            if metavar:
                head += " \\fI%s\\fR" % roff(metavar)
            lines += [".TP", head, roff(text)]
    return "\n".join(lines) + "\n"


def completion(ogfeed):
    out = ["# bash completion for ogfeed: made by scripts/gen-docs.py from each",
           "# command's --help.",
           "_ogfeed() {",
           "  local cur prev words cword",
           "  _init_completion || return",
           '  if [[ $cword -eq 1 ]]; then',
           '    COMPREPLY=($(compgen -W "%s --help --version" -- "$cur"))' % " ".join(COMMANDS),
           "    return",
           "  fi",
           '  case "${words[1]}" in']
    operand = {"build": "_filedir -d", "card": "_filedir md", "validate": "_filedir",
               "init": "_filedir -d"}
    for command in COMMANDS:
        opts = options_of(ogfeed, command)
        dirs, files, values = [], [], []
        for short, name, metavar, text in opts:
            names = ["--" + name] + (["-" + short] if short else [])
            if metavar == "DIR":
                dirs += names
            elif metavar and ("FILE" in metavar or metavar == "OUT"):
                files += names
            elif metavar and (command, name) not in CHOICES:
                values += names
        out.append("    %s)" % command)
        out.append('      case "$prev" in')
        for (c, name), choices in CHOICES.items():
            if c == command:
                out.append('        --%s) COMPREPLY=($(compgen -W "%s" -- "$cur")); return ;;'
                           % (name, choices))
        if dirs:
            out.append("        %s) _filedir -d; return ;;" % " | ".join(dirs))
        if files:
            out.append("        %s) _filedir; return ;;" % " | ".join(files))
        if values:
            out.append("        %s) return ;;" % " | ".join(values))
        out.append("      esac")
        words = " ".join("--" + o[1] for o in opts)
        out.append('      COMPREPLY=($(compgen -W "%s" -- "$cur"))' % words)
        out.append('      [[ $cur != -* ]] && %s' % operand[command])
        out.append("      ;;")
    out += ["  esac", "}", "complete -F _ogfeed ogfeed", ""]
    return "\n".join(out)


def main():
    ogfeed, man_in, man_out, completion_out = sys.argv[1:]
    page = open(man_in, encoding="utf-8").read()
    marker = ".SH ENVIRONMENT"
    if marker not in page:
        sys.exit("gen-docs: no '%s' in %s" % (marker, man_in))
    page = page.replace(marker, man_options(ogfeed) + marker, 1)
    open(man_out, "w", encoding="utf-8").write(page)
    open(completion_out, "w", encoding="utf-8").write(completion(ogfeed))


main()
