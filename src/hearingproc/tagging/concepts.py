"""Lexicon rules for findings stated without their label's usual words (issue 17).

Decisions often state a finding through what it consists of rather than by its name: the
ground named as the reason for the harm ("his faith was the reason"), harm called persecution
without "past", the presumption of future persecution left standing, documents that "bear
out" the account, testimony given weight, the filing's lateness counted in months from entry,
the torture finding itself. Each rule keys on such a concept and its structure, never on one
excerpt's wording; :mod:`hearingproc.tagging.lexicon` appends them to its rules.
"""

from __future__ import annotations

import re

from hearingproc.tagging.rules import TESTIMONY as _TESTIMONY
from hearingproc.tagging.rules import Hit, Rule
from hearingproc.tagging.rules import rules as _rules

# what is offered to rebut or contradict is no corroboration of the account
_NOT_REBUTTAL = r"(?! (?:to|that would|which would) (?:rebut|contradict|counter|undermine|show))"
# a piece of evidence named, before what the court says of it
_EVIDENCE = (r"\b(?:evidence|documents?|documentation|letters?|records?|affidavits?|reports?|"
             r"citations?|certificates?|photographs?|videos?|exhibits?|statements?|proof|"
             r"corroborat\w*)\b")

_AFTER = (r" (?:later|after (?:\w+ ){0,3}(?:arriv\w*|entry|entering|entered|cross\w*|"
          r"coming))\b")
# (the tens take only a unit after them: "march of twenty twenty ten months after he arrived"
# is a year and ten months)
_LATE = (r"(?:\b(?:(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
         r"thirty|forty)(?: (?:one|two|three|four|five|six|seven|eight|nine))?|1[3-9]|[2-9]\d) "
         r"months" + _AFTER
         + r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]) (?:full )?years" + _AFTER
         + ")")
_ENTRY = _AFTER.replace("later|", "")  # "later" may count from another event than entry
_EARLY = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|a few|several|"
          r"[1-9]|1[01]) months")
_FILED = r"\b(?:(?:fil|appl|lodg|submit)\w*|went in|came in)\b"
# the asylum claim filed (not a police report): "applied", or a filing of the application
_FILED_CLAIM = rf"(?:\bappl(?:y|ied|ying)\b|{_FILED}[^.;]{{0,40}}\b(?:asylum|application|i 589)\b)"
# an exception's circumstances, or a "but" that brings them ("filed fourteen months after she
# arrived, but she was in the hospital ...")
_NO_EXCEPTION = r"(?![^.]*\b(?:circumstances?|but)\b)"
# a statement or declaration by someone else: the respondent's own ("his declaration says
# nothing about politics") corroborates nothing, whatever it leaves out
_OTHERS_STATEMENT = (r"(?<!\bhis\x20)(?<!\bher\x20)(?<!\btheir\x20)(?<!\bown\x20)"
                     r"(?<!respondent's\x20)(?<!applicant's\x20)(?:statements?|declarations?)")

