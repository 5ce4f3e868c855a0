#!/usr/bin/env python3
"""Generate Minbar's broken-plural list and known-word list from Arramooz and Ayaspell.

Sources (nothing is downloaded here; bring them first):
  * Arramooz (Arabic dictionary for morphological analysis, Taha Zerrouki), GPL-2:
    a bare git dir from `fetch github:linuxscout/arramooz`, or any clone; read with `git show`.
    Its noun tables (data/nouns/*.csv) link broken plurals to singulars in both directions:
    a singular row lists its plurals in column 12 (الجمع, "+ون;+ات;أَكَرَةٌ"), a plural row
    names its singular in column 13 (مفرد).
  * Ayaspell Hunspell dictionary, Debian package hunspell-ar (GPL-2+/LGPL-2.1+/MPL-1.1):
    `apt-get download hunspell-ar && dpkg -x hunspell-ar_*.deb DIR`; DIR/usr/share/hunspell/ar.dic.
    Used for the known-word list only.

Usage:
  git clone https://github.com/linuxscout/arramooz && git -C arramooz checkout b055c5dea51b8a9152e7e66a7ca3b6f713fb187d
  apt-get download hunspell-ar && dpkg -x hunspell-ar_*.deb hunspell-ar
  python3 tools/lexicon/generate.py --arramooz-git arramooz/.git --hunspell-dir hunspell-ar \
      --out src/main/resources/related

Writes:
  broken-plurals.tsv   plural<TAB>singular, unvocalized, one singular per plural
  known-words.txt      unvocalized lemmas and common surface forms, one per line
  stem-collisions.tsv  pairs whose plural, after Lucene's Arabic normalization + light10 stemming,
                       falls on the same term as another common word (see REPORT.md)
  dropped.tsv          pairs left out and why (for review)
Python 3 standard library only.
"""
import argparse
import csv
import gzip
import io
import math
import os
import re
import subprocess
import sys
from collections import defaultdict

NOUN_FILES = ["jamid", "fa3il", "masdar", "maf3oul", "mansoub", "moubalagha",
              "mouchabbaha", "sifates", "tafdil"]
VERB_FILE = "data/verbs/verb_dic_data-net.csv"
FREQ_FILE = "data/nouns/wordfreq.csv"

TASHKEEL = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
ARABIC_WORD = re.compile("^[\u0621-\u063A\u0641-\u064A]+$")
PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# A plural row is only trusted with this many letters (the brief: drop 2-letter plurals).
MIN_PLURAL_LEN = 3
# A homograph competitor is "common" from this lemma frequency in Arramooz's wordfreq.csv
# (about the top quarter of its 37,714 lemmas).
COMMON_FREQ = 5000
# The plural's spelling is dropped as a homograph when Arramooz's wordfreq.csv has another lemma
# (a verb, or a noun/adjective vocalized differently from the plural) spelled the same and this
# frequent: أسر (أَسْر captivity 21995, أَسَر captured 8269), مدافع (مُدافِع defender 87412),
# أيد (أَيَّد supported 101444); مدن (مَدَّن, 380) and قرى (قِرَى, 892) stay.
HOMOGRAPH_FREQ = 5000
MARKS = {"\u064E": "a", "\u064F": "u", "\u0650": "i", "\u0652": "o"}


def vowels(voc):
    """Per letter, the short vowel written on it (or None), for a partly vocalized word."""
    out = []
    for ch in voc.replace("\u0671", "\u0627"):
        if ch in MARKS:
            if out:
                out[-1][1] = MARKS[ch]
        elif not TASHKEEL.match(ch):
            out.append([ch, None])
    return out


def compatible(v1, v2):
    """Two vocalizations of one spelling could be the same word (case endings ignored)."""
    a, b = vowels(v1), vowels(v2)
    if [x for x, _ in a] != [x for x, _ in b]:
        return True
    return all(x[1] is None or y[1] is None or x[1] == y[1] for x, y in zip(a[:-1], b[:-1]))

