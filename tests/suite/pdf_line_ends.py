#!/usr/bin/env python3
"""pdf_line_ends.py PDF [--flush-right TEXT]... -- what ends a line, and where.

Reads glyph positions with `mutool trace` and groups them into lines. The right
edge of the type area is where most lines of body text end on an ideograph.
A line ending on 、，。；：？！ or a closing bracket at that edge must have
the mark begin half an em before it (half-width), not a whole em (full width).
Prints the counts; exits 1 when a full-width mark ends a line at the edge, or
when no line ends on a mark at all (nothing was checked). ？ and ！ may keep
their whole em: some faces (FandolFang's ？) set their ink in the middle, and
half of it would stand past the edge.
--flush-right TEXT: a line reading TEXT must also end at that edge (a
signature set right); exits 1 when it does not, or is not there.
"""
import collections
import re
import subprocess
import sys

MARKS = set('、，。；：？！”’）》」』】〕')
CENTRED = set('？！')
GLYPH = re.compile(r'<g unicode="([^"]*)" glyph="[^"]*" x="([-\d.e]+)" y="([-\d.e]+)" adv="([-\d.e]+)"')
SPAN = re.compile(r'<span [^>]*trm="([-\d.e]+) ')
PAGE = re.compile(r'<page number="(\d+)"')


def glyphs(pdf):
    out = subprocess.run(['mutool', 'trace', pdf], capture_output=True, text=True, check=True).stdout
    page, size = 0, 0.0
    for line in out.splitlines():
        m = PAGE.search(line)
        if m:
            page = int(m.group(1))
            continue
        m = SPAN.search(line)
        if m:
            size = abs(float(m.group(1)))
            continue
        m = GLYPH.search(line)
        if m and m.group(1).strip():
            yield page, round(float(m.group(3)), 1), float(m.group(2)), m.group(1), float(m.group(4)), size


def main():
    args = sys.argv[1:]
    flush = [args[i + 1] for i in range(len(args) - 1) if args[i] == '--flush-right']
    if len(args) != 1 + 2 * len(flush) or args[0].startswith('--'):
        print(__doc__.strip())
        return 2
    lines = collections.defaultdict(list)
    for page, y, x, ch, adv, size in glyphs(args[0]):
        lines[(page, y)].append((x, ch, adv, size))
    sizes = collections.Counter(g[3] for gs in lines.values() for g in gs if '\u4e00' <= g[1] <= '\u9fff')
    body = sizes.most_common(1)[0][0]
    rows = [sorted(gs) for gs in lines.values() if len(gs) > 8 and abs(gs[0][3] - body) < 0.1]
    edges = collections.Counter(round(r[-1][0] + r[-1][2] * body, 1) for r in rows if '\u4e00' <= r[-1][1] <= '\u9fff')
    if not edges:
        print('no line of body text ends on an ideograph: no right edge to measure from')
        return 1
    right = edges.most_common(1)[0][0]
    half = full = centred = 0
    for r in rows:
        x, ch = r[-1][0], r[-1][1]
        if ch not in MARKS:
            continue
        gap = (right - x) / body
        if abs(gap - 0.5) < 0.05:
            half += 1
        elif abs(gap - 1.0) < 0.05 and ch in CENTRED:
            centred += 1
        elif abs(gap - 1.0) < 0.05:
            full += 1
            print(f'full-width at the edge: ...{"".join(g[1] for g in r[-8:])}')
    print(f'body {body} pt, right edge {right} pt: {half} half-width line-end marks, {full} full-width, '
          f'{centred} ？！ kept whole')
    bad = full or not half
    for text in flush:
        ends = [r[-1][0] + r[-1][2] * r[-1][3] for r in map(sorted, lines.values()) if ''.join(g[1] for g in r) == text]
        at = ', '.join(f'{e:.1f}' for e in ends) or 'nowhere'
        print(f'"{text}" ends at {at} pt')
        bad = bad or not ends or any(abs(e - right) > 0.5 for e in ends)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
