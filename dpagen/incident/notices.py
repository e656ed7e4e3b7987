"""The two notifications: the processor's to the controller (Art. 33(2)), the controller's to the authority.

The authority's notice follows the order of the CNIL's online form: kind of notification, organisation and
contact, chronology (and any delay), nature, data and people, consequences, measures, information of the
people, what follows.
"""

from __future__ import annotations

from ..doctree import Document
from . import facts
from .clocks import authority_clock, controller_awareness, controller_clock, full_information_clock
from .model import FollowUp, Phase
from .paper import Paper, Spans, authority_name, contact_line, party_name


def _full_information(paper: Paper) -> list[tuple[str, Spans]]:
    """For a notice in phases (Art. 33(4)): when the contract wants the full information (none otherwise)."""
    full = full_information_clock(paper.incident, paper.description)
    if full is None:
        return []
    return [(paper.t(f"Informations complètes (art. 33.4 du RGPD, {full.hours} heures)",
                     f"Full information (Art. 33(4) GDPR, {full.hours} hours)"),
             paper.when(full.deadline, "breach.full_information_hours"))]


def controller_notice(paper: Paper) -> Document:
    """The processor informs one controller of a breach affecting its data (Art. 33(2), Art. 28(3)(f))."""
    d, i = paper.description, paper.incident
    processor = party_name(d.processor) or "—"
    controller = party_name(d.controller) or "—"
    clock = controller_clock(i, d)
    assert clock is not None  # only called with a processor
    paper.clause(
        paper.t("Objet", "Purpose"),
        paper.para(paper.t(
            f"{processor}, qui traite des données personnelles pour le compte de {controller} en qualité de "
            "sous-traitant, l'informe par la présente d'une violation de données personnelles qui touche ces "
            "données. Cette information est donnée en application de l'article 33.2 du RGPD et du contrat de "
            "sous-traitance qui lie les parties.",
            f"{processor}, which processes personal data on behalf of {controller} as its processor, hereby "
            "informs it of a personal data breach affecting that data. This notice is given under Article 33(2) "
            "GDPR and the data processing agreement between the parties.")),
        paper.table([(paper.t("Destinataire", "Sent to"), paper.value(
            str(d.breach.recipient) if d.breach.recipient else None, "breach.recipient")),
            (paper.t("Canal", "Channel"), paper.value(d.breach.channel, "breach.channel"))]),
        articles=("Art. 33(2)",))
    paper.clause(paper.t("Délai contractuel", "Contractual deadline"),
                 paper.para(paper.t("Le contrat fixe le délai dans lequel le sous-traitant informe le responsable "
                                    "du traitement, à compter du moment où il a connaissance de la violation.",
                                    "The contract sets the time within which the processor informs the "
                                    "controller, counted from when it becomes aware of the breach.")),
                 paper.table(facts.lateness(paper, clock, "discovered_at") + _full_information(paper)),
                 articles=("Art. 33(2)",))
    paper.clause(paper.t("Chronologie", "Timeline"), paper.table(facts.chronology(paper)))
    paper.clause(paper.t("Nature de la violation", "Nature of the breach"), paper.table(facts.nature(paper)),
                 articles=("Art. 33(3)(a)",))
    paper.clause(paper.t("Données et personnes concernées", "Data and people concerned"),
                 paper.table(facts.scope(paper)), articles=("Art. 33(3)(a)",))
    paper.clause(paper.t("Conséquences probables", "Likely consequences"), paper.para(facts.consequences(paper)),
                 articles=("Art. 33(3)(c)",))
    paper.clause(paper.t("Mesures", "Measures"), paper.table(facts.measures(paper)), articles=("Art. 33(3)(d)",))
    contact = str(d.breach.processor_contact) if d.breach.processor_contact else contact_line(d.processor)
    paper.clause(
        paper.t("Suite et contact", "Next steps and contact"),
        paper.para(paper.t(
            f"{controller} dispose de 72 heures à compter du moment où elle a connaissance de la violation, "
            "au plus tard à réception de la présente, pour la notifier à l'autorité de contrôle si elle "
            "présente un risque pour les personnes. Le sous-traitant l'assiste dans cette démarche et lui "
            "transmet sans tarder toute information nouvelle.",
            f"{controller} has 72 hours from becoming aware of the breach, at the latest on receiving this "
            "notice, to notify the supervisory authority where the breach puts people at risk. The processor "
            "assists it and passes on any new information without delay.")),
        paper.table([(paper.t("Contact du sous-traitant", "Processor's contact"),
                      paper.value(contact, "breach.processor_contact"))]),
        articles=("Art. 28(3)(f)", "Art. 33(4)"))
    return paper.document(
        "breach-controller-notice",
        paper.t("Notification d'une violation de données personnelles", "Notice of a personal data breach"),
        paper.t("Du sous-traitant au responsable du traitement (article 33.2 du RGPD)",
                "From the processor to the controller (Article 33(2) GDPR)"),
        paper.t(f"De {processor} à {controller}", f"From {processor} to {controller}"),
        paper.t("Notification", "Notice"))


