"""The NLP layer: segmentation, morphology, NER, the phrase matcher, token grammar.

* ``segment``: razdel sentences and tokens (the ``segment`` stage);
* ``morph``: pymorphy3 lemmas and inflection, one analyzer per process (the ``morph`` stage);
* ``ner``: slovnet NER over bounded pieces (the ``ner`` stage, with ``NerModel``);
* ``matcher``: the lemma-trie phrase matcher over gazetteers and lexicons;
* ``grammar``: token predicates and the nominative of a phrase (``nominative_tokens`` for
  token phrases, ``nominative_phrase`` for strings such as place names).

Third-party objects (razdel, pymorphy3, slovnet) are converted here and never
leave this package.
"""

from .morph import lemmatize
from .ner import NerModel, ner_pieces, tag_ner, tag_ner_many
from .segment import segment, split_sentences

__all__ = ["NerModel", "lemmatize", "ner_pieces", "segment", "split_sentences", "tag_ner", "tag_ner_many"]
