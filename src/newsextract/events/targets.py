"""What an invitation invites to: ``пригласил X на выставку в Абу-Даби`` -> the target phrase.

The target phrase starts at the ``на`` (or ``в``) before the first conference
trigger or named event that follows the invitation trigger in its clause, and
runs to the end of the clause. The invitation's own parties (inviter, invited)
lie before it; the invited-to event (a conference) has only the target's parties.
A visit trigger right after an invitation (``пригласил посетить``) is its
complement, not a visit of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..doc import Doc

TARGET_PREPS = frozenset({"на", "в", "во"})
COMPLEMENT_WINDOW = 4  # tokens after an invitation trigger where a visit verb is its complement


@dataclass(frozen=True)
class Target:
    invitation: tuple[int, int]  # the invitation trigger
    start: int  # the target phrase
    end: int


def find_targets(doc: Doc, invitations: list[tuple[int, int, int]],
                 events: list[tuple[int, int]]) -> list[Target]:
    """Targets of invitations ``(start, end, clause_end)`` among event mentions ``(start, end)``."""
    out = []
    for i0, i1, clause_end in invitations:
        after = sorted(s for s, _ in events if i1 <= s < clause_end)
        if not after:
            continue
        out.append(Target((i0, i1), _phrase_start(doc, i1, after[0]), clause_end))
    return out


def _phrase_start(doc: Doc, floor: int, trigger_start: int) -> int:
    """The preposition opening the target phrase (at most three tokens back), else the trigger."""
    tok = doc.token_at(trigger_start)
    if tok is None:
        return trigger_start
    for k in range(tok.index - 1, max(tok.index - 4, -1), -1):
        prev = doc.tokens[k]
        if prev.start < floor:
            break
        if prev.text.lower() in TARGET_PREPS:
            return prev.start
    return trigger_start


def target_of(targets: list[Target], start: int) -> Target | None:
    """The target whose phrase holds an event mention starting at ``start``."""
    return next((t for t in targets if t.start <= start < t.end), None)


def invitation_target(targets: list[Target], trigger: tuple[int, int]) -> Target | None:
    return next((t for t in targets if t.invitation == trigger), None)


def is_complement(doc: Doc, invitations: list[tuple[int, int, int]], start: int) -> bool:
    """A trigger within a few tokens after an invitation trigger (``пригласил посетить``)."""
    tok = doc.token_at(start)
    if tok is None:
        return False
    for _, i1, _ in invitations:
        end_tok = doc.token_at(i1 - 1)
        if end_tok is not None and 0 < tok.index - end_tok.index <= COMPLEMENT_WINDOW:
            return True
    return False
