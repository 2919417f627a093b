import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacilities } from '../../scripts/index/load';
import { ROOT } from '../../scripts/index/paths';
import { figurantRecord, parseFigurantPage, regionFromSlug } from '../../scripts/index/sources/memopzk';
import { parseMemopzkPage } from '../../scripts/index/sources/memopzk-page';
import { parseRosuznikPage } from '../../scripts/index/sources/rosuznik';
import { parseArticleText, parseBirth } from '../../scripts/index/sources/russian-text';
import { parseTableCsv, statusFromWhere } from '../../scripts/index/sources/table-csv';

const fixture = (p: string) => readFileSync(path.join(ROOT, 'tests/fixtures/sources', p), 'utf8');
const regions = [...new Set(loadFacilities().facilities.map((f) => f.region))];

describe('Russian prose', () => {
  it('reads articles in the written form', () => {
    expect(parseArticleText('п. «д» ч. 2 ст. 207.3 УК РФ')).toEqual(['207.3 ч.2 п.«д»']);
    expect(parseArticleText('по ч. 2 ст. 280 УК')).toEqual(['280 ч.2']);
    expect(parseArticleText('ч. 3 ст. 30, п. «а» ч. 2 ст. 205.5 УК РФ')).toEqual(['30 ч.3, 205.5 ч.2 п.«а»']);
    expect(parseArticleText('207.3 ч.2; 280.3 ч.1')).toEqual(['207.3 ч.2', '280.3 ч.1']);
  });
  it('reads birth dates in the documented shapes', () => {
    expect(parseBirth('родился 12 марта 1990 года')).toEqual({ year: 1990, date: '1990-03-12' });
    expect(parseBirth('1990 года рождения')).toEqual({ year: 1990, date: null });
    expect(parseBirth('Иванову Ивану, 1990 г.р.')).toEqual({ year: 1990, date: null });
    expect(parseBirth('05.08.1999 г. р.')).toEqual({ year: 1999, date: '1999-08-05' });
    expect(parseBirth('в 1990 году переехал')).toBeNull();
  });
});

describe('memopzk REST region slugs', () => {
  it('maps slugs to the directory region names', () => {
    expect(regionFromSlug('habarovskij-kraj', regions)).toBe('Хабаровский край');
    expect(regionFromSlug('respublika-saha-yakutiya', regions)).toBe('Республика Саха (Якутия)');
    expect(regionFromSlug('kemerovskaya-oblast-kuzbass', regions)).toBe('Кемеровская область');
    expect(regionFromSlug('krym', regions)).toBe('Республика Крым');
    expect(regionFromSlug('nowhere', regions)).toBeNull();
    const cards = parseFigurantPage(JSON.parse(fixture('memopzk/figurants.json')));
    const first = figurantRecord(cards[0]!, regions);
    expect(first).toMatchObject({ source: 'memopzk', asOf: '2026-09-15' });
    expect(first.line.region).toBe('Республика Саха (Якутия)');
  });
});

describe('memopzk person page adapter (constructed fixture)', () => {
  const url = 'https://memopzk.org/figurant/testov-pyotr-ivanovich/';
  const r = parseMemopzkPage(fixture('memopzk-page/person.html'), url, '2026-05-01');
  it('reads every field', () => {
    expect(r.source).toBe('memopzk-page');
    expect(r.asOf).toBe('2026-05-01');
    expect(r.line.name_ru).toBe('Тестов Пётр Иванович');
    expect(r.line.articles).toEqual(['207.3 ч.2 п.«д»', '280.3 ч.1']);
    expect(r.line.birth_year).toBe(1988);
    expect(r.line.birth_date).toBe('1988-03-12');
    expect(r.line.address_ru).toBe('443022, Самарская область, г. Самара, Садовый проезд, д. 22, ФКУ СИЗО-1 УФСИН России по Самарской области, Тестову Петру Ивановичу, 1988 г.р.');
    expect(r.line.sentence).toEqual({ text: '6 годам 6 месяцам колонии общего режима', years: 6, months: 6 });
    expect(r.line.sources).toEqual([url]);
    expect(r.line.status).toBe('unknown');
    expect(r.line.notes).not.toMatch(/Включение конкретного человека/);
    expect(r.line.notes).toMatch(/^Memorial page: Пётр Тестов родился/);
  });
  it('refuses a page without the name', () => {
    expect(() => parseMemopzkPage('<html><body><p>nothing</p></body></html>', url, null)).toThrow(/no name/);
  });
  it('takes no address without the «Написать письмо» heading', () => {
    const html = fixture('memopzk-page/person.html').replace('Написать письмо', 'Другое');
    expect(parseMemopzkPage(html, url, null).line.address_ru).toBeNull();
  });
});

