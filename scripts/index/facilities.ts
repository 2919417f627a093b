/**
 * The FSIN facility directory (`data/facilities/sheet-fku.csv`, see its README): region,
 * facility type and number, slang name, postal address. We match a free-text facility from
 * a source ("СИЗО-2 (Волоколамск)", "ФКУ СИЗО-1 ОФСИН России по Республике Алтай",
 * "Владимирский централ") to one directory row, or to none when the text is ambiguous.
 */
import type { FacilityRef } from '../../lib/index-schema';
import { parseCsv } from './csv';

export interface Facility {
  region: string;
  /** ИК, СИЗО, КП, ЛИУ, ВК, Т, … as the directory writes them. */
  type: string;
  /** Facility number as written ("2", "б/н"). */
  number: string;
  slang: string | null;
  address: string;
  postcode: string | null;
}

export function parseFacilityDirectory(csv: string): Facility[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header || header.join(',') !== 'Регион,Вид ИУ,№ ИУ,Сленговое,Адрес') throw new Error('facility directory: unexpected header');
  return rows.map((r) => {
    const address = (r[4] ?? '').trim();
    return {
      region: (r[0] ?? '').trim(),
      type: (r[1] ?? '').trim(),
      number: (r[2] ?? '').trim(),
      slang: (r[3] ?? '').trim() || null,
      address,
      postcode: /^(\d{6})\b/.exec(address)?.[1] ?? null,
    };
  });
}

const TYPE_NUMBER = /(?:^|[^\p{L}])(СИЗО|ИК|КП|ЛИУ|ВК|ЛПУ|Т|КТБ|ОБ)[\s-]*№?\s*(\d+)/u;

/** First five letters of each word: enough to compare «Республике Алтай» with «Республика Алтай». */
function stems(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 3)
    .map((w) => w.slice(0, 5));
}

function sameRegion(a: string, b: string): boolean {
  const sa = stems(a);
  const sb = stems(b);
  return sa.length > 0 && sa.every((s) => sb.includes(s));
}

export class FacilityDirectory {
  constructor(readonly facilities: readonly Facility[]) {}

  /**
   * The one facility the text names, using the record's region to choose between facilities
   * with the same type and number; null when none or several fit.
   */
  match(text: string, region: string | null): Facility | null {
    const slang = this.facilities.filter((f) => f.slang && text.toLowerCase().includes(f.slang.toLowerCase()));
    if (slang.length === 1) return slang[0]!;
    const m = TYPE_NUMBER.exec(text);
    if (!m) return null;
    const [, type, number] = m;
    let candidates = this.facilities.filter((f) => f.type === type && f.number === number);
    const place = /\(([^)]+)\)/u.exec(text)?.[1];
    if (place) {
      const city = candidates.filter((f) => f.address.toLowerCase().includes(`г. ${place.toLowerCase()}`) || sameRegion(place, f.region));
      if (city.length) candidates = city;
      else candidates = [];
    }
    // «ФКУ СИЗО-1 ОФСИН России по Республике Алтай»: the regional body names the region.
    const byRegion = /\sпо\s+([^(]+)/u.exec(text)?.[1]?.trim();
    if (byRegion) candidates = candidates.filter((f) => sameRegion(byRegion, f.region));
    if (candidates.length > 1 && region) candidates = candidates.filter((f) => f.region.includes(region) || sameRegion(region, f.region));
    return candidates.length === 1 ? candidates[0]! : null;
  }

  /**
   * The facility a postal address names: «143600, Московская обл., г. Волоколамск, …, ФКУ
   * СИЗО-2 УФСИН России по Московской области, Бахтину …». The postcode decides between
   * facilities of the same type and number; without one, the regional body («по …») must.
   */
  matchAddress(address: string): Facility | null {
    const m = TYPE_NUMBER.exec(address);
    if (!m) return this.match(address, null);
    const [, type, number] = m;
    const candidates = this.facilities.filter((f) => f.type === type && f.number === number);
    const postcode = /(?:^|\D)(\d{6})(?:\D|$)/.exec(address)?.[1];
    if (postcode) {
      const byPostcode = candidates.filter((f) => f.postcode === postcode);
      if (byPostcode.length === 1) return byPostcode[0]!;
    }
    const byRegion = /\sпо\s+([^,(]+)/u.exec(address.slice(m.index))?.[1]?.trim();
    const inRegion = byRegion ? candidates.filter((f) => sameRegion(byRegion, f.region)) : [];
    return inRegion.length === 1 ? inRegion[0]! : null;
  }

  /** The facility of a record: its facility text first, then its postal address. */
  resolve(facility: string | null, address: string | null, region: string | null): Facility | null {
    return (facility ? this.match(facility, region) : null) ?? (address ? this.matchAddress(address) : null);
  }
}

/** A directory row as the index stores it. */
export function facilityRef(f: Facility): FacilityRef {
  return { type: f.type, number: f.number, region: f.region, postcode: f.postcode };
}
