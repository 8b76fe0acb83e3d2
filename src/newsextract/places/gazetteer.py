"""The place gazetteer: countries, Russian regions and cities from ``data/*.tsv``.

Built once, lazily (``gazetteer()``), into a lemma trie (``PhraseMatcher``) for
names, plus dictionaries for abbreviations (exact, case-sensitive), adjective
and demonym lemmas, and compound-adjective stems (``российско-``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .. import resources
from ..nlp import morph
from ..nlp.matcher import PhraseMatcher
from ..nlp.segment import tokenize


@dataclass(frozen=True, slots=True)
class CountryEntry:
    iso2: str
    iso3: str
    name: str  # short Russian name, nominative
    official: str = ""
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    ambiguous: bool = False
    historical: bool = False
    territory: bool = False  # dependent or disputed territory: reported as a location
    partial: bool = False  # partially recognized state, user-assigned code


@dataclass(frozen=True, slots=True)
class RegionEntry:
    code: str  # ISO 3166-2
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    centre: str = ""


@dataclass(frozen=True, slots=True)
class CityEntry:
    name: str
    country: str
    region: str = ""  # ISO 3166-2 for Russian cities
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class OtherEntry:
    """A named place of kind ``other`` (Европа, Сибирь, Чёрное море, МКС), or a foreign
    region of kind ``region`` (Хэйлунцзян, Гомельская область)."""

    name: str
    country: str = ""
    kind: str = "other"  # "region" for a foreign province, state or oblast (code null)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a gazetteer phrase stands for: ``kind`` country/region/city/block."""

    kind: str
    entry: object
    form: str = "name"  # name | official | abbreviation | adjective | demonym
    ambiguous: bool = False
    caps: tuple[bool, ...] = ()  # which words of the phrase must be capitalized


# Phrases that contain a place name but are not that place: longest match wins.
BLOCKERS = (
    "Новая Гвинея", "Британская Колумбия", "Нижняя Саксония", "Новый Южный Уэльс",
    "Единая Россия", "Справедливая Россия", "Россия 1", "Литературная Россия", "Россия 24",
    "округ Колумбия", "Столичный округ Колумбия", "Республика Сербская",
    "Русская православная церковь", "Голос Америки", "Банк Америки",
    "Нью-Мексико", "Азербайджанская ССР", "Грузинская ССР", "Казахская ССР",
    "Украинская ССР", "Белорусская ССР", "Джорджия",
)

# Words that may start an official name in lower case (``республики Казахстан``).
GENERIC = frozenset({
    "республика", "королевство", "государство", "княжество", "султанат", "союз",
    "содружество", "остров", "острова", "федерация", "эмират", "город", "область",
    "край", "округ", "автономный", "народная", "федеративная", "демократическая",
})

# Compound-adjective first parts that do not follow the regular ``-ско-`` pattern.
COMPOUND_SPECIAL = {
    "англо": "GB", "франко": "FR", "германо": "DE", "итало": "IT", "австро": "AT",
    "испано": "ES", "греко": "GR", "американо": "US", "русско": "RU", "советско": "SU",
    "китайско": "CN", "японо": "JP", "индо": "IN", "сино": "CN", "турецко": "TR",
    "ирано": "IR", "израильско": "IL", "арабо": "", "евро": "", "афро": "",
}


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())


def _rows(name: str, width: int):
    for row in resources.tsv(name):
        yield tuple(row) + ("",) * (width - len(row))


def word_key(word: str, *, raw_if_unsure: bool = False) -> str:
    """Trie key of one word: a geographic reading's lemma if pymorphy3 has one."""
    low = word.lower().replace("ё", "е")
    if not word[:1].isalpha():
        return low
    for p in morph.parse(word):
        if "Geox" in p.tag:
            return p.normal_form.replace("ё", "е")
    if raw_if_unsure:
        return low
    return morph.lemma(word)


def phrase_key(phrase: str, *, ambiguous: bool = False) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    words = [word for _, _, word in tokenize(phrase)]
    single = len(words) == 1
    key = tuple(word_key(w, raw_if_unsure=single and ambiguous) for w in words)
    caps = tuple(w[:1].isupper() and not (len(words) > 1 and w.lower() in GENERIC) for w in words)
    return key, caps


