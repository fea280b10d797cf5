import type { Category, Modifier, Utterance } from '../../types.js';
import type { Model } from '../lexicon/schema.js';
import type { Hit } from '../match/match.js';
import { score, type Score } from '../score/score.js';

/** A match before scoring: where it is and what its context says. */
export interface Raw {
  hit: Hit;
  utterance: Utterance;
  /**
   * Who said it, as far as the call tells: the speaker's label, or for unlabelled speech one key per
   * turn (an unknown speaker is never taken for the same one across a turn).
   */
  voice: string;
  /** The words as said. */
  text: string;
  offset: number;
  length: number;
  modifiers: Modifier[];
  /** Reported only by a read-out frame ("it says…"): evidence when read out during a live call. */
  readout?: boolean;
}

/** An unlabelled text is a retelling with at least this many reporting frames, one per this many turns. */
const NARRATION_MARKERS = 3;
const NARRATION_TURNS = 8;
/** A retelling's narrator: reported speech in at least two of their findings, and in at least this share of them. */
const NARRATOR_SHARE = 0.3;
/** A driver gives at least this many instructions, claims or requests, more than they comply. */
const DRIVER_CUES = 2;
/** A driver's evidence (own and reported) weighs at least this share of the heaviest speaker's. */
const DRIVER_EVIDENCE_SHARE = 0.5;
/** Several speakers drive a call (a hand-off to a "supervisor") when each drives at least this share of the most. */
const CO_DRIVER_SHARE = 0.4;
/**
 * Findings scored per category: past this rank a repeat counts decay^k (under 0.1% of its weight),
 * so scoring a call costs the same at its 10th utterance and at its 10,000th.
 */
const TOP_PER_CATEGORY = 16;

function factor(mods: readonly Modifier[], model: Model): number {
  let f = 1;
  for (const m of mods) f *= model.modifiers[m];
  return f;
}

/** What each voice has said so far, kept up to date as findings and turns arrive. */
interface VoiceStats {
  /** The label, or null for unlabelled speech. */
  speaker: string | null;
  /** Findings in reported speech (read-outs aside), and all findings. */
  reported: number;
  all: number;
  /** Evidence weight of their reported findings, and of their own. */
  weightReported: number;
  weightOther: number;
  /** Utterances that give instructions, claim authority or make requests; that comply, read out or ask what to do. */
  drives: number;
  follows: number;
}

/**
 * Roles and score of a call as its findings arrive. Speakers who retell or explain a call rather
 * than make one (their evidence mostly reported: "he tells me to press Windows and R") are
 * narrators, and all their evidence counts as retold. The drivers are the labelled speakers who give
 * instructions, claim authority and make requests (several may: a hand-off to a "supervisor"); when
 * nobody does, the one whose evidence weighs most, as before. What the others say counts as received,
 * except a read-out of the scam's own pop-up or message during the live call, which is evidence.
 * Unknown speakers are keyed by turn, so no role reaches across an unknown speaker change. When no
 * role changes, new findings are scored on their own; when one does, everything is re-weighed.
 */
export class RunningEvaluation {
  /** The main driver (the one who drives most), when labelled. */
  driver: string | null = null;
  drivers = new Set<string>();
  /** The voices that narrate by their own findings (as last weighed), and whether every unlabelled voice does too. */
  private narrators = new Set<string>();
  private allUnknownNarrate = false;
  readonly mods: Modifier[][] = [];
  readonly effective: number[] = [];
  private readonly stats = new Map<string, VoiceStats>();
  /** The labelled voices' stats (few), among which drivers are found. */
  private readonly labelled = new Map<string, VoiceStats>();
  /** Narrators and voices that drive, kept as their stats change (unlabelled speech may have a voice per turn). */
  private readonly narrating = new Set<string>();
  private readonly driving = new Set<string>();
  private readonly top = new Map<Category, number[]>();
  private scored: number[] = [];
  private speakers = 0;
  /** Unlabelled turns, the reporting frames in them ("il me dit", "he told me"), and their voices. */
  private unknown = { turns: 0, markers: 0, voices: new Set<string>() };
  /** Whether someone (labelled or not, no narrator) drives the call: it is live, not retold. */
  private live = false;
  result: Score;

  constructor(
    private readonly raws: Raw[],
    private readonly model: Model,
  ) {
    this.result = score([], model);
  }

