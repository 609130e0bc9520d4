"""The phrase lexicon: rules that find findings and rulings in one sentence, with negation.

A rule is a regular expression over the sentence's normalised text (lower case, dashes as
spaces, the same length as the original so offsets quote the original words). In a rule,
a space stands for any whitespace and ``~N`` for up to N intervening words, so "testimony
was ~3consistent" also matches "testimony was detailed, consistent". Phrasing in decisions
varies a lot, so the rules key on the legal words and the structure around them (a ruling
verb near an application, a negation before a cue) rather than on whole stock sentences.

Negation: a negator ("not", "cannot", "failed to", "n't", ...) among the six words before a
match (stopping at a clause boundary: punctuation, "but", "although", ...) or inside the
match flips the polarity ("I cannot find him credible" is adverse; "no nexus" is not
established); two negators cancel. Rules that state a negative themselves ("lacks
credibility") are not negatable by a nearby negator, but a sentential operator still scopes
over them: "I cannot say that ...", "I am not persuaded, however, that ...", "it is not the case
that ..." negate everything after them up to a semicolon, commas included ("I cannot say that
his testimony was not credible" is positive). A conditional clause ("even if I were to accept
his testimony, ...", "if I found her credible, ...") states no finding; a trailing ellipsis
("..., and it cannot.") negates what the sentence says the court would have to find.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from itertools import pairwise

from hearingproc.tagging import EVENT_LABELS, NEGATED
from hearingproc.tagging.concepts import CONCEPT_RULES, dated_filing_hits
from hearingproc.tagging.rules import TESTIMONY as _TESTIMONY
from hearingproc.tagging.rules import Hit, Rule
from hearingproc.tagging.rules import compile_rule as _compile
from hearingproc.tagging.rules import rules as _rules

PRE_WINDOW_WORDS = 8  # how far back a negator reaches ("I am not persuaded that the notes rise")
RULING_PRE_WORDS = 3  # for a ruling, only right before it ("I cannot grant asylum")
RULING_REACH_WORDS = 10  # most words between an application and its ruling verb


_QUALITY = (r"(?:consistent|detailed|specific|plausible|believable|candid|forthright|coherent|"
            r"responsive|sincere|straightforward|truthful|honest|reliable|trustworthy|true|vivid)")
_FLAW = (r"(?:inconsistent|vague|evasive|implausible|contradictory|unpersuasive|non responsive|"
         r"nonresponsive|rehearsed|scripted|incoherent|shifting|embellished)")
_BE = r"(?:was|is|were|are|has been|have been|remained|appeared)"
# what a persecutor imputes to the respondent (imputed political opinion)
_IMPUTED = (r"(?:support\w*|sympathi\w*|collaborat\w*|feeding|helping|aiding|hiding|member\w*|"
            r"spy|spies|spying|informant|informer|informing|traitor|rebel\w*|guerrilla\w*|"
            r"terrorist\w*|opposition|opponent|dissident|activist|communist|separatist|"
            r"organiz\w*|opposing|disloyal\w*|loyalt\w*|allegian\w*|political|anti government|"
            r"against the (?:[\w']+ )?"
            r"(?:government|regime|state|party|army|military|president))")

# a span after entry counted past the year, or inside it
# right after a verb of proof ("shown that ...", "nothing showing he ..."): the verb stays
# outside the match, where a negation before it is an operator on what follows
# (written with \x20: a rule's spaces become \s+, which a look-behind cannot hold)
_AFTER_SHOWN = ("(?:" + "|".join(rf"(?<=\b{v.replace(' ', chr(92) + 'x20')}\x20)" for v in (
    "show", "shown", "showing", "shows", "established", "establishing", "proven", "proved",
    "proving", "demonstrated", "demonstrating", "shown me", "shown the court", "shown neither",
    "shown either",
    "established neither", "established either")) + ")")

# the Department's burden (of rebutting a presumption, of showing relocation), not the
# respondent's: "The Department has carried that burden."
_NOT_DEPARTMENTS = "".join(rf"(?<!\b{who}\x20{has})" for who in ("department", "government", "dhs")
                           for has in ("has\\x20", "had\\x20", "have\\x20", ""))

# the reason for the harm named after it (nexus, not the harm): "for any reason the Act protects"
_FOR_A_REASON = (r"(?![^.;]{0,40}\b(?:for (?:any|a|one) (?:\w+ )?reason|on account of|because "
                 r"of|due to)\b)")

RULES: list[Rule] = [
    # --- credibility ----------------------------------------------------------------------
    *_rules("credibility", "positive",
            # ("even credible testimony may need corroboration" states the law)
            # ("no credible evidence that he would be perceived as gay" weighs the evidence)
            # (nor does the statute's "corroboration of otherwise credible testimony", with or
            # without "otherwise")
            # ("nothing credible in this record shows that ..." weighs the evidence too)
            (r"(?<!\beven\s)(?<!\botherwise\s)(?<!\bnothing\s)(?<!\banything\s)"
             r"(?<!\bcorroboration\x20of\x20)\bcredib(?:le|ly)\b"
             r"(?! fear)(?! threat)(?! evidence)"),
            r"\bbelievab(?:le|ly)\b",
            # "I now credit her testimony in full"; "the court is not finding credibility"
            (r"\b(?:i|the court) (?:\w+ ){0,2}credits? (?:his|her|their|your|the respondent's|"
             r"the applicant's) (?:testimony|account|story)\b"),
            r"\bfind(?:s|ing)? credibility\b",
            rf"\b{_TESTIMONY} (?:\w+ ){{0,4}}{_BE} ~4{_QUALITY}\b",
            (r"\b(?:testif\w+|spoke|answered) (?:in a )?~2(?:consistent|detailed|specific|candid|"
             r"forthright|truthful|responsive|honest)\w*"),
            (r"\b(?:i|court) (?:\w+ ){0,2}believ(?:e|es|ed) (?:him|her|them|the respondent|"
             # ("I believe you are afraid" believes a proposition)
             r"the applicant|his|her|their|your|you\b(?! (?:are|were|'re|have|had|will|would|"
             r"can|could|did|do)\b))\b"),
            # "I believe what Mr. Hossain told me"; "no reason to doubt what you told me"
            (r"\b(?:i|court) (?:\w+ ){0,2}(?:believ(?:e|es|ed)|accept(?:s|ed)?|credit(?:s|ed)?) "
             r"(?:what|everything|all) (?:[\w.']+ ){0,3}(?:told|said|testified|described)\b"),
            (r"\bno reason to (?:doubt|disbelieve|question) (?:what|anything) (?:\w+ ){0,2}"
             r"(?:told|said|testified|described)\b"),
            # the respondent addressed: "I believe you." ("I believe you are afraid" is not)
            r"\b(?:i|court) (?:\w+ ){0,2}believ(?:e|es|ed) you\s*(?:[.!;,]|$)",
            r"\bworthy of (?:belief|credence)\b", r"\b(?:truthful|honest) witness\b",
            # "I give full weight to her testimony" ("I cannot give it full weight": adverse)
            (rf"\b(?:give|gives|giving|gave|accord|accords|afford|affords) (?:\w+ ){{0,3}}(?:full|"
             rf"great|significant|considerable|substantial) weight (?:to )?(?:\w+ ){{0,2}}"
             rf"{_TESTIMONY}\b"),
            # "I found her testimony about her arrest by the security services to be consistent"
            (rf"\b(?:find|finds|found)\b (?:\w+ ){{0,2}}{_TESTIMONY} (?:[\w']+,? ){{0,10}}"
             rf"(?:to be|was|were|as) (?:\w+,? ){{0,2}}{_QUALITY}\b"),
            # "Her testimony hung together" ("did not hang together": flipped)
            rf"\b{_TESTIMONY} (?:\w+ ){{0,2}}(?:hung|hangs|hang|held|holds|hold) together\b",
            (r"\b(?:believed?|believes|accept|accepted|credit|credited) (?:\w+ ){0,2}(?:every|"
             r"each) "
             r"word\b"),
            (rf"\b{_TESTIMONY} (?:\w+ ){{0,4}}(?:stayed|remained|was|has been) (?:\w+ ){{0,1}}"
             r"(?:the same|unchanged|steady|constant|consistent)\b"),
            (r"\b(?:could|can|cannot|can't|do|did) (?:\w+ ){0,1}rely (?:up)?on (?:his|her|their|"
             r"the respondent's|"
             r"the applicant's) (?:testimony|account|word|story)\b"),
            r"\b(?:positive|favou?rable) credibility\b",
            # "I found that testimony convincing" (not "clear and convincing evidence", nor an
            # argument "persuasive")
            (rf"\b(?:find|finds|found) (?:his|her|their|that|the|this) (?:\w+ )?{_TESTIMONY} "
             r"(?:to be )?(?:\w+ )?(?:convincing|persuasive|compelling)\b"),
            # "i think he was being straight with the court"; "I came away believing her"
            (r"\b(?:was|were|is|has been|had been) being (?:straight|honest|truthful|candid|"
             r"straightforward) with (?:me|the court|us|this court)\b"),
            (r"\b(?:came away|left the hearing|walked away) (?:\w+ ){0,2}(?:believing|trusting|"
             r"convinced by) (?:him|her|them|his|her|their|the respondent|the applicant)\b"),
            # "He was consistent and, frankly, ..." (not "consistent with" a paper)
            (r"\b(?:he|she|the respondent|the applicant) (?:was|has been|remained) (?:\w+ )?"
             r"(?:consistent|candid|forthright|truthful|straightforward)\b(?! with\b)"),
            # (a doctor's finding on the body is no credibility finding: "found his scars
            # highly consistent with the burns he described")
            (rf"\b(?:find|finds|found)\b(?! (?:[\w']+ ){{0,3}}(?:scars?|injur\w*|wounds?|"
             rf"marks?|burns?|x rays?|fractures?)\b) (?:(?:mr|ms|mrs|dr)\. )?(?:\w+ ){{0,4}}"
             rf"(?:to be )?(?:\w+,? ){{0,2}}"
             rf"{_QUALITY}\b"),
            # ("To be clear, I accepted his testimony")
            (r"\bi (?:fully )?(?:credit|accept|credited|accepted) (?:(?:his|her|their|your|the "
             r"respondent's|the applicant's) )?(?:testimony|account|story|it)\b"),
            # "I take his account as true" (taken so for argument's sake decides nothing, see
            # UNDECIDED)
            # (the match opens on the verb, where an assumption's clause opens: "I will treat
            # his account as true without deciding credibility")
            (r"\b(?:take|takes|took|treat|treats) (?:his|her|their|your|"
             r"the respondent's|the applicant's) (?:testimony|account|story|evidence|word) as "
             r"(?:true|truthful|credible|accurate)\b"),
            # "I accept as truthful his account of his arrest"
            (r"\bi (?:fully )?(?:accept|credit) as (?:truthful|true|credible|accurate) "
             r"(?:his|her|their|the)\b"),
            # "On the whole I'm satisfied he told me the truth"; "I find that she told me the
            # truth" ("I am unable to find that he told me the truth" negates it)
            (r"\b(?:satisfied|persuaded|convinced|sure|find|found|conclude|concluded|think|"
             r"believe) (?:that )?"
             r"(?:he|she|they|you|the respondent|the applicant) (?:told|has told|was telling|is "
             r"telling|has been telling|were telling|are telling) (?:me |the court |us )?the "
             r"truth\b"),
            priority=1),
    *_rules("credibility", "positive",
            (r"\bcredibility (?:is|was) not (?:in question|at issue|in doubt|the problem|the "
             r"issue|an issue)\b"),
            # ("I have no serious doubts about her account")
            (r"\bno (?:reason to doubt|(?:serious |real )?doubts? (?:about|as to)) (?:(?:\w+ ){0,2}"
             r"(?:credibility|truthfulness)|(?:his|her|their|the respondent's|the applicant's) "
             r"(?:account|testimony|story))\b"),
            (r"\bno reason to (?:doubt|question|disbelieve) (?:\w+ ){0,3}(?:him|her|them|"
             r"what (?:he|she|they) (?:said|told|described)|"
             r"(?:his|her|their) (?:account|testimony|word))\b"),
            # "nothing in this record would lead me not to believe her", "nothing gives me reason
            # to doubt him"
            (r"\bnothing (?:[\w']+ ){0,8}?(?:that |which )?(?:would |could |might |did |does )?"
             r"(?:leads?|led|causes?|caused|gives?|gave|makes?|made|prompts?|prompted) (?:me|the "
             r"court|us) (?:any )?(?:reason )?(?:not to (?:believe|credit|accept|trust)|to "
             r"(?:doubt|disbelieve|question|discredit|distrust))\b"),
            # "I cannot say that anything she told me gave me reason to disbelieve her"
            (r"\b(?:cannot|can't|could not|couldn't) (?:say|find) (?:that )?anything "
             r"(?:[\w']+ ){0,6}?(?:gave|gives|give|has given|provided|provides) "
             r"(?:me|the court|us) (?:any )?(?:reason|cause|grounds?) to "
             r"(?:doubt|disbelieve|question|discredit|distrust)\b"),
            (r"\b(?:do not|don't|did not|cannot|can't) (?:\w+ ){0,1}(?:doubt|question|disbelieve) "
             r"(?:his|her|their|the respondent's|the applicant's) (?:account|testimony|story|word|"
             r"credibility|truthfulness)\b"),
            # "I don't doubt what you told me", "I did not disbelieve her"
            (r"\bi (?:do not|don't|did not|didn't) (?:\w+ ){0,1}(?:doubt|disbelieve) (?:what "
             r"(?:you|he|she|they) (?:told|said|described|testified)|(?:him|her|them|you)\b"
             r"(?! (?:to|that|when|would|will)\b))"),
            (r"\bno (?:\w+ ){0,2}(?:inconsistenc|discrepanc|contradiction)\w* (?:in|between) "
             r"(?:his|her|their|the) (?:\w+ ){0,2}(?:testimony|account|statements?)\b"),
            # the testimony named, then "I have no reason to doubt it"
            (r"\b(?:testimony|account|story)\b[^.;]{0,160}\bno reason to (?:doubt|question|"
             r"disbelieve) (?:it|that|any of it)\b"),
            # "I don't find any reason to question it myself" (the credibility named first),
            # "I do not see any reason to doubt him"
            (r"\b(?:do not|don't|did not|didn't|cannot|can't) (?:find|see|have) any (?:\w+ )?"
             r"reason to (?:doubt|question|disbelieve|distrust) (?:him|her|them|(?:his|her|their) "
             r"(?:credibility|account|testimony|word|story))\b"),
            (r"\b(?:credibility|testimony|account)\b[^.;]{0,120}\b(?:do not|don't|did not|"
             r"didn't|cannot|can't) (?:find|see|have) any (?:\w+ )?reason to (?:doubt|question|"
             r"disbelieve) (?:it|that)\b"),
            # the testimony named, then "I found nothing in it that I had reason to doubt"
            (r"\b(?:testimony|account|story)\b[^.;]{0,160}\b(?:found|find|see|saw|heard) nothing "
             r"(?:in it |in (?:his|her|their) (?:testimony|account|story) )?(?:that |which )?"
             r"(?:i|the court) (?:had|have|has|saw|see|found|find) (?:any )?reason to (?:doubt|"
             r"question|disbelieve|distrust)\b"),
            # "I can't say that I disbelieve him"
            (r"\b(?:cannot|can't|could not|couldn't) say (?:that )?i (?:disbelieve|doubt|"
             r"distrust) (?:him|her|them|you|his|her|their)\b"),
            # "I am prepared to accept that account as true"
            (r"\bi(?: am|'m) (?:prepared|willing|content|able) to accept (?:that|this|his|her|"
             r"their|the) (?:account|testimony|story|version|evidence) as (?:true|truthful|"
             r"credible|accurate)\b"),
            # "the Court accepts it as true" (not for argument's sake: UNDECIDED)
            (r"\b(?:i|the court|this court) (?:\w+ )?accepts? (?:it|that|this|all of it|(?:his|"
             r"her|their) (?:account|testimony|story)|what (?:he|she|they) (?:said|told me|"
             r"described)) as (?:true|truthful|accurate)\b"),
            # "I found her a compelling witness"; "I have no basis to doubt her"
            (r"\b(?:found|find|finds) (?:him|her|them|the respondent|the applicant) (?:to be )?an? "
             r"(?:\w+ )?(?:compelling|convincing|persuasive|impressive) witness\b"),
            (r"\b(?:i have|i've|i had|i see|the court has|the court sees) no (?:basis|reason|"
             r"grounds?) to doubt (?:him|her|them|his|her|their|what)\b"),
            # "I have no hesitation in accepting her account"
            (r"\bno (?:\w+ )?(?:hesitation|difficulty|trouble|qualms?) (?:in |about )?"
             r"(?:accepting|crediting|believing|relying on) (?:his|her|their|your|the "
             r"respondent's|the applicant's|him|her|them|you|what|it as (?:true|truthful|"
             r"credible|accurate))\b"),
            # "I have no hesitation in accepting both witnesses as truthful"
            (r"\bno (?:\w+ )?(?:hesitation|difficulty|trouble|qualms?) (?:in |about )?"
             r"(?:accepting|treating|regarding|finding) (?:both |the |each |all )?(?:\w+ )?"
             r"(?:witness|witnesses|him|her|them) (?:as|to be) (?:\w+ )?(?:truthful|credible|"
             r"honest|reliable|believable)\b"),
            # "I'm not left with any real doubt"
            r"\bnot left with any (?:real |serious )?doubts?\b",
            # a believer's sincerity: "I have no doubt he means it"; "I am sure she believes
            # what she told me"
            (r"\b(?:i have|i've|i had|the court has) no (?:real )?doubt (?:that )?(?:he|she|they) "
             r"(?:means?|meant|believes?|believed) (?:it|every word|what (?:he|she|they) "
             r"(?:says?|said|told me|professes?))\b"),
            # "I have no quarrel with Mr. Singh's honesty"; "at no point did I catch myself
            # doubting him"
            (r"\bno (?:real |serious )?(?:quarrel|issue|problem|concerns?) (?:with|about|"
             r"regarding|as to) (?:(?:mr|ms|mrs|dr)\. \w+'s |his |her |"
             r"their |the respondent's |the applicant's )(?:honesty|credibility|truthfulness|"
             r"candou?r|sincerity)\b"),
            # "i dont have any real problem with his testimony"
            (r"\b(?:(?:do not|don't|dont|did not|didn't|didnt) (?:have|see|find)|(?:have|see|"
             r"find) no) (?:any )?(?:real |serious |great |big )?(?:quarrel|issue|problem|"
             r"concern)s? with (?:his|her|their|the respondent's|the applicant's) (?:testimony|"
             r"account|story|honesty|credibility|truthfulness)\b"),
            (r"\b(?:at no point|never|not once) (?:did|have|was) i (?:\w+ ){0,3}doubt(?:ing|ed)? "
             r"(?:him|her|them|that|his|her|their|what)\b"),
            # "I can't say anything in her testimony struck me as untruthful"
            (r"\b(?:can't|cannot|couldn't|could not) say (?:that )?anything (?:[\w']+ ){0,5}?"
             r"struck me as (?:untruthful|false|dishonest|implausible|evasive|invented)\b"),
            # "I don't think you were lying to me"
            (r"\b(?:do not|don't|did not|didn't) (?:think|believe) (?:that )?(?:you|he|she|they) "
             r"(?:were|was) lying\b"),
            # "I have no doubt she lived through what she described"
            (r"\bno (?:real |serious )?doubt (?:that )?(?:he|she|they|you) (?:[\w']+ ){1,4}?what "
             r"(?:he|she|they|you) (?:described|told (?:me|us|the court)|recounted|said|"
             r"testified to)\b"),
            negatable=False, priority=3, name="stated"),
    # "On balance, I'm prepared to credit her." ("I am not prepared to credit him": adverse)
    *_rules("credibility", "positive",
            (r"\bi(?: am|'m)(?: not)? (?:now )?(?:prepared|willing|content|able) to (?:credit|"
             r"believe) (?:him|her|them|the respondent|the applicant|(?:his|her|their) "
             r"(?:account|testimony|story|evidence))\b"),
            priority=2, name="prepared"),
    # the question put and answered: "I have to decide whether to believe him, and I do."
    *_rules("credibility", "positive",
            (r"\bwhether (?:or not )?to (?:believe|credit|accept) (?:him|her|them|you|his|her|"
             r"their|the respondent|the applicant)\b[^.;]{0,30}, and (?:i|the court) (?:do|does)"
             r"\s*(?:[.;!]|$)"),
            # (the court's own answer, whatever a "have to decide" before it looks like)
            negatable=False, priority=3, name="answered", conditional=True),
    *_rules("credibility", "adverse",
            (r"\bwhether (?:or not )?to (?:believe|credit|accept) (?:him|her|them|you|his|her|"
             r"their|the respondent|the applicant)\b[^.;]{0,30}, and (?:i|the court) (?:do not|"
             r"don't|does not|doesn't|cannot|can't)\b"),
            # said to the respondent: "I have to decide whether I believe that, and I'm sorry,
            # but I don't."
            (r"\bwhether (?:i|the court) (?:believe|believes|credit|credits|accept|accepts) (?:you|"
             r"him|her|them|that|it|your (?:story|account|testimony))\b[^.;]{0,40}\b(?:i|the "
             r"court) (?:do not|don't|does not|doesn't|cannot|can't)\s*(?:[.;!]|$)"),
            # (the court's own answer, whatever a "have to decide" before it looks like)
            negatable=False, priority=3, name="answered", conditional=True),
    # "he has told me the truth about the central events" ("i can't find that he's told me
    # the truth": the negation flips it)
    *_rules("credibility", "positive",
            # ("I am not prepared to say he was not telling the truth": two negations; "he may be
            # telling the truth about some of it" concedes, and finds nothing)
            (r"(?<!\bmay\x20be\x20)(?<!\bmight\x20be\x20)(?<!\bcould\x20be\x20)"
             r"\b(?:told|telling|tells|tell) (?:(?:me|the court|us) )?the (?:whole )?truth\b"),
            priority=2, name="truth"),
    # doubt and disbelief found no reason for: "I have no reason to doubt any of that";
    # "Nor did anything in the way she testified give me reason to disbelieve her"
    *_rules("credibility", "positive",
            (r"\bno (?:\w+ )?reason to (?:doubt|disbelieve|question|distrust) (?:any|all|a word|"
             r"one word|anything) of (?:that|it|this|what (?:he|she|they) (?:said|told|"
             r"described|testified))\b"),
            # "I've got no reason to doubt a word he said."
            (r"\bno (?:\w+ )?reason to (?:doubt|disbelieve|question|distrust) (?:a (?:single )?|"
             r"one )word (?:he|she|they|you) (?:said|told|spoke|testified)\b"),
            (r"\b(?:nothing|nor (?:did|does|has) anything)\b[^.;]{0,60}\b(?:gives?|gave|given) "
             r"(?:me|the court) (?:any )?(?:reason|cause) to (?:disbelieve|doubt|distrust) "
             r"(?:him|her|them)\b"),
            negatable=False, priority=3, name="no_doubt"),
    # "I do not find him to be an incredible witness": the negation flips it
    *_rules("credibility", "adverse",
            (r"\b(?:an|as|be|was|is|found|find|finds) incredible (?:witness|testimony|account|"
             r"story)\b|\b(?:find|found|finds) (?:him|her|them|the respondent|the applicant) "
             r"(?:to be )?incredible\b"),
            priority=2, name="incredible"),
    # "testified other than truthfully", "was other than truthful": not truthful ("I cannot
    # say that the respondent testified other than truthfully" is positive)
    *_rules("credibility", "adverse",
            (r"\b(?:testif\w+|spoke|answered|was|were|is|are) (?:anything )?(?:other|otherwise) "
             r"than (?:truthful(?:ly)?|honest(?:ly)?|candid(?:ly)?|credibl[ey]|true)\b"),
            priority=3, name="other_than"),
    # "anything but truthful" is not truthful; "I cannot find that she was anything but
    # truthful", "nothing suggested he was anything other than candid" and "I cannot say she
    # was anything less than truthful" are positive
    *_rules("credibility", "adverse",
            (r"\banything (?:but|other than|less than) (?:fully |entirely |completely )?"
             r"(?:credible|truthful|candid|honest|forthright|sincere|believable|reliable|true|"
             r"accurate)\b"),
            priority=3, name="litotes"),
    # "his fear of returning is unfounded" ("I cannot find that his fear ... is unfounded":
    # the negation flips it)
    *_rules("well_founded_fear", "not_established",
            (r"\bfears? (?:[\w']+ ){0,5}?(?:is|was|are|were) (?:\w+ )?(?:unfounded|baseless|"
             r"groundless)\b"),
            priority=2, name="unfounded"),
    # "the fear he describes falls short of being well founded"
    *_rules("well_founded_fear", "not_established",
            (r"\bfears? (?:\w+ ){0,4}(?:falls?|fell) (?:\w+ )?short of (?:being )?(?:well ?founded|"
             r"objectively reasonable|a well ?founded fear)\b"),
            priority=3, name="short"),
    # the same for fear: "I cannot conclude that his fear of imprisonment is anything but
    # reasonable" is a well-founded fear
    *_rules("well_founded_fear", "not_established",
            (r"\b(?:fear|fears) (?:\w+ ){0,3}(?:is|was) anything (?:but|other than) "
             r"(?:objectively )?(?:reasonable|well founded)\b"),
            priority=3, name="litotes"),
    # the person, not the testimony, judged honest: "He was forthright even about the parts of
    # his story that hurt his case"; "Was she truthful? I think she was."
    *_rules("credibility", "positive",
            # "I believe you were beaten" (negated: "I don't believe he was detained")
            (r"\bi (?:do )?believe (?:that )?(?:you|he|she|they) (?:were|was) (?:beaten|arrested|"
             r"detained|attacked|tortured|harmed|threatened|raped|held|jailed|imprisoned)\b"),
            # "You seemed honest." (to a person without counsel)
            (r"\b(?:you|he|she|they|the respondent|the applicant) (?:seemed|appeared|came across "
             r"as|struck me as) (?:\w+ )?(?:honest|truthful|sincere|candid|believable|credible|"
             r"forthright)\b"),
            (r"\b(?:he|she|they|the respondent|the applicant|the witness) (?:was|were|is|are|has "
             r"been|had been) (?:\w+ )?(?:truthful|forthright|candid|honest)(?:\s(?:with|about|"
             r"in|even|throughout|when|and)\b|\s*[.,;]|\s*$)"),
            priority=1, name="person"),
    # the fear judged and found wanting in so many words: "His fear is genuine, but it is not
    # objectively well founded."
    *_rules("well_founded_fear", "not_established",
            # "his fear of the other family isn't a fear of persecution"
            (r"\bfears? (?:[\w']+ ){0,5}?(?:isn't|is not|wasn't|was not) a fear of (?:future )?"
             r"persecution\b"),
            (r"\b(?:it|fear|fears|that fear|this fear|the fear) (?:[\w']+ ){0,4}?(?:is|was|are|"
             r"were) not (?:objectively |subjectively |reasonably |sufficiently )?(?:well founded|"
             r"objectively reasonable)\b"),
            negatable=False, priority=2, name="stated"),
    *_rules("credibility", "adverse",
            r"\b(?:un|in)believab(?:le|ly)\b",
            r"\bnot (?:a )?(?:credible|believable|truthful|candid|forthright)\b",
            (rf"\b(?:give|gives|giving|gave|accord|accords|afford|"
             rf"affords) (?:\w+ ){{0,3}}(?:little|"
             rf"no|limited|minimal|diminished|"
             rf"reduced) weight (?:to )?(?:\w+ ){{0,2}}{_TESTIMONY}\b"),
            # "I'm not able to accept that account."
            (r"\b(?:not able to|unable to|cannot|can't) (?:accept|credit|believe) (?:that|this|his|"
             r"her|their|the) (?:account|testimony|story)\b"),
            (r"\b(?:not (?:one|something|testimony|an account) (?:that )?(?:i|the court) (?:can|"
             r"could) "
             r"(?:rely|depend) on|cannot be relied (?:up)?on)\b(?! to\b)"),
            negatable=False, priority=2),
    *_rules("credibility", "adverse",
            r"\badverse credibility\b",
            r"\b(?:lacks?|lacking|lacked) (?:\w+ ){0,1}(?:credibility|candou?r)\b",
            # "I do not find him incredible"; "I cannot say he testified untruthfully"
            (r"\b(?:find|finds|found) (?:him|her|them|you|the respondent|the applicant) (?:to be )?"
             r"(?:incredible|untruthful|dishonest|a liar)\b"),
            r"\btestif\w+ (?:\w+ ){0,1}(?:untruthfully|falsely|dishonestly)\b",
            # "I am not prepared to say that he was untruthful"; "I cannot say that his
            # testimony was untruthful"
            (r"\b(?:he|she|they|the respondent|the applicant|(?:his|her|their|the "
             r"respondent's|the applicant's) (?:testimony|account|story)) (?:was|were|is|are|"
             r"has been) "
             r"(?:\w+ )?(?:untruthful|dishonest|a liar)\b"),
            r"\b(?:undermin|damag|impugn|diminish|erod|detract)\w* (?:from )?~3credibility\b",
            r"\bimplausib(?:le|ility)\b",
            # (not an account "hard to invent")
            # (not the persecutor's invention: "facing a fabricated criminal case")
            (r"(?<!\bhard\x20to\x20)(?<!\bdifficult\x20to\x20)(?<!\bimpossible\x20to\x20)"
             r"\b(?:fabricat|concoct|invent)\w*\b(?! (?:\w+ )?(?:case|cases|charges?|"
             r"accusations?|complaints?|proceedings?|prosecutions?|warrants?)\b)"
             # (the frivolousness standard: "deliberate fabrication of a material element")
             r"(?! of a material element\b)"),
            rf"\b{_TESTIMONY} (?:\w+ ){{0,4}}{_BE} ~4{_FLAW}\b",
            (r"\b(?:inconsistenc|discrepanc|contradiction|omission)\w*\b.{0,120}\bheart of (?:the|"
             r"his|her|their) claim"),
            priority=2, name="negatable"),
    *_rules("credibility", "adverse",
            (r"\b(?:inconsistenc|discrepanc|contradiction|omission)\w* (?:\w+ ){0,6}(?:go|goes|"
             r"went|going) to the heart\b"),
            # (a flaw found absent, "I found nothing evasive in how he testified", is none)
            r"(?<!\bnothing\s)\b(?:evasive|non ?responsive)\b", priority=2, name="flaw"),
    # the chance called no less than the standard through a negated judgement: "It would be
    # hard to describe the chance ... as anything less than a reasonable possibility"
    *_rules("well_founded_fear", "not_established",
            r"\banything (?:less than|short of) a (?:reasonable|real) (?:possibility|chance)\b",
            priority=2, name="less_than"),
    # --- corroboration --------------------------------------------------------------------
    *_rules("corroboration", "sufficient",
            r"\b(?:sufficient(?:ly)?|adequate(?:ly)?|amply|well|substantially) corroborat\w*",
            # "without it, his account is not adequately supported"
            (r"\b(?:account|testimony|claim|story) (?:of (?:[\w']+ ){1,3})?(?:is|was) (?:not )?"
             r"(?:sufficiently|adequately|"
             r"amply|well) (?:supported|documented)\b"),
            # what he says happened, called documented: "his work for the Americans is about as
            # well documented as these things get" (not his country's conditions)
            (r"\b(?:his|her|their|the respondent's|the applicant's) (?!country|homeland|region|"
             r"government)(?:[\w']+ ){1,5}(?:is|was|are|were) (?:(?:about|very|quite|as|so|"
             r"thoroughly|amply|fully|extremely|unusually) ){0,2}(?:well|thoroughly|amply|fully|"
             r"extensively) documented\b"),
            # "Nothing else in the record independently shows he was ever arrested" (flipped)
            (r"\bindependently (?:shows?|establish(?:es)?|confirms?|corroborates?|proves?|"
             r"supports?) (?:that )?(?:he|she|they|his|her|their|the (?:respondent|applicant))\b"),
            # "I consider that corroboration adequate"; "I give it substantial weight as
            # corroboration"
            r"\b(?:consider|find|deem|think) (?:that |the |this |his |her |their )?corroboration "
            r"(?:to be )?(?:adequate|sufficient|enough|ample)\b",
            # "I also find the documents ample."
            (r"\b(?:find|found|consider|deem|regard) (?:the|his|her|their|these|those) "
             r"(?:documents|documentation|papers|exhibits|letters|records|affidavits) "
             r"(?:to be |as )?(?:ample|sufficient|adequate|enough)\b"),
            # "I consider that supporting evidence adequate"; "I regard the documentary record
            # as sufficient"
            (r"\b(?:consider|find|deem|regard|judge) (?:that |the |this |these |those |his |her |"
             r"their )?(?:supporting|corroborating|corroborative|documentary|independent) "
             r"(?:evidence|documentation|documents|record|material|support|papers) (?:to be |as )?"
             r"(?:adequate|sufficient|enough|ample)\b"),
            r"\b(?:substantial|significant|considerable|full|great|real) weight as corroborat\w*",
            # "the summons and his mother's letter back up the core of the claim"
            # the papers enough for the points they back: "are, I think, enough to back up the
            # key points" ("not enough to back up ...": flipped)
            (r"\b(?:enough|sufficient|ample) (?:\w+ )?to (?:back up|support|bear out|corroborate|"
             r"confirm) (?:the |his |her |their )?(?:core|heart|substance|essentials?|key "
             r"(?:parts?|points?|facts?|elements?)|main (?:parts?|points?)|central (?:facts?|"
             r"points?))\b"),
            (r"\b(?:back|backs|backed) up (?:the |his |her |their )?(?:core|heart|substance|"
             r"essentials?|key (?:parts?|points?|elements?)|main (?:parts?|points?)|every (?:part|"
             r"point|detail|element)|each (?:part|point|element)|all) of (?:the|his|her|their) "
             r"(?:claim|account|testimony|story)\b"),
            r"\b(?:has|have|had) (?:\w+ ){0,1}corroborated\b",
            # a witness or a paper backing the respondent himself: "his partner's testimony
            # corroborates him on every point" (not "nothing corroborates him")
            (r"\b(?:testimony|letters?|affidavits?|statements?|declarations?|documents?|records?|"
             r"papers|exhibits?) (?:\w+ ){0,3}"
             r"corroborat(?:e|es|ed) (?:him|her|them|the respondent|the applicant)\b"),
            r"\bcorroborat(?:e|es|ed|ing) (?:\w+ ){0,3}(?:claim|testimony|account|story)\b",
            # the account told, then the papers that "corroborate it" ("..., and the police
            # report and her sister's letter corroborate it")
            (r", and (?:[\w'\u00c0-\u024f]+ ){0,8}?(?:reports?|letters?|records?|affidavits?|"
             r"certificates?|documents?|photographs?|pamphlets?|complaints?|declarations?|"
             r"statements?|summons(?:es)?|cards?)\b(?: [\w'\u00c0-\u024f]+){0,8}? "
             r"(?<!\bto\x20)corroborat(?:e|es|ed) (?:it|all of it)\b"),
            (r"\b(?:which|that|and|documents?|letters?|records?|reports?|affidavits?|declarations?|"
             r"evidence) corroborat(?:e|es|ed) (?:the|his|her|their|this|that|these|those|key|much|"
             r"each|every)\b"),
            (r"\b(?:supports?|supported|confirms?|confirmed|consistent with) "
             r"(?:\w+ ){0,2}(?:account|testimony|claim|story)\b(?=.{0,40}\b(?:letter|record|report|"
             r"affidavit|declaration|document|photograph|evidence)s?\b)"),
            (r"\b(?:letters?|records?|reports?|affidavits?|declarations?|documents?|photographs?|"
             r"evidence|findings) (?:\w+ ){0,6}(?:supports?|supported|confirms?|confirmed|"
             r"corroborat\w+|consistent with) (?:\w+ ){0,2}(?:account|testimony|claim|story|"
             r"description)\b"),
            (r"\b(?:letters?|records?|reports?|affidavits?|certificates?|photographs?) "
             r"(?:\w+ ){0,6}(?:supports?|supported|confirms?|confirmed|corroborat\w+) "
             r"(?:\w+ ){0,4}(?:he|she|they) (?:described|recounted|testified (?:to|about))\b"),
            # "the medical certificate from Sylhet, which fits his account closely"
            (r"\b(?:letters?|records?|reports?|affidavits?|certificates?|photographs?|notes?|"
             r"statements?)\b[^.;]{0,60}\b(?:fits?|fitted|tracks?|tracked) (?:his|her|their|the "
             r"respondent's|the applicant's) (?:account|testimony|story)\b"),
            r"\b(?:claim|testimony|account) (?:is|was) (?:\w+ ){0,1}corroborated\b",
                    # "the photographs of the damage are enough" ("are not enough": flipped)
            (r"\b(?:photographs?|photos?|pictures?|documents?|letters?|records?|affidavits?|"
             r"certificates?|reports?|declarations?|statements?|exhibits?|papers)\b"
             r"(?: [\w']+){0,5}? (?:are|is|were|was) (?:\w+ )?(?:enough|sufficient|adequate)\b"
             r"(?! to (?:show|establish|prove)\b)"),
    # "The pastor's testimony and the baptismal certificate at Exhibit 11 confirm the
            # conversion" (an event of the claim confirmed; "nothing confirms the arrest":
            # flipped)
            (r"\b(?:testimony|letters?|affidavits?|statements?|declarations?|certificates?|"
             r"records?|documents?|reports?|summons(?:es)?|warrants?)\b(?: [\w']+){0,6}? "
             r"(?:confirm|confirms|confirmed|bear out|bears out|bore out) (?:the|his|her|their) "
             r"(?:\w+ )?(?:conversion|baptism|arrest|arrests|detention|detentions|membership|"
             r"beating|beatings|attack|attacks|injur\w+|abduction|kidnapping|rape|threats?|"
             r"events?|identity)\b"),
            # "the medical report confirms the burns on her arms"
            (r"\b(?:medical|hospital|police|death|birth|doctor's|forensic|psychological|court|"
             r"arrest|autopsy) (?:report|record|certificate|note|letter|evaluation|warrant)s? "
             r"(?:\w+ ){0,3}(?:confirms?|confirmed|corroborates?|corroborated|bears? out|bore out|"
             r"backs? up|backed up|documents?|documented|matches|matched|reflects?|reflected)\b"),
            (r"\bcorroborat\w* (?:evidence|documents?|letters?) (?:\w+ ){0,3}(?:support|sufficient|"
             r"adequate)\w*"),
            # the corroboration weighed and found enough: "This corroboration is sufficient"
            # ("is not sufficient": the negation flips it)
            (r"\bcorroborat\w* (?:[\w']+ ){0,6}(?:is|was|are|were) (?:\w+ ){0,1}(?:sufficient|"
             r"adequate|enough)\b"),
            # said plainly to the respondent: "you have given me enough evidence"
            (r"\b(?:given|gave|give|provided|brought|submitted|presented|shown) (?:me |the court "
             r")?(?:enough|sufficient|adequate) (?:evidence|proof|documents|documentation|"
             r"corroboration)\b")),
    # negated necessity: "no further corroboration is needed" says what is there suffices
    *_rules("corroboration", "sufficient",
            (r"\bno (?:further|more|additional|other) (?:\w+ ){0,1}(?:corroborat\w*|evidence|"
             r"documents?|documentation|proof|letters?|records?)(?: (?:of|for|on) (?:that|it|this|"
             r"the \w+))? (?:is|was|are|were) (?:\w+ ){0,1}(?:needed|necessary|required|called for)"
             r"\b"),
            # the same need denied as the court's view: "I do not think more corroboration was
            # needed", "Nor do I think further documents were required"
            (r"\b(?:(?:i|the court) (?:do|does|did) not|(?:i|the court) (?:don't|doesn't|didn't)|"
             r"nor (?:do|does|did) (?:i|the court)) (?:think|believe|consider|find) (?:that )?"
             r"(?:any )?(?:more|further|additional|other) (?:\w+ ){0,1}(?:corroborat\w*|evidence|"
             r"documents?|documentation|proof|letters?|records?) (?:is|was|are|were|would have "
             r"been) (?:\w+ ){0,1}(?:needed|necessary|required|called for)\b"),
            # "I do not require more", "Nor do I need additional documents"
            (r"\b(?:(?:i|the court) (?:do|does|did|will) not|(?:i|the court) (?:don't|doesn't|"
             r"didn't|won't)|nor (?:do|does|did|will) (?:i|the court)) (?:require|need) "
             r"(?:any )?(?:more|further|additional|anything (?:more|further|else|beyond (?:that|"
             r"this|it|those|these)))\b"),
            # ("His testimony is backed by the decree listing his name, the indictment, ...")
            (r"\b(?:testimony|account|story|claim) (?:is |was )?(?:borne out|backed(?: up)?|"
             r"supported|confirmed) by\b"),
            # "I do not think anything more can fairly be asked of him"
            (r"\b(?:nothing|(?:not|n't) (?:\w+ ){0,3}anything) (?:more|further|else) (?:can|could|"
             r"should) (?:\w+ )?be (?:asked|expected|required|demanded) of\b"),
            # "the certificate and the photographs all back that account up"
            (r"\b(?:back|backs|backed|backing) (?:\w+ ){0,1}(?:that|this|his|her|their|the) "
             r"(?:account|testimony|story|claim) up\b"),
            (r"\b(?:testimony|account|claim|story) (?:\w+ ){0,4}(?:is|was) (?:\w+ ){0,1}"
             r"corroborated\b"),
            (r"\b(?:testimony|account|story) (?:\w+ ){0,3}(?:(?:is|was|were) (?:\w+,? ){0,3}"
             r"consistent with|matched|matches|mirrors|mirrored) (?:the |his |her |their )?"
             # (the country reports an account fits are a reason to believe it, a credibility
             # finding: "his account is consistent with the State Department report")
             r"(?!(?:\w+ ){0,2}?(?:country|state department'?s?|human rights|background)\b)"
             r"(?:\w+ ){0,3}(?:records?|reports?|letters?|affidavits?|certificates?|"
             r"photographs?)\b"),
            # the corroboration named, then weighed: "..., are the corroboration one would
            # expect, and they are enough"
            (r"\bcorroborat\w*\b[^.;]{0,80},\s*and (?:they|it|these|those|that|this) (?:are|is|"
             r"were|was) (?:\w+ )?(?:enough|sufficient|adequate)\b"),
            # "I cannot see what more she could reasonably have brought"
            (r"\b(?:cannot|can't|could not|do not|don't|fail to) see what (?:more|else) "
             r"(?:he|she|they|the respondent|the applicant) (?:could|should|might) (?:\w+ )?"
             r"(?:have )?(?:brought|produced|submitted|provided|offered|presented|obtained|filed|"
             r"given)\b"),
            # "I couldn't reasonably expect more from him"
            # ("I would not have expected more from her")
            (r"\b(?:couldn't|could not|cannot|can't|(?:would not|wouldn't) have) (?:reasonably |"
             r"fairly )?(?:expect|expected|ask|asked|require|required|demand|demanded) "
             r"(?:any(?:thing)? )?more (?:of|from) (?:him|her|them|the respondent|the "
             r"applicant)\b"),
            # "I wouldn't ask him for anything more"
            (r"\b(?:couldn't|could not|cannot|can't|would not|wouldn't) (?:reasonably |fairly )?"
             r"(?:ask|require|expect) (?:him|her|them|the respondent|the applicant) (?:for|to "
             r"(?:bring|provide|produce|submit)) (?:any(?:thing)? )?(?:more|else|further)\b"),
            # "the documentary record leaves nothing missing"
            (r"\b(?:documentary (?:record|evidence)|documents|documentation|papers|corroborat\w*|"
             r"exhibits) (?:\w+ ){0,2}(?:leaves?|left) nothing (?:missing|out|wanting|lacking|to "
             r"be desired|unanswered)\b"),
            # "..., which is all the corroboration this case requires"
            (r"\ball (?:the )?(?:corroborat\w*|documentation|support) (?:that )?(?:this case|the "
             r"case|the claim|the law|i|the court) (?:requires|needs|calls for|demands|could "
             r"ask)\b"),
            # "backed by the decree ..., which is all that could reasonably be expected of him"
            (r"\b(?:which|that|this|these|they) (?:is|are|was|were) all (?:that )?(?:i |the court |"
             r"one |anyone )?(?:could|can|might|would) (?:reasonably |fairly )?(?:be )?(?:expected|"
             r"expect|asked|ask|required|require|demanded|demand)(?: of| from)? (?:him|her|them|"
             r"the respondent|the applicant)\b"),
            # the need denied as a noun: "I see no need to demand more paper from him",
            # "There is no need for more documents than she has provided"
            (r"\b(?:no|without) (?:\w+ )?need (?:to (?:demand|ask for|require|insist on|seek|"
             r"call for|"
             r"expect) |for )(?:any )?(?:more|further|additional|other) (?:\w+ )?(?:paper|papers|"
             r"documents?|documentation|evidence|corroborat\w*|proof|letters?|records?)\b"),
            # all that could be asked, supplied: "... supply all the corroboration the Court
            # could reasonably expect"
            (r"\b(?:supply|supplies|supplied|provide|provides|provided|give|gives|gave|furnish|"
             r"furnishes|furnished) (?:all|every bit of|as much of) (?:the )?(?:corroborat\w*|"
             r"support|documentation|evidence|proof) (?:that )?(?:the court|i|one|anyone|this "
             r"court) (?:could|would|can|might|should) (?:reasonably |fairly )?(?:expect|ask|"
             r"want|require|demand)\b"),
            negatable=False, priority=3, name="stated"),
    # "you gave me enough to back up your story" ("you did not give me enough ...": flipped)
    *_rules("corroboration", "sufficient",
            (r"\b(?:give|gave|given|provide|provided|bring|brought|submit|submitted) (?:me |the "
             r"court |us )?enough (?:\w+ )?to (?:back up|support|prove|corroborate|confirm) "
             r"(?:your|his|her|their|the) (?:story|account|claim|testimony)\b"),
            # "That is not enough to shore up her testimony" (flipped: insufficient)
            (r"\benough (?:\w+ )?to (?:shore up|bolster|back up|corroborate|support|confirm) "
             r"(?:his|her|their|your|the respondent's|the applicant's) (?:testimony|account|"
             r"story|claim)\b"),
            priority=2, name="enough_given"),
    # the papers called enough, an aside between: "The documents themselves, the warrant above
    # all, are enough" ("are not enough": flipped)
    *_rules("corroboration", "sufficient",
            # ("the pastor's letter from her church in Glendale are enough")
            (r"\b(?:documents?|documentation|papers|letters?|records?|exhibits?|affidavits?|"
             r"certificates?|corroborat\w*|supporting evidence)\b(?: (?:from|of|by|in|about|for)"
             r"(?: [\w']+){1,8}?)?(?: themselves)?(?:,[^,;.]{1,40},)? (?:are|is|"
             r"were|was) (?:\w+ ){0,2}(?:enough|sufficient|adequate|ample)\s*(?:[.;]|$)"),
            priority=2, name="called_enough"),
    # the papers bearing out the account's key points ("The baptism certificate and the
    # release notice confirm the essential points"), or named, then by pronoun: "... are
    # exactly what I would expect to see, and they support his account" ("don't confirm":
    # flipped)
    *_rules("corroboration", "sufficient",
            (r"\b(?:letters?|records?|reports?|affidavits?|certificates?|notices?|notes?|cards?|"
             r"documents?|summons(?:es)?|photographs?|papers|warrants?)\b[^.;]{0,80}?\b(?:confirms?|"
             r"confirmed|"
             r"supports?|supported|bears? out|bore out|corroborates?|corroborated|backs? up|"
             r"backed up) (?:the |his |her |their )?(?:essential|core|key|main|central|important|"
             r"material|critical) (?:points?|facts?|parts?|elements?|events?)\b"),
            (r"\b(?:letters?|records?|reports?|affidavits?|certificates?|notices?|documents?|"
             r"summons(?:es)?|photographs?|papers|warrants?)\b[^.;]{0,160}?,? and (?:they|these|"
             r"those|both|all of them|each of them) (?:\w+ )?(?:support|confirm|corroborate|bear "
             r"out|back up) (?:his|her|their|the respondent's|the applicant's) (?:account|"
             r"testimony|story|claim)\b"),
            # "The posts ... and the screenshots of threats sent to her mother back up what she
            # says."
            (r"\b(?:letters?|records?|reports?|affidavits?|certificates?|notices?|documents?|"
             r"summons(?:es)?|photographs?|photos|papers|warrants?|posts|screenshots?|messages|"
             r"exhibits?)\b[^.;]{0,160}?\b(?:backs?|backed|bears?|bore|confirms?|confirmed|"
             r"supports?|supported|corroborates?|corroborated) (?:up |out )?what (?:he|she|they) "
             r"(?:says?|said|told (?:me|us|the court)|testified(?: to)?|described|claims?|"
             r"claimed)\b"),
            priority=2, name="points"),
    # the papers said not to mend what the testimony lacks: "the documents don't fix it
    # either"
    *_rules("corroboration", "insufficient",
            (r"\b(?:documents?|documentation|papers|letters?|records?|exhibits?|affidavits?|"
             r"certificates?|corroborat\w*|supporting evidence)\b(?: (?:\w+ ){0,2})?(?:don't|"
             r"do not|doesn't|does not|didn't|did not|can't|cannot|could not|couldn't) "
             r"(?:\w+ )?(?:fix|cure|repair|mend|remedy|fill) (?:it|that|this|the (?:gaps?|"
             r"problems?|holes?|inconsistenc\w+|discrepanc\w+))\b"),
            negatable=False, priority=2, name="unmended"),
    # the support called thin ("I would not describe his supporting evidence as thin": the
    # negation flips it)
    *_rules("corroboration", "insufficient",
            (r"\b(?:describe|call|consider|regard|characteri[sz]e)\w* (?:his|her|their|the) "
             r"(?:supporting |corroborating |documentary )?(?:evidence|corroboration|"
             r"documentation|documents|papers|support) (?:as )?(?:thin|weak|scant|sparse|meager|"
             r"inadequate|insufficient|lacking)\b"),
            priority=2, name="called_thin"),
    # papers called enough support for the account: "the letter and the summons are more than
    # enough support for what he told me" ("not enough support for her claim": flipped)
    *_rules("corroboration", "sufficient",
            (r"\b(?:enough|sufficient|ample|adequate|plenty of) (?:support|corroboration|backing) "
             r"(?:for|of) (?:what (?:he|she|they) (?:told|said|described|testified)|(?:his|her|"
             r"their|the respondent's|the applicant's) (?:account|testimony|story|claim))\b"),
            priority=2, name="enough"),
    *_rules("corroboration", "insufficient",
            # "I'm not able to give weight to the letters"
            (r"\b(?:not able to|unable to|cannot|can't|can not) (?:give|accord|afford|attach) "
             r"(?:\w+ )?weight to (?:the|his|her|their|these|those) "
             r"(?:\w+ )?(?:letters?|documents?|"
             r"affidavits?|records?|statements?|declarations?|certificates?|papers|exhibits?)\b"),
            (r"\b(?:documents?|letters?|exhibits?|records?|papers)\b[^.;]{0,40}\b"
             r"(?:not one|none) of "
             r"them (?:\w+ ){0,2}(?:address|mention|concern|show|corroborat|support|describ)\w*"),
            (r"\b(?:insufficient|inadequate|little|scant|minimal|lack of|absence of|no|"
             r"without|lacks?|lacking|lacked|missing) (?:\w+ ){0,2}corroborat\w*"),
            r"\b(?:produced|provided|submitted|offered|presented) none of (?:it|them|this|these)\b",
            # "none was submitted", "no letter from him or from the clinic was submitted",
            # "the record does not contain the evidence the court would expect"
            # ("no medical or detention record was offered")
            (r"\b(?:none|no (?:\w+ (?:or |and )?){0,3}?(?:letter|document|record|affidavit|"
             r"statement|declaration|report)s?\b"
             r"[^.;]{0,50}?) (?:of (?:it|them) )?(?:was|were|has been|have been) (?:ever )?"
             r"(?:submitted|provided|produced|offered|presented|filed)\b"),
            (r"\b(?:record|file) (?:does not|doesn't|did not|didn't) (?:contain|include|hold) "
             r"(?:the |any |that |such )?(?:\w+ ){0,1}(?:evidence|documents?|letters?|"
             r"documentation|corroboration)\b"),
            (r"\b(?:fail\w*|unable|declined|did not|didn't|has not|had not|"
             r"hasn't) (?:\w+ ){0,3}(?:provide|submit|produce|present|obtain|"
             r"offer)\w* (?:\w+ ){0,5}corroborat\w*"),
            r"\b(?:uncorroborated|not corroborated)\b",
            # "what he did submit does not make up for the defects in his testimony"; "it does
            # not rehabilitate his testimony"
            # (the evidence as subject: "he could not fill the gaps in his own story" is his
            # explanation, no corroboration)
            (r"\b(?:it|that|this|which|evidence|letters?|documents?|records?|reports?|affidavits?|"
             r"statements?|declarations?|submission|submit|submitted|exhibits?|certificates?|"
             r"photographs?|papers?) (?:\w+ ){0,2}(?:does|do|did|could|can) not (?:\w+ )?"
             r"(?:make up for|rehabilitate|cure|overcome|repair|fill) (?:\w+ ){0,3}(?:defects?|"
             r"gaps?|problems?|testimony|account|shortcomings?|deficienc\w*|inconsistenc\w*|"
             r"holes?)\b"),
            (r"\b(?:does|do|did) (?:little|nothing) to (?:fill|support|corroborate|bolster|"
             r"shore up|"
             r"back up|cure|confirm)\b"),
            # "he did not present a single document", "not one letter in the record"
            (r"\b(?:did not|didn't|never|failed to|has not|hasn't|had not) (?:\w+ ){0,1}(?:present|"
             r"submit|provide|produce|offer|file)\w* (?:a single|any|one|even one) (?:\w+ ){0,1}"
             r"(?:document|letter|record|affidavit|statement|report|piece of evidence)s?\b"),
            (r"\bnot (?:a single|one) (?:\w+ ){0,1}(?:document|letter|record|affidavit|report|"
             r"piece of evidence)s?\b"),
            # a witness's statement not produced: "she didn't submit a letter from her son";
            # "corroborating evidence ... was not provided"
            (r"\b(?:did not|didn't|never|failed to|has not|hasn't|had not) (?:\w+ ){0,1}(?:submit|"
             r"provide|produce|present|offer|obtain)\w* (?:a |any )?(?:written )?(?:statement|"
             r"letter|affidavit|declaration)s? from\b"),
            (r"\b(?:corroborat\w*|evidence|documents?|statements?|letters?|affidavits?)\b"
             r"[^.;]{0,60}\b(?:was|were|has|have|had)(?: been)? not (?:been )?(?:provided|"
             r"submitted|produced|presented|obtained|offered)\b"),
            (r"\bcorroborat\w* (?:\w+ ){0,4}(?:is|was|are|were) (?:insufficient|lacking|missing|"
             r"absent|inadequate)\b"),
            (r"\b(?:no|without) (?:\w+ ){0,2}(?:documents?|documentation|letters?|records?|"
             r"evidence) (?:to|that|which) (?:would )?(?:fill|support|corroborat\w*|confirm|"
             r"back)\b"),
            # "there isn't enough evidence to support what you told me"
            (r"\b(?:(?:is|was|are|were) not|isn't|wasn't|aren't|weren't|no|not|insufficient) "
             r"(?:\w+ ){0,1}(?:enough |sufficient |adequate )?(?:evidence|documentation|proof|"
             r"corroboration) to (?:support|corroborate|back up|confirm|prove)\b"),
            # "the arrest record or a statement from the friend ...; neither was provided"
            (r"\b(?:records?|statements?|letters?|affidavits?|declarations?|documents?|reports?|"
             r"certificates?)\b[^.]{0,120}\bneither (?:one )?(?:was|were|has been|have been) "
             r"(?:provided|submitted|produced|offered|presented|filed|obtained)\b"),
            # "no reason was given why they could not be obtained"
            (r"\bno (?:reason|explanation) (?:was |has been |is )?(?:given|offered|provided) "
             r"(?:for )?why (?:\w+ ){0,3}(?:could not|couldn't|cannot|can't|were not|was not) "
             r"(?:have )?(?:be |been )?(?:obtained|provided|produced|submitted|gotten)\b"),
            # the papers the court asked for, never come: "None of that arrived, and he gave
            # no reason it was unavailable"
            (r"\bnone of (?:that|it|them|this|those|these) (?:ever )?(?:arrived|came(?: in)?|"
             r"turned up|materiali[sz]ed|(?:was|were|has been|have been) (?:filed|submitted|"
             r"provided|produced))\b"),
            (r"\b(?:gave|gives|offered|offers|provided|has given|has offered) no (?:\w+ )?"
             r"(?:reason|explanation) (?:for )?(?:why )?(?:it|they|that|those|these|any of (?:it|"
             r"them|that)) (?:was|were|is|are|had been) (?:unavailable|not available|"
             r"impossible to (?:get|obtain))\b"),
            # "he provided no letter from his wife, who saw the beating"
            (r"\b(?:he|she|they|you|the respondent|the applicant)(?: also| has| had| have| has "
             r"also| also has)? (?:provided|submitted|produced|offered|presented|brought|filed) no "
             r"(?:\w+ ){0,2}"
             r"(?:letters?|statements?|affidavits?|declarations?|records?|documents?|evidence) "
             r"from\b"),
            # the reason given for the missing papers rejected: "her explanation for not
            # providing it is inadequate"
            (r"\bexplanation (?:\w+ ){0,3}for (?:not|never) (?:providing|submitting|producing|"
             r"obtaining|presenting|bringing|offering) (?:[\w']+ ){0,4}?(?:is|was) (?:\w+ )?"
             r"(?:inadequate|insufficient|unpersuasive|unconvincing|unreasonable|not (?:adequate|"
             r"persuasive|convincing|reasonable|sufficient))\b"),
            # the statement the court expected and did not get: "I would have expected a
            # statement from his father, who took him to the hospital"
            (r"\b(?:i|the court) would (?:reasonably )?have expected (?:to see )?(?:a|an|some|at "
             r"least (?:a|an|one)) (?:\w+ ){0,2}(?:letters?|statements?|affidavits?|declarations?|"
             r"records?|documents?|evidence) from\b"),
            # what could reasonably have been supplied, not supplied: "Nor has she supplied
            # what she reasonably could have"; "he did not produce the evidence he easily could
            # have"
            (r"\b(?:not|n't|never|nor (?:has|had|did) (?:he|she|they|the respondent|the "
             r"applicant)) (?:\w+ )?(?:supplied|provided|produced|submitted|offered|brought|"
             r"obtained|presented|supply|provide|produce|submit|offer|bring|obtain|present) "
             r"(?:what|"
             r"the (?:\w+ )?(?:evidence|documents|letters|statements|records|affidavits|papers|"
             r"corroboration)) (?:that )?(?:he|she|they) "
             r"(?:\w+ )?(?:could|should|might) (?:\w+ )?have\b"),
            # "That is not the corroboration a case like his needs"
            (r"\bnot the (?:kind of |sort of )?(?:corroborat\w*|evidence|documentation|support) "
             r"(?:that )?(?:a case like (?:his|hers|this|theirs)|this case|the case|his case|her "
             r"case|the claim|his claim|her claim) (?:needs|requires|calls for|demands)\b"),
            # "Nothing she filed supports her account."
            (r"\bnothing (?:[\w']+ ){0,3}(?:supports?|supported|corroborates?|corroborated|"
             r"backs? up|backed up|confirms?|confirmed) (?:your|his|her|their|the respondent's|the "
             r"applicant's) (?:testimony|account|story|claim)\b"),
            negatable=False, priority=2),
    # papers that back the account up: "the priest's letter and the arrest summons back it
    # up" ("nothing from the police ... to back it up": the negation flips it)
    *_rules("corroboration", "sufficient",
            (r"\b(?:letters?|records?|reports?|affidavits?|certificates?|summons(?:es)?|"
             r"documents?|photographs?|statements?|declarations?|warrants?|cards?)\b[^.;]{0,40}"
             r"\b(?<!to\x20)(?:back|backs|backed) (?:it|him|her|them|that|this) up\b"),
            priority=2, name="backed"),
    # "Nor is there independent evidence that could carry the claim on its own."
    *_rules("corroboration", "insufficient",
            (r"\b(?:no|nor is there|there is no|without) (?:\w+ )?(?:independent |documentary |"
             r"other )?(?:evidence|documents?|papers|proof) (?:that|which) (?:could|would|can|"
             r"might) (?:carry|support|prove|establish|sustain) (?:the|his|her|their) claim\b"),
            # "nothing else in the record fills the gap"; the papers named, then "neither
            # fills the hole his testimony leaves" (before or after a semicolon)
            (r"\b(?:nothing|none)(?: else)?(?: (?:in|of) (?:the record|it|them))? (?:fills|fill|"
             r"closes|close|bridges|bridge) (?:the|that|this) (?:\w+ ){0,3}?(?:gaps?|holes?)\b"),
            (r"\b(?:documents?|letters?|affidavits?|records?|papers|certificates?|reports?|"
             r"statements?|notes?|cards?)\b[^.]{0,160}\b(?:neither|none)(?: of (?:them|these|"
             r"those|the two))? (?:fills|fill|filled|closes|close|closed) (?:the|that|this) "
             r"(?:\w+ ){0,3}?(?:gaps?|holes?)\b"),
            (r"^\s*(?:and |but )?(?:neither|none)(?: of (?:them|these|those|the two))? "
             r"(?:fills|fill|filled|closes|close|closed) (?:the|that|this) (?:\w+ ){0,3}?"
             r"(?:gaps?|holes?)\b"),
            # "the papers he gave the court dont carry it on their own"
            (r"\b(?:papers|documents?|letters?|evidence|records?|exhibits?)\b[^.;]{0,40}\b(?:don't|"
             r"dont|do not|doesn't|doesnt|does not|cannot|can't|cant) carry (?:it|the claim|the "
             r"case|(?:his|her|their) claim)\b"),
            # "They don't rescue his testimony."; "He produced nothing and offered no reason."
            # ("I give them little weight, and they do not rehabilitate his testimony.")
            (r"(?:^|[,;]\s*(?:and |but )?)\s*(?:(?:they|these|those) (?:do not|don't|cannot|can't|"
             r"could not|couldn't) (?:rescue|save|salvage|repair|cure|rehabilitate)|"
             r"(?:none|neither)(?: of them)? (?:rescues|saves|salvages|repairs|cures|"
             r"rehabilitates)) (?:his|her|their|the) (?:testimony|account|claim|case|"
             r"credibility)\b"),
            r"\b(?:he|she|they) (?:produced|provided|submitted|brought|filed) nothing\b",
            # "Nor has she filled that gap some other way."
            (r"^\s*(?:and |but )?nor (?:has|had|did|does|can|could) (?:he|she|they|the "
             r"respondent|the applicant|anything|any document) (?:\w+ )?(?:filled|fill|closed|"
             r"close|bridged|bridge) (?:that|the|this) (?:\w+ )?(?:gap|hole)\b"),
            # "she gave no reason why her mother, who nursed her, could not write a statement"
            (r"\b(?:gave|gives|offered|offers|has given|provided) no (?:reason|explanation) "
             r"(?:why|for why) (?:his|her|their) \w+(?:,[^,.;]{0,80},)? (?:could not|couldn't|"
             r"did not|didn't|would not|wouldn't|cannot|can't) (?:\w+ )?(?:write|provide|send|"
             r"give|submit|sign|swear) (?:a |any |an )?(?:statement|letter|affidavit|"
             r"declaration)\b"),
            # "He gave me nothing from his father or the village sarpanch"
            (r"\b(?:he|she|they) (?:gave|gives|has given|have given) (?:me |the court |this "
             r"court )?nothing (?:from|by|written by) (?:his|her|their|the respondent's|the "
             r"applicant's) \w+"),
            negatable=False, priority=3, name="none_carries"),
    # the papers called enough beside the credibility finding: "I find her credible and the
    # corroboration more than adequate"
    *_rules("corroboration", "sufficient",
            (r"\b(?:find|finds|found|consider|considers|considered|deem|deems|deemed) (?:[\w']+ )"
             r"{0,6}?(?:the|her|his|their) (?:corroboration|corroborating evidence|supporting "
             r"evidence|documentation|documentary evidence) (?:(?:more than|entirely|quite|fully|"
             r"plainly) )?(?:adequate|sufficient|enough|ample)\b"),
            priority=2, name="found_enough"),
    # support found wanting: "the record lacks support for his claim" ("Nor is it the case
    # that the record lacks support ...": the operator flips it)
    *_rules("corroboration", "insufficient",
            (r"\b(?:record|claim|account|testimony|case|story)\b (?:\w+ ){0,2}(?:lacks|lacked|"
             r"lacking|is lacking|was lacking|is without|was without) (?:(?:any|adequate|"
             r"sufficient|independent|documentary|real|meaningful) ){0,2}(?:support|"
             r"corroboration)\b"),
            priority=3, name="lacks_support"),
    # the papers said not to bear out the claim: "What he has submitted does not corroborate
    # the core of his claim"; "the documents do not establish the claim"
    *_rules("corroboration", "insufficient",
            (r"\b(?:submitted|filed|produced|provided|documents?|papers|records?|letters?|"
             r"affidavits?|exhibits?|evidence)\b[^.;]{0,60}?\b(?:does|do|did|has|have)(?: not|"
             r"n't) (?:\w+ )?(?:corroborate|support|establish|prove) (?:the|his|her|their) "
             r"(?:\w+ ){0,3}(?:claim|account|testimony|story)\b"),
            # "corroboration he could reasonably have obtained is missing"
            (r"\b(?:corroborat\w*|documents?|records?|letters?|affidavits?|evidence)\b[^.;]{0,60}"
             r"\b(?:is|are|was|were|remains?) (?:still |simply |entirely )?(?:missing|absent)"
             r"(?=\s*(?:[.;,:!]|$|and\b|but\b|from\b|here\b))"),
            negatable=False, priority=3, name="not_borne_out"),
    # "that is all the supporting evidence the law asks of her"
    *_rules("corroboration", "sufficient",
            (r"\b(?:that|this|which|it)(?:'s| is| was) all (?:the )?(?:supporting evidence|"
             r"corroboration|corroborating evidence|documentation|proof|evidence) (?:that )?the "
             r"law (?:asks|requires|demands|expects)\b"),
            negatable=False, priority=2, name="all_asked"),
    # papers that work against the claim: "with documents that undercut him rather than
    # support him"
    *_rules("corroboration", "insufficient",
            (r"\b(?:documents?|papers?|records?|letters?|affidavits?|exhibits?|documentary "
             r"evidence) (?:that|which) (?:\w+ )?(?:undercut|undermine|contradict|cut against|"
             r"work against)s? (?:him|her|them|his|her|their|the (?:respondent|applicant|claim))"
             r"\b"),
            priority=2, name="undercut"),
    # "The corroboration falls short." ("does not fall short": the negation flips it)
    *_rules("corroboration", "insufficient",
            (r"\b(?:corroborat\w*|documentary (?:support|evidence|record)|documents?|"
             r"documentation|letters?|affidavits?|(?:supporting|independent) (?:evidence|"
             r"material|proof)) (?:\w+ ){0,3}(?:falls?|fell|falling) "
             r"(?:well |far |considerably |badly )?short\b"),
            priority=2, name="short"),
    # what the papers do for the claim: "it cannot fill the gap", "The documents do not rescue
    # the claim" (and, unnegated, "the affidavit fills that gap")
    *_rules("corroboration", "sufficient",
            # (a paper named far before the pronoun that stands for it; the concept rule
            # "gaps" reads the paper as the subject; "he could not fill the gaps in his own
            # story" is no corroboration)
            (r"\b(?:documents?|documentation|evidence|letters?|affidavits?|records?|papers|"
             r"exhibits?|certificates?|reports?|declarations?|statements?|notes?)\b[^.;]{0,160}"
             r"\b(?:it|they|that|this|those|these) (?:\w+ ){0,3}?(?:fill|fills|filled|close|"
             r"closes|closed|bridge|bridges|bridged) (?:the|that|this|those) (?:\w+ )?gaps?\b"),
            # "they don't fix the problem" (said of the papers named before in the turn)
            (r"\b(?:documents?|letters?|affidavits?|records?|papers|exhibits?|certificates?|"
             r"reports?|declarations?|statements?)\b[^.]{0,160}\b(?:it|they|those|these) "
             r"(?:\w+ ){0,2}?(?:fix|fixes|fixed|cure|cures|cured|solve|solves|solved|repair|"
             r"repairs|repaired) (?:the|that|this|those) (?:\w+ )?problems?\b"),
            # "what he did bring does not fill the gap" ("What he did file, two news articles,
            # does not fill that gap")
            (r"\bwhat (?:he|she|they) (?:did )?(?:bring|brought|submit\w*|provide\w*|file\w*|"
             r"offer\w*|produce\w*)(?:,[^,;]{1,80},)? (?:\w+ ){0,2}?(?:fill|fills|filled|close|"
             r"closes|closed) "
             r"(?:the|that|this) (?:\w+ )?(?:gaps?|holes?)\b"),
            # the papers answering the court's doubts: "The hospital record, the priest's letter
            # and the cousin's affidavit together settle the points that worried me"
            (r"\b(?:documents?|documentation|evidence|letters?|affidavits?|records?|papers|"
             r"exhibits?|certificates?|reports?|declarations?|statements?)\b[^.;]{0,120}?\b"
             r"(?:settle|settles|settled|resolve|resolves|resolved|allay|allays|allayed|dispel|"
             r"dispels|dispelled|answer|answers|answered) (?:the|my|those|these|any|all|each of "
             r"the) (?:\w+ )?(?:concerns|doubts|points|questions|worries|misgivings|"
             r"reservations)\b"),
            (r"\b(?:documents?|documentation|evidence|letters?|affidavits?|corroborat\w*|records?|"
             r"papers|exhibits?|certificates?|reports?|declarations?) (?:[\w']+ ){0,5}?(?:rescue|"
             r"rescues|rescued|save|saves|saved|salvage|salvages|salvaged) (?:the|his|her|their) "
             r"(?:claim|case|account|testimony)\b"),
            priority=2, name="gap"),
    # the law stated, then applied: "I may require corroboration ..., and I am requiring it
    # here" (wins over the standard's own "may require")
    *_rules("corroboration", "required",
            (r"\b(?:i am|i'm|the court is) (?:\w+ )?(?:requiring|asking for|insisting on) (?:it|"
             r"that|them|those|such corroboration|that corroboration) (?:here|in this case|now|"
             r"today)\b"),
            # the papers just named, required: "I'm going to require those before I decide"
            (r"\b(?:i am going to|i'm going to|i will|i'll|the court will) (?:\w+ )?(?:require|"
             r"insist on) (?:those|them|these|(?:the|those|these) (?:letters?|documents?|records?|"
             r"affidavits?|statements?|certificates?|papers))(?=\s*(?:[.,;]|$|\b(?:before|from|"
             r"by|and)\b))"),
            priority=3, name="applied"),
    # the evidence within reach and not given: "that evidence was reasonably available and she
    # didn't provide it" (outranks the requirement it names)
    *_rules("corroboration", "insufficient",
            (r"\breasonably (?:available|obtainable)\b[^.;]{0,40}\b(?:and|but|yet) (?:he|she|they|"
             r"the respondent|the applicant) (?:did not|didn't|failed to|never|has not|hasn't|"
             r"did nothing to) (?:\w+ )?(?:provid|submit|produc|present|obtain|get|got|offer|"
             r"fil)\w*\b"),
            negatable=False, priority=4, name="available_not_given"),
    # papers that fall short of showing the events: "the card and the affidavit do not
    # independently establish that the detentions happened"
    *_rules("corroboration", "sufficient",
            (r"\b(?:documents?|letters?|records?|affidavits?|certificates?|exhibits?|papers|"
             r"evidence|cards?)\b[^.;]{0,100}?\b(?:establish|prove|show|confirm|corroborate)"
             r"(?:s|d|ed)? that (?:\w+ ){0,4}(?:happened|occurred|took place)\b"),
            name="events"),
    *_rules("corroboration", "required",
            r"\b(?:requir|expect)\w* (?:\w+ ){0,6}corroborat\w*",
            # "I'm going to need them: the newspaper article, the report, and a letter from your
            # mother"
            (r"\b(?:i|the court)(?:'m| am| will|'ll)? (?:going to )?need (?:them|those|these|the|"
             r"a|an|some|his|her|your)\b[^.;]{0,120}\b(?:letters?|articles?|reports?|records?|"
             r"affidavits?|statements?|documents?|certificates?)\b"),
            # "the kind of evidence I would expect him to obtain"
            (r"\b(?:evidence|documents?|records?|note|letters?|report)\b (?:\w+ ){0,3}"
             r"(?:i|the court) "
             r"would (?:reasonably )?expect (?:him|her|them|the respondent|the applicant) to "
             r"(?:obtain|provide|submit|produce|present|have)\b"),
            # ("corroboration of her membership and of the arrest is required here")
            (r"\bcorroborat\w* (?:\w+ ){0,8}(?:is|was|are|were) (?:\w+ ){0,1}(?:required|"
             r"reasonably available|reasonably expected)\b"),
            r"\breasonably (?:be )?(?:available|obtainable|expected)\b",
            # "An examination by a physician here is something she could reasonably obtain"
            (r"\b(?:he|she|they|you|the respondent|the applicant) (?:could|can|should be able "
             r"to) (?:\w+ )?reasonably (?:obtain|get|produce|provide|submit|gather)\b"),
            # "exactly the kind of evidence I would expect to be available"; "I will need to
            # see them"
            (r"\b(?:i|the court) would (?:reasonably |normally )?expect (?:\w+ ){0,3}to be "
             r"(?:available|obtainable|produced|submitted|provided)\b"),
            (r"\b(?:i|the court) (?:will|would|am going to|'ll) (?:\w+ )?(?:need|want|expect|have) "
             r"to see (?:them|it|those|these|that|the (?:\w+ )?(?:records?|letters?|documents?|"
             r"statements?|affidavits?|summary|report))\b"),
            # "the law allows me to ask for evidence that supports it"
            (r"\b(?:ask|asks|asking|call|calls|calling|insist|insists) (?:for|on) (?:\w+ ){0,2}"
             r"(?:evidence|documents?|proof) (?:that|which) (?:supports?|corroborates?|backs? up|"
             r"confirms?)\b"),
            (r"\b(?:requir|expect)\w* (?:\w+ ){0,3}(?:supporting|corroborating|documentary|"
             r"additional|independent) (?:evidence|documentation|documents)\b"),
            (r"\bevidence (?:was|is|would have been) (?:\w+ ){0,1}(?:easy to (?:get|obtain)|"
             r"readily available)\b"),
            r"\bshould (?:have )?(?:provided|submitted|obtained|produced)\b",
            # the court asking for the papers: "I want you to bring the clinic record and a
            # letter from your sister"
            (r"\b(?:want|need|expect|ask|order|direct|instruct)\w* (?:you|him|her|them|the "
             r"respondent|the applicant|counsel) to (?:bring|submit|file|provide|obtain|get|"
             r"produce)\b[^.;]{0,80}?\b(?:records?|letters?|affidavits?|documents?|documentation|"
             r"certificates?|(?:medical|police|hospital) reports?|declarations?|statements? from)"
             r"\b"),
            # "Counsel, I'm going to need the death certificate and ..."
            (r"\b(?:i|the court)(?:'m| am| is)? (?:going to |will |'ll |would )?(?:need|require) "
             r"(?:to see )?(?:the|a|an|his|her|their|some) (?:[\w'-]+ ){0,3}?(?:certificates?|"
             r"letters?|records?|reports?|affidavits?|declarations?|documents?|documentation|"
             r"statements?|warrants?|summons(?:es)?)\b"),
            # the court awaiting the evidence, with the consequence of its absence: "I expect
            # that evidence, and if it doesn't come I'll draw conclusions from its absence"
            (r"\b(?:draw|drawing) (?:an? )?(?:adverse |negative )?(?:conclusions?|inferences?) "
             r"from (?:its|their|the) (?:absence|omission)\b"),
            (r"\b(?:i|the court) (?:will |would )?(?:expect|expects) (?:that|this|the|those|these) "
             r"(?:evidence|letters?|documents?|records?|witness|witnesses|testimony|affidavits?)\b"),
            priority=2),
    # --- burden of proof ------------------------------------------------------------------
    *_rules("burden_of_proof", "met",
            # (not the Department's burden of rebutting a presumption: "the Department has not
            # carried its burden of rebutting it"; "The Department has carried that burden.")
            (_NOT_DEPARTMENTS +
             r"\b(?:met|meet|meets|satisf\w+|carried|carry|carries|sustained|discharged) (?:his|"
             r"her|their|its|your|the|this|that|the respondent's|the applicant's|"
             r"(?:the )?applicable) (?:\w+ ){0,1}burden\b(?! of rebut|(?: on| of (?:showing|"
             r"proving|establishing)(?: that)?) (?:internal )?relocation\b)"),
            (r"\bburden (?:of proof )?(?:has been|was|is|had been) (?:\w+ ){0,1}(?:met|satisfied|"
             r"carried|sustained)\b"),
            # a bench note: "Burden met." ("Burden not met.": flipped)
            r"^\s*(?:the )?burden (?:of proof )?(?:not )?(?:met|satisfied|carried|sustained)\b"),
    # what had to be shown, shown (or not: the negation flips it): "she has proven what she
    # needed to prove", "he has not shown what the law requires", "you have not shown what
    # you need for asylum", "he has proven his case", "they made out their case"
    # the standard fallen short of ("he falls short of the legal standard"), and the same said
    # by ellipsis after the general rule: "an honest witness can still fall short of the legal
    # standard, and he has"
    *_rules("burden_of_proof", "not_met",
            (r"(?<!\bcan\x20)(?<!\bcould\x20)(?<!\bmay\x20)(?<!\bmight\x20)(?<!\bstill\x20)"
             r"\b(?:falls?|fell|fallen) short of (?:the|his|her|their|that|this) (?:legal |"
             r"statutory )?(?:standard|burden)\b"),
            (r"\b(?:can|could|may|might) (?:still |also )?fall short of (?:the|a|that) (?:legal |"
             r"statutory )?(?:standard|burden)\b,? and (?:he|she|they|the respondent|the "
             r"applicant) (?:has|have|did)\s*(?:[.;!]|$)"),
            priority=2, name="short"),
    *_rules("burden_of_proof", "met",
            (r"\b(?:shown|showed|show|proven|proved|prove|established|establish|demonstrated|"
             r"demonstrate|carried|carry|done|met) (?:\w+ ){0,1}(?:what|everything|all) (?:that )?"
             r"(?:the (?:law|statute|act) "
             r"(?:requires|required|asks)|(?:he|she|they|you|i) (?:needed|need|needs|had|has|"
             r"have) (?:to (?:prove|show|establish|demonstrate)|for)|(?:is|was) (?:required|"
             r"needed))\b"),
            (r"\b(?:proven|proved|prove|made out|make out|makes out|established|establish) "
             r"(?:his|her|their|your) (?:\w+ )?case\b(?! (?:for(?! (?:asylum|withholding|"
             r"protection|relief)\b)|that|to)\b)"),
            # "He has therefore shown that he is eligible for asylum."
            (r"\b(?:shown|showed|proven|proved|established|demonstrated) (?:that )?(?:he|she|they|"
             r"you|the respondent|the applicant) (?:is|are|was|were) eligible for\b"),
            # "He has shown he is eligible, and ..."
            (r"\b(?:shown|showed|proven|proved|established|demonstrated) (?:that )?(?:he|she|they|"
             r"you|the respondent|the applicant)(?: is| are|'s|'re)(?: statutorily)? eligible"
             r"(?=\s*(?:[,.;]|and\b|$))"),
            # "He has therefore established his eligibility for asylum."
            (r"\b(?:shown|showed|show|proven|proved|prove|established|establish|demonstrated|"
             r"demonstrate) (?:his|her|their|your|the respondent's|the applicant's) (?:statutory )?"
             r"eligibility (?:for|as)\b"),
            # "he has not shown he is a refugee"; "she has not established eligibility for
            # asylum" (the negation flips them; "a clear probability" shown is withholding's
            # own finding, which the excerpts' writers label two ways, so it is left alone)
            (r"\b(?:shown|showed|show|proven|proved|prove|established|establish|demonstrated|"
             r"demonstrate) (?:that )?(?:(?:he|she|they|you) (?:is|are|was|were) (?:a |an )?"
             r"refugees?\b|eligibility (?:for|as)\b|(?:his|her|their|your) eligibility\b|"
             r"(?:he|she|they|you)(?: qualif(?:y|ies)|(?: is| are|'s|'re)(?: statutorily)? "
             r"eligible) (?:as|for) (?:a |an )?(?:refugees?|asylum)\b)"),
            # said plainly: "Taking the asylum application first: he qualifies for it" (not as
            # the reason for another step: "because he qualifies for asylum I need not reach
            # withholding")
            (r"(?<!\bbecause\x20)(?<!\bsince\x20)(?<!\bas\x20)"
             r"\b(?:he|she|they|you|the respondent|the applicant) (?:\w+ )?qualif(?:y|ies) "
             r"(?:for|as) (?:it|asylum|a refugee|refugee status|that relief|this relief|relief)\b"),
            name="shown"),
    # "so I do not find past persecution"; "Three weeks in a flooded cell ... is more than
    # enough harm to qualify under the statute"
    *_rules("past_persecution", "established",
            # ("and I find no past persecution": the "no" flips it)
            (r"\b(?:find|finds|found|finding) (?:that there (?:was|has been) |no )?past "
             r"persecution\b"),
            (r"\b(?:is|was|are|were) (?:\w+ ){0,2}enough (?:harm|mistreatment|suffering|abuse) to "
             r"(?:qualify|count|constitute persecution|amount to persecution|rise to (?:the level "
             r"of )?persecution)\b"),
            name="found"),
    # "so there's no past persecution here"; "She does not claim past persecution, and I find
    # none"
    *_rules("past_persecution", "not_established",
            (r"\b(?:there(?:'s| is| was)|i (?:find|see)|that's|that is|this is) no past "
             r"persecution\b"),
            (r"\bpast persecution\b[^.;]{0,40}\b(?:and )?(?:i|the court) (?:find|finds|found|see|"
             r"sees) none\b"),
            negatable=False, priority=3, name="none_here"),
    *_rules("past_persecution", "not_established",
            # "it was something short of persecution" ("nothing short of" is persecution)
            (r"\b(?:falls?|fell|fallen|stops?|stopped|(?:is|was|were|are|be|been)"
             r"(?: (?!nothing\b)\w+)?) short of (?:\w+ ){0,3}persecution\b"),
            priority=2),
    # "I can't say it falls short" (of persecution): its own negation is the finding
    *_rules("past_persecution", "established",
            (r"\b(?:can't|cannot|could not|couldn't) say (?:that )?(?:it|this|that|the harm) "
             r"falls? short\b"),
            negatable=False, priority=3, name="not_short"),
    # harm called harassment ("not something I could call mere harassment": persecution)
    *_rules("past_persecution", "not_established",
            (r"\b(?:call|calls|called|label|labels|labelled|labeled|describe|describes|described|"
             r"dismiss|dismisses|dismissed|characteri[sz]e|characteri[sz]es|characteri[sz]ed) "
             r"(?:\w+ ){0,2}?(?:as )?(?:mere|simple|ordinary|just|only) "
             r"(?:harassment|discrimination|mistreatment)\b"),
            (r"\b(?:is|was|are|were|amounts? to|amounted to) (?:only |just |merely |simply )?"
             r"(?:mere|simple|ordinary) (?:harassment|discrimination)\b"),
            priority=2, name="harassment"),
    *_rules("past_persecution", "established",
            (r"\bnot (?:something|what|anything|harm) (?:that )?(?:i|the court|this court|one|"
             r"anyone) (?:could|would|can|will) (?:fairly |reasonably |properly )?(?:call|describe "
             r"as|dismiss as|characteri[sz]e as|treat as) (?:mere|simple|ordinary|just|only) "
             r"(?:harassment|discrimination|mistreatment)\b"),
            negatable=False, priority=3, name="harassment"),
    *_rules("burden_of_proof", "not_met",
            r"\b(?:fallen|falls|fell|fall) short of (?:\w+ ){0,2}burden\b",
            # "he has fallen short of what the law asks of an asylum applicant"
            (r"\b(?:fallen|falls|fell|fall) short of what (?:the law|the statute|the act) "
             r"(?:asks|requires|demands|expects)\b"),
            # "not enough to rehabilitate his testimony or to meet his burden"
            (r"\b(?:not|n't|never) (?:\w+ )?(?:enough|sufficient|adequate) (?:[\w']+ ){0,8}?to "
             r"(?:meet|carry|satisfy|sustain|discharge) (?:his|her|their|the|its) (?:\w+ )?"
             r"burden\b"),
            negatable=False, priority=2),
    # --- nexus ----------------------------------------------------------------------------
    *_rules("nexus", "established",
            r"\bon account of\b", r"\b(?:one )?central reason\b",
            r"\b(?:group|psg) (?:\w+ ){0,6}(?:is|are) (?:legally )?cognizable\b",
            # (a group that may be one is no finding: "the group she proposes may well be
            # cognizable")
            # (not across a clause of its own: "defined by the harm itself and has no
            # particularity, so it is not cognizable")
            (r"\b(?:group|psg)\b(?:(?!,\s*(?:so|and|but)\b)[^;:]){0,160}?\b(?:is|are|as|"
             r"(?<!may\s)(?<!might\s)(?<!could\s)"
             r"(?<!well\s)be|constitutes?|(?<=it)'s) (?:\w+ ){0,2}cognizable\b"),
            # (a group that can be one in law is no finding: "a family can be a cognizable group")
            (r"(?<!can\sbe\sa\s)(?<!may\sbe\sa\s)(?<!could\sbe\sa\s)"
             r"\bcognizable (?:particular )?(?:social )?group\b"),
            r"\bimputed (?:\w+ ){0,1}(?:political )?(?:opinion|belief|views?)\b",
            (r"\bimput\w* (?:[\w']+ ){0,3}(?:opinions?|beliefs?|views?|politics) "
             r"to (?:him|her|them|you)\b"),
            # the reason in plain words: "it was over his political views"; "they went after
            # him because of where his loyalties lay"
            (r"\b(?:it|this|that|the (?:harm|beatings?|attacks?|detention|arrest|abuse|"
             r"mistreatment)) (?:was|were|is) (?:all |plainly |clearly )?(?:over|about) (?:his|"
             r"her|their|your) (?:political (?:views|opinions?|beliefs|activit(?:y|ies))|politics|"
             r"religio\w*|faith|ethnicity|race|nationality)\b"),
            (r"\bbecause of (?:where|whom|who|what) (?:his|her|their|your) (?:loyalt(?:y|ies)|"
             r"sympathies|allegiances?|politics) (?:lay|lie|lies|were|was)\b"),
            # "singled him out at least in part because of his party work"
            (r"\b(?:singled|picked|marked) (?:him|her|them|you) out\b[^.;]{0,30}\bbecause of "
             r"(?:his|her|their|your) (?:\w+ )?(?:party|political|politics|religio\w*|faith|"
             r"ethnic\w*|race|clan|tribe|nationality|membership|activism|opinions?|beliefs?|"
             r"identity|sexual orientation)\b"),
            # "the protected ground is central here, not incidental"
            (r"\b(?:the|a|his|her|their) protected ground (?:is|was|would be) (?:\w+ )?"
             r"(?:central|at the (?:core|center|centre))\b"),
            # "... that his family ties, or his indigenous identity, would be a reason for the
            # cartel to come after him" (denied by "has not shown")
            (r"\b(?:ties|identity|membership|opinions?|religion|faith|ethnicity|race|clan|"
             r"politics|beliefs?)\b(?:,[^,.;]{0,60},)? (?:would be|was|is|were) (?:a|the|one) "
             r"(?:central )?reason for (?:the |them |anyone )?(?:\w+ )?to (?:come after|target|"
             r"harm|pursue|hurt|attack|kill) (?:him|her|them|you)\b"),
            # the harm named persecution, then its reason, what the victim is: "that's
            # persecution and it was because he's rohingya and muslim"
            (r"\bpersecution,? and (?:it|this|that) (?:was|is) (?:all |plainly |clearly )?"
             r"because (?:he|she|they)(?:'s| is| was| are| were)\b"),
            # the harm tied to the trait: "which ties the harm squarely to his opposition to the
            # war" ("nothing links the threats to her faith": the negation flips it)
            (r"\b(?:ties|tie|tied|tying|links|link|linked|linking|connects|connect|connected) "
             r"(?:the|that|this|those|these|his|her|their) (?:\w+ )?(?:harm|beatings?|threats?|"
             r"attacks?|mistreatment|persecution|abuse|detentions?|arrests?|violence) (?:\w+ )?"
             r"(?:directly |squarely |firmly |clearly |plainly )?to (?:his|her|their|your) "
             r"(?:\w+ )?(?:opposition|politic\w*|party|religio\w*|faith|church|ethnic\w*|race|"
             r"clan|tribe|nationality|membership|views|opinions?|beliefs?|activism|identity|sexual "
             r"orientation|union|family)\b"),
            # the harm done because of the status found: "What he did to her, he did because of
            # that status"
            (r"\b(?:did|done|harmed|hurt|beat|beaten|attacked|abused|targeted|threatened)\b"
             r"[^.;]{0,30}\bbecause of (?:that|this|her|his|their) status\b"),
            # ... or in the passive: "The harm she fears is plainly tied to her opposition to
            # the Ortega government"
            (r"\b(?:harm|beatings?|threats?|attacks?|mistreatment|persecution|abuse|detentions?|"
             r"arrests?|violence)\b[^.;]{0,30}? (?:is|was|are|were) (?:\w+ )?(?:tied|linked|"
             r"connected) (?:directly |squarely |firmly |clearly |plainly )?to (?:his|her|their|"
             r"your) (?:\w+ )?(?:opposition|politic\w*|party|religio\w*|faith|church|ethnic\w*|"
             r"race|clan|tribe|nationality|membership|views|opinions?|beliefs?|activism|identity|"
             r"sexual orientation|union|family|status)\b"),
            # the harm found, then why he suffered it: "That's past persecution, and he suffered
            # it because he is Rohingya."
            (r"\bpersecution\b[^.;]{0,40}\b(?:he|she|they) (?:suffered|endured|experienced|"
             r"faced) (?:it|that|this|them) (?:\w+ )?because (?:(?:he|she|they)(?:'s| is| was| "
             r"are| were)|of (?:his|her|their) )"),
            # "a political opinion they attribute to you"
            (r"\b(?:opinions?|beliefs?|views?|loyalt(?:y|ies)|allegiances?) (?:that |which )?"
             r"(?:they|(?:the|his|her|their|your) \w+) (?:attribut|imput|ascrib)\w* to (?:him|her|"
             r"them|you)\b"),
            # the protected ground named as what the act expresses: "Exposing corruption by
            # officials is an expression of political opinion"
            (r"\b(?:is|was|are|were|amounts? to|constitutes?) (?:an? |the )?(?:expression|form|"
             r"exercise|manifestation) of (?:\w+ )?political opinion\b"),
            # what the persecutor believed, as the reason for the harm: "because the police
            # believed she supported the opposition", "beaten for supposedly feeding the rebels",
            # "targeted as a perceived government informant" (a recital of what was said to
            # the respondent, "they accused her of being a traitor", is no finding by itself)
            (r"\b(?:because|on account of|due to|motivated by|"
             r"since) (?:of )?(?:what )?(?:\w+ ){0,4}"
             r"(?:believed|thought|suspected|assumed|perceived|viewed|saw|regarded|considered|"
             r"branded|labell?ed|took|accused|imputed|attribut|ascrib)\w* (?:[\w']+ ){0,6}"
             + _IMPUTED),
            (r"\b(?:suspected|accused|believed|thought) (?:him|her|them|the respondent|"
             r"the applicant) "
             r"(?:\w+ ){0,6}" + _IMPUTED + r"[^.;]{0,60}\b(?:for (?:that|it|this)(?: reason)?|"
             r"because of (?:that|it|this)|on that account)\b"),
            (r"\b(?:targeted|persecuted|attacked|beaten|beat|arrested|detained|tortured|harmed|"
             r"threatened|singled out|punished|hunted|pursued|jailed|imprisoned) (?:\w+ ){0,4}"
             r"(?:because|for|as|on account of) (?:\w+ ){0,3}(?:believed|thought|suspected|"
             r"perceived|"
             r"viewed|seen|regarded|considered|branded|labell?ed|accused|supposed|supposedly|"
             r"alleged|"
             r"allegedly|presumed|presumably|purported|purportedly)\w* (?:\w+ ){0,6}" + _IMPUTED),
            (r"\b(?:established|shown|showed|demonstrated|proven|proved|found|finds?|there is|"
             r"is a|exists?) (?:\w+ ){0,3}nexus\b"),
            (r"\bnexus (?:\w+ ){0,3}(?:established|shown|exists|is present|has been|is met|"
             r"is satisfied)\b"),
            # ("because of membership in any group", under "nothing suggests")
            (r"\b(?:because of|motivated by) (?:(?:his|her|their|"
             r"the respondent's) )?(?:\w+ ){0,2}(?:political opinion|religion|race|nationality|"
             r"membership)\b"),
            (r"\b(?:targeted|attacked|went after|persecuted|threatened|beat|harmed|pursued|"
             r"singled out) (?:\w+ ){0,3}because (?:of )?(?:his|her|their|she|he|"
             r"they) (?:\w+ ){0,4}(?:opposition|politic\w*|party|religio\w*|faith|church|ethnic\w*|"
             r"race|union|journalis\w*|activis\w*|organiz\w*|member\w*|famil\w*|gender|"
             r"sexual\w*)")),
    # a protected ground named as the reason for the harm, in other words: "it would be
    # because of the political opinion his articles express", "that fear is tied squarely to
    # his religion", "her membership in the group was the reason for it", "the threats were
    # directed at him because of his role as an organizer", "they punished her for her
    # faith"; negated ("not tied to his politics", "let alone because of his support for
    # the party"), it is no nexus
    *_rules("nexus", "established",
            # an opinion imputed by the persecutors: "it was done because the government saw her
            # as an opponent"
            (r"\bbecause (?:[\w']+ ){0,8}?(?:saw|sees|see|regarded|regards|regard|viewed|views|"
             r"view|perceived|perceives|perceive|considered|considers|branded|labell?ed|took) "
             r"(?:him|her|them|you|the respondent|the applicant) (?:to be|as) (?:an? )?"
             r"(?:[\w']+ ){0,2}?"
             r"(?:opponents?|enem(?:y|ies)|traitors?|dissidents?|supporters?|members?|activists?|"
             r"collaborators?|informants?|informers?|spy|spies|sympathi[sz]ers?|terrorists?|"
             r"infidels?|apostates?|heretics?|subversives?|agitators?|golpistas?)\b"),
            # ("because of the political loyalty the government ascribes to her", "because of
            # the party you worked for")
            (r"\b(?:because of|by reason of|on the basis of|motivated by) (?:the|his|her|their|"
             r"your|the respondent's|the applicant's|a person's|someone's) (?:[\w']+ ){0,2}"
             r"(?:political (?:opinions?|"
             r"views?|beliefs?|loyalt(?:y|ies)|allegiances?|affiliations?|activit(?:y|ies))|"
             r"politics|religio\w*|faith|race|nationality|ethnicity|membership|clan|tribe|"
             r"caste|ethnic group|campaigning|political work|preaching|(?:party|union|church) "
             r"(?:work|activit(?:y|ies)|involvement)|"
             r"support for|activism|sexual orientation|party (?:he|she|they|you) (?:worked|"
             r"campaigned|organi[sz]ed|belonged|stood|ran) (?:for|with|to|in)|(?:work|role|"
             r"activit(?:y|ies)|involvement) (?:for|in|with) (?:the |a |an )?(?:\w+ )?"
             r"(?:opposition|party|union|church|movement|campaign|newspaper))\b"),
            (r"\b(?:tied|linked|connected|related|attributable) (?:\w+ ){0,1}to (?:his|her|their|"
             r"your|the respondent's|the applicant's) (?:[\w']+ ){0,2}(?:political opinions?|"
             r"politics|religio\w*|faith|race|nationality|ethnicity|membership|activism|"
             r"sexual orientation)\b"),
            (r"\b(?:political opinion|(?:that|this|his|her|their) opinion|religio\w*|faith|race|"
             r"nationality|ethnicity|membership|sexual orientation)\b[^.;]{0,80}\b(?:was|is|were|"
             r"are) (?:\w+ ){0,1}the (?:\w+ )?(?:reasons?|motives?) (?:for|why|behind|"
             r"(?:he|she|they) (?:is|was|are|were))\b"),
            # a group one is born into: "because you were born into a family they think of as
            # their slaves"
            (r"\bbecause (?:he|she|they|you) (?:was|were|is|are) born (?:into|in|to) (?:a|an|the|"
             r"his|her|their|your) (?:[\w']+ ){0,3}?(?:family|caste|clan|tribe|lineage|community|"
             r"ethnic group)\b"),
            # "the authorities' interest is in his political views"
            (r"\b(?:interest|motive|motivation|concern|quarrel) (?:\w+ ){0,3}(?:is|was|lies|lay) "
             r"(?:only |solely |squarely )?(?:in|with) (?:his|her|their|your) (?:political|"
             r"religious) (?:views|opinions?|beliefs|activit\w*|faith)\b"),
            # "it was inflicted because he is Rohingya and Muslim"
            (r"\b(?:inflicted|targeted|persecuted|attacked|beaten|beat|arrested|detained|tortured|"
             r"harmed|hurt|threatened|punished|killed|done|carried|committed|it was|that was|"
             r"this was|did (?:it|this|that)) (?:\w+ ){0,3}because (?:he|she|they|you) "
             r"(?:is|was|are|were) (?:a |an )?(?:\w+ (?:and )?){0,2}(?:christian|muslim|ahmadi|"
             r"black|hindu|sikh|"
             r"buddhist|jewish|catholic|evangelical|rohingya|tutsi|hutu|hazara|kurd\w*|uyghur|"
             r"uighur|tamil|oromo|amhara|tigray\w*|fulani|garifuna|indigenous|gay|lesbian|"
             r"bisexual|transgender|homosexual)\b"),
            (r"\b(?:targeted|persecuted|attacked|beaten|beat|arrested|detained|tortured|harmed|"
             r"threatened|punished|singled out|directed at|aimed at) (?:\w+ ){0,3}(?:because|for) "
             r"(?:of )?(?:his|her|their|your) (?:[\w']+ ){0,4}(?:political opinions?|politics|"
             r"religio\w*|faith|ethnicity|race|nationality|union|organiz\w*|activis\w*|"
             r"sexual orientation)\b"),
            # the faith practised, as the reason: "it was inflicted because he worshipped
            # outside the four faiths the government permits"
            # ... or the politics: "it was visited on him because he organized for the BNP"
            (r"\b(?:inflicted|targeted|persecuted|attacked|beaten|beat|arrested|detained|tortured|"
             r"harmed|threatened|punished|killed|done|did (?:it|this|that)|it was|that was|"
             r"visited on (?:him|her|them|you)) "
             r"(?:\w+ ){0,3}because (?:he|she|they|you) (?:\w+ )?(?:worship\w*|pray\w*|preach\w*|"
             r"convert\w*|evangeli[sz]\w*|attend\w* (?:\w+ ){0,2}(?:church|mosque|temple|"
             r"services|prayers?)|practi[cs]\w* (?:his|her|their|your) (?:faith|religion)|"
             r"organi[sz]ed|campaigned|protested|demonstrated|marched|voted)\b"),
            # the opinion named, then "and that it is why he was threatened"
            (r"\b(?:political opinion|religio\w*|faith|ethnicity|race|nationality|membership)\b"
             r"[^.;]{0,80}\b(?:that|it|this) (?:is|was) (?:the reason )?why (?:he|she|they|you) "
             r"(?:was|were|is|are) (?:\w+ )?(?:threatened|targeted|attacked|persecuted|harmed|"
             r"beaten|detained|arrested|tortured|punished)\b"),
            # "They were punishing her for standing against Ortega."
            (r"\b(?:punish\w*|target\w*|persecut\w*|attack\w*|beat\w*|jail\w*|detain\w*) (?:him|"
             r"her|them|you) for (?:standing (?:up )?(?:against|to)|opposing|speaking (?:out )?"
             r"against|criticizing|protesting (?:against)?|defying)\b"),
            # the reason named and called protected: "targeted him because he testified against
            # them, a reason the circuit has treated as protected"
            (r"\bbecause\b[^.;]{0,100}\b(?:reason|ground|characteristic)s? (?:that |which )?"
             r"(?:[\w']+ ){0,4}(?:treated|recognized|recognised|held|accepted|counted|deemed|"
             r"considered) (?:to be )?(?:as )?protected\b"),
            # kinship as the reason: "aimed at him because he is his father's son"
            (r"\b(?:targeted|attacked|threatened|harmed|singled out|directed at|aimed at|went "
             r"after) (?:\w+ ){0,3}because (?:he|she|they) (?:is|was|are|were) (?:his|her|their) "
             r"(?:father's|mother's|brother's|sister's|husband's|wife's|family's) "
             r"(?:son|daughter|brother|sister|wife|husband|child|children|relatives?)\b"),
            name="reason"),
    # the protected grounds just listed, referred to: "So I can't find that they went after
    # you for one of those reasons"
    *_rules("nexus", "established",
            (r"\b(?:went after|targeted|harmed|hurt|attacked|threatened|persecuted|beat|chose|"
             r"picked) (?:him|her|them|you) (?:for|because of) (?:one of |any of )?(?:those|these|"
             r"the protected|the five|the listed) (?:reasons|grounds)\b"),
            priority=2, name="those_grounds"),
    # the harm aimed at the group as such: "What happened in the raid was aimed at Roma as
    # Roma"; "they cared about his politics" ("no evidence that anyone cared about his
    # politics": flipped)
    *_rules("nexus", "established",
            r"\b(?:aimed|directed) at (?:the )?([a-z]+) as \1\b",
            # the harm aimed at the opinion itself: "the prosecution is aimed at his expressed
            # opposition to the war" ("not aimed at his politics": flipped)
            (r"\b(?:aimed|directed) (?:squarely |solely |only |really )?at (?:his|her|their|your) "
             r"(?:[\w']+ ){0,2}(?:political (?:opinions?|views?|beliefs?|activit(?:y|ies))|"
             r"opposition|politics|dissent|criticism|religio\w*|faith|ethnicity|activism)\b"),
            # "they are pursuing him for exactly that perceived affiliation"
            (r"\b(?:pursu\w*|target\w*|persecut\w*|punish\w*|arrest\w*|prosecut\w*|detain\w*|"
             r"hunt\w*|seek\w*|want\w*) (?:him|her|them|you) (?:\w+ ){0,2}(?:for|because of|over) "
             r"(?:\w+ ){0,1}(?:that |this |his |her |their |the )?(?:perceived|imputed|suspected) "
             r"(?:affiliation|membership|opinion|loyalty|allegiance|support|ties|links|views|"
             r"sympath\w*)\b"),
            # "The prosecution here is a pretext for punishing a perceived political opinion."
            (r"\bpretext (?:for|to) (?:punish|persecut|target|silenc|suppress)\w* (?:(?:a|an|his|"
             r"her|their) )?(?:perceived |imputed |suspected |real )?(?:political (?:opinions?|"
             r"views?|activit(?:y|ies))|opposition|dissent|religio\w*|faith)\b"),
            # "the soldiers' interest in him stems from his faith and ethnicity"
            (r"\b(?:stems?|stemmed|springs?|sprang|flows?|flowed|derives?|derived) from (?:his|her|"
             r"their|your) (?:[\w']+ ){0,3}?(?:faith|religio\w*|ethnicity|race|nationality|"
             r"political (?:opinions?|views?|activit(?:y|ies))|politics|membership|perceived "
             r"(?:support|membership|opinion|loyalty))\b"),
            # the act itself imputed an opinion: "because it treated medical aid to protesters
            # as opposition activity"
            (r"\bbecause (?:it|they|the (?:regime|government|authorities|police|army|military|"
             r"state)) (?:saw|sees|treated|treats|regarded|regards|viewed|views|considered|"
             r"considers|took|takes) (?:[\w']+ ){1,6}?as (?:an? )?(?:act of )?(?:opposition|"
             r"political (?:opposition|dissent|activity)|dissent|disloyalty|treason|rebellion|"
             r"support for the (?:\w+ ){0,2}(?:opposition|rebels|resistance|protesters))\b"),
            # "So the link to political opinion is there." ("isn't there": flipped)
            (r"\b(?:link|connection|nexus) (?:to|with) (?:(?:his|her|their|a|the) )?(?:political "
             r"opinion|politics|religion|faith|race|nationality|ethnicity|(?:a )?particular social "
             r"group|protected ground) (?:is|was) (?:plainly |clearly |certainly )?(?:there|"
             r"present|made out|shown)\b"),
            (r"\b(?:cared|cares|care) (?:\w+ )?about (?:his|her|their) (?:politics|political "
             r"(?:opinion|views|activity)|religion|faith|ethnicity|race|clan|tribe|identity|"
             r"beliefs|opinions?|membership|nationality)\b"),
            priority=2, name="as_such"),
    # the cause of the harm named as a protected trait: "That was persecution, and its cause
    # was his Ahmadi faith."
    *_rules("nexus", "established",
            (r"\b(?:its|the|their) (?:cause|reason|motive|motivation) (?:was|is|were|would be|"
             r"will be) (?:his|her|"
             r"their|the respondent's|the applicant's) (?:[\w']+ ){0,2}(?:faith|religion|"
             r"religious \w+|ethnicity|race|nationality|political (?:opinion|views|activity|"
             r"activities|work)|politics|membership|clan|tribe|tribal \w+|sexual orientation|"
             r"gender identity)\b"),
            # "the fighters singled him out as a minority clan member"
            (r"\b(?:singled|picked|marked) (?:him|her|them|you) out (?:as|for being) (?:an? )?"
             r"(?:[\w']+ ){0,3}?(?:member|clan|tribe|tribal|ethnic|christian|muslim|ahmadi|jew|"
             r"gay|lesbian|activist|opponent|journalist|dissident|supporter|minority)\w*\b"),
            # "because of who lived in them", "because of who he is" (not the law's "because of
            # who they are")
            (r"\b(?:because of|on account of|for) who (?:he|she) (?:is|was)\b"
             r"|\b(?:because of|on account of) who (?:lived|lives|live|worshipped|prayed)\b"),
            # the trait first: "and that her work for the opposition would be the reason"
            (r"\b(?:his|her|their|the respondent's|the applicant's) (?:[\w']+ ){0,2}(?:faith|"
             r"religion|ethnicity|race|nationality|political (?:opinion|views|activity|"
             r"activities|work)|politics|membership in (?:[\w']+ ){1,4}|clan|tribe|sexual "
             r"orientation|gender identity|(?:work|activism|activities|organi[sz]ing) (?:for|with|"
             r"in) the (?:opposition|party|union|movement|church|campaign)) (?:was|is|were|would "
             r"be|will be) the (?:\w+ )?(?:reason|cause|motive)\b"),
            priority=2, name="cause"),
    # "That is political opinion, as her persecutors saw it."
    *_rules("nexus", "established",
            r"^\s*(?:and |so )?(?:that|this)(?:'s| is) (?:an? )?(?:imputed )?political opinion\b",
            priority=2, name="named"),
    # the ground denied outright, however the clause runs on: "no protected ground was, or
    # would be, one central reason for it"; the reason named and the protected trait set
    # aside after it: "on account of his age and sex, not his language or his views"
    # "so the protected ground just isn't there"
    *_rules("nexus", "not_established",
            (r"\b(?:the|a|any) (?:protected|statutory|enumerated) ground (?:\w+ ){0,2}(?:isn't|is "
             r"not|wasn't|was not) (?:\w+ )?(?:there|present|shown|made out)\b"),
            negatable=False, name="absent"),
    # the group proposed, wanting what a social group needs: "the proposed group lacks social
    # distinction"
    *_rules("nexus", "not_established",
            (r"\b(?:group|psg)\b[^.;]{0,60}\b(?:lacks?|lacked|has no|had no|without) (?:\w+ )?"
             r"(?:social distinction|particularity|social visibility|immutability)\b"),
            negatable=False, priority=2, name="group_lacks"),
    # the harm said to have nothing to do with the trait ("the threat was unrelated to his work
    # for the Americans"), flipped by an operator: "It would not be accurate to say that the
    # threat against him was unrelated to his work ..."
    *_rules("nexus", "not_established",
            (r"\b(?:harm|threats?|attacks?|beatings?|mistreatment|persecution|violence|"
             r"assaults?|abuse|detention|arrests?|extortion|targeting|it|this|that|suffer|"
             r"suffered|endured|happened)\b(?:,[^.;]"
             r"{0,60},| [^.;,]{0,40}?)? (?:was|were|is|are|had been|has been) (?:entirely |"
             r"wholly |completely |simply |just )?(?:unrelated|unconnected) to (?:his|her|their|"
             r"your|the "
             r"respondent's|the applicant's|any)\b"),
            priority=2, name="unrelated"),
    # the motive named and the animus denied: "the note named his son as leverage, not out of
    # any animus toward the family as such"
    *_rules("nexus", "not_established",
            (r"\b(?:not|never|rather than) (?:out of|because of|from|for) (?:any )?(?:animus|"
             r"hostility|hatred|enmity|ill will) (?:toward|towards|against|for) (?:the|his|her|"
             r"their) (?:family|clan|tribe|group|religion|faith|ethnicity|race|politics|"
             r"political \w+|church|party)\b"),
            negatable=False, priority=2, name="animus"),
    *_rules("nexus", "not_established",
            (r"\bno (?:protected|statutory|enumerated) ground (?:[\w']+,? ){0,6}?(?:(?:one|a|the) "
             r"central reason|(?:the |a )?reason)\b"),
            (r"\b(?:on account of|because of) [^,.;]{1,40}, (?:and )?not (?:on account of |"
             r"because of )?(?:his|her|their|any) [^.;]{0,30}?\b(?:religio\w*|political \w+|"
             r"opinions?|views|race|ethnicity|nationality|language|membership|social group|faith|"
             r"beliefs?|clan|tribe)\b"),
            negatable=False, priority=2, name="ground_denied"),
    # the link said to be missing: "The link between the threats and his religion or any
    # political view is missing."
    *_rules("nexus", "not_established",
            (r"\b(?:link|connection|nexus|causal connection) between\b[^.;]{0,100}\b(?:is|was|"
             r"remains) (?:simply |entirely |still )?(?:missing|absent|lacking|not (?:there|shown|"
             r"established|made out))\b"),
            negatable=False, priority=2, name="link_missing"),
    # the discretion named, then the grant declined: "In the exercise of discretion I decline
    # to grant voluntary departure."
    *_rules("discretion", "unfavorable",
            (r"\b(?:in|as a matter of|in the exercise of) (?:my |the court's |its |this court's )?"
             r"discretion\b,? (?:i|the court) (?:\w+ )?(?:decline|declines|refuse|refuses|will "
             r"not|won't|cannot|can't|do not|don't|am not going) (?:to )?grant\b"),
            negatable=False, priority=3, name="declined"),
    *_rules("nexus", "not_established",
            (r"\b(?:personal (?:animosity|matter)|purely criminal|"
             r"criminal (?:motive|extortion)|economic (?:motive|reasons?))\b"),
            r"\b(?:not|isn't|wasn't|aren't|weren't) (?:a |one )?(?:protected ground|cognizable)\b",
            # "which is retaliation for a crime, not harm on a protected ground"
            (r"\bnot (?:harm|persecution|harmed|targeted|persecuted|mistreatment|punishment) "
             r"(?:\w+ ){0,1}(?:on account of|on|because of|based on|for) (?:a|any) (?:protected|"
             r"statutory|enumerated) ground\b"),
            (r"\b(?:not|no|nothing|never|isn't|wasn't) (?:\w+ ){0,3}(?:tied|connected|linked|"
             r"related|"
             r"attributable|due) to (?:a|any|one|the|his|her|their) (?:\w+ ){0,2}(?:protected "
             r"ground|statutory ground|enumerated ground|protected characteristic)s?\b"),
            (r"\b(?:is|was|amounts? to|amounted to|simply|just|only|plain|ordinary|common) "
             r"(?:\w+ ){0,1}(?:extortion|robbery|theft)\b"),
            # ("this is not random crime" says the opposite)
            (r"(?<!\bnot\s)(?<!\bno\s)(?<!\bnot\sjust\s)(?<!\bnot\smerely\s)(?<!\bnot\ssimply\s)"
             r"\b(?:ordinary|common|random) (?:crime|violence|criminality)\b"),
            r"\b(?:simply|merely|just|only|ordinary|common) (?:robbers|thieves|criminals|bandits|"
            r"extortionists)\b",
            (r"\b(?:other than|except|solely|only|purely|simply) (?:for |to get |"
             r"to obtain )?(?:money|financial gain|profit|economic gain|extortion|robbery)\b"),
            (r"\b(?:wanted|were after|was after) (?:[\w']+ ){0,2}(?:money|truck|car|fares?|rent|"
             r"payments?|fees?|tax|taxes|quota|cash|property|land|business|cattle)\b"),
            negatable=False, priority=0),
    # what the persecutors demanded, as the reason for the harm: "they only demanded money"
    # (see find_hits: told as the story, "members of a colectivo demanded weekly payments
    # and ... smashed the windows" states no reason)
    *_rules("nexus", "not_established",
            (r"\b(?:sought|demanded) (?:[\w']+ ){0,2}(?:money|truck|car|fares?|rent|payments?|"
             r"fees?|tax|taxes|quota|cash|property|land|business|cattle)\b"),
            negatable=False, priority=0, name="demands"),
    # crime or violence that affects everyone, where the sentence speaks of the reason for the
    # harm ("that is generalized violence, not persecution on account of a protected ground";
    # without a reason named, "the general violence there affects everyone" describes what
    # the respondent fears: see find_hits)
    *_rules("nexus", "not_established",
            r"\b(?:general|generali[sz]ed|widespread) (?:crime|violence|criminality)\b",
            negatable=False, priority=0, name="conditions"),
    # the claim failing on the element: "Her case founders on nexus."; "the claim fails for
    # want of a nexus"
    *_rules("nexus", "not_established",
            (r"\b(?:fails?|failed|founders?|foundered|falls?|fell|stumbles?) (?:\w+ ){0,2}(?:on|"
             r"at|for (?:lack|want|absence) of) (?:an? |the )?(?:element of |question of )?"
             r"nexus\b"),
            priority=2, name="fails"),
    # a private quarrel is no protected ground; negatable ("not merely a family dispute")
    *_rules("nexus", "not_established",
            # (not the time of an event: "killed a man during a land dispute")
            (r"(?<!\bduring\x20a\x20)(?<!\bduring\x20the\x20)(?<!\bamid\x20a\x20)"
             r"\b(?:boundary|land|property|inheritance|family|business|neighbou?r\w*|romantic|"
             r"private|personal|money|debt|commercial) (?:\w+ ){0,1}"
             r"(?:dispute|feud|quarrel|fight|conflict|disagreement|grudge|rivalry|vendetta)s?\b"),
            r"\bprivate (?:matter|score|revenge|animosity|debt|grudge|business)\b",

            (r"\b(?:threat\w*|dispute|feud|quarrel|fight|conflict|attack\w*|harm\w*|beat\w*) "
             r"(?:\w+ ){0,4}over (?:an? |the |a piece of |some |his |her |their )?(?:inheritance|"
             r"land|property|boundary|boundaries|debt|money|farm|house|lot|loan|business)\b"),
            (r"\b(?:dispute|feud|quarrel|fight|conflict) (?:inside|within|in) (?:the|his|her|"
             r"a) family\b"),
            # "he hurt you because of a fight about money and land"
            (r"\b(?:dispute|feud|quarrel|fight|conflict|argument|disagreement)s? about "
             r"(?:an? |the |some |his |her |their |your )?(?:inheritance|land|property|boundary|"
             r"boundaries|debts?|money|rent|farm|house|loan|business)\b"),
            priority=0, name="private"),
    # the reason stated as a private one outranks a ground named before it: "he never said
    # they threatened him for his politics, it was about the land"
    *_rules("nexus", "not_established",
            (r"\b(?:it|this|that|they|the (?:threats?|dispute|attacks?|problem)) (?:was|is|were|"
             r"are) (?:all |only |really |just |simply |purely )?about (?:the |his |her |their |"
             r"a |some )?(?:land|money|property|debt|inheritance|farm|house|rent|business)\b"),
            priority=2, name="about"),
    # --- past persecution, well-founded fear ----------------------------------------------
    # the late filing left unexcused: "no exception to the deadline applies"
    *_rules("one_year_bar", "untimely",
            (r"\bno exception (?:to (?:the |that )?(?:one year |filing )?(?:deadline|bar|rule) )?"
             r"(?:applies|is available|can apply)\b"),
            negatable=False, priority=2, name="no_exception"),
    # the harm named as something less: "they amount to harassment rather than persecution";
    # "never arrested, much less persecuted"
    *_rules("past_persecution", "not_established",
            (r"\b(?:amount|amounts|amounted|rise|rises|rose|risen|add up|adds up|added up) to "
             r"(?:\w+ ){0,3}(?:harassment|discrimination|mistreatment|hardship|intimidation) "
             r"(?:rather than|but not|and not|not) (?:past )?persecution\b"),
            r"\b(?:arrested|detained|harmed|hurt|threatened), much less persecuted\b",
            negatable=False, priority=3, name="less"),
    # "harm severe enough to be persecution" ("is not ... harm severe enough": flipped); it
    # outranks the "amount to persecution" inside it
    *_rules("past_persecution", "established",
            (r"\b(?:severe|serious|grave|extreme|bad) enough to (?:be|amount to|constitute|rise to|"
             r"count as|qualify as) (?:past )?persecution\b"),
            priority=2, name="severe_enough"),
    # the burden in plain words, read through "has not shown" or "nothing ... shows": "shown
    # that anyone harmed him in the past"; "shown that he was harmed or that he would be";
    # "nothing left that shows harm in the past"
    *_rules("past_persecution", "established",
            # (the harm's reason in question is nexus: "not shown that he was harmed, or that he
            # faces harm, for any reason the Act protects")
            (_AFTER_SHOWN + r"(?:that )?(?:anyone|anybody|someone|somebody|they|the \w+) "
             r"(?:ever )?(?:harmed|hurt|persecuted|mistreated|beat|attacked) (?:him|her|them|you)"
             r"\b" + _FOR_A_REASON),
            (_AFTER_SHOWN + r"(?:that )?(?:he|she|they|you) (?:was|were) (?:ever )?(?:harmed|hurt|"
             r"persecuted|mistreated)\b" + _FOR_A_REASON),
            _AFTER_SHOWN + r"(?:any )?(?:harm|mistreatment|persecution) in the past\b",
            name="plain"),
    *_rules("well_founded_fear", "established",
            (r"\b(?:harmed|hurt|persecuted|mistreated) or (?:that )?(?:he|she|they|you)"
             r"(?:'d| would| will) be\b(?= ?(?:[.;,]|$| if\b| again\b))"),
            # "he has not shown a reasonable likelihood of harm in the future"
            (r"\b(?:reasonable|real) (?:likelihood|possibility|chance) of (?:\w+ ){0,1}(?:harm|"
             r"persecution|mistreatment) (?:in the future|on (?:his|her|their) return|if (?:he|she|"
             r"they) (?:returns?|goes back|went back))\b"),
            # the objective fear of the reasonable person in the respondent's place: "someone in
            # his position would reasonably fear return"
            (r"\b(?:someone|anyone|a person|a reasonable person|a (?:young )?(?:man|woman)) in "
             r"(?:his|her|their|your|the respondent's|the applicant's) (?:position|situation|"
             r"circumstances|shoes|place) would (?:\w+ )?(?:fear|be afraid)\b"),
            (r"\b(?:he|she|they|you|the respondent|the applicant) (?:would |could )?reasonably "
             r"fears? (?:return\w*|going back|being sent back|persecution|harm)\b"),
            name="plain"),
    *_rules("past_persecution", "established",
            # (not across a clause of its own: "without that showing there is no past ...")
            # (speech recognition hears "past persecution" as "past prosecution", a phrase a
            # court has no other use for)
            (r"\b(?:establish|demonstrat|show|shown|prove|suffer|experienc|"
             r"endur)\w* (?:(?!there\b)\w+ ){0,3}past (?:persecution|prosecution)\b"),
            (r"\bpast persecution (?:\w+ ){0,3}(?:has been|was|is) (?:\w+ ){0,1}(?:established|"
             r"shown|demonstrated|proven)\b"),
            (r"\b(?:rise|rises|rose|risen|amount|amounts|amounted|add up|adds up|added up) "
             r"(?:\w+ ){0,1}(?:without (?:question|doubt) )?to (?:the level of (?:past )?"
             r"(?:persecution|prosecution)|(?:past )?persecution)\b"),
            # "... rises, taken cumulatively, to the level of persecution"
            (r"\b(?:rise|rises|rose|risen|amount|amounts|amounted)\s*,[^,;]{1,40},\s*to "
             r"(?:the level of )?(?:past )?persecution\b"),
            # the burden in plain words: "he has not shown that he was harmed in the past",
            # "nothing showing he was harmed before"
            # (the verb stays outside the match, so that "nothing showing" before it negates)
            (_AFTER_SHOWN + r"(?:that )?(?:he|she|they|you|the respondent|the "
             r"applicant) (?:was|were|had been|has been) (?:\w+ )?(?:harmed|hurt|mistreated|"
             r"targeted|attacked|abused|beaten|injured|persecuted) (?:[\w']+ ){0,3}?(?:in the "
             r"past|before|previously)\b"),
            # "those events ... reach the level of persecution"
            (r"\b(?:reach|reaches|reached|reaching) (?:\w+ ){0,1}the level of (?:past )?"
             r"persecution\b"),
            # "he was not harmed himself" (the harm was to his father)
            (r"\b(?:he|she|they|you) (?:was|were|had been|has been)(?: not|n't)? (?:\w+ )?"
             r"(?:harmed|hurt|injured|mistreated|attacked|beaten|targeted|persecuted) "
             r"(?:himself|herself|themselves|yourself|personally)\b"
             # (not where no such claim is made: "..., and she does not claim past persecution")
             r"(?![^.;]*\b(?:does not|doesn't|did not|didn't|is not|isn't) (?:claim|assert|"
             r"allege)\w*\b)"),
            # persecution's threshold by its own word: "it does not reach the extreme level the
            # law requires"
            (r"\b(?:reach|reaches|reached|reaching|rise to|rises to|rose to|risen to|meet|meets|"
             r"met) (?:\w+ ){0,1}(?:the|that|this) (?:extreme|severe) (?:level|threshold)\b"),
            r"\b(?:was|were|been|has been) persecuted\b",
            # the court's own word for the harm: "I would call that persecution" (negated:
            # "Losing her job, on its own, I would not call persecution")
            (r"\b(?:i|the court)(?: (?:would|will|do|did|could|can|cannot|can't|wouldn't|don't|"
             r"didn't|won't)(?: not)?(?: hesitate to)?|(?:'m| am| is)(?: not)? (?:prepared|willing|"
             r"ready|content) to)? "
             r"(?:call|describe|characteri[sz]e|count|label) "
             r"(?:(?:it|that|this|them|those|these|what happened) )?(?:as )?(?:past )?"
             r"persecution\b"),
            # the harm's weight in other words: "serious enough to count, under our law, as the
            # kind of harm asylum protects against"
            (r"\b(?:serious|severe|grave|bad) enough to (?:count|qualify|rank)\b[^.;]{0,30}?\bas "
             r"(?:past )?(?:persecution|the (?:kind|sort|type) of harm)\b"),
            # "I'm not going to say the harm she already suffered is enough on its own."
            (r"\b(?:harm|mistreatment|abuse) (?:that )?(?:he|she|they) (?:already |previously )?"
             r"(?:suffered|endured|experienced) (?:is|was) (?:\w+ )?(?:enough|sufficient|serious "
             r"enough)\b"),
            # the harm named for its weight: "Six weeks in a metal container ..., imposed by
            # state officers, is serious harm by any measure"; "What was done to him and his
            # family is of the gravest kind"
            (r"\b(?:is|was|were|are|constitutes?|constituted|amounts? to|amounted to) (?:\w+ )?"
             r"(?:serious|grave|severe) harm by any (?:measure|standard|yardstick)\b"),
            (r"\b(?:done to|inflicted on|suffered by|happened to) (?:him|her|them|his|her|their)\b"
             r"[^.;]{0,40}?\b(?:is|was|were|are) of the (?:gravest|most serious|most severe|"
             r"worst) (?:kind|sort|order)\b"),
            # "it would be hard to call that anything other than persecution"
            (r"\bhard to call (?:that|it|this|them) anything (?:other than|but) (?:past )?"
             r"persecution\b"),
            # the harm measured against what the law is for: "exactly the kind of serious harm
            # this law was written for", "serious harm of exactly the kind the refugee
            # definition guards against"
            (r"\b(?:(?:kind|sort|type) of (?:serious )?harm|(?:harm|mistreatment) (?:\w+ ){0,2}"
             r"(?:the )?(?:kind|sort|type)) (?:that )?(?:asylum|the act|(?:this|the|our) "
             r"(?:asylum |refugee )?(?:and refugee )?(?:laws?|definition|statutes?|protection)) "
             r"(?:(?:protects|guards|shields) (?:\w+ )?against|(?:was |is |are |were )?(?:written|"
             r"made|meant|designed|intended) (?:for|to (?:prevent|address|remedy))|exists? to "
             r"(?:address|prevent|remedy|protect against))\b"),
            # harm not to be "treated as persecution" (negated: "cannot be treated as ...")
            (r"\b(?:be|is|was|are|were) (?:treated|regarded|considered|viewed|deemed|"
             r"characteri[sz]ed|counted|classed) as (?:past )?persecution\b"),
            # "that is more than harassment" ("no more than harassment" is negated)
            (r"\b(?:is|was|were|are|amounts? to|amounted to|goes|went|that's|it's) (?:\w+ ){0,1}"
             r"(?:more than|beyond) (?:mere |simple |ordinary |just )?(?:harassment|"
             r"discrimination)\b"),
            # the harm called persecution with its ground ("Being driven from his home ... because
            # his people are Rohingya is persecution on account of race"; not "he would be
            # imprisoned, which is persecution on account of ...", see below)
            (r"(?<!\bwhich\x20)(?<!\bwould\x20be\x20)\b(?:is|was|were|are) persecution on account "
             r"of\b"),
            # its existence stated: "there is no past persecution", "there was past persecution"
            r"\bthere (?:is|was|has been|had been) (?:\w+ ){0,1}past persecution\b",
            # (speech recognition drops the apostrophe: "thats persecution")
            (r"\b(?:is|was|are|were|constitutes?|constituted|that's|thats|it's) (?:\w+ ){0,1}"
             r"persecution\b(?! (?:on account|because))"),
            # past persecution named as such, its ground after it or not: "constitute past
            # persecution on account of political opinion", "threats are not past persecution"
            (r"\b(?:is|was|are|were|constitutes?|constituted|that's|it's) (?:not |never )?"
             r"past persecution\b"),
            # harm already suffered, "which is persecution" (not "he would be imprisoned, which
            # is persecution": the future is well-founded fear)
            r"^(?:(?!\bwould\b|\bwill\b|\blikely\b).)*\bwhich (?:is|was|were) persecution\b",
            (r"\b(?:entitled to|benefits? from|triggers?|raises?) "
             r"(?:\w+ ){0,2}(?:rebuttable )?presumption\b"),
            # "you did not suffer persecution yourself in the past" (not "would suffer")
            (r"\b(?:suffered|endured|experienced|(?:did|does) not suffer|didn't suffer|never "
             r"suffered) (?:any )?persecution\b")),
    # "He has not met that standard" (said of the burden just stated)
    *_rules("burden_of_proof", "met",
            (r"\b(?:has|have|had|he's|she's|they've) (?:\w+ )?met (?:that |this |the "
             r"(?:applicable |required |higher |same )?)standard\b"),
            name="standard"),
    # "He has not suffered past harm" (the negation flips it)
    *_rules("past_persecution", "established",
            r"\b(?:suffered|experienced|endured|shown|established) (?:any |serious )?past harm\b",
            name="past_harm"),
    *_rules("well_founded_fear", "established",
            # (not the presumption named: "the presumption of a well-founded fear arises")
            # ("She is therefore presumed to have a well-founded fear, and the burden shifts")
            (r"(?<!presumption\sof\s)(?<!presumption\sof\sa\s)(?<!presumed\sto\shave\sa\s)"
             r"\bwell ?(?:founded|found\w*|"
             r"funded|rounded) (?:\w+ ){0,1}(?:fear|fears|affair|fair|theater)\b"),
            # the fear, then its quality: "and that fear is well grounded"
            # ("his fear of return is therefore not well founded")
            (r"\bfears? (?:[\w']+ ){0,5}?(?:is|was|are|were|to be) (?:\w+ ){0,2}well ?(?:founded|"
             r"grounded)\b"),
            # ("you'd be persecuted"; "a reasonable possibility, more than that, that she would be
            # persecuted")
            # (an aside before "that": "a reasonable possibility, and I'd say considerably
            # more, that he would be persecuted")
            r"\breasonable possibility,? (?:[\w']+,? ){0,10}persecut\w*",
            # "his fear of being persecuted if returned today is not objectively reasonable"
            (r"\bfears? (?:[\w']+ ){0,8}?(?:is|was|are|were|to be) (?:\w+ ){0,1}objectively "
             r"reasonable\b"),
            # "whatever risk he once faced has not been shown to be a reasonable possibility
            # today"
            # "the harm you fear is not a reasonable possibility today"
            (r"\b(?:(?:risk|danger|threat|chance of harm)s?|harm (?:you|he|she|they) fears?) "
             r"(?:[\w']+ ){0,8}?(?:is|was|are|were|be|"
             r"been|to be|amounts? to|rises? to) (?:\w+ ){0,1}a reasonable possibility\b"),
            # "he has every reason to fear the same fate" ("no reason to fear": flipped)
            (r"\b(?:has|have|had) (?:every|good|ample|real|no) reason to (?:fear|be afraid)\b"),
            # "... or that he has a genuine fear of harm in the future"
            (r"\b(?:has|have|had) (?:a |any )?(?:genuine|real|reasonable|objectively reasonable) "
             r"fear of (?:future )?(?:harm|persecution|being (?:harmed|persecuted|killed|"
             r"targeted))\b"),
            # "it is reasonably possible that she would be detained and harmed on return"
            # (an aside on the degree: "reasonably possible, perhaps even probable, that ...")
            (r"\breasonably possible(?:, [^,;.]{1,40},)? (?:that )?(?:he|she|they|you|the "
             r"respondent|the applicant) "
             r"(?:would|will|could) (?:\w+ )?be (?:\w+ ){0,3}?(?:harmed|detained|persecuted|"
             r"arrested|killed|tortured|targeted|jailed|imprisoned|attacked)\b"),
            # "a real chance they'd find him", "no reasonable possibility of that", "would
            # single him out today"
            (r"\b(?:reasonable|real|serious|genuine) (?:possibility|chance|risk) (?:that |of )?"
             r"(?:that\b|it\b|this\b|(?:future )?harm\b|being (?:harmed|targeted|killed|hurt|"
             r"found)\b|(?:they|he|she|someone|the \w+)(?:'d| would| will| could)\b)"),
            # the burden in plain words: "nothing showing ... that he'd be harmed if he goes
            # back"
            ("(?:" + _AFTER_SHOWN + r"|(?<=\bor\x20))(?:that )?(?:he|she|they|you|the "
             r"respondent|the applicant)(?:'d| would| will) (?:\w+ )?be (?:harmed|hurt|"
             r"persecuted|targeted|attacked|killed|abused|arrested|imprisoned) "
             r"(?:[\w']+ ){0,2}?(?:if|when|once|upon|on) (?:[\w']+ ){0,2}?(?:go|goes|went|return|"
             r"returns|returned|sent|back)\b"),
            # "shown neither that he was harmed ... nor that he has reason to fear harm"
            ("(?:" + _AFTER_SHOWN + r"|(?<=\bor\x20)|(?<=\bnor\x20))(?:that )?(?:he|she|they|"
             r"you|the respondent|the applicant) (?:has|have|had) (?:any |good |a )?reason to "
             r"fear (?:harm|persecution|being|for|going|returning|that)\b"),
            # "He faces a real chance of prosecution and mob violence because of his faith."
            (r"\b(?:faces?|facing|would face|runs?) (?:a |an )?(?:real|reasonable|serious|genuine) "
             r"(?:possibility|chance|risk) of (?:\w+ ){0,1}(?:persecution|prosecution|violence|"
             r"arrest|imprisonment|detention|death|harm|attack)\b"),
            (r"\b(?:would|will|could) (?:still |now |again )?(?:single (?:him|her|them|you) out|"
             r"come after (?:him|her|them|you)|go after (?:him|her|them|you))\b"),
            # "he has not shown that anyone in the Congo is looking for him now" (negated)
            (r"\b(?:anyone|anybody|someone|somebody)\b (?:[\w']+ ){0,3}?(?:is|are|was|were) "
             r"(?:still )?(?:looking|searching) for (?:him|her|them|you)\b"),
            # the objective test in plain words: "a fear of future harm that a reasonable person
            # in his position would share" ("nor a fear ...": flipped)
            (r"\bfear (?:of (?:future )?(?:harm|persecution) )?that a reasonable person "
             r"(?:in (?:his|her|their|your) (?:position|circumstances|shoes|situation) )?would "
             r"(?:share|have|feel)\b"),
            # "she has not shown she would be singled out" (flipped)
            (_AFTER_SHOWN + r"(?:that )?(?:he|she|they|you|the respondent|the applicant) (?:would|"
             r"will) (?:\w+ )?be (?:singled out|targeted|sought out|persecuted)\b"),
            # "they are still looking for him" ("I am not convinced that anyone is still ...")
            (r"\b(?:still|continue to be|continues to be|remain|"
             r"remains) (?:\w+ ){0,1}(?:looking for|"
             r"searching for|hunting|pursuing|after) (?:him|her|them|the respondent|"
             r"the applicant)\b"),
            (r"\b(?:fear|fears) (?:\w+ ){0,3}(?:is|was) (?:\w+ ){0,1}(?:objectively reasonable|"
             r"well founded|reasonable)\b"),
            # "I find her fear of future harm well founded"
            r"\b(?:find|found|consider) (?:his|her|their|the) fear (?:\w+ ){0,4}well founded\b",
            (r"\b(?:objectively (?:reasonable|grounded|well grounded|justified)|subjectively "
             r"genuine)\b"),
            (r"\b(?:would|will) be (?:singled out|targeted|persecuted|harmed|killed|arrested|"
             r"imprisoned|detained) (?:\w+ ){0,6}if (?:he|she|they|the respondent|the applicant) "
             r"(?:returned|returns|were returned|is returned|were removed|is removed|went back|"
             r"goes back)\b")),
    *_rules("well_founded_fear", "not_established",
            (r"\b(?:could|can) (?:still |easily |also )?(?:safely|reasonably) (?:live|relocate|"
             r"move|"
             r"settle|stay|reside)\b"),
            # "he could live safely in another part of India"
            (r"\b(?:could|can) (?:still |easily |also )?(?:live|relocate|move|settle|stay|reside) "
             r"(?:\w+ ){0,1}(?:safely|in safety|without (?:fear|harm|trouble))\b"),
            priority=1, name="relocation"),
    # relocation judged reasonable, in the court's words for it ("It would be reasonable for
    # you to relocate"; "relocation within Honduras is reasonable"); negated, the fear stands
    *_rules("well_founded_fear", "not_established",
            (r"\b(?:would|will|is|was) (?:\w+ ){0,1}reasonable (?:for (?:\w+ ){1,2})?to "
             r"(?:relocate|move|resettle|settle|live (?:elsewhere|in another))\b"),
            # relocation named before, then expected of him: "..., and it would be reasonable
            # to expect him to do so"
            (r"\b(?:relocat\w*|live|move|settle)\b[^.;]{0,120}\breasonable (?:to expect|to ask|"
             r"to require) (?:him|her|them|you|the respondent|the applicant) to "
             r"(?:do so|do that)\b"),
            (r"\b(?:internal )?relocation (?:\w+ ){0,3}(?:is|was|would be) (?:\w+ ){0,1}"
             r"reasonable\b"),
            # the presumption overcome: "The Department has rebutted it."
            # (speech recognition: "the government didn't rebuttal it")
            (r"\b(?:department|government|dhs|it|they) (?:[\w']+ ){0,2}(?:rebutted|overcome|"
             r"overcame|rebuts|rebut|rebuttal) (?:it|the presumption|that presumption|this "
             r"presumption)\b"),
            priority=1, name="overcome"),
    *_rules("well_founded_fear", "established",
            r"\b(?:unable|can't|cannot|could not) (?:\w+ ){0,2}(?:safely )?relocate\b",
            (r"\b(?:has not|hasn't|have not|haven't|did not|didn't|failed to|"
             r"not) (?:\w+ ){0,2}(?:shown|show|established|establish|demonstrated|demonstrate|"
             r"rebutted|rebut|proven|prove)\b.{0,80}\b(?:fundamental(?:ly)? change|changed|"
             r"relocat\w*|move (?:\w+ ){0,2}(?:else|elsewhere)|safely)"),
            (r"\b(?:relocat\w*|moving|move) (?:\w+ ){0,5}(?:would|will|could) (?:not|never) "
             r"(?:\w+ ){0,1}(?:keep (?:\w+ ){0,1}safe|protect|be (?:safe|reasonable|"
             r"an option))\b"),
            # "moving to another city is not a realistic answer for a known union leader"
            (r"\b(?:relocat\w*|moving|move) (?:\w+ ){0,5}(?:is|was|would be) (?:not|no) (?:a )?"
             r"(?:realistic|reasonable|viable|safe|real) (?:answer|option|alternative|solution)\b"),
            # "The danger has not gone away."
            (r"\b(?:danger|threat|risk)s? (?:to (?:him|her|them|you) )?(?:has|have) not "
             r"(?:gone away|passed|ended|disappeared|diminished|receded)\b"),
            r"\b(?:internal )?relocation (?:\w+ ){0,3}(?:is|was|would be) (?:not|un)reasonable\b",
            (r"\bpresumption (?:[\w']+,? ){0,8}(?:has not been|hasn't been|was not|is not|"
             r"isn't|wasn't|not|(?:was |has |had )?never) (?:been )?(?:rebutted|overcome)\b"),
            # "the presumption of future persecution is plainly unrebutted"
            (r"\bpresumption (?:[\w']+,? ){0,8}(?:is|was|remains|stands|goes) (?:\w+ ){0,1}"
             r"unrebutted\b"),
            # "there's a presumption of a well founded fear and the department hasn't rebutted
            # it"
            (r"\bpresumption\b[^.;]{0,80}\b(?:department|government|dhs) (?:\w+ ){0,2}(?:has "
             r"not|hasn't|have not|haven't|did not|didn't|never|could not|couldn't|failed to) "
             r"(?:\w+ )?(?:rebutted|rebut|overcome|overcame) (?:it|the presumption|that "
             r"presumption|this presumption)\b"),
            # "That gives him a presumption going forward, which the Department hasn't overcome."
            (r"\bpresumption\b[^.;]{0,60}\b(?:which|that) (?:the )?(?:department|government|dhs) "
             r"(?:has not|hasn't|did not|didn't|never|could not|couldn't|failed to) (?:\w+ )?"
             r"(?:rebutted|rebut|overcome|overcame)\b"),
            # "the Department has not tried to rebut that presumption"
            (r"\b(?:department|government|dhs) (?:has not|hasn't|did not|didn't|never|made no) "
             r"(?:tried|attempted|sought|attempt|effort|made any (?:attempt|effort)) to rebut "
             r"(?:it|that presumption|the presumption|this presumption)\b"),
            # "the Department has shown neither a fundamental change nor ..."
            (r"\b(?:department|government|dhs) (?:has|have|had) (?:\w+ )?(?:shown|established|"
             r"demonstrated|proven|proved) neither (?:a |any )?(?:fundamental(?:ly)? change|"
             r"changed|change)\b"),
            # "nothing rebuts the presumption that he would face the same on return"
            # ("Nothing has changed that would rebut the presumption of future persecution.")
            (r"\bnothing (?:[\w']+ ){0,6}?(?:(?:that|which) (?:would|could|might) )?(?:rebuts?|"
             r"rebutted|overcomes?|overcame|displaces?|displaced) (?:the|that|this|any such) "
             r"presumption\b"),
            # the presumption named, then "nothing in the record rebuts it"
            (r"\bpresumption\b[^.;]{0,60}\bnothing (?:[\w']+ ){0,6}?(?:rebuts?|rebutted|overcomes?|"
             r"overcame|displaces?|displaced) it\b"),
            # in plain words: "the law assumes she would face the same again, and the government
            # lawyer showed me nothing that changes it"
            (r"\b(?:law|court) (?:assumes|presumes) (?:that )?(?:he|she|they|you) (?:would|will) "
             r"(?:face|suffer|go through) (?:the same|it|that) again\b[^.;]{0,80}\b(?:nothing|no "
             r"evidence|no proof) (?:that|which) (?:changes|rebuts|overcomes) (?:it|that)\b"),
            # "She is presumed to face persecution in the future, and the Department's suggestion
            # that she could move ... does not overcome that"
            (r"\b(?:is|are) presumed to (?:face|suffer|have|fear) (?:future )?(?:persecution|a "
             r"well ?founded fear|harm)\b[^.;]{0,120}\b(?:does not|doesn't|did not|didn't|cannot|"
             r"can't|do not|don't|fails? to|failed to) (?:\w+ )?(?:overcome|rebut|displace) "
             r"(?:that|it|the presumption|that presumption)\b"),
            # "DHS hasn't rebutted that presumption"; "The Department hasn't tried to show that
            # anything has improved"
            (r"\b(?:department|government|dhs) (?:has not|hasn't|did not|didn't|never|could not|"
             r"couldn't) (?:\w+ )?(?:rebutted|rebut|overcome|overcame) (?:that|the|this) "
             r"presumption\b"),
            (r"\b(?:department|government|dhs) (?:has not|hasn't|did not|didn't|never) (?:even )?"
             r"(?:tried|attempted|sought) to (?:show|prove|establish) (?:that )?(?:anything|"
             r"conditions|things) (?:has|have) (?:improved|changed)\b"),
            # the presumption's two ways out, not shown: "the Department has not shown by a
            # preponderance that conditions have fundamentally changed or that she could
            # safely relocate"
            (r"\b(?:department|government|dhs) (?:has not|hasn't|did not|didn't|could not|"
             r"couldn't|has failed to|failed to|never) (?:shown?|proved?|proven|established?|"
             r"demonstrated?) (?:by a preponderance (?:of the evidence )?)?(?:that )?"
             r"(?:(?:the )?(?:conditions|circumstances|things)(?: in [\w ]{1,30}?)? (?:have|has) "
             r"(?:\w+ )?changed|(?:he|she|they) (?:could|can|would be able to) (?:\w+ )?"
             r"(?:relocate|move))\b"),
            # "The law presumes she has reason to fear him, and nothing in this record suggests
            # otherwise."
            (r"\b(?:law|court) presumes (?:that )?(?:she|he|they|you) (?:has|have) (?:good |a )?"
             r"reason to fear\b[^.;]{0,60}\bnothing (?:in (?:this|the) record |before me )?"
             r"(?:suggests|shows|indicates) otherwise\b"),
            # in plain words to the respondent: "The government lawyer did not show me anything
            # that says that danger is gone"
            (r"\b(?:department|government|dhs)(?:'s)?(?: lawyers?| attorneys?| counsel)? (?:did "
             r"not|didn't|has not|hasn't|could not|couldn't) (?:show|shown|prove|proven|give|"
             r"given) (?:me |the court |us )?(?:anything|any evidence|evidence|that)\b[^.;]{0,40}"
             r"\b(?:danger|risk|threat|fear|problem)s? (?:is|are|was|were|has|have)(?: been)? "
             r"(?:\w+ )?(?:gone|passed|over|ended|removed|disappeared)\b"),
            # "The chance she'd be targeted on return is well above a reasonable possibility."
            r"\b(?:well |far )?(?:above|beyond) a reasonable possibility\b",
            # "The risk that she would be cut is far more than a reasonable possibility."
            (r"\b(?:(?:well|far|much|considerably|a good deal) )?more than (?:a |just a |merely a |"
             r"only a )?(?:reasonable|real) (?:possibility|chance)\b"),
            # "The Department has made no attempt to rebut the presumption that follows"
            (r"\b(?:department|government|dhs) (?:has |have |had )?(?:made|offered) no (?:\w+ )?"
             r"(?:attempt|effort|showing|argument) (?:to|that would|that could) (?:rebut|overcome|"
             r"displace) (?:it|the presumption|that presumption|this presumption)\b"),
            # "The Department has done nothing to rebut the presumption that ..."
            (r"\b(?:department|government|dhs) (?:has |have |had )?(?:done|offered|shown|"
             r"presented|submitted|said) (?:nothing|little) (?:\w+ )?(?:to|that would|that "
             r"could) (?:rebut|overcome|displace) (?:it|that|the presumption|that presumption|this "
             r"presumption)\b"),
            # the premise of future danger, left standing: "I start from the premise that he
            # faces future danger, and the Department has given me nothing to dispel it"
            (r"\b(?:premise|presumption) that (?:he|she|they) (?:faces?|would face|will face|"
             r"fears?) (?:future |continued |further )?(?:danger|harm|persecution)\b[^.;]{0,60}"
             r"\b(?:department|government|dhs) (?:has |have |had )?(?:given|offered|shown|"
             r"presented) (?:me |the court )?(?:nothing|no (?:\w+ )?evidence) (?:\w+ )?(?:to|that "
             r"would|that could) (?:dispel|rebut|overcome|displace|undercut) (?:it|that)\b"),
            # "Far from rebutting the presumption, the record shows an outstanding sentence"
            r"\bfar from (?:rebutting|overcoming|displacing) (?:the|that|this) presumption\b",
            # "so the presumption stands unrebutted"; "the presumption is not merely
            # unrebutted, it is reinforced"
            (r"\bpresumption (?:stands|remains|is|was|goes|is left) (?:not merely |not only |"
             r"therefore |thus |entirely |wholly )?unrebutted\b"),
            # "nothing in this record comes close to overcoming it"
            (r"\bnothing (?:[\w']+ ){0,6}?(?:comes? (?:anywhere )?close to|begins to|goes (?:any|"
             r"some) way (?:to|toward)) (?:overcoming|rebutting|displacing) (?:it|the presumption|"
             r"that presumption)\b"),
            # "..., the junta's conscription law and its continuing arrests leave the
            # presumption unrebutted"
            (r"\b(?:leave|leaves|left|leaving) (?:the|that|this|his|her|their) presumption "
             r"(?:\w+ )?(?:unrebutted|intact|standing|in place)\b"),
            # "The government hasn't rebutted the resulting presumption"; "the Department has
            # not tried to overcome it"
            (r"\b(?:department|government|dhs) (?:has|have|had|did)(?:n't| not| never) (?:even )?"
             r"(?:(?:tried|attempted|sought) to )?(?:rebut|rebutted|overcome|displace|displaced) "
             r"(?:it|the (?:resulting )?presumption|that presumption|this presumption)\b"),
            negatable=False, priority=2, name="unrebutted"),
    # --- one-year bar ---------------------------------------------------------------------
    *_rules("one_year_bar", "timely",
            # ("filed within his first year here"; "the application came in within a year")
            (r"\b(?:file|filed|submit|submitted|lodged|apply|applied|came in|went in) "
             r"(?:\w+,? ){0,12}(?:within|inside(?: of)?) (?:the )?(?:(?:one|1|a) year|twelve "
             r"months|12 months|(?:his|her|their|your) first year)\b"),
            r"\b(?:application|i 589|claim) (?:\w+ ){0,4}(?:was|is) timely\b",
            # the filing date judged by pronoun: "That was comfortably within a year of his
            # arrival"
            (r"\b(?:that|this|it|which|the filing) (?:was|is|came|fell|falls) (?:comfortably |"
             r"well |safely |easily |just |still )?within (?:a|one|1|the one) year (?:of|after) "
             r"(?:his|her|their|your) (?:arrival|entry|last arrival|last entry)\b"),
            # "She filed her asylum application in her sixth month here."
            (r"\b(?:filed|lodged|submitted|applied)\b[^.;]{0,40}\bin (?:his|her|their|your) "
             r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
             r"twelfth|1st|2nd|3rd|[4-9]th|1[0-2]th) month (?:here|in (?:the united states|this "
             r"country)|after (?:arriving|arrival|entering|entry))\b"),
            # the filing told, then judged by pronoun: "The application was lodged eight months
            # after his entry; it is timely."
            (r"\b(?:application|i 589|filed|lodged|submitted|applied)\b[^.]{0,100}[;,]\s*"
             r"(?:so |and )?(?:it|that|this|which|the filing) (?:is|was) (?:\w+ )?timely\b"),
            # ... or run on by speech recognition: "... ten months after he arrived so its um
            # timely"
            (r"\b(?:application|i 589|filed|lodged|submitted|applied)\b[^.]{0,100}\bso (?:it's|its|"
             r"it is|that's|thats|that is) (?:(?:uh|um) )?timely\b"),
            # "He also filed in time"; "she didn't apply on time" (untimely)
            (r"\b(?:file|filed|filing|submit|submitted|lodged|apply|applied)(?: (?:for asylum|his|"
             r"her|their|the|application|i 589|papers))* (?:in|on) time\b"),
            # "she filed for asylum in February 2023, which is timely"
            r"\b(?:filed|submitted|lodged|applied) [^.;]{0,60}, which (?:is|was) timely\b",
            r"\btimely (?:filed|submitted|applied|sought|lodged)\b",
            # "his asylum application reached this Court on ..., comfortably inside a year"
            (r"\b(?:i 589|application|filed|lodged|submitted|applied|filing)\b[^.;]{0,80}\b"
             r"(?:comfortably|well|safely|easily) (?:inside|within) (?:a|one|1|the one) year\b"),
            # "His I-589 reached the Court inside a year of his arrival" ("was not filed within
            # a year of his arrival": the negation flips it)
            (r"\b(?:i 589|application|filed|lodged|submitted|applied|filing)\b[^.;]{0,80}\b"
             r"(?:inside(?: of)?|in less than|less than) (?:a|one|1) year (?:of|after|from) "
             r"(?:(?:his|her|their|the respondent's|the applicant's) )?(?:last )?(?:arrival|entry|"
             r"arriving|entering)\b"),
            # "filed for asylum five months later, comfortably within the deadline"
            (r"\b(?:filed|submitted|lodged|applied)\b[^.;]{0,80}\b(?:comfortably |well |safely )?"
             r"within the (?:one year |filing |statutory )?(?:deadline|time limit)\b"),
            # said plainly: "you handed in your asylum papers four months after you arrived, so
            # you were in time"
            (r"\b(?:filed|submitted|lodged|applied|handed in|turned in|sent in|put in)\b[^.;]{0,80}"
             r"\bso (?:you|he|she|they|it) (?:were|was) (?:well )?in time\b"),
            # "He filed within four months of arrival."
            (r"\b(?:file|filed|submitted|lodged|applied) (?:\w+ ){0,4}within (?:\w+ ){1,2}"
             r"(?:months?|weeks?|days?) (?:of|after) (?:his |her |their )?(?:arrival|entry|"
             r"arriving|entering|coming)\b"),
            # counted from arrival: "he arrived in 2021 and applied within months", "she came
            # in May and filed within a few weeks" ("filed within months of her baptism"
            # counts from a change of circumstances)
            (r"\b(?:arriv\w*|entered|came|got here)\b[^.;]{0,60}\b(?:file|filed|submit|submitted|"
             r"lodged|apply|applied) (?:\w+,? ){0,4}within (?:(?:a few|some|several|two|three|"
             r"four|five|six|seven|eight|nine|ten|eleven|\d+) )?(?:months|weeks|days)\b"
             r"(?! (?:of|after) (?!(?:(?:his|her|their) )?(?:arriv|entry|enter)))")),
    *_rules("one_year_bar", "timely",
            (r"\b(?:timeliness|timing|the (?:filing )?deadline|the one year (?:bar|deadline|"
             r"rule)) (?:(?:is|was) not|isn't|wasn't) (?:an? )?(?:issue|problem|concern|obstacle|"
             r"bar|in (?:question|issue|"
             r"dispute|doubt)|at issue|disputed|contested)\b"),
            negatable=False, name="not_an_issue"),
    # "Her application is not time-barred." (outranks the bar's own word)
    *_rules("one_year_bar", "timely",
            r"\b(?:is|was|are|were)(?: not|n't) (?:\w+ )?(?:time ?barred|untimely)\b",
            negatable=False, priority=3, name="not_barred"),
    *_rules("one_year_bar", "timely",
            (r"\b(?:filing )?(?:deadline|one year bar|time bar|one year rule) (?:\w+ ){0,2}"
             r"(?:poses?|"
             r"presents?|is|creates?) no (?:obstacle|bar|problem|issue|barrier)\b"),
            negatable=False, name="no_obstacle"),
    *_rules("one_year_bar", "untimely",
            r"\buntimely\b", r"\btime ?barred\b",
            # in plain words: "so you asked too late"
            r"\b(?:asked|applied|filed)(?: for (?:asylum|protection))? too late\b",
            (r"\b(?:came in|was filed|were filed|filed|was lodged|lodged|arrived) "
             r"(?:\w+ ){0,1}late\b"),
            (r"\bno (?:\w+ ){0,1}(?:reason|explanation|excuse) (?:\w+ ){0,2}for "
             r"(?:the delay|waiting|"
             r"the wait|filing late|the late filing)\b"
             # "no explanation for the delay in reporting the attack" is about another delay
             r"(?! (?:in|to|before) (?!fil|apply|submit)\w+)"),
            # "no changed or extraordinary circumstance to explain that delay"
            (r"\b(?:no|nor|neither|without|not (?:an?|any)) (?:\w+ ){0,1}(?:changed|"
             r"extraordinary) (?:or (?:changed|extraordinary) )?circumstances?\b"),
            # "Neither of those is an extraordinary circumstance"
            (r"\bneither (?:of (?:those|these|them|the two) |one )?(?:is|was|amounts to|"
             r"constitutes|qualifies as) (?:an? )?(?:changed|extraordinary) circumstances?\b"),
            # "neither ignorance of the law nor generalized fear is an extraordinary
            # circumstance"
            (r"\bneither\b[^.;]{1,80}\bnor\b[^.;]{1,60}\b(?:is|was|are|were|constitutes?|"
             r"amounts? to) (?:an? )?(?:changed|extraordinary) circumstances?\b"),
            r"\bmore than (?:one|1|a) year (?:after|later)\b",
            # "well past the deadline", "outside the one-year period"
            (r"\b(?:past|beyond|outside|after|missed) (?:the |that |her |his |their )?(?:one|"
             r"1) year "
             r"(?:filing )?(?:deadline|period|time limit|window|mark)\b"),
            # "so she's outside the one year"; "no exception to the deadline applies"
            (r"\b(?:is|she's|he's|they're|are|was|were|falls?|fell) (?:\w+ )?outside (?:of )?"
             r"the one year\b"),
            # "did not file until 2021, well beyond one year"
            (r"\b(?:is|was|that's|it's|well|long|far) (?:\w+ )?(?:beyond|past|outside) (?:the |"
             r"a )?(?:one|1) year\b"),

            (r"\b(?:file|filed|filing|application|i 589|asylum)\b[^;:]{0,80}\b(?:past|beyond|"
             r"outside|"
             r"after|missed) (?:the |that |her |his |their )?(?:filing |statutory )?(?:deadline|"
             r"time limit)\b"),
            (r"\bno (?:\w+ ){0,1}(?:reason|explanation|excuse|justification) (?:\w+ ){0,2}"
             r"(?:for )?(?:the|her|his|their|this|that) (?:\w+ ){0,1}(?:delay\b(?! in (?!filing|"
             r"applying|seeking))|late filing|lateness)"),
            r"\b(?:application|i 589|asylum claim) (?:\w+ ){0,2}(?:was )?(?:filed|"
            r"submitted) late\b",
            (r"\b(?:after|past|missed|outside) (?:\w+ ){0,1}(?:one|1) year (?:deadline|"
             r"filing deadline|bar)\b"),
            (r"\b(?:one|1) year (?:filing )?(?:bar|deadline) (?:\w+ ){0,3}(?:applies|bars|"
             r"precludes)\b"),
            # "The filing came too late and nothing excuses it"
            (r"\b(?:filing|application|i 589|asylum claim) (?:\w+ ){0,2}(?:came|was|is|were) "
             r"(?:\w+ )?too late\b"),
            (r"\bnothing (?:\w+ ){0,2}(?:excuses?|excused|justif\w+) (?:it|that|this|the delay|"
             r"that delay|"
             r"the late filing|the lateness|(?:his|her|their) delay)\b"),
            # the exception found wanting: "No exception was argued", "no exception applies"
            (r"\bno exception (?:\w+ ){0,2}(?:argued|claimed|raised|asserted|applies|"
             r"shown|established)\b"),
            # "that satisfies neither exception"; "it fits neither exception to the deadline"
            (r"\b(?:satisf\w*|meets?|met|fits?|fall\w* (?:within|under)|qualif\w* (?:for|"
             r"under)) neither (?:exception|of the (?:two )?exceptions)\b"),
            # the filing, then the time counted from entry: "you asked for asylum last year in
            # twenty twenty four that is way more than one year"
            (r"\b(?:filed|applied|asked for asylum|application|i 589)\b[^.;]{0,120}\b(?:that's|"
             r"that is|it's|it is|which is) (?:\w+ ){0,1}(?:more|longer) than (?:one|1|a) year\b"),
            # the reason for the delay the law does not take, the bar applied after it: "you
            # didn't know about the one year rule i'm sorry but that's not a reason the law
            # accepts so your asylum application is pretermitted" (the match starts after the
            # respondent's reason, which the court reports)
            (r"\bnot (?:a |an )?(?:reason|excuse|exception) (?:that )?(?:the law|i can|the court "
             r"can) (?:accepts?|recogni[sz]es?|allows?)\b(?=[^.;]{0,60}\b(?:pretermit\w*|barred|"
             r"late|deadline|one year)\b)"),
            negatable=False, priority=2),
    # the filing a few months after entry, a filing fact: "entered on a visitor visa in 2019
    # and filed for asylum four months later"
    *_rules("one_year_bar", "timely",
            # (not the units of a larger count: "twenty six months after entering")
            # ("Her application reached the court within five months of her parole"; "He filed
            # from detention four months after he entered")
            (r"\b(?:filed|applied|submitted|lodged|(?:application|i 589) (?:\w+ ){0,2}(?:reached|"
             r"arrived at|came in to|came into|was received by))\b[^.;]{0,40}\b(?:(?<!twenty\x20)"
             r"(?<!thirty\x20)(?<!forty\x20)(?<!fifty\x20)(?<!sixty\x20)(?:one|two|three|four|five|"
             r"six|seven|eight|nine)|ten|eleven|a few|several|\d{1,2}) months? (?:later\b|(?:after|"
             r"of) (?:(?:his|her|their|the respondent's|the applicant's) )?(?:arrival|entry|"
             r"arriving|entering|coming|reaching|parole|release|admission)\b|after (?:he|she|they) "
             r"(?:entered|arrived|came|was paroled|was released|crossed)\b)"),
            negatable=False, priority=1, name="counted"),
    # the delay described, a filing fact that the speaker's own ruling on the deadline, when
    # one follows, supersedes (stages.tag FILING_FACTS): "did not file until 2022", "filed
    # four years after she arrived"
    *_rules("one_year_bar", "untimely",
            (r"\b(?:did not|didn't|didnt|not|never) (?:\w+ ){0,1}(?:file|apply|submit)\w* "
             r"(?:\w+ ){0,6}until\b(?! (?:\w+ ){0,2}months?\b)"),
            # ("she filed the i five eighty nine in um june of twenty twenty two that's about
            # eleven years after she came")
            (r"\b(?:file|filed|filing|submitted|lodged|applied|apply|application|"
             r"i 589) (?:\w+,? ){0,16}"
             r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
             r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|\d+|several|many)"
             r"(?: and a half)? years? (?:after|later|following)\b"),
            negatable=False, priority=2, name="counted"),
    *_rules("one_year_bar", "exception",
            (r"\b(?:changed|extraordinary) circumstances? (?:\w+ ){0,6}(?:excus|exception|appl|"
             r"establish|shown|material)\w*"),
            (r"\b(?:establish|shown|demonstrat|show)\w* (?:\w+ ){0,3}(?:changed|"
             r"extraordinary) circumstances?\b"),
            r"\bexception to the (?:one|1) year\b",
            # "an extraordinary circumstance accounts for the delay" ("I am not satisfied that
            # any ... accounts for a delay of six years": the negation flips it)
            (r"\b(?:changed|extraordinary) circumstances? (?:\w+ ){0,3}(?:accounts? for|explains?|"
             r"explained|justif(?:y|ies|ied)) (?:the|a|his|her|their|this|that) (?:\w+ ){0,4}"
             r"(?:delay|late filing|lateness|wait)\b"),
            # "That is a material change bearing directly on his eligibility"
            r"\bmaterial change (?:in|of|bearing|affecting|to|that)\b",
            # filed within a reasonable period of the change: "he filed within three months of
            # it, which is a reasonable period"
            (r"\b(?:filed|applied)\b[^.;]{0,80}\b(?:which|that) (?:is|was) (?:a |well within a )?"
             r"reasonable (?:period|time)\b"),
            # "The late filing is excused"; "her delay is not excused" (untimely)
            (r"\b(?:late filing|lateness|delay|untimel(?:y filing|iness))(?: in filing)? "
             r"(?:\w+ ){0,2}(?:is|was|are|were|be|has been|stands) (?:\w+ )?excused\b"),
            (r"\b(?:was|is|were|constitutes?|constituted|amounts? to|amounted to) (?:an? )?"
             r"(?:changed|extraordinary) circumstances?\b")),
    # nothing found that would excuse it, however long its subject: "nothing changed in Eritrea
    # or in his own situation that would excuse the delay" (outranks the excuse it names)
    *_rules("one_year_bar", "untimely",
            (r"\bnothing\b[^.;]{0,80}\b(?:that|which) (?:would|could|might) (?:excuse|explain|"
             r"justify) (?:the|his|her|their|that|this) (?:delay|late filing|lateness)\b"),
            negatable=False, priority=4, name="nothing_excuses"),
    # what excuses the delay outranks the delay stated before it: "That is more than a year
    # after her arrival, but ... is an extraordinary circumstance that excuses the delay"
    # ("nothing excuses the delay": the negation flips it)
    *_rules("one_year_bar", "exception",
            (r"\b(?:excuses?|excused|excusing) (?:the|her|his|their|that|this) (?:\w+ )?(?:delay|"
             r"late filing|lateness|untimeliness)\b"),
            # "seven years after he arrived, but his conversion is a changed circumstance that
            # materially affects his eligibility"; "The filing is excused."
            (r"\b(?:is|was|constitutes?|constituted|amounts? to) (?:an? )?(?:changed|"
             r"extraordinary) circumstances? (?:that|which) (?:\w+ )?(?:materially )?(?:affects?|"
             r"affected|excuses?|excused|explains?|explained)\b"),
            (r"\b(?:the|his|her|their) (?:late )?(?:filing|application) (?:is|was|stands) "
             r"(?:therefore |thus |accordingly )?excused\b"),
            # a bench note: "Exception established; application treated as timely filed."
            r"\bexception (?:is |has been |was )?(?:established|found|shown|made out)\b",
            # the lateness forgiven: "application treated as timely filed"
            r"\b(?:treated|deemed|regarded) as (?:if |though )?timely\b",
            priority=3, name="excused"),
    # --- discretion -----------------------------------------------------------------------
    # "I see nothing in his history that would lead me to deny relief as a matter of
    # discretion": the denial nothing leads to is the favourable exercise
    *_rules("discretion", "favorable",
            (r"\b(?:nothing|no (?:\w+ )?(?:factor|fact|consideration|reason)s?)\b[^.;]{0,60}\b"
             r"(?:would|could|might) (?:lead|cause|persuade) (?:me|the court) to (?:deny|refuse|"
             r"withhold) (?:\w+ ){0,3}(?:as a matter of|in (?:the exercise of|my)) discretion\b"),
            # the relief itself withheld: "nothing in his history that would lead me to
            # withhold relief he has shown he is entitled to"
            (r"\b(?:nothing|no (?:\w+ )?(?:factor|fact|consideration|reason)s?)\b[^.;]{0,60}\b"
             r"(?:would|could|might) (?:lead|cause|persuade) (?:me|the court) to (?:deny|refuse|"
             r"withhold) (?:the |that |this )?(?:relief|asylum|a grant|protection)\b"),
            # "He has met his burden, no negative factors weigh against him"
            (r"\bno (?:negative|adverse|unfavou?rable) (?:\w+ )?(?:factors?|considerations?|"
             r"equities) (?:weigh|weighs|counsel|counsels|militate|tell) against (?:him|her|them|"
             r"a grant|granting|relief)\b"),
            # "nothing in her background counsels against a grant"
            (r"\bnothing (?:in (?:his|her|their|the respondent's|the applicant's) (?:history|"
             r"background|record|past|conduct) )?(?:counsels|weighs|militates|tells) against (?:a "
             r"grant|granting|relief|it|the grant)\b"),
            negatable=False, priority=3, name="nothing_leads"),
    *_rules("discretion", "favorable",
            # "..., and I exercise it in her favor", discretion named earlier in the sentence
            (r"\bdiscretion\b[^.;]{0,100}\bexercis\w* (?:it|that discretion|my discretion) "
             r"(?:\w+ ){0,1}(?:in (?:his|her|their|the respondent's|the applicant's) favou?r|"
             r"favou?rably)\b"),
            (r"\b(?:favou?rabl[ey]|positive) "
             r"(?:\w+ ){0,1}(?:exercise of )?(?:\w+ ){0,1}discretion\b"),
            # "nothing in her history gives me pause about granting relief"
            # ("Nothing about his conduct or history gives me pause about extending this
            # protection to him")
            (r"\bnothing (?:[\w']+ ){0,6}?(?:gives|gave) (?:me|the court) pause (?:about|in|"
             r"before) (?:granting|giving|extending|awarding|affording|allowing)\b"),
            # "He has carried his burden, and discretion favors him."
            (r"\bdiscretion (?:\w+ )?(?:favou?rs|favou?red|weighs in (?:his|her|their) "
             r"favou?r|tips in (?:his|her|their) favou?r)\b"),
            r"\b(?:merits?|warrants?|deserves?) (?:\w+ ){0,4}discretion\b",
            (r"\b(?:merit\w*|warrant\w*|deserv\w*|grant\w*),? (?:\w+,? ){0,5}(?:as a matter of|"
             r"in the exercise of) (?:\w+ ){0,2}discretion\b"
             r"(?!(?!,\s*(?:and|but)\b),?[^,;]{0,80}\bden)"),
            r"\bdiscretion (?:\w+ ){0,3}(?:in (?:his|her|their) favou?r|weighs? in favou?r)\b",
            # discretion named, then its exercise by pronoun: "... deserves a favorable exercise
            # of it"
            (r"\bdiscretion\b[^.;]{0,80}\bfavou?rable exercise of (?:it|that discretion|"
             r"my discretion)\b"),
            # the relief itself deserved: "she is eligible, and she merits it"
            (r"\b(?:he|she|they|the respondent|the applicant) (?:also |clearly |plainly )?"
             r"(?:merits|deserves|warrants) (?:it|relief|this relief|that relief|a grant)\b"),
            # discretion exercised in so many words: "I exercise discretion favorably", "the
            # Court exercises its discretion in her favor" ("I will not exercise discretion for
            # you" is negated)
            (r"\bexercis\w* (?:my |its |the court's |this court's |the |that )?discretion "
             r"(?:favou?rably|in (?:his|her|their|your|the respondent's|the applicant's) favou?r|"
             r"for (?:him|her|them|you|the respondent|the applicant))\b"),
            # "In my discretion I grant asylum"; "In the exercise of discretion, and given her
            # record, I grant voluntary departure."
            (r"\b(?:in (?:my|the court's|its|this court's) |(?:as a matter of|in the exercise "
             r"of) (?:(?:my|the court's|its|this court's) )?)discretion\b(?=[^.;]{0,60}\bgrant)")),
    # nothing weighs against relief: "there are no adverse discretionary factors", "I see no
    # negative factor bearing on discretion" (the negation is the rule's own)
    *_rules("discretion", "favorable",
            (r"\b(?:no|none of the|not any|without any) (?:\w+ ){0,1}(?:adverse|negative|"
             r"unfavou?rable) (?:discretionary (?:factors?|considerations?)\b|(?:factors?|"
             r"considerations?)\b(?=[^.;]{0,40}\bdiscretion))"),
            # "I see nothing that weighs against him as a matter of discretion"
            # ("nothing in the record that weighs against her")
            # ("Nor do I see anything in his history that would weigh against him ...")
            (r"\b(?:nothing|(?:not|n't|nor) (?:\w+ ){0,3}anything|no (?:factor|fact|"
             r"consideration)s?) (?:(?:in|on|about) (?:the|this|"
             r"his|her|their) (?:record|file|history|past|background|conduct|case|evidence) |"
             r"here )?(?:that |which )?"
             r"(?:\w+ ){0,1}"
             r"(?:weighs?|weigh|weighing|counts?|cuts?|tips?|militates?|counsels?) against (?:him|"
             r"her|them|it|the respondent|the applicant|granting|relief|an? (?:grant|favou?rable "
             r"exercise))\b(?=[^.;]{0,60}\bdiscretion)"),
            # "I see nothing that would lead me to turn him away as a matter of discretion"
            (r"\bnothing (?:\w+ ){0,3}(?:lead|leads|cause|causes|persuade|persuades|move|moves) "
             r"(?:me|the court) to (?:turn (?:him|her|them) away|deny|refuse)\b"
             r"(?=[^.;]{0,60}\bdiscretion)"),
            # (above the denial it names: "nothing that would lead me to deny her relief as a
            # matter of discretion")
            negatable=False, priority=3, name="none_against"),
    # the refusal declined even in the counterfactual (the condition is the rule's own): "even
    # if the law left me free to say no, I would not"; "had I the discretion to deny it, I
    # would not"
    *_rules("discretion", "favorable",
            (r"\b(?:free|discretion|power|latitude|room) to (?:say no|deny|refuse)\b[^.;]{0,40}"
             r"\b(?:i|the court) would (?:not|never)\b"),
            negatable=False, name="counterfactual", conditional=True),
    # a request declined by reference: "I decline it in the exercise of discretion"
    *_rules("discretion", "unfavorable",
            (r"\bdeclin\w* (?:it|that|this|the request|that request) (?:\w+ ){0,2}(?:as a matter "
             r"of|in the exercise of) (?:\w+ ){0,2}discretion\b"),
            negatable=False, priority=2, name="declined"),
    # the double negation in so many words: "I see no reason why discretion should not be
    # exercised in her favor"; "there is no reason to hold anything in his past against him"
    *_rules("discretion", "favorable",
            (r"\bno (?:reason|basis) (?:why |that )?(?:\w+ ){0,2}discretion (?:should|would|could) "
             r"not be exercised in (?:his|her|their|the respondent's|the applicant's) favou?r\b"),
            (r"\bno (?:reason|basis) to hold (?:anything|it|that|any of (?:it|that)) (?:in (?:his|"
             r"her|their) (?:past|history|record) )?against (?:him|her|them)\b"),
            negatable=False, priority=3, name="double"),
    # the grant said to be discretion's: "I grant him asylum, and I do so as a matter of
    # discretion"; the equities: "nothing weighs against her on the equities"
    *_rules("discretion", "favorable",
            (r"\b(?:grant|grants|granted|granting)\b[^.;]{0,40}\b(?:and )?(?:i|the court) (?:do|"
             r"does|did) so (?:as a matter of|in the exercise of|in (?:my|its|the court's)) "
             r"(?:\w+ )?discretion\b"),
            (r"\bnothing (?:\w+ ){0,3}(?:weighs|counts|cuts|tells|militates) against (?:him|her|"
             r"them|the respondent|the applicant) (?:on|in) (?:the )?(?:equities|balance|"
             r"discretion)\b"),
            (r"\bexercis\w* (?:my|the court's|its|this court's|favorable) discretion (?:to|in "
             r"favou?r of) (?:grant|give|award)\b"),
            priority=2, name="exercised"),
    # "there's nothing negative on the discretion side"
    *_rules("discretion", "favorable",
            (r"\bnothing (?:\w+ )?(?:unfavou?rable|negative|adverse) (?:\w+ ){0,3}"
             r"discretion(?:ary)?\b"), priority=2, name="nothing"),
    *_rules("discretion", "unfavorable",
            (r"(?<!\bnothing\x20)\b(?:unfavou?rabl[ey]|negative|adverse) "
             r"(?:\w+ ){0,1}(?:exercise of )?(?:\w+ ){0,1}discretion\b"),
            # (the denial in the same clause: "I do not find that he deserves that privilege as
            # a matter of discretion, and I deny it" is the deserving denied)
            (r"\b(?:as a matter of|in the exercise of) (?:\w+ ){0,2}discretion\b"
             r"(?=(?!,\s*(?:and|but)\b),?[^,;]{0,80}\bden)"),
            # ("In my discretion I decline to grant voluntary departure")
            (r"\bin (?:my|the court's|its|this court's) discretion\b(?=[^.;]{0,60}\b(?:den|"
             r"(?:declin|refus)\w* to (?:grant|give|allow)))"),
            negatable=False, priority=2),
    # "discretion must be exercised against it"; "I exercise my discretion against him"
    *_rules("discretion", "unfavorable",
            (r"\bdiscretion (?:must|should|will|would|shall|has to) (?:\w+ )?be exercised "
             r"against\b"),
            (r"\b(?:exercis\w*|use|uses|used|using) (?:my |the court's |its |this court's |that )?"
             r"discretion (?:\w+ ){0,1}against (?:him|her|them|it|the (?:respondent|applicant|"
             r"grant|application)|a grant|granting)\b"),
            priority=2, name="against"),
    # "I see no reason to deny relief in the exercise of discretion" is favorable
    *_rules("discretion", "unfavorable",
            (r"\b(?:den\w*|refus\w*|hold (?:it|that|this|relief|asylum) back) (?:\w+ ){0,6}"
             r"(?:as a matter of|in the exercise of) (?:\w+ ){0,2}discretion\b"),
            # "no reason to withhold a favorable exercise of discretion" is favorable
            (r"\bwithh(?:old|olds|olding|eld) (?:a |the |any |its |my )?(?:favou?rable |positive )?"
             r"(?:exercise of )?(?:\w+ ){0,2}discretion\b"),
            priority=2, name="verb"),
    # --- orders and events ----------------------------------------------------------------
    *_rules("removal_order", None,
            (r"\b(?:order|orders|ordered|ordering) (?:\w+ ){0,4}(?:removed|deported|removal|"
             r"deportation)\b"),
            # the alternate order in its own words: "otherwise he is to be removed to Mali"
            r"\b(?:is|are|shall be|will be) to be (?:removed|deported) to\b",
            # in plain words: "I order you to be sent back to Somalia"
            r"\b(?:order|orders|ordered|ordering) (?:\w+ ){0,4}sent back to\b",
            # "That means I am ordering that you be returned to Guatemala."
            (r"\b(?:order|orders|ordered|ordering) that (?:you|he|she|they|the respondent) be "
             r"returned to\b"),
            r"\b(?:order|orders) of (?:removal|deportation)\b",
            # "the alternate order is that he and his son are removed to Peru"
            (r"\border (?:is|will be|shall be) that (?:[\w']+ ){0,8}(?:removed|deported)\b"),
            # (not a past order reinstated: "his 2014 removal order was reinstated")
            (r"\b(?:removal|deportation) order\b(?! (?:\w+ ){0,2}(?:was|were|has been|had been) "
             r"reinstated)"),
            (r"\b(?:removal|deportation) (?:\w+ ){0,3}(?:is|be|will be|shall be) (?:hereby )?"
             r"ordered\b"),
            r"\b(?:shall|will) be removed to\b",
            r"^\s*(?:(?:so )?ordered )?removed to [a-z]",  # a terse ruling: "Removed to Peru."
            r"\balternate order (?:of (?:removal|deportation) )?to\b",
            # in plain words: "a backup order that removes you to the Congo", "turns into an
            # order sending you back to Honduras"
            (r"\b(?:backup|back up|alternate|alternative) order (?:that|which) (?:removes|sends|"
             r"will remove|will send) (?:you|him|her|them)\b"),
            r"\border (?:sending|removing) (?:you|him|her|them) (?:back )?to\b",
            # the alternate order coming into force: "the alternate order takes effect"
            (r"\b(?:alternate|alternative) order (?:of (?:removal|deportation) )?(?:takes|will "
             r"take|goes|will go|comes|will come) (?:into )?effect\b"),
            # the alternate order described: "the order converts to one removing him to Mexico"
            (r"\border (?:converts|becomes|turns|will convert|will become) (?:in)?(?:to )?"
             r"(?:one|an order) (?:removing|of removal|of deportation|deporting)\b")),
    # the voluntary departure grant turning into the alternate order if the respondent stays:
    # "if she does not leave, it becomes an order of removal to Peru" (the condition is the
    # order's own, so the conditional clause keeps it)
    *_rules("removal_order", None,
            (r"\b(?:becomes?|will become|turns? into|will turn into|converts? (?:in)?to|will "
             r"convert (?:in)?to) (?:an? |the )?(?:alternate |final )?(?:order of (?:removal|"
             r"deportation)|(?:removal|deportation) order|order (?:removing|deporting) (?:him|her|"
             r"them|you)\b)"),
            # after the condition, in plain words: "if you don't leave by the date the order
            # of the court is that you are removed to El Salvador"
            (r"\border of (?:the|this) court (?:is|will be|shall be) that (?:[\w']+ ){0,8}"
             r"(?:removed|deported)\b"),
            # "the alternate order is removal to Peru"
            (r"\b(?:alternate|alternative) order (?:is|will be|would be|shall be) (?:one of )?"
             r"(?:removal|deportation)\b"),
            # "Should he fail to post the bond or to leave in time, an order removing him to
            # Nepal takes effect instead."
            (r"\b(?:order of (?:removal|deportation)|(?:removal|deportation) order|order "
             r"(?:removing|deporting) (?:him|her|them|you))\b(?: \w+){0,4} (?:takes|will take|"
             r"shall take|goes into|will go into) effect\b"),
            # "... the alternate order kicks in he's ordered removed to El Salvador"
            (r"\balternate (?:removal |deportation )?order\b(?: \w+){0,2} (?:kicks in|will kick in|"
             r"takes effect|will take effect|takes over|comes into effect|goes into effect|"
             r"applies|will apply)\b"),
            # the order named as the alternate one after it: "... then he's ordered removed to
            # nicaragua that's the alternate order"
            (r"\b(?:order|orders|ordered) (?:\w+ ){0,4}(?:removed|deported)\b[^.;]{0,60}\b"
             r"(?:that's|"
             r"that is|this is|which is|as) the (?:alternate|alternative|backup) order\b"),
            # (the condition's own negation is no negation of the order: "if he doesn't leave
            # the alternate order is removal to Peru")
            name="alternate", conditional=True, negatable=False),
    *_rules("continuance", None,
            (r"\b(?:give|giving) you (?:a|another|one more) (?:new |later |final )?"
             r"(?:date|setting)\b"),
            r"\b(?:last|final|one more|another) extension\b",
            # ("This is a continued individual hearing" names the hearing: no continuance)
            (r"\b(?:case|matter|hearing|proceedings?|this) (?:is|are|will be|shall be|be|"
             r"gets?) (?:\w+ ){0,2}(?:continued|reset|adjourned|rescheduled|postponed)\b"
             r"(?! (?:\w+ ){0,2}(?:hearing|calendar|session|proceedings?)\b)"),
            # ("reset the individual hearing", "continue the respondent's case")
            (r"\b(?:continu(?:e|ing)|reset(?:ting)?|adjourn(?:ing)?|reschedul(?:e|ing)) (?:the|"
             r"this|your|his|her|their) (?:[\w']+ ){0,2}?(?:case|matter|hearing)\b"),
            (r"\b(?:grant\w*|allow\w*|give|giving|take|taking) (?:\w+ ){0,3}(?:continuance|"
             r"adjournment)\b"),
            r"\b(?:continuance|adjournment) (?:\w+ ){0,3}(?:is|will be) granted\b",
            (r"\b(?:next|new|your) (?:individual |master )?(?:hearing|court) (?:date )?(?:is|"
             r"will be)\b"),
            r"\bfor good cause\b",
            # "We'll reconvene on October 21 at 9 a.m."
            (r"\b(?:we'll|we will|we shall|the court will|court will) reconvene (?:on|in|at) "
             r"(?:\w+ )?(?:january|february|march|april|may|june|july|august|september|october|"
             r"november|december|\d)"),
            # "I'm resetting to October 22", "continuing it until March 3"
            (r"\b(?:resetting|continuing|adjourning|postponing) (?:it |this |the (?:case|matter|"
             r"hearing) )?(?:to|until|till|for) (?:the )?(?:\w+ ){0,1}(?:january|february|march|"
             r"april|may|june|july|august|september|october|november|december|\d)"),
            # "I'm going to reset this for a full individual hearing on June 2"
            (r"\b(?:reset(?:ting)?|continu(?:e|ing)|adjourn(?:ing)?|postpon(?:e|ing)|"
             r"reschedul(?:e|ing)) (?:it|this|the (?:case|matter|hearing)) (?:to|until|till|for) "
             r"(?:[\w']+ ){0,5}?(?:january|february|march|april|june|july|august|september|"
             r"october|november|december|may \d)"),
            # a terse reset with its date: "Reset for filing, January 14, 8:30."; "Continued
            # to March 3 for the biometrics."
            # ("Continued for merits; ...")
            r"^\s*(?:reset|continued|adjourned|postponed|rescheduled) for\b",
            (r"^\s*(?:reset|continued|adjourned|postponed|rescheduled)\b[^.;]{0,40}\b(?:january|"
             r"february|march|april|may|june|july|august|september|october|november|december)\b"),
            # "The hearing moves to the eleventh of November"
            (r"\b(?:hearing|case|matter) (?:moves|is moved|will move|goes over|is put over) "
             r"(?:over )?to\b"),
            # a new date given: "New date, April 8", "we will come back on June 12",
            # "we'll put you over to October 2nd", "reset to May 3", "see you on the 14th"
            r"\bnew (?:hearing |court )?date\b",
            # "I'll give you till March 19", "the next hearing, which I am setting for the
            # ninth of July"
            # (not the time to leave: "I'm giving you until March 3 to leave the country")
            (r"\b(?:give|giving) (?:you|him|her|them|counsel) (?:until|till|to) (?:\w+ ){0,2}"
             r"(?:january|february|march|april|may|june|july|august|september|october|november|"
             r"december|monday|tuesday|wednesday|thursday|friday)\b"
             r"(?!(?: \w+){0,2} to (?:leave|depart)\b)"),
            (r"\b(?:setting|set|scheduling|schedule|scheduled|calendaring|calendared) (?:\w+ ){0,3}"
             r"(?:for|on) (?:the )?(?:\w+ ){0,2}(?:of )?(?:january|february|march|april|may|june|"
             r"july|august|september|october|november|december)\b"),
            (r"\bpick (?:this|it|the case|the matter|your case) (?:back )?up (?:again )?(?:on|in|"
             r"at) "
             r"(?:\w+ ){0,2}(?:january|february|march|april|may|june|july|august|september|october|"
             r"november|december|monday|tuesday|wednesday|thursday|friday|the \w+(?:st|nd|rd|th)|"
             r"\d)"),
            r"\bnext (?:hearing |court )?date(?: is| will be| of| on|,|:)",
            (r"\b(?:come|be|coming) back (?:\w+ ){0,2}(?:on|in|at) (?:\w+ ){0,2}(?:january|"
             r"february|"
             r"march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
             r"wednesday|thursday|friday|the \w+(?:st|nd|rd|th)|\d)"),
            # (not a witness's date moved: "only then did he move it back to March")
            r"(?<!\bhe\x20)(?<!\bshe\x20)(?<!\bthey\x20)"
            r"\b(?:put|putting|set|setting|move|moving|push|pushing) (?:you|this|it|the case|"
            r"your case|"
            r"the matter|the hearing|him|her|them) (?:\w+ ){0,1}(?:over )?(?:to|until|for) "
            r"(?:\w+ ){0,2}(?:january|february|march|april|may|june|july|august|september|october|"
            r"november|december|monday|tuesday|wednesday|thursday|friday|next|\d)",
            (r"\b(?:reset|continued|adjourned|postponed|rescheduled) (?:to|until|for|till) "
             r"(?:\w+ ){0,2}(?:january|february|march|april|may|june|july|august|september|october|"
             r"november|december|monday|tuesday|wednesday|thursday|friday|next|\d)")),
    *_rules("termination", None,
            (r"\b(?:proceedings?|case|matter) (?:\w+ ){0,3}(?:terminated|dismissed|"
             r"administratively closed)\b"),
            (r"\b(?:terminat\w+|dismiss\w*) (?:the |these |this )?(?:removal )?(?:proceedings?|"
             r"case|matter)\b"),
            # (a party's motion named is no ruling: "her motion to administratively close")
            # ("you've moved for administrative closure", "she asks for it")
            (r"(?<!motion\sto\s)(?<!motion\sfor\s)(?<!request\sto\s)(?<!request\sfor\s)"
             r"(?<!moved\sfor\s)(?<!moved\sto\s)(?<!move\sfor\s)(?<!move\sto\s)(?<!moves\sfor\s)"
             r"(?<!moves\sto\s)(?<!asks\sfor\s)(?<!asked\sfor\s)(?<!seeks\s)(?<!sought\s)"
             r"\badministrative(?:ly)? clos\w+"),
            (r"\bmotion (?:to|for) (?:terminate|dismiss|administratively close|administrative "
             r"closure) (?:\w+ ){0,3}(?:is )?granted\b"),
            (r"^\s*(?:(?:the )?(?:case|matter|proceedings?) (?:is |are )?)?"
             r"(?:terminated|dismissed)\b")),
    *_rules("appeal", "reserved",
            r"\breserv\w* (?:\w+ ){0,3}(?:appeal|right to appeal)\b",
            r"\bappeal (?:is |was |has been |will be |as )?reserved\b",
            (r"\b(?:will|wish to|wishes to|want to|wants to|intend to|intends to|going to|"
             r"would like to) appeal\b"),
            # (not the appeal already taken, given as a reason: "because you are appealing,
            # you must still post the bond")
            ("".join(rf"(?<!\b{c}\x20{p}\x20)" for c in ("because", "since") for p in (
                "you", "he", "she", "they")) + r"\b(?:be|are|is) appealing\b"),
            (r"\b(?:take|taking|takes) (?:this|it|the (?:case|matter|decision)) (?:up )?(?:to|"
             r"with|before) the board\b|\btake the (?:thirty|30) days\b"),
            # the notice of appeal filed by its form, as speech recognition spells it: "we'll
            # be filing the e o i r twenty six" (not the judge naming the form)
            (r"\b(?:file|filing|submit|submitting|send|sending) (?:the |an |our |a )?(?:e ?o ?i ?r|"
             r"eoir) (?:form )?(?:twenty six|26)\b"),
            # "The government won't be seeking further review." (negated: waived)
            r"\b(?:seek|seeking|pursue|pursuing) (?:any )?(?:further )?review\b"),
    *_rules("appeal", "waived",
            r"\bwaiv\w* (?:\w+ ){0,3}(?:appeal|right to appeal)\b",
            r"\bappeal (?:is |was |has been )?waived\b",
            r"\baccepts? (?:\w+ ){0,4}(?:decision|ruling|order) (?:\w+ ){0,1}(?:as )?final\b",
            # the answer opening on it: "Accepted as final by the respondent."
            r"^\s*(?:accept|accepted|accepts) (?:it |that |this )?as final\b",
            # a party accepting the decision itself: "We accept the decision." (not a ruling on
            # a motion or an exhibit: "we accept the ruling on the exhibit")
            (r"\b(?:we|i|the (?:respondent|department|government)|dhs|my client) (?:[\w']+ ){0,5}?"
             r"accepts? (?:the|your|this|that|today's|the court's) (?:decision|ruling)\b"
             r"(?! (?:on|about|regarding|as to)\b)")),
    # "DHS has no intention of appealing" (its own "no" is the waiver)
    *_rules("appeal", "waived",
            (r"\bno (?:intention|plans?|wish|desire) (?:of|to) (?:appeal|appealing|challenge|"
             r"challenging|seek\w* review)\b"),
            negatable=False, name="no_intention"),
    # voluntary departure described: "you may leave on your own by June 30"
    *_rules("voluntary_departure", "granted",
            # permission to leave by a date: "She may leave voluntarily by March 1"
            (r"\b(?:may|can|is (?:allowed|permitted) to|will be (?:allowed|permitted) to) "
             r"(?:leave|depart) (?:the (?:country|united states) )?(?:voluntarily|on (?:his|her|"
             r"their|your) own) (?:\w+ ){0,3}(?:by|before|within|no later than)\b"),
            (r"\b(?:leave|depart) (?:the (?:country|united states) )?(?:on (?:your|his|her|"
             r"their) own|"
             r"at (?:your|his|her|their) own expense) (?:by|before|within|no later than)\b")),
    # the departure ordered by a date, with its bond: "She shall depart by October 30, posting
    # a bond of $600" (the "no" of "no later than" negates nothing; without the bond, "I will
    # grant it, and he must depart by May 1" rules by reference)
    *_rules("voluntary_departure", "granted",
            # "I'm giving you until March 3 to leave the country, and you need to pay a $500 bond"
            (r"\b(?:give|giving|gave|grant|granting) (?:you|him|her|them) until (?:\w+ ){1,3}to "
             r"(?:leave|depart)\b(?=[^.;]{0,100}\bbond\b)"),
            # "He'll have sixty days, until the twelfth of March, and must post a bond"
            (r"\b(?:he|she|they|you)(?:'ll| will| shall)? have (?:\w+ ){0,2}days\b"
             r"(?=[^.;]{0,100}\bbond\b)"),
            (r"\b(?:he|she|they|you|the respondent|the applicant) (?:shall|must|is to|are to) "
             r"(?:depart|leave)(?: the (?:country|united states))?(?: voluntarily)? (?:by|on or "
             r"before|no later than|within)\b(?=[^.;]{0,100}\bbond\b)"),
            negatable=False, name="by_date"),
    *_rules("interpreter_sworn", None,
            r"\b(?:swear|affirm)\b.{0,80}\b(?:interpret|translat)",
            # the oath as a promise: "Do you promise to interpret fully and faithfully ...?";
            # "Will you render everything accurately from English into Albanian and back?"
            r"\bpromise to (?:\w+ ){0,2}(?:interpret|translate)\b",
            (r"\bwill you (?:\w+ ){0,2}(?:render|interpret|translate)\b.{0,100}\b(?:accurately|"
             r"faithfully|completely|fully)\b"),
            # "You'll carry everything said in this room faithfully between English and
            # Spanish ...?"
            (r"^\s*(?:\w+,? ){0,3}you(?:'ll| will) (?:carry|render|interpret|translate|convey)\b"
             r".{0,80}\b(?:faithfully|accurately|completely)\b"),
            # "will you uh faithfully translate everything said today ..."
            (r"\bwill you (?:\w+ ){0,2}(?:faithfully|accurately|fully|truthfully|completely) "
             r"(?:and (?:\w+ ))?(?:render|interpret|translate)\b"),
            # "Please affirm that you will carry everything across fully and accurately"
            (r"\b(?:swear|affirm)\b.{0,40}\byou will (?:carry|render|convey|put)\b.{0,60}"
             r"\b(?:faithfully|accurately|completely)\b"),
            # "Do you affirm that you will render everything said here faithfully between
            # Ukrainian and English"
            (r"\b(?:swear|affirm)\b.{0,60}\brender\w*\b.{0,80}\b(?:faithfully|accurately|"
             r"between [a-z]+ and [a-z]+)\b"),
            r"\binterpreter (?:\w+ ){0,3}(?:sworn|under oath)\b",
            r"\b(?:swear|swore|sworn|swearing) (?:in )?(?:\w+ ){0,2}interpreter\b",
            # the oath recorded: "the interpreter has affirmed that she will interpret
            # faithfully"
            (r"\binterpreter\b(?:(?:mr|ms|mrs|dr)\.|[^.;]){0,60}\b(?:has|have) (?:affirmed|sworn|"
             r"promised|"
             r"solemnly affirmed)\b[^.;]{0,40}\b(?:interpret|translat)")),
    *_rules("frivolousness_warning", None,
            r"\bfrivolous\b.{0,100}\b(?:barred|permanent\w*|ineligib\w*|consequence\w*|benefits)\b",
            r"\b(?:warn|advis|caution)\w* (?:\w+ ){0,6}frivolous\b",
            r"\bknowingly (?:\w+ ){0,4}frivolous\b"),
    *_rules("frivolousness_warning", None,
            # the warning described: anything knowingly false bars every benefit for life
            (r"\b(?:false|made up|make up|makes up|making up|fabricat\w*|invent\w*)\b"
             # ("... you can be barred for the rest of your life from every benefit")
             r"[^.?]{0,120}\b(?:never|for life|for the rest of (?:your|his|her|their) li(?:fe|ves)|"
             r"permanently|forever)\b[^.?]{0,60}\bbenefits?\b"),
            (r"\b(?:lose|barred from|ineligible for) (?:\w+ ){0,2}benefits? (?:\w+ ){0,4}(?:for "
             r"life|permanently|forever)\b"),
            negatable=False, name="described"),
]
RULES += CONCEPT_RULES  # findings stated without their usual words
# rules whose statement holds in a conditional clause (a sentence of the law of the condition)
CONDITIONAL_RULES = frozenset(rule.name for rule in RULES if rule.conditional)

# --- applications and the verb that rules on them -----------------------------------------

# withholding (or deferral) under the Convention against Torture, not under the statute
# ("withholding under the regulations implementing the torture convention")
CAT_WITHHOLDING = (r"\b(?:withholding|deferral)(?: of (?:removal|deportation))? under (?:the )?"
                   r"(?:regulations? (?:implementing|that implements?|under) (?:the )?)?"
                   r"(?:convention|torture|cat)\b")
CAT_WITHHOLDING_RE = _compile(CAT_WITHHOLDING)

APPLICATIONS: list[tuple[str, re.Pattern[str]]] = [
    ("cat_protection", _compile(
        CAT_WITHHOLDING +
        r"|\b(?:convention against torture|torture convention|\bcat\b|article 3)(?: protection|"
        r" claim)?|\b(?:torture|convention) (?:claim|application|request)\b"
        # both withholdings named at once: "withholding under both the statute and the
        # Convention"
        r"|\bunder (?:both )?the (?:statute|act) and (?:under )?the (?:convention|cat)\b")),
    ("cat_protection", _compile(r"\bdeferral of (?:removal|deportation)\b")),
    # "Deferral is denied", "protection under the Convention": named on its own
    ("cat_protection", _compile(r"\bdeferral\b(?! of action)(?! action)"
                                r"|\bprotection under the convention\b"
                                # "asylum, withholding and Convention protection"
                                r"|\bconvention (?:protection|relief)\b"
                                r"|\b(?:request|claim|application) under the (?:convention|cat)\b"
                                # ("For the protection against torture, ...")
                                r"|\b(?:protection|relief) (?:under|from|against) (?:the )?"
                                r"torture\b"
                                r"(?: (?:regulations?|convention))?|\btorture regulations?\b"
                                # in plain words: "the torture protection"
                                r"|\btorture protection\b"
                                # the treaty in plain words: "no to your request under the
                                # torture treaty"
                                r"|\b(?:torture treaty|treaty against torture)\b"
                                # "As to torture, I see nothing showing ..."
                                r"|\b(?:as to|turning to|as for) (?:torture|the convention)\b")),
    ("withholding_of_removal", _compile(
        r"\bwithholding\b(?: of (?:removal|deportation))?"
        # (speech recognition: "withholding under two forty one b three is granted")
        # ("241(b)(3)" has no spaces: the optional ones, " ?", match none)
        r"(?: under (?:section )?(?:241 ?\(?b\)? ?\(?3\)?|two forty ?one b three))?"
        r"|\b241 ?\(?b\)? ?\(?3\)?")),
    ("voluntary_departure", _compile(
        r"\bvoluntar(?:y|ily) depart(?:ure)?\b|\bdepart voluntarily\b"
        # the bench's abbreviation: "VD granted, 120 days, no bond"
        r"|\bvd\b"
        # the request described: "to leave the country at his own expense", "to depart on
        # his own"
        r"|\bleave voluntarily\b"
        r"|\b(?:leave|depart)\w* (?:the (?:country|united states) )?(?:on (?:his|her|their|"
        r"your) own|at (?:his|her|their|your) own (?:expense|cost))\b"
        # the leave itself, by a date: "grant that request and permit him to depart by
        # February 9", "allow her to leave the United States by June 1"
        r"|\b(?:permit|allow|let)\w* (?:him|her|them|the respondent|the applicant) to "
        r"(?:depart|leave)(?: the (?:country|united states))? (?:by|before|within|no later "
        r"than)\b")),
    ("asylum", _compile(
        r"\basyl\w*\b(?! (?:officer|office|seekers?|interview|standard|burden|law|statute|"
        r"context))"
        # the statute's section: "the protection he asked for under section 208"
        r"|\bsection 208\b")),
    # the respondent's application, unqualified, is the asylum application (Form I-589, on
    # which a child rides): "So her application, and his with it, must be denied"
    ("asylum", _compile(
        r"\b(?:his|her|their|the (?:lead )?respondent's|the applicant's) application\b"
        r"(?! (?:for|to|under|of)\b)"
        # "So I will grant the application he filed."
        r"|\bthe application (?:he|she|they) filed\b")),
]
# "can succeed" rules only after "neither"/"nor" in its clause ("neither asylum nor
# withholding can succeed")
SUCCEEDS = _compile(r"\b(?:can|could|will|does|do) (?:\w+ ){0,1}(?:succeed|prevail)\b")
NEITHER = re.compile(r"\b(?:neither|nor|none)\b")
# the court's inability, a bar, not a question left open: "so I cannot consider your asylum
# request"
UNABLE_TO_CONSIDER = _compile(r"\b(?:cannot|can't|can not|(?:am|is) (?:not able|unable) to) "
                              r"(?:even |legally )?consider\b")
VERBS: list[tuple[str, re.Pattern[str]]] = [
    ("granted", _compile(
        r"\b(?:grant|grants|granted|granting|approv\w+(?! of)|award\w*|give|gives|giving)\b"
        # an application that succeeds ("Of the two, the former succeeds"; "does not succeed"
        # and "can succeed" are read below)
        r"|\b(?:succeeds|succeeded|prevails|prevailed)\b")),
    # ("so protection under the Convention is refused"; not "he refused to join")
    ("denied", _compile(r"\b(?:deny|denies|denied|denying|denial|reject\w*)\b"
                        r"|\brefus(?:e|es|ed)\b(?! to\b)")),
    # a request allowed by reference, the sentence ending on it: "I'll allow it."
    # a request declined by reference: "I decline it in the exercise of discretion"
    ("denied", _compile(r"\b(?:decline|declines|declined)(?= (?:it|that|this|that request|"
                        r"the request)\b)")),
    ("granted", _compile(r"\b(?:i|i'll|i will|i am going to|i'm going to|the court will) "
                         r"(?:\w+ )?(?:allow|permit)(?= (?:it|that|this)\s*[.!]?\s*$)")),
    # ... or given in plain words, the sentence ending on it: "He'll have that."
    ("granted", _compile(r"\b(?:he|she|they|you)(?:'ll| will| shall| can| may) (?:\w+ )?have"
                         r"(?= (?:it|that|this)\s*[.!]?\s*$)")),
    # the decision in plain words to a person without counsel: "I have to say no to your
    # asylum case"; "I say yes to your request"
    ("denied", _compile(r"\b(?:say|says|said|saying) no to\b")),
    ("granted", _compile(r"\b(?:say|says|said|saying) yes to\b")),
    # "So my decision is that you win your asylum case." ("you did not win": denied)
    ("granted", _compile(r"\b(?:win|wins|won)(?= (?:your|his|her|their) (?:\w+ ){0,2}(?:case|"
                         r"claim|application|request)\b)")),
    # an application that fails or cannot succeed ("neither asylum nor withholding can
    # succeed"; "both claims fail")
    ("denied", _compile(r"\b(?:fails|failed|fail(?! to))\b|\b(?:cannot|can't|could not|does not|"
                        r"doesn't|will not|won't) (?:\w+ ){0,1}(?:succeed|prevail)\b")),
    ("denied", SUCCEEDS),
    # what defeats the claim ("The same facts defeat her torture claim")
    ("denied", _compile(r"\b(?:defeat|defeats|defeated)(?= (?:[\w']+ ){0,3}(?:claims?|"
                        r"applications?|requests?)\b)")),
    # "The torture claim fares no better"
    ("denied", _compile(r"\b(?:fares|fared|does|did) no better\b")),
    # "She will be allowed to remain in the United States as an asylee."
    # ("was not allowed to remain in Spain as an asylee" is history)
    ("granted", _compile(r"\b(?:will|shall|may|is|are) (?:now )?(?:be )?(?:allowed|permitted) to "
                         r"(?:remain|stay|live)\b(?=[^.;]{0,60}\bas an? asylee\b)")),
    # "He will receive asylum." (the court saying what follows; "did not receive asylum in
    # Spain" is history, and no future)
    ("granted", _compile(r"\b(?:will|shall|is going to|are going to) (?:now )?receive\b"
                         # a derivative's share of the grant, in the present: "The children,
                         # as her derivatives, receive asylum through her."
                         r"|\breceives?(?= (?:asylum|that status|the same status) (?:through|"
                         r"derivatively|along with|with|as)\b)")),
    # an application that falls with what it rests on ("the Convention claim falls with it";
    # "withholding must fall as well"), not one that falls within or short of something
    ("denied", _compile(r"\b(?:falls|fell|must fall)(?= (?:with|along with|together with|as "
                        r"well|too|also|for (?:the same|that|this) reason)\b|\s*[.;]|\s*$)")),
    # "the asylum application is therefore barred" (by the one-year deadline)
    # ("barred for ten years from voluntary departure" is what failing to depart brings)
    # a bar in plain words to a person without counsel: "so I cannot consider your asylum
    # request" (a ruling: no verb of its own negates it)
    ("pretermitted", UNABLE_TO_CONSIDER),
    # "a particularly serious crime, which takes withholding ... off the table"
    ("pretermitted", _compile(r"\b(?:takes?|took|taking)\b(?= (?:[\w'()]+ ){0,8}off the "
                              r"table\b)")),
    ("pretermitted", _compile(r"\bpretermit\w*\b"
                              r"|\b(?:time )?barred\b(?! (?:for (?:\w+ ){1,3})?from)")),
]
WITHHOLDS = _compile(r"\bwithh(?:olds?|eld) (?:\w+ ){0,3}(?:removal|deportation)\b(?! under)"
                     r"|\b(?:removal|deportation) (?:\w+ ){0,4}(?:is|be|will be|shall be|"
                     r"are) withheld\b(?! under (?:the )?(?:convention|cat\b|torture))")
DEFERS = _compile(r"\b(?:removal|deportation) (?:\w+ ){0,2}(?:is|be|will be|shall be) "
                  r"(?:ordered and )?deferred\b"
                  r"|\bdefer(?:s|ring)? (?:\w+ ){0,3}(?:removal|deportation)\b")
# "need not reach withholding", "I will not address the CAT claim": no ruling on it
NOT_REACHED = re.compile(
    # ("Withholding and the torture claim are not addressed in light of that grant")
    # (speech recognition drops the apostrophe: "i wont reach withholding")
    r"(?:\bnot|n't|\b(?:wont|dont|didnt|doesnt|cant|neednt)|\bdecline to|\bno need to) "
    r"(?:\w+ ){0,2}(?:reach(?:ed)?|address(?:ed)?|"
    r"consider(?:ed)?|decided?|ruled? (?:on|upon)|pass(?:ed)? (?:on|upon)|take up|taken up)\b"
    # "I don't need to get to the torture claim"
    r"|(?:\bnot|n't|\bno need to) (?:\w+ ){0,2}(?:get|go on) to\b"
    r"|\bmoot\b|\bunnecessary\b")
SUBCLAUSE = re.compile(r"[,;:]")

# An account taken as true for argument's sake ("I'll take her testimony as true without
# deciding credibility"), up to the end of its clause: no finding (UNDECIDED), and no finding
# stated inside it (CONDITIONAL).
FOR_ARGUMENTS_SAKE = (
    r"(?:take|takes|taking|treat|treats|treating|accept|accepts|accepting) (?:\w+ ){0,3}as "
    r"(?:true|credible|truthful)\b(?=[^.;]*\b(?:without (?:deciding|reaching|resolving|making)|"
    r"for (?:the )?purposes? of|for the sake of argument|arguendo))[^;:]*")

# The subject named as nothing of a kind: "Nothing in the letters fills the gap"; "there's
# nothing in the country reports that fills the gap" (what nothing weighs against or gives
# pause about stands: "nothing in the record weighs against a favorable exercise", "nothing
# in her history gives me pause about granting relief"). It negates a cue after it; a rule
# that holds it ("nothing in the record explains the delay") states the negative itself.
NOTHING_IN = re.compile(r"\bnothing\b(?= (?:in|from|among|within) )(?![^.;]{0,80}\b(?:against|"
                        r"pause|hesitat\w*|doubts?|concerns?|troubl\w*|worr\w*|reluctan\w*|"
                        r"would|could|might)\b)")
NEITHER_WORD = re.compile(r"\bneither\b")
NEGATOR = re.compile(
    r"\b(?:not|no|never|cannot|nor|neither|without|nobody)\b|n['’]t\b"
    # "I am unpersuaded that ...", "Nor am I unpersuaded by the medical certificate"
    r"|(?<!\bnot\x20)\b(?:unpersuaded|unconvinced)\b"
    # (speech recognition drops the apostrophe: "i cant grant asylum", "i dont believe")
    r"|\b(?:cant|dont|doesnt|didnt|isnt|wasnt|arent|werent|wont|wouldnt|couldnt|shouldnt|"
    r"hasnt|havent|hadnt)\b"
    r"|\b(?:fail(?:s|ed|ing)?|unable|declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing)|"
    r"insufficient|hesitat(?:e|es|ed|ing))\s+to\b"
    # "nothing in the record would justify denying it": what nothing warrants is not done
    # ("nothing changed in Eritrea or in his own situation that would excuse the delay")
    # "there's nothing uh left to carry his burden"
    r"|\bnothing (?=(?:(?:uh|um) )?left to\b)"
    # "nothing independent supports what he said", "nothing else props up his account"
    r"|\bnothing (?=(?:independent|else|more)\b)"
    r"|\bnothing\b(?= (?:[\w']+ ){0,8}(?:would|could|might|to) (?:warrant|justify|support|"
    r"excuse)\b)"
    r"|" + NOTHING_IN.pattern +
    # "I see nothing in his history that would lead me to deny relief"
    r"|\bnothing\b(?= (?:[\w']+ ){0,6}(?:would|could|might) (?:lead|cause|persuade) (?:me|the "
    r"court) to\b)"
    # "there is no adverse factor in this record that would lead me to deny it"
    r"|\bno\b(?= (?:\w+ )?(?:factor|fact|consideration)s? (?:[\w']+ ){0,5}(?:would|could|might) "
    r"(?:lead|cause|persuade) (?:me|the court) to\b)")
NOT_A_NEGATION = re.compile(
    r"\b(?:no (?:doubt|question|reason to doubt|hesitation)|not only|whether or not|"
    r"than not|without (?:question|doubt|hesitation))\b"
    # a condition of its own before the clause: "without that, there's nothing left that
    # shows harm in the past" (what negates the clause is its own "nothing")
    r"|\bwithout (?:that|this|it|them|those|(?:his|her|their) (?:testimony|account))\b,?"
    r"(?= (?:there(?:'s| is| was)|he|she|they|i)\b)"
    # the doubt itself denied: "I don't think it can seriously be disputed that ..."
    r"|\b(?:do not|don't|dont) think (?:that )?(?:it|this|that) (?:can|could) (?:\w+ )?be "
    r"(?:disputed|doubted|questioned|contested|denied) that\b"
    # what would give the court pause, named as nothing: "nothing in her history that would
    # make me hesitate to grant relief"
    r"|\bmakes? (?:me|the court) hesitate to\b"
    # a reason said to be more than one among others: "her religion was not merely one reason
    # for it" ("not merely a personal dispute" does negate the dispute)
    r"|\bnot (?:merely|just|simply) (?=(?:one|a|an) (?:\w+ )?(?:reason|cause|motive|factor)\b)"
    # an alternative set aside between commas negates only itself ("His criticism of the
    # mayor, not any debt, was what drove the attacks")
    r"|,\s*not (?:[\w']+ ){0,3}[\w']+,"
    # a predicate denied and the right one put after the comma: "his faith was not incidental
    # to what happened, it was the reason for it"
    r"|\bnot (?=(?:[\w']+ ){0,8}[\w']+, (?:it|that|this) (?:was|is)\b)"
    # finding without difficulty: "I have no trouble finding that he was persecuted"
    r"|\bno (?:trouble|difficulty|problem)(?: at all)?(?: in)? (?=(?:finding|concluding|saying|"
    r"accepting|holding)\b)"
    # what nobody disputes is found: "Nor is it seriously disputed that the reason was his
    # politics"; "there is no dispute that ..."
    r"|\b(?:nor is it|it is not|it isn't|nor can it be|it cannot be)(?: \w+)? (?:disputed|"
    r"contested|in dispute|questioned|challenged|doubted) that\b"
    r"|\b(?:no ?one|nobody) (?:\w+ )?(?:disputes|contests|questions|doubts) that\b"
    r"|\bno (?:real |serious )?(?:dispute|disagreement) (?:that|about whether)\b")
# Operators that negate the whole rest of their clause, commas included, up to a semicolon
# ("I am not persuaded, however, that he filed within one year"; "it is not the case that he
# failed to corroborate his claim"; "nothing about his demeanor suggested he was ...").
_AFTERTHOUGHT = r"(?:,? (?:however|therefore|then|though|either|on this record),?)?"
SENTENTIAL = re.compile(
    rf"\b(?:(?:i|the court|this court|we) (?:am|is|was|are)|i'm|we're) (?:also |still )?not "
    rf"(?:persuaded|convinced|satisfied)"
    # "I am not persuaded by the Department's argument that the attackers were criminals"
    rf"(?: by (?:the |counsel's |[\w]+'s )(?:[\w']+ )?(?:suggestion|argument|contention|"
    rf"position|submission|claim|view|theory))?"
    rf"{_AFTERTHOUGHT} that\b"
    rf"|\b(?:i|the court|this court) (?:cannot|can not|can't|could not|do not|does not|"
    rf"did not|don't) (?:say|find|conclude|agree|accept)"
    # a party's reading rejected: "I do not accept the Department's suggestion that ..."
    rf"(?: (?:the |counsel's |[\w]+'s )(?:[\w']+ )?(?:suggestion|argument|contention|position|"
    rf"submission|claim|view))?{_AFTERTHOUGHT} that\b"
    # "I am not prepared to say that he was untruthful"
    # "It isn't as though the Taliban came after him over money"
    rf"|\b(?:it|this) (?:isn't|is not|wasn't|was not) as (?:though|if)\b"
    rf"|\b(?:i|the court|this court) (?:am|is) (?:also |still )?not (?:prepared|willing|able) to "
    rf"(?:say|find|conclude|hold){_AFTERTHOUGHT} that\b"
    # "I am unable to find that the beatings fell short of persecution"
    rf"|\b(?:i|the court|this court) (?:am|is) (?:also |still |therefore |thus |accordingly )?"
    rf"unable to (?:say|find|conclude|hold){_AFTERTHOUGHT} that\b"
    # "I see no basis to say he falls short of his burden"
    rf"|\b(?:i|the court|this court) (?:see|sees|find|finds|have|has) no (?:basis|reason|"
    rf"grounds?) (?:to|for) (?:say|saying|find|finding|conclude|concluding)(?: that)?\b"
    # "It would be wrong to say she lacks credibility"
    # "that" left out after a verb of saying: "I cannot say he was not credible"
    rf"|\b(?:i|the court|this court) (?:cannot|can not|can't|could not) (?:say|conclude)"
    rf"(?= (?:he|she|they|it|his|her|their|the (?:respondent|applicant|witness))\b)"
    # "I am not prepared to say he was anything other than truthful with me"
    rf"|\b(?:i(?: am|'m)|(?:the|this) court is) (?:also |still )?not (?:prepared|willing|"
    rf"able) to (?:say|find|conclude)"
    rf"(?= (?:he|she|they|it|his|her|their|the (?:respondent|applicant|witness))\b)"
    rf"|\bit (?:would be|is|was) (?:wrong|a mistake|incorrect|unfair|not right|unrealistic|"
    rf"unreasonable) to (?:say|find|"
    rf"conclude|suggest)(?: that)?\b"
    # "there is nothing that leads me to think he doesn't deserve asylum"
    rf"|\bnothing (?:in (?:this|the) record )?(?:that )?(?:leads?|led|would lead|causes?|"
    rf"caused) (?:me|the court|us) to (?:think|believe|conclude|find)(?: that)?\b"
    # "It would not be accurate to say that the threat was unrelated to his work"
    rf"|\bit (?:would|is|was)(?: not|n't) (?:be )?(?:accurate|fair|right|correct|true) to "
    rf"(?:say|find|conclude|suggest)(?: that)?\b"
    # no reason not to: "There is no reason in this record for me not to grant relief as a
    # matter of discretion" (the two negations cancel)
    rf"|\bno (?:good |real |valid )?reason (?:in (?:this|the) record |on this record |here |"
    rf"that i can see )?(?:for (?:me|the court|this court|us) )?(?=not to\b)"
    # "It would be hard to conclude that he has failed to show ..."
    rf"|\bit (?:would be|is|was) (?:hard|difficult|impossible) to (?:conclude|say|find|accept)"
    rf" that\b"
    # "It would be hard to describe the chance that she would be targeted as ..."
    rf"|\bit (?:would be|is|was) (?:hard|difficult|impossible) to (?:describe|characteri[sz]e|"
    rf"call|regard|view|treat|see)\b(?=[^.;]{{0,160}}\bas\b)"
    # "I can't find a reasonable possibility that ..., or that any harm would be on account of
    # his father's politics"
    rf"|\b(?:i|the court|this court) (?:cannot|can not|can't|could not|do not|don't) find (?:a |"
    rf"any )?(?:reasonable possibility|real chance|likelihood|basis|reason to believe) that\b"
    # a sentence opening with "Nor" negates its clause: "Nor do two threats, with no harm
    # following, rise to persecution"
    rf"|^\s*nor,?(?: [^,.;]{{1,40}},)? (?:do|does|did|am|is|are|was|were|has|have|had|can|"
    rf"could|will|would)\b"
    rf"(?! it(?: \w+)?(?: be)? (?:disputed|contested|in dispute|questioned|challenged|doubted))"
    rf"|\b(?:it is not|nor is it) (?:the case|true|so){_AFTERTHOUGHT} that\b"
    # "It cannot be said that he has met his burden"
    # "I doubt a week of questioning without mistreatment would amount to persecution"
    rf"|\b(?:i|the court) (?:rather |seriously |very much |also )?doubts? (?:that |whether )?"
    rf"(?=(?:\w+ ){{1,12}}(?:would|could|was|were|is|are|will|amounts?|rises?|rose|has|had)\b)"
    rf"|\bit (?:cannot|can not|can't|could not) (?:fairly |properly )?be (?:said|found|concluded)"
    rf"(?: that)?\b"
    # ("nothing in the way he testified suggested he was anything but truthful")
    r"|\bnothing (?:in (?:the way|the manner|how) (?:he|she|they) (?:testified|answered|spoke) )?"
    # ("nothing establishes that he was ever harmed, or that anyone ... is interested in him")
    r"(?:\w+ ){0,4}(?:suggest|indicat|show|establish)\w*(?: that)?\b")
# "he has not shown that he was persecuted ... or that he has a well-founded fear": negates
# the rules that a negation flips, however far; a rule that states a negative itself already
# reads it ("has not shown that they targeted her for any reason other than money")
NOT_SHOWN = re.compile(r"\b(?:(?:has|have|had)(?: therefore| thus| still| also| simply)? not|"
                       r"hasn't|haven't|hadn't) (?:shown|established|"
                       r"demonstrated|proven|proved)"
                       r"(?: by [^,;]{0,40})? that\b"
                       # said to the respondent: "You did not show me that ... because of ..."
                       r"|\b(?:did not|didn't) (?:show|establish|demonstrate|prove) (?:me |the "
                       r"court |this court )?that\b"
                       # "he has not met his burden of establishing that ... or that ..."
                       r"|\b(?:has|have|had)(?: therefore| thus| still| also| simply)? not "
                       r"(?:met|carried|sustained|satisfied) (?:his|her|"
                       r"their|the) burden (?:of (?:establishing|showing|proving|demonstrating)|"
                       # ("... of showing either past persecution or a well-founded fear")
                       # and "... of establishing past persecution or a well-founded fear"
                       r"to (?:establish|show|prove|demonstrate))(?: that| either)?\b"
                       # "she has failed to show that ..."
                       r"|\b(?:has|have|had) (?:\w+ )?failed to (?:show|establish|demonstrate|"
                       r"prove) that\b"
                       # "it offered no evidence that conditions have changed or that she could
                       # safely live elsewhere"
                       r"|\b(?:offered|offers|presented|presents|produced|produces|submitted|"
                       r"introduced|there is|there was|there's) no (?:\w+ )?(?:evidence|proof) "
                       r"that\b")
# a new main clause (speech recognition drops the comma before "so she ...")
# (not the last item of a list, a participle without a subject: "that being stopped twice,
# slapped once, and held for six hours rises to ...")
SCOPE_END = re.compile(r"[;:]|,\s*(?:and|but|so|yet)\b(?!\s+(?:[a-z]+ed|held|kept|left|beaten|"
                       r"taken|shot|hit|cut|thrown|sent|struck|caught|bitten)\b"
                       r"(?! (?:that|to)\b))"
                       # (a filler between: "so uh the court finds")
                       r"|\bso (?:(?:uh|um|er) )?(?=(?:i|she|he|they|we|it|the|her|his|their|this|"
                       r"that)\b)"
                       # "... nothing shows he would be tortured and that is denied too"
                       r"|\band (?=(?:that|this) (?:is|was)\b)"
                       # a negative clause of its own after a comma: "He has not shown ... that
                       # he filed within a year, no exception excuses the delay, and ..."
                       r"|,\s*(?=(?:no|nothing|none) (?:[\w']+ ){0,2}(?:excuses?|applies|explains?|"
                       r"justif(?:y|ies)|shows?|suggests?|supports?|establishes|warrants?)\b)"
                       # speech recognition's run-on ruling: "nothing showing the government
                       # would torture her cat is denied"
                       r"|(?<!\bthat\x20)\b(?=(?:cat|asylum|withholding|voluntary departure)\b"
                       r"(?: [\w']+){0,3} (?:is|are) (?:also |hereby |therefore )?(?:denied|"
                       r"granted|pretermitted)\b)")
# A trailing ellipsis negates what the sentence says the court would have to find
# ("..., the Court would still have to find a nexus, and it cannot.").
ELLIPSIS = re.compile(
    r",? (?:and|but) (?:it|i|the court|this court|he|she|they) (?:cannot|can not|can't|could "
    r"not|does not|do not|did not|will not|has not|have not)\s*[.!]?\s*$")
# A question left open or the law stated as a requirement states no finding, and no
# classifier may add one: "I need not decide whether her fear is well founded"; "the harm must
# be on account of a protected ground", "an application has to be filed within one year".
NO_FINDING = re.compile(
    r"(?:\bnot|n't|\bno need to|\bdecline to)(?: (?:necessary|needed) (?:for (?:me|us|the court) )?"
    # ("I am not going to decide whether ...")
    r"to)? (?:\w+ ){0,2}(?:reach|address|consider|decide) "
    # (up to the court's own reason for leaving it open: "..., because his fear is
    # well-founded in its own right")
    r"(?:the (?:question|issue) )?(?:of )?whether\b(?:(?!\bbecause\b(?! of\b))[^;:])*"
    # a question left to the parties' briefs: "I want written briefs on whether ..."
    # the next question announced: "I'll turn to whether the harm ... was on account of ..."
    r"|\bturn (?:now |next |then )?to (?:the (?:question|issue) (?:of )?)?whether\b[^;:]*"
    # a motion to pretermit asks for the bar, unruled: "We're here on the Department's motion
    # to pretermit the respondent's asylum application as untimely."
    r"|^(?![^.;:]*\b(?:grant|grants|granted|granting|deny|denies|denied|denying)\b)"
    r"[^.;:]*\bmotion to pretermit\b[^.;:]*"
    r"|\b(?:briefs?|briefing|memorand\w+|submissions?|argument) (?:\w+ ){0,2}(?:on|addressing|"
    r"about) whether\b[^;:]*"
    r"|\b(?:must|has to|have to|needs? to) (?:\w+ ){0,1}be (?:\w+ ){0,1}(?:on account of|"
    r"filed within|(?:at least )?(?:one |a )?central reason)\b[^;:]*")
# An account taken as true for argument's sake ("I'll take her testimony as true without
# deciding credibility") or a question the sentence names as its subject ("Whether two
# beatings amount to persecution is a close question.", up to the court's own reason:
# "..., because his fear is well-founded in its own right"): nothing decided.
UNDECIDED = re.compile(
    # a finding declined: "I make no finding of past persecution", "I make no credibility
    # finding"
    r"\b(?:make|makes|making|made) no (?:\w+ ){0,1}findings? (?:(?:of|on|as to|about|regarding) "
    r"[^;:]*)?"
    r"|"
    # a hedge that settles nothing: "close to the line of persecution"
    r"\b(?:close to|near|up against|approaches|approaching) the (?:line|threshold) (?:of|for)\b"
    r"[^;:]*"
    r"|"
    # "I'm not making any credibility finding today"
    r"\b(?:am|'m|is|are) not (?:making|reaching|rendering) (?:a|any) (?:\w+ ){0,1}"
    r"(?:findings?|determinations?)\b[^;:]*"
    r"|"
    # a topic announced and nothing more: "I turn then to the question of discretion, which is
    # where this case is really decided."
    r"\b(?:i|we|the court) (?:now |then |next )?turns? (?:now |then |next )?to (?:the "
    r"(?:question|issue|matter) of )?[\w' ]{1,40}?(?=\s*(?:[.;:]|,\s*which\b|$))"
    r"|"
    r"\b" + FOR_ARGUMENTS_SAKE +
    r"|\bwithout (?:deciding|reaching|resolving) (?:\w+ ){0,3}(?:credibility|whether)\b[^;:]*"
    # a determination the court says it could not fairly make: "I could not make a reliable
    # credibility finding on answers he did not follow"
    r"|\b(?:could not|couldn't|cannot|can't|will not|won't|(?:am|'m|is) not going to) "
    r"(?:\w+ ){0,2}(?:make|reach|render) "
    r"(?:a|any) (?:fair |reliable |proper |meaningful )?credibility (?:determination|finding|"
    r"assessment)\b(?![^;:]*\bfavou?r)[^;:]*"
    # (not "whether X or Y, ...", which concedes either and states the main clause: "Whether
    # that is framed as imputed political opinion or as religion, the protected ground is
    # central")
    r"|^\s*whether\b(?! or not\b)(?![^,;:.]*\bor\b[^,;:.]*,)(?:(?!\bbecause\b(?! of\b))[^;:])*"
    # a question voiced, then left open by pronoun: "I am not prepared to say it was not
    # persecution, but I need not decide that, because ..."
    r"|^(?:(?!\bbecause\b(?! of\b))[^;:])*\b(?:need not|needn't|do not need to|don't need to|"
    r"no need to|not necessary to) (?:decide|resolve|determine|reach) (?:that|it|this)"
    r"(?=\s*(?:[,.!]|$|\b(?:because|since|here|now|today)\b))"
    # ... or named: "I don't think I need to decide whether that crossed the line"
    r"|\b(?:need not|needn't|(?:do|does|did)(?: not|n't) (?:think (?:i|we|the court) )?need to|"
    r"no need to|not necessary to) (?:decide|resolve|determine|reach) whether\b[^;:]*"
    # the question the court puts to itself: "so I ask whether his fear is objectively
    # reasonable today"
    r"|\b(?:i|we|the court) (?:now |then |next |must |have to )?(?:ask|asks|examine|examines)"
    r"(?: myself| itself)? whether\b(?:(?!\bbecause\b(?! of\b))[^;:])*"
    # the finding declined by pronoun, on what the clause before named: "He does not claim
    # past persecution, and I make no finding on it."
    r"|^[^;:]*\b(?:make|makes|making|made) no (?:\w+ )?findings? (?:on|as to|about|regarding) "
    r"(?:it|that|this|them)\b[^;:]*")
# A finding disclaimed ("I make no finding that the application is frivolous"; "this is not a
# finding that ..."; "I'm not making any finding on the deadline"), up to a semicolon, with
# the ``topic`` it names when it names one: nothing stated in it is found, and a finding on
# that topic just voiced is withdrawn (see :mod:`hearingproc.stages.tag`).
DISCLAIMED = re.compile(
    r"\b(?:(?:make|makes|making|am making|is making) no|(?:not|n't) (?:making|reaching|deciding)|"
    r"(?:won't|will not) make) (?:any )?(?:finding|determination|ruling|decision)s?\b"
    r"(?: (?:on|as to|about|regarding|concerning) (?P<topic>[^.;]+))?[^;:]*"
    # "I am not finding that you filed a frivolous application."
    r"|\b(?:am|'m|is) not finding that\b[^;:]*"
    r"|\b(?:this|that|it) is not (?:a |any )?(?:finding|determination|holding)\b[^;:]*"
    # a question the court says it need not settle: "I need not resolve her credibility"
    r"|\b(?:need not|needn't|do not need to|don't need to|no need to|not necessary to) "
    r"(?:resolve|determine|decide|reach|address|make (?:a |any )?findings? (?:on|about|as to)) "
    r"(?P<unsettled>(?:the question of |the issue of )?(?:his|her|their|the respondent's|the "
    r"applicant's|the) (?:[\w']+ ){0,2}(?:credibility|nexus|corroboration|discretion))\b[^;:]*")
# The conclusion speech recognition runs on after a condition, which the condition does not
# reach: "... if he goes back so withholding ... is granted", "... if he's returned so he has
# carried his burden"
_RUN_ON_CONCLUSION = (r" (?:so|and) (?:(?:the |his |her |their )?(?:asylum|withholding|deferral|"
                      r"voluntary|application|request|claim|relief|protection)\b|(?:he|she|they|"
                      r"the respondent|the applicant) (?:has|have|had) (?:\w+ )?(?:carried|met|"
                      r"shown|established|proven|proved|satisfied)\b"
                      # "... if he went back and its because of his clan membership"
                      r"|(?:it's|its|it is|that's|thats|that is) because\b)")
# A conditional or concessive clause states no finding ("even if I were to accept his
# testimony, ..."; "if I were to find her credible, the next question would be nexus";
# "were she to return, ..."), up to the next comma.
CONDITIONAL = re.compile(
    # a counterfactual and what the court would then do: "were asylum available to her, I
    # would find that she merits it"; "if he had filed on time, I would grant asylum"
    r"(?:\bif [^,;:]*\b(?:were|had)\b|(?:^|[,;:]\s*)(?:were|had) \w+)[^,;:]*,\s*"
    r"(?:i|the court|this court|we) would (?:\w+ )?(?:find|grant|deny|conclude|hold|say|"
    r"order|exercise|rule|accept)\b[^;:]*|"
    # a condition inside the subject ends before the subject's own verb: "a promise to kill
    # her if she came back | rise to the level of persecution"
    r"(?<=[a-z]\x20)(?<!\beven\x20)if\b(?! anything\b)"
    r"(?:(?!" + _RUN_ON_CONCLUSION + r")"
    r"(?!(?<!\bwould)(?<!\bcould)(?<!\bmight)(?<!\bwill)(?<!\bthey)(?<!\bit)(?<!\bthat)"
    r"(?<!\bthis) (?:rise|rises|rose|amount|amounts|amounted|add up|adds up|added up|reach|"
    r"reaches|reached) (?:\w+ )?(?:to )?(?:the level of |past )?persecution\b)[^,;:])*|"
    r"(?:^|[,;:]\s*|\b)(?:even )?(?:if(?! anything\b)|unless|assuming|supposing|suppose)\b"
    # (speech recognition runs the conclusion on: "... if he goes back so withholding ... is
    # granted", "... if he's returned so he has carried his burden")
    r"(?:(?!" + _RUN_ON_CONCLUSION + r")[^,;:])*"
    # a question set aside: "Whether or not the shop attack was itself persecution, ..."
    r"|^\s*whether or not\b[^,;:]*"
    # ... or assumed for argument's sake: "I'll assume without deciding that people who testify
    # against gangs could form a particular social group"
    r"|\bassum(?:e|es|ed|ing) (?:\w+ ){0,2}without deciding\b[^,;:]*"
    # an account taken as true for argument's sake: "I accept her account as true for purposes
    # of this decision only"
    r"|\b(?:(?:i|we|the court)(?:'ll| will| do)? )?" + FOR_ARGUMENTS_SAKE +
    # a condition set: "no objection, provided she waives appeal", "so long as he departs"
    r"|(?:^\s*|[,;:]\s*)(?:provided|providing|so long as|as long as|on condition)(?: that)?\b"
    r"[^,;:]*"
    # ("Even had I believed everything he said, ...")
    r"|(?:^|[,;:]\s*)(?:(?:and|but|so|now),? )?(?:even )?(?:were|had) (?:i|he|she|they|it|"
    r"the \w+)\b[^,;:]*"
    # what the court has yet to do states nothing done: "before I accept it, I must warn you"
    r"|\b(?:before|until) (?:i|we|the court) (?:\w+ ){0,1}(?:accept|admit|receive|take|file|"
    r"rule|decide)\b[^,;:]*"
    # an assumption is no finding: "I will assume that he testified credibly"
    # a power, not its exercise: "I could order him removed", "I can give voluntary
    # departure if ..." ("I could not grant it" is a refusal)
    r"|\b(?:i|the court) (?:can|could|may|might) (?!not\b|never\b)(?:\w+ )?(?:order|grant|"
    r"give|award)\b[^,;:]*"
    r"|\btreat\w* (?:\w+ ){0,3}as (?:credible|truthful)(?= (?:\w+ ){0,2}for (?:the )?purposes? of)"
    # ("I will also assume, without deciding, that ...")
    r"|\b(?:i|we|the court) (?:will |shall |can |must )?(?:(?!not\b)\w+ )?(?:assume|assumes|"
    r"assumed|presume)"
    r"(?: without deciding)?\b[^;:]*"
    # a finding disclaimed: "this is not a finding that ...", "I make no finding as to ..."
    r"|" + DISCLAIMED.pattern
    + r"|" + NO_FINDING.pattern + "|" + UNDECIDED.pattern)
COPULA = re.compile(r"\b(?:is|was|were|are)\b")
NOT_AN_ACTION = {"be", "been", "being", "have", "has", "had", "a", "an", "the", "only", "so",
                 "now", "presently", "currently", "still",
                 "very", "as", "sufficiently", "adequately", "entirely", "fully", "really", "to",
                 "at", "in", "on", "for", "of", "this", "his", "her", "their", "its", "any",
                 "one", "even", "yet", "clearly", "necessarily", "reasonably", "consistently",
                 "credibly", "truthfully", "testify", "testified", "rise", "amount", "meet",
                 "met", "carry", "carried", "sustain", "sustained", "believe", "credit",
                 "consider", "think", "going", "about", "able", "willing", "prepared",
                 "inclined", "want", "wish", "intend", "need", "seem", "appear", "merely", "simply",
                 "just", "purely", "solely", "mainly",
                 # entitlement is the cue's own predicate: "does not merit a favorable exercise"
                 "merit", "deserve", "warrant", "earn", "earned", "earns",
                 # the law that does not let the court act: "the law does not let me give you
                 # asylum"
                 "let", "lets", "allow", "allows", "permit", "permits",
                 # what a fact does not make its object: "that does not make a protected ground
                 # one central reason"
                 "make", "makes", "render", "renders",
                 # a head noun the cue describes: "is not something the regulations recognize as
                 # excusing a delay"
                 "something", "anything"}
# ("it does not persuade me that she was untruthful")
PROPOSITIONAL = {"find", "found", "finding", "say", "believe", "conclude", "persuaded", "convinced",
                 "persuade", "persuades", "convince", "convinces",
                 "shown", "show", "established", "establish", "think", "accept", "agree", "see",
                 "that", "a", "an", "the", "been", "be", "demonstrated", "proven", "satisfied"}
CLAUSE_BREAK = re.compile(
    r"[,;:()]|\b(?:but|although|though|however|whereas|while|because|since|yet)\b"
    # a second predicate of the court's: "does not find her testimony believable and makes an
    # adverse credibility finding"
    r"|\band (?=(?:makes|made|enters|entered|finds|found|holds|held|concludes|concluded|"
    r"issues|issued)\b)"
    # "so" joining a clause ("nothing has changed there so she has a well founded fear")
    r"|\bso (?:(?:uh|um|er) )?(?=(?:i|she|he|they|we|it|the|her|his|their)\b)")
NOT_AN_ORDER = re.compile(r"withhold|deferral|cancel|voluntar|proceeding|motion")
CLAUSE_SPLIT = re.compile(r"[;:]|\b(?:but|however|whereas|although|while)\b")


# "that that" and "had had" are grammar, not a false start
# (not a year spoken: "march of twenty twenty")
STUTTER = re.compile(r"\b(?!(?:that|had|twenty)\b)([a-z]+(?:'[a-z]+)?) (?=\1\b)")


# A legal word that speech recognition splits in two ("with holding of removal", "pre
# termitted", "prettier mitted") or hears as a word that sounds like it ("a silent" for
# asylum, "torsion" for torture, "pre terminated"): written again, padded with spaces to keep
# the length.
ASR_SPLIT = {"withholding": re.compile(r"\bwith holding\b"),
             "pretermitted": re.compile(r"\bpre\w{0,5} (?:ter)?mitted\b|\bpre ?terminated\b"),
             "asylum": re.compile(r"\ba silent\b(?= (?:claim|application|case|and|or|for|is|"
                                  r"was|with|under|because|claims|applications)\b)"
                                  r"|\ba (?:sigh|sy) ?lum\b"
                                  # "i'll grant a silem", "a sylem"
                                  r"|\ba ?s[iy]l[eu]m\b(?<!asylum)"),
             "torture": re.compile(r"\btorsion\b"),
             # "you can except it as final"
             "accept": re.compile(r"\bexcept(?= (?:it|this|that|my decision|the decision)\b)"),
             # "the corroboration is in sufficient", "a sigh lum", "past persecute shun"
             # (not "in sufficient detail": only where the clause ends)
             "insufficient": re.compile(r"\bin sufficient\b(?=\s*(?:[.,;!?]|$|(?:and|but|so|"
                                        r"for|to)\b))"),
             "persecution": re.compile(r"\bpersecute shun\b"),
             # "the presumption has not been over come"
             "overcome": re.compile(r"\bover (?=come\b)come\b"),
             "dhs": re.compile(r"\bd h s\b"),
             "deferral": re.compile(r"\bdefer all(?= of removal\b)"),
             # "the alternate older takes effect", "in the exorcise of discretion"
             "order": re.compile(r"(?<=\balternate )older\b"),
             "exercise": re.compile(r"\bexorcise(?= of (?:my |the court's |its )?discretion\b)")}


def _padded(word: str) -> Callable[[re.Match[str]], str]:
    return lambda m: word.ljust(len(m.group()))


# "waive" heard as "wave" (the verb, not "a wave of arrests"): written as the stem "waiv",
# the same length, which the appeal rules read as any form of the verb ("department waves as
# well", "waved"; not "waves of arrests").
WAVE = re.compile(r"(?<!\ba )(?<!\bthe )(?<!\bnew )\bwave(?=(?:s\b(?! of\b)|d\b|\b))")


# Any legal word speech recognition wrote as two or three pieces ("a sylum", "per secution",
# "dis cretion", "con vention"): pieces that spell one of these words are written as it. (No
# word with a negative prefix: "in consistent detail" is two words.)
LEGAL_WORDS = frozenset({
    "asylum", "persecution", "persecuted", "persecute", "persecutor", "persecutors",
    "discretion", "discretionary", "credible", "credibility", "corroboration", "corroborate",
    "corroborated", "corroborating", "corroborates", "pretermitted", "pretermit", "torture",
    "tortured", "acquiescence", "acquiesce", "relocation", "relocate", "cognizable", "removal",
    "removability", "removable", "deportation", "deported", "voluntary", "departure",
    "extraordinary",
    "continuance", "terminated", "termination", "frivolous", "eligibility", "convention",
    "particular", "withholding", "nexus", "deferral", "deferred"})
_PIECE = re.compile(r"[a-z]+")
MOST_PIECES = 3


def _join_pieces(norm: str) -> str:
    words = list(_PIECE.finditer(norm))
    out, i = list(norm), 0
    while i < len(words):
        for n in range(MOST_PIECES, 1, -1):
            run = words[i:i + n]
            if (len(run) == n and all(norm[a.end():b.start()] == " " for a, b in pairwise(run))
                    and "".join(m.group() for m in run) in LEGAL_WORDS):
                start, end = run[0].start(), run[-1].end()
                out[start:end] = "".join(m.group() for m in run).ljust(end - start)
                i += n
                break
        else:
            i += 1
    return "".join(out)


def _join_split(norm: str) -> str:
    for word, pattern in ASR_SPLIT.items():
        norm = pattern.sub(_padded(word), norm)
    return WAVE.sub("waiv", _join_pieces(norm))


@functools.lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lower case, dashes and slashes as spaces, curly quotes straight, legal words that
    speech recognition split joined; the same length. Cached: the tagger's passes (hits,
    scope, history, the classifier's gate) normalise each sentence several times."""
    table = {"-": " ", "–": " ", "—": " ", "/": " ", "’": "'", "‘": "'", "“": '"', "”": '"'}
    norm = _join_split("".join(table.get(c, c.lower() if len(c.lower()) == 1 else c)
                               for c in text))
    # a word spoken twice ("that's that's persecution", "is is well founded"), as speech
    # recognition writes a false start: the first is blanked
    return STUTTER.sub(lambda m: " " * len(m.group()), norm)


