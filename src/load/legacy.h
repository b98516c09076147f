/*
 * legacy.h - the legacy Vietnamese encodings that glibc iconv does not
 * cover well enough on its own: VNI-Windows (src/load/vni.c), and text in
 * TCVN3 or VNI that was read as Windows-1252 and saved as Unicode
 * ("Së V¨n ho¸", "Sôû Vaên hoaù"), found and repaired by src/load/misenc.c.
 * Internal to the library: the loader, the TEXT-MISENCODED check, the
 * fix-encoding command and the unit tests use it.
 */
#ifndef PLAN_LOAD_LEGACY_H
#define PLAN_LOAD_LEGACY_H

#include <stddef.h>
#include <stdint.h>

#include "plan/util.h"

/* ---- VNI-Windows (src/load/vni.c) ---- */

/* 1 when name (any case) is one of the names accepted for VNI-Windows:
 * VNI, VNI-WIN, VNI-WINDOWS. */
int plan_vni_is_name(const char *name);

/* Decodes VNI-Windows bytes b[0..n) to UTF-8 (NFC) appended to out. ASCII
 * passes through; a byte of 0x80 or more must be part of a Vietnamese
 * letter of the VNI table (a base letter and its mark byte, or a letter
 * byte of its own such as 0xF4 "ơ"). Returns n on success, else the offset
 * of the first byte that is not; out then holds the text before it. */
size_t plan_vni_decode(const unsigned char *b, size_t n, plan_buf *out);

/* ---- text read in the wrong encoding (src/load/misenc.c) ---- */

typedef enum plan_legacy {
    PLAN_LEGACY_TCVN3 = 0, /* TCVN 5712:1993 VN3 (the ".Vn" fonts), via its VN1 table */
    PLAN_LEGACY_VNI = 1    /* VNI-Windows */
} plan_legacy;

/* The name of a legacy encoding as shown to users ("TCVN3", "VNI"). */
const char *plan_legacy_name(plan_legacy e);

/* The character TCVN 5712:1993 (glibc "TCVN5712-1") gives byte b, for the
 * bytes a TCVN3 text uses for letters (0xA1-0xAF, 0xB5-0xFF); 0 otherwise. */
uint32_t plan_tcvn3_char(unsigned char b);
/* 1 when VNI joins the Latin-1 characters prev and cp into one letter, a
 * vowel and a mark byte ("aâ" for â, "ôû" for ở): a sign of VNI text shown
 * as Latin-1 (misenc.c, by table; tests/unit/test_encoding.c compares it
 * with the lists of src/load/vni.c's marks). */
int plan_vni_pair(uint32_t prev, uint32_t cp);
/* For tests/unit/test_encoding.c: whether plan_misenc_find's quick test
 * (misenc.c, sign_at) takes the Latin-1 character at text[j] (lead byte
 * C2 or C3) of the segment text[a..b) for a possible sign; *quiet is 1
 * when the quicker quiet_at passes over it first. */
int plan_misenc_sign_at(const char *text, size_t a, size_t b, size_t j, int *quiet);

/* How the words of a text score when read again in a legacy encoding:
 * each word with a letter of U+00A1-U+00FF (a byte of Windows-1252 or
 * Latin-1) counts once. */
typedef struct plan_misenc_score {
    unsigned gain;   /* not a Vietnamese syllable as written, one when re-read */
    unsigned both;   /* a syllable either way ("cã" / "có") */
    unsigned loss;   /* a syllable as written, not when re-read ("và") */
    unsigned none;   /* a syllable neither way */
    unsigned abbr;   /* re-read, capitals with a letter beyond ASCII ("N§" → "NĐ") */
    unsigned strong; /* gains with a symbol among letters ("ho¸") or a capital
                        after a small letter ("LuËt") or a vowel and a VNI mark ("aâ") */
    unsigned strong_full; /* those that re-read start with a consonant and have
                             three letters or more ("hóa", not "ẳn") */
} plan_misenc_score;

/* Scores text[0..n) (UTF-8) as one run read again in encoding e. */
void plan_misenc_score_text(const char *text, size_t n, plan_legacy e,
                            plan_misenc_score *s);

/* Re-reads one word (UTF-8, every character U+0000-U+00FF) as the bytes
 * it was in encoding e; appends the UTF-8 result to out. Returns 0, or -1
 * when the word has a character outside Latin-1 or bytes that are not
 * text in e (out is then unchanged). */
int plan_misenc_redecode(const char *w, size_t n, plan_legacy e, plan_buf *out);

/* One run of mis-encoded words and its repair. */
typedef struct plan_misenc {
    size_t off, len;      /* the run in the scanned text, first to last repaired word */
    plan_legacy enc;      /* what the bytes really were */
    char *fixed;          /* the run repaired: words re-read, the rest as it was (owned) */
    size_t fixed_len;
    unsigned words;       /* words repaired */
    plan_misenc_score score;
} plan_misenc;

/* Finds the runs of text[0..n) (UTF-8; markup allowed: runs never cross
 * "<" or ">", nor a word with a letter beyond Latin-1, nor a word that the
 * re-reading spoils) that are clearly TCVN3 or VNI bytes shown as
 * Windows-1252: at least one word with a sign no correct text has ("ho¸",
 * "LuËt", "aâ"), no word that stops being a syllable, and either two words
 * or more that become syllables only when re-read, four times as many as
 * those that are syllables neither way, or one such word with the sign,
 * starting with a consonant and three letters long or more. The words of a
 * run that are syllables either way ("cã" for "có") are repaired too, unless
 * the text around holds real Vietnamese; then only those between two sure
 * words are. Returns the number of runs, in text order, and sets *out (NULL
 * when none); caller frees with plan_misenc_free. Deterministic. */
size_t plan_misenc_find(const char *text, size_t n, plan_misenc **out);
/* plan_misenc_find without its quick test of each segment (every segment
 * is split into words and classified); the same result, for the unit test
 * that checks so. */
size_t plan_misenc_find_full(const char *text, size_t n, plan_misenc **out);
void plan_misenc_free(plan_misenc *v, size_t n);

#endif
