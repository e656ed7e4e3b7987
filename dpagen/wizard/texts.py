"""Every sentence the wizard shows, in French and English: questions, short explanations, messages."""

from __future__ import annotations

from typing import Any

Pair = tuple[str, str]  # (fr, en)

QUESTIONS: dict[str, Pair] = {
    # document
    "doc.language": ("Langue des documents", "Language of the documents"),
    "doc.effective_date": ("Date d'entrée en vigueur (AAAA-MM-JJ ou JJ/MM/AAAA)",
                           "Effective date (YYYY-MM-DD)"),
    "doc.last_update": ("Date de dernière mise à jour", "Date of the last update"),
    "doc.first_published": ("Date de la première version, si celle-ci en remplace une autre",
                            "Date of the first version, if this one replaces an earlier one"),
    "doc.version": ("Version des documents (ex. 1.0)", "Version of the documents (e.g. 1.0)"),
    "doc.reference": ("Référence interne", "Internal reference"),
    # parties
    "party.legal_name": ("{Party} : dénomination sociale", "{Party}: registered name"),
    "party.brand": ("Nom commercial, s'il diffère", "Trading name, if different"),
    "party.legal_form": ("Forme juridique (SAS, SARL, SA…)", "Legal form (SAS, Ltd, GmbH…)"),
    "party.share_capital": ("Capital social (ex. 10 000 €)", "Share capital (e.g. €10,000)"),
    "party.street": ("Adresse du siège : numéro et rue", "Registered office: street and number"),
    "party.postal_code": ("Code postal", "Postcode"),
    "party.city": ("Ville", "City"),
    "party.country": ("Pays (code à deux lettres, ex. FR)", "Country (two-letter code, e.g. FR)"),
    "party.rcs_city": ("Ville du registre du commerce (RCS)", "City of the trade register (RCS)"),
    "party.siren": ("Numéro SIREN (9 chiffres)", "SIREN number (9 digits)"),
    "party.siret": ("Numéro SIRET du siège (14 chiffres)", "SIRET number of the head office (14 digits)"),
    "party.vat": ("Numéro de TVA intracommunautaire", "EU VAT number"),
    "party.other_registration": ("Immatriculation (registre et numéro)",
                                 "Registration (register and number)"),
    "party.rep_name": ("Nom du représentant légal, qui signe", "Name of the legal representative, who signs"),
    "party.rep_title": ("Qualité du représentant (ex. Président)", "Title of the representative (e.g. CEO)"),
    "party.email": ("Adresse électronique de contact", "Contact e-mail address"),
    "party.phone": ("Téléphone", "Phone"),
    "party.website": ("Site web (https://…)", "Website (https://…)"),
    "party.certifications": ("Certifications de l'entreprise, séparées par « ; » (ex. ISO 27001 ; ISO 9001)",
                             "The company's certifications, separated by ';' (e.g. ISO 27001; ISO 9001)"),
    "publisher": ("Qui publie ses documents d'information ?", "Who publishes its information documents?"),
    "publisher.processor": ("Le sous-traitant : sa charte de prestataire (par défaut)",
                            "The processor: its service provider's charter (default)"),
    "publisher.controller": ("Le responsable du traitement : sa politique de confidentialité, en plus de la "
                             "charte du sous-traitant",
                             "The controller: its privacy notice, besides the processor's charter"),
    "party.has_processor": ("Un sous-traitant (prestataire) traite-t-il les données pour le client ?",
                            "Does a processor (service provider) process the data for the client?"),
    "party.has_dpo": ("{Party} a-t-il désigné un délégué à la protection des données (DPO) ?",
                      "Has {party} appointed a data protection officer (DPO)?"),
    "party.has_security": ("{Party} a-t-il un responsable de la sécurité (RSSI) ?",
                           "Does {party} have a security officer (CISO)?"),
    "party.has_eu_rep": ("{Party} a-t-il un représentant dans l'Union (art. 27) ?",
                         "Does {party} have a representative in the Union (Art. 27)?"),
    "contact.name": ("Nom (personne ou service)", "Name (person or team)"),
    "contact.email": ("Adresse électronique", "E-mail address"),
    "contact.phone": ("Téléphone", "Phone"),
    "contact.url": ("Formulaire ou page web (https://…)", "Web form or page (https://…)"),
    "address.street": ("Adresse : numéro et rue", "Address: street and number"),
    # agreement and services
    "agreement.title": ("Intitulé du contrat principal (ex. Conditions générales de services)",
                        "Title of the main agreement (e.g. Terms of Service)"),
    "agreement.reference": ("Référence du contrat principal", "Reference of the main agreement"),
    "agreement.date": ("Date du contrat principal", "Date of the main agreement"),
    "term.description": ("Durée du traitement (ex. pendant toute la durée du contrat principal)",
                         "Duration of the processing (e.g. for the term of the main agreement)"),
    "services.add": ("Décrire un service ou produit concerné ?", "Describe a service or product concerned?"),
    "services.noun": ("Services", "Services"),
    "service.name": ("Nom du service", "Name of the service"),
    "service.description": ("Ce qu'il fait, en une phrase", "What it does, in one sentence"),
    # activities
    "activities.add": ("Décrire un traitement de données personnelles ?", "Describe a processing activity?"),
    "activities.noun": ("Traitements", "Processing activities"),
    "activity.name": ("Nom du traitement {n} (ex. Hébergement des comptes clients)",
                      "Name of processing activity {n} (e.g. Hosting customer accounts)"),
    "activity.nature": ("Opérations, séparées par « ; » (ex. collecte ; hébergement ; suppression)",
                        "Operations carried out, separated by ';' (e.g. collection; storage; deletion)"),
    "activity.frequency": ("Fréquence du traitement", "How often the processing takes place"),
    "activity.large_scale": ("Traitement à grande échelle ?", "Large-scale processing?"),
    "purposes.add": ("Ajouter une finalité (un but du traitement) ?",
                     "Add a purpose (an aim of the processing)?"),
    "purposes.noun": ("Finalités", "Purposes"),
    "purpose.description": ("Finalité {n} : à quoi servent les données ?",
                            "Purpose {n}: what is the data used for?"),
    "purpose.legal_basis": ("Base légale de cette finalité", "Legal basis of this purpose"),
    "purpose.legitimate_interest": ("Quel intérêt légitime est poursuivi ?",
                                    "Which legitimate interest is pursued?"),
    "purpose.data": ("Catégories de données utilisées pour « {item} »", "Data categories used for '{item}'"),
    "activity.data_subjects": ("Personnes concernées, séparées par « ; » (ex. Clients ; Prospects)",
                               "Data subjects, separated by ';' (e.g. Customers; Prospects)"),
    "categories.add": ("Ajouter une catégorie de données ?", "Add a category of data?"),
    "categories.noun": ("Catégories de données", "Data categories"),
    "category.name": ("Catégorie de données {n} (ex. Données d'identification)",
                      "Data category {n} (e.g. Identification data)"),
    "category.examples": ("Exemples de données (ex. nom, prénom, courriel)", "Examples (e.g. name, e-mail)"),
    "category.source": ("D'où viennent ces données ?", "Where does this data come from?"),
    "category.special": ("S'agit-il d'une catégorie particulière de données (art. 9) ?",
                         "Is it a special category of data (Art. 9)?"),
    "category.source_detail": ("Précisez la source (ex. fichier importé par le client, annuaire public)",
                               "Name the source (e.g. list imported by the client, public directory)"),
    "category.mandatory": ("La personne est-elle obligée de fournir ces données ?",
                           "Must the person provide this data?"),
    "category.mandatory.yes": ("Oui, obligatoires", "Yes, mandatory"),
    "category.mandatory.no": ("Non, facultatives", "No, optional"),
    "category.consequence": ("Que se passe-t-il si elle ne les fournit pas ? (ex. le compte ne peut être créé)",
                             "What happens if they are not provided? (e.g. the account cannot be opened)"),
    "category.art9": ("Exception de l'article 9.2 invoquée", "Art. 9(2) condition relied on"),
    "category.criminal": ("Données relatives à des condamnations ou infractions (art. 10) ?",
                          "Data on criminal convictions or offences (Art. 10)?"),
    "activity.collection_points": (
        "Quand les données sont-elles recueillies ? séparées par « ; » (ex. inscription ; paiement ; "
        "formulaire de contact)",
        "When is the data collected? separated by ';' (e.g. sign-up; payment; contact form)",
    ),
    "decisions.add": ("Le traitement prend-il des décisions entièrement automatisées qui affectent "
                      "sérieusement les personnes ?",
                      "Does the processing take fully automated decisions that significantly affect people?"),
    "decisions.noun": ("Décisions automatisées", "Automated decisions"),
    "decision.logic": ("Décision {n} : sur quoi repose-t-elle (critères, logique) ?",
                       "Decision {n}: what is it based on (criteria, logic)?"),
    "decision.significance": ("Quelles conséquences pour la personne ?",
                              "What consequences for the person?"),
    "own_activities.add": ("Le sous-traitant traite-t-il aussi des données pour son propre compte "
                           "(ses clients, sa prospection) ?",
                           "Does the processor also process data for its own purposes "
                           "(its customers, its marketing)?"),
    "own_activities.noun": ("Traitements propres du sous-traitant", "The processor's own processing"),
    "own.name": ("Nom du traitement propre {n} (ex. Gestion de nos clients)",
                 "Name of own processing activity {n} (e.g. Managing our customers)"),
    "retention.value": ("Durée de conservation : nombre (laisser vide si elle dépend de critères)",
                        "Retention period: number (leave empty when it depends on criteria)"),
    "retention.unit": ("Unité de la durée de conservation", "Unit of the retention period"),
    "retention.start": ("À partir de quand court cette durée ?", "From when does the period run?"),
    "retention.criteria": ("Critères ou précision sur la conservation", "Criteria or precision on retention"),
    # hosting and subprocessors
    "sites.add": ("Ajouter un lieu d'hébergement des données ?", "Add a place where the data is hosted?"),
    "sites.noun": ("Hébergement", "Hosting"),
    "site.provider": ("Hébergeur ou centre de données (ex. OVHcloud)", "Host or data centre (e.g. OVHcloud)"),
    "site.country": ("Pays d'hébergement (code à deux lettres)", "Country of hosting (two-letter code)"),
    "site.city": ("Ville", "City"),
    "site.scope": ("Ce qui y est hébergé (ex. la plateforme, le site web, les sauvegardes)",
                   "What is hosted there (e.g. the platform, the website, the backups)"),
    "site.url": ("Page décrivant la sécurité de cet hébergeur (https://…)",
                 "Page describing this host's security (https://…)"),
    "site.certifications": ("Certifications, séparées par « ; » (ex. ISO 27001 ; HDS)",
                            "Certifications, separated by ';' (e.g. ISO 27001; SOC 2)"),
    "subprocessors.add": ("Ajouter un sous-traitant ultérieur ?", "Add a subprocessor?"),
    "subprocessors.noun": ("Sous-traitants ultérieurs", "Subprocessors"),
    "sub.name": ("Nom du sous-traitant ultérieur {n}", "Name of subprocessor {n}"),
    "sub.entity": ("Société exacte (ex. OVH SAS)", "Legal entity (e.g. OVH SAS)"),
    "sub.country": ("Pays d'établissement (code à deux lettres)",
                    "Country of establishment (two-letter code)"),
    "sub.activity": ("Ce qu'il fait des données (ex. hébergement, envoi de courriels)",
                     "What it does with the data (e.g. hosting, sending e-mails)"),
    "sub.locations": ("Pays où il stocke ou consulte les données, séparés par « ; »",
                      "Countries where it stores or accesses the data, separated by ';'"),
    "transfer.mechanism": ("Outil de transfert hors de l'EEE", "Transfer tool for outside the EEA"),
    "transfer.scc_module": ("Module des clauses contractuelles types",
                            "Module of the standard contractual clauses"),
    "transfer.derogation": ("Dérogation de l'article 49 invoquée", "Art. 49 derogation relied on"),
    "transfer.dpf": ("Le destinataire est-il certifié Data Privacy Framework ?",
                     "Is the importer certified under the Data Privacy Framework?"),
    "transfer.details": ("Mesures complémentaires, où obtenir une copie…",
                         "Supplementary measures, copy on request…"),
    "sub.certifications": ("Certifications, séparées par « ; »", "Certifications, separated by ';'"),
    "sub.date_added": ("Date d'ajout à la liste", "Date added to the list"),
    "hosting.no_transfer": ("Les documents doivent-ils affirmer qu'aucune donnée ne quitte l'EEE ?",
                            "Should the documents state that no data leaves the EEA?"),
    "hosting.transfer_notice": ("Le sous-traitant informe-t-il le client avant tout nouveau transfert ?",
                                "Does the processor inform the client before any new transfer?"),
    "hosting.processor_abroad": (
        "Le sous-traitant est établi hors de l'EEE : les données partent à l'étranger pour lui parvenir. "
        "Indiquer l'outil de transfert qui encadre cet envoi ?",
        "The processor is established outside the EEA: the data goes abroad to reach it. State the transfer "
        "tool that covers this?",
    ),
    # recipients
    "recipients.add": ("Ajouter un destinataire des données ?", "Add a recipient of the data?"),
    "recipients.noun": ("Destinataires", "Recipients"),
    "recipient.name": ("Destinataire {n} (ex. Service client, Stripe, Administration fiscale)",
                       "Recipient {n} (e.g. Customer service, Stripe, Tax authorities)"),
    "recipient.kind": ("De quel type de destinataire s'agit-il ?", "What kind of recipient is it?"),
    "recipient.purpose": ("Pourquoi reçoit-il les données ? (ex. paiement en ligne)",
                          "Why does it receive the data? (e.g. online payment)"),
    "recipient.country": ("Pays où il reçoit les données (code à deux lettres ; vide si inconnu)",
                          "Country where it receives the data (two-letter code; empty if unknown)"),
    "recipients.sold": ("Des données personnelles sont-elles vendues ou louées à des tiers ?",
                        "Is personal data sold or rented to third parties?"),
    # subprocessor regime
    "policy.regime": ("Comment le client autorise-t-il les sous-traitants ultérieurs ?",
                      "How does the client authorise subprocessors?"),
    "policy.notice_days": ("Préavis avant l'ajout ou le remplacement d'un sous-traitant ultérieur (jours)",
                           "Notice before a subprocessor is added or replaced (days)"),
    "policy.objection_days": ("Délai laissé au client pour s'y opposer (jours)",
                              "Time the client has to object (days)"),
    "policy.channel": ("Comment les changements sont annoncés (ex. courriel au titulaire du compte)",
                       "How changes are announced (e.g. e-mail to the account owner)"),
    "policy.vetting": ("Comment les sous-traitants ultérieurs sont choisis et contrôlés "
                       "(ex. questionnaire de sécurité, certifications vérifiées chaque année)",
                       "How subprocessors are chosen and checked "
                       "(e.g. security questionnaire, certifications checked every year)"),
    "policy.list_url": ("Page publiant la liste à jour (https://…)",
                        "Page publishing the current list (https://…)"),
    # breach
    "breach.hours": ("Délai maximal de notification d'une violation de données au client (heures)",
                     "Maximum delay to notify a data breach to the client (hours)"),
    "breach.channel": ("Moyen de notification (ex. courriel puis appel)",
                       "How it is notified (e.g. e-mail then call)"),
    "breach.recipient": ("Adresse du client qui reçoit la notification",
                         "Client address that receives the notice"),
    "breach.processor_contact": ("Adresse du sous-traitant pour les violations",
                                 "Processor's address for breaches"),
    "breach.authority": ("Le sous-traitant notifie-t-il lui-même la CNIL pour le compte du client ?",
                         "Does the processor notify the supervisory authority on the client's behalf?"),
    # audits
    "audit.on_site": ("Le client peut-il auditer sur place ?", "May the client audit on site?"),
    "audit.documentary": ("Le client peut-il demander un audit sur pièces ?",
                          "May the client ask for a document audit?"),
    "audit.notice_days": ("Préavis d'un audit (jours)", "Notice before an audit (days)"),
    "audit.max": ("Nombre d'audits par an (hors violation ou demande d'une autorité)",
                  "Audits per year (outside a breach or an authority's request)"),
    "audit.cost": ("Qui paie l'audit ?", "Who pays for the audit?"),
    "audit.third_party": ("Le client peut-il mandater un auditeur indépendant ?",
                          "May the client mandate an independent auditor?"),
    "audit.confidentiality": ("L'auditeur est-il tenu à la confidentialité ?",
                              "Is the auditor bound to confidentiality?"),
    "audit.certifications": ("Certifications ou rapports acceptés à la place d'un audit, séparés par « ; »",
                             "Certifications or reports accepted instead of an audit, separated by ';'"),
    # security
    "security.categories": ("Mesures de sécurité en place : cochez les domaines couverts",
                            "Security measures in place: tick the areas covered"),
    "security.describe": ("Décrivez la mesure « {label} »", "Describe the measure '{label}'"),
    "security.more": ("Ajouter une autre mesure, dans n'importe quel domaine ?",
                      "Add another measure, in any area?"),
    "security.more_category": ("Domaine de la mesure", "Area of the measure"),
    "security.more_description": ("Description de la mesure", "Description of the measure"),
    # assistance
    "assistance.forward_days": ("Délai pour transmettre au client une demande reçue d'une personne (jours)",
                                "Time to pass on to the client a request received from a person (days)"),
    "assistance.channel": ("Comment ces demandes sont transmises (vide : par courriel au client, à son DPO "
                           "s'il en a un)",
                           "How such requests are passed on (empty: by e-mail to the client, to its DPO if "
                           "it has one)"),
    "assistance.dpia": ("Le sous-traitant aide-t-il le client à mener ses analyses d'impact (AIPD) ?",
                        "Does the processor help the client with its impact assessments (DPIA)?"),
    "assistance.consultation": ("Et à consulter la CNIL quand une analyse d'impact l'exige ?",
                                "And with consulting the authority when an assessment requires it?"),
    # end of contract
    "end.action": ("Que deviennent les données à la fin du contrat ?",
                   "What happens to the data at the end?"),
    "end.delay": ("Délai de suppression ou de restitution (jours)", "Delay for deletion or return (days)"),
    "end.backups": ("Délai d'effacement des sauvegardes (jours)",
                    "Delay before backups are overwritten (days)"),
    "end.certificate": ("La suppression est-elle confirmée par écrit ?",
                        "Is the deletion confirmed in writing?"),
    # contract terms
    "contract.liability": ("Responsabilité convenue entre vous (plafond, renvoi au contrat principal…) ; "
                           "vide pour s'en tenir au RGPD",
                           "Liability agreed between you (cap, reference to the main agreement…); "
                           "empty to rely on the GDPR alone"),
    "contract.governing_law": ("Droit applicable (code pays, ex. FR)", "Governing law (country code, e.g. FR)"),
    "contract.jurisdiction": ("Tribunal compétent en cas de litige (ex. Tribunal de commerce de Lyon)",
                              "Court for disputes (e.g. Commercial Court of Lyon)"),
    "signatory.name": ("Qui signe pour {party} ? Nom", "Who signs for {party}? Name"),
    "signatory.title": ("Qualité du signataire (ex. Président)", "Title of the signatory (e.g. CEO)"),
    # rights
    "rights.has_contact": ("{Party} a-t-il un contact dédié aux demandes des personnes (droits) ?",
                           "Does {party} have a dedicated contact for data-subject requests?"),
    "rights.response_days": ("Délai de réponse aux demandes (jours)", "Time to answer requests (days)"),
    "translations.has": ("Traduire vos textes en {language}, pour des documents en {language} ?",
                         "Translate your texts into {language}, for documents in {language}?"),
    "translations.text": ("« {text} » en {language} (vide : tel quel)", "'{text}' in {language} (empty: as written)"),
    "joint.add": ("Ajouter un responsable conjoint du traitement (qui décide avec vous des finalités et des "
                  "moyens) ?", "Add a joint controller (who decides the purposes and means with you)?"),
    "joint.noun": ("Responsables conjoints", "Joint controllers"),
    "joint.name": ("Responsable conjoint {n} : dénomination", "Joint controller {n}: name"),
    "joint.processing": ("Pour quel traitement décidez-vous ensemble ? (ex. les événements co-organisés)",
                         "For which processing do you decide together? (e.g. the co-organised events)"),
    "joint.arrangement": ("Les grandes lignes de votre accord : qui informe les personnes, qui répond à leurs "
                          "demandes, qui notifie les violations",
                          "The essence of your arrangement: who informs people, who answers their requests, "
                          "who notifies breaches"),
    "joint.email": ("Adresse électronique où les personnes peuvent lui écrire",
                    "E-mail address where people can write to it"),
    "joint.url": ("Page où les grandes lignes de l'accord sont publiées (https://…), s'il y en a une",
                  "Page where the essence of the arrangement is published (https://…), if any"),
    "minors.offered": ("Vos services en ligne sont-ils proposés aux mineurs ?",
                       "Are your online services offered to children?"),
    "minors.minimum_age": ("Âge minimum pour utiliser les services (vide s'il n'y en a pas)",
                           "Minimum age to use the services (empty if none)"),
    "minors.parental_consent": ("En dessous de 15 ans, comment les parents consentent-ils avec l'enfant ? "
                                "(ex. un parent confirme par courriel)",
                                "Below 15, how do parents consent together with the child? "
                                "(e.g. a parent confirms by e-mail)"),
    "authority.change": ("Les personnes peuvent se plaindre auprès de : {current}. Changer d'autorité ?",
                         "People may complain to: {current}. Change the authority?"),
    "authority.name": ("Nom de l'autorité de contrôle", "Name of the supervisory authority"),
    "authority.url": ("Page pour la saisir (https://…)", "Page to lodge a complaint (https://…)"),
    "authority.email": ("Adresse électronique de l'autorité", "The authority's e-mail address"),
    # marketing
    "marketing.has": ("Le responsable du traitement fait-il de la prospection (courriels, SMS, appels…) ?",
                      "Does the controller send direct marketing (e-mails, text messages, calls…)?"),
    "marketing.channels": ("Par quels moyens ?", "Through which channels?"),
    "marketing.legal_basis": ("Base légale de la prospection", "Legal basis of the marketing"),
    "marketing.opt_out": ("Comment s'y opposer ou se désinscrire", "How to object or unsubscribe"),
    # cookies
    "cookies.add": ("Déclarer un cookie ou traceur ?", "Declare a cookie or tracker?"),
    "cookies.noun": ("Cookies", "Cookies"),
    "cookie.name": ("Nom du cookie {n}", "Name of cookie {n}"),
    "cookie.provider": ("Qui le dépose (ex. Google Analytics)", "Who sets it (e.g. Google Analytics)"),
    "cookie.purpose": ("À quoi sert-il ?", "What is it for?"),
    "cookie.lifetime": ("Durée de vie (mois)", "Lifetime (months)"),
    "cookie.consent": ("Exige-t-il le consentement de l'internaute ?", "Does it need the visitor's consent?"),
    "cookie.country": ("Pays où le fournisseur reçoit les données",
                       "Country where the provider gets the data"),
    "cookie.opt_out_url": ("Page du fournisseur pour refuser ce cookie (https://…)",
                           "The provider's page to refuse this cookie (https://…)"),
    "cookie.settings": ("Comment refuser ou retirer son consentement aux cookies ?",
                        "How to refuse or withdraw consent to cookies?"),
    # changes
    "changes.notice_days": ("Préavis avant qu'une modification des documents prenne effet (jours)",
                            "Notice before a change to the documents takes effect (days)"),
    "changes.channel": ("Comment les modifications sont annoncées", "How changes are announced"),
    "changes.url": ("Adresse où la version en vigueur est publiée (https://…)",
                    "Where the current version is published (https://…)"),
}

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
        "Si l'analyse conclut à un risque élevé qui ne peut être réduit, le client consulte la CNIL avant de "
        "commencer (art. 36).",
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
    "authority.change": ("Pour un organisme établi en France, c'est la CNIL : gardez-la (répondez non).",
                         "For a body established in France it is the CNIL: keep it (answer no)."),
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
        "Le client doit notifier la CNIL dans les 72 heures : 48 heures pour le sous-traitant lui en "
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