CONCEPT_RULES: list[Rule] = [
    # testimony given weight, object first: "I give his testimony full weight"
    *_rules("credibility", "positive",
            (rf"\b(?:give|gives|giving|gave|accord|accords|afford|affords) (?:his|her|their|the "
             rf"respondent's|the applicant's) (?:\w+ ){{0,1}}{_TESTIMONY} (?:full|great|"
             rf"significant|considerable|substantial) weight\b"),
            name="weight"),
    # the account accepted, object first: "His account of the raid itself I accept"; the
    # witness's manner judged: "the vagueness struck me as honest rather than evasive"; an
    # account "hard to invent"
    *_rules("credibility", "positive",
            (rf"^\s*(?:(?:but|and|so),? )?(?:his|her|their|the respondent's|the applicant's) "
             rf"{_TESTIMONY}\b[^,;.]{{0,60}}? (?:i|the court|this court) (?:\w+ )?"
             rf"(?:accept|accepts|believe|believes|credit|credits)(?=\s*(?:[;.,!]|$))"),
            (r"\b(?:struck|strikes|impressed|impresses) (?:me|the court|this court) as "
             r"(?:\w+ ){0,1}(?:honest|candid|sincere|truthful|genuine|forthright|credible|"
             r"straightforward)\b"),
            (r"\b(?:hard|difficult|impossible) (?:\w+ ){0,1}to (?:invent|fabricate|make up|concoct|"
             r"fake)\b"),
            priority=3, negatable=False, name="concept"),
    *_rules("credibility", "adverse",
            (rf"\b(?:give|gives|giving|gave|accord|accords|afford|affords) (?:his|her|their|the "
             rf"respondent's|the applicant's) (?:\w+ ){{0,1}}{_TESTIMONY} (?:little|no|limited|"
             rf"minimal|diminished|reduced) weight\b"),
            # the flaws themselves at the heart: "they go to the heart of it"
            # (not a relative clause on "nothing": "nothing that goes to the heart of the claim")
            (r"(?<!\bnothing\x20)(?<!\bnone\x20)\b(?:they|these|those|this|that|it|each) "
             r"(?:\w+ ){0,2}(?:go|goes|went) to the heart\b"),
            negatable=False, priority=2, name="weight"),
    # documents that bear out the account: "the reports bear out what he described",
    # "it was borne out by the news reports", "the letter matches her account"
    *_rules("corroboration", "sufficient",
            (r"\b(?:bears?|bore|borne) out (?:what (?:he|she|they) (?:described|said|told|"
             r"testified)|(?:his|her|their|the respondent's|the applicant's) (?:\w+ ){0,1}"
             r"(?:account|testimony|claim|story|description))\b"),
            r"\b(?:it|which|this|that) (?:is|was) (?:\w+ ){0,1}borne out by\b",
            (r"\b(?:letters?|records?|reports?|affidavits?|declarations?|documents?|certificates?|"
             r"photographs?|exhibits?) (?:[\w']+ ){0,8}(?:match|matches|matched|square with|"
             r"squares with|line up with|lines up with|tally with|tallies with|fit|fits|"
             r"support|supports|corroborate|corroborates) (?:his|her|"
             r"their|the) (?:\w+ ){0,1}(?:account|testimony|claim|story|description)\b"),
            # the account as what was said: "all line up with what he told me"
            (r"\b(?:match|matches|matched|square with|squares with|line up with|lines up with|"
             r"tally with|tallies with|fit|fits|bear out|bears out|support|supports) what "
             r"(?:he|she|they) (?:told|described|said|testified|recounted|reported)\b"),
            # a document shown genuine: "the arrest warrant he produced was authenticated"
            (r"\b(?:warrant|summons|letters?|records?|certificates?|documents?|card|judgment|"
             r"notice|report) (?:[\w']+ ){0,3}(?:was|were|has been|have been) (?:\w+ ){0,1}"
             r"authenticated\b"),
            # "..., all translated, support her story more than adequately"
            (r"\b(?:support|supports|supported|corroborate|corroborates|corroborated) (?:his|"
             r"her|their|the respondent's|the applicant's) (?:account|story|testimony|claim) "
             r"(?:more than |quite |entirely )?(?:adequately|amply|fully|well|sufficiently)\b"),

            (r"\b(?:documentary|documented|corroborating|supporting) (?:support|evidence|proof|"
             r"record) (?:\w+ ){0,2}(?:is|was|are|were) (?:\w+ ){0,1}(?:adequate|sufficient|"
             r"enough|ample)\b")),
    # no more asked for, the "nothing" stating the finding: "I need nothing more in the way
    # of documents", "I require nothing further in the way of corroboration"
    *_rules("corroboration", "sufficient",
            (r"\b(?:need|needs|require|requires|want|expect) nothing (?:more|further|else) in "
             r"the way of (?:documents|documentation|proof|corroboration|evidence|records)\b"),
            # the same in the passive: "nothing more in the way of proof is called for", "the
            # letters are in the record, and nothing more is needed"
            (r"\bnothing (?:more|further|else) in the way of (?:documents|documentation|proof|"
             r"corroboration|evidence|records) (?:is|was|would be) (?:\w+ ){0,1}(?:needed|"
             r"necessary|required|called for)\b"),
            (r"\b(?:evidence|documents?|documentation|letters?|records?|affidavits?|"
             r"photographs?|corroborat\w*)\b[^.]{0,80}\bnothing (?:more|further|else) (?:is|was|"
             r"would be) (?:\w+ ){0,1}(?:needed|necessary|required|called for)\b"),
            # "The pastor's testimony and the baptism certificate confirm the conversion, and
            # I require nothing further."
            (r"\b(?:documents?|documentation|letters?|records?|affidavits?|certificates?|"
             r"photographs?|corroborat\w*)\b[^.;]{0,80}\b(?:i|the court) (?:need|needs|require|"
             r"requires|ask for|asks for) nothing (?:more|further|else)(?: (?:on|about) (?:that|"
             r"this) (?:score|point|issue)| to (?:support|corroborate|back up|bear out|confirm) "
             r"(?:[\w']+ ){0,3}?(?:account|testimony|claim|story|it))?\s*(?:[.;]|$)"),
            # "... are consistent with what he told us, and I see no need for anything further"
            (r"\b(?:documents?|documentation|letters?|records?|affidavits?|certificates?|"
             r"statements?|photographs?|corroborat\w*)\b[^.;]{0,120}\b(?:i|the court) (?:see|sees) "
             r"no (?:need|reason) (?:for|to (?:require|ask for|demand)) (?:anything|any) (?:more|"
             r"further|else)\b"),
            negatable=False, priority=3, name="nothing_more"),
    # the papers named, then more denied to be a fair demand: "The letters are in the record,
    # and I do not think more could reasonably be asked of him"; "I could not fairly expect
    # anything further from her"; "nothing else can be required of him"
    *_rules("corroboration", "sufficient",
            (rf"{_EVIDENCE}[^.]{{0,120}}\b(?:not|n't|never|hardly)\b (?:\w+ ){{0,3}}(?:more|"
             r"anything (?:more|else|further)) (?:could|can|should|would|might) (?:\w+ ){0,1}be "
             r"(?:asked|expected|required|demanded|sought|requested) (?:of|from)\b"),
            (rf"{_EVIDENCE}[^.]{{0,120}}\bnothing (?:more|further|else) (?:could|can|should|"
             r"would|might) (?:\w+ ){0,1}be (?:asked|expected|required|demanded|sought|requested) "
             r"(?:of|from)\b"),
            (rf"{_EVIDENCE}[^.]{{0,120}}\b(?:could not|cannot|can't|couldn't|would not|wouldn't) "
             r"(?:\w+ ){0,1}(?:ask|expect|require|demand) (?:\w+ ){0,2}(?:more|anything (?:more|"
             r"else|further))\b"),
            negatable=False, priority=3, name="no_more_asked"),
    # the account alone said to carry the claim, a negation reading it ("I cannot find that
    # his testimony, standing alone, carries his claim": the evidence is missing)
    *_rules("corroboration", "sufficient",
            (r"\b(?:testimony|account|word|story),? (?:standing |by itself |on its own )?alone,? "
             r"(?:\w+ ){0,1}(?:carries|carry|carried|suffices|suffice|sufficed|is enough|was "
             r"enough|meets|meet|satisfies|satisfy|sustains|sustain)\b"),
            priority=2, name="alone"),
    # evidence asked for and none produced: "the Court gave him the opportunity to submit a
    # statement from the cousin, and nothing was submitted"; "she produced none of them"
    # (not the Department's rebuttal: "DHS has offered nothing to rebut the presumption")
    *_rules("corroboration", "insufficient",
            (rf"{_EVIDENCE}[^.]{{0,160}}\b(?:nothing|none|neither|no such \w+)(?: of (?:them|"
             r"it|these|those))? (?:was|were|has been|have been|had been|is|came|arrived) "
             r"(?:ever |then |since )?(?:submitted|produced|filed|provided|presented|offered|"
             r"received|forthcoming|in)\b" + _NOT_REBUTTAL),
            (rf"{_EVIDENCE}[^.]{{0,160}}(?<!department\s)(?<!government\s)(?<!dhs\s)\b(?:has|have|"
             r"had|he|she|they) (?:\w+ ){0,1}(?:submitted|produced|filed|provided|presented|"
             r"offered|brought) (?:nothing|none|neither)\b" + _NOT_REBUTTAL),
            # the papers' absence left unexplained: "he has not explained why they were
            # unavailable" (the question the law asks of missing corroboration)
            (r"\b(?:has|have|had|did)(?: not|n't) (?:\w+ )?(?:explained|explain|accounted for|"
             r"account for) why (?:[\w']+ ){1,6}?(?:was|were|is|are)(?: not|n't)? (?:\w+ )?"
             r"(?:unavailable|available|obtainable|unobtainable|submitted|provided|produced)\b"),
            negatable=False, priority=3, name="not_produced"),
    # the court asking for a named piece of evidence: "I am going to require that she obtain
    # a statement from him"
    *_rules("corroboration", "required",
            (r"\b(?:requir\w*|expect\w*|direct\w*|order\w*) (?:that )?(?:him|her|them|he|she|they|"
             r"the respondent|the applicant|counsel) (?:to )?(?:obtain|produce|submit|provide|"
             r"get|bring|file)\w* (?:a |an |the |some |any )?(?:\w+ ){0,2}(?:statement|letter|"
             r"affidavit|declaration|documents?|documentation|records?|report|certificate|"
             r"evidence)s?\b"),
            priority=2, name="named"),
    # the reason for the harm named as a reason: "his faith was the reason", "they punished
    # him for the opinion they attributed to him", "held for worshipping in an unregistered
    # church", "the threats were made because of his political activity"
    *_rules("nexus", "established",
            (r"\b(?:his|her|their|the respondent's|the applicant's) (?:\w+ ){0,2}(?:faith|"
             r"religion|beliefs?|politics|opinions?|views|ethnicity|race|nationality|"
             r"membership|activism|political \w+|religious \w+|union \w+) (?:was|were|is|are) "
             r"(?:\w+ ){0,2}(?:the|a|one|their) (?:\w+ ){0,1}(?:reason|motive|cause)\b"),
            (r"\b(?:opinions?|beliefs?|views?|politics|loyalt\w+|sympath\w+) (?:\w+ ){0,3}"
             r"attribut\w* to (?:him|her|them)\b"),
            (r"\b(?:because of|for) (?:his|her|their) (?:\w+ ){0,1}(?:political (?:activit\w*|"
             r"work|views?|beliefs?|activism|involvement)|religious (?:activit\w*|beliefs?|"
             r"practice|faith)|faith|religion|ethnicity|activism|opposition to)\b"),
            (r"\b(?:held|detained|arrested|jailed|imprisoned|beaten|beat|targeted|punished|"
             r"attacked|threatened|persecuted|tortured|harmed|hunted) (?:\w+ ){0,3}(?:for|"
             r"because) (?:he |she |they )?(?:\w+ ){0,1}(?:worship\w*|pray\w*|preach\w*|"
             r"protest\w*|marched|marching|demonstrat\w*|campaign\w*|criticiz\w*|criticis\w*|oppos\w*|"
             r"speaking out|spoke out|denounc\w*|evangeli\w*|convert\w*)\b"),
            (r"\b(?:it|this|that|the harm|the abuse|the beating|the detention) was (?:\w+ ){0,1}"
             r"(?:for|because of) (?:her|his|their )?(?:oppos\w*|criticiz\w*|criticis\w*|"
             r"protest\w*|political|religio\w*|faith|ethnicity)\b"),
            r"\bis the reason for the (?:harm|abuse|beatings?|violence|persecution|attacks?)\b",
            # "the attackers' own words tie it directly to his public opposition to the ELN"
            (r"\b(?:tie|ties|tied|link|links|linked|connect|connects|connected) (?:it|them|the "
             r"(?:harm|attacks?|shooting|beatings?|threats?|detention|abuse)) (?:directly |"
             r"squarely |clearly |plainly )?to (?:his|her|their) (?:\w+ ){0,2}(?:opposition|"
             r"opinions?|politics|political \w+|religio\w*|faith|membership|ethnicity|race|"
             r"nationality|activism|clan|tribe)\b"),
            # the ground as what moved the persecutor: "It was his opposition to the regime,
            # expressed in that video, that drove the detentions"; "her faith prompted the
            # raids"
            (r"\b(?:opposition|opinions?|views?|politics|faith|religion|beliefs?|ethnicity|"
             r"activism|membership|criticism|dissent|sexual orientation)\b[^.;]{0,60}\b(?:drove|"
             r"drives|driving|motivated|motivates|prompted|prompts|provoked|provokes|triggered|"
             r"triggers|lay behind|lies behind|was behind|is behind) (?:\w+ ){0,2}(?:detentions?|"
             r"arrests?|beatings?|attacks?|threats?|harm|abuse|persecution|mistreatment|raids?|"
             r"violence|torture)\b"),
            # an act as the expression of an opinion: "his refusal expressed a political
            # opinion" (negated by "I am not convinced that ...")
            (r"\b(?:refusal|act|conduct|protest|desertion|speech|post|posts) (?:\w+ ){0,2}"
             r"(?:expressed|was an expression of|amounted to) (?:a|an|his|her|their) "
             r"(?:\w+ )?(?:political )?opinion\b"),
            # a ground imputed: "a political opinion is imputed to him"
            (r"\b(?:opinions?|beliefs?|views?|politics|loyalt\w+|sympath\w+) (?:\w+ ){0,3}"
             r"imput\w* to (?:him|her|them)\b"),
            # the ground as why: "her faith is why she was charged", "that view of his
            # loyalties is why they want him"
            (r"\b(?:faith|religion|beliefs?|opinions?|views?|politics|loyalt\w+|ethnicity|race|"
             r"nationality|membership|sexual orientation|family (?:tie|relationship|connection)s?"
             r"|kinship) (?:[\w']+ ){0,3}(?:is|was|are|were) (?:the (?:reason )?|exactly |"
             r"precisely )?why (?:he|she|they)\b"),
            # "The family tie was the point of the attack"
            (r"\b(?:family (?:tie|relationship|connection)|kinship|faith|religion|opinion|"
             r"ethnicity|membership) (?:was|were|is) the (?:whole |very )?point\b"),
            # "it was plainly tied to the political views she broadcast" ("not tied to":
            # the negation flips it)
            (r"\b(?:tied|linked|connected|related|attributable|traceable) to (?:\w+ ){0,2}"
             r"(?:political (?:views?|opinions?|activit\w*|beliefs?|work|allegiance)|politics|"
             r"religio\w*|faith|ethnicity|race|nationality|membership|clan|tribe)\b"),
            # the ground as the reason, named after it: "the only reason for it was his faith"
            (r"\bthe (?:only|sole|real|main|central|one|true) (?:reason|motive|cause)(?: (?:for|"
             r"behind) (?:it|this|that|the \w+))? (?:was|is|were) (?:his|her|their|the "
             r"respondent's|the applicant's) (?:\w+ )?(?:faith|religion|beliefs?|politics|"
             r"opinions?|views|ethnicity|race|nationality|membership|clan|activism|identity)\b"),
            # "his status as a witness who testified in open court was the reason"
            (r"\b(?:his|her|their) (?:status|role|work|position|identity) as "
             r"(?:an? )?[^,;.]{1,60}? "
             r"(?:was|is|were) (?:\w+ ){0,2}the (?:\w+ )?(?:reason|motive|cause)\b"),
            # "he was being punished for his work for the Congress"
            (r"\b(?:punish\w*|target\w*|attack\w*|beat\w*|detain\w*|abduct\w*|threaten\w*) "
             r"(?:\w+ ){0,2}for (?:his|her|their) "
             r"(?:political )?(?:work|activit\w*|membership|role|"
             r"involvement|campaigning) (?:for|with|in) (?:the )?"
             r"(?:\w+ ){0,2}(?:party|congress|league|"
             r"movement|opposition|front|union|alliance|coalition)\b"),
            # "it was punishment for a perceived political allegiance"
            (r"\b(?:punishment|retaliation|reprisal|revenge|retribution) for (?:a |an |his |her |"
             r"their )?(?:perceived |imputed |suspected |actual )?(?:political|religious) "
             r"(?:allegiance|opinion|views?|beliefs?|activit\w*|loyalt\w*|affiliation)\b"),
            # the ground named as the nexus: "so the nexus is political opinion"
            (r"\bnexus (?:here |in this case )?(?:is|was) (?:to )?(?:his |her |their |an? )?"
             r"(?:imputed |actual )?(?:political opinion|religion|nationality|race|membership|"
             r"ethnicity|particular social group)\b"),
            # the ground as what endangers: "it is precisely her membership in that group that
            # puts her in danger"; "his faith is what placed him at risk"
            (r"\b(?:faith|religion|beliefs?|opinions?|views?|politics|ethnicity|race|nationality|"
             r"membership|sexual orientation|family (?:tie|relationship|connection)s?|kinship)\b"
             r"[^.;]{0,60}\b(?:puts?|placed|places|exposes|exposed|makes|made|marks|marked) "
             r"(?:her|him|them) (?:in danger|at risk|in harm's way|a target)\b"),
    ),
    # a group named cognizable, its negation read inside ("Gay men in Russia are a particular
    # social group"; "those who inform are not, on this record, a cognizable group")
    *_rules("nexus", "established",
            (r"\b(?:are|is|constitutes?|form|forms)(?: not)?(?:,[^,]{0,30},)? a (?:cognizable|"
             r"valid|legally cognizable|particular social) (?:particular social )?group\b"),
            priority=2, name="group"),
    # a document silent on the point: "a letter from a cousin that does not mention the
    # arrest", "the certificate says nothing of the marriage"
    *_rules("corroboration", "insufficient",
            (r"\b(?:letters?|certificates?|documents?|records?|affidavits?|reports?|"
             + _OTHERS_STATEMENT
             + r")\b(?:[^.;]{0,60}\b(?:that|which|it|they))? (?:does|do|did) not "
             r"(?:mention|refer to|describe|corroborate)\b"),
            (r"\b(?:letters?|certificates?|documents?|records?|affidavits?|reports?|"
             + _OTHERS_STATEMENT
             + r")\b[^.;]{0,80}\b(?:says|said|mentions|mentioned) nothing (?:of|"
             r"about)\b"),
            negatable=False, priority=2, name="silent"),
    # the papers filed too weak to carry the account: "the letters she filed are not enough to
    # support her account", "the evidence you brought me is insufficient to carry your burden"
    *_rules("corroboration", "insufficient",
            (r"\b(?:(?:letters?|certificates?|documents?|records?|affidavits?|exhibits?|papers|"
             r"photographs?)|evidence (?:\w+ ){1,2}(?:submitted|filed|provided|presented|brought|"
             r"gave|offered))\b[^.;]{0,80}\b(?:is|are|was|were) (?:(?!not\b)\w+ ){0,1}"
             r"(?:not enough|insufficient|not sufficient|inadequate) to (?:\w+ ){0,1}"
             r"(?:support|carry|corroborate|rehabilitate|back up|bolster|prove)\b"),
            negatable=False, priority=2, name="papers"),
    # the same denied ("the letters are not insufficient to corroborate it"): they suffice
    *_rules("corroboration", "sufficient",
            (r"\b(?:is|are|was|were) (?:not|hardly|by no means) (?:insufficient|inadequate) to "
             r"(?:\w+ ){0,1}(?:support|carry|corroborate|back up|bolster|prove)\b"),
            negatable=False, priority=3, name="litotes"),
    # the account backed by a named piece of evidence: "credible and corroborated by the
    # police report" ("not corroborated" is read above)
    *_rules("corroboration", "sufficient",
            (r"\b(?:and|is|was|are|were|been|well|fully|amply|largely) corroborated by "
             r"(?:the |his |her |their |a |an |two |several )?(?:\w+ ){0,2}(?:reports?|letters?|"
             r"documents?|records?|affidavits?|declarations?|testimony|articles?|certificates?|"
             r"photographs?|evidence|witness\w*)\b"),
            name="by"),
    # evidence reasonably available and missing: "its absence is not explained"
    *_rules("corroboration", "insufficient",
            (r"\b(?:its|their|the) absence (?:is|was|has been|remains) (?:not|never|left) "
             r"(?:\w+ )?(?:explained|accounted for)\b"),
            r"\b(?:its|their|the) absence (?:is|was|remains) unexplained\b",
            # the absence weighed: "its absence counts against him"
            (r"\b(?:its|their|that|the) absence (?:\w+ ){0,1}(?:matters|counts|weighs|tells|"
             r"hurts|is telling)\b"),
            # the account left alone: "her word alone does not suffice", "his testimony alone
            # is not enough"
            (r"\b(?:testimony|account|word|story) alone (?:is not|isn't|was not|wasn't|does not|"
             r"doesn't|cannot|can't) (?:\w+ ){0,1}(?:enough|sufficient|suffice|adequate|carry)\b"),
            # nothing to back it: "with nothing from anyone to back it up"
            # (not the Department's own suggestion left unsupported: "The Department suggests
            # the summons is a forgery. It offered nothing to back that up")
            (r"(?<!\bit\soffered\s)(?<!\bit\sprovided\s)(?<!department\soffered\s)"
             r"(?<!government\soffered\s)(?<!\bdhs\soffered\s)"
             r"\bnothing (?:[\w']+ ){0,12}to (?:back|shore) (?:it|this|that|any of it) up\b"),
            # "its absence leaves his testimony unsupported"
            (r"\b(?:leaves|left|leaving) (?:his|her|their|your|the respondent's|the applicant's|"
             r"the) (?:\w+ )?(?:testimony|account|claim|story) (?:\w+ )?(?:unsupported|"
             r"uncorroborated|unconfirmed)\b"),
            negatable=False, priority=3, name="absent"),
    # the account resting on more than the respondent's word: "on that point his account does
    # not rest on his word alone"
    *_rules("corroboration", "sufficient",
            (r"\b(?:does not|doesn't|did not|didn't|no longer|need not) rests? (?:\w+ ){0,2}on "
             r"(?:his|her|their|your|the respondent's|the applicant's) (?:own )?(?:word|"
             r"testimony|say so) alone\b"),
            negatable=False, priority=3, name="more_than_word"),
    *_rules("corroboration", "sufficient",
            # the papers "give solid support to her testimony" ("give strong support.")
            (r"\b(?:give|gives|gave|given|giving|lend|lends|lent|provide|provides|provided) "
             r"(?:\w+ )?(?:solid|strong|ample|substantial|considerable|firm|significant|"
             r"meaningful|powerful|good) (?:\w+ )?support\b"
             r"(?= (?:to|for) (?:\w+ ){0,2}(?:testimony|account|claim|story)\b|\s*(?:[.;!]|$))"),
            priority=3, name="support"),
    # the papers enough for what they prove: "the badge and the emails he produced are enough to
    # establish the employment" ("not enough to show": the negation flips it)
    *_rules("corroboration", "sufficient",
            (r"\b(?:documents?|documentation|letters?|records?|badges?|e ?mails?|messages?|papers|"
             r"photographs?|certificates?|affidavits?|exhibits?|cards?|receipts?|contracts?)\b"
             r"[^.;]{0,60}\b(?:are|is|was|were) (?:\w+ )?(?:enough|sufficient|adequate) to "
             r"(?:establish|prove|show|support|corroborate|confirm|document)\b"),
            priority=2, name="enough_to"),
    # evidence that fills the gaps in the account, or does not ("no document fills that gap")
    *_rules("corroboration", "sufficient",
            (r"\b(?:evidence|documents?|records?|letters?|affidavits?|reports?|exhibits?|"
             r"certificates?|submitted|submissions?|filed)\b[^.;]{0,60}\b(?:fill|fills|filled|"
             r"filling|close|closes|closed|bridge|bridges|bridged) (?:in )?(?:the|those|these|"
             r"that|any|its|his|her|their) (?:\w+ ){0,1}gaps?\b"),
            priority=2, name="gaps"),
    # the account supported by named documents: "her testimony is supported by the
    # hospital's records"
    *_rules("corroboration", "sufficient",
            (r"\b(?:testimony|account|story|claim) (?:\w+ ){0,3}(?:is|was|are|were) (?:\w+ ){0,1}"
             r"(?:supported|corroborated|confirmed) by (?:the|a|an|his|her|their|two|three|"
             r"several) (?:\w+ ){0,2}(?:documents?|records?|letters?|reports?|indictment|decree|"
             r"warrant|summons|certificates?|affidavits?|photographs?|articles?|judgment)\b"),
            priority=2, name="supported"),
    *_rules("nexus", "not_established",
            (r"\bno (?:protected |statutory |enumerated )?ground (?:\w+ ){0,3}(?:was|is|were) "
             r"(?:a|the|one) (?:\w+ ){0,2}reason\b"),
            negatable=False, priority=3, name="no_ground"),
    *_rules("nexus", "not_established",
            (r"\b(?:played|plays|had|has) no (?:\w+ ){0,1}(?:part|role) in (?:why|the reason|"
             r"(?:the|their|his|her) (?:decision|choice|targeting|motive))\b"),
            negatable=False, priority=2, name="no_part"),
    # harm named as persecution without "past": "she suffered persecution", "nothing short of
    # persecution", "harm of the severity the statute contemplates"
    *_rules("past_persecution", "established",
            r"\b(?:suffered|endured|experienced) (?:\w+ ){0,1}persecution\b",
            # harm already suffered, named as persecution on a ground: "her detention for
            # her religious practice was persecution on account of her religion"
            (r"\b(?:detentions?|imprisonment|beatings?|torture|abuse|mistreatment|arrests?|"
             r"rape|confinement)\b[^.;]{0,60}\b(?:was|were|amounted to|constituted) "
             r"persecution\b"),
            # (not "awareness and willful blindness of the kind the regulation describes", the
            # torture regulation's acquiescence)
            (r"\bof the (?:severity|seriousness|gravity) (?:that )?(?:the )?(?:statute|law|"
             r"act|definition|regulations?) (?:contemplates|requires|demands|describes)\b"),
            (r"\bof the kind (?:that )?(?:the )?(?:statute|law|act|definition) (?:contemplates|"
             r"requires|demands|describes)\b"),
            # harm called persecution: "that's persecution in my view", "... are, taken
            # together, persecution"
            (r"\b(?:that's|that is|this is|this was|that was|these are|those are|are|were)"
             r"(?:,[^,]{1,30},)? persecution\b(?! (?:of|on account|because|for))(?![^.;]{0,20}"
             r"\bif\b)")),
    *_rules("past_persecution", "established",
            r"\b(?:nothing|not anything|no less than|nothing less than) short of persecution\b",
            r"\b(?:anything|nothing) short of persecution\b(?=.{0,3}$)",
            negatable=False, priority=3, name="litotes"),
    # the presumption of future persecution left standing: "the presumption ... stands"
    *_rules("well_founded_fear", "established",
            (r"\bpresumption (?:\w+ ){0,6}(?:stands|remains|holds|survives|is unrebutted|"
             r"was unrebutted|goes unrebutted|went unrebutted)\b"),
            (r"\b(?:has not|hasn't|have not|did not|didn't|failed to|not) (?:\w+ ){0,2}(?:shown|"
             r"show|established|demonstrated|proven|prove|offered|pointed to|point to) "
             r"(?:\w+ ){0,3}chang(?:e|es|ed)\b"),
            (r"\b(?:offered|presented|produced|showed|shown|is) nothing (?:\w+ ){0,2}(?:to show|"
             r"showing|suggesting|that shows) (?:that )?(?:\w+ ){0,3}(?:chang\w*|improved|"
             r"(?:could|can) (?:\w+ ){0,2}(?:safely|live|relocate))"),
            # the presumption not overcome: "the presumption ... has not been overcome"
            (r"\bpresumption (?:[\w']+ ){0,8}(?:has|have|was|is) not been (?:overcome|rebutted)"
             r"\b"),
            negatable=False, priority=2, name="concept"),
    # the chance of harm named: "she faces a reasonable possibility of being imprisoned
    # again"; "Nor has she shown a reasonable possibility of harm" negates it
    *_rules("well_founded_fear", "established",
            r"\breasonable possibility of (?:\w+ ){0,2}(?:harm|torture|death|being (?:harmed|"
            r"killed|targeted|singled out|arrested|detained|imprisoned|jailed|persecuted|"
            r"punished|tortured))\b",
            r"\breasonable possibility (?:\w+ ){0,6}(?:would|will|could) be (?:harmed|killed|"
            r"targeted|arrested|detained|imprisoned|tortured|singled out|persecuted|punished)\b",
            # the persecutor as subject: "a reasonable possibility that they would target him"
            (r"\breasonable possibility (?:\w+ ){0,6}(?:would|will|could) (?:\w+ ){0,1}(?:target|"
             r"harm|hurt|kill|arrest|detain|imprison|jail|torture|persecute|punish|single out) "
             r"(?:him|her|them|the respondent|the applicant)\b"),
            # the objective test stated as met: "a reasonable person in his position would
            # fear persecution"
            (r"\ba reasonable person in (?:his|her|their|the respondent's) (?:position|"
             r"circumstances|shoes) would (?:\w+ ){0,1}fear\b"),
            priority=2, name="possibility"),
    # the filing's lateness counted in months or years from entry, with a filing named:
    # "came to a clinic some twenty months later to file", "filed eleven months after
    # crossing"; and a delay nothing excuses
    *_rules("one_year_bar", "untimely",
            # (an exception named after it is read by the exception's rules, or not at all)
            rf"{_FILED}[^.;]{{0,80}}{_LATE}{_NO_EXCEPTION}",
            rf"{_LATE}[^.;]{{0,40}}{_FILED}{_NO_EXCEPTION}",
            (r"\b(?:nothing|no \w+) (?:\w+ ){0,6}(?:excuses?|explains?|justif\w*|accounts? for) "
             r"(?:the|his|her|their|that|this) (?:wait|delay|lateness|late filing)\b"),
            priority=0, name="counted"),  # an exception or another reading of the bar wins
    # "I heard nothing about an illness ... that kept her from filing sooner" (its "nothing"
    # is the finding, not a negation of it)
    *_rules("one_year_bar", "untimely",
            (r"\b(?:nothing|no (?:\w+ ){0,1}(?:evidence|explanation|reason))\b[^.;]{0,120}\b"
             r"(?:kept|prevented|stopped) (?:him|her|them) from filing\b"),
            negatable=False, priority=0, name="nothing_kept"),
    # no reason to deny in discretion is a favorable exercise of it: "I see no basis to
    # withhold relief as a matter of discretion"
    *_rules("discretion", "favorable",
            (r"\b(?:no|nothing that (?:would )?(?:gives?|provides?)(?: me)?|not (?:any|a)) "
             r"(?:\w+ ){0,1}(?:reason|basis|ground|grounds|cause) (?:\w+ ){0,2}to (?:deny|withhold|"
             r"refuse|decline) (?:\w+ ){0,3}(?:in|as a matter of|in the exercise of) (?:my |the "
             r"court's |its )?discretion\b"),
            negatable=False, priority=2, name="no_reason_to_deny"),
    *_rules("discretion", "favorable",
            # the discretion named first: "as a matter of discretion too i see no reason to
            # deny"; a litotes: "hard to imagine a case less deserving of an unfavorable
            # exercise of discretion"
            (r"\b(?:as a matter of|in the exercise of|in) (?:my |the court's |its )?discretion\b"
             r"[^.;]{0,40}\b(?:no|not any|not a) (?:\w+ )?(?:reason|basis|ground|cause) "
             r"(?:\w+ ){0,2}to (?:deny|withhold|refuse|decline)\b"),
            (r"\b(?:less|hardly|scarcely|not) deserving of (?:an? )?(?:unfavou?rable|adverse|"
             r"negative) (?:exercise of )?(?:\w+ )?discretion\b"),
            negatable=False, priority=3, name="no_reason_after"),
    # a filing inside the year counted in months from entry: "filed for asylum within eight
    # months", "applied about seven months after arrival"
    *_rules("one_year_bar", "timely",
            rf"{_FILED_CLAIM}[^.;]{{0,60}}\bwithin (?:about |roughly |some |only )?{_EARLY}\b",
            rf"{_FILED_CLAIM}[^.;]{{0,60}}\b(?:about |roughly |some |only |just )?{_EARLY}{_ENTRY}",
            rf"\b{_EARLY}{_ENTRY}[^.;]{{0,40}}{_FILED}",
            priority=0, name="counted"),
    *_rules("one_year_bar", "timely",
            r"\bwith (?:\w+ ){0,1}(?:months|time) to spare\b",
            r"\b(?:well |comfortably )?(?:inside|within) the (?:one )?year\b",
            priority=0, name="counted"),
    # the filing said to be on time: "... and filed in February, so you were on time"
    *_rules("one_year_bar", "timely",
            (r"\b(?:filed|filing|applied|application)\b[^.;]{0,100}\b(?:you|he|she|they|it|that|"
             r"the filing|the application) (?:were|was|are|is) (?:not |never )?"
             r"(?:well |comfortably )?(?:on time|in time)\b"),
            priority=0, name="on_time"),
    # the torture finding itself: "it is more likely than not that he would be tortured"
    # (a standard quoted, "he must show that it is more likely than not ...", is no finding)
    *_rules("cat_protection", "granted",
            (r"\b(?:it is|it's|i find(?: that)?(?: it is)?) (?:\w+ ){0,1}more likely than not "
             r"(?:that )?(?:he|she|they|the respondent|the applicant) (?:would|will) (?:\w+ ){0,1}"
             r"be tortured\b"),
            priority=2, name="finding"),
    # permission to leave by a date with the alternate order: "he must be gone within sixty
    # days, failing which he is removed"
    # the grant in plain words: "I'm going to let you leave on your own"; days granted with
    # the bond that goes with them: "I'll grant sixty days, until July 18, on condition that
    # he post a bond"
    *_rules("voluntary_departure", "granted",
            # ("I will permit you to leave the United States voluntarily")
            # (not what the relief would do: "voluntary departure, which would let you leave on
            # your own")
            # (nor one of the options the court can take: "I can order you deported, or I
            # can let you leave on your own")
            (r"(?<!would\s)(?<!could\s)(?<!might\s)(?<!which\s)(?<!\bcan\s)(?<!\bmay\s)"
             r"\b(?:let|letting|allow|allowing|permit|permitting) (?:you|him|her|them) (?:to )?"
             r"(?:leave|depart|go) (?:the country |the united states )?(?:on (?:your|his|her|"
             r"their) own|voluntarily)\b"),
            (r"\b(?:grant|grants|granting|give|gives|giving) (?:you |him |her |them )?(?:\w+ )?"
             r"(?:\d+|thirty|sixty|ninety|hundred and twenty) days\b[^.;]{0,80}\b(?:bond|depart\w*|"
             r"leave)\b"),
            # "I will allow her to leave within sixty days of today"
            (r"\b(?:i|i'll|i will|i am going to|i'm going to|the court will|the court) (?:\w+ )?"
             r"(?:allow|permit|let) (?:you|him|her|them|the respondent|the applicant) (?:to )?"
             r"(?:leave|depart)(?: the (?:country|united states))? (?:within|by|before|no later "
             r"than)\b"),
            # permission given: "I'm giving you permission to leave the United States by
            # yourself, at your own cost, by June thirtieth"
            (r"\b(?:give|gives|giving|gave|grant|grants|granting) (?:you|him|her|them) "
             r"(?:permission|leave) to (?:leave|depart)\b(?=[^.;]{0,80}\b(?:(?:your|his|her|their) "
             r"own (?:cost|expense)|on (?:your|his|her|their) own|by (?:yourself|himself|herself|"
             r"themselves)|voluntarily)\b)"),
            # the time given, then the leave at one's own expense: "he has until the
            # twenty-first of October to leave at his own expense"
            (r"\b(?:has|have|had|given|giving|gets?|get) (?:\w+ )?until\b[^.;]{0,60}\bto "
             r"(?:leave|depart)\b[^.;]{0,40}\b(?:at (?:your|his|her|their) own (?:expense|cost)|"
             r"on (?:your|his|her|their) own|voluntarily)\b"),
            priority=2, name="plain"),
    *_rules("voluntary_departure", "granted",
            (r"\b(?:must|shall|will have to|is to|has to) (?:be gone|leave|depart) (?:the country "
             r")?(?:\w+ ){0,1}(?:by|within|before|no later than)\b[^.]{0,80}\b(?:failing which|"
             r"otherwise|or (?:else|be|he|she|they)|if (?:he|she|they|you) (?:does|do)(?: not|"
             r"n't))"),
            # the date and the bond: "he is to depart by the fifteenth of April and post a
            # five-hundred-dollar bond"
            (r"\b(?:depart|leave) (?:the country )?(?:by|within|before|no later than)\b[^.;]{0,80}"
             r"\b(?:post|pay|posts|pays) (?:a|the) (?:[\w$]+ ){0,4}bond\b"),
            r"^\s*(?:leave|depart) (?:the (?:country|united states) )?(?:by|on or before|no later "
            r"than) (?:the )?(?:\w+ ){0,1}(?:january|february|march|april|may|june|july|"
            r"august|september|october|november|december|\d)",
            negatable=False),  # the alternate order's "if he does not" negates no permission
    # nexus named as met or not, the requirement's own words: "the nexus requirement is not
    # met", "there is no real question about nexus"; the tie to a ground called plain
    *_rules("nexus", "not_established",
            (r"\bnexus (?:requirement |element |test )?(?:is not|isn't|was not|wasn't|has not been|"
             r"hasn't been|cannot be|can't be|is never) (?:\w+ ){0,1}(?:met|satisfied|established|"
             r"shown)\b"),
            # the harm tied to a private quarrel: "on account of the land dispute"
            (r"\b(?:on account of|because of|due to|about|over) (?:the |a |an |his |her |their )?"
             r"(?:boundary|land|property|inheritance|business|money|debt|romantic|private|"
             r"personal) (?:dispute|feud|quarrel|conflict|disagreement|grudge|rivalry)\b"),
            negatable=False, priority=2, name="concept"),
    *_rules("nexus", "established",
            (r"\bno (?:real |serious )?(?:question|doubt|dispute) (?:about|as to|regarding|on|"
             r"over) (?:the )?nexus\b"),
            negatable=False, priority=2, name="concept"),
    *_rules("nexus", "established",
            (r"\b(?:connection|link|tie|relationship) (?:between (?:[\w']+ ){1,6}and |to )"
             r"(?:his|her|their|the respondent's|the applicant's|a|the) (?:\w+ ){0,2}(?:political "
             r"opinion|politics|religion|faith|race|ethnicity|nationality|membership|social group|"
             r"protected ground)s? (?:is|was) (?:\w+ ){0,1}(?:plain|clear|obvious|evident|apparent|"
             r"established|direct|shown|made out)\b"),
            priority=2, name="concept"),
    # a private quarrel described by its subject: "this feud is about land"
    *_rules("nexus", "not_established",
            (r"\b(?:dispute|feud|quarrel|conflict|fight) (?:\w+ ){0,2}(?:is|was|are|were) "
             r"(?:\w+ ){0,1}(?:about|over) (?:the |a |an |some |his |her |their )?(?:land|property|"
             r"money|debt|inheritance|farm|house|business|boundary|boundaries)\b"),
            priority=0, name="private"),
    # the harm's reason named as the person's identity or its punishment: "persecution,
    # inflicted because of who he is and what he believes"; "inflicted to punish her
    # opposition to the government"; "I find that this was the reason he hurt her"
    *_rules("nexus", "established",
            (r"\b(?:inflicted|done|carried out|committed|imposed|meted out|directed at (?:him|her|"
             r"them)) (?:\w+ ){0,2}because of (?:who|what) (?:he|she|they) (?:is|are|was|were|"
             r"believes?|believed)\b"),
            (r"\b(?:inflicted|done|carried out|committed|imposed|meted out|meant|intended) "
             r"(?:\w+ ){0,2}to punish (?:him|her|them|his|her|their) (?:\w+ ){0,3}(?:opposition|"
             r"politics|political|views|opinions?|beliefs?|faith|religion|activism|support|"
             r"membership|work|organizing|reporting|criticism|dissent|ethnicity)\b"),
            (r"\b(?:i|the court|this court) (?:\w+ ){0,1}finds? (?:that )?(?:this|that|it) "
             r"(?:was|is) (?:the|a|one central) reason (?:why )?(?:he|she|they|the \w+) "
             r"(?:hurt|harmed|beat|attacked|targeted|persecuted|abused|threatened|detained)\b"),
            priority=2, name="concept"),
    # the motive read from the record: "the record points to greed, not to his politics"
    *_rules("nexus", "not_established",
            (r"\b(?:record|evidence|testimony|facts|motive|everything) (?:\w+ ){0,2}(?:points?|"
             r"pointed) (?:\w+ ){0,1}to (?:simple |plain |ordinary |mere )?(?:greed|money|profit|"
             r"financial gain|extortion|crime|criminality|revenge|a (?:personal|private) "
             r"(?:dispute|grudge|quarrel|vendetta))\b"),
            priority=2, name="concept"),
    # the same harm ahead: "he would face the same treatment if sent back"
    *_rules("well_founded_fear", "established",
            (r"\b(?:would|will|could) (?:\w+ ){0,1}face (?:the same|similar|more of the same|"
             r"that same) (?:treatment|harm|persecution|fate|abuse|mistreatment)?\b(?:[^.;]{0,20})"
             r"\bif (?:(?:he|she|they|you) (?:is |are |were |was )?)?(?:sent back|returned|"
             r"deported|removed|returns?|goes back|go back)\b"),
            priority=2, name="concept"),
    # no ground for the fear: "that gives him no objective basis to fear persecution"
    *_rules("well_founded_fear", "not_established",
            (r"\bno (?:objective(?:ly reasonable)?|reasonable|real|genuine|sound|rational) "
             r"(?:\w+ ){0,1}basis (?:\w+ ){0,2}(?:to|for) (?:(?:a|any|his|her|their) )?fear"),
            negatable=False, priority=3, name="concept"),
    # a paper that holds the account up, or cannot: "the letter cannot shore up the
    # testimony"
    *_rules("corroboration", "sufficient",
            (r"\b(?:letters?|notes?|documents?|records?|affidavits?|declarations?|statements?|"
             r"certificates?|reports?|papers|evidence|exhibits?|photographs?)\b[^.;]{0,120}?"
             r"(?<!\bnot\x20)(?<!\bcannot\x20)(?<!n't\x20)(?<!\bnever\x20)(?<!\bnothing\x20)"
             r"(?<!\bnothing\x20independent\x20)(?<!\bnothing\x20else\x20)"
             r"\b(?:shore|shores|shored|prop|props|propped|bolster|bolsters|bolstered|buttress|"
             r"buttresses|buttressed) (?:up )?(?:the|his|her|their) (?:testimony|account|claim|"
             r"story)\b"),
            negatable=False, priority=2, name="shore"),
    *_rules("corroboration", "insufficient",
            (r"\b(?:cannot|can't|could not|couldn't|does not|doesn't|do not|don't|did not|didn't|"
             r"will not|won't|never|fails? to|failed to) (?:\w+ )?(?:shore|prop|bolster|buttress)"
             r"\w* (?:up )?(?:the|his|her|their) (?:testimony|account|claim|story)\b"),
            # "nothing independent props up his account"
            (r"\bnothing (?:independent |else |more )?(?:shores|props|bolsters|buttresses) (?:up )?"
             r"(?:the|his|her|their) (?:testimony|account|claim|story)\b"),
            negatable=False, priority=2, name="shore"),
    # the papers asked for before deciding: "I will need them before I decide"
    *_rules("corroboration", "required",
            (r"\b(?:i|the court) (?:will|would|must|shall|am going to) (?:\w+ ){0,1}(?:need|"
             r"require|want|expect) (?:them|those|these|it|that|the documents|the records|"
             r"the letters)\b"
             r"[^.;]{0,80}\bbefore (?:i|the court|we) (?:decide|rule|can decide|can rule)\b"),
            negatable=False, priority=2, name="concept"),
    # no harm suffered: "He has not suffered harm in Russia" ("she was never harmed" is left
    # alone: the excerpts' writers label it both ways)
    *_rules("past_persecution", "not_established",
            (r"\b(?:he|she|they|you|the respondent|the applicant) (?:has|have|had|did)(?: not|n't) "
             r"(?:\w+ )?(?:suffered|suffer|experienced|experience) (?:any )?(?:harm|mistreatment|"
             r"persecution)\b"),
            negatable=False, priority=2, name="no_harm"),
    # the tie to a ground asked about ("I am not satisfied that a dispute over inheritance is
    # connected to any protected ground": the operator negates it)
    *_rules("nexus", "established",
            (r"\b(?:connected|linked|tied|related) to (?:any|a|the|his|her|their|one) (?:\w+ )?"
             r"(?:protected|statutory|enumerated) ground\b"),
            priority=3, name="tied"),
    # the account not accepted: "I am unable to accept his account of the arrests as
    # believable"; "real reservations about the respondent's testimony"; "his testimony,
    # standing alone, did not persuade me that the attacks happened"
    *_rules("credibility", "adverse",
            (r"\b(?:unable|not able|not prepared|decline|refuse) to (?:accept|credit|believe) "
             r"(?:his|her|their|the respondent's|the applicant's) (?:\w+ )?(?:account|testimony|"
             r"story|version)\b"),
            (r"\b(?:real|serious|grave|significant|considerable|strong) (?:reservations|doubts|"
             r"concerns) (?:about|as to|regarding) (?:his|her|their|the respondent's|the "
             r"applicant's) (?:testimony|account|credibility|story|truthfulness)\b"),
            (rf"\b{_TESTIMONY},? (?:standing alone|alone|by itself|on its own),? (?:did|does|do)"
             r"(?: not|n't) (?:persuade|convince) (?:me|the court|this court) that\b"),
            negatable=False, priority=2, name="not_accepted"),
    # "I have no quarrel with his honesty"; "I found the respondent's testimony careful and
    # consistent"
    *_rules("credibility", "positive",
            (r"\bno (?:quarrel|issue|problem|difficulty|concern) (?:\w+ )?with (?:his|her|their|"
             r"the respondent's|the applicant's) (?:honesty|credibility|truthfulness|candou?r|"
             r"testimony|account)\b"),
            negatable=False, priority=2, name="no_quarrel"),
    *_rules("credibility", "positive",
            (rf"\bf(?:ind|inds|ound) (?:the respondent's|the applicant's|his|her|their) "
             rf"{_TESTIMONY} (?:\w+ ){{0,2}}(?:consistent|detailed|specific|plausible|candid|"
             r"forthright|coherent|careful|credible|truthful|straightforward)\b"),
            priority=2, name="found"),
    # the case reset for a reason, no date said: "I'm resetting this to an in-person
    # interpreter"
    *_rules("continuance", None,
            (r"\b(?:i'm|i am|i will|i'll|we're|we are|we will|we'll) (?:going to |have to |"
             r"need to )?(?:reset|resetting|continue|continuing|adjourn|adjourning|postpone|"
             r"postponing) (?:this|it|the case|the matter|the hearing|your case)\b"),
            priority=1, name="reset"),
    # the state's protection in the future: "the government would be unable or unwilling to
    # protect him" ("I cannot find that ..." negates it)
    *_rules("well_founded_fear", "established",
            (r"\b(?:government|authorities|police|state|officials) (?:\w+ ){0,3}(?:would|will|"
             r"could) (?:\w+ ){0,1}be (?:unable or unwilling|unwilling or unable)"
             # ("unable to" is no negation of it: "to" stays outside the match)
             r"(?= to (?:protect|control|stop)\b)"),
            priority=2, name="protection"),
    # what the respondent said, called true or untrue: "I'm satisfied ... that what he told me
    # about it was truthful"; "I am not able to say that anything he told me was untrue" (the
    # operator flips it)
    *_rules("credibility", "positive",
            (r"\b(?:what|everything|all) (?:that )?(?:he|she|they) (?:told|has told|said to|"
             r"testified to) (?:me|the court|us)(?: [\w']+){0,3} (?:was|is|were) (?:\w+ )?"
             r"(?:truthful|true|accurate|honest|believable)\b"),
            priority=2, name="told_true"),
    # accounts named, then accepted by pronoun: "their accounts lined up in every material
    # respect and I accept them" (the acceptance is the match's own end, and nothing can
    # stand between "I" and its verb: what the words before deny is theirs, "... without
    # being rehearsed, and I credit it in full")
    *_rules("credibility", "positive",
            (r"\b(?:accounts|testimon(?:y|ies)|stories|versions)\b[^.;]{0,80}\band i (?:fully )?"
             r"(?:accept|credit|believe) (?:them|both of them|both|it)\b"),
            negatable=False, priority=2, name="accepted_them"),
    *_rules("credibility", "adverse",
            (r"\b(?:anything|what|something|much of what) (?:that )?(?:he|she|they) (?:told|has "
             r"told|said to|testified to) (?:me|the court|us)(?: [\w']+){0,3} (?:was|is|were) "
             r"(?:\w+ )?(?:untrue|false|a lie|lies|invented|made up|fabricated)\b"),
            priority=2, name="told_untrue"),
    # the opinion the persecutors ascribed, and the harm for it: "they attributed that view to
    # you and punished you for it"
    *_rules("nexus", "established",
            (r"\b(?:attributed|imputed|ascribed) (?:that|this|the|a|an|his|her|such an?) "
             r"(?:\w+ ){0,2}(?:view|opinion|belief|allegiance|loyalty|sympath\w+|politics|"
             r"affiliation)s? to (?:him|her|them|you)\b"),
            # the link named as the statute's: "on that point the required connection is
            # present" ("the required connection is missing": see below)
            (r"\b(?:required|necessary|needed|requisite|causal) (?:causal )?(?:connection|link) "
             r"(?:[\w']+ ){0,6}?(?:is|was|has been) (?:\w+ )?(?:present|there|made out|established|"
             r"shown|met|satisfied)\b"),
            priority=2, name="ascribed"),
    *_rules("nexus", "not_established",
            (r"\b(?:required|necessary|needed|requisite|causal) (?:causal )?(?:connection|link) "
             r"(?:[\w']+ ){0,6}?(?:is|was) (?:\w+ )?(?:missing|absent|lacking)\b"),
            priority=2, name="link_missing"),
    # the torture finding in other words: "torture with official acquiescence is not shown to
    # be likely" (negated: denied)
    *_rules("cat_protection", "granted",
            (r"\btorture\b(?: [\w']+){0,8}? (?:is|has been|was) (?:\w+ )?(?:shown|established|"
             r"proven|demonstrated) to be (?:\w+ )?likely\b"),
            priority=2, name="shown_likely"),
    # not knowing the deadline, said to excuse nothing: "not knowing the rule is not a reason
    # the law accepts"
    *_rules("one_year_bar", "untimely",
            (r"\b(?:not knowing|ignorance of|being unaware of) (?:about )?(?:the |that )?(?:law|"
             r"rule|deadline|filing deadline|one year (?:rule|deadline|requirement))\b[^.;]{0,20}?"
             r"\b(?:is|was) not (?:a |an )?(?:reason|excuse|extraordinary circumstance|exception|"
             r"ground|basis)\b"),
            negatable=False, priority=3, name="ignorance"),
    # the equities weighed: "his positive equities far outweigh it"
    *_rules("discretion", "favorable",
            (r"\b(?:positive|favou?rable) (?:equities|factors) (?:\w+ ){0,1}(?:outweigh|"
             r"outweighs|outweighed)\b"),
            priority=2, name="equities"),
    # the need for more denied in other words: "there is nothing further I would want her to
    # bring me"; the papers "leave no need for anything more"
    *_rules("corroboration", "sufficient",
            (r"\bnothing (?:further|more|else) (?:that )?(?:i|the court) (?:would|could|should) "
             r"(?:want|need|require|ask for|expect)\b"),
            (r"\b(?:leaves?|left|leaving) no need for (?:anything|something|any) (?:more|further|"
             r"else)\b"),
            negatable=False, priority=2, name="nothing_further"),
    # the papers asked for: "I also want the baptism record from the church"; "I expect to
    # hear from him, ..." (not "I want the record to reflect ...")
    *_rules("corroboration", "required",
            (r"\bi (?:also )?(?:want|expect|need|require) (?:to see )?(?:the |a |an |his |her |"
             r"their )(?:[\w']+ ){0,2}(?:records?|letters?|statements?|affidavits?|certificates?|"
             r"documents?|declarations?)\b(?! to (?:reflect|show)\b)"),
            priority=2, name="asked_for"),
    # the ground named as what brought the harm: "it was his religious practice that brought it
    # on him"; "it lay at the core of why they came for her"; "is tied to his open opposition
    # to the government"; "I have no doubt what they were punishing him for"
    *_rules("nexus", "established",
            (r"\bit was (?:his|her|their) (?:[\w']+ ){0,2}(?:religio\w*|faith|politic\w*|"
             r"ethnicity|race|nationality|membership|opinions?|activism|activit(?:y|ies)|"
             r"practice|beliefs?|views|opposition) (?:[\w']+ ){0,3}?that (?:brought|caused|"
             r"prompted|led to|drew|triggered|motivated)\b"),
            (r"\b(?:at|lay at|lies at|is at|was at) the (?:core|heart|cent(?:er|re)) of why "
             r"(?:they|he|she|the \w+) (?:came for|targeted|attacked|harmed|persecuted|"
             r"arrested|beat|threatened|went after|detained)\b"),
            (r"\b(?:is|was|are|were) (?:\w+ )?(?:tied|linked|connected|traceable) to (?:his|her|"
             r"their) (?:[\w']+ ){0,3}(?:opposition|politic\w*|religio\w*|faith|ethnicity|race|"
             r"nationality|membership|activism|opinions?|beliefs?|views)\b"),
            (r"\bno doubt (?:about )?(?:what|why) (?:they|he|she|the \w+) (?:were|was) "
             r"(?:punishing|targeting|beating|attacking|persecuting|after|hunting) (?:him|her|"
             r"them)\b"),
            # the harm because of it, active voice: "Her support for the strike is plainly a
            # political opinion, and that is why they want her"
            (r"\b(?:political opinion|religio\w*|faith|ethnicity|race|nationality|membership)\b"
             r"[^.;]{0,80}\b(?:that|it|this) is (?:exactly |precisely )?why (?:they|the \w+) "
             r"(?:\w+ )?(?:want|wanted|targeted|target|came for|come for|went after|arrested|"
             r"detained|beat|threatened|are looking for|were looking for) (?:him|her|them)\b"),
            priority=2, name="brought_it"),
    # the ground named as the claim's, "actual or imputed": weaker than any statement of the
    # reason ("his political opinion, actual or imputed, was not a central reason")
    *_rules("nexus", "established",
            r"\bpolitical opinion\b[^.;]{0,20}\b(?:actual or imputed|imputed or actual)\b",
            priority=0, name="actual_or_imputed"),
    # "I am satisfied he has shown everything the statute asks of him"  (see lexicon's "what
    # the law requires")
    # the fear a reasonable person would have: "a reasonable person would fear going back"
    *_rules("well_founded_fear", "established",
            (r"\ba reasonable person (?:in (?:his|her|their) (?:position|circumstances|shoes) )?"
             r"would (?:fear|be afraid)\b"),
            # the persecutor still interested: "nothing establishes ... that anyone in Egypt is
            # interested in him now" (the operator flips it)
            (r"\b(?:anyone|anybody|someone|somebody|the (?:authorities|government|police|army|"
             r"military|gang)) (?:in \w+ )?(?:is|are|remains?|would be) (?:still )?(?:interested "
             r"in|looking for|searching for) (?:him|her|them)\b"),
            # singled out, likely or not: "It is not unlikely, I think, that he would be singled
            # out if returned"
            (r"\b(?:is|it's) (?:quite |very |highly |more than )?likely\b,?(?: i think,)? "
             r"(?:that )?(?:he|she|they) (?:would|will) be (?:singled out|targeted|persecuted|"
             r"arrested|detained|killed|tortured)\b"),
            priority=2, name="reasonable_person"),
    *_rules("well_founded_fear", "not_established",
            (r"\b(?:is|it's) (?:not )?(?:quite |very |highly )?unlikely\b,?(?: i think,)? "
             r"(?:that )?(?:he|she|they) (?:would|will) be (?:singled out|targeted|persecuted|"
             r"arrested|detained|killed|tortured)\b"),
            priority=2, name="unlikely"),
    # the harm measured against the law's own: "it does not reach the level of harm the law
    # treats as persecution"
    *_rules("past_persecution", "established",
            (r"\b(?:reach\w*|rise\w*|rose|amount\w*) (?:to )?the level of (?:harm|mistreatment|"
             r"severity|suffering) (?:that )?(?:[\w']+ ){0,4}?(?:treats|recognizes|regards|counts|"
             r"calls|considers) as (?:past )?persecution\b"),
            # "nothing establishes that he was ever harmed" (the operator flips it)
            # (the verb stays outside, so that "nothing establishes that" before it negates; not
            # "whether he was ever harmed", a question, nor harm by an official, the torture
            # claim's)
            (r"(?<=\bthat\x20)(?:he|she|they) (?:was|were|had been|has been) ever (?:harmed|hurt|"
             r"mistreated|persecuted|beaten|detained|arrested|attacked)\b(?! by (?:a|an|any) "
             r"(?:public |government |state )?official)"),
            priority=2, name="level"),
    # accepted in full: "I accept every part of it."
    *_rules("credibility", "positive",
            (r"\b(?:i|the court) (?:\w+ )?(?:accept|believe|credit)s? (?:every (?:part|bit|word|"
             r"detail)|all) of (?:it|that|his account|her account|their accounts?|his testimony|"
             r"her testimony|what (?:he|she|they) (?:said|told me))\b"),
            # "I found Mr. Tesfamariam's account of his arrest at the prayer meeting in Asmara
            # detailed and sincere"
            (r"\b(?:find|finds|found) (?:(?:mr|ms|mrs|dr)\. )?(?:[\w']+ )?(?:account|testimony|"
             r"story|description|narrative)\b(?: (?:of|about) [^.;,]{0,80}?)? (?:to be )?(?:both )?"
             r"(?:detailed|specific|consistent|candid|sincere|credible|believable|plausible|"
             r"coherent|forthright|truthful)\b"),
            priority=2, name="all_of_it"),
    # the alternative in the discretion denied: "I see no reason to exercise discretion against
    # her"
    *_rules("discretion", "favorable",
            (r"\bno (?:reason|basis|ground) to (?:exercise|use) (?:my |the court's |its )?"
             r"discretion against (?:him|her|them|the respondent|the applicant)\b"),
            negatable=False, priority=3, name="not_against"),
    # the delay not excused: "I cannot excuse a delay of two years"; "the filing was late"
    *_rules("one_year_bar", "untimely",
            (r"\b(?:cannot|can't|could not|couldn't) excuse (?:a|the|his|her|that|this) (?:\w+ )?"
             r"delay\b"),
            negatable=False, priority=3, name="not_excused"),
    *_rules("one_year_bar", "untimely",
            # (in the past, the court's own finding; "the filing is late" is mostly an argument)
            r"\bthe (?:filing|application|i 589) was (?:\w+ )?late\b",
            priority=2, name="was_late"),
    # the papers one would look for, there: "are the corroboration one would reasonably look
    # for, and they are in the record"; nothing more to ask: "I don't think anything more could
    # reasonably be asked of him in the way of documents"
    *_rules("corroboration", "sufficient",
            (r"\b(?:are|is) (?:exactly )?the (?:corroboration|documents|evidence|papers) "
             r"(?:that )?(?:one|a court|the court|i|anyone) would (?:reasonably )?(?:look for|"
             r"expect|want)\b"),
            (r"\b(?:don't|do not) think (?:that )?anything (?:more|further|else) (?:could|should|"
             r"can) (?:\w+ )?be (?:asked|expected|required|demanded) of (?:him|her|them)\b"),
            negatable=False, priority=2, name="looked_for"),
    # the ground named as the why: "which leaves me no doubt that his politics were why";
    # "because they took him for an enemy of the Ortega government"
    *_rules("nexus", "established",
            (r"\b(?:his|her|their) (?:politics|political (?:opinion|views|activity)|religion|faith|"
             r"ethnicity|race|clan|tribe|nationality|membership|activism) (?:was|were) (?:the "
             r"reason )?why\b"),
            (r"\bbecause (?:they|the \w+) (?:took|saw|regarded|viewed|considered|perceived) (?:him|"
             r"her|them) (?:for|as) an? (?:\w+ )?(?:enemy|opponent|traitor|supporter|member|"
             r"sympathi[sz]er|collaborator|spy|dissident)\b"),
            priority=2, name="why"),
    # "while I do not doubt what happened to her"
    *_rules("credibility", "positive",
            (r"\b(?:i|the court) (?:do not|don't|did not|didn't|have no reason to) doubt (?:what "
             r"happened to (?:him|her|them)|what (?:he|she|they) (?:told|said|described)|(?:his|"
             r"her|their) (?:account|testimony|story))\b"),
            negatable=False, priority=2, name="no_doubt"),
]


