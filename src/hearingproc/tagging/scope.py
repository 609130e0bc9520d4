"""Scope rules: when words that look like a finding are not one.

- a question ("Does the Department reserve appeal?", "Were you ever arrested?") rules on
  nothing;
- a statement of the legal standard ("An adverse credibility determination may rest on
  any inconsistency", "The question is whether she has a well-founded fear", "To qualify
  for asylum, an applicant must show...") is law quoted, not law applied.

Both work on one sentence's normalised text (see :func:`hearingproc.tagging.lexicon.normalise`).
"""

from __future__ import annotations

import re

_AUX = r"(?:do|does|did|is|are|was|were|will|would|can|could|have|has|had|should|shall|may)"
QUESTION_START = re.compile(
    rf"^\s*(?:(?:and|so|now|okay|ok|all right|sir|ma'am|madam|counsel|mr|ms|mrs|dhs|department|"
    r"government|respondent|interpreter|judge|your honor)\b[\s,.]*)*"
    rf"(?:{_AUX} (?:you|he|she|they|we|i|the|your|his|her|it|there|this|that|either|any|both|dhs|"
    r"counsel|department|government|respondent|applicant|anyone|anybody|everyone)\b"
    rf"|(?:why|what|when|where|who|which) {_AUX}\b"
    rf"|how (?:long |many |much |often |old |far )?{_AUX}\b)")

# A question the court leaves open ("I need not decide whether ..."), which reaches up to the
# court's own reason for leaving it open (", because his fear is well-founded in its own
# right"; "because of" still belongs to the question).
OPEN_QUESTION = re.compile(r"\b(?:consider|decide|determine|assess|evaluate|address)\w* whether\b")
OWN_REASON = re.compile(r"\bbecause\b(?! of\b)")
# ... unless the court answers it at once: "I have to decide whether to believe him, and I do."
ANSWERED = re.compile(r",\s*and (?:i|the court) (?:do|does|do not|don't|does not|doesn't|"
                      r"cannot|can't)\s*(?:[.;!]|$)")

_GENERIC = (r"(?:an?|any|every) (?:asylum )?(?:applicant|alien|noncitizen|respondent|person|"
            r"immigration judge|adjudicator|trier of fact|"
            r"adverse credibility (?:finding|determination)|"
            r"credibility (?:finding|determination)|finding|grant|order|(?:asylum )?application)"
            r"s?\b")
# ("Should she fail to leave, an order of removal takes effect" opens with a condition)
_MODAL = (r"(?:may|must|(?<!^)should(?! have)|can(?!not|'t)|might|shall|need to|needs to|"
          r"has to|have to|"
          r"is required to|are required to|is presumed|are presumed|is always|are always|"
          # "an applicant who shows past persecution is entitled to a presumption"
          r"is entitled to|are entitled to|"
          r"generally|ordinarily|typically|usually)\b")
