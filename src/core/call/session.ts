import type { Finding, Language, Token, Utterance, Verdict } from '../../types.js';
import { LANGUAGES } from '../../types.js';
import type { CompiledFrame, CompiledLexicons, CompiledPattern, Matcher, WordInfo } from '../lexicon/compile.js';
import { stemmerFor } from '../text/stem.js';
import { tokenize } from '../text/tokenize.js';
import { brandWord, restoreBrands, type BrandWord } from '../text/fuzzy.js';
import { canonicalSpeaker } from '../text/normalize.js';
import { completeAcross, dedupeHits, findHits, mayStart, wordInfo, type Hit, type KnownInfos, type UtteranceParts } from '../match/match.js';
import { contextModifiers } from '../match/context.js';
import { RunningEvaluation, type Raw } from './evaluation.js';
import { remember } from '../text/memo.js';

export type { Raw } from './evaluation.js';

/** Config hook: keeps the matches of one utterance that may count; `tokens` are the words the hits index. */
export type HitFilter = (hits: Hit[], tokens: Token[], language: Language) => Hit[];

/** What a session needs of a word form, looked up once per word: its stopword and filler languages (bit i for LANGUAGES[i]) and what it is in each language. */
interface Facts {
  stop: number;
  filler: number;
  /** Per language (LANGUAGES order), made when a call in that language first meets the word. */
  languages: Array<LanguageFacts | undefined>;
}

/**
 * What a word form is in one language: its stem, what each matcher slot knows of it, which slots it
 * starts a pattern of, and what brand restoration needs. It is also the word's info for the language's
 * lexicon matcher (slot 0: list and anchor bits as its own fields), so matching reads one object per word.
 */
interface LanguageFacts extends WordInfo, BrandWord {
  /** wordInfo for each matcher of the language's Slots, made when first needed. */
  infos: Array<WordInfo | undefined>;
  /**
   * Bit k set when the word may start a pattern of slot k's matcher: for slot 0 when it does, for
   * the others when the matcher lists a pattern under it (see mayStart).
   */
  starts: number;
}

/** The context matchers whose word infos a word's facts keep, after the lexicon's matcher. */
const CONTEXT_MATCHERS = ['reported', 'negators', 'clauseBreaks', 'readouts', 'drives', 'follows', 'narration'] as const;

/** The matchers of one language whose word infos the facts keep (the lexicon's, then CONTEXT_MATCHERS), and the slot of each. */
interface Slots {
  matchers: Matcher[];
  slot: Map<Matcher, number>;
}

/** Per lexicons: the facts of each word form met, and each language's slots (made on first use). */
interface FactsIndex {
  words: Map<string, Facts>;
  slots: Array<Slots | undefined>;
}

const factsIndex = new WeakMap<CompiledLexicons, FactsIndex>();

function indexFor(lexicons: CompiledLexicons): FactsIndex {
  let index = factsIndex.get(lexicons);
  if (!index) factsIndex.set(lexicons, (index = { words: new Map(), slots: [] }));
  return index;
}

function factOf(lexicons: CompiledLexicons, words: Map<string, Facts>, form: string): Facts {
  let f = words.get(form);
  if (!f) {
    f = { stop: 0, filler: 0, languages: [] };
    for (const [l, language] of LANGUAGES.entries()) {
      if (lexicons.rules[language].stopwords.has(form)) f.stop |= 1 << l;
      if (lexicons.rules[language].fillers.has(form)) f.filler |= 1 << l;
    }
    remember(words, form, f, 100_000);
  }
  return f;
}

