#!/usr/bin/env python3
"""source_text.py ARTICLE.xhtml... -- the text of clean articles, one block a
line, as the shared PDF checks want their SOURCE.txt."""
import sys
import xml.etree.ElementTree as ET

NS = '{http://www.w3.org/1999/xhtml}'
BLOCKS = {'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'td', 'th',
          'caption', 'figcaption', 'blockquote'}

def walk(el, out):
    tag = el.tag.replace(NS, '')
    if tag in BLOCKS and not any(c.tag.replace(NS, '') in BLOCKS for c in el.iter() if c is not el):
        out.append(' '.join(''.join(el.itertext()).split()))
        return
    if tag == 'img':
        return
    for c in el:
        walk(c, out)

for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    body = root.find(f'{NS}body')
    lines = []
    walk(body, lines)
    print('\n'.join(l for l in lines if l))
