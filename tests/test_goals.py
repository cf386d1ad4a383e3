"""The goals component on texts written for these tests (SPEC §3): text, actor, horizon."""
import pytest

UNIV_TOURS = "Université de Tours"

CASES = [
    # "avoir l'intention de" and "travailler à" + infinitive commit; denied, the noun commits to nothing
    ("L'Université de Tours a l'intention de créer une école de santé et travaille à renforcer ses liens avec "
     "les hôpitaux.",
     [("créer une école de santé", UNIV_TOURS, ""), ("renforcer ses liens avec les hôpitaux", UNIV_TOURS, "")]),
    # an anaphor continues the previous subject unless the text named another body with that noun (the data's
    # name of a body written as its acronym does not count)
    ("L'ESSCA et l'ESC Clermont Business School échangent. L'ESC Clermont a signé un accord avec l'Université "
     "Clermont Auvergne. L'école compte poursuivre cette coopération.",
     [("poursuivre cette coopération", "ESC Clermont Business School", "")]),
    # bodies coordinated as a subject share it, their acronyms in parentheses passed over: a joint aim
    ("L'Université de Tours (UT) et l'Université d'Orléans (UO) proposeront un master conjoint.",
     [("proposeront un master conjoint", None, "")]),
    # "des N prochaines années" is a period from the anchor's year, like "les N prochaines années"
    ("Publié le 28 août 2025. Au cours des trois prochaines années, l'Université de Tours entend rénover deux "
     "bibliothèques.",
     [("rénover deux bibliothèques", UNIV_TOURS, "2025/2028")]),
    # using means aims at their purpose; mobilising people is an aim of its own
    ("L'Université de Tours entend utiliser ce financement pour créer une école de santé. Elle veut mobiliser "
     "ses laboratoires pour développer l'IA.",
     [("créer une école de santé", UNIV_TOURS, ""), ("mobiliser ses laboratoires", UNIV_TOURS, "")]),
    # a date past when the text was written bounds no aim
    ("Tours, le 4 juillet 2025 – L'Université de Tours souhaite renforcer le réseau lancé en mars dernier avec "
     "ses partenaires et ouvrir un campus en 2027.",
     [("renforcer le réseau lancé en mars dernier avec ses partenaires", UNIV_TOURS, ""),
      ("ouvrir un campus", UNIV_TOURS, "2027")]),
    # a sentence that opens on a participial phrase has its subject after the comma, for the next "Elle"
    ("La Fondation de l'Université de Tours accueille trois mécènes. Michelin s'engage à accueillir vingt "
     "apprentis. Créée en 2015, la Fondation compte désormais 45 entreprises partenaires. Elle ambitionne de "
     "lever 10 millions d'euros.",
     [("accueillir vingt apprentis", "Michelin", ""),
      ("lever 10 millions d'euros", "Fondation de l'Université de Tours", "")]),
    # the period a partnership or a regional plan is concluded for bounds the commitments the text states
    ("L'Université de Tours et la Ville de Blois ont signé un accord. Ce partenariat, conclu pour la période "
     "2025-2029, a pour objectif de construire 500 logements étudiants.",
     [("construire 500 logements étudiants", None, "2025/2029")]),
    ("Le schéma régional de l'enseignement supérieur de la Région Centre-Val de Loire a été adopté pour la "
     "période 2023-2028. La Région veut soutenir les formations en santé.",
     [("soutenir les formations en santé", "Région Centre-Val de Loire", "2023/2028")]),
    # a date a detached past participle governs says when something was done: no horizon (a passive future's
    # is one: "Un nouveau bâtiment sera ouvert à Blois en 2026" below)
    ("Créée en 1990, l'Université de Tours veut renforcer son partenariat avec l'Université Laval, signé en 2017.",
     [("renforcer son partenariat avec l'Université Laval", UNIV_TOURS, "")]),
    # a percentage closing an objective keeps its sign, in a sentence as in a list
    ("L'Université de Tours souhaite porter la part des boursiers à 30 %. Ses ambitions :\n"
     "- accroître la part des femmes parmi ses élèves à 40 % ;\n- porter à 20 % la part d'apprentis.",
     [("porter la part des boursiers à 30 %", UNIV_TOURS, ""),
      ("accroître la part des femmes parmi ses élèves à 40 %", UNIV_TOURS, ""),
      ("porter à 20 % la part d'apprentis", UNIV_TOURS, "")]),
    ("L'Université de Tours souhaite ouvrir un institut du numérique afin de former davantage d'ingénieurs.",
     [("ouvrir un institut du numérique", UNIV_TOURS, "")]),
    # an anaphor in subject position continues the topic, unless its noun names another body and not the topic
    ("La Région Occitanie et le ministère de l'Enseignement supérieur et de la Recherche signent une convention. "
     "La Région finance le nouveau campus. Le ministère entend doubler les bourses d'ici 2027.",
     [("doubler les bourses", "Ministère de l'Enseignement supérieur et de la Recherche", "/2027")]),
    ("L'Université de Caen Normandie présente son plan\n\nD'ici 2027, l'établissement ambitionne de doubler le "
     "nombre de ses apprentis et de renforcer ses liens avec les entreprises.",
     [("doubler le nombre de ses apprentis", "Université de Caen Normandie", "/2027"),
      ("renforcer ses liens avec les entreprises", "Université de Caen Normandie", "/2027")]),
    # "la collectivité" stands for the local authority named before, whatever the main actor
    ("L'Université de Rennes reçoit le président de la région Bretagne. La collectivité voulait faire de "
     "l'industrie sa priorité.",
     [("faire de l'industrie sa priorité", "Région Bretagne", "")]),
    ("L'objectif est de recruter 50 enseignants-chercheurs d'ici 2026.",
     [("recruter 50 enseignants-chercheurs", None, "/2026")]),
    ("L'Université de Rennes créera un centre de langues en 2025.",
     [("créera un centre de langues", "Université de Rennes", "2025")]),
    ("Le plan stratégique 2024-2028 de l'École centrale de Lyon s'articule autour de trois axes :\n\n"
     "- Renforcer la recherche partenariale ;\n- Développer l'apprentissage ;\n"
     "- Accroître la mobilité internationale des étudiants.",
     [("Renforcer la recherche partenariale", "École centrale de Lyon", "2024/2028"),
      ("Développer l'apprentissage", "École centrale de Lyon", "2024/2028"),
      ("Accroître la mobilité internationale des étudiants", "École centrale de Lyon", "2024/2028")]),
    ("Devenir une université européenne de référence\n\nL'Université de Lorraine veut attirer davantage "
     "d'étudiants étrangers.",
     [("Devenir une université européenne de référence", "Université de Lorraine", ""),
      ("attirer davantage d'étudiants étrangers", "Université de Lorraine", "")]),
    # "nous" in a quotation: the speaker's institution, introduced earlier with the speaker
    ("Le CNRS et l'Université Jean Monnet signent un accord\n\nClaire Martin, présidente de l'Université Jean "
     "Monnet, et Pierre Durand, directeur du CNRS, étaient présents.\n\n« Nous voulons ouvrir un campus à Dakar », "
     "explique Claire Martin.",
     [("ouvrir un campus à Dakar", "Université Jean Monnet Saint-Étienne", "")]),
    ("L'Université de Tours recrute\n\nLe développement de l'alternance est une priorité.",
     [("Le développement de l'alternance", UNIV_TOURS, "")]),
    ("L'Université de Tours lance un plan de recrutement, avec pour objectifs la diversité des profils et "
     "une hausse des effectifs.",
     [("la diversité des profils", UNIV_TOURS, ""), ("une hausse des effectifs", UNIV_TOURS, "")]),
    ("L'Université de Tours veut développer la formation continue, notamment dans le numérique.",
     [("développer la formation continue", UNIV_TOURS, "")]),
    # the same objective stated twice is one goal
    ("Ouvrir l'université sur son territoire\n\nL'Université de Tours souhaite ouvrir l'université sur son territoire.",
     [("Ouvrir l'université sur son territoire", UNIV_TOURS, "")]),
    # several bodies commit together: no single actor
    ("L'Université de Nîmes et l'Université de Montpellier envisagent de mutualiser leurs bibliothèques.",
     [("mutualiser leurs bibliothèques", None, "")]),
    ("Pour 2026, Sorbonne Université et le CNRS se donnent deux priorités :\n\n- ouvrir un institut de la mer ;\n"
     "- recruter dix chercheurs.",
     [("ouvrir un institut de la mer", None, "2026"), ("recruter dix chercheurs", None, "2026")]),
    # a gerund after a comma states the means: the objective stops before it
    ("L'Université de Lille vise à soutenir le développement des territoires, en favorisant le rayonnement de "
     "la région.",
     [("soutenir le développement des territoires", "Université de Lille", "")]),
    # no one commits to a passive's complement, a condition, nor what "sans" denies; a reservation ends an objective
    ("La livraison des locaux est prévue à ce stade pour la fin de l'année.", []),
    ("C'est un axe essentiel si les diplômés souhaitent améliorer leur employabilité.", []),
    ("Les écoles vont regrouper leurs forces, sans envisager de fusion.", [("regrouper leurs forces", None, "")]),
    # "et de C à D" after a verb's "de A à B": the same verb's second change of figures is a goal of its own;
    # two ranges of places or fields stay one objective
    ("L'Université de Tours veut porter ses effectifs de 20 000 à 24 000 étudiants et de 900 chercheurs à 1 100.",
     [("porter ses effectifs de 20 000 à 24 000 étudiants", UNIV_TOURS, ""),
      ("de 900 chercheurs à 1 100", UNIV_TOURS, "")]),
    ("L'Université de Tours veut étendre son réseau de la Loire à la Manche et de la chimie à la biologie.",
     [("étendre son réseau de la Loire à la Manche et de la chimie à la biologie", UNIV_TOURS, "")]),
    # a short phrase between commas may part the objective noun from its copula; a speaker's incise ends the
    # objective, not the list it is in
    ("L'Université de Namur recrute. « Notre ambition, à Namur, est de doubler le nombre de doctorants, "
     "précise la rectrice Anne Dupont, et de créer une école doctorale. »",
     [("doubler le nombre de doctorants", "Université de Namur", ""),
      ("créer une école doctorale", "Université de Namur", "")]),
    # an agreement or a partnership holding an objective commits its parties together
    ("L'ESSEC s'engage au Maroc\n\nL'ESSEC et l'Université Mohammed V ont signé une convention. Ce partenariat a "
     "pour ambition de structurer une collaboration durable.", [("structurer une collaboration durable", None, "")]),
    # the aim of an act signed with partners left unnamed is theirs together, not the one named body's
    ("Le CNRS et onze autres organismes ont signé une charte pour accélérer la transition écologique.",
     [("accélérer la transition écologique", None, "")]),
    # "Parmi ceux-ci figure …": the pronoun stands for the list noun of the sentence before
    ("L'Université de Tours a défini ses leviers d'action. Parmi ceux-ci figure le développement de l'alternance.",
     [("le développement de l'alternance", UNIV_TOURS, "")]),
    # the points of an enumeration, each opened by an ordinal subject; an apposition that labels a point
    # ("un enjeu majeur …") is no part of it
    ("L'Université de Tours présente son plan. Le premier point consiste à doubler le nombre d'apprentis. Le "
     "deuxième porte sur l'ouverture de deux campus, un enjeu majeur pour la région. Le dernier, enfin, réside "
     "dans le recrutement de chercheurs.",
     [("doubler le nombre d'apprentis", UNIV_TOURS, ""), ("l'ouverture de deux campus", UNIV_TOURS, ""),
      ("le recrutement de chercheurs", UNIV_TOURS, "")]),
    ("L'Université de Tours veut renforcer ses partenariats, un axe majeur de son projet.",
     [("renforcer ses partenariats", UNIV_TOURS, "")]),
    # where a body puts the accent is its objective
    ("L'Université de Tours met l'accent sur la formation continue.", [("la formation continue", UNIV_TOURS, "")]),
    # a copula, an adverb and a list noun ("est également une priorité", "un point de vigilance") make the subject
    # an objective
    ("L'Université de Tours présente son plan. Le recrutement de doctorants est également une priorité.",
     [("Le recrutement de doctorants", UNIV_TOURS, "")]),
    ("L'Université de Tours présente son plan. La rénovation des amphithéâtres est un point de vigilance.",
     [("La rénovation des amphithéâtres", UNIV_TOURS, "")]),
    # an apposition that says what a body is ends the objective that names the body
    ("L'Université de Tours veut accueillir une antenne de l'Inserm, le grand institut de recherche qui étudie la "
     "santé.", [("accueillir une antenne de l'Inserm", UNIV_TOURS, "")]),
    # the circumstances of an objective are no part of it
    ("L'Université de Tours veut accroître son attractivité dans un contexte de forte concurrence.",
     [("accroître son attractivité", UNIV_TOURS, "")]),
    # a second figure with its own date, the verb and the noun left out: a second target; a figure with
    # its own noun is part of one objective
    ("L'Université de Tours veut accueillir 500 apprentis en 2026 et 800 en 2028.",
     [("accueillir 500 apprentis", UNIV_TOURS, "2026"), ("800", UNIV_TOURS, "2028")]),
    ("L'Université de Tours veut accueillir 500 apprentis et 800 stagiaires.",
     [("accueillir 500 apprentis et 800 stagiaires", UNIV_TOURS, "")]),
    # a future whose subject is a date, or a cohort of students, describes; no body commits
    ("Le 1er septembre 2027 ouvrira une nouvelle étape du rapprochement.", []),
    ("La promotion inaugurale fera ses premiers pas sur le campus en 2027.", []),
    # a present participle's objective ends before the main clause's verb
    ("Un accord-cadre visant à l'échange d'étudiants a été signé par l'Université de Lille avec le CNRS.",
     [("l'échange d'étudiants", None, "")]),
    # a second colon lists what an objective rests on, not more objectives
    ("Cette démarche s'inscrit dans une ambition commune : bâtir une alliance durable, à la hauteur des enjeux, "
     "fondée sur des valeurs partagées : l'ouverture, l'excellence, la solidarité et l'engagement citoyen.",
     [("bâtir une alliance durable, à la hauteur des enjeux", None, "")]),
    # a list of partners is no objective; gathering them is one
    ("Les partenaires ont une ambition commune : le CNRS, l'Inria, l'Inserm et l'Ifremer.", []),
    ("L'alliance veut réunir l'Université de Lille, le CNRS, l'Inria et l'Inserm.",
     [("réunir l'Université de Lille, le CNRS, l'Inria et l'Inserm", None, "")]),
    # a future of gaining means: its purpose's infinitives are the goals; without a purpose, the means are
    ("L'Université de Lille va disposer de nouveaux moyens pour recruter des chercheurs et accroître son "
     "attractivité.",
     [("recruter des chercheurs", "Université de Lille", ""),
      ("accroître son attractivité", "Université de Lille", "")]),
    ("L'Université de Lille disposera de 50 000 m² de locaux.",
     [("disposera de 50 000 m² de locaux", "Université de Lille", "")]),
    # a merger's purpose that only says what it makes is no goal
    ("L'Université de Rennes et l'Université de Bretagne occidentale fusionnent pour devenir l'Université de "
     "Bretagne.", []),
    # a former body named as a site ("l'ex-CNET", "l'ancien Centre …") is not what the text is about
    ("Le groupe Galileo ouvre un campus sur le site de l'ex-CNET, l'ancien Centre national d'études des "
     "télécommunications (CNET). Le CNET formait des ingénieurs. C'est le groupe Galileo qui porte le projet. "
     "Le campus accueillera 500 étudiants en 2026.",
     [("Le campus accueillera 500 étudiants", "groupe Galileo", "2026")]),
    # "et de" + an infinitive after a purpose clause resumes the objectives opened by "de"
    ("L'Université de Lille a l'ambition de faire évoluer ses formations pour répondre aux besoins des "
     "entreprises et de simplifier ses procédures.",
     [("faire évoluer ses formations", "Université de Lille", ""),
      ("simplifier ses procédures", "Université de Lille", "")]),
    # "prévoir que": the clause is the objective, its subject (a body) commits; a parenthesis it opens closes
    ("L'accord prévoit que l'Université de Lille intègre en 2026 le Réseau Francophone des Ingénieurs (RFI).",
     [("que l'Université de Lille intègre en 2026 le Réseau Francophone des Ingénieurs (RFI)", "Université de Lille",
       "2026")]),
    # the means name where the effort goes ("une attention portée à A et à B, de même qu'à C"): each complement
    ("L'Université de Lille veut améliorer la vie étudiante. Cette volonté se traduira par une attention portée "
     "au logement étudiant et à la restauration, de même qu'à la santé des étudiants.",
     [("améliorer la vie étudiante", "Université de Lille", ""), ("logement étudiant", "Université de Lille", ""),
      ("la restauration", "Université de Lille", ""), ("la santé des étudiants", "Université de Lille", "")]),
    # a merger's aim, no body dominating the text: the body named first in the merger (the absorbing one)
    ("La fusion entre l'Université de Rennes et l'Université de Bretagne occidentale a été votée. La fusion "
     "permettra de renforcer la recherche.",
     [("renforcer la recherche", "Université de Rennes", "")]),
    # a merger whose subject is a new body announced before ("Ce nouvel établissement sera issu du rapprochement
    # de A et de B"): its aims are that body's; "mariage" is a merger noun
    ("La Région a présenté l'École supérieure d'ingénieurs de Vendée. Ce nouvel établissement sera issu du "
     "rapprochement de l'École centrale de Nantes et de l'Université de Nantes. La fusion vise à renforcer la "
     "recherche.",
     [("renforcer la recherche", "École supérieure d'ingénieurs de Vendée", "")]),
    ("Le conseil régional a annoncé la création de l'École supérieure d'ingénieurs de Vendée. Ce nouvel "
     "établissement naîtra de la fusion de l'École centrale de Nantes et de l'Université de Nantes. Ce mariage "
     "permettra de renforcer la recherche.",
     [("Ce nouvel établissement naîtra de la fusion de l'École centrale de Nantes et de l'Université de Nantes",
       None, ""), ("renforcer la recherche", "École supérieure d'ingénieurs de Vendée", "")]),
    # an intention verb opening a colon list of infinitives separated by commas: each is a goal
    ("L'Université de Tours ambitionne de : former des ingénieurs, accueillir des doctorants, valoriser la "
     "recherche.",
     [("former des ingénieurs", "Université de Tours", ""), ("accueillir des doctorants", "Université de Tours", ""),
      ("valoriser la recherche", "Université de Tours", "")]),
    # a fronted phrase ends at its comma: the body after it is the subject, alone
    ("Membre de l'alliance Una Europa, l'Université de Tours souhaite développer les mobilités.",
     [("développer les mobilités", "Université de Tours", "")]),
    # "Parmi les priorités de X figure Y": a long list noun phrase, the body whose list it is
    ("Parmi les priorités du nouveau plan stratégique de l'Université de Tours figure l'ouverture à "
     "l'international.",
     [("l'ouverture à l'international", "Université de Tours", "")]),
    # what brackets hold before the verb is an aside, not the subject
    ("L'Institut Mines-Télécom élargit son périmètre. Désormais, neuf écoles (trois écoles des Mines et une "
     "filiale, l'IAE de Tours) vont accroître leur attractivité.",
     [("accroître leur attractivité", "Institut Mines-Télécom", "")]),
    # a relation noun as the subject of a future: the aim is the parties', its text starts at the verb
    ("L'Université de Tours et l'Université d'Orléans ont signé une convention. Selon la Région, ce partenariat "
     "« renforcera l'attractivité du territoire ».",
     [("renforcera l'attractivité du territoire", None, "")]),
    # the day the text is dated, before the goal, is when it was announced, no horizon
    # (the aim of an agreement's participle is its parties' together, as real2's gold reads "un accord cadre …
    # visant à": no single actor)
    ("Tours, le 22 mai 2024 – L'Université de Tours a signé une entente visant à créer un pôle de santé.",
     [("créer un pôle de santé", None, "")]),
    # a plan the text's money falls under ("au titre du contrat de plan … 2021-2027") is no strategy of the text:
    # neither its owner nor its period goes to the goals
    ("L'Université de Tours et l'Université d'Orléans créent un institut. Objectifs :\n- attirer davantage "
     "d'étudiantes ;\n- renforcer la recherche.\nLa Région Centre-Val de Loire apportera 2 millions d'euros au titre "
     "du contrat de plan État-Région 2021-2027.",
     [("attirer davantage d'étudiantes", None, ""), ("renforcer la recherche", None, ""),
      ("apportera 2 millions d'euros au titre du contrat de plan État-Région", "Région Centre-Val de Loire",
       "2021/2027")]),
    # a wish in the conditional ("aimerait"); "l'enjeu … est de" with its holder after "pour"
    ("L'Université de Tours aimerait développer l'apprentissage.",
     [("développer l'apprentissage", "Université de Tours", "")]),
    ("L'enjeu pour l'Université de Tours est de recruter davantage d'étudiants internationaux.",
     [("recruter davantage d'étudiants internationaux", "Université de Tours", "")]),
    # a shared objective opened by a colon: each infinitive, held jointly
    ("L'Université de Lille a signé un accord avec le CNRS autour d'un objectif partagé : favoriser "
     "l'innovation et renforcer la formation des ingénieurs.",
     [("favoriser l'innovation", None, ""), ("renforcer la formation des ingénieurs", None, "")]),
    # several bodies holding one intention; a second relative about the antecedent ends it
    ("Le document signe la volonté de l'Université de Lille, du CNRS et de l'Inria de refonder la recherche "
     "régionale, et qui se veut une réponse ambitieuse.",
     [("refonder la recherche régionale", None, "")]),
    # "il" continues the subject of the sentence before, even an anaphoric one
    ("L'Université de Brest et l'Ifremer créent le groupement « Mer Bretagne ». Le groupement souhaite attirer des "
     "chercheurs étrangers. Il entend aussi ouvrir un master commun.",
     [("attirer des chercheurs étrangers", "Mer Bretagne", ""), ("ouvrir un master commun", "Mer Bretagne", "")]),
    # an adverb inside "avoir pour ambition"; a "que" clause after "vouloir"
    ("L'INSA Lyon a par ailleurs pour ambition de diversifier ses recrutements. Elle veut que chaque élève "
     "effectue un stage à l'étranger.",
     [("diversifier ses recrutements", "Institut national des sciences appliquées de Lyon", ""),
      ("que chaque élève effectue un stage à l'étranger", "Institut national des sciences appliquées de Lyon", "")]),
    # a relative clause after the objective is not part of it, nor is its date the horizon
    ("L'Université de Lille souhaite créer un master avec l'Université de Gand, avec laquelle un accord a été "
     "signé en 2019.",
     [("créer un master avec l'Université de Gand", "Université de Lille", "")]),
    # a strategy titled without its owner, who is named with its period in the text
    ("# Plan stratégique 2025-2030\n\nL'Université d'Artois a présenté son plan stratégique pour 2025-2030.\n\n"
     "## Nos axes\n\n- Développer la recherche partenariale.\n- Ouvrir deux antennes.",
     [("Développer la recherche partenariale", "Université d'Artois", "2025/2030"),
      ("Ouvrir deux antennes", "Université d'Artois", "2025/2030")]),
    # a quoted objective; the speaker's institution named by an anaphor, not a body of the next sentence
    ("L'Université de Perpignan présente son projet. Son président souhaite « renforcer l'identité catalane de "
     "l'université ».",
     [("renforcer l'identité catalane de l'université", "Université de Perpignan Via Domitia", "")]),
    ("Thales soutient la chaire. « Nous voulons former cent ingénieurs », souligne la présidente de l'Université "
     "de Nice. Thales prévoit de recruter vingt docteurs.",
     [("former cent ingénieurs", "Université de Nice", ""), ("recruter vingt docteurs", "Thales", "")]),
    # commitments of an agreement, or of a body yet to be created, have no single actor
    ("L'Université de Tours et le CHU de Tours signent une convention.\n\nLa convention fixe deux engagements :\n"
     "- recruter dix internes ;\n- ouvrir un centre d'essais.",
     [("recruter dix internes", None, ""), ("ouvrir un centre d'essais", None, "")]),
]

