// Types for the `petrovich` package (0.2.x ships none). Only what the index build uses.
declare module 'petrovich' {
  type Gender = 'male' | 'female' | 'androgynous';
  type Case = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
  type Inflector = Record<Case, (name: string) => string>;
  interface Petrovich {
    (person: { gender?: Gender; first?: string; middle?: string; last?: string }, gcase: Case): {
      gender: Gender;
      first?: string;
      middle?: string;
      last?: string;
    };
    detect_gender(middle: string): Gender;
    male: Record<'first' | 'middle' | 'last', Inflector>;
    female: Record<'first' | 'middle' | 'last', Inflector>;
    androgynous: Record<'first' | 'middle' | 'last', Inflector>;
  }
  const petrovich: Petrovich;
  export default petrovich;
}
