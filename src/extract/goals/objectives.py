"""Form 2: an objective noun (``l'objectif est de …``, ``a pour ambition de …``, ``Objectif : diversité``)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..grammar import NEGATIONS, clause_bounds, is_finite_verb, is_infinitive, objective_end, past_incise
from ..normalise import fold
from ..organisations import Organisation
from ..words import words
from .actor import actor_near
from .complements import complement, make_goal, parts
from .copular import COPULAS
from .model import JOINT, Context, Goal

W = words()
JOINT_ADJECTIVES = W.set("joint_adjectives")
HAVING = W.set("having_verbs")
COMMITMENT_NOUNS = W.set("commitment_nouns")
ARTICLES = W.set("articles")


def _denied_having(folded: list[str], i: int, c_start: int) -> bool:
    """``n'avons pas l'intention de``, ``n'a pas pour objectif de``: the noun's verb is denied."""
    before = folded[max(c_start, i - 5):i]
    return any(w in {"ne", "n'"} for w in before) and any(w in NEGATIONS for w in before)


def objective_nouns(ctx: Context, sent: Span) -> list[Goal]:
    doc, folded, actors = ctx.doc, ctx.folded, ctx.actors
    out = []
    for i in range(sent.start, sent.end):
        hit = ctx.lex.objective.match(doc, i, folded)
        if hit is None or i in actors.token_org:
            continue
        entry, n = hit
        c_start, c_end = clause_bounds(sent, i)
        if _denied_having(folded, i, c_start):
            continue                       # "nous n'avons pas l'intention de fermer …"
        k = i + n
        comp, np_split = None, False
        before = folded[i - 1] if i > c_start else ""
        b = i - 2                          # the word before "pour", adverbs passed ("a également pour objectif")
        while b > c_start and (doc[b].pos_ == "ADV" or folded[b] in {"par", "ailleurs"}) and i - b <= 5:
            b -= 1
        before2 = folded[b] if b >= c_start and i - 1 > c_start else ""
        k, owner = _holder(ctx, k, c_end)
        k = _past_incise(ctx, k, c_end)
        after = folded[k] if k < c_end else ""
        if owner is None and after == ":" and _shared(ctx, i, k):
            owner = JOINT                  # "autour d'un objectif partagé : …"
        if after in COPULAS:
            comp = complement(ctx, k, c_end, allow_np=False) or _np_after_copula(ctx, k, c_end)
        elif after == ":":
            # "une ambition commune : construire un partenariat …, fondé sur des valeurs partagées : l'inclusion, …":
            # a second colon opens what the objective rests on, not more objectives
            c_end = next((m for m in range(k + 1, c_end) if doc[m].text == ":"), c_end)
            comp = complement(ctx, k, c_end, allow_np=True, markers=frozenset())
            np_split = True
        elif before == "pour" and before2 in HAVING:
            comp = complement(ctx, k - 1, c_end, allow_np=True)
            np_split = True
        elif after in {"de", "d'"} and k + 1 < c_end and (is_infinitive(doc[k + 1]) or folded[k + 1] in {"se", "s'"}):
            if before in {"un", "une", "l'", "la", "le", "cette", "son", "sa", "leur", "notre"} or owner is not None:
                comp = complement(ctx, k, c_end, allow_np=False)
        elif after in {"de", "d'"} and before in {"un", "une"} and k + 1 < c_end and doc[k + 1].pos_ == "NOUN" \
                and fold(entry["term"]) in {"objectif", "ambition", "but"} \
                and _after_having(doc, i - 2, c_start, folded):
            comp = (k + 1, "np")            # "a également un objectif de coopération en recherche"
        if comp is None:
            continue
        j, what = comp
        if what == "np" and not np_split:
            hard = objective_end(doc, j, c_end, folded, ctx.lex, soft=False)
            spans = [(j, objective_end(doc, j, hard, folded, ctx.lex))]
        else:
            spans = parts(ctx, j, c_end, what)
        actor = owner or actor_near(ctx, sent, i, c_start)
        out += [make_goal(ctx, s, e, entry["term"], actor, sent, "objective") for s, e in spans]
    return out


def commitments(ctx: Context, sent: Span) -> list[Goal]:
    """Form 2b: a commitment in favour of something (``réaffirment leur engagement commun en faveur de la formation
    de talents, du développement de l'innovation …``, ``un engagement de 3,5 millions d'euros en faveur de la
    transition écologique``): what it favours is the objective."""
    doc, folded = ctx.doc, ctx.folded
    out = []
    for i in range(sent.start, sent.end - 3):
        if folded[i] not in COMMITMENT_NOUNS:
            continue
        c_start, c_end = clause_bounds(sent, i)
        k = next((m for m in range(i + 1, min(c_end - 2, i + 10)) if folded[m] == "en" and folded[m + 1] == "faveur"),
                 None)
        if k is None or any(is_finite_verb(doc[m]) or doc[m].text in {",", ";"} for m in range(i + 1, k)) \
                or any(ctx.lex.list_noun.match(doc, m, folded) for m in range(max(c_start, i - 4), i)):
            continue                           # "trois ambitions et un engagement en faveur de …": a plan's parts
        j = k + 3 if folded[k + 2] in {"de", "d'"} and k + 3 < c_end and folded[k + 3] in ARTICLES else k + 2
        j = j + 1 if folded[j] in {"de", "d'", "du", "des"} and j + 1 < c_end else j
        end = objective_end(doc, j, c_end, folded, ctx.lex)
        # "…, du développement de l'innovation, au service de la jeunesse": an adjunct ends what it favours
        end = next((m for m in range(j, end - 1) if doc[m].text == "," and doc[m + 1].pos_ == "ADP"
                    and folded[m + 1] not in {"de", "du", "des", "d'"}), end)
        out.append(make_goal(ctx, j, end, "engagement", actor_near(ctx, sent, i, c_start), sent, "objective"))
    return out


def _past_holder(ctx: Context, k: int, c_end: int) -> tuple[int, Organisation | None]:
    """``l'ambition portée par Udice de …``, ``une volonté clairement affichée par AgroSup Dijon de …``: a
    participle and its agent between the objective noun and ``de`` + infinitive; the agent holds it."""
    doc, folded, token_org = ctx.doc, ctx.folded, ctx.actors.token_org
    j = k
    while j < c_end and doc[j].pos_ == "ADV":
        j += 1
    if j >= c_end or doc[j].pos_ not in ("VERB", "ADJ") or "Part" not in doc[j].morph.get("VerbForm") \
            or j + 2 >= c_end or folded[j + 1] != "par":
        return k, None
    m = _past_articles(folded, j + 2, c_end)
    if m not in token_org:
        return k, None
    org, _, end = token_org[m]
    if end + 1 < c_end and folded[end] in {"de", "d'"} and is_infinitive(doc[end + 1]):
        return end, org
    return k, None


def _past_articles(folded: list[str], m: int, c_end: int) -> int:
    """The first token from ``m`` that is no definite article (``de l'ULP``, ``par la Région``)."""
    while m < c_end and folded[m] in {"l'", "la", "le", "les"}:
        m += 1
    return m


def _holder(ctx: Context, k: int, c_end: int) -> tuple[int, Organisation | None]:
    """Who holds the objective noun ending at ``k`` and where its complement's marker is: bodies after
    ``de`` (``la volonté de l'Institut de contribuer``, :data:`JOINT` for several), a short noun complement
    before a copula, a participle's agent, adjectives before a colon."""
    folded, token_org = ctx.folded, ctx.actors.token_org
    after = folded[k] if k < c_end else ""
    if after in {"de", "d'", "du"}:
        j, joint = _coordinated_holders(ctx, k, c_end)   # "la volonté de l'ULP, de l'URS et de l'UMB de …"
        if joint:
            return j, JOINT
    o = k + 2 if k + 2 < c_end and folded[k + 1] in {"l'", "la", "le", "les"} else k + 1
    if after in {"de", "d'", "du", "des", "pour"} and o < c_end and o in token_org:
        k = token_org[o][2]                              # "les objectifs de l'IMT", "l'enjeu pour l'Université"
        return _adjectives_to_colon(ctx, k, c_end), token_org[o][0]
    if after in {"de", "d'", "du", "des"}:
        k = _past_noun_complement(ctx, k, c_end)
        after = folded[k] if k < c_end else ""
    if after in COPULAS or after == ":":
        return k, None
    k, owner = _past_holder(ctx, k, c_end)              # "l'ambition portée par Udice de faire …"
    return _adjectives_to_colon(ctx, k, c_end), owner


def _adjectives_to_colon(ctx: Context, k: int, c_end: int) -> int:
    """``un objectif partagé :``, ``une ambition commune :``: adjectives between the objective noun and
    the colon that opens it; the colon's index, else ``k`` unchanged."""
    doc = ctx.doc
    j = k
    while j < c_end and j - k < 3 and doc[j].pos_ in ("ADJ", "VERB") and not is_infinitive(doc[j]) \
            and not is_finite_verb(doc[j]):
        j += 1
    return j if j > k and j < c_end and doc[j].text == ":" else k


def _shared(ctx: Context, i: int, k: int) -> bool:
    """``un objectif partagé``, ``une ambition commune``: an adjective saying the objective is held jointly."""
    return any(ctx.folded[j] in JOINT_ADJECTIVES for j in range(i + 1, min(k + 1, i + 4)))


def _coordinated_holders(ctx: Context, k: int, c_end: int) -> tuple[int, bool]:
    """``la volonté de l'ULP, de l'URS et de l'UMB de refonder …``: several bodies, each after ``de``, hold
    the objective together; the index of the ``de`` before the infinitive and True, else ``k`` and False."""
    doc, folded, token_org = ctx.doc, ctx.folded, ctx.actors.token_org
    j, held = k, 0
    while j < c_end and folded[j] in {"de", "d'", "du", "des"}:
        if j + 1 < c_end and is_infinitive(doc[j + 1]):
            return (j, True) if held >= 2 else (k, False)
        m = _past_articles(folded, j + 1, c_end)
        if m not in token_org:
            return k, False
        held += 1
        j = token_org[m][2]
        if j < c_end and folded[j] in {",", "et"}:
            j += 1
            if j < c_end and folded[j] == "et":
                j += 1
    return k, False


def _past_incise(ctx: Context, k: int, c_end: int) -> int:
    """``Notre objectif, à Liège, est de …``: a short phrase between commas, no verb in it, before the
    copula; the copula's index, else ``k`` unchanged."""
    after = past_incise(ctx.doc, k, c_end - 1, 8)
    if after - k < 3 or any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[k + 1:after - 1]):
        return k
    return after if ctx.folded[after] in COPULAS else k


