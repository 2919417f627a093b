import { beforeEach, describe, expect, it } from 'vitest';
import { NamedBlocks } from '@/entrypoints/content/named-blocks';

const $ = (id: string) => document.getElementById(id)!;
const sorted = (ids: Set<string>) => [...ids].sort();

describe('NamedBlocks', () => {
  beforeEach(() => {
    document.body.innerHTML = '<p id="a"></p><div id="d"><p id="b"></p></div><p id="c"></p><p id="e"></p>';
  });

  it('tells who is named before a block, whatever order the blocks were recorded in', () => {
    const named = new NamedBlocks();
    named.add($('c'), ['carol']);
    named.add($('a'), ['alice']);
    named.add($('b'), ['bob']);
    named.add($('a'), ['ann']);
    expect(sorted(named.before($('a')))).toEqual([]);
    expect(sorted(named.before($('d')))).toEqual(['alice', 'ann']);
    expect(sorted(named.before($('c')))).toEqual(['alice', 'ann', 'bob']);
    expect(sorted(named.before($('e')))).toEqual(['alice', 'ann', 'bob', 'carol']);
  });

  it('reads and forgets the blocks inside a block', () => {
    const named = new NamedBlocks();
    named.add($('a'), ['alice']);
    named.add($('d'), ['dora']);
    named.add($('b'), ['bob']);
    named.add($('c'), ['carol']);
    expect(sorted(named.within($('d')))).toEqual(['bob', 'dora']);
    expect(sorted(named.within($('d'), true))).toEqual(['bob', 'dora']);
    expect(sorted(named.within($('d')))).toEqual([]);
    expect(sorted(named.before($('e')))).toEqual(['alice', 'carol']);
    named.add($('b'), ['ben']);
    expect(sorted(named.before($('c')))).toEqual(['alice', 'ben']);
  });

  it('leaves out blocks the page removed, and still places new ones', () => {
    const named = new NamedBlocks();
    named.add($('a'), ['alice']);
    named.add($('c'), ['carol']);
    $('c').remove();
    named.add($('e'), ['eve']);
    named.add($('b'), ['bob']);
    expect(sorted(named.before($('e')))).toEqual(['alice', 'bob']);
    named.delete($('a'));
    expect(sorted(named.before($('e')))).toEqual(['bob']);
    named.clear();
    expect(sorted(named.before($('e')))).toEqual([]);
  });
});