SECTIONS: dict[str, Pair] = {
    "document": ("Document", "Document"),
    "parties": ("Parties", "Parties"),
    "agreement": ("Contrat principal et services", "Main agreement and services"),
    "activities": ("Traitements", "Processing activities"),
    "hosting": ("Hébergement", "Hosting"),
    "own_activities": ("Traitements propres du sous-traitant", "The processor's own processing"),
    "subprocessors": ("Sous-traitants ultérieurs", "Subprocessors"),
    "policy": ("Autorisation des sous-traitants ultérieurs", "Authorisation of subprocessors"),
    "recipients": ("Destinataires et transferts", "Recipients and transfers"),
    "breach": ("Violations de données", "Data breaches"),
    "audits": ("Audits", "Audits"),
    "security": ("Mesures de sécurité", "Security measures"),
    "assistance": ("Assistance au client", "Assistance to the client"),
    "end": ("Fin du contrat", "End of the contract"),
    "contract": ("Clauses finales du contrat", "Final provisions of the agreement"),
    "rights": ("Droits des personnes", "Data-subject rights"),
    "marketing": ("Prospection commerciale", "Direct marketing"),
    "cookies": ("Cookies", "Cookies"),
    "changes": ("Modifications des documents", "Changes to the documents"),
    "translations": ("Traductions", "Translations"),
}