STANDARD = [
    re.compile(rf"\b{_GENERIC}[^.]*\b{_MODAL}"),
    re.compile(rf"\b{_MODAL}[^.]*\b{_GENERIC}"),
    re.compile(r"\b(?:if|whether|unless|where|when|once) (?:an?|the|such an?|this|that) "
               r"(?:asylum )?(?:applicant|alien|respondent|noncitizen|court|judge|"
               r"immigration judge|adjudicator|trier of fact|person)\b"),
    # the definition stated: "Persecution has to come from the government or from forces it
    # cannot or will not control."
    re.compile(r"^\s*(?:(?:and|but|now|so),? )?(?:past )?(?:persecution|torture) (?:has to|must|"
               r"needs to|is required to|means)\b"),
    re.compile(r"\b(?:the )?(?:question|issue|inquiry|test) "
               r"(?:is|becomes|here is|before (?:me|the court) is) whether\b"),
    re.compile(r"\b(?:question|issue|standard|test|inquiry)\b[^.]{0,40}\bis whether\b"),
    # (not past a clause of its own: "... if he returned today, and even if Sylhet were unsafe
    # he could go back to Dhaka")
    re.compile(r"\bif (?:you|he|she|they|the respondent|the applicant)\b"
               r"(?:(?!,\s*(?:and|but)\b)[^.;])*\b(?:may|might|could|can)\b"),
    # a consequence put to the respondent: "if you do not leave by then, you will be barred
    # from ..." (a warning, no ruling; "..., the order will be replaced by ..." and "..., you
    # will be removed to Peru" state the alternate order)
    # (the order itself stated between is the alternate order: "If you don't leave by that
    # date, my order turns into a deportation order ..., you will owe a fine")
    re.compile(r"\bif you\b(?:(?!\b(?:order|removed|deported)\b)[^.])*, you (?:will|would) "
               r"(?!be (?:removed|deported)\b)"),
    OPEN_QUESTION,
    re.compile(r"\bin order to (?:establish|qualify|prevail|be eligible|demonstrate|meet|show)\b"),
    re.compile(r"\bto (?:establish|qualify for|be eligible for|demonstrate|prevail on)\b"
               r"[^.]*\bmust\b"),
    re.compile(r"\b(?:bears?|has|carries|have) the burden\b"),
    # "the burden of showing that relocation is unreasonable stays with him"
    re.compile(r"\bthe burden\b[^.]{0,80}\b(?:stays|remains|rests|lies|falls|shifts) (?:with|on|"
               r"to)\b"),
    # what a respondent would have to do, said to him: "You'd also have to file the form within
    # a year of coming here"
    re.compile(r"\byou(?:'d| would) (?:also |still |then )?(?:have to|need to)\b"),
    # the court's power stated as the law's: "The court may ask for corroboration even from a
    # credible witness when it can be had."
    re.compile(r"^\s*(?:the|an?) (?:court|immigration judge|trier of fact|adjudicator) "
               r"(?:may|can)\b(?! well\b)"),
    # the law's hedge: "credible testimony does not always carry the day"
    re.compile(r"\b(?:does|do|is|are|will|need) not (?:always|necessarily)\b"),
    # what the law asks of anyone, said to the respondent: "the law usually requires you to
    # apply within one year of arriving" ("the law requires me to order him removed" rules)
    re.compile(r"\bthe law (?:usually |generally |ordinarily |also )?(?:requires|says|expects) "
               r"(?:that )?(?:you|an applicant|applicants|a person|people|someone|anyone)\b"),
    re.compile(r"\bmust (?:establish|show|demonstrate|prove|meet|provide)\b"),
    # "where corroboration is reasonably available the applicant must produce it"
    re.compile(r"\bwhere (?:corroboration|corroborating evidence|such evidence|evidence|it) (?:is|"
               r"would be) (?:reasonably )?(?:available|obtainable)\b"),
    # "Deferral requires him to show that it is more likely than not he would be tortured"
    re.compile(r"\b(?:requires?|obliges?) (?:him|her|them|you|the respondent|the applicant|an "
               r"applicant|applicants) to (?:show|establish|prove|demonstrate)\b"),
    re.compile(r"\b(?:the (?:board|circuit|courts?|supreme court|statute|regulations?|"
               r"real id act|act) (?:usually |generally |also |ordinarily )?"
               r"(?:has|have)? ?(?:held|holds|provides?|requires?|explained|recognized|"
               r"defines?))\b"),
    # what the law's exceptions cover: "Extraordinary circumstances include maintaining
    # parole until a reasonable period before filing."
    re.compile(r"\b(?:extraordinary|changed) circumstances (?:may |can |also )?(?:include|"
               r"includes|cover|covers)\b"),
    # whom the law protects: "asylum protects people who are harmed because of their race, ..."
    # ("the law I must follow protects people who ...")
    re.compile(r"\b(?:asylum|withholding(?: of removal)?|the (?:law|statute|convention)|"
               r"protection) (?:\w+ ){0,4}(?:protects|covers|is for|is available to|applies to) "
               r"(?:people|persons|those|someone|anyone|refugees|individuals)\b"),
    # "The law is that the testimony of the applicant, if credible, may be sufficient ..."
    re.compile(r"^\s*(?:(?:and|but|now|so),? )?the (?:law|rule|standard|statute|regulation) "
               r"(?:is|says|provides|requires) that\b"),
    re.compile(r"\b(?:is|are) defined as\b|\bmeans that\b"
               r"|\bunder the (?:real id act|statute|regulations?)\b"
               r"[^.]*\b(?:may|must|can)\b"),
    # the law's condition: "harm by private actors is persecution only if the government is
    # unable or unwilling to control them"
    re.compile(r"\b(?:is|are|amounts? to|counts? as|constitutes?) (?:\w+ )?(?:persecution|"
               r"torture|a particular social group|a protected ground) only (?:if|when|where)\b"),
]
# A coordinate clause of its own: what follows it does not reach back.
LATER_CLAUSE = re.compile(r";|,\s*(?:and|but|so|while|whereas)\b")
# A conclusion drawn in a clause of its own, after the law is stated: ", so you asked too late"
# (not "so long as", "so far", "so that").
CONCLUDED = re.compile(r",\s*(?:and )?(?:so|therefore|thus|hence)\b(?! (?:long|far|much|that)\b)")
FIRST_PERSON_FINDING = re.compile(
    r"\b(?:i|the court|this court|the undersigned)"
    r"(?: (?!(?:must|may|should|can|could|might|need|needs|would)\b)[\w']+){0,2} "
    r"(?:find|finds|found|conclude|concludes|hold|holds|determine|determines|grant|grants|"
    r"deny|denies|order|orders|accept|accepts|credit|credits|am (?:granting|denying|finding|"
    r"requiring))\b")


