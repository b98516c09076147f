#!/usr/bin/env python3
"""tests/cli/transcode.py - writes a UTF-8 plan in another encoding for
tests/cli/encoding.sh: the XML declaration names the new encoding, and the
bytes are glibc iconv's (TCVN5712-1, VISCII, CP1258), Python's (UTF-16 with
a byte-order mark) or VNI-Windows from the table below, which follows the
published VNI table independently of src/load/vni.c. A character the
encoding lacks becomes a character reference (&#x201C;) in text and
attributes, and "?" in comments, which plan drops. Options: --crlf (CRLF line
ends), --bom (UTF-8 with a byte-order mark), --nfd (decomposed text).

Usage: transcode.py ENCODING IN OUT [--crlf] [--bom] [--nfd]
Prints the number of characters substituted."""
import subprocess
import sys
import unicodedata

TONES = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}  # VNI order
VNI_TONE = [None, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF]
VNI_CIRC = [0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4]
VNI_BREVE = [0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB]
VNI_I = [None, 0xED, 0xEC, 0xE6, 0xF3, 0xF2]


def vni_char(ch):
    """VNI bytes of one character, or None."""
    if ch == "đ":
        return bytes([0xF1])
    if ch == "Đ":
        return bytes([0xD1])
    if ord(ch) < 0x80:
        return ch.encode("ascii")
    d = unicodedata.normalize("NFD", ch)
    base, marks = d[0], d[1:]
    if not ("a" <= base.lower() <= "z") or not marks:
        return None
    up = base.isupper()
    sh = 0x20 if up else 0
    mod, tone = None, 0
    for m in marks:
        if m in TONES:
            tone = TONES[m]
        elif m in "\u0302\u0306\u031B":
            mod = m
        else:
            return None
    b = base.lower()
    if mod == "\u031B":
        if b not in "ou":
            return None
        out = bytes([(0xF4 if b == "o" else 0xF6) - sh])
        return out + (bytes([VNI_TONE[tone] - sh]) if tone else b"")
    if mod == "\u0302" and b in "aeo":
        return base.encode() + bytes([VNI_CIRC[tone] - sh])
    if mod == "\u0306" and b == "a":
        return base.encode() + bytes([VNI_BREVE[tone] - sh])
    if mod:
        return None
    if b == "i":
        return bytes([VNI_I[tone] - sh])
    if b == "y" and tone == 5:
        return bytes([0xEE - sh])
    if b in "aeouy":
        return base.encode() + bytes([VNI_TONE[tone] - sh])
    return None


def iconv_table(enc, chars):
    """Bytes of each character in enc through glibc iconv (one call)."""
    chars = sorted(chars)
    # One character per line; -c leaves the line empty when it cannot.
    r = subprocess.run(["iconv", "-c", "-f", "UTF-8", "-t", enc],
                       input="\n".join(chars).encode(), capture_output=True)
    lines = r.stdout.split(b"\n")
    return {c: (l if l else None) for c, l in zip(chars, lines)}


def main():
    enc, src, dst = sys.argv[1:4]
    opts = set(sys.argv[4:])
    text = open(src, encoding="utf-8").read()
    if "--nfd" in opts:
        text = unicodedata.normalize("NFD", text)
    decl = {"UTF-16LE": "UTF-16", "UTF-16BE": "UTF-16", "VNI": "VNI-Windows"}.get(enc, enc)
    first, nl, rest = text.partition("\n")
    if first.startswith("<?xml"):
        text = first.replace('encoding="UTF-8"', 'encoding="%s"' % decl) + nl + rest
    if "--crlf" in opts:
        text = text.replace("\n", "\r\n")
    if enc in ("UTF-8", "UTF-16LE", "UTF-16BE"):
        table = None
    elif enc == "VNI":
        table = {c: vni_char(c) for c in set(text)}
    else:
        table = iconv_table(enc, {c for c in set(text) if ord(c) >= 0x80})
    out = bytearray()
    subst = 0
    in_comment = False
    i = 0
    while i < len(text):
        if text.startswith("<!--", i):
            in_comment = True
        elif in_comment and text.startswith("-->", i):
            in_comment = False
        c = text[i]
        i += 1
        if table is None or ord(c) < 0x80 and enc != "VNI":
            out += c.encode("utf-8") if table is None else c.encode("ascii")
            continue
        b = table.get(c)
        if b is None:
            subst += 1
            b = b"?" if in_comment else ("&#x%X;" % ord(c)).encode()
        out += b
    if enc == "UTF-16LE":
        out = b"\xff\xfe" + text.encode("utf-16-le")
    elif enc == "UTF-16BE":
        out = b"\xfe\xff" + text.encode("utf-16-be")
    elif enc == "UTF-8" and "--bom" in opts:
        out = b"\xef\xbb\xbf" + out
    open(dst, "wb").write(bytes(out))
    print(subst)


main()
