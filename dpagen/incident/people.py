"""The communication to the people concerned (Art. 34), its reasoned refusal, and the register entry.

The decision not to tell people cites Art. 34(1) or 34(3); the register entry is the Art. 33(5) record.
"""

from __future__ import annotations

from ..doctree import Document
from . import facts
from .clocks import authority_clock, controller_clock
from .model import NoCommunicationReason
from .paper import Paper, authority_name, contact_line, party_name

REASONS = {
    NoCommunicationReason.NOT_HIGH_RISK: (
        "La violation n'est pas susceptible d'engendrer un risque élevé pour les droits et libertés des "
        "personnes : l'article 34.1 du RGPD n'impose donc pas de les informer.",
        "The breach is not likely to result in a high risk to people's rights and freedoms, so Article 34(1) "
        "GDPR does not require telling them."),
    NoCommunicationReason.UNINTELLIGIBLE: (
        "Les données touchées étaient protégées de sorte qu'elles restent incompréhensibles à toute personne "
        "qui n'est pas autorisée à y accéder, par exemple par un chiffrement dont la clé n'a pas été "
        "compromise (article 34.3.a du RGPD).",
        "The data affected was protected so that it stays unintelligible to anyone not authorised to access "
        "it, for instance by encryption whose key was not compromised (Article 34(3)(a) GDPR)."),
    NoCommunicationReason.RISK_REMOVED: (
        "Les mesures prises après la violation font que le risque élevé n'est plus susceptible de se "
        "matérialiser (article 34.3.b du RGPD).",
        "The measures taken after the breach mean the high risk is no longer likely to materialise "
        "(Article 34(3)(b) GDPR)."),
    NoCommunicationReason.DISPROPORTIONATE: (
        "Informer chaque personne exigerait des efforts disproportionnés : une communication publique, ou une "
        "mesure semblable, les informe de manière aussi efficace (article 34.3.c du RGPD).",
        "Telling each person would involve disproportionate effort: a public communication, or a similar "
        "measure, informs them as effectively (Article 34(3)(c) GDPR)."),
}


def communicates(paper: Paper) -> bool | None:
    """Whether the people are told: high risk and no Art. 34(3) exemption; None while the risk is unassessed."""
    i = paper.incident
    if i.no_communication is not None:
        return False
    return i.high_risk


def communication(paper: Paper) -> Document:
    """The letter to the people concerned, or the reasoned decision not to send one."""
    decision = communicates(paper)
    if decision is False:
        return _decision(paper)
    d, i = paper.description, paper.incident
    controller = party_name(d.controller) or "—"
    if decision is None:
        paper.clause(paper.t("Niveau de risque", "Level of risk"), paper.para(
            paper.t("Le risque pour les personnes reste à évaluer : ", "The risk to people is still to be assessed: "),
            [paper.blank("high_risk")]), articles=("Art. 34(1)",))
    paper.clause(paper.t("Ce qui s'est passé", "What happened"), paper.para(
        paper.t(f"{controller} vous informe qu'un incident de sécurité a touché des données personnelles vous "
                "concernant. ", f"{controller} is letting you know that a security incident affected personal data "
                "about you. "), paper.value(i.what_happened, "what_happened")), articles=("Art. 34(2)",))
    paper.clause(paper.t("Les données concernées", "The data concerned"),
                 paper.para(paper.items(i.data_categories, "data_categories")), articles=("Art. 34(2)",))
    paper.clause(paper.t("Ce que cela peut entraîner pour vous", "What this may mean for you"),
                 paper.para(paper.value(i.consequences, "consequences")), articles=("Art. 33(3)(c)",))
    paper.clause(paper.t("Ce que nous avons fait", "What we have done"),
                 paper.bullets(i.measures_taken + i.measures_proposed, "measures_taken"), articles=("Art. 33(3)(d)",))
    paper.clause(paper.t("Ce que vous pouvez faire", "What you can do"), paper.bullets(i.advice, "advice"),
                 articles=("Art. 34(2)",))
    paper.clause(paper.t("Pour toute question", "Questions"), paper.para(
        paper.t("Notre délégué à la protection des données vous répond : ",
                "Our data protection officer will answer you: "),
        paper.value(contact_line(d.controller), "controller.dpo"),
        paper.t(f". Vous pouvez aussi adresser une réclamation à {authority_name(paper, person=True)}.",
                f". You may also complain to {authority_name(paper, person=True)}.")),
        articles=("Art. 33(3)(b)", "Art. 77"))
    return paper.document(
        "breach-communication",
        paper.t("Information sur une violation de vos données personnelles",
                "About a breach of your personal data"),
        paper.t("Communication aux personnes concernées (article 34 du RGPD)",
                "Communication to the people concerned (Article 34 GDPR)"),
        paper.t(f"De la part de {controller}", f"From {controller}"), paper.t("Information", "Information"))


