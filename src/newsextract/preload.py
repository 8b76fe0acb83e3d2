"""The forkserver's preload: worker processes fork with the pipeline already built.

``parallel`` starts its workers from a forkserver that imports this module once
(``set_forkserver_preload``). **Importing it builds a default ``Pipeline`` and
runs it over a short invented release**, so that the NER model and every data
file loaded on first use (gazetteers, phrase tries, pymorphy3's dictionaries,
lexicons) are in memory before the first fork. Each worker then starts in
milliseconds, shares those pages copy-on-write with the other workers instead of
building its own copy (about 1.5 s of CPU per worker), and a worker replaced
after a crash or a timeout is ready at once. ``gc.freeze()`` keeps the garbage
collector of the workers away from the preloaded objects (it would otherwise
walk them, and write to their pages, on every full collection).

The thread limit is the process default (``threads``: ``NEWSEXTRACT_THREADS``,
else one BLAS thread), set before numpy loads; a worker asked for another count
applies it at run time (``threads.limit_threads``).

Nothing here is a fallback: if building fails, ``PIPELINE`` stays ``None`` and
each worker builds its own pipeline, which raises the real error to the parent.
Do not import this module anywhere else (it is not part of the API).
"""

from __future__ import annotations

import gc
from typing import Any, Optional

from .threads import set_thread_env, thread_count

set_thread_env()  # before numpy loads

# Invented for the project: one of each thing the stages look up, so that their data loads here.
WARM_TEXT = (
    "Самарская область и Узбекистан договорились о поставках оборудования\n\n"
    "САМАРА, 14 мая 2025 года. Губернатор Самарской области Вячеслав Федорищев провёл переговоры "
    "с послом Республики Узбекистан в Российской Федерации Ботиржоном Асадовым. "
    "В заседании приняли участие министр промышленности и торговли региона Михаил Кирилин и "
    "представители ПАО «АвтоВАЗ», Торгово-промышленной палаты и Министерства иностранных дел России.\n\n"
    "«Мы готовы увеличить поставки в Ташкент и Самарканд уже в этом году», — заявил губернатор. "
    "По словам посла, стороны обсудили участие делегации в Петербургском международном экономическом "
    "форуме и совместные проекты в сфере образования, здравоохранения и сельского хозяйства.\n\n"
    "Следующая встреча пройдёт 3 июня в Москве, сообщила пресс-служба правительства области."
)

PIPELINE = None
THREADS: Optional[int] = None


def _warm() -> None:
    global PIPELINE, THREADS
    from .pipeline import Pipeline

    pipeline = Pipeline()
    pipeline(WARM_TEXT, doc_id="warm-up")
    PIPELINE, THREADS = pipeline, thread_count()


def pipeline_for(options: dict[str, Any]):
    """The preloaded pipeline if ``options`` are its own, else one built from them around its
    NER model (the part that takes time); ``None`` when nothing was preloaded."""
    if PIPELINE is None:
        return None
    if set(options) <= set(PIPELINE.options) and all(v is None for v in options.values()):
        return PIPELINE  # the defaults
    from .pipeline import Pipeline

    return Pipeline(**options, ner=PIPELINE.ner)


try:
    _warm()
except Exception:  # noqa: BLE001 - see the module's docstring: the workers build and report it
    PIPELINE = None
gc.freeze()  # no gc.collect() first: it took 50 ms of the start-up, for a few KB of garbage