# The court bound to act, which it does in saying so: "Under the regulations I must enter an
# order of removal to Haiti"; "the Court is required to order him removed".
COURT_OBLIGED = re.compile(
    r"\b(?:i|the court|this court) (?:still )?(?:must|have to|has to|(?:am|is) (?:required|"
    r"obliged|bound) to) (?:now )?(?:enter|order|issue|sign)\b")


INVERTED_CONDITION = re.compile(r"^\s*(?:were|had|should) [^,?]{1,120},")


# A question put through the interpreter ("interpreter ask him does he want to appeal").
INDIRECT_QUESTION = re.compile(
    r"^\s*(?:[\w.]+,? )?(?:please )?ask (?:him|her|them|the (?:respondent|applicant|witness))\b"
    r" (?:\w+ )?(?:whether|if|does|do|did|will|would|what|why|when|where|how)\b")


# A question about what a party wants, its "?" lost to speech recognition, after an address
# ("counsel uh does she want to accept this or reserve appeal"; "okay um mister alvarez do you
# want to accept my decision as final").
RUN_ON_QUESTION = re.compile(
    r"^\s*(?:[\w'.]+,? ){0,5}?(?:do|does|would|will) (?:you|he|she|they|your client|the "
    r"(?:respondent|applicant|department|government)|dhs) (?:want|wish|intend|plan) to\b")


# The issue posed, not decided: "The question in this case is why he was attacked." (not when
# the sentence goes on to decide it: "..., and I find that it was his faith")
ISSUE_POSED = re.compile(
    r"^\s*(?:(?:and|so|now|but),? )?the (?:\w+ )?(?:question|issue)\b[^.;?]{0,40}\b(?:is|was|"
    r"becomes|remains) (?:why|whether|if|what|how)\b(?![^.;?]*(?:[,;] (?:and )?(?:i|the court) |"
    r"\band i\b))"
    # "The harder question is past persecution."
    r"|^\s*(?:(?:and|so|now|but),? )?the (?:\w+ )?(?:question|issue) (?:\w+ ){0,3}?(?:is|was|"
    r"becomes|remains) (?:\w+ ){0,2}?(?:persecution|nexus|credibility|corroboration|relocation|"
    r"discretion|timeliness)\s*[.!]?\s*$")


# A supposition put to the parties for confirmation: "I take it no one is appealing this."
SUPPOSITION = re.compile(
    r"^\s*(?:(?:and|so|now),? )?i (?:take it|assume|gather|presume) (?:that )?(?:no ?one|nobody|"
    r"neither (?:side|party)|both (?:sides|parties)|(?:the )?(?:respondent|department|"
    r"government)|dhs|your client|counsel|you)\b")