# --- the one-year deadline stated as two dates ----------------------------------------------
# "He got here in May 2021 and his application was in by February 2022": arrival and filing
# each with a month and a year, the filing eleven months later or less (timely) or thirteen or
# more (untimely; the twelfth month needs the days).
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")


def _date(name: str) -> str:
    """A month and a year ("May 2021", "August 3, 2020"), as groups ``<name>m``, ``<name>y``."""
    # (or the day first: "on the 4th of May, 2022")
    return (rf"(?:(?:the )?\d{{1,2}}(?:st|nd|rd|th)? of )?"
            rf"(?P<{name}m>{'|'.join(_MONTHS)})(?: \d{{1,2}}(?:st|nd|rd|th)?)?,? "
            rf"(?P<{name}y>(?:19|20)\d\d)\b")


_ARRIVAL_DATE = re.compile(
    r"\b(?:arrived|arriving|entered|entering|came|got here|crossed|reached)\b[^.;]{0,40}?\b"
    + _date("a"))
_FILING_DATE = re.compile(
    r"\b(?:filed|applied|submitted|lodged|asked(?: (?:us|me|the court))? for (?:asylum|"
    r"protection)|(?:application|i 589|claim) (?:reached|arrived at|was received (?:by|at)) "
    r"(?:this|the) court|(?:application|i 589|claim) followed|(?:application|i 589|claim) "
    r"(?:was|came) "
    r"(?:in|filed|received|lodged|submitted))\b[^.;]{0,40}?\b" + _date("f"))
