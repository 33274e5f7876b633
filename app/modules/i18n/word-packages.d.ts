/** The parts of two untyped packages that words.server.ts uses. */
declare module "@nlpjs/lang-es" {
  /** Snowball's Spanish stemmer. */
  export class StemmerEs {
    stemWord(word: string): string;
  }
}

declare module "stopword" {
  /** Spanish function words. */
  export const spa: string[];
}
