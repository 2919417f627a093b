/**
 * Which links the extension will ever show. Every URL in a downloaded index must pass here,
 * and the card and popup link only URLs that do, so a compromised index host cannot put a
 * phishing "write a letter" page or a `javascript:` link in front of a reader.
 *
 * A host is allowed when it equals a listed host or is a subdomain of one, compared after the
 * WHATWG URL parser has lower-cased it and turned any Unicode into punycode. Punycode labels
 * are refused outright: none of the listed hosts has one, so an `xn--` label can only be a
 * lookalike.
 */

/** Services that deliver letters to prisoners, and the prisoner lists that link to them. */
export const LETTER_HOSTS: readonly string[] = [
  'memopzk.org',
  'rosuznik.org',
  'ovd.info',
  'ovdinfo.org',
  'lettersnow.org',
  'letters-now.org',
  'fsin-pismo.ru',
  'f-pismo.ru',
];

/**
 * Further hosts the reviewed bundled index cites as sources (press, blogs, archives), taken
 * from data/index.json when this list was written. Listing them here means a downloaded index
 * can cite only hosts a release already shipped; a new host needs a release (the unit test
 * `findDisallowedUrl(bundled index)` fails until it is reviewed and added).
 */
const CITED_HOSTS: readonly string[] = [
  '24hoursworlds.com', '66.ru', 'abc.com.py', 'abc13.com', 'abcdd.org', 'acompromat.net',
  'admin.albtc.club', 'agenzianova.com', 'alfarss.net', 'americanfaith.com', 'amic.ru',
  'amnesty.ch', 'amnesty.org.ua', 'archynetys.com', 'arctictoday.com', 'baikal24.ru',
  'bignewsnetwork.com', 'blackseanews.net', 'blob.circex.org', 'bnnbloomberg.ca', 'cccv.info',
  'censor.net', 'channel4.com', 'classic.newsru.com', 'cultureru.com',
  'd1len9mmddvt3u.cloudfront.net', 'd2k5zpaql0enfz.cloudfront.net', 'daily.afisha.ru',
  'dailymedia.news', 'dailywrap.uk', 'darealprisonart.news', 'day.kyiv.ua', 'de.dayfr.com',
  'dgoj30r2jurw5.cloudfront.net', 'dksecurity.ru', 'ecoi.net', 'en.newizv.ru', 'epochglobe.com',
  'euromaidanpress.com', 'europe.newsweek.com', 'europeantimes.news', 'expres.online', 'faq.com',
  'finchannel.com', 'generico.ru', 'github.com', 'globelivemedia.com', 'golos.io', 'gordonua.com',
  'group-telegram.com', 'grupo-jbl.com', 'haute-lifestyle.com', 'hizb-ut-tahrir.info',
  'human-rights-year.com', 'humanrightsaccess.org', 'ibtimes.com', 'imi.org.ua', 'info-today.eu',
  'infolight.in.ua', 'inlandnewstoday.com', 'inshe.tv', 'intent.press', 'interfax.com',
  'ira-nymphs-132559.appspot.com', 'irp.news', 'islam.in.ua', 'jacklimpert.com',
  'journal.timeconstructor.com', 'jwnetenglish.blogspot.com', 'khilafah.com', 'khodorkovsky.com',
  'klops.ru', 'krymsos.com', 'ktvz.com', 'letmypeoplego.org.ua', 'letthemgonow.org',
  'libertatea.ro', 'life.ru', 'livemint.com', 'm.durovloh.me', 'm.livejournal.com', 'm.smi24.net',
  'm24.ru', 'machorka.espivblogs.net', 'mailbd.net', 'makschool99.ru', 'martagrande.it',
  'mbk-news.ew.r.appspot.com', 'medialeaks.ru', 'meduza-io.ceno.life', 'menok.ru', 'monocle.ru',
  'moscowtv.vip', 'moyby.com', 'mypbbooks.com', 'naviny.belsat.eu', 'nemoskva.net',
  'news-shop.online', 'news.depo.ua', 'newsbyhue.com', 'newsnixon.com', 'newsready.com',
  'newsru.co.il', 'novosti-n.org', 'nsju.org', 'nsk.tsargrad.tv', 'opposition-news.com',
  'ostro.org', 'pastebn.online', 'patrioty.org.ua', 'perild.com', 'politics2752.rssing.com',
  'pressreader.com', 'primechaniya.ru', 'progleton.com', 'quadrants-flashest-426024.appspot.com',
  'radio1.ru', 'repost.news', 'republicworld.com', 'rfe.pangea-cms.com', 'riamo.ru', 'rima.media',
  'ros-pres.com', 'rosinform.press', 'ru24.net', 'rus.delfi.lv', 'rus.postimees.ee', 'scoop.co.nz',
  'settlers-wiggles-118669.appspot.com', 'slovenskenovice.si', 'sosedi2015.ru',
  'southpunjabnews.com', 'spamchronicles.com', 'squarenews.ru', 'stage.rima.media',
  'support4partnership.org', 't.center', 'tadviser.com', 'terrora-net.ru', 'thegaltimes.com',
  'thegoaspotlight.com', 'thegreatdays.com', 'themediaproject.squarespace.com', 'thenationview.com',
  'thereses-spicy-424734.appspot.com', 'tiue.org', 'trtrussian.com', 'uc-star.ru', 'ukr.live',
  'ukraine-journal.de', 'ukrainetoday.org', 'unn.ua', 'upi.com', 'vesti.bg', 'volzsky.ru',
  'vuink.com', 'web.lifelines.name', 'wikimili.com', 'wprost.pl', 'wsws.org',
  'www-severreal-org.ceno.life', 'www2.stetson.edu', 'wwwww.actualno.com', 'zaks.ru', 'zaprava.ru',
  'zapros-bki.ru', 'zazoom.it', 'zeki.su',
];

