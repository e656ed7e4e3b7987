"""Make a template ready for the generated body: the styles it uses, the language, field refresh.

A legal team's letterhead may lack our styles ("Clause Paragraph", "Blank Field", …): each missing one is
copied from the default template (with its bullet numbering), and a style the letterhead defines wins.
Styles are matched by name, so a French Word's ids ("Titre1" for "heading 1") work.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

# role in the generated body → (style name as Word stores it, style type)
ROLES: dict[str, tuple[str, str]] = {
    "heading1": ("heading 1", "paragraph"),
    "heading2": ("heading 2", "paragraph"),
    "body": ("Body Text", "paragraph"),
    "clause": ("Clause Paragraph", "paragraph"),
    "bullet": ("List Bullet", "paragraph"),
    "table_text": ("Table Text", "paragraph"),
    "table_heading": ("Table Heading", "paragraph"),
    "toc1": ("toc 1", "paragraph"),
    "toc2": ("toc 2", "paragraph"),
    "table": ("Annex Table", "table"),
    "strong": ("Strong", "character"),
    "blank": ("Blank Field", "character"),
}

LANGUAGES = {"fr": "fr-FR", "en": "en-GB"}



def _index(styles: Any) -> tuple[dict[str, Any], set[str], dict[str, str]]:
    """Styles by lower-case name, the ids in use, and the default style id of each type."""
    by_name: dict[str, Any] = {}
    ids: set[str] = set()
    defaults: dict[str, str] = {}
    for el in styles.iterchildren(qn("w:style")):
        sid = el.get(qn("w:styleId"))
        ids.add(sid)
        name = el.find(qn("w:name"))
        if name is not None:
            by_name.setdefault(name.get(qn("w:val")).lower(), el)
        if el.get(qn("w:default")) in ("1", "true", "on"):
            defaults[el.get(qn("w:type"))] = sid
    return by_name, ids, defaults


class _Merger:
    """Copies styles (and their bullet numbering) from ``source`` into ``target`` documents."""

    def __init__(self, target: Any, source: Any) -> None:
        self.target = target
        self.source = source
        self.t_styles = target.styles.element
        self.s_styles = source.styles.element
        self.t_by_name, self.t_ids, self.t_defaults = _index(self.t_styles)
        self.s_by_name, _, self.s_defaults = _index(self.s_styles)
        self.s_by_id = {el.get(qn("w:styleId")): el for el in self.s_styles.iterchildren(qn("w:style"))}

    def ensure(self, name: str) -> str:
        """The target's id of the style named ``name``, copying it from the source if absent."""
        found = self.t_by_name.get(name.lower())
        if found is not None:
            return str(found.get(qn("w:styleId")))
        original = self.s_by_name[name.lower()]
        el = copy.deepcopy(original)
        sid = el.get(qn("w:styleId"))
        while sid in self.t_ids:
            sid += "Dpg"
        el.set(qn("w:styleId"), sid)
        el.attrib.pop(qn("w:default"), None)
        self.t_ids.add(sid)
        self.t_by_name[name.lower()] = el
        for tag in ("w:link", "w:next"):
            for ref in el.findall(qn(tag)):
                el.remove(ref)
        based = el.find(qn("w:basedOn"))
        if based is not None:
            based.set(qn("w:val"), self._map(based.get(qn("w:val")), el.get(qn("w:type"))))
        num_id = el.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None:
            num_id.set(qn("w:val"), self._copy_numbering(num_id.get(qn("w:val"))))
        self.t_styles.append(el)
        return str(sid)

    def _map(self, source_id: str, kind: str) -> str:
        if source_id == self.s_defaults.get(kind) and kind in self.t_defaults:
            return self.t_defaults[kind]
        parent = self.s_by_id.get(source_id)
        if parent is None:
            return source_id
        return self.ensure(parent.find(qn("w:name")).get(qn("w:val")))

    def _copy_numbering(self, source_num_id: str) -> str:
        s_num = self.source.part.numbering_part.element
        t_num = self.target.part.numbering_part.element
        num = next(n for n in s_num.iterchildren(qn("w:num")) if n.get(qn("w:numId")) == source_num_id)
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(
            a for a in s_num.iterchildren(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
        )
        new_abstract = str(1 + max((int(a.get(qn("w:abstractNumId"))) for a in
                                    t_num.iterchildren(qn("w:abstractNum"))), default=-1))
        nums = t_num.iterchildren(qn("w:num"))
        new_num = str(1 + max((int(n.get(qn("w:numId"))) for n in nums), default=0))
        abstract = copy.deepcopy(abstract)
        abstract.set(qn("w:abstractNumId"), new_abstract)
        for nsid in abstract.findall(qn("w:nsid")):
            abstract.remove(nsid)
        first_num = t_num.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            t_num.append(abstract)
        t_num.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{new_num}"><w:abstractNumId w:val="{new_abstract}"/></w:num>'
        ))
        return new_num


def prepare(target: Any, load_source: Callable[[], Any], language: str) -> dict[str, str]:
    """Ensure the body's styles and set the language; return role → style id.

    No ``w:updateFields``: the generated contents have no page-number fields to refresh.
    """
    by_name, _, _ = _index(target.styles.element)
    missing = [name for name, _ in ROLES.values() if name.lower() not in by_name]
    merger = _Merger(target, load_source()) if missing else None
    styles: dict[str, str] = {}
    for role, (name, _kind) in ROLES.items():
        if merger is not None:
            styles[role] = merger.ensure(name)
        else:
            styles[role] = str(by_name[name.lower()].get(qn("w:styleId")))
    set_language(target, LANGUAGES.get(language, language))
    return styles


def set_language(target: Any, tag: str) -> None:
    """Proofing language of the whole document (``w:docDefaults``)."""
    styles = target.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}/>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
        later = [rpr.find(qn(t)) for t in ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
        anchor = next((x for x in later if x is not None), None)
        if anchor is not None:
            anchor.addprevious(lang)
        else:
            rpr.append(lang)
    lang.set(qn("w:val"), tag)