describe('RosUznik person page adapter (constructed fixture)', () => {
  const url = 'https://rosuznik.org/prisoner/primerova-anna';
  const r = parseRosuznikPage(fixture('rosuznik/person.html'), url, '2026-05-02');
  it('reads every field', () => {
    expect(r.source).toBe('rosuznik');
    expect(r.line.name_ru).toBe('Примерова Анна Сергеевна');
    expect(r.line.birth_year).toBe(1995);
    expect(r.line.birth_date).toBeNull();
    expect(r.line.address_ru).toBe('440039, Пензенская область, г. Пенза, ул. Каракозова, д. 30, ФКУ СИЗО-1 УФСИН России по Пензенской области');
    expect(r.line.articles).toEqual(['205.2 ч.2']);
    expect(r.line.sentence).toMatchObject({ years: 5, months: 0 });
    expect(r.line.sources).toEqual([url]);
  });
});

describe('table export adapter (constructed fixture)', () => {
  const url = 'https://example.org/export.csv';
  const rows = parseTableCsv(fixture('table/export.csv'), url, '2026-04-30');
  it('reads every row, field by field', () => {
    expect(rows).toHaveLength(4);
    expect(rows[0]!.line).toMatchObject({
      name_ru: 'Тестов Пётр Иванович',
      articles: ['207.3 ч.2 п.«д»', '280.3 ч.1'],
      facility: 'ФКУ СИЗО-1 УФСИН России по Самарской области',
      status: 'pretrial',
      status_as_of: '2026-04-30',
      birth_date: '1988-03-12',
      birth_year: 1988,
      sources: [url],
    });
    expect(rows[1]!.line).toMatchObject({ name_ru: 'Образцов Олег Павлович', facility: 'ИК-7 (Ставропольский край)', status: 'imprisoned', birth_year: 1979, birth_date: null, articles: ['212 ч.1'] });
    expect(rows[2]!.line).toMatchObject({ status: 'released', birth_date: '1990-11-02', birth_year: 1990 });
    expect(rows[3]!.line).toMatchObject({ name_ru: 'Пустов Иван', status: 'unknown', status_as_of: null, articles: [], birth_year: null });
  });
  it('refuses an export without the name column', () => {
    expect(() => parseTableCsv('Имя,Статьи\nx,y', url, null)).toThrow(/missing columns ФИО/);
  });
  it('maps «Где находится» to a status', () => {
    expect(statusFromWhere('В ИК')).toBe('imprisoned');
    expect(statusFromWhere('Под домашним арестом')).toBe('house_arrest');
    expect(statusFromWhere('Уехал из России')).toBe('fled');
    expect(statusFromWhere('')).toBe('unknown');
  });
});

describe('facility directory: postal addresses', () => {
  const directory = loadFacilities();
  it('normalises an address to its facility by postcode or regional body', () => {
    expect(directory.matchAddress('443022, Самарская область, г. Самара, Садовый проезд, д. 22, ФКУ СИЗО-1 УФСИН России по Самарской области, Тестову Петру')).toMatchObject({ type: 'СИЗО', number: '1', region: 'Самарская область', postcode: '443022' });
    expect(directory.matchAddress('ФКУ СИЗО-1 УФСИН России по Пензенской области')).toMatchObject({ region: 'Пензенская область', postcode: '440039' });
    expect(directory.matchAddress('ФКУ СИЗО-1, Петрову Петру')).toBeNull();
  });
});