# A verb negated inside a relative clause describes its subject ("small business owners who
# refuse to pay extortion is not cognizable"): it negates nothing the match states.
# ("women who are unable to leave the relationship")
RELATIVE_REFUSAL = re.compile(r"\b(?:who|which|that) (?:\w+ ){0,1}(?:refus|fail|declin|unable)\w* "
                              r"to\b")


APOSTROPHE_DROPPED = re.compile(r"(?:cant|dont|doesnt|didnt|isnt|wasnt|arent|werent|wont|"
                                r"wouldnt|couldnt|shouldnt|hasnt|havent|hadnt)")
# the alternative set aside right before a cue denies it: "rather than invention", "instead
# of any fabrication"
SET_ASIDE = re.compile(r"\b(?:rather than|instead of)(?: to| by| from| of| as)?(?: (?:any|mere|"
                       r"simple|deliberate|outright|an?))?\s*$")
# the likelier cause named first, the cue set aside after "than": "the discrepancy more likely
# comes from a telephone interview ... than from any invention on his part"
LIKELIER = re.compile(r"\bmore (?:likely|probably)\b[^.;]{0,160}\bthan(?: to| by| from| of| as)?"
                      r"(?: (?:any|mere|simple|deliberate|outright|an?))?\s*$")
LET_ALONE = re.compile(r"\blet alone\b|\bmuch less\b|\bnever mind\b")


