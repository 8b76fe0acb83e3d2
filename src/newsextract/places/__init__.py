"""Countries, regions and cities: gazetteer, matching, disambiguation, normal forms.

The stages: ``extract_countries(doc)`` (the ``countries`` stage) and
``extract_locations(doc)`` (the ``locations`` stage), both in ``places.stage``;
``country_at`` and ``lookup_country`` answer other stages' questions about places.
"""

from .gazetteer import CityEntry, CountryEntry, RegionEntry, gazetteer
from .match import PlaceMention, find_places
from .stage import country_at, extract_locations, lookup_country
from .stage import extract as extract_countries

__all__ = ["CityEntry", "CountryEntry", "PlaceMention", "RegionEntry", "country_at", "extract_countries",
           "extract_locations", "find_places", "gazetteer", "lookup_country"]
