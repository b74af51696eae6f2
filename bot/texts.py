"""Every user-facing string the bot says, in one place (ready for a gettext catalogue).

New strings go here; older modules are moved over as they are touched.
"""

from __future__ import annotations

# -- when nothing is answered (bot.compose.compose_fallback) ------------------------------------------------
SCOPE = ("I can only share information about epilepsy, multiple sclerosis (MS) and how they relate to the "
         "immune system.")
NO_ANSWER = "Sorry, I don't have an answer to that."
TRY_FEW_WORDS = "Try asking in a few words, for example \"What is refractory epilepsy?\" or \"MS medicines\"."
WERE_YOU_ASKING = "Were you asking about one of these?"
LONG_MESSAGE = "That's a long message, and I couldn't find one question in it."
NOT_REVIEWED = "I don't have reviewed information about that."
WHO_CAN_ANSWER = ("Your neurologist, an epilepsy or MS nurse, your GP or a pharmacist can answer questions like "
                  "this. In an emergency, call your local emergency number.")
CLOSEST_TOPICS = "These are the closest topics I do have:"
ONLY_ENGLISH = ("Sorry, I can only read and answer English for now. Please write your question in English, "
                "for example \"What is epilepsy?\". A translation app can help.")
EMPTY = "I can only read words. Type your question, for example \"What is MS?\", or tap Topics."

# -- "Did you mean ...?" (bot.compose.compose_ambiguous) -----------------------------------------------------
DID_YOU_MEAN = "Did you mean one of these?"

# -- follow-ups (bot.followup) -------------------------------------------------------------------------------
SECTION_DONE = "That's all the section \"{heading}\" says. Here is the full article:"
ALREADY_SHOWN = "I've shown you everything this section says about that. Here is the full article:"
ARTICLE_DONE = "That's the whole of \"{title}\". Tap Topics for more, or ask another question."
FACET_NOT_COVERED = ("The article \"{title}\" doesn't cover {facet}. Your neurologist, an epilepsy or MS nurse "
                     "or a pharmacist can tell you about it.")
FACETS = {"side_effects": "side effects", "children": "children", "duration": "how long it lasts"}