# the filing's month told against the arrival's year: "arrived in September 2022 and filed that
# December", "... filed the following March", "... applied in June of the next year"
_FILED = r"\b(?:filed|applied|submitted|lodged)\b[^.;]{0,40}?\b"
_SAME_YEAR_MONTH = re.compile(
    _FILED + rf"(?:that|the same) (?P<fm>{'|'.join(_MONTHS)})\b"
    rf"|{_FILED}(?:in )?(?P<gm>{'|'.join(_MONTHS)}) (?:of )?(?:that|the same) year\b")
_NEXT_MONTH = re.compile(
    _FILED + rf"(?:the following|the next) (?P<fm>{'|'.join(_MONTHS)})\b")
_NEXT_YEAR_MONTH = re.compile(
    _FILED + rf"(?:in )?(?P<fm>{'|'.join(_MONTHS)}) (?:of )?(?:the following|the next) year\b")
LATEST_TIMELY_MONTHS = 11  # whole months between the two dates that are surely inside a year


def _filing_months(norm: str, arrival: re.Match[str]) -> tuple[int, re.Match[str]] | None:
    """Months from the arrival to the filing, the filing dated in full or by its month
    alone against the arrival's year; and the filing's match."""
    arrived_year, arrived_month = int(arrival["ay"]), _MONTHS.index(arrival["am"])
    filing = _FILING_DATE.search(norm, arrival.end())
    if filing is not None:
        return ((int(filing["fy"]) - arrived_year) * 12 + _MONTHS.index(filing["fm"])
                - arrived_month), filing
    same = _SAME_YEAR_MONTH.search(norm, arrival.end())
    if same is not None:
        return _MONTHS.index(same["fm"] or same["gm"]) - arrived_month, same
    following = _NEXT_MONTH.search(norm, arrival.end())
    if following is not None:
        month = _MONTHS.index(following["fm"])
        if month > arrived_month:
            return None  # "arrived in May and filed the following June": which June is unsaid
        return month + 12 - arrived_month, following
    next_year = _NEXT_YEAR_MONTH.search(norm, arrival.end())
    if next_year is not None:
        return _MONTHS.index(next_year["fm"]) + 12 - arrived_month, next_year
    return None


