"""What a text shows about a named person's gender: titles and gendered role words in front of
the name, and common first names. Written for FrameReader (facts about names, our own lists).

A first name settles nothing on its own when it is worn by men and women alike (Alex, Jordan,
Kim): such names are in neither list. Pure Python; used by pronoun resolution.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Gender = Literal["m", "f"]

#: Titles and role words that say a man is meant ("Mr Keller", "Congressman Diaz").
MALE_TITLES = frozenset(
    """
    mr mister sir lord king prince duke earl baron emperor tsar czar sultan emir sheikh
    ayatollah pope father brother monsignor congressman councilman councillorman assemblyman
    chairman spokesman businessman alderman policeman fireman patrolman kingpin grandfather
    uncle nephew husband son boyfriend
    """.split()
)
#: Titles and role words that say a woman is meant ("Ms Ruiz", "Councilwoman Chen").
FEMALE_TITLES = frozenset(
    """
    ms mrs miss madam madame mme lady dame queen princess duchess countess baroness empress
    tsarina sister mother congresswoman councilwoman assemblywoman chairwoman spokeswoman
    businesswoman alderwoman policewoman firewoman patrolwoman grandmother aunt niece wife
    daughter girlfriend
    """.split()
)

# First names worn mostly by one gender, across the languages of world news. Lower case,
# without accents (names are compared folded: "José" -> "jose").
MALE_NAMES = frozenset(
    """
    aaron abdul abdullah abdel abel abraham adam adrian ahmad ahmed akira alan
    albert alberto alejandro aleksandr aleksei alexander alexandre alexei alfonso alfred ali
    alistair amir anand anders andre andreas andrei andres andrew andrzej angelo anthony anton
    antonio arjun armando arnold arthur arturo ashok axel bashir ben benjamin bernard bernardo
    bilal bill bob boris brandon brian bruce bruno bryan carl carlos cesar charles chidi chinedu
    christian christopher claude colin conor craig cristian daniel danny dario david dean
    dennis denis derek diego dimitri dmitry domenico dominic donald douglas duncan dylan edgar
    eduardo edward eli elias emeka emil emilio emmanuel emre enrique eric erik ernesto ernst
    esteban ethan eugene evan fabio farid faisal federico felipe felix fernando filip francesco
    francis francisco frank franz fred frederick gabriel gareth gary george georgi gerald gerhard
    giovanni giuseppe gordon graham greg gregory guillermo gustavo hakan hamid hans harold harry
    hassan hector heinrich helmut henry hiroshi hugo hussein ian ibrahim igor imran isaac ismail
    ivan jack jacob jacques jakub james jamal janusz jason javier jeff jeffrey jeremy jerome
    jim jimmy joao joe joel johan johannes john jonathan jorge jose josef joseph joshua juan
    julian julio jurgen justin kamal karim karl keith kenji kenneth kevin khalid klaus kofi
    konstantin kwame kwesi lars lawrence leon leonard leonardo liam lorenzo louis luca lucas
    luis lukas luke magnus mahmoud manuel marcel marco marcos marcus mario mark marko martin
    mateo matteo matthew maurice max maxim michael miguel mikhail milan mohamed mohammad
    mohammed muhammad mustafa nabil narendra nathan neil nicholas nick nicolas nikolai nikos
    noah oleg oliver omar oscar osman otto pablo paolo patrick paul pavel pedro peter philip
    philippe pierre piotr rahul rajesh ralph ramon raul ravi raymond reza ricardo richard
    robert roberto rodrigo roger roman ronald rudolf ryan salman salvador samir samuel
    santiago sean sebastian sergei sergio seth simon stanislav stefan stephen steve steven
    sunil tariq thomas tim timothy tobias todd tom tomas tony tyler umar usman vadim valentin
    vasily victor viktor vincent vinod vladimir walter william wojciech xavier yaroslav
    yasser yevgeny youssef yuri yusuf zoltan
    abdi abdou adolfo ahmet aidan akash alain alberto aldo alessandro alexis alfredo alvaro ambrose
    amos anatoly andile angus anil antoine aram ari arnaud arvid augusto aurelio barack barry
    bartholomew basil benedict benoit bertrand björn bjorn blaise boris bradley brendan brett
    bruno burak caleb calvin cameron carlo cedric chandra chang-ho charlie chester clarence
    claudio clement clifford clint clive conrad cornelius curtis cyril dale damian damien dan
    darius darren dave dawit deepak desmond devon dieter dimitris dirk dmitri dominik donovan
    dragan duarte dusan edmund edwin efrain elijah elliot emeka enzo erdogan ernest esa eugen
    evgeny ezra fabian fabrice farhan fatih fedor ferdinand finn florian francois frans fredrik
    friedrich gaston gavin geoffrey gerard gerardo gianni gilbert giorgio giorgos godfrey goran
    gottfried guido gunnar gunther gustav guy hamza harald harvey heinz helge herbert herman
    hernan horace howard hubert humberto hyun-woo ibrahima idris ignacio ilya imre ioannis irfan
    isidro ivo jaime jamie jaroslav jasper javed jean-claude jean-luc jean-paul jean-pierre jens
    jesper jesus joachim joaquin johann jonas jordi jose-luis josip jozef juha julien jun-ho
    jussi kai kaleb kamil kareem karel kasper kazuo keanu ken kenny kieran kiril kobe konrad
    kostas kristian krzysztof kurt lamar laurent leandro lennart leonid leopold lewis liang-jie
    lionel lloyd lorenz lucien ludwig luigi lyndon malcolm manfred manolo marcelo marek marian
    marius mathieu mattias maurizio mehdi mehmet melvin michal mihai miklos mikko milos miroslav
    mitchell mohsen moritz morris moses murat musa nasser nathaniel nelson nestor niall nico
    niels nigel nikita nils noel norbert norman ntando obinna octavio olaf olav oleksandr
    olufemi omari orlando oskar osvaldo owen pascal pasquale patrice percy petr petro phil
    pieter pradeep pranav quentin rafael rafal rainer ramesh ramiro randall randy raphael
    rashid reginald reinhard rene reza rhys riccardo rick rik rob robin rocco rodney roland
    rolf romain ronan ross rowan ruben rudy rupert russell sacha sami sandeep sanjay santos
    sasa saul scott sergey shane shaun sheldon shigeru sidney silvio sipho slobodan stanley
    stavros sten stuart sven takeshi tarek terrence terry thabo theo theodore thiago thierry
    tiago timur tobias tomasz torsten travis trevor tristan tyrone ulrich umberto uriel uwe
    valentino valery vaclav vernon vicente viktor vittorio vlad volker waleed wallace warren
    wayne werner wilfred willem willy wilson winston wolfgang yannick yevgen yitzhak yoav
    yosef younes yuval zachary zbigniew zeki ziad zoran
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    abigail ada adaeze adriana agnes aisha alexandra alice alicia alina alison amanda amelia
    amina amy ana anastasia angela angelica anita ann anna anne annette antonia anya
    ayesha barbara beatrice beatriz bianca brenda bridget camila carla carmen carol caroline
    catherine cecilia celine charlotte chiara chloe christina christine cindy claire clara
    claudia colette cristina cynthia daniela deborah denise diana diane dolores donna
    dorothy elena eleanor elif elisabeth eliza elizabeth ella ellen elsa emily emma erin esther
    eva eve fatima fatma francesca gabriela gabrielle gloria grace hana hannah heather helen
    helena ines ingrid irene irina isabel isabella jacqueline jane janet janice jasmine 
    jennifer jessica joan joanna josephine joyce judith julia julie karen karin katarzyna
    katherine kathleen kathryn katja katrin laura lauren layla leila lena linda lisa lucia
    lucy lydia magdalena malgorzata margaret margarita maria marie marina marion martha
    mary maya meera megan melanie melissa mia michelle mila miriam monica nadia nancy natalia
    natalie natasha nicole nina nora olga olivia paula pauline priya rachel rebecca rita rosa
    rose ruth sabine sally samantha sandra sara sarah shanthi sharon sheila silvia sofia
    sonia sophia sophie stephanie susan suzanne svetlana sylvia tamara tanya teresa theresa
    tiffany valentina valeria vanessa vera veronica victoria virginia wendy yasmin yelena
    yulia zainab zeynep zoe zofia
    adaora adele adeline agata agnieszka aiko aileen aleksandra alessandra alexa alma
    amal amara amelie anais anastasiya angelika anjali annabel annika antje ariana
    arlene astrid aurora ayse beata belinda benedicta berit bernadette beth
    bettina betty beverly birgit blanca bonnie brigitte britta caitlin camille candice carina
    carlotta carolina cassandra catalina celia chantal charlene chiamaka chinwe christa
    clarissa claudine colleen constance cora corinne daisy dalia danielle daphne delia delphine
    dilma doreen doris dorota edith eileen ekaterina elaine eleni eliana elise elodie eloise
    elvira emilia emine enrica erika esperanza estelle ester eugenia eunice evangeline evelyn
    fabienne felicity fernanda fiona florence frances francoise freja frida gemma
    genevieve georgia geraldine gertrude gianna gillian giorgia giovanna giulia gisela greta
    gretchen gwen gwendolyn hadiza halima harriet hayley hedda heidi helga henrietta hilary
    hilda hina hortense ida ilse imelda irma isabelle isla ivana jacinda jana janine jeanne
    jelena jenna jill jocelyn johanna jolanta josefina joy judy juliana juliet justine kamala
    karolina kasia katharina kathy katie kayla keiko kerstin kirsten klara kristina lakshmi
    larissa latoya leah leticia liesel lilian liliana lina linnea lois loretta lorraine
    louisa louise luana lucille ludmila luisa luz lynn mabel madeleine madison mae magda
    mahnaz mai malala manon marcela margot mariam marianne maribel marilyn marisol marit
    marlene marta martina mathilde matilda maureen mavis maxine mercedes mercy michaela mildred
    minna mireille mirela molly monique muriel nadine nanami naomi natalya nathalie nell nia
    ngozi nkechi noura nour odette olena ophelia oksana paloma pamela patricia
    paulina peggy penelope petra philippa phoebe pilar polly rania raquel rebeca regina renata
    renee rhea rhiannon ritu roberta rocio rosalind rosemary roxana ruby sabrina sadia sakura
    salma sana sanna savannah selena serena shabnam shira shirley sigrid sinead siobhan
    soledad sonja stacy stella sue susanna suzanna tabitha tamsin tatiana tatyana thandiwe
    thea tina ulla ursula valerie vesna vilma viola violet vivian wanjiru wilhelmina
    xenia yasmina yolanda yvette yvonne zahra zara zelda zora zuzana
    """.split()
)

#: Last words that make a "first name + word" name a place or a body, not a person.
NOT_SURNAMES = frozenset(
    """
    street st road avenue ave lane square station line river lake bay sea ocean island islands
    mountain mountains hill park bridge airport port harbour harbor hospital school college
    university academy institute foundation fund trust bank group company co corp corporation
    inc ltd llc plc foods holdings partners council party church cathedral mosque temple hall
    centre center stadium arena museum gallery theatre theater hotel tower house palace court
    prize award cup festival show times post news herald gazette journal review magazine press
    act treaty law bill day week labs lab systems software technologies tech media energy motors
    airlines airways pharma capital ventures solutions industries enterprises international
    network services studios records games falls beach valley county province district region
    desk show union nations united european ministry department agency commission organisation
    organization association federation committee office army police navy force forces guard
    authority board bureau service services institute church republic kingdom state states
    government parliament assembly senate congress court tribunal
    """.split()
)

_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss"})
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def fold(word: str) -> str:
    """Lower case without the common accents: "José" -> "jose"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: First names worn by men and women alike: a person's name, but no gender.