def _negations(text: str) -> int:
    text = NOTHING_IN.sub(" ", text)  # (inside a match, the rule's own negative)
    return len(NEGATOR.findall(NOT_A_NEGATION.sub(" ", RELATIVE_REFUSAL.sub(" ", text))))


def _opens_subject(negator: str, before: str) -> bool:
    """A negative determiner ("neither", "no") at the head of its clause's subject."""
    words = before.split()
    return negator in ("neither", "no") and (not words or words[-1] == "that")


def _governs_other_verb(after: str) -> bool:
    """A negator that belongs to another clause: a finite verb stands between it and the
    cue and it does not negate a verb of finding ("who could not leave the relationship
    was one central reason" is no negation; "I do not find that he was credible" is)."""
    words = after.split()
    return bool(words) and words[0] not in PROPOSITIONAL and bool(COPULA.search(after))


NEW_SUBJECT = re.compile(r"(?:i|we|the court)\b")
OWN_SUBJECT = re.compile(r"(?:^|\s)(?:i|we|the court|this court)\s*$")


def _verb_after(after: str) -> bool:
    """A negator's own verb stands after it (not a verb of finding or a copula)."""
    words = after.split()
    return bool(words) and words[0] not in PROPOSITIONAL and words[0] not in NOT_AN_ACTION


