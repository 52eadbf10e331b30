"""What the guard reads: text as typed or pasted, normalised so Word and Outlook cannot hide data.

Word and Outlook paste non-breaking and narrow spaces, soft hyphens and zero-width characters
(invisible, but they split "943 476 5919" into pieces a pattern would not join), smart quotes,
en and em dashes, full-width digits and Windows or Unicode line breaks. After `normalise`,
every space is " ", every line break "\\n", every dash "-", every quote ' or ", and every digit
ASCII, so the patterns only ever see those.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that show nothing: soft hyphen, zero-width space / non-joiner / joiner, word
# joiner, byte-order mark, Mongolian vowel separator.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u02bc"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_LINE_BREAKS = "\r\u2028\u2029\u0085\v\f"

_TABLE = {
    **dict.fromkeys(map(ord, _INVISIBLE)),
    **dict.fromkeys(map(ord, _DASHES), "-"),
    **dict.fromkeys(map(ord, _SINGLE_QUOTES), "'"),
    **dict.fromkeys(map(ord, _DOUBLE_QUOTES), '"'),
    **dict.fromkeys(map(ord, _LINE_BREAKS), "\n"),
    ord("\t"): " ",
}
# Any other Unicode space (no-break, narrow, em, ideographic...): NFKC folds most, not all.
_OTHER_SPACE = re.compile(r"[^\S\n ]")
_DIGIT = re.compile(r"[0-9]")
PATTERNS = (_OTHER_SPACE, _DIGIT)


def normalise(text: str) -> str:
    """`text` with Unicode compatibility forms folded (NFKC: full-width digits, no-break and
    other spaces) and the characters above made plain; "\\r\\n" becomes one "\\n"."""
    folded = unicodedata.normalize("NFKC", text.replace("\r\n", "\n"))
    return _OTHER_SPACE.sub(" ", folded.translate(_TABLE))


def has_digit(text: str) -> bool:
    """Whether normalised `text` has an ASCII digit: every shape the guard looks for has one."""
    return _DIGIT.search(text) is not None
