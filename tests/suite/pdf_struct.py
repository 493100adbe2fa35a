#!/usr/bin/env python3
"""pdf_struct.py PDF -- what a reader's accessibility and link layers see.

Reads the file with `qpdf --json=2` and prints:
  lang: the catalog's /Lang           marked: /MarkInfo /Marked
  elements: each structure type under /StructTreeRoot with its count
  link PAGE URI: each URI link annotation, with the page it is on
  rect PAGE URI X: the left edge of each such annotation, in points
  unparented links: link annotations the structure tree does not reach
  unmarked content: text objects and images drawn outside marked content
    before a page's last EMC (page heads and numbers come after it)
Exits 1 when the file cannot be read.
"""
import base64
import collections
import json
import re
import subprocess
import sys

TOKEN = re.compile(rb'\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|(/MCID\s+\d+\s*>>\s*BDC)|\b(BDC|BMC|EMC|BT|Do)\b')


def unmarked(data):
    """Text objects and images outside structure content (marked with an
    MCID), before the last such content closes."""
    stack, outside, last_end = [], [], -1
    for m in TOKEN.finditer(data):
        op = b'MCID' if m.group(1) else m.group(2)
        if op in (b'MCID', b'BDC', b'BMC'):
            stack.append(op == b'MCID')
        elif op == b'EMC' and stack:
            if stack.pop():
                last_end = m.start()
        elif op in (b'BT', b'Do') and True not in stack:
            outside.append(m.start())
    return sum(1 for at in outside if at < last_end)


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip())
        return 2
    run = subprocess.run(['qpdf', '--json=2', '--json-stream-data=inline', '--decode-level=generalized', sys.argv[1]],
                         capture_output=True, text=True)
    if run.returncode not in (0, 3):
        print(run.stderr.strip())
        return 1
    raw = json.loads(run.stdout)['qpdf'][1]
    objs = {k.split(':', 1)[1] if k.startswith('obj:') else k: v.get('value', v.get('stream', v).get('dict', v))
            for k, v in raw.items()}
    streams = {k.split(':', 1)[1]: base64.b64decode(v['stream'].get('data', ''))
               for k, v in raw.items() if k.startswith('obj:') and 'stream' in v}

    def get(v):
        """Follow a reference ("12 0 R") to its value."""
        return objs.get(v, {}) if isinstance(v, str) and v.endswith(' R') else v

    root = get(objs['trailer']['/Root'])
    lang = root.get('/Lang', '')
    print('lang:', lang[2:] if lang.startswith('u:') else lang or 'none')
    print('marked:', str(get(root.get('/MarkInfo', {})).get('/Marked', False)).lower())
    counts, reached, seen = collections.Counter(), set(), set()
    stack = [root.get('/StructTreeRoot')]
    while stack:
        ref = stack.pop()
        if isinstance(ref, list):
            stack.extend(ref)
            continue
        if not isinstance(ref, (str, dict)) or (isinstance(ref, str) and ref in seen):
            continue
        if isinstance(ref, str):
            seen.add(ref)
        node = get(ref)
        if not isinstance(node, dict):
            continue
        if node.get('/Type') == '/OBJR' or '/Obj' in node:
            reached.add(node.get('/Obj'))
            continue
        if '/S' in node and node.get('/Type') != '/StructTreeRoot':
            counts[node['/S'][1:]] += 1
        stack.append(node.get('/K'))
    print('elements:', ' '.join(f'{k}={v}' for k, v in sorted(counts.items())) or 'none')
    pages = get(get(root['/Pages']).get('/Kids'))
    unparented = loose = 0
    order, stack = [], list(reversed(pages))
    while stack:   # the page tree in reading order
        node = get(stack.pop())
        if node.get('/Type') == '/Pages':
            stack.extend(reversed(get(node.get('/Kids', []))))
        else:
            order.append(node)
    for number, page in enumerate(order, 1):
        contents = page.get('/Contents', [])
        for ref in contents if isinstance(contents, list) else [contents]:
            loose += unmarked(streams.get(ref, b''))
        for ref in get(page.get('/Annots', [])):
            annot = get(ref)
            if annot.get('/Subtype') != '/Link':
                continue
            uri = get(get(annot.get('/A', {})).get('/URI', ''))
            uri = uri[2:] if uri.startswith("u:") else uri
            print(f'link {number} {uri}')
            rect = [float(v) for v in get(annot.get('/Rect', []))]
            if len(rect) == 4:
                print(f'rect {number} {uri} {min(rect[0], rect[2]):.1f}')
            if ref not in reached:
                unparented += 1
    print('unparented links:', unparented)
    print('unmarked content:', loose)
    return 0


if __name__ == '__main__':
    sys.exit(main())
