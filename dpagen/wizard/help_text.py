"""The short explanations shown under the questions a non-lawyer hesitates on, in French and English."""

from __future__ import annotations

Pair = tuple[str, str]  # (fr, en)

HELP: dict[str, Pair] = {
    "doc.effective_date": ("Laissez vide si elle n'est pas encore connue.",
                           "Leave empty when not known yet."),
    "doc.first_published": ("Laissez vide pour une première version ; sinon, la date d'entrée en vigueur de "
                            "la toute première version.",
                            "Leave empty for a first version; otherwise, the date the very first version "
                            "took effect."),
    "party.certifications": ("Celles de l'entreprise elle-même, pas celles de ses hébergeurs.",
                             "The company's own, not its hosts'."),
    "publisher": (
        "Le sous-traitant publie toujours sa charte de prestataire. Choisissez le responsable du traitement "
        "pour rédiger aussi sa politique de confidentialité, qui informe les personnes concernées.",
        "The processor always publishes its service provider's charter. Choose the controller to also draft "
        "its privacy notice, which informs the people whose data is processed.",
    ),
    "retention.start": ("Les documents affichent la durée avec son point de départ ; sans critère, il est "
                        "nécessaire.",
                        "The documents show the period with its starting point; without criteria it is "
                        "needed."),
    "category.source": ("« Le responsable du traitement » : des données que le client confie au prestataire.",
                        "'The controller': data the client hands over to the service provider."),
    "category.source_detail": ("Quand les données ne viennent pas de la personne, elle a le droit de savoir "
                               "d'où elles viennent (art. 14).",
                               "When the data does not come from the person, they are entitled to know where "
                               "it comes from (Art. 14)."),
    "category.mandatory": (
        "Obligatoire : sans ces données, la personne ne peut pas obtenir le service. Les documents qui "
        "l'informent doivent le dire (art. 13.2.e).",
        "Mandatory: without this data the person cannot get the service. The documents informing them must "
        "say so (Art. 13(2)(e)).",
    ),
    "activity.collection_points": ("Les moments où la personne transmet ses données ; laissez vide si elles "
                                   "viennent du client.",
                                   "The moments when people hand over their data; leave empty when it comes "
                                   "from the client."),
    "decisions.add": (
        "Par exemple un crédit refusé ou un compte fermé par un programme, sans examen humain (art. 22). La "
        "plupart des services n'en prennent pas : répondez non.",
        "For example a loan refused or an account closed by a program, with no human review (Art. 22). Most "
        "services take none: answer no.",
    ),
    "own_activities.add": (
        "Pour ses propres clients et prospects, le prestataire est lui-même responsable du traitement : ces "
        "traitements figurent dans sa charte, jamais dans le contrat.",
        "For its own customers and prospects the provider is itself the controller: this processing appears "
        "in its charter, never in the agreement.",
    ),
    "recipients.add": (
        "Un destinataire est toute personne ou tout organisme qui reçoit les données : équipes habilitées, "
        "prestataires, partenaires, autorités sur demande. Les documents les listent, au moins par catégorie.",
        "A recipient is anyone who receives the data: authorised staff, service providers, partners, "
        "authorities on request. The documents list them, at least by category.",
    ),
    "recipient.country": ("Hors de l'Espace économique européen, un outil de transfert sera demandé.",
                          "Outside the European Economic Area, a transfer tool is asked for."),
    "joint.add": (
        "Deux organismes qui décident ensemble pourquoi et comment les données sont traitées sont responsables "
        "conjoints (art. 26) : la notice donne les grandes lignes de leur accord.",
        "Two bodies deciding together why and how data is processed are joint controllers (Art. 26): the notice "
        "gives the essence of their arrangement.",
    ),
    "translations.has": (
        "Les clauses existent dans les deux langues ; vos propres textes (traitements, finalités, mesures…) "
        "n'apparaissent traduits que si vous les traduisez. Noms, adresses et identifiants restent tels quels. "
        "Vous pourrez aussi le faire plus tard : dpagen translations.",
        "The clauses exist in both languages; your own texts (activities, purposes, measures…) appear translated "
        "only if you translate them. Names, addresses and identifiers stay as written. You can also do it later: "
        "dpagen translations.",
    ),
    "minors.offered": (
        "En France, un mineur consent seul à partir de 15 ans ; en dessous, avec ses parents (art. 45 de la loi "
        "Informatique et Libertés).",
        "In France a child consents alone from 15; below that, together with the parents (Art. 45 of the French "
        "Data Protection Act).",
    ),
    "assistance.forward_days": (
        "Le client doit répondre aux personnes en un mois : le prestataire lui transmet vite les demandes "
        "qu'il reçoit (5 jours est courant).",
        "The client must answer people within a month: the provider passes on quickly the requests it "
        "receives (5 days is common).",
    ),
    "assistance.dpia": (
        "L'analyse d'impact (AIPD) est l'étude des risques exigée avant un traitement susceptible de créer un "
        "risque élevé pour les personnes (art. 35).",
        "The data protection impact assessment (DPIA) is the risk study required before processing likely "
        "to create a high risk for people (Art. 35).",
    ),
    "assistance.consultation": (
        "Si l'analyse conclut à un risque élevé qui ne peut être réduit, le client consulte l'autorité de "
        "contrôle avant de commencer (art. 36).",
        "If the assessment finds a high risk that cannot be reduced, the client consults the supervisory "
        "authority before starting (Art. 36).",
    ),
    "contract.liability": (
        "Sans accord particulier, chaque partie répond selon l'article 82 du RGPD. Une limite convenue ne vaut "
        "qu'entre vous, jamais envers les personnes concernées.",
        "Without a specific agreement, each party is liable under Art. 82 GDPR. An agreed limit only applies "
        "between you, never towards the people concerned.",
    ),
    "contract.jurisdiction": (
        "Le contrat doit désigner un tribunal ; entre sociétés françaises, souvent le tribunal de commerce du "
        "siège du prestataire.",
        "The agreement must name a court; between French companies, often the commercial court of the "
        "provider's seat.",
    ),
    "signatory.name": ("Par défaut, le représentant légal indiqué plus haut ; changez-le si une autre "
                       "personne signe.",
                       "By default, the legal representative given earlier; change it if someone else signs."),
    "authority.change": (
        "C'est l'autorité du pays de l'établissement principal du client dans l'EEE (la CNIL pour la France) ; "
        "sans établissement dans l'EEE, chaque personne saisit celle de son pays. Changez-la pour une "
        "autorité régionale (un Land allemand) ou si l'établissement principal est ailleurs.",
        "It is the authority of the country of the client's main establishment in the EEA (the CNIL for "
        "France); with no establishment in the EEA, each person turns to their own country's. Change it for a "
        "regional authority (a German Land) or when the main establishment is elsewhere.",
    ),
    "processor_authority.change": (
        "Celle du pays de l'établissement principal du sous-traitant dans l'EEE ; le contrat la nomme.",
        "The one of the country of the processor's main establishment in the EEA; the contract names it.",
    ),
    "party.main_establishment": (
        "L'établissement principal est le lieu de l'administration centrale dans l'EEE, ou celui où sont "
        "prises les décisions sur le traitement (art. 4, point 16) ; il détermine l'autorité de contrôle "
        "chef de file (art. 56). Un représentant (art. 27) n'est pas un établissement.",
        "The main establishment is the place of central administration in the EEA, or where decisions on the "
        "processing are taken (Art. 4(16)); it decides the lead supervisory authority (Art. 56). A "
        "representative (Art. 27) is not an establishment.",
    ),
    "marketing.legal_basis": (
        "Par courriel ou SMS à des particuliers : consentement préalable, sauf pour des produits analogues à "
        "ceux déjà achetés. Vers des professionnels, l'intérêt légitime suffit, avec un moyen simple de s'y "
        "opposer.",
        "By e-mail or text message to consumers: prior consent, except for products similar to those already "
        "bought. To businesses, legitimate interest is enough, with an easy way to object.",
    ),
    "party.legal_name": (
        "Le responsable du traitement décide pourquoi et comment les données sont traitées ; "
        "le sous-traitant les traite pour son compte.",
        "The controller decides why and how data is processed; the processor processes it on the "
        "controller's behalf.",
    ),
    "party.has_processor": (
        "Le sous-traitant traite les données pour le compte du client ; sans lui, pas de contrat de "
        "sous-traitance (art. 28), seulement une politique de confidentialité.",
        "The processor processes the data on the client's behalf; without one there is no Art. 28 "
        "agreement, only a privacy notice.",
    ),
    "party.has_dpo": ("Le DPO veille au respect du RGPD ; il est obligatoire pour certains organismes.",
                      "The DPO oversees GDPR compliance; some organisations must appoint one."),
    "party.has_eu_rep": (
        "Un organisme établi hors de l'Union qui vise des personnes dans l'Union désigne en principe un "
        "représentant dans l'Union.",
        "A body established outside the Union that targets people in the Union normally appoints a "
        "representative there.",
    ),
    "purpose.legal_basis": (
        "La base légale est la raison, prévue par l'article 6 du RGPD, qui autorise le traitement : "
        "un contrat avec la personne, une obligation légale, son consentement, un intérêt légitime…",
        "The legal basis is the reason, listed in Art. 6 GDPR, that makes the processing lawful: a "
        "contract with the person, a legal obligation, consent, a legitimate interest…",
    ),
    "purpose.legitimate_interest": (
        "Dites quel intérêt vous poursuivez (ex. sécuriser le service) : il doit être mis en balance avec "
        "les droits des personnes.",
        "Say which interest you pursue (e.g. securing the service): it is weighed against people's rights.",
    ),
    "category.special": (
        "Santé, origine, opinions, religion, syndicat, génétique, biométrie, vie sexuelle : leur traitement "
        "est interdit sauf exception (art. 9.2).",
        "Health, origin, opinions, religion, trade union, genetics, biometrics, sex life: processing them "
        "is forbidden unless an exception applies (Art. 9(2)).",
    ),
    "category.art9": ("L'exception qui lève l'interdiction pour ces données.",
                      "The exception that lifts the ban for this data."),
    "activity.monitoring": (
        "Suivre les personnes dans le temps (navigation, localisation, habitudes, caméras) impose souvent une "
        "analyse d'impact (art. 35.3.c) et, à grande échelle, un délégué à la protection des données (art. "
        "37.1.b).",
        "Following people over time (browsing, location, habits, cameras) often requires an impact assessment "
        "(Art. 35(3)(c)) and, on a large scale, a data protection officer (Art. 37(1)(b)).",
    ),
    "activity.has_dpia": (
        "L'analyse d'impact est obligatoire pour un traitement susceptible d'engendrer un risque élevé (art. 35), "
        "notamment ceux de la liste publiée par la CNIL. L'annexe II du contrat indique si elle a été réalisée, "
        "pourquoi elle n'est pas requise, ou quand elle le sera.",
        "An impact assessment is required for processing likely to result in a high risk (Art. 35), including "
        "the operations on the CNIL's list. Annex II of the agreement says whether it was carried out, why it "
        "is not required, or when it will be.",
    ),
    "decision.solely": (
        "Une décision est « entièrement automatisée » quand aucune personne n'examine réellement chaque cas "
        "avec le pouvoir de la changer.",
        "A decision is 'solely automated' when no person actually reviews each case with the power to change "
        "the outcome.",
    ),
    "decision.safeguards": (
        "Avec un contrat ou le consentement explicite, la personne doit au moins pouvoir obtenir une intervention "
        "humaine, donner son point de vue et contester la décision (art. 22.3).",
        "With a contract or explicit consent, the person must at least be able to obtain human intervention, "
        "express their point of view and contest the decision (Art. 22(3)).",
    ),
    "breach.full_hours": (
        "L'art. 33.4 permet de notifier en plusieurs temps : une première alerte rapide, puis les informations "
        "de l'art. 33.3 (nature, conséquences, mesures) dès qu'elles sont réunies.",
        "Art. 33(4) allows a notice in phases: a quick first alert, then the Art. 33(3) information (nature, "
        "consequences, measures) once gathered.",
    ),
    "activity.large_scale": (
        "Par exemple un grand nombre de personnes, un volume important ou un large territoire.",
        "For example many people, a large volume of data or a wide area.",
    ),
    "sub.name": (
        "Un sous-traitant ultérieur est un prestataire auquel le sous-traitant confie tout ou partie du "
        "traitement (hébergeur, envoi de courriels, support…).",
        "A subprocessor is a provider the processor engages to carry out part of the processing "
        "(hosting, e-mail delivery, support…).",
    ),
    "sub.processing_activities": (
        "L'annexe IV du contrat délimite ce que fait chaque sous-traitant ultérieur : ne cochez que les "
        "traitements auxquels il participe. Sans réponse, les documents indiquent « toutes les activités ».",
        "Annex IV of the agreement sets out what each subprocessor does: tick only the activities it takes "
        "part in. Left empty, the documents say \"all activities\".",
    ),
    "sub.data_categories": (
        "Ne cochez que les données qu'il reçoit réellement. Sans réponse, les documents indiquent « toutes "
        "les catégories » de ses traitements.",
        "Tick only the data it actually receives. Left empty, the documents say \"all categories\" of its "
        "activities.",
    ),
    "hds.has": (
        "En France, héberger des données de santé pour le compte d'autrui exige la certification HDS "
        "(art. L. 1111-8 du code de la santé publique), pour chacune des activités exercées.",
        "In France, hosting health data for others requires the HDS certification (art. L. 1111-8 of the "
        "Public Health Code), for each activity carried out.",
    ),
    "hds.activities": (
        "Les six activités du référentiel HDS : 1 sites physiques, 2 infrastructure matérielle, 3 plateforme "
        "d'hébergement d'applications, 4 infrastructure virtuelle, 5 administration et exploitation, "
        "6 sauvegarde.",
        "The six activities of the HDS standard: 1 physical sites, 2 hardware, 3 application hosting "
        "platform, 4 virtual infrastructure, 5 administration and operation, 6 backup.",
    ),
    "health.french_law": (
        "Sans réponse : il s'applique dès que le responsable du traitement (à défaut le sous-traitant) est "
        "établi en France. Répondez « non » si les données de santé ne sont pas recueillies à l'occasion "
        "d'activités de prévention, de diagnostic, de soins ou de suivi social ou médico-social.",
        "Left unsaid: it applies when the controller (without one, the processor) is established in France. "
        "Answer no if the health data is not collected in the course of prevention, diagnosis, care or "
        "social or medico-social follow-up.",
    ),
    "health.secrecy": (
        "Le RGPD (art. 9.3) ne permet l'exception « soins » (art. 9.2.h) que si un professionnel tenu au "
        "secret traite ces données ou en répond.",
        "The GDPR (Art. 9(3)) allows the care exception (Art. 9(2)(h)) only when a professional bound by "
        "secrecy processes that data or answers for it.",
    ),
    "sub.street": (
        "L'annexe IV du contrat identifie chaque sous-traitant ultérieur par son adresse et une personne à "
        "contacter ; sans elles, le contrat ne peut pas être finalisé.",
        "Annex IV of the contract identifies each subprocessor by its address and a contact person; without "
        "them the contract cannot be finalised.",
    ),
    "sub.contact_name": (
        "Souvent son délégué à la protection des données ; il faut au moins un nom et une adresse "
        "électronique.",
        "Often its data protection officer; at least a name and an e-mail address are needed.",
    ),
    "end.format": (
        "Un format que le client peut reprendre chez un autre prestataire, par exemple CSV ou JSON, avec "
        "la norme suivie s'il y en a une.",
        "A format the client can take to another provider, e.g. CSV or JSON, with the standard it follows "
        "where there is one.",
    ),
    "sub.country": (
        "Hors de l'Espace économique européen (UE, Islande, Liechtenstein, Norvège), un outil de transfert "
        "sera demandé.",
        "Outside the European Economic Area (EU, Iceland, Liechtenstein, Norway), a transfer tool is "
        "asked for.",
    ),
    "transfer.mechanism": (
        "Les données quittent l'EEE : le RGPD exige un outil qui les protège (décision d'adéquation, "
        "clauses contractuelles types…).",
        "The data leaves the EEA: the GDPR requires a tool that protects it (adequacy decision, standard "
        "contractual clauses…).",
    ),
    "transfer.scc_module": ("Module 3 : un sous-traitant vers un autre sous-traitant ; module 2 : le "
                            "responsable du traitement vers son prestataire ; module 1 : vers un autre "
                            "responsable du traitement.",
                            "Module Three: a processor to another processor; Module Two: the controller to its "
                            "service provider; Module One: to another controller."),
    "policy.regime": (
        "Autorisation générale : le client accepte d'avance les sous-traitants ultérieurs, est prévenu de "
        "chaque changement et peut s'y opposer. Autorisation spécifique : chaque nouveau sous-traitant "
        "ultérieur doit être accepté par écrit.",
        "General authorisation: the client accepts subprocessors in advance, is told of every change and "
        "may object. Specific authorisation: each new subprocessor needs the client's written approval.",
    ),
    "breach.hours": (
        "Le client doit notifier l'autorité de contrôle dans les 72 heures : 48 heures pour le sous-traitant lui en "
        "laisse le temps.",
        "The client must notify the authority within 72 hours: 48 hours for the processor leaves it time.",
    ),
    "audit.max": ("Usage courant : un audit par an avec 30 jours de préavis.",
                  "Common practice: one audit a year with 30 days' notice."),
    "security.categories": (
        "Espace pour cocher ou décocher, Entrée pour valider. Vous décrirez ensuite chaque mesure.",
        "Space to tick or untick, Enter to confirm. You then describe each measure.",
    ),
    "end.action": ("Usage courant : suppression sous 30 jours, après restitution si le client la demande.",
                   "Common practice: deletion within 30 days, after return if the client asks for it."),
}