def _negates_other_action(negator: str, after: str) -> bool:
    """"He could not explain the omission, and ... heart of his claim": a verb negator
    whose verb is another action, with its own object before the cue, leaves the cue
    alone (a verb of finding, a copula or the cue itself right after it does not)."""
    words = after.split()
    if negator.strip() == "without":  # "without credible testimony, she has not ..."
        return len(words) >= 2
    # a verb of finding with a person for its object, a new clause after it, is an action
    # too ("i dont believe him im making an adverse credibility finding"; not "I don't
    # believe him credible", "I do not find him to be a credible witness")
    of_person = len(words) >= 3 and words[1] in PERSONS and words[2] in CLAUSE_OPENERS
    return ((negator.strip() in ("not", "n't", "n’t", "cannot", "never")
             or bool(APOSTROPHE_DROPPED.fullmatch(negator.strip()))) and len(words) >= 2
            and (of_person or (words[0] not in PROPOSITIONAL and words[0] not in NOT_AN_ACTION)))


PERSONS = {"him", "her", "them", "you"}
CLAUSE_OPENERS = {"i", "i'm", "im", "we", "and", "so", "but"}


# A sentence opening with its reason ("Because he has not shown that ..., he has not carried
# his burden"): an operator in that clause stops where the main clause's subject and verb begin.
REASON_OPENS = re.compile(r"^\s*(?:and |so )?(?:because|since|as|given that|now that)\b")
MAIN_CLAUSE = re.compile(r",\s*(?:he|she|they|i|we|it|the court|the (?:respondent|applicant)) "
                         r"(?:has|have|had|is|was|are|were|cannot|can't|could|did|does|do|must|"
                         r"will|would|fails?|failed)\b"
                         # the ruling the reason leads to: "Because nothing suggests that anyone
                         # would torture her, her request under the Convention is also denied."
                         # ("..., the third application fares no better")
                         r"|,\s*(?:his|her|their|the|this|that|each|both) (?:[\w']+ ){0,6}?"
                         r"(?:(?:is|are|was|were|must be|will be|has been|have been) (?:also |"
                         r"hereby |therefore |likewise |too )?(?:granted|denied|pretermitted)|"
                         r"(?:fares|fared|does|did) no better|fails|failed)\b")


