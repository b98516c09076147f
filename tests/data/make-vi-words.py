#!/usr/bin/env python3
"""tests/data/make-vi-words.py - builds tests/data/vi-words.txt, the word list
on which tests/unit/test_collate_icu.c compares plan_collate_vi with ICU's
"vi" collator.

The list holds real text and generated text, one item per line, NFC:
  * every word, and every short text (office names, recipients, headings,
    attribute values), of the plans in plans/ and tests/seeds/;
  * every word of the rule catalogue (src/validate/catalogue/*.def) and of
    the reference tables of offices and provinces (src/data/);
  * generated syllables: every rhyme with a few onsets and every onset with
    a few rhymes, in all six tones, many in three cases (lower,
    Capitalised, UPPER); two-syllable names that put a tone difference in
    the first syllable against a letter difference in the second, and a
    tone difference against a case difference.
The output is sorted by code point, so regenerating it gives the same file.

Usage: python3 tests/data/make-vi-words.py > tests/data/vi-words.txt
(run from the top of the repository).
"""
import glob
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
          "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
RHYMES = ["a", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "ac", "ach",
          "ă", "ăm", "ăn", "ăng", "ăp", "ăt", "ăc", "â", "âm", "ân", "âng", "âp", "ât", "âu",
          "ây", "âc", "e", "em", "en", "eng", "eo", "ep", "et", "ec", "ê", "êch", "êm", "ên",
          "ênh", "êp", "êt", "êu", "i", "ia", "im", "in", "inh", "ip", "it", "ich", "iu",
          "iêm", "iên", "iêng", "iêp", "iêt", "iêu", "iêc", "o", "oa", "oac", "oach", "oai",
          "oam", "oan", "oang", "oanh", "oap", "oat", "oay", "oăc", "oăm", "oăn", "oăng",
          "oăt", "oe", "oen", "oeo", "oet", "oi", "om", "on", "ong", "op", "ot", "oc", "ooc",
          "oong", "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ơ", "ơi", "ơm", "ơn", "ơp",
          "ơt", "u", "ua", "uân", "uâng", "uât", "uây", "uc", "uê", "uêch", "uênh", "ui",
          "um", "un", "ung", "uôc", "uôi", "uôm", "uôn", "uông", "uôt", "up", "ut", "uy",
          "uya", "uych", "uyên", "uyêt", "uyn", "uynh", "uyp", "uyt", "uyu", "uơ", "ư", "ưa",
          "ưc", "ưi", "ưng", "ưt", "ưu", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt",
          "ươu", "y", "yêm", "yên", "yêt", "yêu"]
STOP_FINALS = ("c", "ch", "p", "t")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def vowel_positions(rhyme):
    return [i for i, ch in enumerate(rhyme) if ch in "aăâeêioôơuưy"]


def toned(onset, rhyme, tone):
    """The syllable with the tone on the vowel the old-style rule picks: the
    vowel with a diacritic; else, with a final consonant, the last vowel;
    else the next to last (hòa, thủy; hoàn)."""
    v = vowel_positions(rhyme)
    if not v:
        return None
    final = rhyme[v[-1] + 1:]
    if onset == "qu" and rhyme.startswith("u"):
        return None
    if onset == "gi" and rhyme.startswith("i"):
        return None
    if final in STOP_FINALS and tone not in ("\u0301", "\u0323"):
        return None  # stop finals take only sắc and nặng
    marked = [i for i in v if rhyme[i] in "ăâêôơư"]
    if marked:
        pos = marked[-1]
    elif final:
        pos = v[-1]
    elif len(v) >= 2:
        pos = v[-2]
    else:
        pos = v[0]
    if len(v) == 3 and not final and not marked:
        pos = v[1]
    s = rhyme[:pos + 1] + tone + rhyme[pos + 1:]
    return nfc(onset + s)


def cases(s):
    return {s, s[:1].upper() + s[1:], s.upper()}


def words_of(text):
    out = set()
    for tok in text.split():
        tok = tok.strip(".,;:!?()[]{}\"'“”‘’«»…*")
        # words, numbers, notations ("KH-UBND", "06/02/2026"); not markup
        if tok and len(tok) <= 40 and re.fullmatch(r"\w[\w./&'’-]*", tok):
            out.add(tok)
    return out


def texts_of_xml(path):
    short, words = set(), set()
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return short, words
    for el in root.iter():
        for t in [el.text or ""] + list(el.attrib.values()):
            t = " ".join(t.split())
            if not t:
                continue
            words |= words_of(t)
            if len(t) <= 100:
                short.add(t)
    return short, words


def texts_of_c(path):
    src = open(path, encoding="utf-8").read()
    words, short = set(), set()
    for lit in re.findall(r'"((?:[^"\\\n]|\\.)*)"', src):
        lit = lit.replace('\\"', '"').replace("\\n", " ")
        if "\\" in lit or "%" in lit:
            continue
        words |= words_of(lit)
        if 3 <= len(lit) <= 100 and re.search(r"[^\x00-\x7f]", lit):
            short.add(" ".join(lit.split()))
    return short, words


def main():
    items = set()
    for path in sorted(glob.glob("plans/*.xml") + glob.glob("tests/seeds/*.xml")):
        s, w = texts_of_xml(path)
        items |= s | w
    for path in sorted(glob.glob("src/validate/catalogue/*.def")):
        _, w = texts_of_c(path)
        items |= w
    for path in ("src/data/offices.c", "src/data/provinces.c"):
        s, w = texts_of_c(path)
        items |= s | w
    # Generated syllables: all rhymes with a few onsets, all onsets with a few rhymes.
    gen = set()
    for onset in ["", "h", "ng"]:
        for rhyme in RHYMES:
            for tone in TONES:
                s = toned(onset, rhyme, tone)
                if s:
                    gen.add(s)
                    if onset == "h":
                        gen |= cases(s)
    for onset in ONSETS:
        for rhyme in ["a", "ă", "â", "oa", "ư", "ương", "uy", "ê"]:
            for tone in TONES:
                s = toned(onset, rhyme, tone)
                if s:
                    gen |= cases(s)
    # Two syllables: a tone difference early against a letter difference late.
    firsts = [toned("m", "a", t) for t in TONES] + [toned("h", "oa", t) for t in TONES]
    for a in firsts:
        for b in ["bình", "binh", "Bình", "an", "ăn", "đa", "da", "ca", "cả"]:
            gen.add(a + " " + b)
            gen.add(a + b)
    # Tone against case across two syllables: a tone anywhere outweighs a
    # case difference anywhere ("Ma ma" < "ma mà").
    for a in ["m", "M"]:
        for b in ["m", "M"]:
            for t1 in TONES:
                for t2 in TONES:
                    gen.add(nfc(a + "a" + t1 + " " + b + "a" + t2))
    items |= gen
    items = sorted({nfc(i) for i in items if i.strip() and "\n" not in i})
    sys.stdout.write("".join(i + "\n" for i in items))


if __name__ == "__main__":
    main()
