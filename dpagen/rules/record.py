"""The record of processing activities (Art. 30): what the record `--doc record` would draft still lacks.

One rule per point of Art. 30(1) (the controller's record) and of Art. 30(2) (the processor's), each
reading the same cells the record is drafted from (``dpagen.record``), so that `dpagen check` reports
exactly what a final record is refused for, with the path to fill in and the letter it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..errors import DpagenError
from ..model import Description, Role
from .finding import RECORD
from .registry import Hit, Scope, Words, hit, rule

if TYPE_CHECKING:
    from ..record import Record


def _keeps_controller_record(d: Description) -> bool:
    return d.controller is not None and d.charter_publisher is Role.CONTROLLER


def _keeps_processor_record(d: Description) -> bool:
    return d.processor is not None and d.charter_publisher is not Role.CONTROLLER


CONTROLLER_RECORD = Scope(
    "controller-record",
    _keeps_controller_record,
    {"fr": "registre du responsable (art. 30.1)", "en": "the controller's record (Art. 30(1))"},
    (RECORD,),
)
PROCESSOR_RECORD = Scope(
    "processor-record",
    _keeps_processor_record,
    {"fr": "registre du sous-traitant (art. 30.2)", "en": "the processor's record (Art. 30(2))"},
    (RECORD,),
)

_last: tuple[Description, str, Record] | None = None


def _record(d: Description) -> Record:
    """The record drafted from one description (built once for the rules that read it in a row).

    The cache is keyed by the object and its content, so a description edited in place is read again.
    """
    global _last
    content = d.model_dump_json(warnings=False)
    if _last is None or _last[0] is not d or _last[1] != content:
        from ..record import record_for

        _last = (d, content, record_for([d]))
    return _last[2]


def _gaps(d: Description, point: str) -> Iterator[Hit]:
    """Every path the record lacks for one point of Art. 30, e.g. ``30(1)(f)``."""
    seen: set[str] = set()
    try:
        record = _record(d)
    except DpagenError:  # a description the record cannot be drafted from: other rules say why
        return
    for section in record.sections:
        cells = [c for _, c in section.identity] + [c for row in section.rows for c in row.values()]
        for cell in cells:
            if cell.point != point:
                continue
            for path in cell.missing:
                if path not in seen:
                    seen.add(path)
                    yield hit(path)


MESSAGE = {
    "fr": "Le registre des activités de traitement ne peut être finalisé : il doit indiquer {what} ; "
    "renseignez cette valeur.",
    "en": "The record of processing activities cannot be finalised: it must state {what}; fill this value in.",
}

POINTS: dict[str, tuple[Words, tuple[str, ...]]] = {
    "30(1)(a)": (Words("le nom et les coordonnées du responsable du traitement (et, le cas échéant, du "
                       "responsable conjoint, du représentant et du délégué)",
                       "the name and contact details of the controller (and of any joint controller, "
                       "representative and data protection officer)"), ("R30-1a",)),
    "30(1)(b)": (Words("les finalités du traitement", "the purposes of the processing"), ("R30-1b",)),
    "30(1)(c)": (Words("les catégories de personnes concernées et de données", "the categories of data subjects "
                       "and of personal data"), ("R30-1c",)),
    "30(1)(d)": (Words("les catégories de destinataires", "the categories of recipients"), ("R30-1d",)),
    "30(1)(e)": (Words("les transferts hors de l'EEE et leurs garanties", "the transfers outside the EEA and "
                       "their safeguards"), ("R30-1e",)),
    "30(1)(f)": (Words("les délais d'effacement de chaque catégorie de données", "the time limits for erasing "
                       "each category of data"), ("R30-1f",)),
    "30(1)(g)": (Words("une description générale des mesures de sécurité (art. 32.1)", "a general description "
                       "of the security measures (Art. 32(1))"), ("R30-1g",)),
    "30(2)(a)": (Words("le nom et les coordonnées du sous-traitant et de chaque responsable pour le compte "
                       "duquel il agit (et, le cas échéant, du représentant et du délégué)",
                       "the name and contact details of the processor and of each controller it acts for (and "
                       "of any representative and data protection officer)"), ("R30-2a",)),
    "30(2)(b)": (Words("les catégories de traitements effectués pour le compte de chaque responsable",
                       "the categories of processing carried out on behalf of each controller"), ("R30-2b",)),
    "30(2)(c)": (Words("les transferts hors de l'EEE et leurs garanties", "the transfers outside the EEA and "
                       "their safeguards"), ("R30-2c",)),
    "30(2)(d)": (Words("une description générale des mesures de sécurité (art. 32.1)", "a general description "
                       "of the security measures (Art. 32(1))"), ("R30-2d",)),
}


def _rule_id(point: str) -> str:
    """``30(1)(f)`` → ``RECORD-30-1-F``."""
    paragraph, letter = point[3], point[6]
    return f"RECORD-30-{paragraph}-{letter.upper()}"


def _register(point: str) -> None:
    what, checklist = POINTS[point]
    paragraph = point[:5]
    controller = paragraph == "30(1)"

    def finder(d: Description) -> Iterator[Hit]:
        for h in _gaps(d, point):
            yield hit(h.path, what=what)

    finder.__doc__ = f"The record's gaps under Art. {point}."
    register: Callable[[Callable[[Description], Iterator[Hit]]], object] = rule(
        _rule_id(point),
        section="record",
        severity="error",
        articles=(f"Art. {point}",),
        checklist=checklist,
        scope=CONTROLLER_RECORD if controller else PROCESSOR_RECORD,
        summary={
            "fr": f"Le registre {'du responsable' if controller else 'du sous-traitant'} indique "
            f"{what.fr} (art. {point[:2]}.{point[3]}.{point[6]} du RGPD).",
            "en": f"The {'controller' if controller else 'processor'}'s record states {what.en} (Art. {point}).",
        },
        message=MESSAGE,
    )
    register(finder)


for _point in POINTS:
    _register(_point)
