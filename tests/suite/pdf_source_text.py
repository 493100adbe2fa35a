#!/usr/bin/env python3
"""source_text.py [--contents] ARTICLE.xhtml... -- the text of clean articles,
one block a line, as the shared PDF checks want their SOURCE.txt. With
--contents, the book's table of contents comes first: each article's title,
as a compilation prints it before the articles. A table row of short
cells (no blocks, no pictures, 16 characters at most) is one line, its cells
parted by a space, as the row reads across the page: copy and search see a
space between two cells, and it is the source's own."""
import sys
import xml.etree.ElementTree as ET

NS = '{http://www.w3.org/1999/xhtml}'
BLOCKS = {'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'td', 'th',
          'caption', 'figcaption', 'blockquote'}

def short_row(cells):
    return cells and all(len(''.join(c.itertext()).strip()) <= 16 and
                         not any(d is not c and d.tag.replace(NS, '') in BLOCKS | {'img'} for d in c.iter())
                         for c in cells)


def walk(el, out):
    tag = el.tag.replace(NS, '')
    if tag == 'tr':
        cells = [c for c in el if c.tag.replace(NS, '') in ('td', 'th')]
        if short_row(cells):
            out.append(' '.join(' '.join(''.join(c.itertext()).split()) for c in cells))
            return
    if tag in BLOCKS and not any(c.tag.replace(NS, '') in BLOCKS for c in el.iter() if c is not el):
        out.append(' '.join(''.join(el.itertext()).split()))
        return
    if tag == 'img':
        return
    for c in el:
        walk(c, out)

args = sys.argv[1:]
if args and args[0] == '--contents':
    args = args[1:]
    for path in args:
        h1 = ET.parse(path).getroot().find(f'{NS}body').find(f'.//{NS}h1')
        if h1 is not None:
            print(' '.join(''.join(h1.itertext()).split()))

for path in args:
    root = ET.parse(path).getroot()
    body = root.find(f'{NS}body')
    lines = []
    walk(body, lines)
    print('\n'.join(l for l in lines if l))
