import type { Category, Modifier, Utterance } from '../../types.js';
import type { Model } from '../lexicon/schema.js';
import type { Hit } from '../match/match.js';
import { score, type Score } from '../score/score.js';

/** A match before scoring: where it is and what its context says. */
export interface Raw {
  hit: Hit;
  utterance: Utterance;
  /** The words as said. */
  text: string;
  offset: number;
  length: number;
  modifiers: Modifier[];
}

/** A retelling's narrator: reported speech in at least two of their findings, and in at least this share of them. */
const NARRATOR_SHARE = 0.3;
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

/** What each speaker has said so far, kept up to date as findings arrive. */
interface SpeakerStats {
  reported: number;
  all: number;
  /** Evidence weight of their reported findings, and of the others (which turn "retold" if they narrate). */
  weightReported: number;
  weightOther: number;
}

/**
 * Roles and score of a call as its findings arrive. Speakers who retell or explain a call rather
 * than make one (their evidence mostly reported: "he tells me to press Windows and R") are
 * narrators, and all their evidence counts as retold; the driver is the labelled speaker whose own
 * evidence weighs most, and what the others say counts as received. When neither role changes, new
 * findings are scored on their own; when one does (a few times a call), everything is re-weighed.
 */
export class RunningEvaluation {
  driver: string | null = null;
  private narrators = new Set<string | null>();
  readonly mods: Modifier[][] = [];
  readonly effective: number[] = [];
  private readonly stats = new Map<string | null, SpeakerStats>();
  private readonly top = new Map<Category, number[]>();
  private scored: number[] = [];
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
    this.top.clear();
    this.mods.length = 0;
    this.effective.length = 0;
    this.driver = null;
    this.narrators = new Set();
  }

  /** Takes in the findings from index `from` on, with `speakers` labelled speakers so far. */
  update(from: number, speakers: number): void {
    for (let i = from; i < this.raws.length; i++) this.count(this.raws[i]!);
    const narrators = new Set([...this.stats].filter(([, s]) => s.reported >= 2 && s.reported >= NARRATOR_SHARE * s.all).map(([k]) => k));
    const driver = this.findDriver(narrators, speakers);
    const changed = driver !== this.driver || narrators.size !== this.narrators.size || [...narrators].some((n) => !this.narrators.has(n));
    this.driver = driver;
    this.narrators = narrators;
    if (changed) {
      this.top.clear();
      from = 0;
    }
    for (let i = from; i < this.raws.length; i++) this.weigh(i);
    this.scored = [...this.top.values()].flat();
    this.result = score(
      this.scored.map((i) => ({ category: this.raws[i]!.hit.pattern.entry.category, effective: this.effective[i]!, receiver: this.mods[i]!.includes('receiver'), at: this.raws[i]!.utterance.index })),
      this.model,
    );
  }

  /** What each finding added to the log-odds (0 for repeats past the scored ranks). */
  contributions(): number[] {
    const out = new Array<number>(this.raws.length).fill(0);
    this.scored.forEach((i, k) => (out[i] = this.result.contributions[k]!));
    return out;
  }

  private count(r: Raw): void {
    if (r.hit.pattern.entry.category === 'counter') return;
    const key = r.utterance.speaker;
    const s = this.stats.get(key) ?? { reported: 0, all: 0, weightReported: 0, weightOther: 0 };
    const w = r.hit.pattern.entry.weight * factor(r.modifiers, this.model);
    s.all++;
    if (r.modifiers.includes('reported')) {
      s.reported++;
      s.weightReported += w;
    } else s.weightOther += w;
    this.stats.set(key, s);
  }

  private findDriver(narrators: Set<string | null>, speakers: number): string | null {
    if (speakers < 2) return null;
    let driver: string | null = null;
    let best = 0;
    for (const [speaker, s] of this.stats) {
      if (speaker === null) continue;
      const w = s.weightReported + s.weightOther * (narrators.has(speaker) ? this.model.modifiers.retold : 1);
      if (w > best) [driver, best] = [speaker, w];
    }
    return driver;
  }

  private weigh(i: number): void {
    const r = this.raws[i]!;
    const entry = r.hit.pattern.entry;
    const speaker = r.utterance.speaker;
    const mods = [...r.modifiers];
    if (entry.category !== 'counter' && this.narrators.has(speaker) && !mods.includes('reported')) mods.push('retold');
    // Counter-signals too: what vouches for a call is what its driver says ("we will never ask…"),
    // not the receiver's doubts ("this sounds like a scam").
    if (this.driver !== null && speaker !== null && speaker !== this.driver) mods.push('receiver');
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
