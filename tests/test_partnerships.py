"""The partnerships component on texts written for these tests (SPEC §3)."""
import pytest

# canonical names the gazetteer takes from the open data (the text writes INSA Lyon, ENSTA Bretagne …)
INSA_LYON = "Institut national des sciences appliquées de Lyon"
INSA_CVL = "Institut national des sciences appliquées Centre Val de Loire"
ENSTA_BRETAGNE = "École nationale supérieure de techniques avancées Bretagne"

CASES = [
    # a body born of a "rapprochement" is a merger; a "rapprochement" alone is a cooperation
    ("Ce nouvel établissement sera issu du rapprochement de l'Université de Rennes et de l'Université de Bretagne "
     "occidentale.",
     [({"Université de Rennes", "Université de Bretagne occidentale"}, "merger", "planned", "")]),
    # the body born of a merger, its subject or the body it is apposed to, is its name, no party
    ("L'Université de Tours est née de la fusion de l'Université de Blois et de l'Université de Chinon en 2020.",
     [({"Université de Blois", "Université de Chinon"}, "merger", "established", "2020")]),
    ("L'Université de Tours, issue de la fusion de l'Université de Blois et de l'Université de Chinon, recrute.",
     [({"Université de Blois", "Université de Chinon"}, "merger", "established", "")]),
    # a sponsor joins the foundation it supports; a foundation named after its university is its own body
    ("Michelin devient mécène de la Fondation de l'Université de Tours.",
     [({"Michelin", "Fondation de l'Université de Tours"}, "membership", "established", "")]),
    ("La Fondation de l'Université de Tours accueille un nouveau mécène : Michelin a rejoint la fondation.",
     [({"Michelin", "Fondation de l'Université de Tours"}, "membership", "established", "")]),
    # a cooperation still to come between the bodies of an agreement in force is that agreement's content
    ("L'Université de Tours et l'Université d'Orléans ont signé un accord-cadre de coopération. Les deux "
     "établissements s'engagent à construire des parcours de formation communs et à partager leurs plateaux.",
     [({"Université de Tours", "Université d'Orléans"}, "agreement", "established", "")]),
    # a participle right after a common noun founds that noun, not a body named before it
    ("L'Université de Tours et l'Université d'Orléans poursuivront leurs coopérations au sein d'une association "
     "créée à cet effet.",
     [({"Université de Tours", "Université d'Orléans"}, "cooperation", "established", "")]),
    # a school bought by a group joins it
    ("Le groupe Eduvia a racheté l'Université de Tours en 2015.",
     [({"groupe Eduvia", "Université de Tours"}, "membership", "established", "2015")]),
    # sponsors a body counts or lists are its members, as its "membres" are
    ("La Fondation de l'Université de Tours accueille deux nouveaux mécènes : Michelin et Lesaffre.",
     [({"Michelin", "Fondation de l'Université de Tours"}, "membership", "established", ""),
      ({"Lesaffre", "Fondation de l'Université de Tours"}, "membership", "established", "")]),
    # the examples of a joint structure ("notamment …") are the structures, not parties
    ("L'Université de Tours s'appuie sur ses laboratoires communs avec le CNRS, notamment le LIFAT et le GREMAN.",
     [({"Université de Tours", "Centre national de la recherche scientifique"}, "alliance", "established", "")]),
    # "tandis que", "alors que" open a clause of its own: its relation has its own parties
    ("L'Université de Tours a signé avec le CNRS, alors que l'Université d'Orléans a signé avec l'Inserm.",
     [({"Université d'Orléans", "Institut national de la santé et de la recherche médicale"}, "agreement",
       "established", ""),
      ({"Université de Tours", "Centre national de la recherche scientifique"}, "agreement", "established", "")]),
    # "sans" denies what it governs, through an infinitive: a cooperation, no merger
    ("L'Université de Pau et l'Université de Bordeaux se rapprochent sans pour autant envisager de fusion.",
     [({"Université de Pau", "Université de Bordeaux"}, "cooperation", "established", "")]),
    # a place between commas after the first of two coordinated subjects: no new clause before the verb
    ("L'Université de Tours, en France, et l'Université libre de Bruxelles ont signé un accord.",
     [({"Université de Tours", "Université libre de Bruxelles"}, "agreement", "established", "")]),
    # a gathering verb whose object is counted people relates no bodies
    ("Doté de 55 millions d'euros par l'État, l'institut Figura réunira 300 chercheurs de l'Université de Tours.", []),
    # a headline naming fewer parties of a relation the body states with the same kind is that relation
    ("L'Université de Tours et le CNRS créent un institut\nL'Université de Tours, le CNRS et l'Inserm annoncent la "
     "création d'un institut commun.",
     [({"Université de Tours", "Centre national de la recherche scientifique",
        "Institut national de la santé et de la recherche médicale"}, "alliance", "established", "")]),
    # "en" before a member noun is the group named before, the one joined: the act stands, and the two
    # statements of one joining are one relation, dated by its start
    ("L'Université de Tours a été retenue pour rejoindre l'alliance Figura. Elle en deviendra membre le 1er "
     "septembre 2026.",
     [({"Université de Tours", "Figura"}, "membership", "planned", "2026-09-01")]),
    # "en" before a member noun with no group named before: the subject of the sentence before (an EPE's
    # "établissements composantes")
    ("Le 1er janvier 2026, l'Université de Tours remplacera la communauté d'universités. L'Université de Blois et "
     "l'Université de Chinon en deviendront les établissements composantes.",
     [({"Université de Tours", "Université de Blois", "Université de Chinon"}, "membership", "planned", "")]),
    # chosen or candidate to join ("retenue pour rejoindre"): not joined yet; the projects "retenus" are done
    ("L'Université de Tours a été retenue pour rejoindre l'alliance Figura.",
     [({"Université de Tours", "Figura"}, "membership", "planned", "")]),
    # the subject of a support verb backs the relation its object names: no party of it
    ("L'Université de Tours rejoint l'alliance Figura. La région Centre-Val de Loire accompagnera l'intégration "
     "de l'Université de Tours.",
     [({"Université de Tours", "Figura"}, "membership", "established", "")]),
    # "Les écoles" opening a clause stands for the schools of the last relation (not its company partner)
    ("L'Université de Tours et l'INSA Centre Val de Loire s'allient à Michelin. Les universités envisagent un "
     "rapprochement avec l'Université d'Orléans.",
     [({"Université de Tours", INSA_CVL, "Michelin"}, "alliance", "established", ""),
      ({"Université de Tours", "Université d'Orléans"}, "cooperation", "planned", "")]),
    # a number closes each name a plural head shares ("les universités de Lille 1, Lille 2 et Lille 3")
    ("Les universités de Lille 1, Lille 2 et Lille 3 fusionneront en 2018.",
     [({"Université de Lille 1", "Université de Lille 2", "Université de Lille 3"}, "merger", "planned", "2018")]),
    # an act (its noun, or "elle" right after it) that takes bodies as object adds them to its parties; a body
    # that does so cooperates with them
    ("L'Université de Tours et l'Inria ont signé une convention-cadre. Elle associe également le CNRS.",
     [({"Université de Tours", "Institut national de recherche en sciences et technologies du numérique",
        "Centre national de la recherche scientifique"}, "agreement", "established", "")]),
    ("L'Université de Tours associe le CNRS à ses projets.",
     [({"Université de Tours", "Centre national de la recherche scientifique"}, "cooperation", "established", "")]),
    # a body's noun restated before a relative (", alliance qui regroupe …") opens the relative: the members are
    # the alliance's, not bodies the subject joins
    ("L'Université de Tours rejoint l'alliance Figura, alliance qui regroupe depuis 2020 l'Université de Lille et "
     "l'Université de Rennes.",
     [({"Université de Lille", "Université de Rennes"}, "alliance", "established", "2020"),
      ({"Université de Tours", "Figura"}, "membership", "established", "")]),
    # bodies joined "au sein de" a group are all its members together; bodies joined one by one, one each
    ("L'Université de Tours coopère avec l'Université d'Orléans au sein du réseau Figure.",
     [({"Université de Tours", "Université d'Orléans", "Réseau Figure"}, "membership", "established", "")]),
    ("L'Université de Tours est membre de la LERU et du réseau Figure.",
     [({"Université de Tours", "LERU"}, "membership", "established", ""),
      ({"Université de Tours", "Réseau Figure"}, "membership", "established", "")]),
    # "Elles" opening a clause stands for the bodies of the last relation: an alliance they make with others
    ("L'Université de Tours et l'Université d'Orléans ont créé un institut commun. Elles s'allient à Airbus et à "
     "Safran.",
     [({"Université de Tours", "Université d'Orléans"}, "alliance", "established", ""),
      ({"Université de Tours", "Université d'Orléans", "Airbus", "Safran"}, "alliance", "established", "")]),
    # a partner named right after a founding word ("lance avec X une chaire") comes before what is founded
    ("Michelin lance avec l'Université de Tours une chaire consacrée aux matériaux.",
     [({"Michelin", "Université de Tours"}, "cooperation", "established", "")]),
    ("Michelin annonce le lancement avec l'Université de Tours d'une chaire consacrée aux matériaux.",
     [({"Michelin", "Université de Tours"}, "cooperation", "established", "")]),
    # "le lancement d'un programme conjoint": a joint thing launched, as "la création de"
    ("L'Université de Tours et l'Université libre de Bruxelles ont annoncé le lancement d'un programme doctoral "
     "conjoint.",
     [({"Université de Tours", "Université libre de Bruxelles"}, "cooperation", "established", "")]),
    # a structure founded together ("créer ensemble", an English head last): an alliance; a year after a head is
    # no part of a name ("contrat de plan État-Région 2021-2027")
    ("L'Université de Tours et l'INSA Centre Val de Loire ont créé ensemble une graduate school.",
     [({"Université de Tours", "Institut national des sciences appliquées Centre Val de Loire"}, "alliance",
       "established", "")]),
    # the partners a possessive lists: one relation with each; with "et", all act together
    ("L'Université de Tours compte parmi ses partenaires l'Université Laval et l'Université de Sherbrooke.",
     [({"Université de Tours", "Université Laval"}, "cooperation", "established", ""),
      ({"Université de Tours", "Université de Sherbrooke"}, "cooperation", "established", "")]),
    ("L'Université de Tours et ses partenaires, l'Université Laval et l'Université de Sherbrooke, lancent un "
     "programme commun.",
     [({"Université de Tours", "Université Laval", "Université de Sherbrooke"}, "cooperation", "established", "")]),
    # a possessive opening the sentence stands for the body before: its members each join it
    ("Le réseau Polytech compte quinze écoles. Ses membres, dont l'Université de Tours et l'Université d'Orléans, "
     "coopèrent depuis longtemps.",
     [({"Réseau Polytech", "Université de Tours"}, "membership", "established", ""),
      ({"Réseau Polytech", "Université d'Orléans"}, "membership", "established", "")]),
    # the verb of "rapprochement": a cooperation
    ("L'Université de Tours se rapproche de l'Université d'Orléans.",
     [({"Université de Tours", "Université d'Orléans"}, "cooperation", "established", "")]),
    ("Le rapprochement entre l'Université de Lille et le CNRS se poursuit.",
     [({"Université de Lille", "Centre national de la recherche scientifique"}, "cooperation", "established", "")]),
    # a counted plural marked with an asterisk names its bodies in the footnote
    ("Les trois organismes* ont signé une convention le 3 mars 2024.\n* CNRS, Inria et Inserm.",
     [({"Centre national de la recherche scientifique",
        "Institut national de recherche en sciences et technologies du numérique",
        "Institut national de la santé et de la recherche médicale"}, "agreement", "established", "2024-03-03")]),
    # an apposition to a body says what a copula would: "X, école interne de Y," is a membership
    ("L'ENSI Poitiers, école interne de l'Université de Poitiers, recrute.",
     [({"ENSI Poitiers", "Université de Poitiers"}, "membership", "established", "")]),
    ("L'ENSI Poitiers, une école d'ingénieurs reconnue, recrute avec l'Université de Poitiers.", []),
    # members left unnamed gathered within one named group: the group stands as an alliance
    ("Depuis 2010, les universités de la région sont regroupées au sein de l'Alliance Sorbonne Paris Cité.",
     [({"Alliance Sorbonne Paris Cité"}, "alliance", "established", "2010")]),
    ("Les écoles partenaires se sont réunies à l'Alliance Sorbonne Paris Cité pour un séminaire.", []),
    # "donner naissance à X": founding; X, after "à" and an incidental date, is the new body, no party
    ("L'Université de Lille et le CNRS ont donné naissance, en mars 2020, à Lille Data Lab, un institut commun.",
     [({"Université de Lille", "Centre national de la recherche scientifique"}, "alliance", "established",
       "2020-03")]),
    # bodies listed and said to act together, without a verb (a headline); a sum counted together is no relation
    ("L'Université de Lille, le CNRS et l'Inria, ensemble dans la lutte contre les cyberattaques.",
     [({"Université de Lille", "Centre national de la recherche scientifique",
        "Institut national de recherche en sciences et technologies du numérique"}, "cooperation", "established",
       "")]),
    ("L'Université de Lille et le CNRS comptent ensemble 40 000 étudiants.", []),
    # a chair or a programme founded together is a cooperation of its founders, in the passive too
    ("Une chaire sur la construction durable a été lancée par l'Université de Lille, le CNRS et l'Inria en 2020.",
     [({"Université de Lille", "Centre national de la recherche scientifique",
        "Institut national de recherche en sciences et technologies du numérique"}, "cooperation", "established",
       "2020")]),
    ("Le réseau a été créé par l'Université de Lille et le CNRS en 2020.",
     [({"Université de Lille", "Centre national de la recherche scientifique"}, "alliance", "established", "2020")]),
    # "entre les partenaires": the bodies of the last relation
    ("L'Université de Rennes et le CNRS collaborent depuis plusieurs années. Cette collaboration est désormais "
     "confirmée par l'accord signé entre les partenaires le 3 mars 2024.",
     [({"Université de Rennes", "Centre national de la recherche scientifique"}, "agreement", "established",
       "2024-03-03")]),
    # an intention in a present participle describes the agreement; the act itself is past
    ("Un accord-cadre visant à l'échange d'étudiants a été signé par l'Université de Lille avec le CNRS.",
     [({"Université de Lille", "Centre national de la recherche scientifique"}, "agreement", "established", "")]),
    # a witness of the act is no party, even named through its officer ("en présence de Madame …, ministre de …")
    ("L'Université de Rennes et le CNRS ont signé, en présence de Madame Claire Martin, ministre de la Culture, "
     "une convention de partenariat.",
     [({"Université de Rennes", "Centre national de la recherche scientifique"}, "agreement", "established", "")]),
    ("L'Université de Bordeaux et le CNRS ont signé le 12 mai 2023 une convention de partenariat sur la chimie verte.",
     [({"Université de Bordeaux", "Centre national de la recherche scientifique"}, "agreement", "established",
       "2023-05-12")]),
    # the parser roots this sentence on "Sorbonne": the surface grammar still finds both parties
    ("Sorbonne Université et l'Inria ont signé une convention.",
     [({"Sorbonne Université", "Institut national de recherche en sciences et technologies du numérique"},
       "agreement", "established", "")]),
    # separate acts with several partners: one partnership per pair; the issuer is the other side
    ("L'Université de Nantes renforce son ouverture internationale\n\nDeux conventions ont été signées, l'une avec "
     "l'Université Laval et l'autre avec l'Université de Sherbrooke.",
     [({"Nantes Université", "Université Laval"}, "agreement", "established", ""),
      ({"Nantes Université", "Université de Sherbrooke"}, "agreement", "established", "")]),
    ("L'Université de Lille et Centrale Lille pourraient fusionner au 1er janvier 2026.",
     [({"Université de Lille", "Centrale Lille"}, "merger", "planned", "2026-01-01")]),
    ("L'ENSIBS a rejoint le réseau Polytech en 2020.",
     [({"ENSIBS", "Réseau Polytech"}, "membership", "established", "2020")]),
    # a relative clause states its own relation
    ("L'Université de Strasbourg, qui a rejoint l'alliance EPICUR en 2019, "
     "signe un accord avec l'Université de Fribourg.",
     [({"Université de Strasbourg", "EPICUR"}, "membership", "established", "2019"),
      ({"Université de Strasbourg", "Université de Fribourg"}, "agreement", "established", "")]),
    # one named party, the others named generically, and an intention
    ("L'INSA Lyon souhaite nouer des partenariats avec des universités asiatiques.",
     [({INSA_LYON}, "cooperation", "planned", "")]),
    # a plural anaphor takes the parties of the previous relation; a joint structure is an alliance
    ("L'Université de Poitiers et l'Université de Limoges ont signé un accord. Les deux universités créeront "
     "un institut commun en 2025.",
     [({"Université de Poitiers", "Université de Limoges"}, "agreement", "established", ""),
      ({"Université de Poitiers", "Université de Limoges"}, "alliance", "planned", "2025")]),
    # people who sign bring their institutions
    ("Marie Dupont, présidente de l'Université d'Angers, et Jean Martin, directeur général de Safran, ont signé "
     "une convention de mécénat.",
     [({"Université d'Angers", "Safran"}, "agreement", "established", "")]),
    # continuing a relation signed earlier: established, and an agreement
    ("Le Groupe INSA consolidera son partenariat avec l'EPFL, signé en 2017.",
     [({"Groupe INSA", "École polytechnique fédérale de Lausanne"}, "agreement", "established", "2017")]),
    # renewing an "entente" (Québec usage) is an agreement
    ("L'Université Laval et l'Université de Rennes ont reconduit en mars leur entente de cotutelle.",
     [({"Université Laval", "Université de Rennes"}, "agreement", "established", "")]),
    # "dont" before names lists the partners of a plural act: one agreement per pair
    ("La Région Grand Est a conclu des conventions avec cinq établissements, dont l'Université de Haute-Alsace "
     "et l'Université de Reims Champagne-Ardenne.",
     [({"Région Grand Est", "Université de Haute-Alsace"}, "agreement", "established", ""),
      ({"Région Grand Est", "Université de Reims Champagne-Ardenne"}, "agreement", "established", "")]),
    # membership of two bodies: one membership each
    ("L'ENSTA Bretagne a adhéré au réseau Polytech et à la Conférence des grandes écoles.",
     [({ENSTA_BRETAGNE, "Réseau Polytech"}, "membership", "established", ""),
      ({ENSTA_BRETAGNE, "Conférence des grandes écoles"}, "membership", "established", "")]),
    # an agreement about double degrees stays an agreement; the topic does not make it a cooperation
    ("Le CNAM a signé des accords de double diplôme avec l'Université de Liège et l'Université de Namur.",
     [({"CNAM", "Université de Liège"}, "agreement", "established", ""),
      ({"CNAM", "Université de Namur"}, "agreement", "established", "")]),
    # a fronted "Pour X," makes X the topic an anaphor refers to
    ("L'alliance EUNICE accueille un nouveau membre. Pour l'Université de Poitiers, c'est une chance. "
     "L'établissement a signé en mai un accord avec l'Université de Cadix.",
     [({"Université de Poitiers", "Université de Cadix"}, "agreement", "established", "")]),
    # the founders of a named body; an incidental date between commas
    ("L'Université de Rennes et l'Inria ont fondé, le 4 avril, le groupement « Cyber Ouest ».",
     [({"Université de Rennes", "Institut national de recherche en sciences et technologies du numérique"},
       "alliance", "established", "")]),
    # a group that opens to a body: the body joins it; opening a campus is no such thing
    ("Le réseau Polytech s'ouvrira en 2026 à l'Université de Gand.",
     [({"Réseau Polytech", "Université de Gand"}, "membership", "planned", "2026")]),
    # a project carried by two bodies; "travailler avec"; an intention noun makes an act planned
    ("Le projet Hydro+, porté par l'Université de Pau et la société Teréga, a été retenu.",
     [({"Université de Pau", "Teréga"}, "cooperation", "established", "")]),
    ("L'Université d'Angers travaille avec le Centre national d'études spatiales depuis 2019.",
     [({"Université d'Angers", "Centre national d'études spatiales"}, "cooperation", "established", "2019")]),
    ("L'ESTACA et l'ESTP ont annoncé leur intention de fusionner.",       # ESTACA: the ministry's official name
     [({"École supérieure des techniques aéronautiques et de construction automobile",
        "École spéciale des travaux publics"}, "merger", "planned", "")]),
    # "dont il était membre" after a name and its acronym; "Elle compte … avec A et B": one act each
    ("L'UPEC quitte la communauté Université Paris-Est Sup (UPE Sup), dont elle était membre depuis 2015. Elle compte "
     "en revanche conclure des conventions avec l'Université Gustave Eiffel et l'ENPC.",
     [({"Université Paris-Est Créteil", "Université Paris-Est Sup"}, "membership", "established", "2015"),
      ({"Université Paris-Est Créteil", "Université Gustave Eiffel"}, "agreement", "planned", ""),
      ({"Université Paris-Est Créteil", "ENPC"}, "agreement", "planned", "")]),
    # a new clause after a colon or ", et" with its own subject is a frame of its own
    ("L'Université de Lille et l'Université de Liège ont signé un accord : les deux universités créeront un "
     "institut commun avec le CNRS.",
     [({"Université de Lille", "Université de Liège"}, "agreement", "established", ""),
      ({"Université de Lille", "Université de Liège", "Centre national de la recherche scientifique"},
       "alliance", "planned", "")]),
    # a company named alone, coordinated with a body, is a party (and no piece of the body's name)
    ("L'Université de Nancy et Total signent un accord-cadre.",
     [({"Université de Nancy", "Total"}, "agreement", "established", "")]),
    # a copula and a noun of membership: one body is a school of another
    ("Depuis 2019, l'ENSAT est une école de l'Institut national polytechnique de Toulouse.",
     [({"ENSAT", "Institut national polytechnique de Toulouse"}, "membership", "established", "2019")]),
    # the body a merger makes is its name, no party; a merger stated as done and as to come is one planned merger
    ("L'Université de Nîmes et l'Université de Montpellier fusionneront pour devenir, en 2027, l'Université "
     "Montpellier Occitanie.",
     [({"Université de Nîmes", "Université de Montpellier"}, "merger", "planned", "2027")]),
    ("L'Université de Nîmes et l'Université de Montpellier fusionnent. Au 1er janvier 2027, l'Université de Nîmes "
     "et l'Université de Montpellier fusionneront.",
     [({"Université de Nîmes", "Université de Montpellier"}, "merger", "planned", "2027-01-01")]),
    # a merger counted in the lead ("cette fusion entre 3 écoles") and its bodies listed a few sentences on:
    # one merger of the listed bodies, named after the body it makes
    ("La nouvelle Université Sud Méditerranée entend devenir la référence du Sud\n\nLa chimie est le maître-mot "
     "qui a guidé cette fusion entre 3 écoles et universités du Sud. L'ensemble réunit 12 000 étudiants.\n\n"
     "Publié le 3 mars 2025\n\nLa course aux regroupements se poursuit. Après PSL, c'est au tour de l'Université "
     "Sud Méditerranée de voir le jour. Officiellement créée ce 1er janvier, elle rassemble trois établissements, "
     "à savoir l'Université de Nîmes, l'École nationale supérieure de chimie de Montpellier et l'Université de "
     "Perpignan Via Domitia.",
     [({"Université de Nîmes", "École nationale supérieure de chimie de Montpellier",
        "Université de Perpignan Via Domitia"}, "merger", "established", "2025-01-01")]),
    # the body where an event took place is no party, nor does it take the parties named after the comma with it
    ("A l'issue d'une journée de travaux au Collège de France, le CNRS et l'Inserm ont signé une convention.",
     [({"Centre national de la recherche scientifique", "Institut national de la santé et de la recherche médicale"},
       "agreement", "established", "")]),
    # after a colon, semicolons separate the items of one list; an apposition saying what a body is
    # ("une école de commerce") names no body it belongs to
    ("Le futur campus réunira trois écoles : l'Inseec (une école de commerce) ; l'ECE (une école d'ingénieurs) ; "
     "l'EPF.",
     [({"Inseec", "École centrale d'électronique", "EPF École d'ingénieurs"}, "alliance", "planned", "")]),
    # a department, a branch, an entity of another body is a part of it; a territory's "département" is a body
    ("L'École de management de Tours est un département de l'Université de Tours.",
     [({"École de management de Tours", "Université de Tours"}, "membership", "established", "")]),
    ("Le département du Loiret et l'Université d'Orléans signent une convention.",
     [({"Département du Loiret", "Université d'Orléans"}, "agreement", "established", "")]),
    # "entre A et B" after the relation noun names its parties, and only them
    ("Une délégation de l'Université de Tours s'est rendue à Dakar afin de signer une convention entre "
     "l'Université d'Orléans et l'Université Cheikh Anta Diop.",
     [({"Université d'Orléans", "Université Cheikh Anta Diop"}, "agreement", "established", "")]),
    # an apposition about the first subject closes before "et" and the second subject with its verb
    ("L'ENSAIT, membre de la Conférence des grandes écoles, et l'IAE fusionnent.",
     [({"École nationale supérieure des arts et industries textiles", "Conférence des grandes écoles"}, "membership",
       "established", ""),
      ({"École nationale supérieure des arts et industries textiles", "IAE"}, "merger", "established", "")]),
    # "X, composé de A et de B": a group and its members; the group names the alliance
    ("Le consortium Ulysseus, composé de l'Université de Séville et de l'Université Côte d'Azur, lance un master.",
     [({"Université de Séville", "Université Côte d'Azur"}, "alliance", "established", "")]),
    # "en sont membres": members of the group named before
    ("Le réseau Figure rassemble des écoles. Seules deux en sont membres (l'INSA Lyon et l'Université de Tours).",
     [({"Réseau Figure", INSA_LYON}, "membership", "established", ""),
      ({"Réseau Figure", "Université de Tours"}, "membership", "established", "")]),
    # a joint supervision is one act of all the bodies, not one per body joined
    ("L'ENSAT est placée sous la tutelle conjointe du ministère de la Santé et du ministère de la Recherche.",
     [({"ENSAT", "Ministère de la Santé", "Ministère de la Recherche"}, "membership",
       "established", "")]),
    # "le réseau" (the tagger reads "compte" as a noun) stands for the group; counting members states
    # a fact, not an intention ("compter" is one only with an infinitive)
    ("Le réseau Figure a été créé en 2012. Le réseau compte trois membres : l'Université de Tours, "
     "l'Université d'Orléans et l'INSA Centre Val de Loire.",
     [({"Réseau Figure", "Université de Tours"}, "membership", "established", ""),
      ({"Réseau Figure", "Université d'Orléans"}, "membership", "established", ""),
      ({"Réseau Figure", INSA_CVL}, "membership", "established", "")]),
    # the body that hosts a named alliance founds nothing: the alliance is its member
    ("Les écoles de la région, ainsi que l'École nationale supérieure de chimie de Rennes, ont donné naissance, en "
     "2020, à Bretagne Ingénierie, pôle d'ingénierie hébergé par l'Université de Rennes.",
     [({"École nationale supérieure de chimie de Rennes"}, "alliance", "established", "2020"),
      ({"Bretagne Ingénierie", "Université de Rennes"}, "membership", "established", "")]),
    # a unit's supervisors, joined by a slash in parentheses, are no parties of what the unit signs
    ("Le laboratoire LIMOS (UCA/CNRS) et la société Michelin ont signé un accord-cadre en 2024.",
     [({"LIMOS", "Michelin"}, "agreement", "established", "2024")]),
    # a joint lab's given name names the relation, no party; "associe", a verb here, is no "associé" (membership);
    # a lab named after its body is that lab
    ("Le laboratoire commun LUMEN associe le Laboratoire de Physique de l'Université de Tours et la société Thales.",
     [({"Laboratoire de Physique de l'Université de Tours", "Thales"}, "alliance", "established", "")]),
    # the State's contract of objectives and performance, by its acronym
    ("L'objectif est un COMP entre l'Université de Tours et l'État en 2025.",
     [({"Université de Tours", "État français"}, "agreement", "planned", "2025")]),
    # a body named through its office holder after the act ("…, ministre de …") is no party of it
    ("L'Université de Tours a signé une convention avec l'Université Laval, après une rencontre avec Marie Durand, "
     "ministre de l'Enseignement supérieur et de la Recherche.",
     [({"Université de Tours", "Université Laval"}, "agreement", "established", "")]),
    # a group and its counted members, unnamed: a membership in force, whatever the verb and the founding date
    ("Fondé en 2009, le réseau Figure entend défendre la place de ses 31 membres auprès des entreprises.",
     [({"Réseau Figure"}, "membership", "established", "")]),
]