CASES += [
    # several bodies commit together: no one actor, even when another reading of the goal names one
    ("L'Université de Tours et l'Université d'Orléans signent un accord. Les universités se fixent pour "
     "objectif de créer un master commun.",
     [("créer un master commun", None, "")]),
    # an editor's cut "[…]" ends a line of a quoted list of aims
    ("L'École centrale de Lyon précise ses objectifs : « Accélérer la recherche en chimie […]\n"
     "Avoir un impact sur les territoires […]\nRenforcer l'apport de l'École aux politiques publiques […] »",
     [("Accélérer la recherche en chimie", "École centrale de Lyon", ""),
      ("Avoir un impact sur les territoires", "École centrale de Lyon", ""),
      ("Renforcer l'apport de l'École aux politiques publiques", "École centrale de Lyon", "")]),
]

CASES += [
    # the members of the group a text is about, acting together, act as the group; two bodies outside it, jointly
    ("Le réseau Figure grandit\n\nLe réseau Figure réunit l'Université de Tours, l'Université d'Orléans et l'INSA "
     "Centre Val de Loire. L'Université de Tours, l'Université d'Orléans et l'INSA Centre Val de Loire vont créer un "
     "master commun. L'Université de Tours et le CNRS vont ouvrir un laboratoire.",
     [("créer un master commun", "Réseau Figure", ""), ("ouvrir un laboratoire", None, "")]),
    # "les partenaires" names the parties, not their relation: the group's members act as the group
    ("Le réseau Figure grandit\n\nLe réseau Figure réunit l'Université de Tours, l'Université d'Orléans et l'INSA "
     "Centre Val de Loire. Les trois partenaires comptent créer un master commun.",
     [("créer un master commun", "Réseau Figure", "")]),
    # "nous" in a quotation several speakers voice ("précisent-ils") commits them together; one speaker's, the body
    ("L'Université de Tours présente son plan. « Nous voulons doubler nos effectifs d'ici 2030 », précisent-ils. "
     "« Nous voulons ouvrir un campus », souligne la présidente.",
     [("doubler nos effectifs", None, "/2030"), ("ouvrir un campus", UNIV_TOURS, "")]),
    # with no main actor, "notre" and "nous" in a quotation are the speaker's body; a head's bare title (no "de …")
    # names the text's own, the body it names first; a later sentence of the quotation has the same speaker
    ("Accord-cadre entre l'Université de Namur et l'Université de Montréal\nL'accord a été signé le 3 mars 2025. "
     "« Notre objectif est d'accueillir davantage d'étudiants québécois, précise le recteur Paul Lambert. Nous "
     "comptons aussi ouvrir un master commun. »",
     [("accueillir davantage d'étudiants québécois", "Université de Namur", ""),
      ("ouvrir un master commun", "Université de Namur", "")]),
    # "nous" outside any quotation is the text's own voice: the owner of its strategy, even when no body dominates
    ("Notre stratégie 2030\nL'Université de Bordeaux s'est dotée d'un projet stratégique à l'horizon 2030, avec le "
     "CNRS et l'Inserm comme partenaires.\nNous voulons que chaque diplômé ait suivi un cours sur le climat "
     "d'ici 2027.",
     [("que chaque diplômé ait suivi un cours sur le climat", "Université de Bordeaux", "/2027")]),
    # "notre" before an objective noun is the speaker's body, whatever the clause's subject
    ("Thales et l'Université de Tours ont signé. « Ce projet traduit notre volonté de peser dans la transition "
     "énergétique », affirme le directeur de l'Université de Tours.",
     [("peser dans la transition énergétique", "Université de Tours", "")]),
    # a singular pronoun after several bodies that sign an act stands for the act: their aim together; after one
    # body, that body
    ("L'Université de Tours et l'Université d'Orléans ont signé un accord. Il prévoit de créer un master.",
     [("créer un master", None, "")]),
    ("L'Université de Tours a signé un accord avec l'Université d'Orléans. Elle prévoit de créer un master.",
     [("créer un master", "Université de Tours", "")]),
    # several bodies coordinated as a subject are no topic an anaphor continues (it took the one nearest the verb)
    ("L'Université Laval et l'Université de Bordeaux signent une entente\nQuébec, 10 février 2025 — L'Université "
     "Laval et l'Université de Bordeaux ont conclu une entente. Dès l'automne 2025, dix étudiants de chaque "
     "établissement pourront partir.\nCette entente s'ajoute aux 600 accords que compte l'Université Laval. La "
     "rectrice souligne que l'établissement vise à doubler ses mobilités d'ici 2030.",
     [("doubler ses mobilités", "Université Laval", "/2030")]),
    # "qui" after a comma hangs on the body named right before it, or through its organ ("la direction de …")
    ("Centrale Marseille et Aix-Marseille Université discutent. « Rien n'est décidé », tempère la direction de "
     "l'école, qui souhaite préserver sa marque. Le projet est porté par Aix-Marseille Université, qui souhaite "
     "créer un pôle d'ingénierie.",
     [("préserver sa marque", "Centrale Méditerranée", ""), ("créer un pôle d'ingénierie", "Aix-Marseille Université",
                                                             "")]),
    # a body named through a person's title before an objective noun holds it ("Pour X, PDG d'Inria, l'objectif …")
    ("L'Université de Tours et l'Inria signent. Pour Bruno Martin, PDG d'Inria, l'objectif est de faire de Tours un "
     "pôle de référence.",
     [("faire de Tours un pôle de référence", "Institut national de recherche en sciences et technologies du "
                                              "numérique", "")]),
    # "il s'agira de" + infinitive: the aim is the infinitive's
    ("L'Université de Tours présente son plan. Il s'agira aussi de développer les doubles diplômes.",
     [("développer les doubles diplômes", "Université de Tours", "")]),
    # becoming a member of a group the text names is a partnership, not a goal
    ("L'Université de Tours a été retenue pour rejoindre l'alliance Figura. Elle en deviendra membre en 2026.", []),
    # a participle right after an agreement's noun ("un mémorandum d'entente visant à") states the act's aim: its
    # parties' together, even in a text about one of them
    ("L'Université de Tours renforce sa coopération\nL'Université de Tours et l'Université de Montréal ont signé un "
     "mémorandum d'entente visant à développer des programmes conjoints. L'Université de Tours recrute.",
     [("développer des programmes conjoints", None, "")]),
    # a date closing the objective goes with its preposition
    ("L'Université de Tours veut figurer dans le top 20 du classement de Shanghai dans les cinq prochaines années.",
     [("figurer dans le top 20 du classement de Shanghai", "Université de Tours", "")]),
    # a minister's bare title is no head of the text's body
    ("L'Université de Tours et l'Université d'Orléans signent une convention. « Ce texte aide nos facultés, "
     "explique le ministre Paul Roux. Nous voulons créer une école doctorale commune. »",
     [("créer une école doctorale commune", None, "")]),
    # a heading whose infinitive has no complement but its purpose keeps the purpose (its only content)
    ("L'Université de Tours présente son plan.\n\nStructurer pour agir\n\nLe plan repose sur quatre piliers.",
     [("Structurer pour agir", UNIV_TOURS, "")]),
    # a new thing in the passive future is what the text's body will make; a thing already there, inaugurated,
    # is only described
    ("L'Université de Tours grandit. Un nouveau bâtiment sera ouvert à Blois en 2026. Le nouveau bâtiment sera "
     "inauguré en mars.",
     [("Un nouveau bâtiment sera ouvert à Blois", UNIV_TOURS, "2026")]),
    # … so is a sentence of its own opened by an indefinite noun phrase and "qui" + a passive future; an
    # adjective after "seront" promises nothing
    ("L'Université de Tours ouvre un campus à Blois. Des licences qui seront aussi proposées en apprentissage. "
     "Des étudiants qui seront heureux.",
     [("licences qui seront aussi proposées en apprentissage", UNIV_TOURS, "")]),
    # a commitment in favour of something: what it favours, up to an adjunct; not a plan's announced parts
    ("L'Université de Tours et le CNRS réaffirment leur engagement commun en faveur de la formation des doctorants "
     "et de la recherche en chimie, au service des territoires. Le plan de l'Université de Tours s'articule autour "
     "de trois ambitions et d'un engagement transversal en faveur de la sobriété.",
     [("la formation des doctorants et de la recherche en chimie", None, "")]),
    # a new thing or an action planned for a date is a goal; an event planned for a date is not
    ("L'Université de Tours grandit. L'ouverture du campus de Blois est prévue en 2026. Le colloque prévu le "
     "12 mars est annulé.",
     [("ouverture du campus de Blois", UNIV_TOURS, "2026")]),
    # a future of pouvoir with a body or "nous" as subject commits; the speaker's title names the body
    ("Avec ce label, l'Université de Tours pourra ouvrir deux nouveaux masters.",
     [("ouvrir deux nouveaux masters", UNIV_TOURS, "")]),
    ("Le président de l'Université de Tours souhaite créer une école doctorale.",
     [("créer une école doctorale", UNIV_TOURS, "")]),
]

