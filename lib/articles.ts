/**
 * Russian Criminal Code articles in plain words, for the card's "charge" line.
 *
 * Sources write an article as e.g. "207.3 ч.2 п.«д»" (article, part, point) and combine a
 * general-part article with it: "30 ч.3, 212 ч.1" is an attempt at 212, "33 ч.4, 236 ч.1"
 * is incitement to 236. The meanings below are short summaries written for readers, not
 * legal texts; the quotation marks mark the state's own wording of political charges.
 */

export interface ArticleMeaning {
  en: string;
  ru: string;
}

interface ArticleEntry extends ArticleMeaning {
  /** Meanings of particular parts ("2") or points ("2.д") where they tell more than the article. */
  parts?: Record<string, ArticleMeaning>;
}

/** Every article that appears in the bundled sources has an entry (tests/unit/articles.test.ts checks). */
const ARTICLES: Record<string, ArticleEntry> = {
  '150': { en: 'drawing a minor into a crime', ru: 'вовлечение несовершеннолетнего в преступление' },
  '167': { en: 'deliberate destruction of property (often arson)', ru: 'умышленное уничтожение или повреждение имущества (часто поджог)' },
  '205': {
    en: 'terrorist act (often used for arson of military or railway sites)',
    ru: 'теракт (так часто квалифицируют поджоги военкоматов и железной дороги)',
  },
  '205.1': { en: "assisting terrorism (recruiting, arming or financing)", ru: 'содействие терроризму (вербовка, вооружение, финансирование)' },
  '205.2': {
    en: "public calls to terrorism or 'justifying' it, including in posts and comments",
    ru: '«оправдание терроризма» или публичные призывы к нему, в том числе в постах и комментариях',
  },
  '205.3': { en: "'training for terrorism'", ru: '«прохождение обучения в целях терроризма»' },
  '205.4': {
    en: "creating or joining a 'terrorist community'",
    ru: 'создание «террористического сообщества» или участие в нём',
    parts: {
      '1': { en: "creating a 'terrorist community'", ru: 'создание «террористического сообщества»' },
      '2': { en: "taking part in a 'terrorist community'", ru: 'участие в «террористическом сообществе»' },
    },
  },
  '205.5': {
    en: "organising or taking part in a banned 'terrorist' organisation",
    ru: 'организация деятельности запрещённой «террористической» организации или участие в ней',
    parts: {
      '1': { en: "organising a banned 'terrorist' organisation's activity", ru: 'организация деятельности запрещённой «террористической» организации' },
      '2': { en: "taking part in a banned 'terrorist' organisation", ru: 'участие в запрещённой «террористической» организации' },
    },
  },
  '207.3': {
    en: "spreading 'fake news' about the army",
    ru: 'распространение «фейков» об армии',
    parts: {
      '2.а': { en: "spreading 'fake news' about the army, using an official position", ru: 'распространение «фейков» об армии с использованием служебного положения' },
      '2.д': { en: "spreading 'fake news' about the army out of 'political hatred'", ru: 'распространение «фейков» об армии по мотивам «политической ненависти»' },
    },
  },
  '212': {
    en: "'mass riots' (organising, training for or taking part in them)",
    ru: '«массовые беспорядки» (организация, подготовка или участие)',
    parts: {
      '1': { en: "organising 'mass riots'", ru: 'организация «массовых беспорядков»' },
      '1.1': { en: "training or recruiting for 'mass riots'", ru: 'подготовка или вербовка для «массовых беспорядков»' },
      '2': { en: "taking part in 'mass riots'", ru: 'участие в «массовых беспорядках»' },
    },
  },
  '212.1': { en: 'repeatedly breaking the rules for street protests', ru: 'неоднократное нарушение порядка проведения публичных акций' },
  '213': { en: "'hooliganism'", ru: '«хулиганство»' },
  '214': { en: "'vandalism' (e.g. protest graffiti)", ru: '«вандализм» (например, протестные надписи)' },
  '222': { en: 'illegal possession of weapons', ru: 'незаконный оборот оружия' },
  '222.1': { en: 'illegal possession of explosives', ru: 'незаконный оборот взрывчатых веществ' },
  '223.1': { en: 'illegally making explosives', ru: 'незаконное изготовление взрывчатых веществ' },
  '226': { en: 'stealing or extorting weapons', ru: 'хищение или вымогательство оружия' },
  '228': { en: 'possessing drugs', ru: 'хранение наркотиков' },
  '231': { en: 'growing drug plants', ru: 'незаконное культивирование наркосодержащих растений' },
  '228.1': { en: 'producing or selling drugs', ru: 'производство или сбыт наркотиков' },
  '236': { en: "breaking sanitary rules (the 2021 'sanitary case' over protests)", ru: 'нарушение санитарных правил («санитарное дело» 2021 года о протестах)' },
  '239': {
    en: 'creating or joining an association said to harm citizens (used against religious groups)',
    ru: 'создание объединения, «посягающего на личность и права граждан», или участие в нём (применяют к религиозным группам)',
  },
  '274.1': { en: "unlawful interference with 'critical information infrastructure' (hacking)", ru: 'неправомерное воздействие на «критическую информационную инфраструктуру»' },
  '275': { en: 'high treason', ru: 'госизмена' },
  '275.1': { en: "'confidential cooperation' with a foreign state or organisation", ru: '«конфиденциальное сотрудничество» с иностранным государством или организацией' },
  '278': { en: "'violent seizure of power'", ru: '«насильственный захват власти»' },
  '280': {
    en: "public calls to 'extremism'",
    ru: 'публичные призывы к «экстремизму»',
    parts: { '2': { en: "public calls to 'extremism' online or in the media", ru: 'публичные призывы к «экстремизму» в интернете или СМИ' } },
  },
  '280.3': { en: "repeatedly 'discrediting' the armed forces", ru: 'повторная «дискредитация» армии' },
  '280.4': { en: 'public calls against state security (e.g. against the war effort)', ru: 'публичные призывы к действиям против безопасности государства' },
  '281': { en: "'sabotage' (diversion: damaging transport, military or other sites)", ru: '«диверсия» (повреждение транспорта, военных и других объектов)' },
  '282': {
    en: "'inciting hatred'",
    ru: '«возбуждение ненависти либо вражды»',
    parts: {
      '2.а': { en: "'inciting hatred' with violence or its threat", ru: '«возбуждение ненависти» с применением насилия или угрозой его применения' },
      '2.в': { en: "'inciting hatred' as an organised group", ru: '«возбуждение ненависти» организованной группой' },
    },
  },
  '282.1': { en: "creating or joining an 'extremist community'", ru: 'создание «экстремистского сообщества» или участие в нём' },
  '282.2': {
    en: "organising or taking part in a banned 'extremist' organisation (used against Jehovah's Witnesses and others)",
    ru: 'организация деятельности запрещённой «экстремистской» организации или участие в ней (применяют к Свидетелям Иеговы и другим)',
    parts: {
      '1': { en: "organising a banned 'extremist' organisation's activity", ru: 'организация деятельности запрещённой «экстремистской» организации' },
      '1.1': { en: "recruiting for a banned 'extremist' organisation", ru: 'вербовка в запрещённую «экстремистскую» организацию' },
      '2': { en: "taking part in a banned 'extremist' organisation", ru: 'участие в запрещённой «экстремистской» организации' },
    },
  },
  '282.3': { en: "'financing extremism'", ru: '«финансирование экстремизма»' },
  '284.1': { en: "taking part in an 'undesirable' organisation", ru: 'участие в деятельности «нежелательной» организации' },
  '318': {
    en: 'using violence against an official (often police at a protest)',
    ru: 'применение насилия в отношении представителя власти (часто полицейского на акции)',
    parts: {
      '1': { en: 'using violence not dangerous to life against an official', ru: 'применение не опасного для жизни насилия к представителю власти' },
      '2': { en: 'using violence dangerous to life against an official', ru: 'применение опасного для жизни насилия к представителю власти' },
    },
  },
  '327': { en: 'using a forged document', ru: 'использование поддельного документа' },
  '354.1': { en: "'rehabilitation of Nazism'", ru: '«реабилитация нацизма»' },
};

