"""pdf_same_page.py PDF TEXT... : every TEXT is found on the page where the
first is found (pdftotext's text, spaces and line ends dropped). Prints the
pages; exits 1 when one is elsewhere or nowhere."""
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    text = subprocess.run(['pdftotext', sys.argv[1], '-'], capture_output=True, text=True, check=True).stdout
    pages = [''.join(p.split()) for p in text.split('\f')]
    where = {}
    for want in sys.argv[2:]:
        where[want] = [i + 1 for i, p in enumerate(pages) if want in p]
    first = where[sys.argv[2]][:1]
    print(' '.join(f'{w}: {where[w]}' for w in sys.argv[2:]))
    return 0 if first and all(first[0] in where[w] for w in sys.argv[2:]) else 1


if __name__ == '__main__':
    sys.exit(main())
