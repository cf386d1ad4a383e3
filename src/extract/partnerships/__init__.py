"""The ``partnerships`` component: who partners with whom, how, and since when (SPEC §3).

A partnership needs a trigger (``signer``, ``convention``, ``rejoindre``,
``membre``, ``fusion``, ``partenariat`` … from ``patterns/partnership_triggers.jsonl``).
A sentence may state several relations, so each clause is cut into *frames*:
its main part and its parentheticals — relative clauses (``, qui réunit …,``
``, dont il est membre``), appositions (``, associée à Toulouse INP depuis
2021,``) and a fronted apposition (``Membre de X avec Y, l'établissement …``).
Each frame with a trigger states one relation, whose parties are:

- the organisations named in the frame, and the organisation a parenthetical
  hangs on (its antecedent);
- the subject of its verb, with ``nous``, anaphors (``l'établissement``,
  ``membre du réseau``) and plural anaphors (``les deux universités``,
  ``elles … toutes deux``) resolved;
- people who sign for their institution (``X, président de l'Université de
  Lille, … ont signé``) bring their institution;
- the document's main actor when one side is missing (``Deux accords ont été
  signés, l'un avec CentraleSupélec``: the issuer signed them).

What an act founds (``pour fonder IMT Grand Est``) names it rather than
taking part; so does a group whose members are listed. Separate acts with
several partners (``l'un avec X … l'autre avec Y``, ``ses accords avec X et Y``)
give one partnership per pair. Two organisations in one sentence without a
trigger are never a partnership; a single named party needs an act whose
other parties are named generically, or a name; a membership needs the body
joined to be named.
"""
from .component import PartnershipFinder
from .model import KIND_RANK, Frame, Partnership

__all__ = ["KIND_RANK", "Frame", "Partnership", "PartnershipFinder"]