/** General-part articles that change what the main article means: attempt, preparation, complicity. */
const MODIFIERS: Record<string, ArticleMeaning> = {
  '30.1': { en: 'preparing', ru: 'приготовление' },
  '30.3': { en: 'attempted', ru: 'покушение' },
  '33.3': { en: 'organising', ru: 'организация' },
  '33.4': { en: 'inciting', ru: 'подстрекательство' },
  '33.5': { en: 'aiding', ru: 'пособничество' },
};

/** One "article [ч.N] [п.«x»]" reference as read from a source. */
export interface ArticleRef {
  article: string;
  part: string | null;
  point: string | null;
}

const REF = /^(\d+(?:\.\d+)*)(?:\s*ч\.?\s*(\d+(?:\.\d+)?))?(?:\s*п\.?\s*«?([а-я])»?)?$/u;

/** Splits "30 ч.3, 228.1 ч.4 п.«г»" into its references; null when a piece is unreadable. */
export function parseArticleRefs(text: string): ArticleRef[] | null {
  const refs: ArticleRef[] = [];
  for (const piece of text.split(',')) {
    const m = REF.exec(piece.trim());
    if (!m) return null;
    refs.push({ article: m[1]!, part: m[2] ?? null, point: m[3] ?? null });
  }
  return refs.length ? refs : null;
}

/** The plain meaning of one article string, or null when some article in it is not in the table. */
export function describeArticle(text: string): ArticleMeaning | null {
  const refs = parseArticleRefs(text);
  if (!refs) return null;
  const modifiers: ArticleMeaning[] = [];
  let main: ArticleMeaning | null = null;
  for (const ref of refs) {
    if (ref.article === '30' || ref.article === '33') {
      const modifier = MODIFIERS[`${ref.article}.${ref.part ?? ''}`];
      if (!modifier) return null;
      modifiers.push(modifier);
      continue;
    }
    const entry = ARTICLES[ref.article];
    if (!entry || main) return null;
    main =
      (ref.part && ref.point && entry.parts?.[`${ref.part}.${ref.point}`]) ||
      (ref.part && entry.parts?.[ref.part]) ||
      entry;
  }
  if (!main) return null;
  if (!modifiers.length) return { en: main.en, ru: main.ru };
  return {
    en: `${modifiers.map((m) => m.en).join(', ')}: ${main.en}`,
    ru: `${modifiers.map((m) => m.ru).join(', ')}: ${main.ru}`,
  };
}

/** Article numbers with an entry (for tests and stats). */
export function knownArticles(): string[] {
  return Object.keys(ARTICLES);
}