NONE = [
    "La Villa Médicis est une école d'art à Rome.",              # a kind of school, no body of it
    "Le réseau Polytech ouvrira un campus au Maroc en 2026.",
    "Aix-Marseille Université et l'Université de Montpellier figurent dans le classement.",
    "Aix-Marseille Université et l'Université de Montpellier font leur entrée dans le top 200.",
    "Une fusion entre l'UPEC et l'Université Gustave Eiffel n'est pas à l'ordre du jour.",
    "Le directeur de Centrale Lyon s'est exprimé devant les étudiants de l'Université de Lyon.",
    "Les deux partenaires souhaitent accompagner la création de start-up.",
    "Où en est le rapprochement entre l'Université de Pau et l'Université de Bordeaux ?",
    # the employers of people named by a plural title, and the bodies coordinated with them, are no parties
    "Le réseau Udice accueille trois nouveaux membres après l'élection des présidents de l'Université de Lyon "
    "et de l'Université de Grenoble.",
    # people who join a programme or a body bring no membership of their institution
    "Dès 2026, les doctorants de l'Université de Tours pourront intégrer le programme d'excellence de Sorbonne "
    "Université.",
    # bodies joined, members unnamed: the groups are not members of each other
    "Le consortium réunit des universités de premier plan, membres de la CGE ou de la CDEFI.",
    # a university's counted staff are no members of a group
    "L'Université de Tours et ses 1 200 membres du personnel accueillent les lycéens.",
    # … nor does the degree they earn there
    "Dès 2026, les élèves ingénieurs de l'Université de Tours pourront rejoindre le cursus de Sorbonne Université "
    "et obtenir un double diplôme.",
]