  /** Forgets every finding (the call is being matched again, in another language). */
  reset(): void {
    this.stats.clear();
    this.labelled.clear();
    this.narrating.clear();
    this.driving.clear();
    this.top.clear();
    this.mods.length = 0;
    this.effective.length = 0;
    this.driver = null;
    this.live = false;
    this.drivers = new Set();
    this.narrators = new Set();
    this.allUnknownNarrate = false;
    this.unknown = { turns: 0, markers: 0, voices: new Set() };
    this.scored = [];
    this.speakers = 0;
    this.result = score([], this.model);
  }

  /**
   * Notes an unlabelled utterance and how many narration frames it holds, with or without findings;
   * true when that turns the text into a retelling or back (the findings so far must be weighed again).
   */
  noteUnknown(voice: string, markers: number): boolean {
    const before = this.narratedWithoutLabels(this.speakers);
    this.unknown.turns++;
    this.unknown.markers += markers;
    this.unknown.voices.add(voice);
    return this.narratedWithoutLabels(this.speakers) !== before;
  }

  /**
   * A retelling told without speaker labels ("so he tells me… and i say… and he goes…"): with no
   * labelled speaker, its turns cannot be pooled by speaker, so the narrator rule reads the whole
   * text instead. Reporting frames throughout it (at least NARRATION_MARKERS, one per
   * NARRATION_TURNS turns or more) make every unlabelled voice a narrator. A live call has few: the
   * victim may say once how they got there ("the pop-up told me to call").
   */
  private narratedWithoutLabels(speakers: number): boolean {
    const u = this.unknown;
    return speakers === 0 && u.markers >= NARRATION_MARKERS && u.markers * NARRATION_TURNS >= u.turns;
  }

  /** Notes what one utterance does: how many instructions, claims or requests it gives, and how many times it complies. */
  noteTurn(voice: string, speaker: string | null, drives: number, follows: number): void {
    if (drives === 0 && follows === 0) return;
    const s = this.statsOf(voice, speaker);
    if (drives > 0) s.drives++;
    if (follows > 0) s.follows++;
    this.classify(voice, s);
  }

  /** Keeps a voice's membership of the narrators and of the voices that drive up to date. */
  private classify(voice: string, s: VoiceStats): void {
    if (s.reported >= 2 && s.reported >= NARRATOR_SHARE * s.all) this.narrating.add(voice);
    else this.narrating.delete(voice);
    if (s.drives >= DRIVER_CUES && s.drives > s.follows) this.driving.add(voice);
    else this.driving.delete(voice);
  }

  /** Takes in the findings from index `from` on, with `speakers` labelled speakers so far; false when nothing changed. */
  update(from: number, speakers: number): boolean {
    for (let i = from; i < this.raws.length; i++) this.count(this.raws[i]!);
    // Every unlabelled voice narrates in an unlabelled retelling: a flag, not a copy of the voices
    // (one per turn), so that taking in an utterance does not cost more as the call grows.
    const allUnknown = this.narratedWithoutLabels(speakers);
    const narrates = (voice: string) => this.narrating.has(voice) || (allUnknown && this.unknown.voices.has(voice));
    const { driver, drivers } = this.findDrivers(narrates, speakers);
    let live = false;
    for (const voice of this.driving) if (!narrates(voice)) live = true;
    const narratorsChanged =
      allUnknown !== this.allUnknownNarrate || this.narrating.size !== this.narrators.size || [...this.narrating].some((n) => !this.narrators.has(n));
    const changed =
      live !== this.live || driver !== this.driver || drivers.size !== this.drivers.size || [...drivers].some((d) => !this.drivers.has(d)) || narratorsChanged;
    if (!changed && from === this.raws.length && speakers === this.speakers) return false;
    this.speakers = speakers;
    this.live = live;
    this.driver = driver;
    this.drivers = drivers;
    if (narratorsChanged) {
      this.narrators = new Set(this.narrating);
      this.allUnknownNarrate = allUnknown;
    }
    if (changed) {
      this.top.clear();
      from = 0;
    }
    for (let i = from; i < this.raws.length; i++) this.weigh(i);
    this.scored = [...this.top.values()].flat();
    this.result = score(
      this.scored.map((i) => ({
        category: this.raws[i]!.hit.pattern.entry.category,
        effective: this.effective[i]!,
        receiver: this.mods[i]!.includes('receiver'),
        at: this.raws[i]!.utterance.index,
      })),
      this.model,
    );
    return true;
  }

