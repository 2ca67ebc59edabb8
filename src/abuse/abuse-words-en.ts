/**
 * The English word lists of the abuse detector (abuse-detector.ts) and the guards that keep
 * quoted, reported and self-directed words out. Pure.
 *
 * Besides the plain words they hold the spellings chat and speech-to-text write: masks a
 * speech-to-text profanity filter leaves (`f***`, `s***`, YouTube's `[ __ ]`, `[bleep]`), leet
 * and dropped letters (`fck`, `sh1t`, `b!tch`, `a-hole`), spoken letters (`eff off`, `f you`),
 * and letters spelled one by one (`f u c k`, joined by `joinSpelledLetters`). Insults count
 * when aimed at a person (`you're useless`, `are you thick`, `you stupid cow`), not at a thing
 * (`this stupid app`); threats include veiled ones (`I know what you look like`, `I'll be
 * waiting outside`, `it'd be a shame if something happened to you`).
 */

/** What a threat says it will do when it comes round. */
const VIOLENT =
  '(?:sort|deal with|teach|show|find|smash|break|kick|punch|hit|beat|knock|wreck|trash|burn|hurt|slap|sort out)';
/** Who an insult is aimed at: the agent, or the company's staff. */
const AT_YOU =
  "(?:you|u|ya|yous|you guys|you lot|you people|y'all|your (?:staff|agents|people|team|colleagues|employees|workers|reps))";
/** "you're", "you are", "ur", "u r", "you guys are" … */
const YOU_ARE = `(?:${AT_YOU}(?:'re|’re|re| are| r| is)|ur|youre|you(?:'re| are) all)`;

/** Adjectives that insult a person (not a thing): "you're useless", "are you thick". */
const PERSON_ADJ =
  '(?:useless|hopeless|worthless|clueless|brainless|gormless|thick|dense|daft|dumb|stupid|idiotic|moronic|retarded|illiterate|incompetent|pathetic|deaf|mental|a joke|a clown|a muppet|a numpty|a donkey|a disgrace|an embarrassment|a waste of (?:space|oxygen|air|skin)|an? (?:idiot|moron|imbecile|cretin|fool|loser))';
/** Words between "you" and an insulting noun: "you stupid cow", "you useless lot". */
const SLUR_ADJ =
  '(?:stupid|dumb|useless|lazy|incompetent|thick|ignorant|pathetic|little|silly|fat|ugly|old|absolute|complete|total|utter|brainless|bloody|damn|freaking|fucking|f\\*+ing)';
const ADVERB =
  '(?:so|just|completely|totally|absolutely|utterly|really|that|actually|even|all|being|this|always|literally|genuinely|bloody|fucking|plain|such|quite|pretty)';
/** Nouns that insult a person; counted after "you", "you're a", "such a", "bunch of" … */
const PERSON_NOUN =
  '(?:idiots?|morons?|imbeciles?|cretins?|dimwits?|nitwits?|halfwits?|dunces?|numpties|numpty|muppets?|clowns?|buffoons?|oafs?|twits?|twerps?|dolts?|simpletons?|numbskulls?|pillocks?|plonkers?|prats?|gits?|losers?|fools?|airheads?|bimbos?|peasants?|scum(?:bags?)?|lowlifes?|parasites?|vermin|amateurs|monkeys|donkeys?)';

