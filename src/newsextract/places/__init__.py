"""Countries, regions and cities: gazetteer, matching, disambiguation, normal forms.

The pipeline stages live in ``newsextract.extractors.countries``; other stages
import ``country_at`` and ``lookup_country`` from there.
"""

from .gazetteer import CityEntry, CountryEntry, RegionEntry, gazetteer
from .match import PlaceMention, find_places
from .normalize import nominative

__all__ = ["CityEntry", "CountryEntry", "PlaceMention", "RegionEntry", "find_places",
           "gazetteer", "nominative"]