def _np_after_copula(ctx: Context, k: int, c_end: int) -> tuple[int, str] | None:
    """``L'objectif est un COP entre l'École et l'État``: a determiner and a noun after the copula
    (not ``L'objectif est ambitieux``); the objective starts at the noun."""
    doc = ctx.doc
    j = k + 1
    while j < c_end and doc[j].pos_ == "ADV":
        j += 1
    if j + 1 < c_end and doc[j].pos_ == "DET" and doc[j + 1].pos_ in ("NOUN", "PROPN"):
        return j + 1, "np"
    return None


def _past_noun_complement(ctx: Context, k: int, c_end: int) -> int:
    """``L'objectif de ce plan est de …``, ``Le but du projet commun est …``: the copula after a short
    noun complement of the objective noun, else ``k`` unchanged."""
    doc, folded = ctx.doc, ctx.folded
    for m in range(k + 1, min(c_end, k + 7)):
        if folded[m] in COPULAS:
            return m if m > k + 1 else k
        if doc[m].pos_ not in ("DET", "NOUN", "ADJ", "PROPN", "ADP", "NUM") or doc[m].is_punct:
            return k
    return k


def _after_having(doc: Doc, k: int, c_start: int, folded: list[str]) -> bool:
    """Is there ``avoir``, ``se fixer`` or ``se donner`` just before (adverbs passed over)?"""
    while k >= c_start and doc[k].pos_ == "ADV":
        k -= 1
    return k >= c_start and (doc[k].lemma_ in ("avoir", "fixer", "donner") or folded[k] in W.set("avoir_forms"))