@dataclass
class Gazetteer:
    countries: dict[str, CountryEntry] = field(default_factory=dict)
    regions: dict[str, RegionEntry] = field(default_factory=dict)
    cities: dict[str, CityEntry] = field(default_factory=dict)
    matcher: PhraseMatcher = field(default_factory=PhraseMatcher)
    abbreviations: dict[str, list[Hit]] = field(default_factory=dict)  # exact text -> readings
    adjectives: dict[str, list[Hit]] = field(default_factory=dict)  # lemma -> hits
    demonyms: dict[str, list[Hit]] = field(default_factory=dict)  # lemma -> hits
    compounds: dict[str, str] = field(default_factory=dict)  # "российско" -> "RU"
    fuzzy: dict[str, set[str]] = field(default_factory=dict)  # deletion variant -> adjective lemmas
    # region code (or other place's name) -> {trie key of a short name (``Чувашия``, ``Тува``,
    # ``Каспий``): the name, nominative}
    short_names: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)
    named: dict[str, object] = field(default_factory=dict)  # nominative name -> Region/OtherEntry
    # lemmas of adjectives and demonyms: a token with none of them needs no closer look
    adjective_lemmas: frozenset = frozenset()

    def add_phrase(self, phrase: str, hit: Hit) -> None:
        key, caps = phrase_key(phrase, ambiguous=hit.ambiguous)
        hit = Hit(hit.kind, hit.entry, hit.form, hit.ambiguous, caps)
        for k in dict.fromkeys((key, *_case_form_keys(phrase))):
            self.matcher.add(k, hit)

    def add_abbr(self, abbr: str, hit: Hit) -> None:
        readings = self.abbreviations.setdefault(abbr, [])
        if all(h.entry is not hit.entry or h.kind != hit.kind for h in readings):
            readings.append(hit)  # ДНР as alias and abbreviation: one reading


def _abbreviation(phrase: str) -> bool:
    """Upper case, or an acronym with a lower-case letter inside (``УрФО``)."""
    return phrase.isupper() or (" " not in phrase and sum(ch.isupper() for ch in phrase) >= 2)


def _has_kind_word(phrase: str) -> bool:
    """A full name carries its kind noun (``Республика Тыва``, ``Чукотский АО``)."""
    return any(w.lower() in GENERIC or w.isupper() for w in phrase.replace("-", " ").split())


_CASES = ("gent", "datv", "accs", "ablt", "loct")


def _case_form_keys(phrase: str) -> tuple[tuple[str, ...], ...]:
    """Keys of the case forms of a one-word name pymorphy3 does not know (``Тяньцзинь``):
    its guessed lemma of ``Тяньцзине`` is not the name, the written form is a key."""
    if " " in phrase or not phrase[:1].isalpha():
        return ()
    parses = morph.parse(phrase)
    if not parses or morph.known(parses[0]):
        return ()
    # every guessed nominative noun reading (``Тяньцзинь``: feminine and masculine)
    nouns = [p for p in parses if p.tag.POS == "NOUN" and p.tag.case == "nomn" and "Fixd" not in p.tag]
    forms = (morph.inflected(p, {case}) for p in nouns for case in _CASES)
    return tuple(dict.fromkeys((f.word.replace("ё", "е"),) for f in forms if f is not None))


def _short_named(name: str) -> bool:
    """Republics and autonomous okrugs have short names in the Constitution (``Чувашская
    Республика — Чувашия``); an oblast's or krai's other names are nicknames (``Приморье``)."""
    return "Республика" in name or "автономный округ" in name


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


def _adjective_stems(lemma: str) -> set[str]:
    stems = set()
    for ending in ("ский", "цкий", "ской"):
        if lemma.endswith(ending):
            stems.add(lemma[:-2] + "о")  # российский -> российско
    return stems


