/**
 * Splits page text into word tokens for the name matcher, keeping each word's [start, end)
 * offsets in the original string so a mark can be mapped back to the page.
 *
 * Between two tokens the tokeniser records whether something separated them that a name
 * cannot run across: punctuation (comma, sentence-ending full stop, quotes, brackets, digits…)
 * or an empty line. Plain spaces, NBSP and a single line break do not separate; neither does
 * the dot of an initial ("А.С. Бахтин", "Бахтин А. С.").
 *
 * The matcher reads tokens from a `TokenList` (parallel arrays, reused between runs, a word's
 * normal form computed only for capitalised words or when asked), because a page has
 * hundreds of thousands of words and almost none of them are names.
 */
import { FNV_OFFSET, FNV_PRIME } from './fnv';
import { normalizeToken } from './normalize';

export interface WordToken {
  /** Offsets of the word in the original text (a possessive "'s" is left outside, an initial's dot inside). */
  start: number;
  end: number;
  /** The word through `normalizeToken`: what the index forms are compared with. */
  norm: string;
  /** Starts with a capital letter (Title case or ALL CAPS): only such words can be names. */
  capitalised: boolean;
  /** A capital letter (or Latin digraph such as "Yu") followed by a dot: an initial. */
  initial: boolean;
  /** Punctuation or an empty line stands between the previous token and this one. */
  breakBefore: boolean;
}

