"""Events: meetings, agreements, invitations, visits, conferences, statements.

* ``stage``: the ``events`` stage, ``extract(doc) -> list[Event]``;
* ``triggers``: the trigger lexicon and its matching in a sentence;
* ``named``: the ``named_events`` stage (``СОР 29`` -> ``COP29``), look-alike letters folded;
* ``participants``: candidate mentions, demonyms, the home party, clauses, venues;
* ``dates``: the date of an event from its clause;
* ``targets``: what an invitation invites to;
* ``build``: per-type builders (gatherings, statements, invitations, invited-to events);
* ``sentences``: the events of one sentence;
* ``enrich``: document-level completion (speakers, participation, inherited parties).
"""

from .named import extract as extract_named
from .stage import extract

__all__ = ["extract", "extract_named"]