MESSAGES: dict[str, Pair] = {
    "none": ("— aucune / sans objet", "— none / not applicable"),
    "language.fr": ("français", "French"),
    "language.en": ("anglais", "English"),
    "translations.count": ("{count} textes : tapez chacun dans l'autre langue, ou laissez vide pour le garder "
                           "tel quel.",
                           "{count} texts: type each in the other language, or leave it empty to keep it as "
                           "written."),
    "translations.later": ("La description n'est pas encore complète : traduisez ses textes plus tard, avec "
                           "« dpagen translations ».",
                           "The description is not complete yet: translate its texts later, with "
                           "'dpagen translations'."),
    "unsaid": ("— non précisé", "— not stated"),
    "yes": ("Oui", "Yes"),
    "no": ("Non", "No"),
    "party.controller": ("le responsable du traitement", "the controller"),
    "party.processor": ("le sous-traitant", "the processor"),
    "done": ("Terminé, continuer", "Done, continue"),
    "add": ("Ajouter", "Add"),
    "edit": ("Modifier…", "Edit…"),
    "remove": ("Supprimer…", "Remove…"),
    "menu": ("{noun} : que voulez-vous faire ?", "{noun}: what next?"),
    "which_edit": ("Lequel modifier ?", "Which one to edit?"),
    "which_remove": ("Lequel supprimer ?", "Which one to remove?"),
    "section": ("── {title} ──", "── {title} ──"),
    "summary": ("Résumé de la description", "Summary of the description"),
    "summary_menu": ("Enregistrer, ou revenir à une partie ?", "Save, or go back to a part?"),
    "save": ("Enregistrer la description", "Save the description"),
    "back": ("Revenir à : {title}", "Go back to: {title}"),
    "invalid": ("La description n'est pas encore valide :", "The description is not valid yet:"),
    "replace": ("{path} existe déjà : le remplacer ?", "{path} already exists: replace it?"),
    "other_path": ("Enregistrer sous quel nom ?", "Save under which name?"),
    "saved": ("Description enregistrée dans {path}", "Description saved in {path}"),
    "run_check": ("Vérifier la conformité de la description maintenant ?",
                  "Check the description for compliance now?"),
    "no_findings": ("Aucune remarque.", "No findings."),
    "generate": ("Générer les documents maintenant ?", "Generate the documents now?"),
    "which_doc": ("Quel document ?", "Which document?"),
    "all_docs": ("Tous ceux qui s'appliquent", "All that apply"),
    "formats": ("Formats", "Formats"),
    "out_dir": ("Dossier de sortie (Entrée : le dossier courant)", "Output folder (Enter: the current folder)"),
    "as_draft": ("En projet (les manques restent visibles) ?", "As a draft (gaps stay visible)?"),
    "wrote": ("Écrit : {path}", "Wrote {path}"),
    "failed": ("Génération impossible :", "Could not generate:"),
    "no_tty": (
        "l'assistant a besoin d'un terminal interactif (l'entrée standard n'en est pas un) ; sans terminal, "
        "écrivez le JSON : dpagen init --out description.json, modifiez-le, puis "
        "dpagen validate description.json",
        "the wizard needs an interactive terminal (standard input is not one); without a terminal, write the "
        "JSON: dpagen init --out description.json, edit it, then dpagen validate description.json",
    ),
    "no_draft": ("aucun brouillon à reprendre : {path} n'existe pas",
                 "no draft to resume: {path} does not exist"),
    "draft_found": ("Un brouillon interrompu existe ({path}) : le reprendre ?",
                    "An interrupted draft exists ({path}): continue it?"),
    "resuming": ("Reprise du brouillon {path}", "Resuming the draft {path}"),
    "interrupted": ("interrompu ; vos réponses sont enregistrées dans {draft}",
                    "interrupted; your answers are saved in {draft}"),
    "how_resume": ("pour reprendre : {command}", "to resume: {command}"),
    "interrupted_saved": ("interrompu ; la description est enregistrée dans {path}",
                          "interrupted; the description is saved in {path}"),
    "welcome": (
        "Assistant dpagen : répondez aux questions (Entrée garde la valeur proposée). Vos réponses sont "
        "enregistrées au fur et à mesure dans {draft} ; Ctrl-C pour interrompre et reprendre plus tard.",
        "dpagen wizard: answer the questions (Enter keeps the value shown). Your answers are saved as you go "
        "in {draft}; Ctrl-C to stop and resume later.",
    ),
}


class Texts:
    """The wizard's sentences in one language."""

    def __init__(self, language: str) -> None:
        self.index = 0 if language == "fr" else 1
        self.language = language

    def pick(self, pair: Pair) -> str:
        """The French or English half of a pair."""
        return pair[self.index]

    def question(self, key: str, **context: Any) -> str:
        """A question, its placeholders filled."""
        return self.pick(QUESTIONS[key]).format(**context)

    def help(self, key: str) -> str | None:
        """The short explanation of a question, if it has one."""
        pair = HELP.get(key)
        return self.pick(pair) if pair else None

    def answer(self, key: str, answer: str) -> str:
        """The title of a yes/no choice: the question's own (e.g. "Yes, mandatory"), else "Yes"/"No"."""
        pair = QUESTIONS.get(f"{key}.{answer}") or MESSAGES[answer]
        return self.pick(pair)

    def msg(self, key: str, **context: Any) -> str:
        """A message."""
        return self.pick(MESSAGES[key]).format(**context)

    def section(self, section_id: str) -> str:
        """The title of a section."""
        return self.pick(SECTIONS[section_id])
