#!/usr/bin/env python3
"""tests/cli/retone.py - rewrites Vietnamese text into the other tone-mark
style, independently of plan's own code (src/util/tone.c), for the
invariance tests of tests/cli/text.sh.

Usage: retone.py old|new|nfd < in > out
  old  marks the first vowel of open oa, oe, uy syllables (hòa, khỏe, thủy)
  new  marks the second (hoà, khoẻ, thuỷ)
  nfd  writes the text in Unicode NFD instead
Everything else (markup, other syllables) is copied unchanged; the output
is NFC for old and new.
"""
import re
import sys
import unicodedata

TONES = "\u0300\u0309\u0303\u0301\u0323"
ONSETS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d",
          "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""]
FINALS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
VOWELS = "aăâeêioôơuưy"


def restyle(word, style):
    d = unicodedata.normalize("NFD", word)
    tones = [(i, ch) for i, ch in enumerate(d) if ch in TONES]
    if len(tones) != 1:
        return word
    ti, tone = tones[0]
    bare = d[:ti] + d[ti + 1:]
    letters = unicodedata.normalize("NFC", bare)
    low = letters.lower()
    for onset in ONSETS:
        if not low.startswith(onset):
            continue
        rest = low[len(onset):]
        m = re.match("[%s]+" % VOWELS, rest)
        if not m or len(m.group(0)) > 3 or rest[m.end():] not in FINALS:
            continue
        if m.group(0) not in ("oa", "oe", "uy") or rest[m.end():] != "":
            return word
        want = len(onset) + (0 if style == "old" else 1)
        # which letter carries the tone now
        at = len(unicodedata.normalize("NFC", bare[:ti]))
        if at - 1 not in (len(onset), len(onset) + 1):
            return word
        if at - 1 == want:
            return word
        out = letters[:want + 1] + tone + letters[want + 1:]
        return unicodedata.normalize("NFC", out)
    return word


def main():
    style = sys.argv[1]
    text = sys.stdin.buffer.read().decode("utf-8")
    if style == "nfd":
        out = unicodedata.normalize("NFD", text)
    else:
        text = unicodedata.normalize("NFC", text)
        out = re.sub(r"[^\W\d_]+", lambda m: restyle(m.group(0), style), text)
    sys.stdout.buffer.write(out.encode("utf-8"))


if __name__ == "__main__":
    main()
