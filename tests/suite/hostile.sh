# Hostile and huge input: run by tests/run.sh in a subshell ($BIN $TOP, its
# own $TMP, the helpers of tests/lib.sh). Every hostile input is made here
# by a small generator, never kept as a file. A command that could hang on
# the code before the fix runs under timeout, so that the suite fails
# rather than waits.

H=$TMP
HG="$TOP/tests/golden"
H_PAGE="$HG/02-utf8-under-stale-gb2312-meta/input.html"
H_ARTICLE="$HG/02-utf8-under-stale-gb2312-meta/expected.xhtml"
H_IMG_ARTICLE="$HG/19-image-beside-page/expected.xhtml"

h_test() { test_fn "hostile $1" "$2"; }

# h_input TOOL: what TOOL reads in these tests.
h_input() {
    case $1 in
    folio-clean) echo "$H_PAGE" ;;
    folio-md) echo "$H_IMG_ARTICLE" ;;
    *) echo "$H_ARTICLE" ;;
    esac
}

# --- outputs that are not regular files -----------------------------------

# -o FIFO: the output goes through the FIFO, which stays a FIFO, and
# folio-md puts no assets folder beside it.
t_h_output_fifo() {
    d=$(scratch fifo)
    for tool in folio-clean folio-md folio-meta folio-epub folio-pdf folio-zhpunct; do
        rm -rf "$d"/*
        mkfifo "$d/fifo" "$d/fifo2"
        ln -s fifo2 "$d/link"
        timeout 30 cat "$d/fifo" >"$d/got" &
        r1=$!
        timeout 30 cat "$d/fifo2" >"$d/got2" &
        r2=$!
        timeout 30 "$BIN/$tool" -o "$d/fifo" "$(h_input $tool)" 2>"$d/err"
        s1=$?
        timeout 30 "$BIN/$tool" -o "$d/link" "$(h_input $tool)" 2>>"$d/err"
        s2=$?
        # a reader whose FIFO was replaced waits for nothing: end it
        [ -p "$d/fifo" ] && [ "$s1" = 0 ] || kill "$r1" 2>/dev/null
        [ -L "$d/link" ] && [ -p "$d/fifo2" ] && [ "$s2" = 0 ] || kill "$r2" 2>/dev/null
        wait "$r1" "$r2"
        [ -p "$d/fifo" ] || fail "$tool -o FIFO: the FIFO became a $(stat -c %F "$d/fifo")" || return 1
        [ -L "$d/link" ] && [ -p "$d/fifo2" ] ||
            fail "$tool -o SYMLINK-TO-FIFO: the link became a $(stat -c %F "$d/link")" || return 1
        [ "$s1" = 0 ] && [ "$s2" = 0 ] || fail "$tool: exit $s1 and $s2: $(cat "$d/err")" || return 1
        [ -s "$d/got" ] && cmp -s "$d/got" "$d/got2" || fail "$tool: not the same bytes through both FIFOs" || return 1
        [ ! -e "$d/fifo.assets" ] || fail "$tool made fifo.assets beside the FIFO" || return 1
    done
    "$BIN/folio-clean" "$H_PAGE" >"$d/want" 2>/dev/null
    rm -f "$d/fifo" && mkfifo "$d/fifo"
    timeout 30 cat "$d/fifo" >"$d/got" &
    timeout 30 "$BIN/folio-clean" -o "$d/fifo" "$H_PAGE" 2>"$d/err" || kill $! 2>/dev/null
    wait
    cmp -s "$d/want" "$d/got" || fail "folio-clean -o FIFO: not the article folio-clean writes"
}

# -o a character device (a private twin of /dev/null, when this user may
# make one): written into, still a device afterwards.
t_h_output_device() {
    d=$(scratch device)
    if ! mknod "$d/null" c 1 3 2>/dev/null; then
        echo "hostile: cannot make a device node here; -o DEVICE not tested" >&2
        return 0
    fi
    for tool in folio-clean folio-md folio-meta folio-epub folio-pdf folio-zhpunct; do
        run timeout 30 "$BIN/$tool" -o "$d/null" "$(h_input $tool)"
        exit_is 0 || { why="$tool: $why"; return 1; }
        [ -c "$d/null" ] || fail "$tool -o DEVICE: the device became a $(stat -c %F "$d/null")" || return 1
        [ ! -e "$d/null.assets" ] || fail "$tool made null.assets beside the device" || return 1
    done
}

# -o a symlink to a file: the link stays, the file it leads to is written.
t_h_output_symlink() {
    d=$(scratch symlink)
    echo old >"$d/target.xhtml"
    ln -s target.xhtml "$d/link.xhtml"
    run "$BIN/folio-clean" -o "$d/link.xhtml" "$H_PAGE"
    exit_is 0 || return 1
    [ -L "$d/link.xhtml" ] || fail "the symlink became a $(stat -c %F "$d/link.xhtml")" || return 1
    grep -q '<article>' "$d/target.xhtml" || fail "the file the link leads to was not written" || return 1
    run "$BIN/folio-meta" -o "$d" "$H_ARTICLE"
    exit_is 1 || return 1
    grep -q "is a folder" "$TMP/err" || fail "-o FOLDER: $(cat "$TMP/err")"
}

h_test "-o FIFO writes through it and leaves it a FIFO" t_h_output_fifo
h_test "-o DEVICE writes into it and leaves it a device" t_h_output_device
h_test "-o SYMLINK keeps the link" t_h_output_symlink