# A statement turned into a question by a tag the speaker waits to have confirmed ("And
# DHS waives, I take it."; "You accept, I assume.").
TAG_QUESTION = re.compile(r",\s*(?:i take it|i assume|i presume|i gather)"
                          r"\s*[.!]?\s*$")


# A "what"-clause as the subject of a statement ("What was submitted does not corroborate the
# claim."; "What he filed is not enough."): it opens like a question and is none.
FREE_RELATIVE = re.compile(
    r"^\s*what (?:(?:was|is|were|are|has been|have been) |(?:he|she|they|you|the \w+) )"
    r"(?:\w+ ){0,1}(?:\w+ed|said|told|shown|given|brought|wrote|written|sent|done|"
    r"made|taken|seen|heard|found|put|undergone|suffered)"
    # (a list set off by commas before the verb: "What was done to her in that cell, the
    # beatings, the threats against her family, is exactly the kind of harm ...")
    r"(?:,? [\w']+){0,24}?,? (?:does|do|did|is|was|are|were)(?: not|n't)?\b")


# An elliptical "so" that carries the ruling just made over ("So is the third."; "So does
# the torture claim."): a statement, its full stop written.
SO_INVERTED = re.compile(r"^\s*(?:and )?so (?:is|are|was|were|does|do|did) (?:the|his|her|their|"
                         r"that|this)\b(?: [\w']+){1,4}\s*\.\s*$"
                         # ... or the applications it carries the ruling over to, named at
                         # length: "So are her requests for withholding and for Torture
                         # Convention protection, each of which requires a greater showing."
                         r"|^\s*(?:and )?so (?:is|are|was|were|does|do|did) (?:the|his|her|their)\b"
                         r"(?: [\w']+){0,3} (?:for |under |of )?(?:the )?(?:asylum|withholding|"
                         r"convention|torture|cat|deferral|voluntary departure)\b[^?]*[.!]\s*$")


def is_question(norm: str) -> bool:
    """A question: ends with "?" or a question tag ("..., I take it.") or opens like one
    ("Did you...", "Why..."), unless the opening is a conditional inversion ("Were the
    threats enough, the Court would ...")."""
    if (norm.rstrip().endswith("?") or INDIRECT_QUESTION.match(norm)
            or TAG_QUESTION.search(norm) or RUN_ON_QUESTION.match(norm)
            or SUPPOSITION.match(norm) or ISSUE_POSED.match(norm)):
        return True
    if FREE_RELATIVE.match(norm) or SO_INVERTED.match(norm):
        return False
    return bool(QUESTION_START.match(norm)) and not INVERTED_CONDITION.match(norm)


PRIOR_DECISION = re.compile(
    r"\bin (?:the|its|my|our) (?:prior|previous|earlier|first|original) (?:decision|ruling|order)"
    r"\b[^.;]{0,20}\b(?:this court|the court|i) (?:found|held|concluded|ruled|denied|granted)\b")