CASES += [
    # "> " opens list items as web pages pasted as text write them
    ("L'Université de Tours présente son plan. Le plan repose sur trois piliers :\n> Former les enseignants\n"
     "> Rénover les campus",
     [("Former les enseignants", UNIV_TOURS, ""), ("Rénover les campus", UNIV_TOURS, "")]),
    # the objective noun with a complement of its own before the copula; a body named twice, and no
    # other more than once, is the text's actor
    ("Le président de l'Université de Tours a présenté le schéma directeur. L'objectif de ce schéma est de "
     "réduire la consommation d'énergie de l'Université de Tours.",
     [("réduire la consommation d'énergie de l'Université de Tours", UNIV_TOURS, "")]),
    ("L'Université de Tours doit renforcer son identité et continuer à développer son modèle.",
     [("renforcer son identité", UNIV_TOURS, ""), ("continuer à développer son modèle", UNIV_TOURS, "")]),
    # the list's actor is the subject of its introduction's last sentence: an agreement's parties, jointly
    ("L'Université de Tours et la société Airbus signent une convention.\n"
     "Ce partenariat prolonge les projets menés avec l'Université de Tours. La convention comprend trois volets :\n"
     "- Soutenir la formation des apprentis,\n- Développer des projets de recherche.",
     [("Soutenir la formation des apprentis", None, ""), ("Développer des projets de recherche", None, "")]),
    # … but not when the relation noun only qualifies the head ("les axes de coopération que …")
    ("Les axes de coopération que l'Université de Tours souhaite développer avec Airbus sont :\n"
     "- la formation des apprentis ;\n- la recherche partenariale.",
     [("la formation des apprentis", UNIV_TOURS, ""), ("la recherche partenariale", UNIV_TOURS, "")]),
    # "tandis que" opens no relative: the intention after it stands
    ("L'Université de Tours recrute, tandis que l'Université d'Orléans veut doubler ses apprentis.",
     [("doubler ses apprentis", "Université d'Orléans", "")]),
    # what an agreement is to make possible: its parties' aims, jointly (a present "permet" describes)
    ("L'Université de Tours et la société Airbus signent un accord-cadre. Cet accord-cadre permettra d'ouvrir "
     "des stages et de financer des thèses.",
     [("ouvrir des stages", None, ""), ("financer des thèses", None, "")]),
    # a pronoun after a sentence that identifies its subject with a body, or whose subject is a place
    ("L'Université d'Orléans recrute. L'Université d'Orléans grandit. La première école à ouvrir sera "
     "l'Université de Tours. À Blois, elle accueillera cent étudiants.",
     [("accueillera cent étudiants", UNIV_TOURS, "")]),
    ("L'Université d'Orléans recrute. L'Université d'Orléans grandit. Enfin, Orléans va recevoir une antenne "
     "de l'Université de Tours. Déjà présente à Blois, elle va créer un master.",
     [("créer un master", UNIV_TOURS, "")]),
    # a body named in a gerund clause before the subject is no co-subject
    ("En rejoignant le réseau Polytech, l'Université de Tours souhaite développer l'apprentissage.",
     [("développer l'apprentissage", UNIV_TOURS, "")]),
    # an objective noun, a copula and a noun phrase (not an adjective)
    ("L'Université de Tours prépare son plan. L'objectif est une convention avec l'Université d'Orléans en 2026. "
     "L'objectif est ambitieux.",
     [("convention avec l'Université d'Orléans", UNIV_TOURS, "2026")]),
    # a participle and its agent between the objective noun and its infinitive: the agent holds the aim
    ("Le plan concrétise l'ambition portée par l'Université de Tours de doubler ses apprentis.",
     [("doubler ses apprentis", UNIV_TOURS, "")]),
    # an illustrating parenthesis ends the objective (an acronym spelt out does not); it still tells the theme
    ("L'accord comprend deux volets :\n- Soutenir la formation des étudiants (stages, alternances, bourses),\n"
     "- Mettre en place de nouveaux dispositifs (logement étudiant, accueil des étudiants internationaux).",
     [("Soutenir la formation des étudiants", None, ""), ("Mettre en place de nouveaux dispositifs", None, "")]),
    # the aim of a relation the sentence states: the parties' jointly, or the group's a body joins
    ("L'Université de Tours et la société Airbus ont signé un accord en vue de développer l'apprentissage.",
     [("développer l'apprentissage", None, "")]),
    ("L'ENSAIT a rejoint le réseau Polytech en 2024 pour accroître sa visibilité.",
     [("accroître sa visibilité", "Réseau Polytech", "")]),
    # … also when the parties are named in a footnote only
    ("Les trois organismes* ont signé une déclaration « pour renforcer la recherche sur le climat ».\n\n"
     "* CNRS, Inria et Inserm.",
     [("renforcer la recherche sur le climat", None, "")]),
    # … an action noun after the purpose cue is a nominal aim, from the noun on
    ("L'Université de Tours et le CNRS ont signé un accord pour la création d'un laboratoire commun de chimie.",
     [("création d'un laboratoire commun de chimie", None, "")]),
    # an agreement has two sides even when one is named: its aim is joint
    ("L'Université de Tours a signé avec le préfet Jean Martin une convention « Cordées » pour la création d'un "
     "internat d'excellence.",
     [("création d'un internat d'excellence", None, "")]),
    # not when the sentence states an aim of its own (the purpose only explains it) …
    ("L'Université de Tours souhaite conclure une convention avec l'Université d'Orléans afin de partager "
     "ses laboratoires.",
     [("conclure une convention avec l'Université d'Orléans", UNIV_TOURS, "")]),
]