@functools.cache
def gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for iso2, iso3, name, official, aliases, abbrs, adjs, dems, flags in _rows("countries.tsv", 9):
        flagset = set(flags.split())
        entry = CountryEntry(iso2, iso3, name, official, _split(aliases), _split(abbrs),
                             _split(adjs), _split(dems), "ambiguous" in flagset,
                             "historical" in flagset, "territory" in flagset, "partial" in flagset)
        gaz.countries[iso2] = entry
        amb = entry.ambiguous
        kind = "territory" if entry.territory else "country"
        if name.isupper():  # США, ОАЭ: the name is an abbreviation
            gaz.add_abbr(name, Hit(kind, entry, "name"))
        else:
            gaz.add_phrase(name, Hit(kind, entry, "name", amb))
        officials = [official] if official else []
        if kind == "country" and not name.isupper() and " " not in name and "-" not in name:
            officials += [f"Республика {name}", f"Королевство {name}"]  # Республики Аргентина
        for phrase in dict.fromkeys(officials):
            gaz.add_phrase(phrase, Hit(kind, entry, "official"))
        for alias in entry.aliases:
            if alias.isupper() or (alias[:2].isupper() and len(alias) <= 4):
                gaz.add_abbr(alias, Hit(kind, entry, "abbreviation"))
            elif alias.split()[0].lower() in GENERIC:
                gaz.add_phrase(alias, Hit(kind, entry, "official"))
            else:
                gaz.add_phrase(alias, Hit(kind, entry, "name", amb))
        for abbr in entry.abbreviations:
            if abbr != name and abbr not in entry.aliases:
                gaz.add_abbr(abbr, Hit(kind, entry, "abbreviation"))
        if entry.territory:
            continue
        for adj in entry.adjectives:
            lemma = adj.replace("ё", "е")
            gaz.adjectives.setdefault(lemma, []).append(Hit("country", entry, "adjective"))
            for stem in _adjective_stems(lemma):
                gaz.compounds.setdefault(stem, iso2)
            if len(lemma) >= 10:
                for variant in _deletions(lemma):
                    gaz.fuzzy.setdefault(variant, set()).add(lemma)
        for dem in entry.demonyms:
            gaz.demonyms.setdefault(dem.replace("ё", "е"), []).append(Hit("country", entry, "demonym"))
    for stem, iso2 in COMPOUND_SPECIAL.items():
        if iso2:
            gaz.compounds[stem] = iso2
        else:
            gaz.compounds.pop(stem, None)

    city_names = {row[0] for row in _rows("cities.tsv", 4)}
    for code, name, aliases, abbrs, adjs, centre in _rows("regions.tsv", 6):
        entry = RegionEntry(code, name, code[:2], _split(aliases), _split(abbrs), _split(adjs), centre)
        gaz.regions[code] = entry
        gaz.named.setdefault(name, entry)
        for phrase in (name, *entry.aliases):
            if phrase in city_names:  # Москва, Севастополь: the city entry carries the code
                continue
            if phrase.isupper():
                gaz.add_abbr(phrase, Hit("region", entry, "abbreviation"))
            else:
                gaz.add_phrase(phrase, Hit("region", entry, "name"))
                if phrase != name and _short_named(name) and not _has_kind_word(phrase):
                    gaz.short_names.setdefault(code, {}).setdefault(phrase_key(phrase)[0], phrase)
        for abbr in entry.abbreviations:
            gaz.add_abbr(abbr, Hit("region", entry, "abbreviation"))
        for adj in entry.adjectives:
            gaz.adjectives.setdefault(adj.replace("ё", "е"), []).append(Hit("region", entry, "adjective"))

    for name, country, region, flags in _rows("cities.tsv", 4):
        entry = CityEntry(name, country, region, "ambiguous" in flags.split())
        gaz.cities.setdefault(name, entry)
        gaz.add_phrase(name, Hit("city", entry, "name", entry.ambiguous))

    for row in _rows("macroregions.tsv", 3):
        name, country, aliases = row[:3]
        entry = OtherEntry(name, country)
        gaz.named.setdefault(name, entry)
        for phrase in (name, *_split(aliases)):
            if _abbreviation(phrase):
                gaz.add_abbr(phrase, Hit("other", entry, "abbreviation"))
            else:
                gaz.add_phrase(phrase, Hit("other", entry, "name"))
                if phrase != name:  # Каспий, Курилы: named as written
                    gaz.short_names.setdefault(name, {}).setdefault(phrase_key(phrase)[0], phrase)

    for name, country, aliases, flags in _rows("foreign_regions.tsv", 4):
        entry = OtherEntry(name, country, "region")
        gaz.named.setdefault(name, entry)
        if name.endswith(" область") and " " not in name[:-8]:  # Гомельский облисполком
            adj = morph.lemma(name.split()[0]).replace("ё", "е")
            gaz.adjectives.setdefault(adj, []).append(Hit("region", entry, "adjective"))
        amb = "ambiguous" in flags.split()
        for phrase in (name, *_split(aliases)):
            if phrase.isupper():
                gaz.add_abbr(phrase, Hit("other", entry, "abbreviation"))
            else:
                gaz.add_phrase(phrase, Hit("other", entry, "name", amb))

    for phrase in BLOCKERS:
        gaz.add_phrase(phrase, Hit("block", None))
    gaz.adjective_lemmas = frozenset(gaz.adjectives) | frozenset(gaz.demonyms)
    return gaz