# the years alone, told plainly to a person without counsel: "You came in 2017 and you asked in
# 2023" (two calendar years apart or more is surely late; the same year surely in time)
_ARRIVAL_YEAR = re.compile(r"\b(?:arrived|entered|came|got here|crossed)\b(?: here| to (?:the "
                           r"united states|this country))? in (?P<ay>(?:19|20)\d\d)\b")
_FILING_YEAR = re.compile(r"\b(?:filed|applied|asked)(?: for (?:asylum|protection))? in "
                          r"(?P<fy>(?:19|20)\d\d)\b")


def _years_apart(norm: str) -> tuple[int, re.Match[str], re.Match[str]] | None:
    """Calendar years from an arrival year to a filing year told after it, with both matches."""
    arrival = _ARRIVAL_YEAR.search(norm)
    filing = _FILING_YEAR.search(norm, arrival.end()) if arrival else None
    if arrival is None or filing is None:
        return None
    return int(filing["fy"]) - int(arrival["ay"]), arrival, filing


US_ABBREVIATION = re.compile(r"\bu\.s\.")  # replaced by as many characters: offsets hold


def dated_filing_hits(norm: str) -> list[Hit]:
    """The one-year bar read from an arrival date and a filing date in one sentence, or from
    their years alone when no month is told."""
    norm = US_ABBREVIATION.sub("u s ", norm)  # ("reached the U.S. border in May 2022")
    arrival = _ARRIVAL_DATE.search(norm)
    counted = _filing_months(norm, arrival) if arrival else None
    if arrival is None or counted is None:
        years = _years_apart(norm)
        if years is None or years[0] < 0 or years[0] == 1:
            return []  # (a year apart: the months decide)
        gap, arrived, filed = years
        polarity = "timely" if gap == 0 else "untimely"
        return [Hit(f"one_year_bar.{polarity}.years", "one_year_bar", polarity, arrived.start(),
                    filed.end(), False, 1)]
    months, filing = counted
    if 0 <= months <= LATEST_TIMELY_MONTHS:
        polarity = "timely"
    elif months > LATEST_TIMELY_MONTHS + 1:
        polarity = "untimely"
    else:
        return []
    return [Hit(f"one_year_bar.{polarity}.dates", "one_year_bar", polarity, arrival.start(),
                filing.end(), False, 1)]