export const EN: Record<'threat' | 'sexual' | 'profanity' | 'insult', RegExp> = {
  threat: new RegExp(
    [
      // Said outright: "I'll kill you", "I'm gonna break your neck".
      "\\bi(?:'ll| will|'m going to| am going to|'m gonna| am gonna| gonna| want to|'d love to| swear i'll| swear i will| will fucking|'ll fucking) (?:\\w+ )?(?:kill|murder|hurt|stab|shoot|strangle|choke|punch|slap|smack|batter|end|rape|hunt|track) (?:you|ya|u)\\b(?! (?:to|with|back|up|through|in on)\\b)",
      "\\bi(?:'ll| will|'m going to| am going to|'m gonna| gonna) (?:find|get|see) (?:you|ya|u)(?= *(?:$|[.,!?]|and\\b|for this|outside|after work|when|later|one day|,))",
      "\\bi(?:'ll| will|'m going to| am going to|'m gonna| gonna) beat (?:you|ya|u)(?! to\\b)",
      '\\b(?:break|smash|snap|bash|kick|punch) (?:your|ur|ya) (?:\\w+ )?(?:neck|legs?|face|jaw|nose|arms?|bones|teeth|head|skull|ass|arse|lights)\\b',
      '\\bbeat (?:the (?:crap|shit|hell|life) out of|you (?:up|senseless|to death))\\b',
      '\\bknock (?:you|your (?:teeth|block|head)) (?:out|off|in)\\b',
      '\\b(?:hunt|track) (?:you|ya|u) down\\b',
      '\\bcom(?:e|ing) (?:for|after) (?:you|ya|u)\\b',
      // Veiled: "watch your back", "you'll pay for this", "I know what you look like".
      "\\bi(?:'ll| will|'m going to| am going to|'m gonna| gonna) come (?:down|over) (?:there )?and",
      `\\bi(?:'ll| will|'m going to| am going to|'m gonna| gonna) come (?:down|over|round|around)(?: there| here| to (?:your|the) [a-z ]{2,24}?)? and (?:\\w+ )?${VIOLENT} (?:you|ya|u|your)\\b`,
      "\\bi(?:'ll| will|'m going to| am going to|'m gonna| gonna) (?:\\w+ )?sort (?:you|ya|u) out\\b(?! with)",
      "\\bget (?:what'?s|what is) coming to (?:you|ya|them)\\b|\\bpeople like you (?:get|deserve|should (?:be|get))\\b",
      '\\b(?:found|looked (?:you )?up|look(?:ing)? (?:you )?up|checked|stalked|saw) (?:you on |your )(?:linkedin|facebook|instagram|insta|twitter|tiktok|socials|profile)\\b',
      "\\b(?:i'm|i am|i'll be|i will be) (?:standing|waiting|right) (?:behind|next to|outside|in front of) (?:you|ya|your)\\b|\\bwon't (?:feel|be|look) so (?:clever|smart|brave|tough|cocky|funny) when\\b",
      "\\b(?:mates|friends|lads|boys|cousins|brothers|guys|people) (?:who|that)(?:'d| would| will|'ll) (?:love|like|want|be happy|enjoy) (?:a word|to (?:have a word|meet|talk|chat|visit|see|find)) (?:with )?(?:you|ya)\\b|\\b(?:mates|lads|boys|friends)(?:'d| would|'ll| will) (?:love|like|want) a word with (?:you|ya)\\b",
      '\\b(?:with|see|meet|find|catch|visit) (?:you|ya|u) (?:after (?:work|your shift)|when your shift)\\b',
      '\\bwatch (?:your back|yourself)\\b',
      "\\byou(?:'d| had)? better (?:watch (?:out|yourself|it)|be careful|sleep with one eye|hope i never)",
      "\\byou(?:'ll| will|'re going to| are going to|'re gonna| are gonna| gonna) (?:regret|pay for (?:this|that|it)|be sorry|get what'?s coming|get hurt)",
      "\\byou(?:'re| are) (?:dead(?! (?:right|on|serious|wrong|lucky|set|tired|good|cute|funny|clever))|a dead (?:man|woman)|dead meat|going to die|gonna die)\\b",
      '\\bi know (?:where you (?:live|work|sit)|what you look like|who you are|your (?:home )?address)\\b',
      "\\bi(?:'ll| will|'m going to| am going to|'m gonna| gonna) (?:find out|look up) (?:where you (?:live|work)|who you are|your (?:home )?address)",
      '\\bwait(?:ing)? for (?:you|ya|u) (?:outside|after (?:work|your shift)|when you (?:finish|leave|get off)|in the car ?park)',
      "\\b(?:i'll|i will|i'm gonna) be (?:waiting )?outside (?:your|the) (?:office|building|work)",
      "\\bi(?:'ll| will) see (?:you|ya|u) outside\\b",
      "\\b(?:it'?d|it would) be a shame if (?:something|anything) (?:happened|were to happen) to you",
      '\\bsomething (?:bad )?(?:might|could|will|is going to|is gonna) happen to you\\b',
      "\\b(?:someone|somebody)(?:'s| is| will|'ll)? (?:gonna |going to )?get hurt\\b",
      "\\byou (?:don't|do not|have no idea) (?:know )?who you(?:'re| are) (?:dealing|messing|talking|screwing) with",
      '\\bif i ever (?:see|meet|catch|find) (?:you|ya|u)\\b|\\bif i (?:see|catch) (?:you|ya|u) (?:in person|outside|on the street)\\b',
      '\\bi hope you (?:die|get cancer|get hit|rot|burn|choke|drop dead|suffer)\\b',
      '\\bdrop dead\\b',
      "\\b(?:i have a|i(?:'ve| have)? got a|bring(?:ing)? my) (?:gun|shotgun|rifle|knife|machete)\\b",
      '\\b(?:burn|blow up|bomb|torch) (?:the|your|ur) (?:place|office|building|store|shop|branch)\\b',
      '\\b(?:burn|blow) (?:it|the place|your office|the office) (?:down|up)\\b',
      '\\bshoot (?:you|up the)\\b',
    ].join('|'),
    'gi',
  ),
  sexual: new RegExp(
    [
      '\\b(?:sexy|what are you wearing|are you single(?![- ]?hand)|go out with me|date me|sleep with me|your body|hot voice|your boobs|your tits|naked|nudes?)\\b',
      '\\b(?:your|ur) (?:panties|underwear|bra|lingerie|breasts|boobs|tits|butt|booty|lips)\\b',
      '\\bnice (?:ass|butt|rack|tits|legs|boobs)\\b',
      '\\byou sound (?:so |really )?(?:hot|sexy|cute|beautiful|gorgeous|pretty|fit)\\b',
      "\\bi bet you(?:'re| are) (?:so |really )?(?:hot|sexy|cute|beautiful|gorgeous|pretty|fit)\\b",
      '\\bdo you have a (?:boyfriend|girlfriend|husband|wife)\\b',
      '\\bare you (?:married|hot|pretty|cute|beautiful|gorgeous)\\b',
      '\\b(?:hey|hi|hello|listen|thanks|ok|okay|come on|oh) (?:there )?(?:babe|baby girl|baby|sweet ?cheeks|hot stuff|gorgeous|sexy|sugar)\\b',
      '\\bbabe\\b',
      '\\bsend (?:me )?(?:a )?(?:pics?|pictures?|photos?|selfies?)(?: of)? (?:yourself|you)\\b|\\bsend (?:me )?(?:a )?selfie\\b',
      '\\b(?:turns?|turning|turned) me on\\b|\\bhorny\\b|\\btalk dirty\\b|\\bdirty talk\\b|\\bphone sex\\b|\\bsex (?:with|chat|talk)\\b|\\bhave sex\\b',
      '(?<!could (?:just )?)\\b(?:kiss|lick|touch|spank|fondle|undress) (?:you|ya|u)\\b(?! (?:back|later))',
      '\\b(?:suck (?:my|on)|blow ?job|sit on my (?:face|lap)|on my lap|in bed with|take (?:off )?your clothes)\\b',
      '\\btake you out\\b(?! of)',
      '\\b(?:your place or mine|come home with me|go on a date with me|be my (?:girlfriend|boyfriend|wife))\\b',
    ].join('|'),
    'gi',
  ),
  profanity: new RegExp(
    [
      // The f-word: plain, masked, leet, dropped letters, spoken letters.
      '\\bfuck\\w*|\\b(?:fuk|fck|fcuk|phuck|phuk|fukk|fvck|fuq)(?:k|ing|in|ed|er|ers|s)?\\b',
      '\\bf[u*]?[*#]+[a-z]*',
      '\\bmotherf\\w*|\\bmother ?(?:f|eff)(?:er|ers|ing|in)\\b|\\bmofos?\\b',
      "\\beff(?:ing|in'?|ed)?(?= |$|[.,!?])|\\beff off\\b|\\bf(?:-| )?(?:ing|in')\\b|(?<!\\b(?:section|plan|row|floor|gate|block|level|class|grade|type|size|option|part|form|exit|vitamin) )\\bf(?: |-)(?:you|off)\\b",
      '\\b(?:wtf|stfu|gtfo|foad|ffs|omfg)\\b',
      // Other swear words, with masked and leet spellings.
      '\\bshit(?!ake|take)\\w*|\\bsh[*#@!1]+t\\w*|\\bs[*#]{2,}t?\\w*|\\bshite\\b|\\bbull ?shit\\w*|\\bbullsh[*#@!1]+t\\b',
      "\\b(?:that'?s|this is|total|such|complete|what) (?:a load of )?bs\\b",
      '\\bbitch\\w*|\\bb[*#@!1i]+tch\\w*|\\bbi[*#]+ch\\w*|\\bbiatch\\b',
      '\\basshole\\w*|\\ba[*#$@]{1,2}hole\\w*|\\ba-hole\\w*|\\barsehole\\w*|\\b(?:dumb|jack|smart)ass\\w*|\\basswipe\\w*|\\b(?:kiss|up) (?:my|your|ur) (?:ass|arse)\\b',
      '\\bbastard\\w*|\\bcunt\\w*|\\bc[*#]nt\\w*|\\bdickhead\\w*|\\bd[*#!1]ck\\w*|\\bdick ?(?:wad|face|weed)\\w*',
      "\\b(?:you|ya|such a|what a|you're a|you are a|you absolute|you little|you stupid) (?:dick|prick|twat|wanker|tosser|knob(?:head)?|cock|bellend)s?\\b",
      '\\b(?:wanker|tosser|twat|bellend|knobhead|cocksucker|bollocks)\\w*',
      '\\b(?:piss|bugger|sod|feck|frig) off\\b|\\bgo to hell\\b|\\bscrew (?:you|off)\\b',
      '\\bpiece of (?:shit|sh[*#]t)',
      '(?<!(?:was|were|been|is|got) )\\bshut up(?! (?:for|shop|early|at|until))',
      '\\bshut (?:the (?:hell|heck) up|your (?:mouth|face|trap|gob|pie ?hole))\\b',
      '\\bson of a (?:b\\b|bitch)|\\bs\\.o\\.b\\b',
      // What a speech-to-text profanity filter leaves: "f***", "s***", YouTube's "[ __ ]".
      '\\b[a-wyz]\\*{2,}[a-z]*|\\[ ?_+ ?\\]|\\[(?:bleep|expletive|profanity|censored)\\]|\\b(?:what the|you|this) bleep(?:ing|in)?\\b',
      '\\bwhat the (?:\\*+|f)(?= |$|[.,!?])',
    ].join('|'),
    'gi',
  ),
  insult: new RegExp(
    [
      // Person nouns said of the agent or of people ("you idiots", "what a moron").
      '\\b(?:idiots?|morons?|imbeciles?|dimwits?|nitwits?|halfwits?|retards?|cretins?)\\b',
      `\\b(?:${YOU_ARE}(?: such| all| just| nothing but| a bunch of| a pack of)?(?: an?)?|${AT_YOU}|such an?|what an?|absolute|complete|total|utter|bunch of|pack of)(?: ${SLUR_ADJ})* ${PERSON_NOUN}\\b`,
      // Adjectives said of a person: "you're useless", "are you thick", "is this guy dense".
      `\\b(?:${YOU_ARE}|are (?:you|u|ya)|r u|is (?:this|that|the) (?:agent|guy|woman|girl|man|lady|person)) (?:${ADVERB} )*${PERSON_ADJ}\\b`,
      '\\bare (?:you|u|ya) (?:(?:just|really|actually|a bit) )?(?:slow|simple|deaf|dim|dense|daft|mental|retarded)\\b',
      `\\b(?:${YOU_ARE}) not (?:very|too|exactly|the most|that|the sharpest|the brightest) (?:bright|smart|clever|intelligent|sharp|tool|knife|pencil|bulb|spark)`,
      '\\bnot the (?:sharpest|brightest) (?:tool|knife|pencil|bulb|spark|crayon)\\b|\\bthick as (?:two short planks|a brick|mince|pig ?shit)\\b|\\blights are on but nobody',
      `\\b(?:${AT_YOU}|this|the|that|what an?|such an?) (?:${SLUR_ADJ} )*(?:stupid|dumb|useless|incompetent|brainless|lazy|clueless|ignorant|pathetic|retarded) (?:agent|person|woman|man|girl|boy|guy|lady|people|staff|cow|pig|muppet|clown|fool|twit|git|waste|lot|bunch)\\b`,
      '\\buseless (?:piece|idiot|moron|agent|person|lot|bunch|people|staff)\\b',
      '\\b(?:brain ?dead|pathetic excuse|imbecile|incompetent)\\b',
      '\\bhow (?:thick|stupid|dumb|dense|useless|incompetent|slow|daft) (?:are|can) (?:you|u|ya)\\b',
      // Without a swear word: a brain, school, a monkey doing the job, simple English.
      "\\b(?:do (?:you|u) (?:even )?have|have (?:you|u) (?:even )?got|(?:you|u) (?:don't|do not|haven't) (?:even )?(?:have|got)) a brain\\b|\\b(?:do (?:you|u) even have|have (?:you|u) even got|(?:you|u) (?:don't|do not|haven't) (?:even )?(?:have|got)) a clue\\b|\\buse your (?:brain|head)\\b|\\b(?:half a|one|two|single) brain ?cells?\\b|\\biq of a\\b",
      "\\b(?:can't|cannot|can not) (?:you|u) (?:even )?read\\b|\\bcan (?:you|u) (?:not|even) read\\b|\\blearn (?:to )?(?:read|speak english)\\b|\\b(?:do|can) (?:you|u) even speak english\\b|\\bunderstand (?:simple|plain|basic) english\\b",
      '\\b(?:a |my )?(?:trained )?(?:monkey|chimp|child|toddler|five[- ]year[- ]old|5[- ]year[- ]old|dog|potato|goldfish) (?:could|would) (?:do|have done) (?:your|this|a better|that) (?:job|better)',
      '\\bwho (?:hired|trained) (?:you|u)\\b|\\bhow did (?:you|u) (?:even )?get (?:this|that|your|a) job\\b|\\bdid (?:you|u) (?:even )?(?:finish|go to|pass) (?:high |primary )?school\\b|\\bgo back to school\\b|\\blearn to do your job\\b',
      "\\byou (?:clearly |obviously |just )?(?:don't|do not) know (?:what you(?:'re| are) doing|your (?:own )?job|anything(?! about))",
      '\\bwaste of (?:space|oxygen|skin|air)\\b',
      '\\bdid (?:you|u|they) (?:even )?get (?:this|that|your|the) job\\b(?! (?:done|sorted|finished))',
      `\\b(?:${YOU_ARE}) (?:\\w+ )?(?:dumber|thicker|stupider|dimmer|denser|more useless|more stupid|more clueless) than\\b`,
      "\\b(?:another|real|right|proper|regular) (?:genius|einstein|rocket scientist|bright spark|mastermind)\\b|\\b(?:who|you|u) can(?:'t|not) even (?:read|count|spell)\\b|\\bwho can(?:'t|not) (?:read|count|spell|understand)\\b",
      '\\b(?:hire|hired|employ|employed|pick|picked) (?:you|u|ya)(?: lot| people| guys)? (?:for|on) (?:being )?(?:slow|thick|stupid|useless|incompetent|dim|dumb|clueless)',
      '\\b(?:explain|say) it (?:slower|more slowly|slowly) but\\b|\\b(?:smaller|small|shorter) words for you\\b|\\bdraw you a (?:picture|diagram)\\b|\\bwith crayons\\b',
      '\\bgo back (?:to your (?:own )?country|where you came from)\\b',
    ].join('|'),
    'gi',
  ),
};

