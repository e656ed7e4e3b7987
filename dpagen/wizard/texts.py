"""Every sentence the wizard shows, in French and English: section titles and messages.

The questions are in ``questions_text`` and their short explanations in ``help_text``.
"""

from __future__ import annotations

from typing import Any

from .help_text import HELP
from .questions_text import QUESTIONS

Pair = tuple[str, str]  # (fr, en)

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
    "review": ("Relecture", "Review"),
    "review_menu": ("Enregistrer, compléter une valeur, ou ouvrir une partie ?",
                    "Save, fill in a value, or open a part?"),
    "review_lacks": ("{count} {values} à compléter", "{count} {values} to fill in"),
    "continue": ("Reprendre là où j'en étais", "Carry on where I was"),
    "save_later": ("Enregistrer, et compléter plus tard ({count} {values} à compléter)",
                   "Save, and fill in later ({count} {values} to fill in)"),
    "fill": ("À compléter : {where} (pour : {documents})", "To fill in: {where} (for: {documents})"),
    "open": ("Ouvrir la partie : {title}", "Open the part: {title}"),
    "back_review": ("← Retour à la relecture", "← Back to the review"),
    "whole": ("Reprendre toute la partie, question par question", "Go through the whole part again"),
    "section_menu": ("Quelle réponse modifier ?", "Which answer to change?"),
    "lacks_for": ("manque pour : {documents}", "missing for: {documents}"),
    "signatories": ("Signataires", "Signatories"),
    "doc.dpa": ("contrat de sous-traitance", "data processing agreement"),
    "doc.privacy-notice": ("politique de confidentialité", "privacy notice"),
    "doc.processor-charter": ("charte du prestataire", "processor's charter"),
    "doc.subprocessors": ("liste des sous-traitants ultérieurs", "subprocessor list"),
    "question.one": ("question", "question"),
    "question.many": ("questions", "questions"),
    "value.one": ("valeur", "value"),
    "value.many": ("valeurs", "values"),
    "final": ("Voulez-vous des documents définitifs (à signer ou publier) ? Les valeurs qu'ils exigent seront "
              "alors demandées comme obligatoires.",
              "Do you want final documents (to sign or publish)? The values they need are then asked as "
              "required."),
    "final_short": ("Documents définitifs (valeurs exigées)", "Final documents (values required)"),
    "needed": ("Nécessaire pour : {documents}. Tapez la valeur, ou « plus tard » pour la laisser à compléter "
               "(elle restera listée dans la relecture).",
               "Needed for: {documents}. Type the value, or 'later' to leave it to fill in (it stays listed "
               "in the review)."),
    "none": ("— aucune / sans objet", "— none / not applicable"),
    "language.fr": ("français", "French"),
    "language.en": ("anglais", "English"),
    "translations.count": ("{count} {texts} : tapez chacun dans l'autre langue, ou laissez vide pour le garder "
                           "tel quel.",
                           "{count} {texts}: type each in the other language, or leave it empty to keep it as "
                           "written."),
    "text.one": ("texte", "text"),
    "text.many": ("textes", "texts"),
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
    "save": ("Enregistrer la description", "Save the description"),
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
    "damaged": ("le brouillon {path} est endommagé ({problem}) ; il est conservé sous {kept}",
                "the draft {path} is damaged ({problem}); it is kept as {kept}"),
    "damaged_fix": ("pour le réparer : corrigez {kept} puis reprenez avec dpagen wizard --from {kept}",
                    "to fix it: correct {kept}, then continue with dpagen wizard --from {kept}"),
    "damaged_from": ("{path} est un brouillon endommagé ({problem}) : corrigez-le, ou lancez l'assistant "
                     "sans --from pour repartir de zéro",
                     "{path} is a damaged draft ({problem}): correct it, or run the wizard without --from "
                     "to start fresh"),
    "start_fresh": ("Repartir de zéro ? (non : arrêter pour réparer le brouillon)",
                    "Start fresh? (no: stop to fix the draft)"),
    "damaged_stop": ("arrêté ; le brouillon endommagé est conservé sous {kept}",
                     "stopped; the damaged draft is kept as {kept}"),
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
        "enregistrées au fur et à mesure dans {draft} ; Ctrl-C pour interrompre et reprendre plus tard ; Ctrl-R (ou "
        "tapez :revoir) pour la relecture, d'où l'on rejoint n'importe quelle réponse.",
        "dpagen wizard: answer the questions (Enter keeps the value shown). Your answers are saved as you go "
        "in {draft}; Ctrl-C to stop and resume later; Ctrl-R (or type :review) for the review screen, where "
        "you jump to any answer.",
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

    def plural(self, word: str, count: int) -> str:
        """A word agreeing with a count (in French 0 and 1 take the singular)."""
        one = count < 2 if self.index == 0 else count == 1
        return self.msg(f"{word}.{'one' if one else 'many'}")

    def section(self, section_id: str) -> str:
        """The title of a section."""
        return self.pick(SECTIONS[section_id])