UNISEX_NAMES = frozenset("""
    alex ali andrea ashley chris dana jean jan jordan kim lee robin sam sasha simone taylor
    wei yuki morgan casey jamie jesse kai nikola nicola riley avery quinn drew
    """.split())


def is_given_name(word: str) -> bool:
    """Whether a word is a known first name (of either gender, or both): "Jean-Baptiste" by
    its first part."""
    key = fold(word.strip("."))
    return any(part in MALE_NAMES or part in FEMALE_NAMES or part in UNISEX_NAMES for part in (key, key.split("-")[0]))


def name_gender(given: str) -> Gender | None:
    """The gender a first name says, or None when it says none (or both)."""
    key = fold(given.strip("."))
    male, female = key in MALE_NAMES, key in FEMALE_NAMES
    if male == female:
        return None
    return "m" if male else "f"


def title_gender(word: str) -> Gender | None:
    """The gender a title or role word says ("Mrs" -> f, "Congressman" -> m), or None."""
    key = fold(word.strip("."))
    if key in MALE_TITLES:
        return "m"
    if key in FEMALE_TITLES:
        return "f"
    return None


def title_before(text: str, start: int) -> str:
    """The word right before offset `start` (after one space), e.g. "Ms" in "Ms Ruiz"; ""."""
    window = text[max(0, start - 24) : start]
    if not window.endswith((" ", "\u00a0")):
        return ""
    words = _WORD.findall(window)
    return words[-1] if words else ""
