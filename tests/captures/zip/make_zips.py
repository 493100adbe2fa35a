#!/usr/bin/env python3
"""Build the zip fixtures of tests/suite/zip.sh from the pages beside this
script: python3 make_zips.py OUT_DIR. The images are made here too, so that
every source stays readable text."""
import os
import shutil
import struct
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(width, height, rgb):
    """A small solid PNG; each fixture image has its own colour."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    row = b"\0" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))


def source(name):
    with open(os.path.join(HERE, name), "rb") as f:
        return f.read()


def write_zip(path, entries):
    """ENTRIES: (name, bytes) in order; a name ending in / is a folder.
    ZipInfo keeps a name as given, "../" and leading "/" included."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 12, 9, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
            info.external_attr = (0o40755 << 16 | 0x10) if name.endswith("/") else 0o100644 << 16
            z.writestr(info, data)


def patch_headers(path, name, patch):
    """Call PATCH(data, header_offset, is_local) on both headers of entry
    NAME in the zip at PATH: its local header and its central one."""
    data = bytearray(open(path, "rb").read())
    raw = name.encode()
    for sig, name_at in ((b"PK\3\4", 30), (b"PK\1\2", 46)):
        at = data.find(sig)
        while at >= 0:
            if data[at + name_at:at + name_at + len(raw)] == raw:
                patch(data, at, sig == b"PK\3\4")
            at = data.find(sig, at + 4)
    open(path, "wb").write(bytes(data))


def set_encrypted(path, name):
    """Mark entry NAME encrypted (flag bit 0), as a password-protecting
    archiver would; the data stays as it was."""
    def patch(data, at, local):
        data[at + (6 if local else 8)] |= 1
    patch_headers(path, name, patch)


def lie_about_size(path, name, size):
    """Declare SIZE as entry NAME's inflated size."""
    def patch(data, at, local):
        struct.pack_into("<I", data, at + (22 if local else 24), size)
    patch_headers(path, name, patch)


def main(out):
    os.makedirs(out, exist_ok=True)
    photo = png(3, 2, (40, 140, 60))
    chart = png(4, 3, (200, 60, 40))
    for name, data in (("photo.png", photo), ("chart.png", chart)):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    a = source("pages/a.html")
    b = source("pages/news/b.htm")
    good = source("good.html")

    # Saved "complete" by a browser: each page with its NAME_files/ folder,
    # one holding a frame of the page; and a Mac archiver's resource fork.
    write_zip(os.path.join(out, "pages.zip"), [
        ("a.html", a),
        ("a_files/", b""),
        ("a_files/photo.png", photo),
        ("a_files/saved_resource.html", source("pages/a_files/saved_resource.html")),
        ("news/", b""),
        ("news/b.htm", b),
        ("news/b_files/", b""),
        ("news/b_files/chart.png", chart),
        ("__MACOSX/._a.html", b"\0\5\26\7\0\2\0\0Mac OS X        "),
    ])
    # Names that would leave the folder an unpacker writes to.
    write_zip(os.path.join(out, "evil.zip"), [
        ("../evil.html", good),
        ("/abs.html", good),
        ("C:\\drive.html", good),
        ("sub/../../up.html", good),
        ("../evil_files/", b""),
        ("good.html", good),
    ])
    write_zip(os.path.join(out, "images.zip"), [("photo.png", photo), ("chart.png", chart)])
    write_zip(os.path.join(out, "secret.zip"), [("secret.html", good), ("good.html", good)])
    set_encrypted(os.path.join(out, "secret.zip"), "secret.html")
    # 65 MB of one byte: a few kilobytes deflated, over the 64 MB an entry
    # may have; big.zip says so, bomb.zip claims 1000 bytes.
    write_zip(os.path.join(out, "big.zip"), [("huge.html", b" " * (65 << 20)), ("good.html", good)])
    shutil.copyfile(os.path.join(out, "big.zip"), os.path.join(out, "bomb.zip"))
    lie_about_size(os.path.join(out, "bomb.zip"), "huge.html", 1000)
    with open(os.path.join(out, "pages.zip"), "rb") as f:
        whole = f.read()
    with open(os.path.join(out, "cut.zip"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    with open(os.path.join(out, "notzip.zip"), "wb") as f:
        f.write(good)
    open(os.path.join(out, "x.zip"), "wb").close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_zips.py OUT_DIR")
    main(sys.argv[1])
