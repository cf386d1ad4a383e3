"""The organisations component on sentences written for these tests.

Marked spans are mentions: ``name`` is the canonical name the organisation
must get (the gazetteer's, or the text's own expansion), ``kind`` its kind.
Every organisation found must be marked, and every mark found.
"""
import pytest
from markup import parse

CASES = [
    # gazetteer, an acronym defined in the text, both apostrophes
    "<o name='Sorbonne Université' kind='university'>Sorbonne Université</o> (<o name='Sorbonne Université'>SU</o>) et "
    "l’<o name='Institut national de recherche en sciences et technologies du numérique' kind='public_body'>Inria</o> "
    "ont signé une convention. "
    "L'<o name='Institut national de recherche en sciences et technologies du numérique'>Inria</o> "
    "y consacre dix chercheurs.",
    "L’<o name='Université de technologie de Troyes' kind='university'>UTT</o> coopère avec "
    "l'<o name='Université de Reims Champagne-Ardenne' kind='university'>URCA</o>. Pour "
    "l'<o name='Université de technologie de Troyes'>UTT</o>, c'est un atout.",
    # an unknown body and its acronym are one organisation
    "Le <o name='Centre de recherche en mécatronique de Vannes' kind='other'>Centre de recherche en mécatronique de "
    "Vannes</o> (<o name='Centre de recherche en mécatronique de Vannes'>CRMV</o>) rejoint le réseau. Le "
    "<o name='Centre de recherche en mécatronique de Vannes'>CRMV</o> compte quarante chercheurs.",
    # companies introduced by what they are
    "L'<o name='Université Grenoble Alpes' kind='university'>UGA</o> s'associe à la société "
    "<o name='Quandela' kind='company'>Quandela</o> et à l'entreprise lyonnaise "
    "<o name='Nexeya' kind='company'>Nexeya</o>.",
    # unknown acronyms after an elided article; common acronyms are not bodies
    "Les élèves de l'<o name='ENSIBS' kind='school'>ENSIBS</o> et de l'<o name='ESIR' kind='school'>ESIR</o> suivront "
    "des cours sur l'IA et l'ESR.",
    # people, places, programmes and generic plurals are not organisations
    "Régis Martin, président de l'<o name='Université de Caen Normandie' kind='university'>Université de Caen "
    "Normandie</o>, a présenté à Lille le programme « France 2030 » aux écoles de la région.",
    # two coordinated names are two bodies
    "L'<o name='Université de Bergen' kind='university'>Université de Bergen</o> et l'<o name='Université de Gand' "
    "kind='university'>Université de Gand</o> rejoignent le consortium.",
    # a known name followed by a place names another body
    "<o name='Sorbonne Université Abu Dhabi' kind='university'>Sorbonne Université Abu Dhabi</o> ouvre un master.",
    # French writes ministries in lowercase; their names take a capital as the ministry writes it
    "L'école est placée sous la tutelle du <o name=\"Ministère de l'Agriculture\" kind='public_body'>ministère de "
    "l'Agriculture</o>.",
    # an acronym shared by several entries takes the one the text names in full
    "Le <o name='Centre régional des œuvres universitaires et scolaires de Lyon' kind='public_body'>Crous de Lyon</o> "
    "rénove ses résidences. Le <o name='Centre régional des œuvres universitaires et scolaires de Lyon'>Crous</o> "
    "financera les travaux.",
    # the noun that introduces a name gives its kind
    "L'université rejoint l'alliance <o name='Aurora' kind='group'>Aurora</o> et la fondation "
    "<o name='Maison Pour la Science' kind='other'>Maison Pour la Science</o>.",
    # a quoted name after the noun that says what it is; "le GIS" then stands for it, not for a body of its own
    "Trois écoles fondent le groupement d'intérêt scientifique « <o name='Océans Durables' kind='group'>Océans "
    "Durables</o> ». Le GIS réunit vingt laboratoires.",
    # a short form whose capitals are the initials of the words the full name has in their place
    "Le <o name='Centre hospitalier universitaire de Reims' kind='public_body'>Centre hospitalier universitaire de "
    "Reims</o> ouvre un institut. Le <o name='Centre hospitalier universitaire de Reims'>CHU de Reims</o> recrute.",
    # a head and an adjective opening a line are a common noun; "TU" opens a university's name
    "Université européenne : la <o name='TU Graz' kind='university'>TU Graz</o> rejoint l'alliance "
    "<o name='UNITE!' kind='group'>Unite!</o>.",
    # an acronym with a brand name after it; a lowercase phrase inside a name is no gazetteer hit
    # (the canonical name is the ministry's official one, from the open-data gazetteer)
    "L'<o name='École catholique des arts et métiers' kind='school'>École catholique d'arts et métiers</o> "
    "(<o name='École catholique des arts et métiers'>ECAM LaSalle</o>) ouvre un campus.",
    "La <o name='Station biologique de Roscoff' kind='other'>Station biologique de Roscoff</o> et le "
    "<o name=\"Centre national d'enseignement à distance\" kind='public_body'>Centre national d'enseignement à "
    "distance</o> coopèrent.",
    # an apposition says what a body is
    "L'<o name='Institut Carnot Chimie Balard' kind='group'>Institut Carnot Chimie Balard</o>, réseau de "
    "laboratoires, lance un appel.",
    # national research institutes are public bodies, "de recherche" or "de la recherche"
    "L'<o name='Institut national de la recherche agronomique' kind='public_body'>Institut national de la recherche "
    "agronomique</o> publie un rapport.",
    # a head and one lower-case word name a kind of body, not a body; a lower-case ministry is one all the same
    "Selon l'Institut de recherche, la future École d'architecture ouvrira en 2027.",
    "Le <o name='Ministère de la recherche' kind='public_body'>ministère de la recherche</o> soutient le projet.",
    # a ministry's name enumerates its portfolios; "et" and an article before a capital open another body
    "Le <o name='Ministère de la Culture, de la Communication et du Patrimoine' kind='public_body'>ministère de la "
    "Culture, de la Communication et du Patrimoine</o> soutient le projet.",
    "L'<o name='Institut polytechnique de Grenoble'>Institut polytechnique de Grenoble</o> et l'"
    "<o name='État français'>État</o> signent un contrat.",
    # an acronym the text never defines whose letters are the initials of a name of the text is that body
    "L'<o name='Université de Sherbrooke' kind='university'>Université de Sherbrooke</o> grandit : "
    "l'<o name='Université de Sherbrooke'>UdeS</o> ouvre un campus.",
    # the State is a party; a "diplôme d'État" names no body
    "L'<o name='Université de Lille' kind='university'>Université de Lille</o> signe un contrat avec l'"
    "<o name='État français' kind='public_body'>État</o>. Elle délivre des diplômes d'État.",
    # an unknown acronym and the place after it
    "Les étudiants de l'<o name='IUT Lyon' kind='school'>IUT Lyon</o> participent.",
    # a governing organ is no body, and the date after it is no part of a name
    "Le projet a été approuvé par le Conseil d'Administration du 26 septembre.",
    # an acronym of the gazetteer as the press writes it, after an elided article
    "Des chercheurs de l'<o name='École des hautes études en sciences sociales' kind='school'>Ehess</o> publient.",
    # mixed-case acronyms after an elided article (Belgian universities write them so); UCLouvain is known
    "L'<o name='ULg' kind='university'>ULg</o> et l'<o name='Université catholique de Louvain'>UCLouvain</o> "
    "signent un accord.",
    # an acronym of the gazetteer in title case before "de" and a capitalised place, and again later
    "L'<o name=\"École supérieure des sciences commerciales d'Angers\" kind='school'>Essca</o> ouvre un campus. "
    "<o name=\"École nationale supérieure de l'électronique et de ses applications de Cergy\" kind='school'>"
    "Ensea de Cergy</o> et <o name=\"École supérieure des sciences commerciales d'Angers\">Essca</o> "
    "signent un accord.",
    # the press writes "université" in lowercase before a place; "l'université de recherche" is a kind of body
    "Elle coopère avec l'<o name='Université de Kyoto' kind='university'>université de Kyoto</o>, "
    "une université de recherche.",
    # a name the data does not know that opens a longer name of the text is that body cut short
    "Le président de l'<o name='Université Marcel Pagnol Foulques'>Université Marcel Pagnol</o> s'exprime. "
    "L'<o name='Université Marcel Pagnol Foulques' kind='university'>Université Marcel Pagnol Foulques</o> grandit.",
    # a name the grammar finds once is a mention wherever else it stands (here before it is introduced)
    "<o name='Quandela' kind='company'>Quandela</o> recrute. La start-up <o name='Quandela'>Quandela</o> "
    "lève des fonds.",
    # companies named alone in a list after a company are companies, the whole list long
    "Le <o name='Centre national de la recherche scientifique'>CNRS</o> a signé des accords avec "
    "<o name='Sanofi' kind='company'>Sanofi</o>, <o name='Limagrain' kind='company'>Limagrain</o> et "
    "<o name='InVivo' kind='company'>InVivo</o>.",
    # a plural head shared by coordinated names: each is a body (the data's when it knows it); not after a count
    "Les <o name='Université de Nancy' kind='university'>universités de Nancy</o> et de "
    "<o name='Université de Metz' kind='university'>Metz</o> fusionnent ; les présidents des "
    "<o name='Université Grenoble Alpes'>universités de Grenoble Alpes</o> et "
    "<o name='Université Paris-Saclay'>Paris Saclay</o> se félicitent, comme 6 écoles d'Alsace et de Lorraine.",
    # names listed beside a body are bodies of its kind; places and people in such lists are not; a name in
    # parentheses right after a body is another name of it
    "Le campus réunira trois écoles : l'<o name='Ipsaro' kind='school'>Ipsaro</o> (une école de commerce) ; "
    "l'<o name='Institut national des sciences appliquées de Lyon' kind='school'>INSA Lyon</o> et "
    "<o name='Sup de Design'>Sup de Design</o>. "
    "L'<o name='Institut national des sciences appliquées de Lyon'>INSA Lyon</o> a aussi des antennes à Lyon, "
    "Paris et Lille.",
    "L'<o name='Université Marc Lafont' kind='university'>Université Marc Lafont</o> "
    "(<o name='Université Marc Lafont'>Nantes Trois</o>) recrute.",
    # a name restated in parentheses by a short name made of its words or their initials is one body; a
    # parenthesis of one word, or naming another body, is not (a lab and its parent; a word is no acronym)
    "L'<o name='Toulouse INP' kind='school'>Institut national polytechnique de Toulouse</o> "
    "(<o name='Toulouse INP'>Toulouse INP</o>) et l'<o name='Institut de chimie de Lyon'>Institut de chimie de "
    "Lyon</o> (<o name='Centre national de la recherche scientifique'>CNRS</o>) recrutent, comme le "
    "<o name='Laboratoire de physique de Rennes' kind='other'>Laboratoire de physique de Rennes</o> "
    "(<o name='Université de Rennes' kind='university'>Université de Rennes</o>).",
    # an academy is a body by its acronym; in lowercase before a place, an education district, none
    "L'<o name=\"Académie royale des sciences d'outre-mer\" kind='other'>Académie royale des sciences d'outre-mer</o> "
    "(<o name=\"Académie royale des sciences d'outre-mer\">ARSOM</o>) salue l'accord, comme les lycées de "
    "l'académie de Reims.",
    # a name restated in another language, the country after it, is one body
    "L'<o name='Université de Kanazumi' kind='university'>Université de Kanazumi</o> (<o name='Université de "
    "Kanazumi'>Kanazumi University</o>, Japon) recrute.",
    # English names put the head last, after several proper words
    "L'école a signé avec la <o name='Nankai Jiao Ming University' kind='university'>Nankai Jiao Ming University</o> "
    "et le <o name='Dunmore College' kind='school'>Dunmore College</o>.",
    # a head glued by a hyphen opens a compound, a place ("Centre-Val de Loire"); an introduced name may hold
    # one, its hyphen and particles not counted among its five words
    "Les internes formés en région Centre-Val de Loire et en Normandie rejoignent l'alliance "
    "<o name='Centre-Est Campus Santé Numérique' kind='group'>Centre-Est Campus Santé Numérique</o>.",
    # hospitals are bodies (authorities, as a CHU is); a town's "Agglomération" is its authority
    "L'école coopère avec les <o name='Hôpitaux universitaires de Lémanie' kind='public_body'>Hôpitaux "
    "universitaires de Lémanie</o> (<o name='Hôpitaux universitaires de Lémanie'>HUL</o>), l'<o name='Hôpital "
    "Sainte-Blandine' kind='public_body'>Hôpital Sainte-Blandine</o> et <o name='Quimperlé Agglomération' "
    "kind='public_body'>Quimperlé Agglomération</o>.",
    # Catalan and Spanish "i", "y" join a name's words
    "L'école coopère avec l'<o name='Université Ferrer i Guàrdia' kind='university'>Université Ferrer i "
    "Guàrdia</o>.",
    # a known name never starts inside a hyphenated compound: the longer name holds it
    "Le réseau <o name='Île-de-France Universités' kind='group'>Île-de-France Universités</o> réunit douze "
    "établissements. <o name='France Universités' kind='group'>France Universités</o> salue sa création.",
    # a brand word (one the model knows no lowercase word for) listed beside a body is a body, even where the
    # model takes it for a place or a person, and after "dont"; a town beside it is none
    "Le projet compte dix partenaires, dont <o name='Kervellec' kind='other'>Kervellec</o>, le "
    "<o name='Centre national de la recherche scientifique' kind='public_body'>CNRS</o> et "
    "<o name='Trivalor' kind='other'>Trivalor</o>. La Fondation accueille trois mécènes : "
    "<o name='Decathlon' kind='company'>Decathlon</o>, <o name='Lesaffre' kind='company'>Lesaffre</o> et "
    "<o name='Bonduelle' kind='company'>Bonduelle</o>, avec des sites à Lyon, Rennes et Brest.",
    # the noun that introduces a name gives its kind, at any mention; a plural head after a determiner gives
    # each name the singular's kind (after "de", "la communauté d'universités X", its own)
    "Quatre écoles ont formé un nouveau réseau : <o name='IngéNord' kind='group'>IngéNord</o>. Le réseau "
    "<o name='IngéNord'>IngéNord</o> est né du rapprochement des écoles "
    "<o name='Agrinova Ouest' kind='school'>Agrinova Ouest</o> et de la communauté d'universités de Rennes.",
    # an ordinal describes ("la cinquième université de France"); a name that differs from another only by
    # its particles is that body
    "L'<o name='Université Jean-Marc Lafont Nantes' kind='university'>Université Jean-Marc Lafont Nantes</o>, "
    "la cinquième université de France, recrute. L'<o name='Université Jean-Marc Lafont Nantes'>université de "
    "Jean-Marc Lafont</o> grandit.",
    # an acronym defined in parentheses with an apposition after its long form: the long form stops at the comma
    "L'<o name='Institut de gestion du Rhin' kind='school'>IGR</o> (<o name='Institut de gestion du Rhin'>Institut "
    "de gestion du Rhin</o>, membre de la <o name='Conférence des grandes écoles' kind='group'>Conférence des grandes "
    "écoles</o>) recrute.",
    # a known name extended by proper words, across hyphens and "d'"; a chair is no body; "le groupe X" is X
    "Le projet est financé par la <o name=\"Région Sud Provence-Alpes-Côte d'Azur\" kind='public_body'>Région Sud "
    "Provence-Alpes-Côte d’Azur</o>.\nChaire Durance : un programme de recherche",
    "L'<o name='Université de Lorraine'>Université de Lorraine</o> et <o name='Total'>Total</o> signent. "
    "Le <o name='Total'>groupe Total</o> finance des thèses.",
    # a head and lowercase words followed by a name say what that body is; a capitalised plural head after an
    # article is shared by the names that follow
    "L'<o name='Université de Tours'>Université de Tours</o> rejoint l'Alliance universitaire européenne "
    "<o name='4EU+'>4EU+</o>, formée par l'<o name='Université de Turin'>Université "
    "de Turin</o> et les <o name='Université de Saragosse'>Universités de Saragosse</o> et de "
    "<o name='Université de Pau'>Pau</o>.",
    # a name enumerated with "et" from a known shorter name is a body of its own
    "Le président de l'<o name='Université de Lille et du Littoral' kind='university'>Université de Lille et du "
    "Littoral</o> a parlé.",
    # a place's name before "Métropole" names the authority
    "Marie Durand, présidente de la <o name='CCI Lorraine'>CCI Lorraine</o>, et Paul Roux, président de "
    "<o name='Reims Métropole' kind='public_body'>Reims Métropole</o>, s'accordent sur le projet.",
    # a minister names the ministry; the head of government names none
    "Sur proposition du <o name='Ministère de la Culture' kind='public_body'>ministre chargé de la Culture</o> "
    "et de la <o name='Ministère des Sports' kind='public_body'>ministre des Sports</o>, le Premier ministre signe.",
    # a minister's own name is no portfolio: the ministry ends before it, or there is none
    "La ministre Sylvie Roux et le <o name='Ministère de la Recherche' kind='public_body'>ministre chargé de la "
    "Recherche</o> Paul Durand ont salué l'accord.",
    # "le groupe" and a name: an (education) group
    "Le <o name='groupe Galileo' kind='group'>groupe Galileo</o> rachète une école.",
    # an unknown acronym is another name's only when its capitals open that name's words: ISEL is no
    # short form of the Institut national des sciences appliquées … (letters inside its words)
    "Le directeur de l'<o name='ISEL'>ISEL</o> et l'<o name='Institut national des sciences appliquées de Rouen "
    "Normandie'>INSA Rouen</o> ont parlé.",
    # a chamber of commerce's acronym and its place: a public body
    "La <o name='CCI Grand Lille' kind='public_body'>CCI Grand Lille</o> soutient le projet.",
    # a lowercase territory is its authority after an office holder (a prefect is the State's) or beside a body
    "Le préfet de la région Bretagne et la présidente de la <o name='Région Bretagne' kind='public_body'>région "
    "Bretagne</o> inaugurent le campus, ouvert en région Bretagne.",
    "Les agents de la <o name='Ville de Quimper' kind='public_body'>ville de Quimper</o> et de l'<o name='Université "
    "de Bretagne occidentale'>Université de Bretagne occidentale</o> se réunissent à Quimper, ville de Bretagne.",
    # after a noun that needs an agent, or "par", a lowercase territory is its authority; "de la région": a place
    "Le centre est ouvert avec le soutien de la <o name='Région Bretagne' kind='public_body'>région Bretagne</o>, "
    "financé par la <o name='Métropole Rennes' kind='public_body'>métropole Rennes</o>, pour les lycéens de la région "
    "Bretagne.",
    # an acronym glued by a hyphen to capitals is another body's name, not the first acronym's
    "Elles sont membres de la <o name='LERU'>LERU</o> ou de la <o name='LERU-CE7'>LERU-CE7</o>.",
    # a name restated in parentheses by another name of the same head is one body, named by the parenthesis;
    # two bodies the data knows stay two
    "L'école relève du <o name=\"Ministère de l'Agriculture et de l'Alimentation\">Ministère chargé de "
    "l’Agriculture</o> (<o name=\"Ministère de l'Agriculture et de l'Alimentation\">Ministère de l’Agriculture et de "
    "l'Alimentation</o>) depuis 2020.",
    "L'<o name='Université de Lyon'>Université de Lyon</o> (<o name='Université Claude Bernard Lyon 1'>Université "
    "Claude Bernard Lyon 1</o>) accueille le colloque.",
    # "française" is part of a name; between a minister and the portfolio it names the French ministry
    "Marie Durand, <o name=\"Ministère de l'Enseignement supérieur et de la Recherche\">ministre française de "
    "l'enseignement supérieur et de la recherche</o>, visite l'<o name='École française de Rome'>École française de "
    "Rome</o>.",
    # a plural head, or a body named with a head, shares it with the capitalised names coordinated after it,
    # which the data knows with that head (its place in parentheses passed over)
    "Les <o name='Université Lumière Lyon 2'>universités Lumière</o> et <o name='Université Claude Bernard Lyon 1'>"
    "Claude-Bernard</o> votent.",
    "<o name='Université Jean Moulin Lyon 3'>Université Jean-Moulin</o> (Lyon) et <o name='Université Claude Bernard "
    "Lyon 1'>Claude Bernard</o> (Villeurbanne)\n\nLes deux présidents sont élus.",
    # a name of four words or more that opens one name of the data only (a former name, cut short) is that body
    "Le laboratoire du <o name=\"Commissariat à l'énergie atomique et aux énergies alternatives\">Commissariat à "
    "l'Energie Atomique</o> (<o name=\"Commissariat à l'énergie atomique et aux énergies alternatives\">CEA LX</o>) "
    "recrute.",
    # a lab named after the body it belongs to is the lab, not the body
    "Le <o name=\"Laboratoire de Physique de l'Université de Tours\">Laboratoire de Physique de l'Université de "
    "Tours</o> recrute.",
    # a field of study after "le domaine de" is no body, whatever its capitals
    "Le <o name='Centre national de la recherche scientifique'>CNRS</o> recrute dans le domaine des Sciences et "
    "Technologies de l'Information et de la Communication (STIC).",
    # a capitalised head alone before the body is named in full: the only one the text names with it
    "<o name='Région Bretagne'>La Région</o>, qui innove, et ses partenaires sont investis. Une concertation a été "
    "menée par la <o name='Région Bretagne'>Région Bretagne</o>.",
    # "l'X" is the École polytechnique; X alone is a letter
    "Les élèves de l'<o name='École polytechnique'>X</o> rencontrent la génération X.",
    # a long name of many particles and its title-case acronym of seven letters
    "Le projet associe l'<o name=\"Institut national des recherches sur les mers, de l'atmosphère, des lacs et de la "
    "pêche\">Institut national des recherches sur les mers, de l'atmosphère, des lacs et de la pêche</o> "
    "(<o name=\"Institut national des recherches sur les mers, de l'atmosphère, des lacs et de la pêche\">Inrmalp</o>) "
    "et le <o name='Centre national de la recherche scientifique'>CNRS</o>.",
    # a brand the language model does not know, then "de" and a place: a body (a known word is no brand)
    "Le rapprochement de l'<o name=\"Esimat d'Orléans\" kind='school'>Esimat d'Orléans</o> et de l'<o "
    "name='Ensicol de Tours' kind='school'>Ensicol de Tours</o> est prévu. L'Europe de Bruxelles observe.",
    # a lowercase head may open an acronym's long form; an acronym the text gave one body is not another's
    "L'<o name='Université de Lund'>université de Lund</o> (<o name='Université de Lund'>UL</o>) et "
    "l'<o name='Université de Leeds'>université de Leeds</o> signent un accord. L'<o name='Université de "
    "Leeds'>ULd</o> recrute.",
    # Belgian "Facultés universitaires …" are universities; "les facultés de médecine" are parts of one
    "Les <o name='Facultés universitaires Saint-Louis' kind='university'>Facultés universitaires Saint-Louis</o> "
    "et les facultés de médecine recrutent.",
    # acronyms after a plural head and "et" are bodies; a title-case one is the name whose content words'
    # initials are exactly its letters (not the other name that also holds them)
    "L'<o name='Institut national de recherche de Rennes'>Institut national de recherche de Rennes</o> et "
    "l'<o name='Institut national de recherche de Rouen et Lille'>Institut national de recherche de Rouen et "
    "Lille</o> recrutent. La fusion des instituts <o name='Institut national de recherche de Rennes'>Inrr</o> et "
    "<o name='Ifrat'>Ifrat</o> est prévue.",
    # a possessive opening a sentence refers to a body, it names none
    "Une rentrée décisive pour l'École\nLes années se suivent et ne se ressemblent pas.\nNotre École ne fait "
    "pas exception et le printemps 2024 compte pour l'<o name='École polytechnique'>X</o>.",
    # a name followed by an issue number is a publication
    "Les chaires industrielles à l'École\nDossier : CampusHebdo N°204 Octobre/Novembre 2012\nLa chaire est lancée.",
    # what follows a law's noun names the law ("la loi sur les Libertés … des Universités (LRU)"); bodies the
    # data knows stay bodies
    "La loi sur les Libertés et les Responsabilités des Universités (LRU) change le rôle de l'<o name='Université "
    "de Lille'>Université de Lille</o>.",
    # a known name inside the long form of an acronym the text defines is part of that name
    "Elle réunit l'<o name='École des ingénieurs de la Ville de Lyon'>École des ingénieurs de la Ville de Lyon</o> "
    "(<o name='École des ingénieurs de la Ville de Lyon'>EIVL</o>) et le <o name='Centre national de la recherche "
    "scientifique'>CNRS</o>.",
    # a parliament is a public body, its name holds the body it belongs to
    "Le <o name='Parlement de Wallonie' kind='public_body'>Parlement de Wallonie</o> a voté le décret.",
    # a piece of the long form of an acronym that names a thing is no body
    "Le Schéma Régional de l'Enseignement Supérieur, de la Recherche et de l'Innovation (SRESRI), voté en "
    "décembre 2022, ouvre des perspectives.",
    # a three-letter acronym of the open data names its body before "de" and a place, and then anywhere in the text
    "L'<o name='École supérieure de journalisme de Lille' kind='school'>ESJ</o> de Lille forme des journalistes. "
    "L'<o name='École supérieure de journalisme de Lille'>ESJ</o> recrute aussi des pigistes.",
    # two capitalised words or more that an apposition says is a body; not a place named after "de"
    "Les écoles ont fondé en 2020 <o name='Bretagne Ingénierie' kind='group'>Bretagne Ingénierie</o>, pôle "
    "d'ingénierie de la région.",
    "Le campus de Vallée Bleue, pôle universitaire de la ville, accueille des étudiants.",
    # … or a parenthesis, "de" joining two capitalised words
    "Le campus accueillera <o name='Prépa de Com' kind='school'>Prépa de Com</o> (une école de communication).",
    # groupings of communes are local authorities, not groups of institutions
    "La <o name='Communauté urbaine de Brest' kind='public_body'>Communauté urbaine de Brest</o> et la "
    "<o name=\"Communauté d'agglomération de Vannes\" kind='public_body'>Communauté d'agglomération de Vannes</o> "
    "soutiennent l'<o name='Université Bretagne Sud' kind='university'>Université Bretagne Sud</o>.",
    # a plural head shared by names joined to it as written ("et du Puy"); the data's entry by that name
    "Les <o name='Université de Brive' kind='university'>universités de Brive</o> et "
    "<o name='Université du Puy' kind='university'>du Puy</o> s'associent. Les "
    "<o name='Université de Rouen Normandie'>universités de Rouen</o> et "
    "<o name='Université Le Havre Normandie'>du Havre</o> aussi.",
    # an unknown acronym or brand right after a word that introduces a partner, or after "et" and a name;
    # a proper name after "et" and a proper name is another body; common acronyms stay common
    "L'<o name='Université de Tours' kind='university'>Université de Tours</o> a signé un accord avec "
    "<o name='ESTRAM'>ESTRAM</o> et <o name='NovaLab'>NovaLab</o>.",
    "L'<o name='Université de Tours' kind='university'>Université de Tours</o> et <o name='NovaLab'>NovaLab</o> "
    "aident les PME et PMI de la région.",
    # an acronym after an elided article, "de" and a town: the acronym and its town
    "Les étudiants de l'<o name='IAE de Poitiers' kind='school'>IAE de Poitiers</o> et de "
    "l'<o name='ESC de Pau' kind='school'>ESC de Pau</o> suivront des cours communs.",
    # a building named after a body is a place: the body in its name is no mention there
    "La cérémonie s'est tenue à l'Hôtel de Ville de Lyon, puis à l'Hôtel de Région, en présence de la "
    "<o name='Ville de Lyon' kind='public_body'>Ville de Lyon</o>. Le débat a eu lieu à la Maison de l'Université "
    "de Rouen.",
    # a form several entries of the data share ("Crous") loses to the longer name the grammar reads around it
    "Le <o name='Crous de Bretagne' kind='public_body'>Crous de Bretagne</o> et "
    "<o name='Brest Métropole' kind='public_body'>Brest Métropole</o> financeront la résidence.",
    # a one-word brand in capitals before "Business School" names the school alone, in title case too where the
    # model knows no such lowercase word
    "<o name='NEOMA Business School' kind='school'>Neoma</o> recrute des enseignants, annonce la directrice de "
    "<o name='NEOMA Business School'>Neoma</o>.",
    # a year after a head is a date, no part of a name
    "La <o name='Région Centre-Val de Loire' kind='public_body'>Région Centre-Val de Loire</o> apportera 2 millions "
    "d'euros au titre du contrat de plan <o name='État français'>État</o>-Région 2021-2027.",
    # names in English: "of", "for" inside them
    "Le laboratoire travaille avec l'<o name='University of Edinburgh' kind='university'>University of Edinburgh</o> "
    "et l'<o name='Institute for Marine Studies' kind='school'>Institute for Marine Studies</o>.",
    # a digit in an acronym counts a letter twice; a body's acronym, introduced as one, names its long form
    "L'alliance européenne <o name='European Universities of Coastal Cities' kind='group'>EU2C</o> "
    "(<o name='European Universities of Coastal Cities'>European Universities of Coastal Cities</o>) s'agrandit.",
    # a lowercase territory opening a clause before its verb acts: its authority; inside a complement, a place
    "En 2025, la <o name='Région Bretagne' kind='public_body'>région Bretagne</o> financera trois chaires. Les "
    "étudiants de la région Normandie pourront candidater.",
    # a building in lowercase belongs to the body named after it; a capitalised one is a place's name
    "Le nouveau bâtiment de l'<o name='Université de Rennes'>Université de Rennes</o> ouvre près de la Maison de "
    "l'Université de Rouen.",
    # "BS" after a school's brand is its "Business School": the same body; "&" joins the words of a name
    "<o name='NEOMA Business School'>Neoma BS</o> et la <o name='Fondation Voir & Entendre' kind='other'>Fondation "
    "Voir & Entendre</o> signent.",
    # a sentence's full stop after capitals and a digit ends the name, and the next sentence is no part of it
    "L'<o name='Université de Tours'>Université de Tours</o> rejoint l'alliance <o name='EC3U'>EC3U</o>. Elle "
    "recrute.",
    # a lowercase "fondation" before proper words opens the foundation's name, as "université" does
    "L'<o name='Université de Tours'>Université de Tours</o> adhère à la <o name=\"Fondation Jean Monnet pour "
    "l'Europe\" kind='other'>fondation Jean Monnet pour l'Europe</o>, pas la fondation partenariale de l'université.",
    # a title-case brand with "!" is an acronym; its English expansion keeps its commas when every word opens
    # with its letters
    "L'<o name='Université de Tours'>Université de Tours</o> a rejoint l'alliance <o name='European Network for "
    "Learning, Innovation, Growth, Humanities and Technology' kind='group'>Enlight!</o> (European Network for "
    "Learning, Innovation, Growth, Humanities and Technology) en 2024.",
    # a network's name and a place: one of its schools
    "<o name='Polytech Angers' kind='school'>Polytech Angers</o> recrute.",
    # a number word ends a name; digits may close it
    "Les écoles se retrouvent à l'<o name='Alliance Sorbonne Paris Cité'>Alliance Sorbonne Paris Cité</o> pour un "
    "séminaire.",
]


