"""The table from reading-format predicate names to RDF properties, and other term tables.

Data, not branches: the graph builder, the evaluator and the views all read these tables.
"""

from __future__ import annotations

from rdflib import URIRef

from ..namespaces import KX, ORG

__all__ = [
    "FIGURE_KINDS",
    "PREDICATES",
    "PREDICATE_NAMES",
    "ROLE_EN",
    "SYMMETRIC",
    "UNITS",
    "predicate_iri",
]

#: reading-format predicate name -> property IRI (docs/ARCHITECTURE.md, "Predicates")
PREDICATES: dict[str, URIRef] = {
    "sub_organization_of": ORG.subOrganizationOf,
    "member_of": ORG.memberOf,
    "partner_of": KX.partnerOf,
    "co_organizes": KX.coOrganizes,
    "organizes": KX.organizes,
    "undertakes": KX.undertakes,
    "co_builds": KX.coBuilds,
    "co_issues": KX.coIssues,
    "issues": KX.issues,
    "plans_to_issue": KX.plansToIssue,
    "runs": KX.runs,
    "participates_in": KX.participatesIn,
    "selected_for": KX.selectedFor,
    "located_in": KX.locatedIn,
    "hosts": KX.hosts,
    "plans_to_build": KX.plansToBuild,
    "builds": KX.builds,
    "implements": KX.implements,
    "pairs_with": KX.pairsWith,
    "part_of": KX.partOf,
    "publishes": KX.publishes,
    "reports": KX.reports,
    "supports": KX.supports,
    "seeks_to_host": KX.seeksToHost,
    "builds_on": KX.buildsOn,
}

#: property IRI -> reading-format name
PREDICATE_NAMES: dict[URIRef, str] = {iri: name for name, iri in PREDICATES.items()}

#: predicates whose direction does not matter when comparing readings
SYMMETRIC: frozenset[str] = frozenset({"partner_of", "pairs_with"})

#: figure unit name (READING-FORMAT.md) -> unit individual
UNITS: dict[str, URIRef] = {
    "percent": KX.Percent,
    "percentage-points": KX.PercentagePoint,
    "persons": KX.PersonCount,
    "person-times": KX.PersonTimes,
    "count": KX.Count,
    "rank": KX.Rank,
    "year": KX.YearUnit,
    "years": KX.YearCount,
    "yuan": KX.Yuan,
}

#: figure kind name -> kind individual
FIGURE_KINDS: dict[str, URIRef] = {
    "actual": KX.Actual,
    "target": KX.Target,
    "change": KX.Change,
    "rank": KX.RankKind,
}

#: English labels of common post names (org:Role labels)
ROLE_EN: dict[str, str] = {
    "主席": "Chair",
    "副主席": "Vice-Chair",
    "常务副主席": "Executive Vice-Chair",
    "兼职副主席": "Part-time Vice-Chair",
    "党组书记": "Secretary of the Leading Party Members' Group",
    "党组副书记": "Deputy Secretary of the Leading Party Members' Group",
    "党组成员": "Member of the Leading Party Members' Group",
    "书记": "Secretary",
    "副书记": "Deputy Secretary",
    "秘书长": "Secretary-General",
    "副秘书长": "Deputy Secretary-General",
    "理事长": "President",
    "副理事长": "Vice-President",
    "会长": "President",
    "副会长": "Vice-President",
    "院长": "President",
    "副院长": "Vice-President",
    "校长": "President",
    "副校长": "Vice-President",
    "所长": "Director",
    "主任": "Director",
    "副主任": "Deputy Director",
    "局长": "Director-General",
    "厅长": "Director-General",
    "部长": "Minister",
    "市长": "Mayor",
    "副市长": "Vice-Mayor",
    "省长": "Governor",
    "副省长": "Vice-Governor",
    "董事长": "Chairman of the Board",
    "总经理": "General Manager",
    "院士": "Academician",
    "记者": "Reporter",
    "通讯员": "Correspondent",
    "摄影": "Photographer",
    "委员": "Member",
    "常委": "Standing Committee Member",
}


def predicate_iri(name: str) -> URIRef:
    """Return the property for a reading-format predicate name; raise KeyError if unknown."""
    return PREDICATES[name]