  /** What each finding added to the log-odds (0 for repeats past the scored ranks). */
  contributions(): number[] {
    const out = new Array<number>(this.raws.length).fill(0);
    this.scored.forEach((i, k) => (out[i] = this.result.contributions[k]!));
    return out;
  }

  private statsOf(voice: string, speaker: string | null): VoiceStats {
    let s = this.stats.get(voice);
    if (!s) {
      this.stats.set(voice, (s = { speaker, reported: 0, all: 0, weightReported: 0, weightOther: 0, drives: 0, follows: 0 }));
      if (speaker !== null) this.labelled.set(voice, s);
    }
    return s;
  }

  private count(r: Raw): void {
    if (r.hit.pattern.entry.category === 'counter') return;
    const s = this.statsOf(r.voice, r.utterance.speaker);
    s.all++;
    const w = r.hit.pattern.entry.weight * factor(r.modifiers, this.model);
    if (r.modifiers.includes('reported')) {
      // A read-out ("it says…") does not make a narrator: a receiver reads the screen during the call.
      if (!r.readout) s.reported++;
      s.weightReported += w;
    } else s.weightOther += w;
    this.classify(r.voice, s);
  }

  private findDrivers(narrates: (voice: string) => boolean, speakers: number): { driver: string | null; drivers: Set<string> } {
    const drivers = new Set<string>();
    if (speakers < 2) return { driver: null, drivers };
    // By function: who gives instructions, claims authority and makes requests more than they comply.
    const lead = (s: VoiceStats) => s.drives - s.follows;
    // A driver also says some of the evidence: a doubtful victim asking "can you prove it?" drives nothing.
    let heaviest = 0;
    for (const s of this.labelled.values()) heaviest = Math.max(heaviest, s.weightOther + s.weightReported);
    const weighs = (s: VoiceStats) => s.weightOther + s.weightReported >= DRIVER_EVIDENCE_SHARE * heaviest;
    let most = 0;
    for (const s of this.labelled.values()) if (s.drives >= DRIVER_CUES && weighs(s)) most = Math.max(most, lead(s));
    let driver: string | null = null;
    if (most >= DRIVER_CUES) {
      let best = -Infinity;
      for (const [voice, s] of this.labelled) {
        if (s.drives < DRIVER_CUES || !weighs(s) || lead(s) < Math.max(DRIVER_CUES, CO_DRIVER_SHARE * most)) continue;
        drivers.add(voice);
        const rank = lead(s) + s.weightOther / 100;
        if (rank > best) [driver, best] = [voice, rank];
      }
      return { driver, drivers };
    }
    // Nobody drives by function: the one whose evidence weighs most (a narrator's own words as retold).
    let best = 0;
    for (const [voice, s] of this.labelled) {
      const w = s.weightReported + s.weightOther * (narrates(voice) ? this.model.modifiers.retold : 1);
      if (w > best) [driver, best] = [voice, w];
    }
    if (driver !== null) drivers.add(driver);
    return { driver, drivers };
  }

  private weigh(i: number): void {
    const r = this.raws[i]!;
    const entry = r.hit.pattern.entry;
    const narrator = this.narrators.has(r.voice) || (this.allUnknownNarrate && this.unknown.voices.has(r.voice));
    // During a live call (someone drives it), reading out the scam's pop-up, message or record ("it says here…") is evidence.
    const live = r.readout === true && this.live && !narrator;
    const mods = live ? r.modifiers.filter((m) => m !== 'reported') : [...r.modifiers];
    if (entry.category !== 'counter' && narrator && !mods.includes('reported')) mods.push('retold');
    // Counter-signals too: what vouches for a call is what its driver says ("we will never ask…"),
    // not the receiver's doubts ("this sounds like a scam"). An unknown speaker is no receiver.
    if (!live && this.drivers.size > 0 && r.utterance.speaker !== null && !this.drivers.has(r.voice)) mods.push('receiver');
    this.mods[i] = mods;
    const effective = entry.weight * factor(mods, this.model);
    this.effective[i] = effective;
    if (effective <= 0) return;
    const list = this.top.get(entry.category) ?? [];
    let k = list.length;
    while (k > 0 && this.effective[list[k - 1]!]! < effective) k--;
    if (k >= TOP_PER_CATEGORY) return;
    list.splice(k, 0, i);
    if (list.length > TOP_PER_CATEGORY) list.pop();
    this.top.set(entry.category, list);
  }
}