THAT = re.compile(r"\bthat\b")
NEGATED_HEAD = re.compile(r"\b(?:not|n't|never) (?:something|anything|a thing|what)(?: that)?$")


def _scope_ends(norm: str, start: int, end: int) -> bool:
    """A new main clause begins between ``start`` and ``end`` (its look-ahead may see past
    ``end``: "... so | the protected ground ...")."""
    return any(e.start() < end for e in SCOPE_END.finditer(norm, start))


def sentential_negations(norm: str, start: int, not_shown: bool = False) -> list[tuple[int, int]]:
    """The spans of the sentential operators whose scope reaches ``start`` (no semicolon
    between; ``not_shown``: "has not shown that" too), and of a trailing ellipsis after it."""
    operators = [*SENTENTIAL.finditer(norm), *(NOT_SHOWN.finditer(norm) if not_shown else ())]
    reason = bool(REASON_OPENS.match(norm))
    spans = [(m.start(), m.end()) for m in operators
             if m.end() <= start and not _scope_ends(norm, m.end(), start)
             and not (reason and any(c.start() < start
                                     for c in MAIN_CLAUSE.finditer(norm, m.end())))]
    tail = ELLIPSIS.search(norm)
    if tail and tail.start() >= start and not _scope_ends(norm, start, tail.start()) \
            and not DOUBT_ELIDED.search(norm, 0, tail.start()):
        spans.append((tail.start(), tail.end()))
    return spans