@pytest.mark.parametrize("marked", CASES)
def test_organisations(analyse, marked):
    text, gold = parse(marked)
    doc = analyse(text)
    found = {o.name: o for o in doc._.organisations}
    expected = {g.attrs["name"] for g in gold}
    assert set(found) == expected
    for g in gold:
        org = found[g.attrs["name"]]
        if "kind" in g.attrs:
            assert org.kind == g.attrs["kind"], org.name
        assert any(m.start < g.end and g.start < m.end for m in org.mentions), f"{g.text!r} not a mention of {org.name}"


def test_mentions_are_counted_and_kept_in_order(analyse):
    doc = analyse("L'UTT et l’UTT : l'Université de technologie de Troyes signe. L'UTT recrute.")
    (org,) = doc._.organisations
    assert org.org_id == "utt" and len(org.mentions) == 4
    assert org.distinct_forms() == ["UTT", "Université de technologie de Troyes"]


def test_identifiers_of_known_bodies_reach_the_table(tmp_path, nlp):
    from test_inputs import run_on

    text = ("L'Université de Perpignan Via Domitia et l'Université de technologie de Troyes ont signé une "
            "convention de partenariat.\n")
    t, _ = run_on({"a.txt": text}, tmp_path, nlp)
    ids = {r["name"]: (r["ror"], r["wikidata"]) for r in t["organisations"]}
    assert ids["Université de Perpignan Via Domitia"] == ("03am2jy38", "Q304872")     # from the ministry's file
    assert list(t["organisations"][0])[-2:] == ["ror", "wikidata"]


