"""Document-level completion of event participants.

* **Speakers join the meeting.** In a report of talks, the people quoted are
  the talks' participants: every person quoted in the document is added to the
  document's main meeting (its first meeting dated the publication day, not an invited-to event;
  without a publication date the main meeting cannot be told, nothing is added).
* **Participation sentences** (``В нём приняли участие делегации ...``) with no
  trigger of their own add their countries, persons and organizations to the
  meeting or conference of the sentence just before (same paragraph).
* **Agreements without a subject** (``По итогам встречи подписан меморандум``)
  take the countries, organizations and regions of the last meeting.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional

from ..doc import Doc
from ..records import Participant

# "приняли участие", "присутствовали", "в состав делегации вошли", "в составе делегации"
PARTICIPATION_LEMMAS = frozenset({"участие", "участвовать", "участник", "присутствовать", "состав"})
GATHERING_TYPES = ("meeting", "conference")
INHERITED_KINDS = frozenset({"country", "organization"})


def add_party(parties: list[Participant], party: Optional[Participant]) -> None:
    if party is None:
        return
    if any(p.kind == party.kind and p.name == party.name for p in parties):
        return
    parties.append(party)


def main_meeting(drafts: Iterable, published: Optional[str]) -> Optional[object]:
    """The first meeting reported as news: dated the publication day (none without a date)."""
    if published is None:
        return None
    return next((d for d in drafts if d.type == "meeting" and not d.target and d.date == published), None)


def add_speakers(doc: Doc, drafts: list, speakers: Iterable[str]) -> None:
    """Quoted persons join the main meeting."""
    meeting = main_meeting(drafts, doc.published)
    if meeting is None:
        return
    by_name = {p.full_name: p for p in doc.persons}
    for name in speakers:
        person = by_name.get(name)
        if person is not None:
            add_party(meeting.parties, Participant(kind="person", name=person.full_name,
                                                   last=person.name.last))


def participation_target(drafts: list) -> Optional[object]:
    """The event a participation sentence continues: the last meeting or conference so far."""
    return next((d for d in reversed(drafts) if d.type in GATHERING_TYPES and not d.target), None)


def region_names(doc: Doc) -> set[str]:
    return {loc.name for loc in doc.locations if loc.kind == "region"}


def inherited(doc: Doc, meeting) -> list[Participant]:
    """The parties an agreement takes from a meeting: countries, organizations, regions."""
    regions = region_names(doc)
    return [p for p in meeting.parties
            if p.kind in INHERITED_KINDS or (p.kind == "location" and p.name in regions)]