const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /\p{Lu}/u;
/** Invisible inside words: soft hyphen, zero-width space/joiners, word joiner, BOM. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
/** Joiners that keep a word whole when a letter follows: hyphens/dashes and apostrophes. */
const JOINER = /['’‘ʼʹʻ`´′\-‐‑‒–—−]/;
const APOSTROPHE = /['’ʼ]/;
/** Two-letter Latin initials used for one Cyrillic letter (Yu. = Ю., Zh. = Ж.). */
const DIGRAPH_INITIALS = new Set(['yu', 'ya', 'ye', 'yo', 'zh', 'kh', 'ts', 'ch', 'sh']);

/*
 * What each UTF-16 code unit is to the tokeniser, as bit flags. The regexes above define it;
 * each code unit is classified by them once, the first time it is met, and remembered.
 */
const KNOWN = 1;
const IS_LETTER = 2;
const IS_UPPER = 4;
const IS_SPACE = 8;
const IS_INVISIBLE = 16;
const IS_JOINER = 32;
const IS_APOSTROPHE = 64;
/** A-Z, a-z, А-я, Ё, ё: a word made only of these needs no more than lower-casing and ё→е. */
const IS_PLAIN = 128;

const classes = new Uint8Array(0x10000);

/**
 * A run of code units none of which is a capital letter: ASCII but A-Z, the rest of Latin-1 but
 * À-Þ, Cyrillic а-џ, and general punctuation. What most page text is made of; `readNear` lets
 * the regex engine step over it (faster than a loop of table look-ups: docs/architecture.md)
 * and classifies whatever stops it. Sticky, so it always matches, possibly nothing.
 */
export const NO_CAPITALS = /[\0-@[-\xbf\xd7\xdf-\xff\u0430-\u045f\u2000-\u206f]*/y;

function isLetter(ch: string): boolean {
  if (ch < '\u0080') return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  return LETTER.test(ch);
}

function classify(code: number): number {
  const ch = String.fromCharCode(code);
  let c = KNOWN;
  if (isLetter(ch)) c |= IS_LETTER;
  if (UPPER.test(ch)) c |= IS_UPPER;
  // \s covers NBSP, thin/figure spaces, line and paragraph separators.
  if (/\s/u.test(ch)) c |= IS_SPACE;
  if (INVISIBLE.test(ch)) c |= IS_INVISIBLE;
  if (JOINER.test(ch)) c |= IS_JOINER;
  if (APOSTROPHE.test(ch)) c |= IS_APOSTROPHE;
  if (/[A-Za-zА-яЁё]/.test(ch)) c |= IS_PLAIN;
  classes[code] = c;
  return c;
}

function classOf(code: number): number {
  return classes[code]! || classify(code);
}


/** Flags of a token in `TokenList.flags`. */
export const CAPITALISED = 1;
export const INITIAL = 2;
export const BREAK_BEFORE = 4;

/** Plain Latin/Cyrillic words (the vast majority) need only lower-casing and ё→е. */
function normalizePlain(raw: string): string {
  const lower = raw.toLowerCase();
  return lower.indexOf('ё') < 0 ? lower : lower.replace(/ё/g, 'е');
}

/*
 * The word at `start` (a letter), as the tokeniser reads it, left in these module variables
 * so the hot loop allocates nothing: `wordRunEnd` is where the run of letters (and of joiners
 * or invisible characters followed by a letter) stops, `wordEnd` the end of the word without a
 * possessive "'s", `wordPlain` whether it is made of plain letters only.
 */
let wordRunEnd = 0;
let wordEnd = 0;
let wordPlain = false;

function readWord(text: string, start: number, firstClass: number): void {
  const n = text.length;
  /** First character of the word that is not a plain letter, or -1. */
  let firstOdd = firstClass & IS_PLAIN ? -1 : start;
  let j = start + 1;
  while (j < n) {
    const code = text.charCodeAt(j);
    // Lower-case a-z and а-я, the bulk of every word: plain letters, nothing to note.
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x430 && code <= 0x44f)) {
      j++;
      continue;
    }
    const d = classOf(code);
    if (d & IS_LETTER || (d & (IS_INVISIBLE | IS_JOINER) && letterAhead(text, j + 1))) {
      if (!(d & IS_PLAIN) && firstOdd < 0) firstOdd = j;
      j++;
    } else break;
  }
  let end = j;
  // "Bakhtin's" / "Bakhtin’s": the mark covers the name, not the possessive ending.
  if (end - start >= 3) {
    const last = text.charCodeAt(end - 1);
    if ((last === 0x73 || last === 0x53) && classOf(text.charCodeAt(end - 2)) & IS_APOSTROPHE) end -= 2;
  }
  wordRunEnd = j;
  wordEnd = end;
  wordPlain = firstOdd < 0 || firstOdd >= end;
}

/** The `WordTable` hash of text[start, end): FNV-1a of its code units. */
function hashOf(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h;
}

/** Plain letters (`IS_PLAIN`) by code unit below PLAIN_LETTER_END: one look-up instead of five range tests. */
const PLAIN_LETTER_END = 0x460;
const plainLetters = new Uint8Array(PLAIN_LETTER_END);
plainLetters.fill(1, 0x41, 0x5b).fill(1, 0x61, 0x7b).fill(1, 0x410, 0x450);
plainLetters[0x401] = plainLetters[0x451] = 1;

/**
 * The end of a word of plain letters from `start` that ends at a plain separator (a character
 * that is no letter, joiner or invisible one, and no dot after one or two letters, which could
 * make an initial), with its `hashOf` in `plainWordHash`; -1 for any other word, which needs
 * `readWord`. One pass over the word for the common case.
 */
let plainWordHash = 0;
function plainWordEnd(text: string, start: number): number {
  const n = text.length;
  let h = FNV_OFFSET;
  let j = start;
  for (; j < n; j++) {
    const code = text.charCodeAt(j);
    if (code < PLAIN_LETTER_END && plainLetters[code] === 1) h = Math.imul(h ^ code, FNV_PRIME);
    else break;
  }
  if (j < n) {
    const code = text.charCodeAt(j);
    if (classOf(code) & (IS_LETTER | IS_JOINER | IS_INVISIBLE) || (code === 0x2e && j - start <= 2)) return -1;
  }
  plainWordHash = h;
  return j;
}

/** Whether the next character after invisible ones, from `i` on, is a letter. */
function letterAhead(text: string, i: number): boolean {
  let j = i;
  let c = 0;
  while (j < text.length && (c = classOf(text.charCodeAt(j))) & IS_INVISIBLE) j++;
  return j < text.length && (c & IS_LETTER) !== 0;
}

/** Whether a word of `norm` (and this raw form) followed by a dot is an initial. */
function isInitial(norm: string, rawLength: number): boolean {
  return norm.length === 1 || (norm.length === 2 && rawLength === 2 && DIGRAPH_INITIALS.has(norm));
}

/** Slots of `WordTable` (a power of two), and how far a look-up probes. */
const WORD_SLOTS = 1 << 14;
const WORD_PROBES = 8;

/**
 * Normal forms of capitalised words, and what the `readNear` test said of each, found by a
 * hash of the word straight from the page text: a page repeats its capitalised words, and this
 * spares making and normalising a string for each. Words are keyed by their exact text (a
 * page writes a word the same way almost every time, and comparing code units is cheapest).
 */
class WordTable {
  readonly norms: Array<string | undefined> = new Array<string | undefined>(WORD_SLOTS);
  /** Each slot's hash: a probe compares it before it touches the word. */
  private readonly hashes = new Int32Array(WORD_SLOTS);
  /** Each slot's word, as the page writes it. */
  private readonly raws: Array<string | undefined> = new Array<string | undefined>(WORD_SLOTS);
  /** Per slot: 0 not asked, 1 not a name word, 2 a name word (for `test`). */
  readonly answers = new Uint8Array(WORD_SLOTS);
  private filled = 0;
  private test: NameWordTest | null = null;

  /**
   * The slot of the word text[start, end) (entered if new; a full table starts afresh), or -1
   * when its probes are all taken by other words.
   * `plain`: the word is made of plain letters only; `h`: its `hashOf`, when known.
   */
  slot(text: string, start: number, end: number, plain: boolean, h = hashOf(text, start, end)): number {
    const length = end - start;
    for (let probe = 0; probe < WORD_PROBES; probe++) {
      const slot = (h + probe) & (WORD_SLOTS - 1);
      const norm = this.norms[slot];
      if (norm === undefined) {
        if (this.filled > WORD_SLOTS >> 1) {
          // Half full (a long session of pages): forget all rather than probe ever longer.
          this.clear();
          return this.slot(text, start, end, plain, h);
        }
        const raw = text.slice(start, end);
        this.norms[slot] = plain ? normalizePlain(raw) : normalizeToken(raw);
        this.raws[slot] = raw;
        this.hashes[slot] = h;
        this.answers[slot] = 0;
        this.filled++;
        return slot;
      }
      if (this.hashes[slot] !== h) continue;
      const raw = this.raws[slot];
      if (raw!.length === length && sameText(raw!, text, start)) {
        return slot;
      }
    }
    return -1;
  }

  /** Whether the word in `slot` passes the test (asked once per word). */
  isNameWord(slot: number): boolean {
    let answer = this.answers[slot]!;
    if (answer === 0) {
      answer = this.test!(this.norms[slot]!) ? 2 : 1;
      this.answers[slot] = answer;
    }
    return answer === 2;
  }

  /** Forgets every word (a word entered again gets its answer afresh). */
  clear(): void {
    this.norms.fill(undefined);
    this.raws.fill(undefined);
    this.filled = 0;
  }

  /** Starts answering for another test: the normal forms stay, the answers go. */
  useTest(test: NameWordTest): void {
    if (this.test === test) return;
    this.test = test;
    this.answers.fill(0);
  }
}

/*
 * The capitalised word at `start` as `readCapitalWord` read it (besides `wordRunEnd`,
 * `wordEnd` and `wordPlain`): its normal form, whether it is an initial, and whether a name may
 * start at it (an initial, or a word `nameWord` accepts; always false without a test).
 */
let capitalNorm = '';
let capitalInitial = false;
let capitalNameStart = false;

/**
 * Reads the capitalised word at `start` (its first character of class `firstClass`). A word
 * already in `words` costs no string: most are plain and end at a space or punctuation, and
 * one pass reads and hashes them. `readNear` asks this to skip words, the tokeniser to make
 * tokens, so both judge a word alike.
 */
function readCapitalWord(text: string, start: number, firstClass: number, words: WordTable, nameWord: NameWordTest | null): void {
  const plainEnd = plainWordEnd(text, start);
  let slot = -1;
  if (plainEnd >= 0) {
    wordRunEnd = wordEnd = plainEnd;
    wordPlain = true;
    slot = words.slot(text, start, plainEnd, true, plainWordHash);
  } else {
    readWord(text, start, firstClass);
    slot = words.slot(text, start, wordEnd, wordPlain);
  }
  // (A word the plain path read is no initial: it stops short of a dot after one or two letters.)
  if (slot >= 0) {
    capitalNorm = words.norms[slot]!;
    capitalInitial = plainEnd < 0 && text.charCodeAt(wordRunEnd) === 0x2e && isInitial(capitalNorm, wordEnd - start);
    capitalNameStart = nameWord !== null && (capitalInitial || words.isNameWord(slot));
    return;
  }
  const raw = text.slice(start, wordEnd);
  capitalNorm = wordPlain ? normalizePlain(raw) : normalizeToken(raw);
  capitalInitial = text.charCodeAt(wordRunEnd) === 0x2e && isInitial(capitalNorm, raw.length);
  capitalNameStart = nameWord !== null && (capitalInitial || nameWord(capitalNorm));
}

/** Whether `raw` is the text of `text` at `start`. */
function sameText(raw: string, text: string, start: number): boolean {
  for (let k = 0; k < raw.length; k++) if (raw.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** Whether a capitalised word could begin a name the matcher tries: see `TokenList.readNear`. */
export type NameWordTest = (norm: string) => boolean;

const NO_JOINERS: ReadonlySet<string> = new Set();

/** A token index past every other: "no need to stop" for `tokenizeFrom`. */
const NO_LIMIT = 0x7fffffff;
/**
 * Tokens a name search at token k may look at: k - 1 to k + 4 (one more to spare), and of
 * those only as far as the first one that cannot go on a name (see `TokenList.readNear`).
 */
const NAME_REACH_AHEAD = 6;

/**
 * The tokens of one text in parallel arrays. `read` refills the same arrays, so a matcher
 * keeps one list for all the runs it scans.
 */
export class TokenList {
  text = '';
  count = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** CAPITALISED | INITIAL | BREAK_BEFORE per token. */
  flags = new Uint8Array(256);
  /** Normal forms; undefined for a lower-case word until `norm` is asked for it. */
  private norms: Array<string | undefined> = [];
  /** Whether a lower-case word is made of plain letters only (so normalising is cheap). */
  private plain = new Uint8Array(256);
  /** Between two tokens: a separator was met since the last token / line breaks since it. */
  private broken = false;
  private newlines = 0;
  /** In `readNear`: the name-word test, and the token count the current stretch must reach. */
  private nameWord: NameWordTest | null = null;
  private need = 0;
  /** In `readNear`: the lower-case words a name goes on through. */
  private joiners: ReadonlySet<string> = NO_JOINERS;
  /** The longest of `joiners`: a longer plain word (as long as its normal form) is none. */
  private joinerLength = 0;
  /** Code units a plain lower-case word of `joiners` can begin with (е also as ё). */
  private joinerHeads: ReadonlySet<number> = new Set();
  /**
   * Capitalised words met so far (pages repeat them). Each list has its own: a matcher reads
   * every run into one list, so a new matcher starts with no words, as a page load does.
   */
  private readonly words = new WordTable();
  /** Views made so far, and the `reads` count each was last filled at. */
  private readonly views: TokenView[] = [];
  private viewReads = new Int32Array(256);
  /** How many times `begin` ran: a view filled before the current read is stale. */
  private reads = 0;

  /** Tokenises `text` into this list (the previous tokens are gone). */
  read(text: string): this {
    this.begin(text, null);
    this.tokenizeFrom(0, NO_LIMIT);
    return this;
  }

  /**
   * Tokenises only the stretches of `text` a name search can look at: around every capitalised
   * word that is an initial or passes `nameWord`, from the token before it to five after it, or
   * to the first token after it that no name goes on through: a lower-case word not among
   * `joiners` ("оглы" of a Turkic patronymic is one), or a token after a break.
   * Everything else is skipped without making tokens: most words of a page are no name.
   *
   * The tokens made are exactly those `read` makes there, with the same flags, except that the
   * first token after a skipped stretch has BREAK_BEFORE set, so no name runs across the gap.
   * (That first token is never itself such a word: skipped stretches hold none.)
   */
  readNear(text: string, nameWord: NameWordTest, joiners: ReadonlySet<string> = NO_JOINERS): this {
    this.begin(text, nameWord);
    if (joiners !== this.joiners) {
      this.joiners = joiners;
      this.joinerLength = Math.max(0, ...[...joiners].map((w) => w.length));
      // (Only lower-case words are asked: a capitalised word goes on a name anyway.)
      const heads = [...joiners].map((w) => w.charAt(0)).flatMap((h) => (h === 'е' ? [h, 'ё'] : [h]));
      this.joinerHeads = new Set(heads.map((h) => h.charCodeAt(0)));
    }
    const words = this.words;
    words.useTest(nameWord);
    const n = text.length;
    /** Every token before this position is read, and tokenising may go on from it. */
    let pos = 0;
    let c = 0;
    while (c < n) {
      // The next capital letter: the regex skips what certainly is none, the table tells the rest.
      NO_CAPITALS.lastIndex = c;
      NO_CAPITALS.test(text);
      c = NO_CAPITALS.lastIndex;
      if (c >= n) break;
      const cls = classOf(text.charCodeAt(c));
      if (!(cls & IS_UPPER)) {
        c++;
        continue;
      }
      const before = c > 0 ? classOf(text.charCodeAt(c - 1)) : IS_SPACE;
      // A capital inside a word ("McDonald", ALL CAPS) is no word start.
      if (before & IS_LETTER) {
        c++;
        continue;
      }
      if (!(before & (IS_JOINER | IS_INVISIBLE)) || c === pos) {
        // Certainly a word start: read the word and skip it when no name can start there.
        readCapitalWord(text, c, cls, words, nameWord);
        if (!capitalNameStart) {
          c = wordRunEnd;
          continue;
        }
      }
      // (After a joiner or invisible character the capital may be inside a word, "Петров-Водкин":
      // the tokeniser tells.) Tokenise from the start of the previous word's stretch of
      // non-space text, so that word, which a name search looks at, is read as `read` reads it.
      let from = c - 1;
      while (from >= pos && !(classOf(text.charCodeAt(from)) & IS_LETTER)) from--;
      // (A BOM is a space to \s but may sit inside a word, like every invisible character.)
      while (from >= pos && (classOf(text.charCodeAt(from)) & (IS_SPACE | IS_INVISIBLE)) !== IS_SPACE) from--;
      from++;
      // Words skipped since `pos`: nothing may run across them. With none (only spaces or
      // punctuation between), go on from `pos`, so the flags come out as `read` sets them.
      let skipped = from - 1;
      while (skipped >= pos && !(classOf(text.charCodeAt(skipped)) & IS_LETTER)) skipped--;
      if (skipped >= pos) {
        this.broken = true;
        this.newlines = 0;
      } else from = pos;
      this.need = 0;
      pos = this.tokenizeFrom(from, c + 1);
      c = pos > c ? pos : c + 1;
    }
    return this;
  }

  private begin(text: string, nameWord: NameWordTest | null): void {
    this.text = text;
    this.count = 0;
    this.reads++;
    this.broken = false;
    this.newlines = 0;
    this.nameWord = nameWord;
    this.need = nameWord ? 0 : NO_LIMIT;
  }

  /**
   * Reads tokens from position `i` (a position `read` would reach between tokens) until the end
   * of the text, or, once past `minEnd`, as soon as `need` tokens are read. In `readNear` every
   * capitalised word that may begin a name raises `need` to cover the tokens after it.
   * Returns the position reached.
   */
  private tokenizeFrom(i: number, minEnd: number): number {
    const text = this.text;
    const n = text.length;
    const nameWord = this.nameWord;
    const words = this.words;
    let broken = this.broken;
    let newlines = this.newlines;
    while (i < n) {
      if (this.count >= this.need && i >= minEnd) break;
      const code = text.charCodeAt(i);
      // A plain space, the most common separator, changes nothing.
      if (code === 0x20) {
        i++;
        continue;
      }
      const c = classOf(code);
      if (c & IS_LETTER) {
        const start = i;
        const capitalised = (c & IS_UPPER) !== 0;
        let norm: string | undefined;
        let initial = false;
        /** In `readNear`: a capitalised word a name may start at. */
        let nameStart = false;
        if (capitalised) {
          readCapitalWord(text, start, c, words, nameWord);
          norm = capitalNorm;
          initial = capitalInitial;
          nameStart = capitalNameStart;
        } else readWord(text, start, c);
        const j = wordRunEnd;
        const plain = wordPlain;
        // An initial's dot belongs to the initial (and to the mark) and does not end the sentence.
        const end = initial ? j + 1 : wordEnd;
        const k = this.count;
        const wasBroken = broken;
        this.push(start, end, (capitalised ? CAPITALISED : 0) | (initial ? INITIAL : 0) | (broken ? BREAK_BEFORE : 0), norm, plain);
        broken = false;
        newlines = 0;
        i = initial ? j + 1 : j;
        if (nameStart) {
          if (this.need < k + NAME_REACH_AHEAD) this.need = k + NAME_REACH_AHEAD;
        } else if (nameWord !== null && this.need > k + 1 && (wasBroken || (!capitalised && !this.joins(k, end - start, plain)))) {
          // No name read from an earlier token goes on through this one: the stretch may end here.
          this.need = k + 1;
        }
      } else if (c & IS_SPACE) {
        if (code === 0x0a || code === 0x2029 || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
          newlines++;
          if (newlines >= 2) broken = true;
        }
        i++;
      } else {
        // Invisible characters between words change nothing; anything else separates.
        if (!(c & IS_INVISIBLE)) broken = true;
        i++;
      }
    }
    this.broken = broken;
    this.newlines = newlines;
    return i;
  }

  /**
   * Whether lower-case token k (`length` code units, plain or not) is one of `joiners`. A plain
   * word is told by its length and first letter first, so most words need no normal form.
   */
  private joins(k: number, length: number, plain: boolean): boolean {
    if (plain && (length > this.joinerLength || !this.joinerHeads.has(this.text.charCodeAt(this.starts[k]!)))) return false;
    return this.joiners.has(this.norm(k));
  }

  /** The normal form of token k (`normalizeToken` of its text). */
  norm(k: number): string {
    let norm = this.norms[k];
    if (norm === undefined) {
      const raw = this.text.slice(this.starts[k]!, this.ends[k]!);
      norm = this.plain[k] ? normalizePlain(raw) : normalizeToken(raw);
      this.norms[k] = norm;
    }
    return norm;
  }

  /**
   * Token k as a WordToken whose normal form is made only if read (valid until the next read:
   * the objects are kept and refilled, as a name search asks for a few tokens of every run).
   */
  view(k: number): WordToken {
    let view = this.views[k];
    if (view === undefined) this.views[k] = view = new TokenView(this, k);
    if (this.viewReads[k] !== this.reads) {
      this.viewReads[k] = this.reads;
      view.refill();
    }
    return view;
  }

  /** Token k as an object (for code that is not on the hot path). */
  token(k: number): WordToken {
    const flags = this.flags[k]!;
    return {
      start: this.starts[k]!,
      end: this.ends[k]!,
      norm: this.norm(k),
      capitalised: (flags & CAPITALISED) !== 0,
      initial: (flags & INITIAL) !== 0,
      breakBefore: (flags & BREAK_BEFORE) !== 0,
    };
  }

  private push(start: number, end: number, flags: number, norm: string | undefined, plain: boolean): void {
    const k = this.count++;
    if (k === this.starts.length) this.grow();
    this.starts[k] = start;
    this.ends[k] = end;
    this.flags[k] = flags;
    this.plain[k] = plain ? 1 : 0;
    this.norms[k] = norm;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const widen = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.starts = widen(this.starts, new Int32Array(size));
    this.ends = widen(this.ends, new Int32Array(size));
    this.flags = widen(this.flags, new Uint8Array(size));
    this.plain = widen(this.plain, new Uint8Array(size));
    this.viewReads = widen(this.viewReads, new Int32Array(size));
  }
}

/** See `TokenList.view`: most tokens a name search looks at are checked by their flags alone. */
class TokenView implements WordToken {
  start = 0;
  end = 0;
  capitalised = false;
  initial = false;
  breakBefore = false;
  constructor(
    private readonly list: TokenList,
    private readonly k: number,
  ) {}
  /** Takes token k of the list's current read. */
  refill(): void {
    const { list, k } = this;
    const flags = list.flags[k]!;
    this.start = list.starts[k]!;
    this.end = list.ends[k]!;
    this.capitalised = (flags & CAPITALISED) !== 0;
    this.initial = (flags & INITIAL) !== 0;
    this.breakBefore = (flags & BREAK_BEFORE) !== 0;
  }
  get norm(): string {
    return this.list.norm(this.k);
  }
}

/** The list `tokenize` reads into, made at its first call (a list's word table is not small). */
let tokenizeList: TokenList | null = null;

export function tokenize(text: string): WordToken[] {
  const list = (tokenizeList ??= new TokenList()).read(text);
  return Array.from({ length: list.count }, (_, k) => list.token(k));
}
