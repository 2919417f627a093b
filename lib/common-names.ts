/**
 * Very common Russian (and some Ukrainian) surnames and first names, normalised (lower case,
 * ё→е). A prisoner whose surname and first name are both on these lists shares the name with
 * many other people, so a match needs support from the page before it is shown as certain.
 *
 * Compiled from general knowledge of Russian name frequency (census-style top lists); the
 * order inside each list carries no meaning. Masculine surname forms only: the feminine and
 * Latin forms are derived in `isCommonSurname`.
 */
import { spellingKey } from './spelling-key';

const SURNAMES = `
иванов смирнов кузнецов попов васильев петров соколов михайлов новиков федоров морозов волков
алексеев лебедев семенов егоров павлов козлов степанов николаев орлов андреев макаров никитин
захаров зайцев соловьев борисов яковлев григорьев романов воробьев сергеев кузьмин фролов
александров дмитриев королев гусев киселев ильин максимов поляков сорокин виноградов ковалев
белов медведев антонов тарасов жуков баранов филиппов комаров давыдов беляев герасимов богданов
осипов сидоров матвеев титов марков миронов крылов куликов карпов власов мельников денисов
гаврилов тихонов казаков афанасьев данилов савельев тимофеев фомин чернов абрамов мартынов
ефимов федотов щербаков назаров калинин исаев чернышев быков маслов родионов коновалов лазарев
воронин климов филатов пономарев голубев кудрявцев прохоров наумов потапов журавлев овчинников
трофимов леонов соболев ермаков колесников гончаров емельянов никифоров грачев котов гришин
ефремов архипов громов кириллов малышев панов моисеев румянцев акимов кондратьев бирюков
горбунов анисимов еремин тихомиров галкин лукьянов михеев скворцов юдин белоусов нестеров
симонов прокофьев харитонов князев цветков левин митрофанов воронов аксенов софронов мальцев
логинов горшков савин краснов майоров демидов елисеев рыбаков сафонов плотников демин хохлов
фадеев молчанов игнатов литвинов ершов ушаков дементьев рябов мухин калашников леонтьев лобанов
кузин корнеев евдокимов бородин платонов некрасов балашов бобров жданов блинов игнатьев коротков
муравьев крюков беляков богомолов дроздов лавров зуев петухов ларин никулин серов терентьев
зотов устинов фокин самойлов константинов сахаров шишкин самсонов черкасов чистяков носов
спиридонов карасев авдеев воронцов зверев владимиров селезнев нечаев кудряшов седов фирсов
андрианов панин головин терехов ульянов шестаков агеев никонов селиверстов баженов гордеев
кожевников пахомов зимин костин широков филимонов ларионов овсянников сазонов суворов нефедов
корнилов любимов львов горбачев копылов лукин токарев кулешов шилов большаков панкратов родин
шаповалов покровский бочаров никольский маркин горелов агафонов березин ермолаев зубков
куприянов трифонов масленников круглов третьяков колосов рожков артамонов шмелев лаптев лапшин
федосеев зиновьев зорин уткин столяров зубов ткачев дорофеев антипов завьялов свиридов золотарев
кулаков мещеряков макеев дьяконов гурьев кабанов миронов белкин
шевченко коваленко бондаренко ткаченко кравченко олейник мельник шевчук коваль бойко
`;

const FIRST_NAMES = `
александр алексей анатолий андрей антон аркадий артем артур богдан борис вадим валентин валерий
василий виктор виталий владимир владислав вячеслав геннадий георгий глеб григорий даниил денис
дмитрий евгений егор иван игорь илья кирилл константин леонид максим марат михаил никита николай
олег павел петр роман руслан сергей станислав степан тимур федор эдуард юрий ярослав
александра алена алина алла анастасия анна валентина валерия вера виктория галина дарья евгения
екатерина елена елизавета жанна зоя ирина карина кристина ксения лариса лидия любовь людмила
маргарита марина мария надежда наталья наталия нина оксана ольга полина светлана софья софия
таисия тамара татьяна ульяна юлия яна
alexander michael peter paul nicholas gregory george eugene catherine helen
`;

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

export const COMMON_SURNAMES: ReadonlySet<string> = words(SURNAMES);
export const COMMON_FIRST_NAMES: ReadonlySet<string> = words(FIRST_NAMES);
/**
 * Spelling keys of the lists, made on first use: every page's content script loads this module,
 * and making them took about 3 ms of its injection; a page asks for the first-name keys only
 * next to a surname of the index, and never for the surname keys (the tables hold that flag).
 */
let surnameKeys: ReadonlySet<string> | undefined;
let firstNameKeys: ReadonlySet<string> | undefined;
const surnameKeySet = () => (surnameKeys ??= new Set([...COMMON_SURNAMES].map(spellingKey)));
const firstNameKeySet = () => (firstNameKeys ??= new Set([...COMMON_FIRST_NAMES].map(spellingKey)));

/** The masculine nominative a Cyrillic surname form would have, if it is a regular one. */
function masculine(form: string): string {
  if (/(ов|ев|ин|ын)а$/.test(form)) return form.slice(0, -1);
  if (form.endsWith('ская')) return `${form.slice(0, -4)}ский`;
  return form;
}

/** True for a normalised surname form (nominative, either gender, Cyrillic or Latin) on the list. */
export function isCommonSurname(form: string): boolean {
  if (COMMON_SURNAMES.has(form) || COMMON_SURNAMES.has(masculine(form))) return true;
  if (/[\u0400-\u04FF]/.test(form)) return false;
  const key = spellingKey(form);
  const keys = surnameKeySet();
  return keys.has(key) || keys.has(key.replace(/a$/, '')) || keys.has(key.replace(/aia$/, 'i'));
}

/** True for a normalised first name (nominative, Cyrillic or a usual Latin spelling) on the list. */
export function isCommonFirstName(form: string): boolean {
  return COMMON_FIRST_NAMES.has(form) || firstNameKeySet().has(spellingKey(form));
}
