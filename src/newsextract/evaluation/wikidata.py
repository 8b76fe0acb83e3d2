"""Wikidata ids of countries -> ISO 3166-1 alpha-2, for NEREL's ``COUNTRY`` links.

Written by hand for the ids that NEREL links ``COUNTRY`` spans to (the dev set's
ids and other common states). ``None`` marks linked places that have no
alpha-2 code of their own (Scotland). Historical states keep their former or
reserved code (``SU``, ``CS``); the Third Reich counts as Germany.
"""

from __future__ import annotations

from typing import Optional

QID_ISO2: dict[str, Optional[str]] = {
    "Q159": "RU", "Q30": "US", "Q145": "GB", "Q148": "CN", "Q17": "JP", "Q15180": "SU",
    "Q912": "ML", "Q38": "IT", "Q212": "UA", "Q183": "DE", "Q954": "ZW", "Q16": "CA",
    "Q399": "AM", "Q29": "ES", "Q419": "PE", "Q184": "BY", "Q36": "PL", "Q423": "KP",
    "Q142": "FR", "Q252": "ID", "Q237": "VA", "Q414": "AR", "Q79": "EG", "Q43": "TR",
    "Q408": "AU", "Q39": "CH", "Q40": "AT", "Q155": "BR", "Q801": "IL", "Q232": "KZ",
    "Q796": "IQ", "Q22": None, "Q235": "MC", "Q819": "LA", "Q31": "BE", "Q884": "KR",
    "Q33946": "CS", "Q23792": "PS", "Q219060": "PS", "Q822": "LB", "Q846": "QA",
    "Q77": "UY", "Q20": "NO", "Q7318": "DE", "Q858": "SY", "Q55": "NL",
    "Q668": "IN", "Q794": "IR", "Q889": "AF", "Q843": "PK", "Q881": "VN", "Q869": "TH",
    "Q928": "PH", "Q833": "MY", "Q334": "SG", "Q865": "TW", "Q711": "MN", "Q230": "GE",
    "Q227": "AZ", "Q265": "UZ", "Q813": "KG", "Q863": "TJ", "Q874": "TM", "Q217": "MD",
    "Q211": "LV", "Q37": "LT", "Q191": "EE", "Q33": "FI", "Q34": "SE", "Q35": "DK",
    "Q189": "IS", "Q27": "IE", "Q45": "PT", "Q41": "GR", "Q218": "RO", "Q219": "BG",
    "Q28": "HU", "Q213": "CZ", "Q214": "SK", "Q215": "SI", "Q224": "HR", "Q403": "RS",
    "Q225": "BA", "Q236": "ME", "Q221": "MK", "Q222": "AL", "Q229": "CY", "Q233": "MT",
    "Q32": "LU", "Q347": "LI", "Q96": "MX", "Q717": "VE", "Q739": "CO", "Q298": "CL",
    "Q733": "PY", "Q750": "BO", "Q736": "EC", "Q241": "CU", "Q664": "NZ", "Q258": "ZA",
    "Q1033": "NG", "Q114": "KE", "Q115": "ET", "Q1008": "CI", "Q1028": "MA", "Q262": "DZ",
    "Q948": "TN", "Q1016": "LY", "Q1049": "SD", "Q810": "JO", "Q851": "SA", "Q878": "AE",
    "Q842": "OM", "Q805": "YE", "Q817": "KW", "Q398": "BH", "Q902": "BD", "Q837": "NP",
    "Q854": "LK", "Q836": "MM", "Q424": "KH", "Q1029": "MZ", "Q1036": "UG", "Q924": "TZ",
    "Q1032": "NE", "Q1041": "SN", "Q117": "GH", "Q657": "TD", "Q1019": "MG", "Q916": "AO",
    "Q953": "ZM", "Q974": "CD", "Q971": "CG", "Q1025": "MR", "Q1045": "SO", "Q790": "HT",
    "Q766": "JM", "Q800": "CR", "Q804": "PA", "Q774": "GT", "Q811": "NI", "Q792": "SV",
    "Q783": "HN", "Q786": "DO",
}


def iso2_of(qid: Optional[str]) -> Optional[str]:
    """The alpha-2 code of a Wikidata country id, or ``None`` when unknown or code-less."""
    return QID_ISO2.get(qid or "")


def known(qid: Optional[str]) -> bool:
    return (qid or "") in QID_ISO2