REPORTED = re.compile(
    r"\b(?:argues?|argued|contends?|contended|asserts?|asserted|claims?|claimed|submits?|"
    # ("it cannot be said that ..." reports no one)
    r"maintains?|alleges?|alleged|testified|says|(?<!\bbe )(?<!\bbeen )said|told|urges?|"
    # the other side's answer: "The Department responds that ..."
    r"responds?|responded|replies|replied|answers|answered|counters?|countered|insists?|"
    r"insisted|"
    r"position is|concedes?|conceded|view is)"
    r"(?: (?:in|at|during) (?:closing|argument|the (?:last )?hearing))?"
    # "counsel argued the opposite, that ..."
    r"(?: (?:the (?:opposite|contrary|reverse)|otherwise|instead),?)? that\b"
    # the party's claim with "that" left out: "First, she says the two beatings ... amount to
    # persecution"
    r"|\b(?:he|she|they|counsel|the (?:department|government|respondent|applicant|dhs))(?:'s "
    r"(?:counsel|attorney|lawyer))? (?:says|argues|contends|claims|maintains|submits|urges)"
    # ("The Department says it was recruitment, plain and simple.")
    r"(?= (?:the|his|her|their|its|these|those|it|this)\b)"
    # a party's position with an aside before its verb: "the Department's position, as
    # counsel put it, is that ..."
    r"|\b(?:position|view|argument|contention|theory)\b,[^,;]{1,60}, is that\b"
    # a party's reading of the claim: "Counsel frames this as persecution on account of ..."
    r"|\b(?:counsel|the (?:respondent|applicant|department|government|dhs)(?:'s (?:counsel|"
    r"attorney|lawyer))?) (?:frames?|framed|characteri[sz]es?|characteri[sz]ed|casts?|cast|"
    r"presents?|presented|portrays?|portrayed) (?:this|it|the (?:claim|case|harm|threats?|"
    r"attacks?)|(?:his|her|their) (?:claim|case)) as\b"
    # ... or named by the party in a word: "His counsel calls this persecution on account of
    # religion."
    r"|\b(?:counsel|the (?:respondent|applicant|department|government|dhs)(?:'s (?:counsel|"
    r"attorney|lawyer))?|(?:his|her|their) (?:counsel|attorney|lawyer)) (?:calls?|called|"
    r"labels?|labell?ed|terms?|termed) (?:this|it|that|the (?:harm|threats?|attacks?|"
    r"beatings?|treatment|case))\b"
    # another tribunal's finding recounted: "the Board found that my earlier finding ..."
    r"|\bthe (?:board|circuit|court of appeals)\b(?: of immigration appeals)? (?:\w+ ){0,1}"
    r"(?:found|concluded|determined|ruled|held) that\b"
    # the Board's view on an earlier appeal, recounted on remand: "The Board faulted the
    # absence of those documents"
    r"|\bthe board\b(?: of immigration appeals)?(?:'s (?:order|decision|opinion))? (?:\w+ ){0,1}"
    r"(?:faulted|criticized|questioned|noted|observed|found|concluded|determined|ruled|held|"
    r"reversed|vacated|remanded|pointed to|took issue with|disagreed|agreed)\b"
    # another adjudicator's ruling recounted: "In 2019 Judge Ortiz denied asylum", "the
    # prior immigration judge pretermitted both applications"
    r"|\b(?:judge (?!(?:has|had|have|will|would|is|was|also|then|should|must)\b)[a-z][\w'-]+|"
    r"the (?:prior|previous|former|original|first|other) (?:immigration )?judge|my colleague)"
    # (an aside on the judge: "Judge Ortiz, now retired, found ...")
    r"(?:,[^,;]{1,60},)?"
    r"(?: (?:\w+ ){0,2}(?:had|has|also|then|originally|previously))? (?:found|denied|granted|"
    r"pretermitted|ordered|held|ruled|concluded|determined|rejected|sustained|wrote|stated|"
    r"said)\b"
    # the asylum office's decision recounted: "The asylum office has already approved you"
    r"|\b(?:the )?(?:asylum (?:office|officer)|uscis|citizenship and immigration services)\b"
    r"(?: (?:has|had|have|already|also|then|since))* (?:approved|granted|denied|referred|"
    r"found)\b"
    # a decision quoted: "..., and I quote, ..."
    r"|\b(?:and )?i quote\b"
    # "Nothing suggests that anyone would torture him" is the court's own finding
    # (nor what the record does or does not suggest: "nothing before me suggests that ...",
    # "nothing in this record suggests that ...")
    r"|(?<!nothing )(?<!nothing here )(?<!before me )(?<!record )(?<!evidence )"
    r"\bsuggest(?:s|ed)? that\b"
    # the respondent's account reported without "that": "She says soldiers arrested her"
    # (after a phrase of time or place: "At the interview she said her husband ...")
    # (not the court's own voice in the phrase: "On the whole I'm satisfied he told me the
    # truth")
    r"|^\s*(?:(?:at|in|during|on|before|when) (?:(?!\b(?:i|i'm|we)\b)[^,;]){1,40}?,? )?"
    # (a claim said not to be made reports nothing: "He claims no change in circumstances")
    r"(?:he|she|they|you|the respondent|the applicant) (?:says|said|claims(?! (?:no|none|"
    r"nothing)\b)|claimed|testified|"
    r"told (?:me|us|the court)(?: (?:yourself|himself|herself|themselves))?(?! the truth\b)"
    # the account recounted ("He described three visits by men who demanded a payment"), not
    # the manner of telling it ("She described the cell in specific detail"), nor a clause
    # of the court's own after it (", and her account lined up with the affidavit")
    r"|(?:described|recounted)(?![^.;]*(?:\b(?:consisten|detail|specific|credib|vague|plausib|"
    r"candid|clear|convinc|coheren|evasiv|contradict|steady|calm)|,\s*and\b)))\b(?! that)"
    # (the manner of testifying is the court's own judgment: "she testified credibly about")
    # (nor the way the testimony was given: "He testified through the Ukrainian interpreter,
    # and I have no reason to doubt what he told me")
    # (nor what she testified about, with the court's own clause after it: "She testified in
    # detail about the raid, and the police report corroborates it")
    r"(?<!testified(?= (?:credibly|truthfully|candidly|consistently|honestly|plausibly|through|"
    r"via|frankly|openly|sincerely|forthrightly|straightforwardly)\b|(?= (?:\w+ ){0,2}about\b"
    r"[^.;]*,\s*and\b(?! that\b))))"
    r"|\btold (?:the court|me|us|the (?:asylum )?officer|the judge|(?:his|her|their) \w+) that\b"
    # the respondent named with an aside before the verb: "The respondent, a thirty-one-year-old
    # man from Punjab, says BJP workers beat him"
    # (not the manner of testifying: "The respondent, from Nicaragua, testified credibly")
    r"|\bthe (?:respondent|applicant),[^,;]{1,80}, (?:says|claims|alleges|maintains|"
    r"testified(?! (?:credibly|truthfully|candidly|consistently|honestly|plausibly|frankly|"
    r"openly|sincerely)\b))\b"
    # this court's own earlier decision recounted: "In the prior decision this Court found no
    # past persecution."
    r"|" + PRIOR_DECISION.pattern +
    # the respondent's account in a relative or joined clause of the summary: "a man ... who
    # came in 2022 and says the security service detained him"
    r"|\b(?:and|who) (?:says|claims|alleges)\b(?! that)"
    r"|\b(?:according to|in (?:his|her|their) (?:view|closing|argument))\b"
    # the respondent's own reading of the harm: "she attributed everything to the gang"
    # (not the persecutors': "they punished him for the opinion they attributed to him")
    r"|(?<!\bthey )(?<!\bthat )(?<!\bwhich )\b(?:he|she|the respondent|the applicant) "
    r"(?:\w+ )?(?:attributed|attributes|blamed|blames)\b"
    # the claim's parts as the respondent frames them: "He proposes two groups: ..."; "She
    # fears her former husband's brothers, who swore revenge over a plot of land"
    r"|^\s*(?:(?:and|so|now),? )?(?:he|she|they|the respondent|the applicant) (?:proposes?|"
    r"proposed|puts? forward|advances?|advanced|identifies|identified|offers?|offered) "
    r"(?:\w+ ){0,3}(?:groups?|social groups?|grounds?|theor(?:y|ies)|formulations?)\b"
    r"|^\s*(?:(?:and|so|now),? )?(?:he|she|they|the respondent|the applicant) (?:fears?|feared) "
    r"(?:the|his|her|their|members of)\b(?! (?:\w+ )?(?:fear|persecution|harm|return)\b)"
    r"(?![^.;]*,\s*(?:and|but)\b)"  # (not the court's clause joined: "..., and that fear is ...")
    # the ground an application rests on, as the respondent puts it: "She seeks asylum based
    # on threats from a gang that wanted rent from her stall"
    r"|\b(?:seeks?|sought|applies|applied|asks?|asked|requests?|requested) (?:for )?(?:asylum|"
    r"withholding|protection|relief)\b[^.;]*?\b(?:based on|on the basis of|arising from|"
    r"grounded in|resting on)\b"
    # a party's argument named as a noun: "the Department's main argument, which is that the
    # respondent's story is too vague to be believed"
    r"|\b(?:argument|contention|submission|position|theory)s?,? (?:which|that) (?:is|was) that\b"
    # the claim put as the respondent's: "His claim is that soldiers beat him because ..."
    r"|\b(?:his|her|their|the respondent's|the applicant's) (?:claim|case|account|story|"
    r"theory|contention) (?:is|was) that\b"
    # a party's request or argument, with or without "that" ("The Department urges an adverse
    # credibility finding", "Counsel for the respondent says her client was credible")
    # (an argument not made reports nothing: "The Department has not argued otherwise, so
    # the deadline is no obstacle")
    r"|\b(?:department|government|dhs|counsel|the defense)(?:'s)? (?:(?!(?:not|never)\b)\w+ ){0,3}"
    r"(?:urges?|asks?|"
    r"argues?|argued|contends?|contended|says|said|submits?|submitted|maintains?|maintained|"
    r"seeks?|requests?|requested|invites?|proposes?|proposed|suggests?|suggested|view is|"
    # ("The Department pointed to his hesitation about the date")
    r"points? to|pointed to|relies on|relied on|"
    r"position is)\b")


