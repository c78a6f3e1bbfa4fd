#!/usr/bin/env bash
# The longest functions of the core (src/ without src/ui) and of the UI (src/ui), to keep an eye
# on the "no function over ~80 lines" rule. A rough scan that relies on rustfmt's layout: a
# function runs from its `fn` line to the first `}` at the same indentation; test modules
# (`#[cfg(test)] mod tests`) are left out.
#
# Usage: scripts/longest-fns.sh [N]   (default: the 10 longest of each)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10}"

scan() {
    awk -v fn_line='^ *(pub(\\([a-z]+\\))? )?(const )?(async )?(unsafe )?fn ' '
        FNR == 1 { depth_test = 0; open_count = 0 }
        # Skip a test module: from `#[cfg(test)]` before `mod tests` to its closing brace.
        /^#\[cfg\(test\)\]/ { pending_test = 1; next }
        pending_test && /^mod / { depth_test = 1; pending_test = 0; next }
        { pending_test = 0 }
        depth_test { if ($0 ~ /^}/) depth_test = 0; next }
        $0 ~ fn_line {
            indent = match($0, /[^ ]/) - 1
            name = $0
            sub(fn_line, "", name)
            match(name, /^[A-Za-z_][A-Za-z0-9_]*/)
            name = substr(name, 1, RLENGTH)
            # A declaration without a body, or a one-line function.
            if ($0 ~ /;[ ]*$/ || $0 ~ /\}[ ]*$/) { print 1 "\t" FILENAME ":" FNR "\t" name; next }
            open_count++
            start[open_count] = FNR; ind[open_count] = indent; nm[open_count] = name
            next
        }
        open_count > 0 {
            if ($0 ~ /^ *}/ && match($0, /[^ ]/) - 1 == ind[open_count]) {
                print FNR - start[open_count] + 1 "\t" FILENAME ":" start[open_count] "\t" nm[open_count]
                open_count--
            }
        }
    ' "$@" | sort -t$'\t' -k1,1nr | head -n "$n"
}

echo "== core (src/, not src/ui): the $n longest functions (lines, where, name)"
scan $(find src -name '*.rs' -not -path 'src/ui/*' | sort)
echo "== ui (src/ui): the $n longest functions"
scan $(find src/ui -name '*.rs' | sort)