/** "f u c k", "s.h.i.t": letters spelled one by one, joined when they spell a swear word. */
const SPELLED = /\b[a-z](?:[ .\-_]{1,2}[a-z]\b){2,}/gi;
const SPELLED_WORDS = /^(?:fuck\w*|shit\w*|bitch\w*|cunt|asshole|dick|wtf|stfu|gtfo|idiot|moron)$/i;

export function joinSpelledLetters(text: string): string {
  return text.replace(SPELLED, (run) => {
    const joined = run.replace(/[ .\-_]/g, '');
    return SPELLED_WORDS.test(joined) ? joined : run;
  });
}

/**
 * Words reported from someone else: "called me a …", "calling her a …", "he said …", "got a
 * text saying …", words inside quotation marks. The caller's own "I said cancel, you idiot" is
 * not reported.
 */
const EN_REPORTED_VERB =
  /(?:\bcall(?:s|ed|ing)? (?:me|him|her|them|us|my \w+) (?:an? )?$|(?<!\b(?:i|i've|i have|i had|i just|you|you've)\s)\b(?:said|says|saying|wrote|writes|texted|messaged|posted|tweeted|shouted|yelled|screamed|threatened|threatening|(?:the )?words?|the phrase|such as|words like)\b[^.!?]*$)/i;

export function reportedSpeech(before: string): boolean {
  if (EN_REPORTED_VERB.test(before)) return true;
  const quotes = (before.match(/["“”]/g) ?? []).length;
  return quotes % 2 === 1;
}

/**
 * An insult said about oneself ("I felt like an idiot", "I feel so stupid", "you make me look
 * stupid", "do you think I'm an idiot").
 */
export const EN_ABOUT_ONESELF =
  /(?:\bi(?:'m| am| was| feel| felt| look(?:ed)?| sound(?:ed)?)\b|\bme (?:look|feel|sound|seem)\b|\bmyself\b)[^,.!?]*$/i;
