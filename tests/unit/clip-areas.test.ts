import { afterEach, describe, expect, it } from 'vitest';
import { ClipAreas, clipRect, UNCLIPPED } from '@/utils/clip-areas';

// Longhands below: happy-dom does not expand the `overflow` shorthand into them as browsers do.

afterEach(() => {
  document.body.innerHTML = '';
});

/** Gives `el` a border box at (x, y, w, h) with 1px borders: happy-dom lays nothing out. */
function place(el: Element, x: number, y: number, w: number, h: number): void {
  el.getBoundingClientRect = () => new DOMRect(x, y, w, h);
  Object.defineProperties(el, {
    clientLeft: { value: 1 },
    clientTop: { value: 1 },
    clientWidth: { value: w - 2 },
    clientHeight: { value: h - 2 },
  });
}

describe('ClipAreas', () => {
  it('leaves text outside any clipping box unclipped, <body> and <html> included', () => {
    document.body.style.overflowY = 'hidden';
    document.body.innerHTML = '<p>Aleksandr Bakhtin</p>';
    expect(new ClipAreas().of(document.querySelector('p')!.firstChild!)).toEqual(UNCLIPPED);
    document.body.style.overflowY = '';
  });

  it('cuts text to the inside of every box between it and the page that does not let overflow show', () => {
    document.body.innerHTML = '<div id="outer" style="overflow-x: hidden; overflow-y: hidden"><div id="mid"><div id="inner" style="overflow-y: auto"><p>Aleksandr Bakhtin</p></div></div></div>';
    place(document.getElementById('outer')!, 0, 0, 500, 300);
    place(document.getElementById('mid')!, -1000, -1000, 5000, 5000);
    place(document.getElementById('inner')!, 100, 200, 600, 400);
    const text = document.querySelector('p')!.firstChild!;
    // Inner's inside is 101..699 × 201..599; outer's 1..499 × 1..299; the mid box does not clip.
    expect(new ClipAreas().of(text)).toEqual({ left: 101, top: 201, right: 499, bottom: 299 });
  });

  it('reads each box once for all the text inside it', () => {
    document.body.innerHTML = '<div id="box" style="overflow-x: auto; overflow-y: auto"><p>One</p><p>Two</p></div>';
    const box = document.getElementById('box')!;
    place(box, 0, 0, 100, 100);
    let reads = 0;
    const measure = box.getBoundingClientRect;
    box.getBoundingClientRect = () => {
      reads++;
      return measure();
    };
    const areas = new ClipAreas();
    const [one, two] = [...document.querySelectorAll('p')].map((p) => p.firstChild!);
    expect(areas.of(one!)).toEqual(areas.of(two!));
    expect(reads).toBe(1);
  });

  it('follows shadow roots out to their hosts', () => {
    document.body.innerHTML = '<div id="box" style="overflow-x: hidden; overflow-y: hidden"><div id="host"></div></div>';
    place(document.getElementById('box')!, 10, 10, 50, 50);
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<span>Aleksandr Bakhtin</span>';
    expect(new ClipAreas().of(root.querySelector('span')!.firstChild!)).toEqual({ left: 11, top: 11, right: 59, bottom: 59 });
  });
});

describe('clipRect', () => {
  const area = { left: 0, top: 0, right: 100, bottom: 100 };
  it('keeps the part of a line inside the area and drops a line wholly outside it', () => {
    expect(clipRect({ left: 80, top: 90, right: 140, bottom: 110 }, area)).toEqual({ left: 80, top: 90, right: 100, bottom: 100 });
    expect(clipRect({ left: 10, top: 100, right: 40, bottom: 120 }, area)).toBeNull();
    expect(clipRect({ left: 10, top: 10, right: 40, bottom: 30 }, UNCLIPPED)).toEqual({ left: 10, top: 10, right: 40, bottom: 30 });
  });
});