# Where the court turns from what a party said to its own view ("Counsel suggested that
# letters were needed, but no further proof of that is required").
CONTRAST = re.compile(r"[;:]|\b(?:but|however|yet)\b"
                      # the court's own ruling joined to the report ("She did not claim that
                      # anyone would torture her, and the Convention claim is denied")
                      # (or drawn from it: "Nothing ... suggests that any official would
                      # torture him, so his request under the Convention is denied")
                      r"|,\s*(?:and|so) (?=(?:the|her|his|their|this|that|its) (?:\w+ ){0,4}"
                      r"(?:is|are) "
                      r"(?:hereby |therefore |also |likewise )?(?:granted|denied|pretermitted)\b)"
                      # (or the presumption the report leaves standing: "did not argue that she
                      # could move elsewhere, so the presumption stands unrebutted")
                      r"|,\s*so (?=the presumption\b)")


# Speech recognition writes no punctuation, so an account reported without "that" runs on
# from the sentence before: "... filed in twenty twenty two he says he didn't know ...".
RUN_ON_REPORT = re.compile(r"\b(?:he|she|they) (?:says|said|claims|claimed|testified) "
                           r"(?:he|she|they)\b")
INNER_PUNCTUATION = re.compile(r"[,;:]")
# ... and the court's own conclusion ends it: "she says she did not know about the deadline
# ... so the asylum application is pretermitted"
RUN_ON_CONCLUSION = re.compile(
    r"\b(?:so|therefore|which means|and so|for that reason) (?:the |her |his |their )?(?:\w+ ){0,3}"
    r"(?:is|are|must be|will be) (?:hereby |therefore |also )?(?:granted|denied|pretermitted|"
    r"barred)\b"
    # "she said they called her a golpista and a traitor so it was because of her political
    # opinion that they did this"
    r"|\bso (?:it|this|that|all of (?:it|this)) (?:was|is|were) (?:\w+ )?because\b")