def rows(doc):
    return [({o.name for o in p.parties}, p.kind, p.status, p.date) for p in doc._.partnerships]


@pytest.mark.parametrize("text,expected", CASES)
def test_partnerships(analyse, text, expected):
    assert rows(analyse(text)) == expected


@pytest.mark.parametrize("text", NONE)
def test_no_partnership(analyse, text):
    assert rows(analyse(text)) == []


def test_founding_names_the_partnership_and_counted_schools_are_listed_after(analyse):
    doc = analyse("Ce lundi 3 mars 2025, l'IMT et 3 écoles de Bretagne ont noué un partenariat pour fonder IMT Ouest. "
                  "Télécom Paris, Mines Nancy et l'EPITA s'allieront sous une bannière commune.")
    (p,) = doc._.partnerships
    assert {o.name for o in p.parties} == {"Institut Mines-Télécom", "Télécom Paris", "Mines Nancy",
                                                "École pour l'informatique et les techniques avancées"}
    assert (p.kind, p.status, p.date, p.name) == ("alliance", "established", "2025-03-03", "IMT Ouest")


def test_a_body_after_a_date_and_a_is_a_venue_not_a_party(analyse, nlp):
    from extract.partnerships import parties
    from extract.partnerships.document import _context

    doc = analyse("Le projet a été annoncé le 5 juillet à la CCI Lyon Métropole, avec l'Université de Lyon.")
    ctx = _context(doc, nlp.get_pipe("hesr_partnerships").lexicons)
    starts = {org.name: s for s, _, org in ctx.actors.mentions}
    assert parties.not_a_party(ctx, starts["CCI Lyon Métropole"], 0, 0)
    assert not parties.not_a_party(ctx, starts["Université de Lyon"], 0, 0)