# Corrections found by spot checks; each names why. Applied after extraction.
# plural -> singular to force (a plural Arramooz links to a wrong or rarer lemma).
FORCE = {
    "قواعد": "قاعدة",   # Arramooz gives only قاعد (sitting), the news sense is قاعدة (base, rule)
    "جنود": "جندي",     # Arramooz: جند (army, collective); news: soldiers ← جندي
    "نساء": "امرأة",    # suppletive plural: shares no root with its singular
    "نسوة": "امرأة",    # suppletive plural
    "أفواه": "فم",      # suppletive (فوه): Arramooz's link is dropped by the root check
    "مراكب": "مركب",    # Arramooz prefers مركبة (vehicle); boats ← مركب (same Lucene term)
    "طوائف": "طائفة",   # Arramooz prefers طائف; sects, communities ← طائفة (same Lucene term)
}
# فَعَلة plurals of فاعل kept (all others of that shape are dropped, see main())
FA3ALA_KEEP = {"طلبة", "سحرة", "كفرة", "فسقة", "قتلة", "كتبة", "فجرة", "بررة", "خدمة_", "حفظة",
               "حملة_", "جهلة", "ظلمة_", "خونة", "سفرة_", "عملة_", "كذبة_", "مهرة", "بحثة_", "حكمة_"}
FA3ALA_KEEP = {w for w in FA3ALA_KEEP if not w.endswith("_")}   # "_" marks ones considered and refused
# plurals never to map (homographs Arramooz does not mark)
BLOCK = {
    "حجاز": "the region الحجاز; as plural of حاجز rare",
    "شباب": "youth (a collective used as a singular in news), not plural of شب",
    "تهم": "also the verb تهم (concerns, from همّ), very common in news",
    "أسر": "families (أسرة) but also the noun أسر (captivity) and the verb أسر (captured)",
}


WEAK = set("اويىءأإآؤئة")


def strong(w):
    """Consonant skeleton without weak letters and hamza, doubled letters merged (سدد → سد)."""
    out = []
    for ch in w:
        if ch not in WEAK and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def subsequence(small, big):
    it = iter(big)
    return all(ch in it for ch in small)


def lcs(a, b):
    m = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            m[i + 1][j + 1] = m[i][j] + 1 if x == y else max(m[i][j + 1], m[i + 1][j])
    return m[-1][-1]


def related(p, s, root):
    """The plural and singular share the root (Arramooz's, when given) or most of a skeleton:
    rejects words of notes taken for plurals (ذكر listed under ديك, جمع under شاهد)."""
    r = strong(strip_tashkeel(root)) if root and ARABIC_WORD.match(strip_tashkeel(root)) else ""
    if len(r) >= 2:
        sp = strong(p)
        if subsequence(r, sp) or (len(r) >= 3 and lcs(r, sp) >= len(r) - 1 and
                                  subsequence(strong(s), sp)):
            return True
        ss = strong(s)
        return len(ss) >= 3 and lcs(sp, ss) >= len(ss) - 1   # برامج ← برنامج (root given as برنامج)
    sp, ss = strong(p), strong(s)
    if len(r) == 1 or len(ss) < 2:
        # weak roots (حيي, لوي, شيء): the one or two strong letters left must all be there
        return bool(ss or r) and subsequence(r or ss, sp) and (subsequence(ss, sp) or subsequence(sp, ss))
    return lcs(sp, ss) >= max(2, len(ss) - 1)


def strip_tashkeel(s):
    s = s.replace("\u0671", "\u0627")  # alef wasla
    return TASHKEEL.sub("", s).strip()


def clean_words(field):
    """Words of a plural/singular cell: drop notes in parentheses, split on ; ، , and spaces."""
    field = PARENS.sub(" ", field)
    out = []
    for part in re.split(r"[;؛،,\s/]+", field):
        part = part.strip()
        if not part or part.startswith("+"):
            continue
        w = strip_tashkeel(part)
        if ARABIC_WORD.match(w):
            out.append(w)
    return out


# ---- Lucene ArabicNormalizer + ArabicStemmer (light10), as in lucene-analysis-common 9.x ----
def lucene_normalize(w):
    w = TASHKEEL.sub("", w)
    return (w.replace("آ", "ا").replace("أ", "ا").replace("إ", "ا")
             .replace("ى", "ي").replace("ة", "ه"))


L10_PREFIXES = ["ال", "وال", "بال", "كال", "فال", "لل", "و"]
L10_SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"]


def lucene_stem(w):
    for p in L10_PREFIXES:
        if w.startswith(p) and not (len(p) == 1 and len(w) < 4) and len(w) >= len(p) + 2:
            w = w[len(p):]
            break
    for s in L10_SUFFIXES:
        if w.endswith(s) and len(w) >= len(s) + 2:
            w = w[:-len(s)]
    return w


def light(w):
    return lucene_stem(lucene_normalize(w))