# ... and so does the court speaking for itself: "he testified the police work for them he
# was credible i have no reason to doubt him"
RUN_ON_OWN_VOICE = re.compile(r"\b(?:i|the court) (?:have|find|found|believe|accept|credit|do not|"
                              r"don't|did not|didn't|see|saw|am)\b|\bi'm\b")


QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')


def is_reported(norm: str, at: int | None = None) -> bool:
    """The sentence reports what someone else says ("The Department argues that his
    omissions damage his credibility"), unless the court also finds something in it. With
    ``at`` (an offset): whether the words there are reported, the report reaching up to a
    contrast ("..., but no further proof is required")."""
    # (not a finding quoted from another decision: 'the prior judge wrote, and I quote, "...
    # the Court finds him not credible"')
    # (nor this court's own earlier decision recounted: "In the prior decision this Court
    # found no past persecution.")
    unquoted = QUOTED.sub(lambda m: " " * len(m.group()), norm)
    if FIRST_PERSON_FINDING.search(PRIOR_DECISION.sub(lambda m: " " * len(m.group()), unquoted)):
        return False
    if not INNER_PUNCTUATION.search(norm):
        run_on = RUN_ON_REPORT.search(norm)
        ends = RUN_ON_CONCLUSION.search(norm, run_on.end()) if run_on else None
        if run_on and ends:
            return at is not None and run_on.start() <= at < ends.start()
        if run_on and (at is None or run_on.start() <= at):
            return True
    if at is None:
        return bool(REPORTED.search(norm))
    turns = [(c.start(), c.end()) for c in CONTRAST.finditer(norm)]  # (a turn looks ahead)
    if not INNER_PUNCTUATION.search(norm):
        turns += [(c.start(), c.start()) for c in RUN_ON_OWN_VOICE.finditer(norm)]
    return any(m.start() <= at and not any(m.end() <= a and b <= at for a, b in turns)
               for m in REPORTED.finditer(norm))


