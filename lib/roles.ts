/**
 * Words that, right before a name, say the name belongs to someone acting in a case rather
 * than to the prisoner: "judge Ivanov", "судья Иванова". Normalised, all case forms.
 */

/** Before a full name too: a judge or prosecutor is never the defendant of the same sentence. */
const OFFICIALS = `
judge prosecutor investigator magistrate
судья судьи судье судью судьей судьею прокурор прокурора прокурору прокурором прокуроре
следователь следователя следователю следователем следователе
`;

/**
 * Before a surname alone. Not "адвокат": "адвокат Бахтина" is Bakhtin's lawyer, so the
 * surname after it is the prisoner's. Not journalist, deputy, director, author: prisoners
 * are often those ("депутат Горинов", "режиссер Беркович").
 */
const OTHER_ROLES = `
lawyer attorney officer colonel general major captain lieutenant sergeant detective witness
photographer minister governor mayor senator president spokesman spokeswoman
свидетель свидетеля свидетельница фотограф министр губернатор мэр сенатор президент
полковник генерал майор капитан лейтенант сержант
`;

const list = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const OFFICIAL_WORDS: ReadonlySet<string> = list(OFFICIALS);
export const ROLE_WORDS: ReadonlySet<string> = new Set([...OFFICIAL_WORDS, ...list(OTHER_ROLES)]);