function factsOf(lexicons: CompiledLexicons, tokens: Token[]): Facts[] {
  const { words } = indexFor(lexicons);
  const out = new Array<Facts>(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = factOf(lexicons, words, tokens[i]!.form);
  return out;
}

function slotsFor(lexicons: CompiledLexicons, l: number): Slots {
  const index = indexFor(lexicons);
  let slots = index.slots[l];
  if (!slots) {
    const language = LANGUAGES[l]!;
    const rules = lexicons.rules[language];
    const matchers = [lexicons.matchers[language], ...CONTEXT_MATCHERS.map((key) => rules[key])];
    slots = index.slots[l] = { matchers, slot: new Map(matchers.map((m, k) => [m, k])) };
  }
  return slots;
}

/** The word's facts in language `l` (see LanguageFacts), made once per word and language. */
function languageFacts(lexicons: CompiledLexicons, f: Facts, form: string, l: number, slots: Slots): LanguageFacts {
  let lf = f.languages[l];
  if (!lf) {
    const language = LANGUAGES[l]!;
    const stem = stemmerFor(language)(form);
    const word = { form, stem };
    const main = wordInfo(slots.matchers[0]!, word);
    // Slot 0 exactly; the context matchers' bits say only that one lists a pattern under the word
    // (a slot whose bit is set runs, and finds nothing if none starts): their infos are made when needed.
    let starts = main.list.length > 0 ? 1 : 0;
    for (let k = 1; k < slots.matchers.length; k++) if (mayStart(slots.matchers[k]!, word)) starts |= 1 << k;
    const infos: Array<WordInfo | undefined> = [main];
    const brand = brandWord(form, lexicons.brands, lexicons.rules[language].stopwords);
    lf = f.languages[l] = {
      stem,
      list: main.list,
      b0: main.b0,
      b1: main.b1,
      b2: main.b2,
      u0: main.u0,
      u1: main.u1,
      u2: main.u2,
      open: main.open,
      pairs: brand.pairs,
      second: brand.second,
      alone: brand.alone,
      infos,
      starts,
    };
  }
  return lf;
}

/** Words after which an exact verb form still opens a clause: an instruction ("okay now type…"), not a narration ("i type…"). */
const OPENERS = new Set([
  'please',
  'now',
  'just',
  'and',
  'first',
  'next',
  'then',
  'so',
  'okay',
  'ok',
  'alright',
  'right',
  'also',
  'maintenant',
  'alors',
  'ensuite',
  'puis',
  'et',
  'donc',
  'juste',
  'bon',
  'accord',
  'plait',
]);

/**
 * Whether a drive cue is one: a phrase ("you need to", "i'm calling from") always, an exact verb form
 * ("=type", "=téléchargez") only where an imperative stands, opening its clause.
 */
function instruction(h: Hit, tokens: Token[], text: string): boolean {
  const step = h.pattern.steps[0]!;
  if (step.stems.size > 0 || step.forms.size === 0 || h.from === 0) return true;
  const prev = tokens[h.from - 1]!;
  return /[,.;:!?…]/u.test(text.slice(prev.end, tokens[h.from]!.start)) || OPENERS.has(prev.form);
}

/** What a matcher's frames of several sentences need: those frames, the frame each of their parts belongs to (the first), and how many utterances back they reach. */
interface Across {
  frames: CompiledFrame[];
  partFrame: Map<number, CompiledFrame>;
  patterns: Set<CompiledPattern>;
  depth: number;
}

function acrossOf(matcher: Matcher): Across {
  const frames = matcher.frames.filter((f) => f.sentences > 1);
  const partFrame = new Map<number, CompiledFrame>();
  for (const f of frames) for (const p of f.parts) if (!partFrame.has(p)) partFrame.set(p, f);
  return { frames, partFrame, patterns: new Set(frames.map((f) => f.pattern)), depth: Math.max(0, ...frames.map((f) => f.sentences - 1)) };
}

/** The frames over several sentences of each matcher (see acrossOf), made once per compiled matcher. */
const acrossIndex = new WeakMap<Matcher, Across>();

function acrossFor(matcher: Matcher): Across {
  let across = acrossIndex.get(matcher);
  if (!across) acrossIndex.set(matcher, (across = acrossOf(matcher)));
  return across;
}

const NO_PARTS: number[] = [];

/** An utterance kept for frames across utterances: its words and text, to judge its parts when a later utterance needs them. */
interface Kept extends UtteranceParts {
  tokens: Token[];
  text: string;
  /** Its words' infos for the context matchers. */
  known: KnownInfos;
  /** Whether its negated parts were dropped already. */
  judged: boolean;
}

/** The language is detected from at most this much of the call's text. */
const DETECT_SAMPLE = 20_000;

export interface SessionState {
  /** Utterances so far. */
  utterances: number;
  language: Language;
  score: number;
  verdict: Verdict;
  /** First utterance at which the running verdict reached `scam`, or null. */
  alert: number | null;
}

/**
 * A call read utterance by utterance, as it happens. Each utterance is matched once; the score of
 * the call so far is what `classify` gives for the same first utterances. Pure: no I/O.
 */
export class CallSession {
  readonly utterances: Utterance[] = [];
  readonly raws: Raw[] = [];
  language: Language;
  alert: number | null = null;
  private readonly evaluation: RunningEvaluation;
  private readonly speakers = new Set<string>();
  /** Stopwords counted so far, per language (LANGUAGES order). */
  private readonly stopwordCounts = LANGUAGES.map(() => 0);
  private sampled = 0;
  /** Reported speech still running into the same turn's next utterance (a subtitle cut mid-sentence). */
  private carry = { words: 0, readout: false };
  /** Each utterance's voice (see Raw), and whether it starts a turn. */
  private readonly voices: string[] = [];
  private readonly turnStarts: boolean[] = [];
  /** Unlabelled turns so far (each its own voice). */
  private unknownTurns = 0;
  /** Whether the last utterance matched gave a labelled speaker's instruction or compliance. */
  private cued = false;
  /** The last utterances' live parts of frames over several sentences (oldest first), to complete them across utterances. */
  private recent: Kept[] = [];
  /** Scratch for the part hits of the utterance being matched. */
  private readonly partScratch: number[] = [];

  constructor(
    private readonly lexicons: CompiledLexicons,
    private readonly forcedLanguage?: Language,
    /** Config hook: drops matches before they count (disabled entries, allow-list). */
    private readonly filter?: HitFilter,
  ) {
    this.language = forcedLanguage ?? 'en';
    this.evaluation = new RunningEvaluation(this.raws, lexicons.model);
  }

  /** Adds the next utterance (its index is set here, whatever it was) and returns the state of the call so far. */
  add(utterance: Omit<Utterance, 'index'> & { index?: number }): SessionState {
    const u: Utterance = {
      index: this.utterances.length + 1,
      speaker: utterance.speaker === null ? null : canonicalSpeaker(utterance.speaker),
      text: utterance.text,
      offset: utterance.offset,
    };
    if (utterance.map !== undefined) u.map = utterance.map;
    if (utterance.start !== undefined) u.start = utterance.start;
    if (utterance.turn !== undefined) u.turn = utterance.turn;
    this.voiceOf(u);
    this.utterances.push(u);
    const speakers = this.speakers.size;
    if (u.speaker !== null) this.speakers.add(u.speaker);
    const tokens = tokenize(u.text);
    const facts = factsOf(this.lexicons, tokens);
    let from = this.raws.length;
    const relanguaged = !this.forcedLanguage && this.detect(tokens, facts);
    if (relanguaged) {
      // The language changed with this utterance: match the call again in the new language (rare).
      // The evaluation forgets first, since matching notes each utterance's turns and narration.
      this.evaluation.reset();
      this.carry = { words: 0, readout: false };
      this.recent = [];
      this.raws.length = 0;
      for (const x of this.utterances) {
        const words = x === u ? tokens : tokenize(x.text);
        this.raws.push(...this.match(x, words, x === u ? facts : factsOf(this.lexicons, words)));
      }
      from = 0;
    } else {
      this.raws.push(...this.match(u, tokens, facts));
    }
    // The score moves only with new matches, or when roles may change (a second speaker, an instruction, a
    // compliance), or when everything was matched again.
    if (relanguaged || this.raws.length !== from || (this.raws.length && (speakers < 2 !== this.speakers.size < 2 || this.cued))) {
      this.evaluation.update(from, this.speakers.size);
      if (this.alert === null && this.evaluation.result.verdict === 'scam') this.alert = u.index;
    }
    return this.state();
  }

  state(): SessionState {
    const { result } = this.evaluation;
    return { utterances: this.utterances.length, language: this.language, score: result.score, verdict: result.verdict, alert: this.alert };
  }

  get current(): RunningEvaluation {
    return this.evaluation;
  }

  /**
   * Sets the voice of the next utterance `u`, and whether it starts a turn: a labelled speaker change,
   * a labelled speaker after an unlabelled one (or back), or a turn the reader recovered from the
   * text's shape (`turn: 'recovered'`: the speaker may have changed). An unlabelled utterance after an
   * unlabelled one continues its turn otherwise (a subtitle cue, a sentence of the same paragraph).
   * Unknown never equals unknown across a recovered turn: each is its own voice.
   */
  private voiceOf(u: Utterance): void {
    const prev = this.utterances.at(-1);
    const same = prev !== undefined && u.speaker === prev.speaker && (u.speaker !== null || u.turn !== 'recovered');
    this.turnStarts.push(!same || u.turn === 'recovered');
    this.voices.push(u.speaker !== null ? u.speaker : same ? this.voices.at(-1)! : `\u0000${++this.unknownTurns}`);
  }

  /** Counts stopwords in the first DETECT_SAMPLE characters of the call; true when the detected language changed. */
  private detect(tokens: Token[], facts: Facts[]): boolean {
    if (this.sampled > DETECT_SAMPLE) return false;
    const room = DETECT_SAMPLE - this.sampled;
    const counts = this.stopwordCounts;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.end > room) break;
      const mask = facts[i]!.stop;
      if (mask !== 0) for (let l = 0; l < counts.length; l++) if (mask & (1 << l)) counts[l] = counts[l]! + 1;
    }
    this.sampled += (tokens.at(-1)?.end ?? 0) + 1;
    // English (the first language) wins ties and text with no stopwords at all.
    let best = 0;
    for (let l = 1; l < counts.length; l++) if (counts[l]! > counts[best]!) best = l;
    const changed = LANGUAGES[best]! !== this.language;
    this.language = LANGUAGES[best]!;
    return changed;
  }

  /** Matches one utterance, given its words and their facts (stemmed here in the call's language). */
  private match(u: Utterance, words: Token[], facts: Facts[]): Raw[] {
    const rules = this.lexicons.rules[this.language];
    const l = LANGUAGES.indexOf(this.language);
    const bit = 1 << l;
    let kept = words;
    let keptFacts = facts;
    let fillers = false;
    for (let i = 0; i < facts.length; i++) if (facts[i]!.filler & bit) fillers = true;
    if (fillers) {
      kept = [];
      keptFacts = [];
      for (let i = 0; i < words.length; i++) {
        if (facts[i]!.filler & bit) continue;
        kept.push(words[i]!);
        keptFacts.push(facts[i]!);
      }
    }
    const slots = slotsFor(this.lexicons, l);
    let wordFacts = new Array<LanguageFacts>(kept.length);
    let starts = 0;
    let restorable = false;
    for (let i = 0; i < kept.length; i++) {
      const lf = (wordFacts[i] = languageFacts(this.lexicons, keptFacts[i]!, kept[i]!.form, l, slots));
      kept[i]!.stem = lf.stem;
      starts |= lf.starts;
      if (lf.pairs !== null || lf.alone !== null) restorable = true;
    }
    const tokens = restorable ? restoreBrands(kept, this.lexicons.brands, rules.stopwords, wordFacts) : kept;
    const matcher = slots.matchers[0]!;
    if (tokens !== kept) {
      // Restored brand names are new words: stemmed and looked up as such.
      const { words: index } = indexFor(this.lexicons);
      wordFacts = new Array<LanguageFacts>(tokens.length);
      starts = 0;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        const lf = (wordFacts[i] = languageFacts(this.lexicons, factOf(this.lexicons, index, t.form), t.form, l, slots));
        t.stem = lf.stem;
        starts |= lf.starts;
      }
    }
    // The words' infos per matcher slot, gathered when a matcher is first run on the utterance; null
    // (no hit) for a matcher that no word of the utterance starts a pattern of.
    const gathered: Array<WordInfo[] | undefined> = [];
    const known: KnownInfos = (m) => {
      const k = slots.slot.get(m);
      if (k === undefined) return undefined;
      if ((starts & (1 << k)) === 0) return null;
      if (k === 0) return wordFacts; // each word's facts are its info for the lexicon's matcher
      let infos = gathered[k];
      if (!infos) {
        infos = gathered[k] = new Array<WordInfo>(wordFacts.length);
        for (let i = 0; i < wordFacts.length; i++) infos[i] = wordFacts[i]!.infos[k] ??= wordInfo(m, tokens[i]!);
      }
      return infos;
    };
    const scratch = this.partScratch;
    scratch.length = 0;
    let found = findHits(matcher, tokens, known(matcher), scratch);
    // Frames of several sentences also complete across adjacent utterances (a move cut in two by the
    // transcript): this utterance's parts meet the kept parts of the last ones.
    const across = acrossFor(matcher);
    let current: Kept | undefined;
    let crossed: Set<Hit> | undefined;
    if (across.depth > 0) {
      let parts = NO_PARTS;
      for (let k = 0; k < scratch.length; k += 3) {
        if (!across.partFrame.has(scratch[k]!)) continue;
        if (parts === NO_PARTS) parts = [];
        parts.push(scratch[k]!, scratch[k + 1]!, scratch[k + 2]!);
      }
      current = { tokens, text: u.text, known, parts, judged: parts === NO_PARTS };
      for (const h of found) if (h.heads && across.patterns.has(h.pattern)) (current.found ??= new Set()).add(h.pattern);
      if (parts !== NO_PARTS && this.recent.some((r) => r.parts.length > 0)) {
        for (const r of this.recent) if (!r.judged) this.judge(r, across);
        const cross = completeAcross(across.frames, this.recent, current);
        if (cross.length) {
          crossed = new Set(cross);
          found = [...found, ...cross];
        }
      }
    }
    const hits = found.length === 0 ? found : dedupeHits(this.filter ? this.filter(found, tokens, this.language) : found); // the config hook
    const voice = this.voices[u.index - 1]!;
    const carryIn = this.turnStarts[u.index - 1] ? 0 : this.carry.words;
    // What the utterance does (instructs, claims, requests; complies, reads out), for the roles.
    const drives = rules.drives.all.length ? findHits(rules.drives, tokens, known(rules.drives)).filter((h) => instruction(h, tokens, u.text)) : [];
    const follows = rules.follows.all.length ? findHits(rules.follows, tokens, known(rules.follows)) : [];
    const context = contextModifiers(drives.length ? [...hits, ...drives] : hits, tokens, u.text, rules, carryIn, known, this.carry.readout);
    const { modifiers: mods, readout } = context;
    this.carry = { words: context.carryOut, readout: context.carryReadout };
    // An instruction in reported speech ("he told me to download…") is not the speaker's own.
    const ownDrives = drives.filter((_, k) => !mods[hits.length + k]!.includes('reported')).length;
    this.evaluation.noteTurn(voice, u.speaker, ownDrives, follows.length);
    // Narration in an unlabelled text can make it a retelling after its last finding: weigh again then too.
    const narration =
      u.speaker === null &&
      this.evaluation.noteUnknown(voice, rules.narration.all.length ? findHits(rules.narration, tokens, known(rules.narration)).length : 0);
    this.cued = ownDrives > 0 || follows.length > 0 || narration;
    if (current) {
      this.recent.push(current);
      if (this.recent.length > across.depth) this.recent.shift();
    }
    // A frame completed across utterances whose part here is negated is no move.
    const live = crossed ? hits.flatMap((hit, i) => (crossed!.has(hit) && mods[i]!.includes('negated') ? [] : [i])) : undefined;
    if (live && live.length < hits.length) {
      for (const i of hits.keys()) if (!live.includes(i)) current!.found?.delete(hits[i]!.pattern);
      return live.map((i) => this.raw(u, voice, tokens, hits[i]!, mods[i]!, readout[i]!));
    }
    return hits.map((hit, i) => this.raw(u, voice, tokens, hit, mods[i]!, readout[i]!));
  }

  /**
   * Drops the parts of a kept utterance that are negated in it ("never read it to anyone"): they
   * complete no frame. Done once per utterance, and only when a later one has parts to meet them.
   */
  private judge(r: Kept, across: Across): void {
    const hits: Hit[] = [];
    for (let k = 0; k < r.parts.length; k += 3)
      hits.push({ pattern: across.partFrame.get(r.parts[k]!)!.pattern, from: r.parts[k + 1]!, to: r.parts[k + 2]!, heads: [r.parts[k + 1]!] });
    const { modifiers } = contextModifiers(hits, r.tokens, r.text, this.lexicons.rules[this.language], 0, r.known);
    const parts: number[] = [];
    modifiers.forEach((m, k) => {
      if (!m.includes('negated')) parts.push(r.parts[3 * k]!, r.parts[3 * k + 1]!, r.parts[3 * k + 2]!);
    });
    r.parts = parts;
    r.judged = true;
  }

  /** The finding of a hit of utterance `u`, positioned in its text. */
  private raw(u: Utterance, voice: string, tokens: Token[], hit: Hit, modifiers: Raw['modifiers'], readout: boolean | undefined): Raw {
    const start = tokens[hit.from]!.start;
    const end = tokens[hit.to - 1]!.end;
    const at = (k: number) => (u.map ? (u.map[k] ?? u.offset) : u.offset + k);
    const raw: Raw = {
      hit,
      utterance: u,
      voice,
      text: u.text.slice(start, end),
      offset: at(start),
      length: (u.map ? at(end - 1) + 1 : at(end)) - at(start),
      modifiers,
    };
    if (readout) raw.readout = true;
    return raw;
  }

  /** The findings of the call so far, positioned by `locate` (line and column in the source). */
  findings(locate: (offset: number) => { line: number; column: number }): Finding[] {
    const { mods, effective } = this.evaluation;
    const contributions = this.evaluation.contributions();
    return this.raws.map((r, i) => {
      const e = r.hit.pattern.entry;
      const { line, column } = locate(r.offset);
      const f: Finding = {
        id: e.id,
        category: e.category,
        stage: e.stage,
        text: r.text,
        utterance: r.utterance.index,
        speaker: r.utterance.speaker,
        line,
        column,
        offset: r.offset,
        length: r.length,
        weight: e.weight,
        effective: Math.round(effective[i]! * 1000) / 1000,
        modifiers: mods[i]!,
        contribution: contributions[i]!,
        source: e.source,
      };
      if (r.utterance.start !== undefined) f.start = r.utterance.start;
      return f;
    });
  }
}