# ---- sources ----
class Git:
    def __init__(self, gitdir):
        self.gitdir = gitdir

    def show(self, path):
        return subprocess.run(["git", "--git-dir", self.gitdir, "show", "HEAD:" + path],
                              check=True, capture_output=True).stdout.decode("utf-8")

    def commit(self):
        return subprocess.run(["git", "--git-dir", self.gitdir, "log", "-1", "--format=%H %cs"],
                              check=True, capture_output=True, text=True).stdout.strip()


def rows(text):
    return list(csv.reader(io.StringIO(text), delimiter="\t"))


def debian_version(pkgdir, name):
    path = os.path.join(pkgdir, "usr/share/doc", name, "changelog.Debian.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        m = re.match(r"\S+ \(([^)]+)\)", f.readline())
    return m.group(1) if m else "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arramooz-git", required=True, help="Arramooz's git directory")
    ap.add_argument("--hunspell-dir", required=True, help="hunspell-ar unpacked with dpkg -x")
    ap.add_argument("--out", required=True, help="folder for the lists")
    a = ap.parse_args()
    git = Git(a.arramooz_git)
    commit = git.commit()
    hun_version = debian_version(a.hunspell_dir, "hunspell-ar")

    # ---- Arramooz nouns ----
    links = defaultdict(lambda: defaultdict(set))   # plural -> singular -> {evidence}
    singular_lemmas = defaultdict(set)               # unvocalized singular -> {file}
    plural_rows = set()
    noun_words = set()
    sound_forms = set()
    unrelated = []
    plural_voc = defaultdict(set)                    # unvocalized plural -> vocalized spellings
    for name in NOUN_FILES:
        for r in rows(git.show(f"data/nouns/{name}.csv"))[1:]:
            if len(r) < 14 or r[0].startswith("#"):
                continue
            w = strip_tashkeel(r[1]) or strip_tashkeel(r[2])
            if not ARABIC_WORD.match(w):
                continue
            noun_words.add(w)
            number = r[11].strip()
            if number == "جمع":
                plural_rows.add(w)
                plural_voc[w].add(r[1].strip())
                for s in clean_words(r[13]):
                    if related(w, s, r[3]):
                        links[w][s].add(f"{name}:plural-row")
                    else:
                        unrelated.append((w, s, f"{name}: plural and singular share no root"))
            elif number in ("مفرد", ""):
                singular_lemmas[w].add(name)
                for pv in re.split(r"[;؛،,\s/]+", PARENS.sub(" ", r[12])):
                    p = strip_tashkeel(pv)
                    if pv and not pv.startswith("+") and ARABIC_WORD.match(p):
                        if not related(p, w, r[3]):
                            unrelated.append((p, w, f"{name}: plural and singular share no root"))
                            continue
                        links[p][w].add(f"{name}:singular-row")
                        plural_voc[p].add(pv)
                marks = r[12]
                stem = w[:-1] if w.endswith("ة") else w
                if "+ات" in marks or "ات" in marks.split(";") or w.endswith("ة"):
                    sound_forms.add(stem + "ات")   # feminine nouns: طائرة → طائرات
                if w.endswith("ى") and len(w) > 3:
                    sound_forms.add(w[:-1] + "يات")  # مستشفى → مستشفيات
                if "+ون" in marks:
                    sound_forms.update({w + "ون", w + "ين"})
                if r[14:15] and r[14].strip() == "Ta" and not w.endswith("ة"):
                    sound_forms.add(w + "ة")

    # ---- Arramooz verbs and lemma frequencies ----
    verbs = set()
    for r in rows(git.show(VERB_FILE))[1:]:
        if len(r) > 10:
            v = strip_tashkeel(r[10] or r[2])
            if ARABIC_WORD.match(v):
                verbs.add(v)
    freq = defaultdict(int)
    freq_entries = defaultdict(list)                 # unvocalized -> [(vocalized, category, freq)]
    for r in rows(git.show(FREQ_FILE))[1:]:
        if len(r) > 4 and r[4].isdigit():
            w = strip_tashkeel(r[2] or r[1])
            if ARABIC_WORD.match(w):
                freq[w] = max(freq[w], int(r[4]))
                freq_entries[w].append((r[1], r[3], int(r[4])))

    def competitor(p):
        """Frequency of the most frequent other lemma spelled like the plural p."""
        best = 0
        for voc, cat, n in freq_entries.get(p, ()):
            if cat.startswith("verb") or not any(compatible(voc, pv) for pv in plural_voc[p]):
                best = max(best, n)
        return best

    # ---- choose one singular per plural, filter ----
    pairs, dropped, alternatives = {}, list(unrelated), []
    for p in sorted(set(links) | set(FORCE)):
        cands = {s: ev for s, ev in links[p].items() if s != p and not s.endswith("ات")}
        if p in FORCE:
            pairs[p] = FORCE[p]
            continue
        if not cands:
            continue
        if p in BLOCK:
            dropped.append((p, "|".join(sorted(cands)), "blocked: " + BLOCK[p]))
            continue
        if len(p) < MIN_PLURAL_LEN:
            dropped.append((p, "|".join(sorted(cands)), "plural of 2 letters"))
            continue
        sound = set()
        for s in cands:
            st = s[:-1] if s.endswith("ة") else s
            if p in (st + "ات", s + "ات", s + "ون", s + "ين", s + "ان", st + "تان") or \
                    (p.endswith("ات") and len(s) >= 3 and p[:-2].startswith(s[:-1])):
                sound.add(s)
        if sound:
            dropped.append((p, "|".join(sorted(sound)), "sound plural/dual, not broken"))
            cands = {s: ev for s, ev in cands.items() if s not in sound}
            if not cands:
                continue
        # homograph: the plural's spelling is itself a common singular noun or a verb
        other = competitor(p)
        if other >= HOMOGRAPH_FREQ:
            dropped.append((p, "|".join(sorted(cands)),
                            f"homograph: another lemma spelled so has frequency {other}"))
            continue

        # فَعَلة plurals of فاعل (كتبة ← كاتب) are spelled like common singular nouns of the same
        # root (وردة rose, زمرة clique, حملة campaign, عملة currency, جلسة session): kept only
        # for the agent nouns news uses in that plural
        for s in list(cands):
            if len(s) == 4 and s[1] == "ا" and p == s[0] + s[2] + s[3] + "ة" \
                    and p not in FA3ALA_KEEP:
                dropped.append((p, s, "فعلة plural of فاعل: spelled like a singular noun"))
                del cands[s]
        if not cands:
            continue

        def score(s):
            # a nisba adjective (طبي, سري) takes a sound plural: never the broken plural's
            # singular when Arramooz offers another; then the more frequent lemma (عدد over عد),
            # then the pair both tables confirm
            ev = cands[s]
            both = any("plural-row" in e for e in ev) and any("singular-row" in e for e in ev)
            nisba = s.endswith("ي") and s[1:2] != "ا" and len(cands) > 1   # نادي, قاضي are not
            return (not nisba, freq.get(s, 0), both, len(ev), -len(s), s)
        ranked = sorted(cands, key=score, reverse=True)
        best = ranked[0]
        if len(ranked) > 1:
            alternatives.append((p, best, "|".join(ranked[1:])))
        pairs[p] = best

    # manqus plurals written with their yeh, as news does: أراض → أراضي, مبان → مباني
    variants = 0
    for p, s_ in list(pairs.items()):
        if any(v.rstrip().endswith("\u064D") for v in plural_voc.get(p, ())) and p + "ي" not in pairs \
                and p + "ي" not in links:
            pairs[p + "ي"] = s_
            variants += 1

    # ---- known words ----
    hun = defaultdict(set)
    section = None
    with open(os.path.join(a.hunspell_dir, "usr/share/hunspell/ar.dic"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line.startswith("::::") and i + 1 < len(lines) and lines[i + 1].endswith(".dic"):
            section = lines[i + 1].strip()
            continue
        if section is None or line.endswith(".dic"):
            continue
        w = strip_tashkeel(line.split("/")[0].split("\t")[0])
        if ARABIC_WORD.match(w):
            hun[w].add(section)
    arramooz_words = noun_words | verbs | set(freq) | set(pairs) | set(pairs.values())
    stop_section = {w for w, s in hun.items() if "stopwords.dic" in s}
    candidates = arramooz_words | sound_forms | set(hun)
    known = set()
    clitic_drop = 0
    for w in candidates:
        if len(w) < 2:
            continue
        in_arr = w in arramooz_words or w in sound_forms
        in_hun = w in hun
        # entries glued to a clitic (بالقذائف, ودعم) are noise in a word list
        glued = False
        for pre in ("وال", "فال", "بال", "كال", "لل"):
            if w.startswith(pre) and len(w) > len(pre) + 1:
                glued = True
        if w[0] in "وفبكل" and len(w) > 3 and w[1:] in candidates:
            # a real word that starts with the letter (كتاب, لبنان, فريق) is listed by both
            # sources or by Arramooz's lemma tables; a one-source clitic form is dropped
            if not (in_arr and in_hun) and not (w in noun_words or w in verbs):
                glued = True
        if in_hun and hun[w] == {"stopwords.dic"} and not in_arr and w[0] in "وفبكلأ" \
                and w[1:] in stop_section:
            glued = True
        if glued:
            clitic_drop += 1
            continue
        known.add(w)

    # ---- Lucene light-stem collisions: the plural's term equals another common word's term ----
    common = {w for w, n in freq.items() if n >= COMMON_FREQ}
    by_stem = defaultdict(set)
    for w in common | set(pairs.values()):
        by_stem[light(w)].add(w)
    plurals_of = defaultdict(set)
    for p, s in pairs.items():
        plurals_of[s].add(p)
    collisions = []
    for p, s in sorted(pairs.items()):
        sp, ss = light(p), light(s)
        if sp == ss:
            continue
        others = {w for w in by_stem.get(sp, ()) if w not in (p, s) and light(w) != ss
                  and w not in plurals_of[s] and pairs.get(w) != s}
        if others:
            collisions.append((p, s, sp, " ".join(sorted(others))))

    # ---- write ----
    os.makedirs(a.out, exist_ok=True)
    head_src = (f"# Source: Arramooz (https://github.com/linuxscout/arramooz) commit {commit},\n"
                f"#   noun tables data/nouns/*.csv; (c) Taha Zerrouki and contributors, data collected by\n"
                f"#   Mohamed Kebdani (Ayaspell); license GPL-2.0 (Arramooz LICENSE file).\n")
    with open(os.path.join(a.out, "broken-plurals.tsv"), "w", encoding="utf-8") as f:
        f.write("# Arabic broken plurals, plural<TAB>singular, unvocalized (hamza kept).\n")
        f.write(head_src)
        f.write("# Generator: generate.py (this directory); one singular per plural; sound plurals,\n"
                "#   2-letter plurals and plurals that are themselves a common other lemma dropped;\n"
                f"#   {len(FORCE)} forced and {len(BLOCK)} blocked entries listed in generate.py.\n")
        f.write(f"# Pairs: {len(pairs)}, of which {variants} manqus plurals with their yeh added (أراضي).\n")
        for p in sorted(pairs):
            f.write(f"{p}\t{pairs[p]}\n")
    with open(os.path.join(a.out, "known-words.txt"), "w", encoding="utf-8") as f:
        f.write("# Unvocalized Arabic lemmas and common surface forms (nouns, adjectives, verbs, names,\n"
                "#   particles), for deciding whether a leading ل ب ك ف is a clitic.\n")
        f.write(head_src)
        f.write(f"# and Ayaspell Hunspell dictionary, Debian hunspell-ar {hun_version}, usr/share/hunspell/ar.dic\n"
                "#   (c) Mohamed Kebdani, license GPL-2.0+ / LGPL-2.1+ / MPL-1.1 (tri-license).\n")
        f.write(f"# Generator: generate.py; {clitic_drop} clitic-glued entries removed. Words: {len(known)}\n")
        for w in sorted(known):
            f.write(w + "\n")
    with open(os.path.join(a.out, "stem-collisions.tsv"), "w", encoding="utf-8") as f:
        f.write("# plural\tsingular\tlucene-light10-term-of-plural\tother common words with that term\n")
        for c in collisions:
            f.write("\t".join(c) + "\n")
    with open(os.path.join(a.out, "dropped.tsv"), "w", encoding="utf-8") as f:
        f.write("# plural\tsingular(s)\treason\n")
        for d in dropped:
            f.write("\t".join(d) + "\n")
        f.write("# plural\tchosen\tother singulars Arramooz gives (not written)\n")
        for alt in alternatives:
            f.write("#ALT\t" + "\t".join(alt) + "\n")
    print(f"arramooz {commit}; hunspell-ar {hun_version}")
    print(f"pairs {len(pairs)}, dropped {len(dropped)}, multi-singular {len(alternatives)}, "
          f"manqus variants {variants}, stem collisions {len(collisions)}, known words {len(known)} (clitic-glued removed {clitic_drop})")


if __name__ == "__main__":
    sys.exit(main())
