"""A synthetic, table-heavy contract tree (~17 pages) for timing writers while the library grows.

Its text is filler built from a few invented words; only its shape matters: about thirty clauses of
numbered paragraphs and lists, and three annex tables of thirty rows.
"""

from __future__ import annotations

import datetime as dt
import random

from dpagen.doctree import BulletList, Clause, Document, Paragraph, Section, Signature, Span, Table

_WORDS = (
    "le sous-traitant traite les données pour le compte du responsable selon ses instructions "
    "documentées et garantit la confidentialité des personnes autorisées à les traiter ainsi que "
    "la sécurité des traitements au sens de l'article trente-deux du règlement"
).split()

LABELS = {
    "contents": "Sommaire", "page": "Page", "of": "sur", "draft": "PROJET",
    "draft_note": "Projet : les mentions « [●] » restent à compléter avant signature.",
    "annex": "Annexe", "clause": "article", "signature": "Signature", "name": "Nom", "title": "Qualité",
    "version": "Version", "reference": "Référence", "effective": "En vigueur le", "blank": "à compléter",
}


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, words: int) -> list[Span]:
    text = " ".join(_sentence(rng, rng.randint(12, 24)) for _ in range(max(1, words // 18)))
    return [Span(text.replace(" :", "\u202f:"))]


def synthetic_contract(clauses: int = 30, rows: int = 30, draft: bool = False) -> Document:
    """A contract-shaped tree: ``clauses`` body clauses, three annex tables of ``rows`` rows."""
    rng = random.Random(28)
    body = []
    for n in range(1, clauses + 1):
        blocks: list[Paragraph | BulletList | Table] = []
        for p in range(1, rng.randint(2, 5) + 1):
            blocks.append(Paragraph(_paragraph(rng, rng.randint(40, 110)), number=f"{n}.{p}"))
        if n % 4 == 0:
            blocks.append(BulletList([[Span(_sentence(rng, 10))] for _ in range(4)]))
        body.append(Clause(f"c{n}", f"Clause {n} — {_sentence(rng, 4)[:-1]}", blocks, number=str(n)))
    sections = [
        Section("general", "Section I — Dispositions générales", body[:8]),
        Section("obligations", "Section II — Obligations des parties", body[8:24]),
        Section("final", "Section III — Dispositions finales", body[24:]),
    ]
    for label, cols in (("II", 5), ("III", 3), ("IV", 4)):
        header = [f"Colonne {i}" for i in range(1, cols + 1)]
        table_rows = [[[Span(_sentence(rng, rng.randint(2, 9)))] for _ in range(cols)] for _ in range(rows)]
        clause = Clause(f"annex-{label}", f"Tableau de l'annexe {label}",
                        [Paragraph(_paragraph(rng, 30)), Table(header, table_rows, f"t{label}")])
        sections.append(Section(f"annex-{label}", f"Annexe {label} — Tableau", [clause], "annex", label))
    signatures = [
        Signature("Responsable du traitement", [Span("Cabinet Martin & Associés")], [Span("Claire Martin")],
                  [Span("Gérante")], "Fait à Lyon, le 1er décembre 2026"),
        Signature("Sous-traitant", [Span("AVM Informatique")], [Span("Marc Delorme")],
                  [Span("Président")], "Fait à Lyon, le 1er décembre 2026"),
    ]
    return Document(
        kind="dpa", language="fr", title="Contrat de sous-traitance",
        subtitle="Article 28 du Règlement (UE) 2016/679 (RGPD)",
        parties_line="Entre Cabinet Martin & Associés et AVM Informatique",
        sections=sections, signatures=signatures, draft=draft, reference="SYN-1", version="1.0",
        date=dt.date(2026, 12, 1), header="Contrat de sous-traitance — synthétique", labels=dict(LABELS),
    )
