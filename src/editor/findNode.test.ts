import { describe, expect, it } from 'vitest';
import { FOCUS_ZOOM, findNodes, focusZoom, matchName, moveActive } from './findNode';
import { CARD_TYPE_PX, DETAIL_ZOOM, HYSTERESIS } from './zoomLevels';

const node = (id: string, label?: string, kind: 'service' | 'database' = 'service') => ({ id, kind, ...(label ? { label } : {}) });

describe('matchName', () => {
  it('ranks a name that starts with the query as a prefix match, case and accents aside', () => {
    expect(matchName('Orders', 'ord')).toEqual({ match: 'prefix', ranges: [[0, 3]] });
    expect(matchName('Café API', 'cafe')).toEqual({ match: 'prefix', ranges: [[0, 4]] });
  });

  it('finds a word that starts with the query, including camelCase humps and ids with dashes', () => {
    expect(matchName('Checkout payment service', 'pay')).toEqual({ match: 'word', ranges: [[9, 12]] });
    expect(matchName('orderService', 'serv')).toEqual({ match: 'word', ranges: [[5, 9]] });
    expect(matchName('svc-billing-2', 'bill')).toEqual({ match: 'word', ranges: [[4, 8]] });
  });

  it('finds the query anywhere in the name', () => {
    expect(matchName('Inventory', 'vent')).toEqual({ match: 'substring', ranges: [[2, 6]] });
  });

  it('matches initials of later words in order', () => {
    expect(matchName('Order service', 'os')).toEqual({ match: 'initials', ranges: [[0, 1], [6, 7]] });
    expect(matchName('Checkout payment service', 'ps')).toEqual({ match: 'initials', ranges: [[9, 10], [17, 18]] });
    expect(matchName('Order service', 'so')).toBeNull();
  });

  it('does not match one stray letter by initials, nor an empty query', () => {
    expect(matchName('Order service', 'x')).toBeNull();
    expect(matchName('Order service', '   ')).toBeNull();
  });
});

describe('findNodes', () => {
  const nodes = [node('db-1', 'Postgres'), node('s1', 'Payment service'), node('s2', 'Order service'), node('s3', 'Shipping'), node('s4', 'Apps'), node('s5', 'Ops portal')];

  it('puts prefix before word before substring before initials', () => {
    const found = findNodes([node('a', 'Service pool'), node('b', 'Wasp'), node('c', 'Big spender'), node('d', 'Spot')], 'sp');
    expect(found.map((m) => [m.name, m.match])).toEqual([
      ['Spot', 'prefix'],
      ['Big spender', 'word'],
      ['Wasp', 'substring'],
      ['Service pool', 'initials'],
    ]);
  });

  it('ties break by shorter name, then A-Z', () => {
    expect(findNodes(nodes, 'p').map((m) => m.name)).toEqual(['Postgres', 'Payment service', 'Ops portal', 'Apps', 'Shipping']);
  });

  it('matches ids too, without marking the name', () => {
    const [hit] = findNodes(nodes, 'db-1');
    expect(hit).toMatchObject({ id: 'db-1', name: 'Postgres', match: 'prefix', ranges: [] });
  });

  it('lists every node A-Z for an empty query, and nothing for no match', () => {
    expect(findNodes(nodes, '').map((m) => m.name)).toEqual(['Apps', 'Ops portal', 'Order service', 'Payment service', 'Postgres', 'Shipping']);
    expect(findNodes(nodes, 'zzz')).toEqual([]);
  });

  it('keeps to the limit', () => {
    expect(findNodes(nodes, '', 2)).toHaveLength(2);
  });

  it('names the kind of each match', () => {
    expect(findNodes([node('d', 'Ledger', 'database')], 'led')[0]?.kindLabel).toBe('Database');
  });
});

describe('focusZoom', () => {
  it('ends where the full card shows and its label reads at 14 px or more, from any level', () => {
    expect(focusZoom(0.2, 3)).toBe(FOCUS_ZOOM);
    expect(FOCUS_ZOOM).toBeGreaterThanOrEqual(DETAIL_ZOOM * HYSTERESIS);
    expect(CARD_TYPE_PX.detail.label * FOCUS_ZOOM).toBeGreaterThanOrEqual(14);
  });

  it('keeps a closer zoom and respects the canvas maximum', () => {
    expect(focusZoom(2, 3)).toBe(2);
    expect(focusZoom(2, 1.5)).toBe(1.5);
  });
});

describe('moveActive', () => {
  it('wraps with the arrows and jumps with Home, End and the page keys', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(1, 3, 'End')).toBe(2);
    expect(moveActive(1, 3, 'Home')).toBe(0);
    expect(moveActive(0, 20, 'PageDown')).toBe(8);
    expect(moveActive(3, 20, 'PageUp')).toBe(0);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });
});
