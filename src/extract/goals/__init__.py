"""The ``goals`` component: strategic commitments, their actor, theme and horizon (SPEC §3).

Goals are found in ten forms of French institutional prose:

1. an intention verb and its complement (``l'IMT souhaite structurer …``,
   ``vise l'élargissement de …``, ``se sont engagés … à renforcer``);
2. an objective noun (``l'objectif est de …``, ``a pour ambition de …``,
   ``avec pour objectifs …``, ``Objectif : diversité``, ``la volonté de l'Institut de …``), and a
   commitment in favour of something (``leur engagement commun en faveur de …``);
3. an aim named by a copula or a list (``X est un axe de développement``,
   ``Parmi les leviers prioritaires figure X``);
4. the future of the actor (``l'Institut renforcera …``, ``nous allons former …``), a new
   thing in the passive future (``un nouveau bâtiment sera ouvert``) or planned for a date
   (``l'ouverture du campus est prévue en 2026``);
5. an inline list after a colon whose introduction announces goals
   (``trois axes prioritaires … : conforter … ; renforcer … ; poursuivre …``);
6. bullet items under such an introduction (``mise sur 5 dimensions :``);
7. headings and sentences that open with an infinitive (``Devenir un acteur mondial``);
8. the means that carry out aims just stated (``Cela se traduit par …``);
9. the aim of a relation the sentence states, when it is the sentence's only aim
   (``ont signé un accord-cadre pour renforcer leur coopération``): the parties'
   jointly, or the group's that a body joins (also a nominal aim: ``pour la création de …``);
10. the points of an enumeration opened by an ordinal subject (``Le premier consiste à …``).

The objective's text starts at its own verb or noun and stops before purpose
and illustration clauses (``afin de``, ``pour`` + infinitive, ``notamment``,
``comme``); coordinated infinitives with their own complements are separate
goals; the same objective stated twice is one goal. The actor is the subject
of the intention (``nous`` and anaphors resolved), the owner of the strategy or
list, else the document's main actor. The horizon is a date of the goal's own
sentence, else its list introduction's, else the strategy's period
(``stratégie 2023-2027``).
"""
from .component import GoalFinder
from .model import Goal
from .theme import classify_theme

__all__ = ["Goal", "GoalFinder", "classify_theme"]
