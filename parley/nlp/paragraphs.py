"""The ``parley_paragraphs`` component: a line break in repaired text ends a sentence.

After repair, hard wraps are joined, so a remaining line break separates paragraphs or a
headline from the text under it. The parser does not always see that boundary ("Egypt and
Sudan sign water accord\\nEgypt and Sudan signed ..." would become one sentence), so this
component, placed before the parser, marks the first word after a line break as a sentence
start; the parser keeps every boundary set in advance.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component(
    "parley_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    after_break = False
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc
