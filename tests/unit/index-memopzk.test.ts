import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeArticle } from '../../lib/articles';
import { ROOT } from '../../scripts/index/paths';
import { SnapshotLineSchema } from '../../scripts/index/snapshot';
import { decodeArticleSlug, decodeStatus, figurantToLine, parseFigurantPage } from '../../scripts/index/sources/memopzk';
import * as v from 'valibot';

const cards = parseFigurantPage(JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/sources/memopzk/figurants.json'), 'utf8')));

describe('memopzk REST adapter', () => {
  it('decodes article slugs', () => {
    expect(decodeArticleSlug('uk-207-3-ch-2-p-d')).toBe('207.3 ч.2 п.«д»');
    expect(decodeArticleSlug('uk-205-1-ch-1-1')).toBe('205.1 ч.1.1');
    expect(decodeArticleSlug('uk-275-cherez-ch-3-st-30')).toBe('30 ч.3, 275');
    expect(decodeArticleSlug('uk-205-5-chast-neizvestna')).toBe('205.5');
    expect(decodeArticleSlug('uk-356-pt-1')).toBe('356 ч.1');
    expect(decodeArticleSlug('uk-neizvestno')).toBeNull();
    expect(decodeArticleSlug('koap-20-3-3-ch-1')).toBeNull();
    expect(describeArticle(decodeArticleSlug('uk-275-cherez-ch-3-st-30')!)!.en).toBe('attempted: high treason');
  });

  it('turns the fixture cards into snapshot lines, field by field', () => {
    const lines = cards.map(figurantToLine);
    for (const line of lines) expect(v.safeParse(SnapshotLineSchema, line).success).toBe(true);
    expect(lines[0]).toMatchObject({
      name_ru: 'Ярош Сергей Васильевич',
      gender: 'm',
      articles: ['205.1 ч.1', '205.2 ч.2'],
      status: 'pretrial',
      status_as_of: '2026-09-15',
      sources: ['https://memopzk.org/figurant/yarosh-sergej-vasilevich/'],
    });
    expect(lines[1]).toMatchObject({
      name_ru: 'Коротков Дмитрий Константинович',
      articles: ['205.1 ч.1.1', '205.3', '205.5 ч.2', '228 ч.2', '231 ч.1'],
      status: 'imprisoned',
      status_as_of: '2026-07-07',
    });
    expect(lines[2]).toMatchObject({ name_ru: 'Савельева Светлана Игоревна', gender: 'f', articles: ['30 ч.3, 275'], status: 'pretrial' });
    expect(lines[3]).toMatchObject({ name_ru: 'Салманов Рамиль Дилгамович', articles: ['205.2 ч.2', '280 ч.2'], status: 'imprisoned' });
    expect(lines[4]).toMatchObject({ name_ru: 'Акузин Андрей Викторович', status: 'deceased' });
    expect(lines[5]).toMatchObject({ name_ru: 'Ипатова Елена Анатольевна', articles: ['205.4 ч.2'], status: 'pretrial' });
    expect(lines[6]).toMatchObject({ name_ru: 'Мандрыгина (Шелковникова) Евгения Михайловна', articles: ['318 ч.1'], status: 'released', gender: 'f' });
  });

  it('reads statuses from measure and stage', () => {
    expect(decodeStatus(['repression-domashnij-arest'])).toBe('house_arrest');
    expect(decodeStatus(['repression-v-rozyske'])).toBe('fled');
    expect(decodeStatus(['stage-otbyl-nakazanie', 'repression-lishenie-svobody'])).toBe('released');
    expect(decodeStatus(['list-persecuted-v-arhive'])).toBe('unknown');
  });

  it('rejects a malformed card with its path', () => {
    expect(() => parseFigurantPage([{ id: 'x' }])).toThrow(/memopzk REST: 0\.id: /);
  });
});