HYPOTHETICAL = re.compile(
    r"^\s*(?:(?:and|but|so|now),? )?(?:even )?(?:if|unless|assuming|supposing|were|had)\b[^,;]*,"
    r"[^;]*\b(?:would|might|could)\b"
    # a concession opens the sentence: "Even if the group were cognizable, the claim fails"
    r"|^\s*(?:(?:and|but|so|now),? )?(?:even if|even assuming|even were|even had|assuming|"
    r"supposing)\b"
    r"[^;]*,")


def is_hypothetical(norm: str) -> bool:
    """The sentence opens with a condition and its main clause is in the conditional ("If I
    were to find her credible, the next question would be nexus"): no finding the
    classifier may read into it (the lexicon drops what sits in the condition itself)."""
    return bool(HYPOTHETICAL.search(norm))


OFFER = re.compile(
    r"\b(?:you|he|she|they|the respondent|either (?:party|side)|each (?:party|side)|both (?:"
    r"parties|sides)) (?:can|may|could|have|has|will have) (?:the (?:right|option|choice) to )?"
    r"(?:accept|appeal|reserve|waive)\b"
    # the choice still to be made: "your lawyer will tell me whether you want to appeal"
    r"|\bwhether (?:or not )?(?:you|he|she|they|the respondent) (?:want|wants|wish|wishes|"
    r"intend|intends|would like) to (?:appeal|reserve|waive)\b")


def is_offer(norm: str) -> bool:
    """The court explains a choice ("You can accept my decision as final, or you can appeal
    to the Board"): no party has reserved or waived anything yet."""
    return bool(OFFER.search(norm))


def is_standard(norm: str, at: int | None = None) -> bool:
    """The sentence states the law rather than applying it, and holds no finding of the
    court's own ("I find", "the Court concludes"). With ``at`` (an offset): whether the words
    there are in that statement; a question left open does not reach the reason the court
    gives for leaving it open."""
    if FIRST_PERSON_FINDING.search(norm) or COURT_OBLIGED.search(norm):
        return False
    for p in STANDARD:
        m = p.search(norm)
        if m is None:
            continue
        if (p is not OPEN_QUESTION and at is not None and m.start() > at
                and LATER_CLAUSE.search(norm, at, m.start())):
            continue  # "the harm was not because of your politics, ..., and the law only
            # protects people who ...": the law stated after the finding, in a clause of its own
        if (p is not OPEN_QUESTION and at is not None and m.end() <= at
                and CONCLUDED.search(norm, m.end(), at)):
            continue  # "The law says you have to ask within one year ..., so you asked too
            # late.": the law stated, then applied in a conclusion of its own
        if p is OPEN_QUESTION and at is not None and at > m.end() and OWN_REASON.search(
                norm, m.end(), at):
            continue
        if p is OPEN_QUESTION and ANSWERED.search(norm, m.end()):
            continue
        return True
    return False