def test_what_a_founding_verb_names_in_quotes_is_its_name_whatever_its_case(analyse):
    doc = analyse("L'Université de Lyon et l'INSA Lyon vont créer le « collège des métiers de l'énergie ».")
    (p,) = doc._.partnerships
    assert (sorted(o.name for o in p.parties), p.kind, p.status, p.name) == (
        [INSA_LYON, "Université de Lyon"], "alliance", "planned", "collège des métiers de l'énergie")
    # founding is also a commitment of the founders
    assert [doc.text[g.start:g.end] for g in doc._.goals] == ["créer le « collège des métiers de l'énergie"]


def test_the_documents_own_dateline_dates_no_relation(analyse):
    doc = analyse("L'Université de Tours signe des accords avec Airbus et Safran\n"
                  "Le 26/03/2024 à 9:00 par La Rédaction\nLes accords portent sur la formation des apprentis.")
    assert str(doc._.publication_date) == "2024-03-26"
    assert [(sorted(o.name for o in p.parties), p.date) for p in doc._.partnerships] == [
        (["Airbus", "Université de Tours"], ""), (["Safran", "Université de Tours"], "")]


def test_a_group_formed_by_its_members_names_the_alliance(analyse):
    doc = analyse("Le consortium Ulysseus, composé de l'Université de Séville et de l'Université Côte d'Azur, "
                  "lance un master.")
    (p,) = doc._.partnerships
    assert p.name == "Ulysseus"


def test_the_body_born_of_a_merger_names_it(analyse):
    doc = analyse("L'Institut de Tours résulte du rapprochement de l'École de Blois et de l'École de Chinon.")
    (p,) = doc._.partnerships
    assert (p.name, {o.name for o in p.parties}) == ("Institut de Tours", {"École de Blois", "École de Chinon"})


def test_a_relation_stated_inside_brackets_takes_its_parties_there(analyse):
    doc = analyse("Placées sous tutelle du ministère de l'Agriculture, neuf écoles (deux écoles créées par fusion "
                  "et une filiale, l'IAE de Tours) deviennent écoles internes du groupe.")
    assert not any({"IAE de Tours", "Ministère de l'Agriculture"} <= {o.name for o in p.parties}
                   for p in doc._.partnerships)
