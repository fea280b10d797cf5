/**
 * Languages scamscan does not read, told apart from English and French the way the session detects
 * the language (src/core/call/session.ts): by the share of stopwords. Each list keeps only frequent
 * function words that are not also English or French words ("die", "as", "que", "non", "y", "um" are
 * left out), so an English or French call never counts many of them; and the English and French
 * words they are weighed against leave out those the others share ("de", "la", "un", "il").
 */
const WORDS: Record<string, string> = {
  Spanish:
    'el los las del por para una pero como muy usted ustedes hay lo está están tiene puede ahora gracias hola sí qué cuando también señor señora su sus esto eso ese esa aquí bueno necesito cuenta dinero',
  German:
    'der das und ist nicht ich sie wir ein eine einen mit auf für dem zu auch noch aber jetzt können kann ihre ihnen sind werden haben bitte danke hallo ja nein sehr ihr mein meine wird',
  Italian:
    'di che sono gli della questo questa anche più grazie suo sua lei abbiamo essere molto adesso bene buongiorno signore signora perché allora cosa tutto sempre deve',
  Portuguese:
    'os dos das não uma com você senhor senhora obrigado obrigada muito isso isto mas seu meu minha agora também tem são bem sim olá aqui conta dinheiro',
};

/** Frequent English and French function words: what the foreign ones are weighed against. */
const SUPPORTED = new Set(
  (
    'the and you to your is it that of this we have for what can are with not my me do just yes okay please i be on at will an if they there ' +
    'les des du une et est qui je vous nous pas ne ce pour avec mais elle votre vos mon oui sur dans au aux ça très'
  ).split(' '),
);

/** Each foreign word and the languages it belongs to. */
function index(): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const [language, words] of Object.entries(WORDS)) for (const w of words.split(' ')) map.set(w, [...(map.get(w) ?? []), language]);
  return map;
}
const FOREIGN = index();

/** Detection reads at most this much of the text: a call clearly in another language is clear in its first minutes. */
export const UNSUPPORTED_SAMPLE = 4_000;
/** Once this many English or French function words outnumber the foreign ones three to one, the call cannot be clearly foreign. */
const CLEARLY_SUPPORTED = 20;
/** Fewer words than this say too little to refuse a call. */
const MIN_WORDS = 12;

/** What the detection counts in the first UNSUPPORTED_SAMPLE characters: words, foreign and English/French function words, and the likeliest foreign language. */
function languageEvidence(text: string): { words: number; foreign: number; supported: number; best: string | null } {
  const sample = text.length > UNSUPPORTED_SAMPLE ? text.slice(0, UNSUPPORTED_SAMPLE) : text;
  const counts = new Map<string, number>();
  let words = 0;
  let foreign = 0;
  let supported = 0;
  for (const m of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    words++;
    const w = m[0];
    if (SUPPORTED.has(w) && ++supported >= CLEARLY_SUPPORTED && foreign * 3 < supported) break;
    const langs = FOREIGN.get(w);
    if (!langs) continue;
    foreign++;
    for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [l, n] of counts) if (best === null || n > counts.get(best)!) best = l;
  return { words, foreign, supported, best };
}

/**
 * The language the text is clearly written in when it is one scamscan does not read (Spanish,
 * German, Italian, Portuguese), else null. Clearly: at least a fifth of its words are that family's
 * function words, three times as many as English and French ones. Pure and linear in the sample.
 */
export function unsupportedLanguage(text: string): string | null {
  const { words, foreign, supported, best } = languageEvidence(text);
  return words < MIN_WORDS || foreign < words / 5 || foreign < 3 * supported ? null : best;
}