NONE = [
    # a future that describes does not announce aims
    "Le futur bâtiment se distinguera par ses performances : isolation renforcée ; panneaux solaires.",
    "Les élèves de l'Université de Tours pourront suivre des cours à Orléans.",   # people, a possibility
    "La mise en place des comités a eu lieu l'an dernier.",        # "mise", a noun, is no form of "miser"
    "Les frais d'inscription ne changeront pas.",                    # a denied future promises nothing
    "L'Université de Tours n'envisage pas de rejoindre un autre regroupement.",
    "La décision prendra effet le 1er janvier 2026.",
    # what the future will see happen, or count, describes it
    "« Nous n'avons pas l'intention de fermer des formations », a précisé la présidente de l'Université de Tours.",
    "« Nous n'avons pas pour objectif de fermer des formations », a précisé la présidente de l'Université de Tours.",
    "Les chercheurs de l'Université de Tours travaillent à Blois depuis 1990.",
    "Les travaux du restaurant universitaire de l'Université de Tours, lancés en 2024, s'achèveront fin 2026.",
    "Le nouvel établissement de l'Université de Tours verra le jour en 2027 et comptera 30 000 étudiants.",
    "L'année 2026 verra l'ouverture du campus de l'Université de Tours.",
    "Cinq consortiums recevront au total 4 millions d'euros.",
    "Université européenne : l'alliance Aurora accueille deux nouveaux membres",   # the tagger reads a future
    "À l'heure actuelle, 30 % des étudiants sont en apprentissage.",
    "Les étudiants pourront suivre des cours en ligne dès la rentrée.",
    "La convention a été signée en 2020 par les deux universités.",
    "Télécharger le communiqué au format PDF",
    # a headline that reports a case states no aim
    "Gagner en notoriété grâce à une marque commune : l'exemple de l'Université de Tours\n\nL'Université de Tours "
    "a lancé sa marque en 2020.",
    # a list introduced as already done lists achievements
    "Le plan de l'Université de Tours a d'ores et déjà permis de structurer ses actions avec :\n\n"
    "• La création d'un service du développement durable ;\n• La création d'une école doctorale commune.",
    "Quels sont vos objectifs pour l'université ?",
    # an obligation commits only a named body, in the active voice
    "Toutes les universités doivent renouveler leurs conseils d'ici juin.",
    "Le nouveau campus de l'Université de Tours doit être livré en 2026 et réunira trois écoles : A ; B.",
    "Ce dispositif permet de financer des thèses.",
    # a present whose "-rons" only looks like a future's ("collaborons", not "collaborerons")
    "« Nous collaborons déjà étroitement dans les champs de l'enseignement », explique l'Université de Tours.",
    # people who wish, in a relative clause, commit no body
    "L'Université de Tours ouvre ses laboratoires aux étudiants étrangers qui veulent préparer une thèse.",
    # a future coordinated after the present of the same verb states what is and goes on being
    "« Le numérique et la formation continue jouent et joueront un rôle majeur dans ces transitions », affirme le "
    "président.",
    "L'Université de Tours et l'Université d'Orléans portent et porteront ensemble la formation des enseignants.",
    # "aimer" commits only in the conditional; "les enjeux" without a copula and an infinitive state none
    "L'Université de Tours aime travailler avec ses partenaires. Les enjeux climatiques sont nombreux.",
    # … nor when the purpose is the relation itself
    "L'Université de Tours et l'Université d'Orléans ont noué un partenariat pour fonder un institut commun.",
]