# the doubt the court denied having a reason for, elided: "I have no basis to doubt her, and I
# do not" (the ellipsis repeats the denial, it does not negate the finding)
DOUBT_ELIDED = re.compile(r"\bno (?:basis|reason|grounds?) to doubt\b[^.;]{0,40}$")


RELATIVE_NEGATION = re.compile(
    r"\b(?:who|which|that) (?:(?:was|were|is|are|had|has|have|did|do|does|could|would) "
    r"(?:never|not)|(?:was|were|is|are|had|has|have|did|do|does|could|would)n't|never)\b")
# A short aside set off by commas after a negated verb: ", on this record,", ", in my view,".
ASIDE = re.compile(r",\s*(?:on|in|at|under|by|for|as|given|taken|standing|therefore|thus|then|"
                   r"moreover|accordingly|still|either|considered) (?:[\w']+ ){0,3}[\w']+\s*,"
                   # one word alone: "I cannot, however, find him credible."
                   r"|,\s*(?:however|though|therefore|thus|then|nevertheless|moreover|"
                   r"accordingly|still|either|frankly|honestly)\s*,"
                   # "they do not, singly or together, reach the level of persecution"
                   r"|,\s*(?:singly|individually|separately|alone|together|jointly|cumulatively|"
                   r"collectively|combined)(?: (?:or|and) (?:together|cumulatively|collectively|"
                   r"combined|in combination|in the aggregate|as a whole))?\s*,"
                   # "neither her ethnicity nor any opinion, real or imputed, was ..."
                   r"|,\s*(?:real|actual|expressed) or (?:imputed|perceived|attributed)\s*,")