def _decision(paper: Paper) -> Document:
    d, i = paper.description, paper.incident
    controller = party_name(d.controller) or "—"
    reason = i.no_communication or NoCommunicationReason.NOT_HIGH_RISK
    paper.clause(paper.t("Décision", "Decision"), paper.para(paper.t(
        f"{controller} décide de ne pas informer individuellement les personnes concernées par la violation "
        "décrite ci-dessous, pour le motif suivant.",
        f"{controller} decides not to inform individually the people affected by the breach described below, "
        "for the following reason.")), paper.para(paper.t(*REASONS[reason])), articles=("Art. 34(1)", "Art. 34(3)"))
    paper.clause(paper.t("Faits sur lesquels la décision repose", "Facts the decision rests on"),
                 paper.para(paper.value(i.no_communication_details, "no_communication_details")),
                 paper.table(facts.nature(paper) + facts.scope(paper)), articles=("Art. 33(5)",))
    follow = [paper.para(paper.t(
        "L'autorité de contrôle peut, après avoir examiné la violation, exiger que les personnes soient informées "
        "(article 34.4 du RGPD). La décision est revue si des faits nouveaux augmentent le risque.",
        "The supervisory authority may, having considered the breach, require that people be told (Article 34(4) "
        "GDPR). The decision is reviewed if new facts raise the risk."))]
    if reason is NoCommunicationReason.DISPROPORTIONATE:
        follow.insert(0, paper.para(paper.t("Communication publique : ", "Public communication: "),
                                    paper.items(i.advice, "advice")))
    paper.clause(paper.t("Suites", "What follows"), *follow, articles=("Art. 34(4)",))
    return paper.document(
        "breach-communication",
        paper.t("Décision de ne pas informer les personnes concernées",
                "Decision not to inform the people concerned"),
        paper.t("Article 34 du RGPD — décision motivée, versée au registre des violations",
                "Article 34 GDPR — reasoned decision, kept in the breach register"),
        paper.t(f"Décision de {controller}", f"Decision of {controller}"), paper.t("Décision", "Decision"))


def register_entry(paper: Paper) -> Document:
    """The breach register's entry: facts, effects, remedial action, and what was notified when (Art. 33(5))."""
    d, i = paper.description, paper.incident
    controller = party_name(d.controller) or "—"
    paper.clause(paper.t("Faits", "Facts"), paper.table(
        [(paper.t("Référence", "Reference"), paper.value(i.reference, "reference")),
         *facts.chronology(paper), *facts.nature(paper), *facts.scope(paper)]), articles=("Art. 33(5)",))
    paper.clause(paper.t("Effets", "Effects"), paper.para(facts.consequences(paper)), articles=("Art. 33(5)",))
    paper.clause(paper.t("Mesures correctrices", "Remedial action"), paper.table(facts.measures(paper)),
                 articles=("Art. 33(5)",))
    rows = []
    processor_clock = controller_clock(i, d)
    if processor_clock is not None:
        rows.append((paper.t("Responsable informé par le sous-traitant", "Controller informed by the processor"),
                     paper.when(i.controllers_informed_at, "controllers_informed_at")))
    clock = authority_clock(i, d)
    rows += [
        (paper.t("Échéance de notification à l'autorité", "Authority notification due"),
         paper.when(clock.deadline, "controllers_informed_at")),
        (paper.t("Autorité notifiée", "Authority notified"),
         paper.when(i.authority_notified_at, "authority_notified_at")),
    ]
    if clock.late(paper.now):
        rows.append((paper.t("Motifs du retard", "Reasons for the delay"),
                     paper.value(i.delay_reasons, "delay_reasons")))
    decision = communicates(paper)
    told = (paper.when(i.subjects_informed_at, "subjects_informed_at") if decision
            else paper.value(paper.t(*REASONS[i.no_communication or NoCommunicationReason.NOT_HIGH_RISK])
                             if decision is False else None, "high_risk"))
    rows.append((paper.t("Information des personnes (art. 34)", "People informed (Art. 34)"), told))
    paper.clause(paper.t("Notifications", "Notifications"), paper.table(rows), articles=("Art. 33(1)", "Art. 34"))
    return paper.document(
        "breach-register",
        paper.t("Registre des violations de données — fiche", "Breach register — entry"),
        paper.t("Documentation de la violation (article 33.5 du RGPD)",
                "Documentation of the breach (Article 33(5) GDPR)"),
        paper.t(f"Tenu par {controller}", f"Kept by {controller}"), paper.t("Fiche", "Entry"))