/**
 * Sources a record may cite: the letter services above, the news sites the extension reads,
 * human-rights groups, established newsrooms, and the hosts the bundled index already cites.
 * A fork that cites other sources extends this.
 */
export const SOURCE_HOSTS: readonly string[] = [
  ...LETTER_HOSTS,
  ...CITED_HOSTS,
  // the sites the extension marks
  'freedomnews.org.uk',
  'zona.media',
  // human-rights groups and monitors
  'memohrc.org',
  'memo.site',
  'sova-center.ru',
  'forum18.org',
  'hrw.org',
  'amnesty.org',
  'amnesty.org.uk',
  'hrwf.eu',
  'khpg.org',
  'zmina.info',
  'crimeahrg.org',
  'crimean-solidarity.org',
  'rightsinrussia.org',
  'jw-russia.org',
  'solidarityzone.net',
  'avtonom.org',
  'kavkaz-uzel.eu',
  'graty.me',
  'rightsinrussia.info',
  'rightsinrussia.blog',
  'jw-russia.news',
  'jwrussia.news',
  'ctrcenter.org',
  'bolotnoedelo.info',
  'ihahr.org',
  'slovo-zashite.org',
  'russian-resistance.org',
  'forumfreerussia.org',
  // newsrooms
  'meduza.io',
  'novayagazeta.eu',
  'novayagazeta.ru',
  'theins.ru',
  'holod.media',
  'doxajournal.org',
  'svoboda.org',
  'radiosvoboda.org',
  'rferl.org',
  'krymr.com',
  'severreal.org',
  'themoscowtimes.com',
  'moscowtimes.ru',
  'kommersant.ru',
  'vedomosti.ru',
  'rbc.ru',
  'interfax.ru',
  'interfax-russia.ru',
  'tass.ru',
  'ria.ru',
  'rg.ru',
  'lenta.ru',
  'gazeta.ru',
  'dw.com',
  'bbc.com',
  'bbc.co.uk',
  'theguardian.com',
  'opendemocracy.net',
  'kyivindependent.com',
  'kyivpost.com',
  'hromadske.ua',
  'babel.ua',
  'zn.ua',
  'graniru.org',
  'polit.ru',
  'newtimes.ru',
  'snob.ru',
  'forbes.ru',
  'bfm.ru',
  'rosbalt.ru',
  'mr-7.ru',
  'paperpaper.ru',
  'fontanka.ru',
  'news.ru',
  'groza.media',
  'semnasem.org',
  'sotavision.world',
  'svtv.org',
  'therussianreader.com',
  'peacenews.info',
  'france24.com',
  'rfi.fr',
  'taz.de',
  'tvn24.pl',
  'wyborcza.pl',
  'polskieradio.pl',
  'democracynow.org',
  'globalvoices.org',
  'wikipedia.org',
];

/** Characters that have no business in a link and can disguise one (bidi overrides, controls, spaces). */
const SUSPICIOUS_CHARS = /[\u0000-\u0020\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\\]/u;

export type UrlCheck = { ok: true; href: string } | { ok: false; reason: string };

/**
 * Checks one URL against a host list. On success `href` is the parsed, normalised URL, which
 * is what a link should use.
 */
export function checkUrl(raw: unknown, hosts: readonly string[] = SOURCE_HOSTS): UrlCheck {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, reason: 'not a URL' };
  if (raw.length > 2048) return { ok: false, reason: 'URL longer than 2048 characters' };
  if (SUSPICIOUS_CHARS.test(raw)) return { ok: false, reason: 'URL contains spaces, control or direction characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: `not https (${url.protocol})` };
  if (url.username || url.password) return { ok: false, reason: 'URL carries credentials' };
  if (url.port) return { ok: false, reason: 'URL names a port' };
  const host = url.hostname;
  if (host.split('.').some((label) => label.startsWith('xn--'))) return { ok: false, reason: `internationalised host ${host}` };
  if (!hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))) {
    return { ok: false, reason: `host ${host} is not on the allow-list` };
  }
  return { ok: true, href: url.href };
}

export function isAllowedUrl(raw: unknown, hosts: readonly string[] = SOURCE_HOSTS): boolean {
  return checkUrl(raw, hosts).ok;
}