def rows(doc):
    return [(doc.text[g.start:g.end], g.actor.name if g.actor else None, g.horizon) for g in doc._.goals]


@pytest.mark.parametrize("text,expected", CASES)
def test_goals(analyse, text, expected):
    assert rows(analyse(text)) == expected


@pytest.mark.parametrize("text", NONE)
def test_no_goal(analyse, text):
    assert rows(analyse(text)) == []


def test_theme_follows_the_objective_words():
    from extract.goals import classify_theme
    from extract.rules import load_rules

    themes = [(r["theme"], tuple(r["stems"])) for r in load_rules().themes]
    assert classify_theme("développer des formations en apprentissage", themes) == "education"
    assert classify_theme("nouer des partenariats avec des établissements étrangers", themes) == "cooperation"
    assert classify_theme("accroître son attractivité auprès des étudiants", themes) == "attractiveness"
    assert classify_theme("améliorer le cadre", themes) == "other"
    # hyphenated stems match the hyphenated words of the text
    assert classify_theme("doubler le nombre de start-up créées", themes) == "innovation"
    assert classify_theme("accueillir davantage d'apprentis", themes) == "education"
    assert classify_theme("proposer des parcours hybrides", themes) == "education"   # a study track
    assert classify_theme("organiser une école d'été", themes) == "education"      # a summer school
    assert classify_theme("doubler les mobilités sortantes", themes) == "international"
    # acting abroad, or the opening to the world, is international even beside another theme's word;
    # foreign partners (an adjective) stay cooperation
    assert classify_theme("créer des antennes de formation à l'étranger", themes) == "international"
    assert classify_theme("accroître les échanges et l'ouverture à l'international", themes) == "international"
    assert classify_theme("développer ses partenariats et son ouverture internationale", themes) == "international"
    # student life is attractiveness (SPEC §3); partnership adjectives are cooperation
    assert classify_theme("lutter contre la précarité étudiante", themes) == "attractiveness"
    assert classify_theme("améliorer les conditions de vie sur le site", themes) == "attractiveness"
    assert classify_theme("multiplier les conventions partenariales avec les lycées", themes) == "cooperation"
    # a whole-word stem: "commun" is cooperation, "communication" is not
    assert classify_theme("améliorer la communication auprès des lycéens", themes) == "attractiveness"
    assert classify_theme("répondre en commun aux appels à projets", themes) == "cooperation"
    # beneficiaries after "pour" count less; the sector's own name counts nothing; joining is cooperation
    assert classify_theme("renforcer la mobilité pour nos doctorants et nos chercheurs", themes) == "international"
    assert classify_theme("faire évoluer le système d'enseignement supérieur et de recherche", themes) == "other"
    assert classify_theme("rejoindre le mouvement", themes) == "cooperation"
    assert classify_theme("se rassembler autour d'un projet unique", themes) == "cooperation"
    # a word counts once however many stems it matches ("attract", "attractivit"); cohesion is territory
    assert classify_theme("l'attractivité et la cohésion des territoires", themes) == "territory"
    # opening a campus somewhere is territory; its quality of life, attractiveness
    assert classify_theme("ouvrir un campus à Bourges", themes) == "territory"
    assert classify_theme("améliorer la qualité des campus", themes) == "attractiveness"
    # the fields listed after "dans les domaines de" count less than what the objective acts on
    assert classify_theme("approfondir leur partenariat dans les domaines de la recherche et de l'innovation",
                          themes) == "cooperation"
    # a whole-word stem: "ETI" (mid-sized companies) is innovation, "Saint-Étienne" is not
    assert classify_theme("soutenir les PME et les ETI du territoire", themes) == "innovation"
    assert classify_theme("ouvrir une antenne à Saint-Étienne", themes) == "other"
    # a change between two figures of students or staff is growth in recruitment; of euros, not
    assert classify_theme("porter ses effectifs de 20 000 à 24 000 étudiants", themes) == "attractiveness"
    assert classify_theme("de 900 chercheurs à 1 100", themes) == "attractiveness"
    assert classify_theme("porter son budget de 80 à 95 millions d'euros", themes) == "other"
    # urban planning is the territory
    assert classify_theme("rendre l'espace public urbain plus vivant autour du campus", themes) == "territory"
    # "cours" in a time phrase is no course; recognition is reputation
    assert classify_theme("structurer au cours des prochaines années le réseau", themes) == "cooperation"
    assert classify_theme("mieux reconnaître et valoriser l'université", themes) == "attractiveness"


