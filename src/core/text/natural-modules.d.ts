// Types for the deep paths of natural that src/core/text/natural.ts imports (natural types only its index).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  const distance: (a: string, b: string) => number;
  export default distance;
}
declare module 'natural/lib/natural/phonetics/double_metaphone.js' {
  class DoubleMetaphone {
    process(word: string, maxLength?: number): [string, string];
  }
  export default DoubleMetaphone;
}