FINITE = re.compile(r"(?:is|was|are|were|has|have|had|does|do|did|rises?|rose|amounts?|"
                    r"amounted|constitutes?|constituted)\b")


def is_negated(norm: str, start: int, end: int, inside: bool = True,
               reach: int = PRE_WINDOW_WORDS) -> bool:
    """An odd number of negators: sentential operators in scope, and negators in the
    clause-bounded ``reach`` words before ``start`` (and inside the match when ``inside``)."""
    operators = sentential_negations(norm, start, not_shown=True)
    before = norm[:start]
    for a, b in operators:  # counted once, as operators
        if b <= start:
            before = before[:a] + " " * (b - a) + before[b:]
    # an aside between commas ("do not, on this record, rise to ...") is no clause of its own
    before = ASIDE.sub(lambda m: " " * len(m.group()), before)
    breaks = list(CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    # words that only look like a negation are taken out before the window is cut, so that
    # its edge cannot split them ("more likely than | not his life ... threatened")
    window = " ".join(NOT_A_NEGATION.sub(" ", before).split()[-reach:])
    # a negation inside a relative clause on the subject, the main verb negated after it
    # ("threats that were never carried out do not rise to ...", "... that is not
    # persecution"): it describes the subject
    relative = RELATIVE_NEGATION.search(window)
    if relative and (NEGATOR.search(window, relative.end())
                     or (inside and _negations(norm[start:end]))):
        window = window[:relative.start()] + window[relative.end():]
    last = None
    for found in RELATIVE_NEGATION.finditer(window):
        last = found
    if last is not None and not window[last.end():].strip():
        # the cue is the negated verb of a relative clause ("a bruise, no treatment, that
        # doesn't rise to the level of persecution"): its own negation decides, not a "no"
        # inside the noun phrase it describes
        window = window[last.start():]
    if OWN_SUBJECT.search(window):
        # the cue's verb has its own subject right before it ("the respondent having failed
        # to appear the court orders him removed"): what came before is another clause
        window = ""

    # a cue opening with its own subject ("the story didn't shift i believe him", speech
    # recognition having dropped the full stop) is a new clause after a negated verb
    subject = bool(NEW_SUBJECT.match(norm, start))
    if subject and NEGATED_HEAD.search(window):
        # ... unless that clause qualifies a negated head: "is not something I would hesitate
        # to call persecution" is "I would not hesitate to call it persecution"
        subject = False
    # "without" inside the subject ("an interrogation without harm is not persecution")
    # negates its own object, not the verb the cue opens with
    finite = bool(FINITE.match(norm, start))
    # a reason is the reason for the verb before it: "They did not pick you because of your
    # clan" denies the clan as the reason
    reason = norm.startswith(("because ", "on account of "), start)
    # "nor" inside an operator's scope goes on with its negation ("He has not shown that he
    # filed within a year, nor any circumstance excusing the lateness"), and so does "nor"
    # after "neither": one negation ("neither her ethnicity nor any opinion was ...")
    count = sum(1 for m in NEGATOR.finditer(window)
                if not (finite and m.group() == "without")
                and not (m.group() == "nor" and (operators or NEITHER_WORD.search(window, 0,
                                                                                 m.start())))
                # ("neither" or "no" opening the subject negates the subject's own verb:
                # "that neither her ethnicity nor ... was", "No opinion ... was")
                and not (not _opens_subject(m.group(), window[:m.start()])
                         and _governs_other_verb(window[m.end():]))
                and not ((not reason or THAT.search(window, m.end()))
                         and _negates_other_action(m.group(), window[m.end():]))
                and not (subject and _verb_after(window[m.end():])))
    if inside:
        count += _negations(norm[start:end])
    if SET_ASIDE.search(window) or LIKELIER.search(before):
        count += 1  # "I attribute that to the passage of time rather than invention"
    if LET_ALONE.search(window):
        # "not X, let alone Y": Y is denied with X, whatever negated X
        return True
    return (count + len(operators)) % 2 == 1


# An order undone is no order: "the in absentia order of removal is rescinded", "I vacate
# the removal order"; the clause is cut at punctuation and "and"/"but".
UNDONE = re.compile(r"\b(?:rescind\w*|vacat(?:e|es|ed|ing)|set(?:s|ting)? aside|revok\w*)\b")
ORDER_CLAUSE = re.compile(r"[,;:]|\b(?:and|but)\b")


# An order named as entered before, history: "We're here because an order of removal was
# entered against this respondent in absentia on June 6, 2023"
ENTERED_BEFORE = re.compile(r"\s*(?:[\w']+ ){0,3}?(?:was|were|had been) (?:entered|issued)\b"
                            r"(?! (?:\w+ ){0,3}today\b)")


def _undone(norm: str, start: int, end: int) -> bool:
    """The order matched at ``start``..``end`` is rescinded or vacated in its own clause."""
    lo = max((m.end() for m in ORDER_CLAUSE.finditer(norm, 0, start)), default=0)
    hi = next((m.start() for m in ORDER_CLAUSE.finditer(norm, end)), len(norm))
    return bool(UNDONE.search(norm, lo, hi))


def in_conditional(norm: str, at: int) -> bool:
    """``at`` lies in a conditional or concessive clause."""
    return any(m.start() <= at < m.end() for m in CONDITIONAL.finditer(norm))


# "the individual hearing stays on for May 7", "that date stands", "nothing changes about
# the date"
DATE_KEPT = re.compile(
    r"\b(?:hearing|case|date|calendar|setting) (?:\w+ ){0,1}(?:stays|remains|stands|"
    r"is staying)(?: on| set| "
    r"scheduled| calendared)?(?: for| as)?\b(?! (?:\w+ ){0,2}(?:continu|reset|postpon|"
    r"adjourn))|\bnothing changes? about (?:that|the|this) (?:date|hearing)\b"
    # "... on February 4th as already scheduled"
    r"|\bas (?:already|previously|originally|presently|currently) (?:scheduled|set|calendared)\b")


def dropped_labels(sentence: str) -> set[str]:
    """Labels whose rule matched but a negation took the tag away ("I am not going to
    administratively close the case"), or that the sentence's standard rules out (a threat
    to life or freedom is no well-founded fear): the classifier must not put them back."""
    norm = normalise(sentence)
    dropped = {h.label for h in _rule_hits(norm, keep_dropped=True)
               if h.rule.endswith("#dropped")}
    # a threat to life or freedom is the withholding standard, no well-founded fear
    dropped |= {"well_founded_fear"} if _withholding_standard(norm) else set()
    # an application not denied is pending
    if PENDING.search(norm):
        dropped |= {label for label, _, _ in _application_spans(norm)}
    # what the respondent fears, stated, is no finding on the fear ("His fear is that he will
    # be called up and sent to the front")
    if FEAR_STATED.search(norm):
        dropped |= {"well_founded_fear"}
    # the order said not to be final while an appeal runs waives nothing ("the order is not
    # final while the appeal is pending")
    if ORDER_NOT_FINAL.search(norm):
        dropped |= {"appeal"}
    # relief said not to be discretionary, or discretion posed as the next question, exercises
    # none ("The second is not discretionary. ..., and I grant it."; "That leaves discretion,
    # and here the case becomes difficult."); a claim said not to need a protected ground
    # finds nothing on one ("The torture claim ... doesn't need a protected ground."); an
    # application found not frivolous warns of nothing
    if NO_DISCRETION_EXERCISED.search(norm):
        dropped |= {"discretion"}
    if NO_GROUND_NEEDED.search(norm):
        dropped |= {"nexus"}
    if PERSECUTOR.search(norm):
        dropped |= {"nexus", "past_persecution"}
    if NOT_FRIVOLOUS.search(norm) or WARNING_PROMISED.search(norm):
        dropped |= {"frivolousness_warning"}
    if FRIVOLOUS_DEFINED.search(norm):
        dropped |= {"credibility"}  # the frivolousness standard applied, no credibility finding
    if MIND_NOT_MADE_UP.search(norm):
        dropped |= {"credibility"}  # "her testimony was heartfelt, but ... I haven't decided"
    dropped |= no_finding_labels(norm)
    # the hearing date kept is no continuance, nor is one vacated with no new date ("The June
    # fourth hearing comes off the calendar", on closing or dismissing the case)
    kept_or_vacated = DATE_KEPT.search(norm) or continuance_set_aside(norm)
    return dropped | ({"continuance"} if kept_or_vacated else set())


# the testimony weighed and left undecided: "Her testimony was heartfelt, but it was also thin
# on details I'd expect her to know, and I haven't made up my mind about it."
MIND_NOT_MADE_UP = re.compile(
    r"\b(?:testimony|account|story|credibility)\b[^.]*\b(?:i|the court) (?:haven't|have not|"
    r"hasn't|has not) (?:yet )?(?:made up (?:my|its) mind|decided)\b"
    # credibility set aside as not what decides: "There are some problems with her testimony
    # that I won't dwell on, because I don't think credibility decides this case."
    r"|\b(?:do not|don't) think credibility (?:decides|determines|controls|resolves) (?:this|"
    r"the) (?:case|claim|application)\b"
    r"|\bcredibility (?:does not|doesn't|will not|won't|cannot|can't) (?:decide|determine|"
    r"control|resolve) (?:this|the) (?:case|claim|application)\b")
# the testimony described while it is still being given ("His testimony so far has been
# detailed, but the record has nothing from anyone else."): no finding on it yet
INTERIM_TESTIMONY = re.compile(
    r"\b(?:testimony|account|story|answers)\b (?:\w+ ){0,2}(?:so far|thus far|up to now|until "
    r"now|(?:up )?to this point)\b"
    r"|^\s*(?:so far|thus far|up to now|(?:up )?to this point),? (?:\w+ ){0,2}(?:testimony|"
    r"account|story|answers)\b")
# a continuance weighed and rejected: "Continuing this case for another six months only to
# reset it again makes little sense."
CONTINUANCE_WEIGHED = re.compile(
    r"^\s*(?:but |and |so )?(?:continuing|resetting|adjourning|postponing)\b[^.;]{0,120}"
    r"\b(?:makes? (?:little|no) sense|(?:would|will) (?:serve no|accomplish nothing|achieve "
    r"nothing|not help)|"
    r"(?:is|would be) (?:pointless|unnecessary|not warranted|futile))\b"
    # the day's hearing closed, no date given: "Good. We'll see you then. This hearing is
    # adjourned."
    r"|\b(?:hearing|court|session|we|this) (?:is|are|stands?) (?:now |hereby )?adjourned"
    r"\s*[.!]?\s*$")
# the Lozada requirements for a claim of ineffective assistance: no corroboration of the claim
LOZADA = re.compile(r"\blozada\b")
# humanitarian asylum's "compelling reasons" for being unwilling to return, after past
# persecution: no finding on a fear of future persecution
HUMANITARIAN = re.compile(r"\bcompelling reasons? (?:for|why) (?:[\w']+ ){0,3}(?:unwilling\w*|"
                          r"(?:not |refus\w* to |cannot )?return\w*)\b"
                          r"|\bhumanitarian (?:asylum|grant)\b")
# the presumption past persecution raises, stated and not yet weighed: "He therefore starts
# with a presumption that his fear of future persecution is well founded."
PRESUMPTION_STATED = re.compile(
    r"^(?![^.;]*\b(?:rebut\w*|unrebutted|stands|overc[oa]me\w*|not (?:been )?(?:shown|"
    r"established))\b)[^.;]*\bpresumption that (?:his|her|their|your|the (?:respondent|"
    r"applicant)'s) fear\b")
# Labels a sentence makes no finding of, whatever the lexicon or the classifier reads in it.
NO_FINDING_OF = ((INTERIM_TESTIMONY, "credibility"), (LOZADA, "corroboration"),
                 (HUMANITARIAN, "well_founded_fear"), (PRESUMPTION_STATED, "well_founded_fear"))


def no_finding_labels(norm: str) -> set[str]:
    """The labels ``norm`` makes no finding of (see NO_FINDING_OF): the lexicon drops their hits
    and the classifier may not add them."""
    return {label for pattern, label in NO_FINDING_OF if pattern.search(norm)}


def continuance_set_aside(norm: str) -> bool:
    """No continuance, whatever the words say: a hearing vacated with no new date, a
    continuance weighed and rejected, or the day's hearing closed."""
    return bool(HEARING_VACATED.search(norm) or CONTINUANCE_WEIGHED.search(norm))


HEARING_VACATED = re.compile(
    r"^(?!.*\b(?:reset|continu\w*|reschedul\w*|(?<!no\s)new date|moved to|postpone\w*|"
    r"adjourn\w*)\b)"
    r".*\b(?:hearing (?:[\w']+ ){0,4}?(?:is|was|will be) (?:hereby )?(?:vacated|cancell?ed|"
    r"taken off (?:the )?calendar)|comes? off (?:the )?calendar)\b")
NO_DISCRETION_EXERCISED = re.compile(
    r"\b(?:not|isn't|aren't|wasn't) (?:a )?(?:discretionary|matter of (?:the court's |my )?"
    r"discretion)\b"
    r"|\b(?:that|which|this) (?:leaves|brings (?:me|us) to) (?:the (?:question|matter) of )?"
    r"discretion\b"
    r"|\b(?:i )?turn(?:ing)? (?:now )?to discretion\b")
NOT_FRIVOLOUS = re.compile(r"\b(?:not|n't) (?:find|found|finding|consider|deem) (?:the |this |"
                           r"her |his |their )?(?:application|claim) (?:to be )?frivolous\b"
                           # "I make no frivolousness finding"
                           r"|\bno frivolous(?:ness)? (?:finding|determination)\b"
                           r"|\b(?:not|n't) (?:find|found|finding) (?:that )?(?:he|she|they|the "
                           r"respondent|the applicant) (?:\w+ )?fabricated a material element\b"
                           # the question weighed: "I have considered whether the application
                           # was frivolous."
                           r"|\b(?:considered|consider|considering|weighed|asked myself) whether "
                           r"(?:the |this |her |his |their )?(?:application|claim) (?:was|is) "
                           r"frivolous\b")
# the warning promised for a later hearing gives none: "I'll give the frivolous-application
# warnings once it is filed"
# ("And when your application is filed, I will also warn you about what happens if an
# application is frivolous.")
WARNING_PROMISED = re.compile(
    r"^(?=[^.;]*\b(?:once|when|after|at the next|later|next time)\b)[^.;]*"
    r"\b(?:i'll|i will|i'm going to|i am going to|we'll|we will|the court will) (?:\w+ )?(?:give|"
    r"read|deliver|provide|go over|explain|warn)\b[^.;]{0,80}\b(?:warnings?|frivolous\w*)\b")
FRIVOLOUS_DEFINED = re.compile(r"\bfabricated a material element\b")
NO_GROUND_NEEDED = re.compile(r"\b(?:does not|doesn't|do not|don't|need not|needn't) (?:need|"
                              r"require|turn on|depend on|call for) (?:a |any )?(?:protected "
                              r"ground|nexus)\b")


FEAR_STATED = re.compile(r"^\s*(?:\w+,? ){0,2}?(?:his|her|their|the respondent's|the "
                         r"applicant's) (?:fear|worry|concern) is that\b"
                         # "She fears return as an apostate."
                         r"|^\s*(?:he|she|they|the respondent|the applicant) (?:fears|fear|"
                         r"feared) (?:return\w*|going back|being|that|persecution|harm)\b")
ORDER_NOT_FINAL = re.compile(r"\b(?:is|was) not (?:yet )?final\b"
                             r"|\bnot (?:yet )?final (?:while|until|pending|during)\b"
                             r"|\b(?:while|since) (?:the|an|his|her) appeal is pending\b")


# Who must show a change in circumstances decides what it is about: the respondent shows one
# to excuse a late filing (the one-year exception); the Department shows one to rebut the
# presumption that past persecution raises ("the Department has not shown changed
# circumstances" says nothing of the deadline; "she has not shown any changed circumstance"
# nothing of her fear).
CHANGE = re.compile(r"\bchang")
SIDE_DHS = re.compile(r"\b(?:department|government|dhs)\b")
SIDE_RESPONDENT = re.compile(r"\b(?:he|she|they|respondent|applicant)\b")
SUBJECT_CLAUSE = re.compile(r"[.;:]|,\s*(?:and|but|so)\b|\b(?:because|since|although)\b")


def _shower(norm: str, start: int) -> str | None:
    """The side named last before ``start`` in its clause: "dhs", "respondent" or None."""
    lo = max((m.end() for m in SUBJECT_CLAUSE.finditer(norm, 0, start)), default=0)
    sides = [(m.start(), "dhs") for m in SIDE_DHS.finditer(norm, lo, start)]
    sides += [(m.start(), "respondent") for m in SIDE_RESPONDENT.finditer(norm, lo, start)]
    return max(sides)[1] if sides else None


def _wrong_side(rule: Rule, norm: str, m: re.Match[str]) -> bool:
    if not CHANGE.search(m.group()):
        return False
    side = _shower(norm, m.start())
    if rule.label == "one_year_bar":
        return side == "dhs"
    return rule.label == "well_founded_fear" and rule.polarity == "established" and \
        side == "respondent"


# a private quarrel named as what a paper or witness bears out is a fact proved, not the
# reason for the harm
EVIDENCED = re.compile(r"\b(?:confirm|corroborat|document|substantiat|verif)\w* (?:both |also )?"
                       r"(?:[\w']+,? ){0,5}$")


# a motion named before its object: what it asks for is not done
MOTION_BEFORE = re.compile(r"\bmotion\b[^.;,]{0,40}\bto $")
# a filing fact that is the object of another verb ("... excuses a filing more than two years
# past the deadline"): a negation of that verb does not deny the fact
FACT_OBJECT = re.compile(r"\b(?:excuses?|excused|explains?|explained|justif(?:y|ies|ied)|"
                         r"forgives?) (?:a|the|her|his|their|this|that)\s+$")
# an earlier finding taken as the premise of the next step, no finding of its own
PREMISE = re.compile(r"^\s*(?:and |so )?(?:without|absent|lacking|in the absence of) (?:\w+ )?"
                     r"(?:credible|believable|reliable|trustworthy|truthful) (?:testimony|"
                     r"evidence|account)\b(?: (?:or|and) (?:\w+ )?corroborat\w*)?")


def _clause_start(norm: str, m: re.Match[str]) -> int:
    """Where the last clause of a match begins: a rule that states its own negative over two
    clauses ("his testimony ..., and I find no reason to doubt it") is negated by what governs
    that clause, not by an operator before its first ("I cannot say that his testimony ...")."""
    start = m.start()
    for end in SCOPE_END.finditer(norm, m.start(), m.end()):
        start = end.end()
    return start


# A hedge set off by commas ("are, I think, enough"; "is not, on this record, persecution"):
# with it blanked, the words it parts read as one phrase.
HEDGE_ASIDE = re.compile(ASIDE.pattern + r"|,\s*(?:i (?:think|believe|find|would say|must say)|"
                         r"frankly|candidly|to my mind|it seems to me|as i see it|as far as "
                         r"(?:i|the court) can (?:tell|see|judge))\s*,"
                         # the degree denied its weaker kind: "a real chance, not a
                         # speculative one, that ..."
                         r"|,\s*not (?:a |an )?(?:[\w']+ )?(?:one|ones)\s*,")


def _rule_hits(norm: str, keep_dropped: bool = False) -> list[Hit]:
    """Every rule's hits in ``norm``, and those that read across a hedge set off by commas
    (a cue inside the hedge is kept: the words are read both ways)."""
    hits = _rule_hits_in(norm, keep_dropped)
    if HEDGE_ASIDE.search(norm):
        joined = HEDGE_ASIDE.sub(lambda m: " " * len(m.group()), norm)
        hits += [h for h in _rule_hits_in(joined, keep_dropped)
                 if not any(o.label == h.label and o.start < h.end and h.start < o.end
                            for o in hits)]
    return [_negation_taken(norm, h, hits) for h in hits]


# A new clause run on after a negated cue, its subject the next words, speech recognition
# having dropped the full stop ("i can't find her credible the inconsistencies go to the
# heart of what she's claiming"): the negation was the first cue's.
RUN_ON_SUBJECT = re.compile(r"\s+(?:the|his|her|their|these|those)\s+")
RULE_NAMED = {rule.name: rule for rule in RULES}


def _negation_taken(norm: str, hit: Hit, hits: list[Hit]) -> Hit:
    """``hit`` unnegated when the negator before it negates a cue of its label that ends
    right before the run-on subject ``hit`` opens with (no sentential operator over both)."""
    rule = RULE_NAMED.get(hit.rule)
    if rule is None or not rule.negatable or not hit.negated or hit.polarity is None:
        return hit
    # (the rare run-on looked for first, the operators' scope only then)
    if any(o.label == hit.label and o.negated and o.end <= hit.start
           and RUN_ON_SUBJECT.fullmatch(norm, o.end, hit.start) for o in hits) \
            and not sentential_negations(norm, hit.start):
        return dataclasses.replace(hit, polarity=rule.polarity, negated=False)
    return hit


def _rule_hits_in(norm: str, keep_dropped: bool) -> list[Hit]:
    hits = []
    for rule in RULES:
        for m in rule.pattern.finditer(norm):
            if _wrong_side(rule, norm, m):
                continue
            if rule.label == "removal_order" and NOT_AN_ORDER.search(m.group()):
                continue  # "the order granting withholding of removal"
            if rule.label == "removal_order" and _undone(norm, m.start(), m.end()):
                continue  # "the in absentia removal order is rescinded"
            if rule.label == "removal_order" and ENTERED_BEFORE.match(norm, m.end()):
                continue  # "an order of removal was entered against him in absentia in 2023"
            if rule.label == "termination" and MOTION_BEFORE.search(norm, 0, m.start()):
                continue  # "a written motion from the Department to dismiss these proceedings"
            if rule.label in ("credibility", "corroboration") and any(
                    m.end() <= p.end() for p in PREMISE.finditer(norm)):
                continue  # "Without believable testimony he has shown neither ..."
            if rule.name.startswith("nexus.not_established.private#") \
                    and EVIDENCED.search(norm, 0, m.start()):
                continue  # "the letter confirms both the injury and the land dispute"
            if in_conditional(norm, m.start()) and rule.label not in EVENT_LABELS \
                    and not rule.conditional:
                if keep_dropped and any(f.start() <= m.start() < f.end()
                                        for f in NO_FINDING.finditer(norm)):
                    hits.append(Hit(f"{rule.name}#dropped", rule.label, None, m.start(),
                                    m.end(), False, rule.priority))
                continue
            if rule.negatable:
                negated = is_negated(norm, m.start(), m.end())
            elif rule.label == "one_year_bar" and FACT_OBJECT.search(norm, 0, m.start()):
                negated = False  # "(nothing) excuses a filing more than two years past ..."
            else:
                negated = len(sentential_negations(norm, _clause_start(norm, m))) % 2 == 1
            polarity = NEGATED[rule.polarity] if negated else rule.polarity
            if negated and polarity is None:  # "not required", "I will not order him removed"
                if keep_dropped:
                    hits.append(Hit(f"{rule.name}#dropped", rule.label, None, m.start(), m.end(),
                                    True, rule.priority))
                continue
            hits.append(Hit(rule.name, rule.label, polarity, m.start(), m.end(), negated,
                            rule.priority))
    return hits


# a relative clause set off by commas does not part an application from its verb ("The
# application of the husband, on which his wife is a derivative, is denied")
PARENTHETICAL = re.compile(r",\s*(?:(?:on|in|of|for|to|by|with|under) )?(?:which|whom|whose)\b"
                           r"[^,;:.]*,")


def _words_between(norm: str, a: int, b: int, skip: list[tuple[str, int, int]]) -> int:
    """Words from ``a`` to ``b``, not counting those of other application mentions (in
    "asylum, withholding of removal and CAT protection are denied" each is next to its
    verb)."""
    gap = list(norm[a:b])
    parentheticals = [(m.start(), m.end()) for m in PARENTHETICAL.finditer(norm, a, b)]
    for lo, hi in [*[(lo, hi) for _, lo, hi in skip], *parentheticals]:
        for i in range(max(lo, a), min(hi, b)):
            gap[i - a] = " "
    return len("".join(gap).split())


def _nearest_verb(norm: str, lo: int, hi: int, clause: tuple[int, int],
                  skip: list[tuple[str, int, int]] | None = None
                  ) -> tuple[str, re.Match[str]] | None:
    best: tuple[int, str, re.Match[str]] | None = None
    own = OWN_RULING.match(norm, hi)
    for polarity, pattern in VERBS:
        for m in pattern.finditer(norm, clause[0], clause[1]):
            if pattern is SUCCEEDS and not NEITHER.search(norm, clause[0], m.start()):
                continue
            if m.start() >= hi:
                distance = _words_between(norm, hi, m.start(), skip or [])
            elif m.end() <= lo:
                if own is not None:
                    continue  # "asylum is pretermitted, and withholding ... is denied"
                if NEW_SUBJECT_CLAUSE.search(norm, m.end(), lo):
                    continue  # "... are pretermitted, and she is left with deferral"
                distance = _words_between(norm, m.end(), lo, skip or [])
            else:
                continue
            if distance > RULING_REACH_WORDS and m.start() >= hi and len(skip or []) == 1 \
                    and PRONOUN_RULES.search(norm, 0, m.start()):
                # the one application named, its reasons run on, and then "so that's denied"
                distance = RULING_REACH_WORDS
            if distance <= RULING_REACH_WORDS and (best is None or distance < best[0]):
                best = (distance, polarity, m)
    return None if best is None else (best[1], best[2])


# The application the subject of its own ruling right after it ("withholding of removal under
# the Act is denied"): a ruling verb before it is another application's.
OWN_RULING = re.compile(r"(?:\s+(?!(?:and|or|but|nor)\b)[\w'()]+){0,4}?\s+(?:is|are|was|were)\s+"
                        r"(?:hereby\s+|also\s+|therefore\s+|likewise\s+)?(?:granted|denied|"
                        r"pretermitted)\b")


# A ruling by pronoun at the end of a run-on about the one application the sentence names
# ("um and the torture claim theres nothing there either ... so thats denied").
PRONOUN_RULES = re.compile(r"\b(?:so|and) (?:that|it|this)(?:'s|s| is| was)(?: also| too)? $"
                           # "As for the Convention, he does not claim ..., and that
                           # application is denied as well"
                           r"|\b(?:so|and) (?:that|this|the) (?:application|claim|request) "
                           r"(?:is|was)(?: also| too| likewise| therefore)? $")


# A new main clause with a subject of its own between a ruling verb and an application after
# it ("... are pretermitted as untimely, and she is left with deferral of removal"): the verb
# rules on what came before.
NEW_SUBJECT_CLAUSE = re.compile(r",\s*(?:and|but|so|while)\s+(?:he|she|they|i|we|the "
                                r"(?:respondent|applicant))\s+(?:is|are|was|were|has|have|will|"
                                r"may|can|must|remains?)\b")


# The disposition a bar leads to, stated by pronoun later in the sentence ("barred, so that
# too is denied").
RESTATED = re.compile(r"\b(?:it|that|this|they|which)(?: too| also)? (?:is|are|must be|will be|"
                      r"shall be) (?:also |likewise |therefore |accordingly )?(denied|granted)\b"
                      # "... is barred as well, and I deny it"
                      r"|\b(?:i|the court) (?:also |therefore |accordingly |must |will )?"
                      r"(deny|grant)s? (?:it|that|them|this one)\b")
RULED_AS = {"deny": "denied", "grant": "granted"}


def _clauses(norm: str) -> list[tuple[int, int]]:
    cuts = [0, *[m.start() for m in CLAUSE_SPLIT.finditer(norm)], len(norm)]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def names_application(norm: str) -> bool:
    """Whether ``norm`` names an application (asylum, withholding, CAT, ...)."""
    return bool(_application_spans(norm))


def _application_spans(norm: str) -> list[tuple[str, int, int]]:
    """Application mentions, the earlier pattern winning where two overlap (CAT withholding
    is CAT, not statutory withholding)."""
    taken: list[tuple[str, int, int]] = []
    for label, pattern in APPLICATIONS:
        for m in pattern.finditer(norm):
            if m.end() > m.start() and not any(a < m.end() and m.start() < b for _, a, b in taken):
                taken.append((label, m.start(), m.end()))
    return sorted(taken, key=lambda t: t[1])


# an application named as the measure of another ("a higher burden than asylum") is not the
# one ruled on
COMPARED = re.compile(r"\bthan (?:that |those |it is |is )?(?:for |in |does |do )?(?:an? |the )?$")


# "give" grants only from the court: what the respondent must give ("you must give the Board
# proof of it") or give up ("to get voluntary departure you must give up your appeal") is not
# relief given.
# ... nor does the court's staff or another person: "the clerk will give it to you"
GIVER = re.compile(r"\b(?:you|he|she|they|respondent|applicant|clerk|interpreter|officer|"
                   r"guard|staff)(?: (?:must|will|should|shall|"
                   r"can|may|need to|have to|has to|would))? $"
                   # what the relief itself gives: "it doesn't give you a green card"
                   r"|\b(?:it|that|this|which|withholding|asylum|deferral)(?: (?:does not|"
                   r"doesn't|does|will not|won't|will|would|would not|wouldn't|cannot|can't|"
                   r"can|also|still))? $"
                   # the respondent giving an account: "painful for her to give"
                   r"|\b(?:for|asked|ask|asks|told|tell) (?:him|her|them|you|the respondent|the "
                   r"applicant) to $")


# what the court hands over is a paper, not relief: "I'm giving you the asylum application
# form", "I will give her the packet for withholding"
PAPER_GIVEN = re.compile(r"\s+(?:[\w']+ ){0,4}(?:forms?|packets?|paperwork|copy|copies|"
                         r"instructions|booklets?|list|notice|documents?|warnings?|advisals?|"
                         r"admonitions?|reminders?|explanation)\b")


# ... or a reason, a chance: "the claim looks strong, which gives her every reason to come
# to court"
REASON_GIVEN = re.compile(r"\s+(?:(?:him|her|them|you|me|us) )?(?:a |an |every |good |no |some |"
                          r"more |the )?(?:reason|cause|incentive|motive|chance|opportunity|"
                          r"pause|time|benefit of (?:the doubt|it|that))\b")


# ... or weight to evidence: "I find her testimony believable and give it full weight"
WEIGHT_GIVEN = re.compile(r"\s+(?:(?:it|them|that|this|him|her|the \w+) )?(?:\w+ ){0,2}(?:weight|"
                          r"credence|consideration|support|corroboration)\b")


# ... or what every applicant is given: "a warning that I give to everyone who asks for asylum"
EVERYONE_GIVEN = re.compile(r"\s+to (?:everyone|everybody|all|every|each)\b")


GRANT_NOUN = re.compile(r"\b(?:a|an|any|such|its)\s+(?:discretionary\s+|mandatory\s+|"
                        r"possible\s+)?$")


PURPOSE = re.compile(r"\bfor (?:me|the court|this court|a judge|the judge|us) to (?:\w+ )?$")


def not_a_grant(norm: str, verb: re.Match[str]) -> bool:
    """The verb at ``verb`` is a "give" that gives the court's relief to no one, or gives a
    paper; or "given that" ("Given that grant, ..."); or a ruling the court only expects to
    make ("I expect to grant asylum")."""
    if EXPECTED.search(norm, 0, verb.start()):
        return True
    if verb.group() == "given" and norm.startswith(" that", verb.end()) \
            and not norm[:verb.start()].strip(" ,"):
        return True
    if verb.group() in ("grant", "grants") and GRANT_NOUN.search(norm, 0, verb.start()):
        return True  # "asylum is a discretionary grant": a noun, no ruling
    if PURPOSE.search(norm, 0, verb.start()):
        return True  # "for me to give you asylum, the law says ...": what a grant requires
    return verb.group().startswith(("giv", "gave")) and bool(
        norm.startswith(" up", verb.end()) or GIVER.search(norm, 0, verb.start())
        or PAPER_GIVEN.match(norm, verb.end()) or REASON_GIVEN.match(norm, verb.end())
        or WEIGHT_GIVEN.match(norm, verb.end()) or EVERYONE_GIVEN.match(norm, verb.end()))


# a ruling foreseen, not made: "If the checks come back clear, I expect to grant asylum."
EXPECTED = re.compile(r"\b(?:expect|expects|expected|hope|hopes|anticipate|anticipates) to $")


# A failure at the threshold is no ruling on the merits: the application is pretermitted
# ("the first of the three fails at the threshold"; "asylum falls at the threshold"). (A
# denial "as untimely" is said as a denial, and read as one.)
THRESHOLD = re.compile(r"\s*(?:\w+ ){0,2}at the (?:very )?threshold\b")


def ruling_polarity(norm: str, polarity: str, verb_end: int) -> str:
    """The ruling a verb of ``polarity`` ending at ``verb_end`` makes, the threshold read."""
    if polarity == "denied" and THRESHOLD.match(norm, verb_end):
        return "pretermitted"
    return polarity


# An application said not to be denied is still pending, not granted: "Her application is
# not denied; it remains before me."
NOT_DENIED = re.compile(r"\b(?:is|are|was|were|been|be) not (?:being )?$")
PENDING = re.compile(r"\b(?:is|are|was|were|been|be) not (?:being )?denied\b")


# The next application taken up, not ruled on: "Asylum is therefore pretermitted, and I turn
# to withholding of removal, which has no filing deadline."
TURNED_TO = re.compile(r"\b(?:turn|turns|turning|move|moving|go on|going on|come|coming|proceed|"
                       r"proceeding) (?:now )?(?:on )?to (?:the (?:question of |claim for |"
                       r"application for )?)?$")


# A grant put off, not refused: "But I am not granting it today."; "I can't grant asylum yet"
PUT_OFF_WORDS = r"(?:today|yet|for now|at this (?:time|point|stage)|until|before|pending)"
NOT_YET = re.compile(rf"\b{PUT_OFF_WORDS}\b")
NOT_YET_WORDS = 6  # words after the verb the putting-off may come in


# ... unless the court cannot grant it: "I'm not able to give you voluntary departure today"
# denies it
UNABLE = re.compile(r"\b(?:able|unable|cannot|can't|cant|could not|couldn't)\b")


def not_yet(norm: str, verb_end: int) -> bool:
    """A negated grant whose clause puts it off ("not granting it today"): no ruling."""
    if UNABLE.search(" ".join(norm[:verb_end].split()[-5:])):
        return False
    after = re.split(r"[,;:.]|\b(?:and|but|because)\b", norm[verb_end:], maxsplit=1)[0]
    return bool(NOT_YET.search(" ".join(after.split()[:NOT_YET_WORDS])))


def _ruling_hits(norm: str) -> list[Hit]:
    hits = []
    for clause in _clauses(norm):
        spans = _application_spans(norm[: clause[1]])
        for label, lo, hi in spans:
            if lo < clause[0] or _not_reached(norm, lo, clause) or COMPARED.search(norm, 0, lo) \
                    or TURNED_TO.search(norm, max(0, lo - 40), lo):
                continue
            found = _nearest_verb(norm, lo, hi, clause, spans)
            if found is None or not_a_grant(norm, found[1]) \
                    or in_conditional(norm, verb_at := found[1].start()) \
                    or weighed_not_ruled(norm, verb_at) \
                    or _relative_of_another(norm, verb_at, lo, spans):
                continue
            polarity, verb = found
            polarity = ruling_polarity(norm, polarity, verb.end())
            restated = RESTATED.search(norm, verb.end()) if polarity == "pretermitted" else None
            if restated:  # "... is barred, so that too is denied": the bar is the reason
                polarity = restated.group(1) or RULED_AS[restated.group(2)]
            start, end = min(lo, verb.start()), max(hi, verb.end())
            # "neither ... can succeed" states its own negation
            negated = verb.re is not SUCCEEDS and ruling_negated(norm, verb_at)
            final = NEGATED[polarity] if negated else polarity
            if negated and polarity == "denied" and NOT_DENIED.search(norm, 0, verb_at):
                final = None  # "the application is not denied; it remains pending"
            if negated and polarity == "granted" and not_yet(norm, verb.end()):
                final = None  # "I am not granting asylum today": pending, not denied
            if final is not None:
                hits.append(Hit(f"{label}.ruling.{polarity}", label, final, start, end, negated, 2))
    for label, pattern in (("withholding_of_removal", WITHHOLDS), ("cat_protection", DEFERS)):
        for m in pattern.finditer(norm):
            negated = is_negated(norm, m.start(), m.end(), reach=RULING_PRE_WORDS)
            hits.append(Hit(f"{label}.verb", label, "denied" if negated else "granted",
                            m.start(), m.end(), negated, 1))
    return hits


# A relative clause set off by commas after an application: "asylum, which I have just found
# barred, withholding of removal and ..." (the verb inside it rules on its head alone)
RELATIVE = re.compile(r",\s*(?:which|that)\b[^,;:]*$")


def _relative_of_another(norm: str, verb_at: int, lo: int,
                         spans: list[tuple[str, int, int]]) -> bool:
    """The ruling verb at ``verb_at`` stands in a relative clause whose head is another
    application than the one at ``lo``."""
    relative = RELATIVE.search(norm, 0, verb_at)
    if relative is None:
        return False
    head = [start for _, start, end in spans if not norm[end:relative.start()].strip()]
    return bool(head) and head[0] != lo


# A ruling weighed, not made: "nothing that would warrant denying it", "reasons that might
# justify granting it"
WEIGHED = re.compile(r"\b(?:warrant|warrants|warranted|justify|justifies|justified|support|"
                     r"supports|call for|calls for)\s+$"
                     # a request reported: "Counsel asked me to grant humanitarian asylum"
                     r"|\b(?:asks?|asked|asking|urges?|urged|requests?|requested) (?:me|the court|"
                     r"this court) to\s+$"
                     # what nothing leads to: "no adverse factor ... that would lead me to deny it"
                     r"|\b(?:would|could|might) (?:lead|cause|persuade) (?:me|the court) to\s+$"
                     # the consequence a degree falls short of: "her past harm is not so severe
                     # that I would grant asylum on humanitarian grounds alone"
                     r"|\b(?:so|such|enough)\b[^.;]{0,60}\bthat (?:i|the court) "
                     r"(?:would|could|might|should) (?:\w+ )?$")


# The ruling asked about, not made: "I've asked myself whether what happened to you was so
# severe that I should grant asylum anyway"
WONDERED = re.compile(r"\bwhether\b[^,;:.]{0,120}\b(?:i|the court|we) (?:should|could|would|"
                      r"ought to|might|must|can|may) (?:\w+ )?$")


# The outcome a condition leads to ("even if I accepted every word he said, his asylum claim
# would fail for another reason"): the ruling to come, foretold, not made.
FORETOLD = re.compile(r"\bwould (?:still |also |likewise |equally |nonetheless )?(?:be )?$")


def weighed_not_ruled(norm: str, verb_at: int) -> bool:
    """The ruling verb at ``verb_at`` is the object of a verb of justifying, or of a
    question the court puts to itself, or the outcome a condition before it foretells."""
    return bool(WEIGHED.search(norm, 0, verb_at) or WONDERED.search(norm, 0, verb_at)
                or (FORETOLD.search(norm, 0, verb_at) and CONDITIONAL.search(norm, 0, verb_at)))


# The discretion the ruling verb is exercised in: "I'm not going to exercise my discretion to
# give him asylum" negates the verb from before it.
EXERCISED_TO = re.compile(r"\bexercis\w* (?:my|the court's|its|this court's|favou?rable) "
                          r"discretion (?:to|and|in order to) $")


def ruling_negated(norm: str, verb_at: int) -> bool:
    """A ruling verb is negated by a negator right before it ("I cannot grant asylum",
    "asylum is not granted", not "her claim cannot succeed, and I deny it"), or before the
    discretion it is exercised in, or by a sentential operator ("I cannot find that asylum
    should be granted")."""
    exercised = EXERCISED_TO.search(norm, 0, verb_at)
    if exercised:
        verb_at = exercised.start()
    return is_negated(norm, verb_at, verb_at, inside=False, reach=RULING_PRE_WORDS)


def _not_reached(norm: str, at: int, clause: tuple[int, int]) -> bool:
    """The application at ``at`` sits in a comma-bounded part saying it is not decided."""
    ends = [m.end() for m in SUBCLAUSE.finditer(norm, clause[0], clause[1])]
    cuts = [clause[0], *ends, clause[1]]
    part = next(((a, b) for a, b in pairwise(cuts) if a <= at < b), clause)
    # (speech recognition's run-on: "asylum is granted withholding and the torture claim are
    # moot": what follows the application's own ruling is another clause's)
    return any(not (m.start() > at and RULED.search(norm, at, m.start()))
               for m in NOT_REACHED.finditer(norm, part[0], part[1])
               if not UNABLE_TO_CONSIDER.search(norm, max(0, m.start() - 8), m.end() + 12))


RULED = re.compile(r"(?:\b(?:is|are|was|were|be)|'s) (?:hereby )?(?:granted|denied|pretermitted)\b")


def _resolve(hits: list[Hit]) -> list[Hit]:
    """One polarity per label and sentence: the highest priority, then the most hits; for
    applications, one per label (the ruling nearest its mention). A reading of the filing's
    facts (its dates, the time counted from entry) gives way to a statement of the bar in
    the same sentence ("did not file until 2021, well beyond one year")."""
    chosen: list[Hit] = []
    for label in dict.fromkeys(h.label for h in hits):
        mine = [h for h in hits if h.label == label]
        top = max(h.priority for h in mine)
        mine = [h for h in mine if h.priority == top]
        polarities = [h.polarity for h in mine]
        winner = max(dict.fromkeys(polarities), key=polarities.count)
        same = [h for h in mine if h.polarity == winner]
        chosen.append(min(same, key=lambda h: (is_filing_fact(h.rule), h.start)))
    return sorted(chosen, key=lambda h: h.start)


FILING_FACT_RULE = re.compile(r"^(?:lexicon:)?one_year_bar\.\w+\.(?:dates|counted)\b")


def is_filing_fact(rule: str) -> bool:
    """A one-year-bar reading of the filing's facts alone (its dates, or the time counted
    from entry), by rule name or draft source ("lexicon:one_year_bar.untimely.counted#1")."""
    return bool(FILING_FACT_RULE.match(rule))


WITHHOLDING_ONLY = re.compile(r"\bwithholding\b")
WITHHOLDING_STANDARD = re.compile(r"\b(?:life|freedom)(?: or (?:life|freedom))? (?:\w+ ){0,4}"
                                  r"threatened\b"
                                  r"|\bthreat (?:to|against) (?:\w+ ){0,2}life or freedom\b"
                                  r"|\bclear probability\b")


THREAT_TO_LIFE = re.compile(r"\b(?:life|freedom)\b[^.;]{0,60}?\bthreatened\b"
                            r"|\bclear probability of (?:future )?(?:persecution|harm)\b")
THREAT_REASON_REACH = 40  # characters after the standard's words in which the reason stands
IN_WITHHOLDING_STANDARD = "@withholding_standard"  # marks a nexus hit inside that standard


def _withholding_standard(norm: str) -> bool:
    """The sentence weighs the withholding standard (a threat to life or freedom) and no
    fear of persecution."""
    return bool(WITHHOLDING_STANDARD.search(norm)) and not re.search(
        r"\basyl|\bwell founded|\bfear|\breasonable possibility|\bfuture persecution", norm)


FRIVOLOUS = re.compile(r"\bfrivolous|" + FRIVOLOUS_DEFINED.pattern)
NOT_SAYING = re.compile(r"\b(?:i|the court) (?:do not|don't|does not|doesn't|am not|is not) "
                        r"(?:say|saying|suggest|suggesting) (?:that )?(?:he|she|they|the "
                        r"respondent|the applicant) (?:\w+ )?(?:invented|fabricated|made up|"
                        r"concocted)\b")
# The reason for the harm spoken of: without it, general crime is what the respondent fears.
REASON_FOR_HARM = re.compile(r"\bon account of|\bprotected ground|\bbecause\b|\breason|\bmotiv|"
                             r"\bnexus\b|\btarget|\bgrounds?\b")
# ... or the demands called all the persecutors wanted ("They only demanded money."), or
# made of everyone ("they demanded the same payment from every stall")
ONLY_AFTER = re.compile(r"\b(?:only|just|simply|merely|solely|all (?:they|he|she|it|the \w+))\b"
                        r"|\bwhat (?:they|he|she|the \w+) (?:\w+ )?(?:wanted|sought|demanded)\b"
                        r"|\b(?:from|of) (?:every|all|each|any)\b|\bthe same\b")
FABRICATION = re.compile(r"\b(?:fabricat|concoct|invent|made up|make up)")
# A paper forged to get a visa or into the country ("he obtained his visa with a fabricated
# employment letter") is past fraud, weighed in discretion: no finding on the testimony.
FRAUD_TO_ENTER = re.compile(
    r"\b(?:visa|passport|admission|entry|green card)\b[^.;]{0,40}\b(?:with|using|by|through) "
    r"(?:\w+ ){0,3}(?:fabricat|fraudulent|forged|false)"
    r"|\b(?:fabricat\w*|fraudulent|forged|false) (?:\w+ ){0,3}(?:to (?:obtain|get|secure|enter|"
    r"board)|(?:for|of) (?:a |his |her |their )?visa)\b")


def find_hits(sentence: str) -> list[Hit]:
    """Every label the lexicon finds in ``sentence``, one polarity each."""
    norm = normalise(sentence)
    hits = _rule_hits(norm)
    if not any(h.label == "one_year_bar" for h in hits):
        hits += dated_filing_hits(norm)
    if WITHHOLDING_ONLY.search(norm) and not re.search(r"\basyl", norm):
        # the presumption a withholding claim keeps is of a threat to life or freedom
        # (and so is the one the Department did not rebut: "... the law presumes it would
        # happen again, and the government did not show that things have changed")
        hits = [h for h in hits if not (h.label == "well_founded_fear" and (
            "presum" in norm[h.start:h.end]
            or h.rule.startswith("well_founded_fear.established.unrebutted")))]
    presumed = PRESUMED_FEAR.search(norm)
    if presumed:
        # "He is entitled to a presumption that his fear is well founded": the presumption
        # that past persecution raises, not a finding on the fear itself
        # (the presumption then left standing is the finding: "..., and the Department has
        # not rebutted it")
        hits = [h for h in hits if not (h.label == "well_founded_fear" and h.polarity ==
                                        "established" and h.start >= presumed.start()
                                        and not h.rule.startswith((OVERCOME_RULE,
                                                                   UNREBUTTED_RULE)))]
    if _withholding_standard(norm):
        # relocation weighed against a threat to life or freedom is the withholding finding
        hits = [h for h in hits if h.label != "well_founded_fear"]
    # the reason named inside the withholding standard ("a clear probability that his life
    # would be threatened on account of his political opinion") restates the nexus found
    # before, when there is one (see stages.tag: marked, for the merge)
    threats = [m.span() for m in THREAT_TO_LIFE.finditer(norm)]
    hits = [dataclasses.replace(h, rule=h.rule + IN_WITHHOLDING_STANDARD)
            if h.label == "nexus" and h.polarity == "established" and any(
                start <= h.start <= end + THREAT_REASON_REACH for start, end in threats)
            else h for h in hits]
    if re.search(r"\btortur|\b(?:convention|cat) (?:claim|protection|relief|request)\b", norm) \
            and not re.search(r"\basyl|\bpersecut|\bfear\b", norm):
        # relocation weighed in a torture finding is part of that finding, not a fear
        hits = [h for h in hits if h.label != "well_founded_fear"]
    if any(h.label == "corroboration" and h.polarity == "insufficient" for h in hits):
        # evidence required and not produced: the finding is that it is insufficient
        hits = [h for h in hits if not (h.label == "corroboration" and h.polarity == "required")]
    if not any(h.label == "frivolousness_warning" for h in hits):
        hits += _ruling_hits(norm)  # the warning's "barred" rules on no application
    else:  # the fabrication that defines a frivolous application is no credibility finding
        hits = [h for h in hits if h.label != "credibility"]
    if not REASON_FOR_HARM.search(norm):
        hits = [h for h in hits if not h.rule.startswith("nexus.not_established.conditions")]
        if not ONLY_AFTER.search(norm):
            hits = [h for h in hits if not h.rule.startswith("nexus.not_established.demands")]
    # "This isn't merely a reasonable possibility of harm; it's a strong one.": affirmed
    hits = [dataclasses.replace(h, polarity="established", negated=False)
            if h.label == "well_founded_fear" and h.negated and h.polarity == "not_established"
            and MORE_THAN_POSSIBLE.search(norm, 0, h.start) else h for h in hits]
    # the harm's reason named inside a fear found wanting ("you no longer face a reasonable
    # chance of being harmed for your politics") or after the withholding standard ("I don't
    # think it's more likely than not you'd be harmed for your religion"): the negation is
    # the fear's, and the reason for a harm that will not come is no finding on nexus (unless
    # the negation is carried to the reason as a claim of its own: "..., let alone because of
    # her politics")
    fears = [(h.start, h.end) for h in hits if h.label == "well_founded_fear" and h.negated]
    fears += [(m.start(), m.end()) for m in MORE_LIKELY.finditer(norm)]
    hits = [h for h in hits if not (h.label == "nexus" and h.negated and any(
        start < h.start and h.start - end <= FEAR_REACH
        and not CARRIED_NEGATION.search(norm, end, h.start) for start, end in fears))]
    if FRIVOLOUS.search(norm):
        # the definition given on its own ("A frivolous application is one in which any
        # material element is deliberately fabricated") is no credibility finding either
        hits = [h for h in hits if not (h.label == "credibility"
                                        and FABRICATION.search(norm, h.start, h.end))]
    aside = no_finding_labels(norm)
    hits = [h for h in hits if h.label not in aside]
    if NOT_SAYING.search(norm):
        # "I don't say that he invented his whole story": the court asserts nothing of it
        hits = [h for h in hits if not (h.label == "credibility" and h.negated
                                        and FABRICATION.search(norm, h.start, h.end))]
    if FRAUD_TO_ENTER.search(norm):
        hits = [h for h in hits if not (h.label == "credibility"
                                        and FABRICATION.search(norm, h.start, h.end))]
    if TORTURE_ONLY.search(norm) and not NOT_TORTURE_ONLY.search(norm):
        # who the wrongdoers were, weighed for the torture claim ("these were ordinary thieves
        # not shown to be working with the police"), is acquiescence, no finding on nexus
        hits = [h for h in hits if h.label != "nexus"]
    if PERSECUTOR.search(norm):
        # the persecutor bar: the persecution the respondent took part in, and its grounds,
        # are others' ("he assisted in the persecution of others on account of their
        # political opinion"), no finding on his own harm or its reason
        hits = [h for h in hits if h.label not in ("nexus", "past_persecution")]
    return _resolve(_conceded(norm, hits))


TORTURE_ONLY = re.compile(r"\bacquiesc|\bcat (?:claim|protection)\b|\b(?:the|torture) convention\b"
                          r"|\bpublic officials?\b")
NOT_TORTURE_ONLY = re.compile(r"\basyl|\bpersecut|\bprotected ground|\bon account of|\bnexus\b"
                              r"|\bwithholding\b")
PERSECUTOR = re.compile(
    r"\b(?:assist\w*|participat\w*|took part|take part|taking part|engag\w*|help\w*|involved|"
    r"incit\w*|order\w*|join\w*) (?:\w+ ){0,2}in (?:the )?persecut\w* (?:of )?(?:others|another|"
    r"other (?:people|persons|prisoners|detainees|villagers)|civilians|prisoners|detainees|"
    r"members of)\b"
    r"|\bpersecutor bar\b")


FEAR_REACH = 40  # characters from a negated fear to the reason it names
MORE_LIKELY = re.compile(r"\bmore likely than not\b")
MORE_THAN_POSSIBLE = re.compile(r"\b(?:is not|isn't|not) (?:merely|just|only|simply) "
                                r"(?:an? )?$")
CARRIED_NEGATION = re.compile(r"\b(?:let alone|much less|still less|nor)\b")

OVERCOME_RULE = "well_founded_fear.not_established.overcome"
UNREBUTTED_RULE = "well_founded_fear.established.unrebutted"
PRESUMED_FEAR = re.compile(r"\b(?:entitled to|benefit of|raises?|triggers?|gets?|has|enjoys?) "
                           r"(?:a |the )?presumption that (?:his|her|their|the respondent's|the "
                           r"applicant's) fear\b")


# A concession before or after the finding: "Although some of her answers about dates were
# vague, she was straightforward, and I find her generally credible."
CONCESSIVE = re.compile(r"\b(?:although|though|even though|while|whilst|despite|"
                        r"notwithstanding)\b[^,;:]*"
                        # the alternative set aside: "which I attribute to the passage of time
                        # rather than to fabrication"
                        r"|\b(?:rather than|instead of)\b[^,;:]*")


def _conceded(norm: str, hits: list[Hit]) -> list[Hit]:
    """Without the hits inside a concessive clause that the rest of the sentence answers
    with the other polarity of the same label: the finding is the main clause's."""
    spans = [(m.start(), m.end()) for m in CONCESSIVE.finditer(norm)]
    if not spans:
        return hits

    def inside(h: Hit) -> bool:
        return any(a <= h.start and h.end <= b for a, b in spans)

    return [h for h in hits if not (inside(h) and any(
        o.label == h.label and o.polarity != h.polarity and not inside(o) for o in hits))]


BARE_APPEAL = re.compile(
    r"\b(?P<verb>reserve|reserves|reserved|reserving|waiv|waive|waives|waived|waiving)\b"
    r"(?! (?:the right to (?!appeal)|(?:\w+ ){0,2}(?:objection|questions?|time|argument|"
    r"rebuttal)))")


def bare_appeal_hit(sentence: str) -> Hit | None:
    """Counsel answering the appeal question in a word ("Waive.", "The Department will
    reserve."): reserved or waived, flipped by a negation."""
    norm = normalise(sentence)
    m = BARE_APPEAL.search(norm)
    if m is None or in_conditional(norm, m.start()):  # "None, so long as he waives appeal"
        return None
    polarity = "reserved" if m.group("verb").startswith("reserv") else "waived"
    negated = is_negated(norm, m.start(), m.end())
    final = NEGATED[polarity] if negated else polarity
    return Hit("appeal.answer", "appeal", final, m.start(), m.end(), negated, 1)