def test_means_that_carry_out_stated_aims_are_goals(analyse):
    doc = analyse("L'Université de Nantes veut accroître son attractivité. Cela se traduira par la rénovation "
                  "des résidences ; la création d'un guichet unique et l'ouverture d'une crèche.")
    assert rows(doc)[1:] == [
        ("la rénovation des résidences", "Nantes Université", ""),
        ("la création d'un guichet unique", "Nantes Université", ""),
        ("l'ouverture d'une crèche", "Nantes Université", ""),
    ]
    # a clause that does not refer back to aims states none
    assert rows(analyse("Le tramway passe par la place du Marché et la gare.")) == []


def test_the_state_is_never_the_strategy_owner(analyse):
    doc = analyse("Le contrat d'objectifs 2024-2028 entre l'État et l'Université de Lille est signé. "
                  "L'université veut doubler le nombre de ses apprentis.")
    assert rows(doc) == [("doubler le nombre de ses apprentis", "Université de Lille", "2024/2028")]


def test_an_illustrating_parenthesis_tells_the_theme(analyse):
    doc = analyse("L'Université de Tours veut mettre en place de nouveaux dispositifs (logement étudiant, accueil "
                  "des étudiants internationaux, vie de campus).")
    (g,) = doc._.goals
    assert (doc.text[g.start:g.end], g.theme) == ("mettre en place de nouveaux dispositifs", "attractiveness")


def test_a_second_figure_shares_the_theme_of_its_target(analyse):
    doc = analyse("L'Université de Tours veut accueillir 500 apprentis en 2026 et 800 en 2028.")
    assert [(doc.text[g.start:g.end], g.theme) for g in doc._.goals] == [
        ("accueillir 500 apprentis", "education"), ("800", "education")]