PHASES = {Phase.INITIAL: ("initiale (des informations suivront)", "initial (more information will follow)"),
          Phase.COMPLETE: ("complète", "complete")}
FOLLOW = {FollowUp.NUMBERS: ("nombres de personnes et d'enregistrements", "numbers of people and records"),
          FollowUp.CONSEQUENCES: ("conséquences probables", "likely consequences"),
          FollowUp.MEASURES: ("mesures prises ou envisagées", "measures taken or proposed")}


def authority_notice(paper: Paper) -> Document:
    """The controller's notification to the supervisory authority (Art. 33(1) and (3)), in the CNIL form's order."""
    d, i = paper.description, paper.incident
    controller = party_name(d.controller) or "—"
    clock = authority_clock(i, d)
    filer = party_name(d.processor) if d.processor and d.breach.processor_notifies_authority else controller
    paper.clause(paper.t("Type de notification", "Kind of notification"), paper.table([
        (paper.t("Notification", "Notification"), paper.value(paper.t(*PHASES[i.phase]), "phase")),
        (paper.t("Éléments à venir (art. 33.4)", "Items to follow (Art. 33(4))"), paper.value(
            ", ".join(paper.t(*FOLLOW[f]) for f in i.to_follow) if i.phase is Phase.INITIAL and i.to_follow
            else paper.t("aucun", "none"), "to_follow")),
        (paper.t("Référence interne", "Internal reference"), paper.value(i.reference, "reference")),
    ]), articles=("Art. 33(4)",))
    address = d.controller.address if d.controller else None
    paper.clause(paper.t("Organisme", "Organisation"), paper.table([
        (paper.t("Responsable du traitement", "Controller"),
         paper.value(d.controller.legal_name if d.controller else None, "controller.legal_name")),
        (paper.t("Adresse", "Address"), paper.value(
            ", ".join(x for x in (address.street, address.postal_code, address.city) if x) if address else None,
            "controller.address")),
        (paper.t("Délégué à la protection des données ou autre point de contact",
                 "Data protection officer or other contact point"),
         paper.value(contact_line(d.controller), "controller.dpo")),
        (paper.t("Sous-traitant concerné", "Processor involved"), paper.value(
            party_name(d.processor) or paper.t("aucun", "none"), "processor")),
        (paper.t("Notification déposée par", "Filed by"), paper.value(filer, "controller.legal_name")),
    ]), articles=("Art. 33(3)(b)",))
    chronology = facts.chronology(paper)
    aware = controller_awareness(i, d)
    chronology.insert(2, (paper.t("Prise de connaissance par le responsable", "Controller became aware"),
                          paper.when(aware, "controllers_informed_at")))
    paper.clause(paper.t("Chronologie et délai", "Timeline and deadline"), paper.table(
        chronology + facts.lateness(paper, clock, "controllers_informed_at")[1:]), articles=("Art. 33(1)",))
    paper.clause(paper.t("Nature de la violation", "Nature of the breach"), paper.table(facts.nature(paper)),
                 articles=("Art. 33(3)(a)",))
    paper.clause(paper.t("Données et personnes concernées", "Data and people concerned"),
                 paper.table(facts.scope(paper)), articles=("Art. 33(3)(a)",))
    paper.clause(paper.t("Conséquences probables", "Likely consequences"), paper.para(facts.consequences(paper)),
                 articles=("Art. 33(3)(c)",))
    paper.clause(paper.t("Mesures prises ou envisagées", "Measures taken or proposed"),
                 paper.table(facts.measures(paper)), articles=("Art. 33(3)(d)",))
    if i.subjects_informed_at:
        informed = paper.when(i.subjects_informed_at, "subjects_informed_at")
    elif i.high_risk is None:
        informed = [paper.blank("high_risk")]
    elif i.high_risk and i.no_communication is None:
        informed = paper.value(paper.t("prévue (risque élevé, art. 34)", "planned (high risk, Art. 34)"), "high_risk")
    else:
        informed = paper.value(paper.t("non : décision motivée tenue au registre des violations",
                                       "no: a reasoned decision is kept in the breach register"), "no_communication")
    paper.clause(paper.t("Information des personnes concernées", "Informing the people concerned"),
                 paper.table([(paper.t("Personnes informées", "People informed"), informed)]),
                 articles=("Art. 34",))
    return paper.document(
        "breach-authority-notice",
        paper.t("Notification d'une violation de données personnelles à l'autorité de contrôle",
                "Notification of a personal data breach to the supervisory authority"),
        paper.t("Éléments de l'article 33.3 du RGPD, dans l'ordre du formulaire en ligne de la CNIL",
                "The items of Article 33(3) GDPR, in the order of the CNIL's online form"),
        paper.t(f"{controller} à {authority_name(paper)}", f"{controller} to {authority_name(paper)}"),
        paper.t("Notification", "Notification"))
