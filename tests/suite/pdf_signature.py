"""pdf_signature.py PDF ISSUER DATE [--in EMS]: where the 落款 stands.

The lines reading ISSUER and DATE (rebuilt from mutool trace's glyphs) must
be on one page, DATE on the line right after ISSUER's (no blank line), and
a line of body text above them on that page (the signature never opens a
page alone). With --in EMS (GB/T 9704-2012 §7.3.5: 2), ISSUER ends EMS ems
before the right edge of the type area, and DATE begins two ems right of
ISSUER's first character, or, when that would take it past the same limit,
ends there; without it both end at the right edge. The right edge is where
most lines of body text end on an ideograph. Prints what it found; exits 1
when any of this fails.
"""
import collections
import sys

from pdf_line_ends import glyphs


def main():
    args = sys.argv[1:]
    ems = 0.0
    if '--in' in args:
        i = args.index('--in')
        ems = float(args[i + 1])
        del args[i:i + 2]
    if len(args) != 3:
        print(__doc__.strip())
        return 2
    pdf, issuer, date = args
    lines = collections.defaultdict(list)
    for page, y, x, ch, adv, size in glyphs(pdf):
        lines[(page, y)].append((x, ch, adv, size))
    sizes = collections.Counter(g[3] for gs in lines.values() for g in gs if '\u4e00' <= g[1] <= '\u9fff')
    body = sizes.most_common(1)[0][0]
    rows = {k: sorted(gs) for k, gs in lines.items()}
    edges = collections.Counter(round(r[-1][0] + r[-1][2] * body, 1) for r in rows.values()
                                if len(r) > 8 and abs(r[-1][3] - body) < 0.1 and '\u4e00' <= r[-1][1] <= '\u9fff')
    right = edges.most_common(1)[0][0]
    found = {}
    for (page, y), r in rows.items():
        text = ''.join(g[1] for g in r)
        if text in (issuer, date):
            found[text] = (page, y, r[0][0], r[-1][0] + r[-1][2] * r[-1][3])
    if issuer not in found or date not in found:
        print(f'not found: {[t for t in (issuer, date) if t not in found]}')
        return 1
    (pi, yi, xi, ei), (pd, yd, xd, ed) = found[issuer], found[date]
    print(f'issuer page {pi} y {yi} x {xi:.1f}-{ei:.1f}; date page {pd} y {yd} x {xd:.1f}-{ed:.1f}; '
          f'right edge {right}, body {body}')
    bad = False
    if pi != pd or not 0 < yd - yi < 2.5 * body:
        print('the date is not on the line after the issuer')
        bad = True
    above = [k for k in rows if k[0] == pi and k[1] < yi and len(rows[k]) > 1
             and abs(rows[k][0][3] - body) < 0.1 and ''.join(g[1] for g in rows[k]) not in (issuer, date)]
    if not above:
        print(f'no body text above the signature on page {pi}')
        bad = True
    limit = right - ems * body
    if abs(ei - limit) > 0.5:
        print(f'the issuer ends at {ei:.1f}, not {limit:.1f}')
        bad = True
    if ems:
        want = xi + 2 * body
        ok = abs(xd - want) < 0.5 if want + (ed - xd) <= limit + 0.5 else abs(ed - limit) < 0.5
    else:
        ok = abs(ed - limit) < 0.5
    if not ok:
        print('the date is not where it belongs')
        bad = True
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
