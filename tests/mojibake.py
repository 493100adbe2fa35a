#!/usr/bin/env python3
"""Report mojibake in UTF-8 text: what a wrong charset decision leaves behind.

  tests/mojibake.py FILE...              check files (UTF-8 text, XHTML, Markdown)
  tests/mojibake.py --cmd 'CMD {}' DIR...  run CMD on every DIR/CASE/source.html
                                         and check what it writes to stdout

A file is reported when it has
  - bytes that are not UTF-8;
  - U+FFFD, the mark of bytes the decoder could not map;
  - a run of Latin-1 Supplement characters with at least three letters
    (U+00C0-U+00FF), like "ÖÐ¹ú", which is GBK read as Latin-1: flagged
    when the document also holds CJK, or when no ASCII letter touches the
    run (real European words mix accented and plain letters);
  - pairs like "Ã©" or "â€™", which are UTF-8 read as Windows-1252.

Prints "MOJIBAKE path: reason: excerpt" per finding and exits 1, or prints
"ok N files" and exits 0. With --cmd a command that exits non-zero is
reported as FAILED and counted apart: it is a failure, not mojibake.
"""
import argparse
import glob
import os
import re
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

CJK = re.compile('[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]')
# ×  and ÷ sit in the letter block but are not letters.
LATIN1_RUN = re.compile('[\u00a1-\u00ff]{3,}')
LATIN1_LETTER = re.compile('[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]')
ASCII_LETTER = re.compile('[A-Za-z]')
# What Windows-1252 makes of a UTF-8 continuation byte (0x80-0xBF).
CONT = ('\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192'
        '\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022'
        '\u2026\u2030\u2039\u203a\u20ac\u2122')
# A two-byte lead (Ã, Â, Å ...) or a three-byte lead (â, ä-é for CJK)
# followed by as many continuation look-alikes as the lead needs.
UTF8_AS_1252 = re.compile('[\u00c2-\u00df][%s]|[\u00e0-\u00ef][%s]{2}' % (CONT, CONT))


def excerpt(text, start, end, width=20):
    s = text[max(0, start - width):end + width]
    return re.sub(r'\s+', ' ', s).strip()


def check_text(text):
    """Findings in TEXT as (reason, excerpt) pairs."""
    found = []
    n = text.count('\ufffd')
    if n:
        i = text.index('\ufffd')
        found.append(('%d U+FFFD' % n, excerpt(text, i, i + 1)))

    has_cjk = CJK.search(text) is not None
    runs = []
    for m in LATIN1_RUN.finditer(text):
        if len(LATIN1_LETTER.findall(m.group())) < 3:
            continue
        before = text[m.start() - 1:m.start()]
        after = text[m.end():m.end() + 1]
        isolated = not ASCII_LETTER.match(before) and not ASCII_LETTER.match(after)
        if has_cjk or isolated:
            runs.append(m)
    if runs:
        m = runs[0]
        why = 'beside CJK text' if has_cjk else 'no ASCII letters around it'
        found.append(('%d Latin-1 run(s) like decoded GBK, %s' % (len(runs), why),
                      excerpt(text, m.start(), m.end())))

    pairs = list(UTF8_AS_1252.finditer(text))
    # One pair can be a real word ("é–" in a dash-joined name); two or more
    # of the kind a lost decode leaves are not. GBK read as Latin-1 makes
    # such pairs too, and is reported above already.
    if len(pairs) >= 2 and not runs:
        m = pairs[0]
        found.append(('%d sequence(s) like UTF-8 read as Windows-1252' % len(pairs),
                      excerpt(text, m.start(), m.end())))
    return found


def check_bytes(data):
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError as e:
        bad = data[max(0, e.start - 12):e.start + 12]
        return [('not UTF-8 at byte %d' % e.start, repr(bad))]
    return check_text(text)


def report(path, findings):
    for reason, ex in findings:
        print('MOJIBAKE %s: %s: %s' % (path, reason, ex))


def sources(dirs):
    """DIR/source.html, DIR/CASE/source.html or DIR/SET/CASE/source.html."""
    out = []
    for d in dirs:
        if os.path.isfile(os.path.join(d, 'source.html')):
            out.append(os.path.join(d, 'source.html'))
            continue
        found = sorted(glob.glob(os.path.join(d, '*', 'source.html')))
        if not found:
            found = sorted(glob.glob(os.path.join(d, '*', '*', 'source.html')))
        if not found:
            print('mojibake.py: %s: no source.html under it' % d, file=sys.stderr)
        out.extend(found)
    return out


def run_cmd(template, path, timeout):
    cmd = template.replace('{}', shlex.quote(path))
    try:
        p = subprocess.run(cmd, shell=True, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return path, None, 'timed out after %ds' % timeout
    if p.returncode != 0:
        err = p.stderr.decode('utf-8', 'replace').strip().splitlines()
        why = 'exit %d' % p.returncode
        if p.returncode < 0:
            why = 'killed by signal %d' % -p.returncode
        return path, None, why + (': ' + err[0] if err else '')
    return path, p.stdout, None


def main(argv):
    ap = argparse.ArgumentParser(
        description='Report mojibake (U+FFFD, GBK read as Latin-1, UTF-8 read as '
                    'Windows-1252) in UTF-8 files or in the output of a command.')
    ap.add_argument('--cmd', metavar="'CMD {}'",
                    help='run CMD on every DIR/CASE/source.html ({} is the path) '
                         'and check its standard output')
    ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 1,
                    help='commands to run at once (default: CPU count)')
    ap.add_argument('--timeout', type=int, default=120,
                    help='seconds a command may take (default 120)')
    ap.add_argument('paths', nargs='+', metavar='FILE|DIR')
    args = ap.parse_args(argv)

    bad_files = 0
    checked = 0
    failed = 0
    unreadable = 0
    if args.cmd:
        if '{}' not in args.cmd:
            ap.error("--cmd needs {} where the path goes")
        paths = sources(args.paths)
        with ThreadPoolExecutor(max(1, args.jobs)) as pool:
            results = pool.map(lambda p: run_cmd(args.cmd, p, args.timeout), paths)
            for path, out, err in results:
                if err is not None:
                    print('FAILED %s: %s' % (path, err))
                    failed += 1
                    continue
                checked += 1
                findings = check_bytes(out)
                if findings:
                    bad_files += 1
                    report(path, findings)
        if not paths:
            return 2
    else:
        for path in args.paths:
            try:
                with open(path, 'rb') as f:
                    data = f.read()
            except OSError as e:
                print('mojibake.py: %s: %s' % (path, e.strerror), file=sys.stderr)
                unreadable += 1
                continue
            checked += 1
            findings = check_bytes(data)
            if findings:
                bad_files += 1
                report(path, findings)

    if failed:
        print('%d command(s) exited non-zero (not counted as mojibake)' % failed)
    if bad_files:
        print('mojibake in %d of %d files' % (bad_files, checked))
        return 1
    print('ok %d files' % checked)
    return 2 if unreadable else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