def test_a_three_letter_acronym_alone_names_no_body_of_the_data(analyse):
    # CLI is the open data's acronym of Centrale Lille Institut; unplaced, it is a command line
    doc = analyse("Le CLI reste une commande utile pour les ingénieurs.")
    assert "Centrale Lille Institut" not in {o.name for o in doc._.organisations}


@pytest.mark.parametrize("acronym,long_form,expected", [
    ("EC2U", "European Campus of City-Universities", True),          # the letter before the digit, twice
    ("C2RMF", "Centre de recherche et de restauration des musées de France", True),   # the letter after it
    ("EC2U", "École de commerce", False),                            # no U: the letters must all be there
    ("UM6P", "Université Mohammed VI Polytechnique", True),          # a Roman numeral is its digit
    ("UPX", "Université Paris X Nanterre", True),                    # … and still its letter
])
def test_a_digit_in_an_acronym_counts_a_letter_twice(acronym, long_form, expected):
    from extract.organisations.acronyms import initials_match

    assert initials_match(acronym, long_form) is expected


def test_a_head_and_a_place_is_the_body_of_the_text_named_so(analyse):
    # an elliptic "universités de Reims et de Troyes" names no "Université de Troyes" beside the UTT
    doc = analyse("Les universités de Reims et de Troyes se rapprochent. L'Université de Reims Champagne-Ardenne et "
                  "l'Université de technologie de Troyes ont voté le projet.")
    assert {o.name for o in doc._.organisations} == {"Université de Reims Champagne-Ardenne",
                                                     "Université de technologie de Troyes"}


def test_a_short_name_and_its_own_place_are_one_mention(analyse):
    doc = analyse("L'UTT et l'UTC de Compiègne poursuivront leurs échanges d'enseignants.")
    utc = next(o for o in doc._.organisations if o.acronym == "UTC")
    assert [m.text for m in utc.mentions] == ["UTC de Compiègne"]
    assert [doc.text[g.start:g.end] for g in doc._.goals] == ["poursuivront leurs échanges d'enseignants"]
