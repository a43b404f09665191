import { describe, expect, it } from 'vitest';
import { displayName } from '../model';
import { buildDiagramSvg, diagramSvg, readSvgScenario } from './diagramSvg';
import { escapeXml } from './svgText';
import { HOSTILE, accepted, checkout, hostileScenario } from './testing';

const CHECKOUT_SCENARIO = checkout();

/** Every tag of the picture: user text has its `<` and `>` escaped, so each literal `<` opens one. */
const tags = (svg: string) => svg.match(/<[^>]*>/g) ?? [];
const SAFE_ATTRIBUTES = new Set([
  'xmlns', 'width', 'height', 'viewBox', 'font-family', 'font-size', 'font-weight', 'letter-spacing', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'rx', 'ry', 'cx', 'cy', 'r', 'd',
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'transform', 'text-anchor', 'id', 'refX', 'refY',
  'markerWidth', 'markerHeight', 'orient', 'marker-end',
]);

function attributeNames(tag: string): string[] {
  return [...tag.matchAll(/\s([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=/g)].map((m) => m[1] ?? '');
}

describe('the diagram SVG', () => {
  it('draws every node label, kind and bounded context of the example', () => {
    const svg = diagramSvg(CHECKOUT_SCENARIO);
    // In a visible <text> (each node's full name is also in its <title>, which alone would pass).
    const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
    for (const node of CHECKOUT_SCENARIO.nodes) {
      const name = escapeXml(displayName(node));
      expect(texts.some((t) => t === name || (t.endsWith('…') && name.startsWith(t.slice(0, -1))))).toBe(true);
    }
    for (const group of CHECKOUT_SCENARIO.groups) expect(svg).toContain(group.label.toUpperCase());
    expect(svg).toContain('<title>E-commerce checkout</title>');
    expect(svg.match(/marker-end="url\(#arrow\)"/g)).toHaveLength(CHECKOUT_SCENARIO.edges.length);
  });

  it('draws async calls dashed and sync calls solid', () => {
    const s = accepted({ nodes: [{ id: 'a', kind: 'service' }, { id: 'q', kind: 'queue' }, { id: 'b', kind: 'service' }], edges: [{ id: 'e1', from: 'a', to: 'b' }, { id: 'e2', from: 'a', to: 'q', kind: 'async' }] });
    const edges = tags(diagramSvg(s)).filter((t) => t.includes('marker-end'));
    expect(edges).toHaveLength(2);
    expect(edges.filter((t) => t.includes('stroke-dasharray'))).toHaveLength(1);
  });

  it('keeps every hostile label as escaped text and adds no script, handler, link or external reference', () => {
    const scenario = hostileScenario();
    const svg = diagramSvg(scenario);
    for (const label of [HOSTILE.img, HOSTILE.script, HOSTILE.url, HOSTILE.quotes, HOSTILE.markdown]) expect(svg).toContain(escapeXml(label));
    for (const tag of tags(svg)) {
      expect(tag).not.toMatch(/^<\/?(script|foreignObject|image|a|use|iframe|style)\b/i);
      for (const name of attributeNames(tag)) expect(SAFE_ATTRIBUTES.has(name), `attribute ${name} in ${tag}`).toBe(true);
    }
    expect(svg).not.toMatch(/<script|<img|<svg onload/i);
    expect(svg.replace(/&[a-z#0-9]+;/g, '')).not.toMatch(/href|url\((?!#arrow\))/i);
    // One comment (the marker): a label with "-->" cannot close it or open another.
    expect(svg.match(/<!--/g)).toHaveLength(1);
    expect(svg.match(/-->/g)).toHaveLength(1);
    // Characters XML forbids are dropped, so the picture stays well-formed.
    expect(svg.includes(String.fromCharCode(7))).toBe(false);
    expect(svg).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('fits every node inside its size with the margin', () => {
    const s = accepted({ nodes: [{ id: 'a', kind: 'service', position: { x: -500, y: -300 } }, { id: 'b', kind: 'cache', position: { x: 900, y: 700 } }] });
    const picture = buildDiagramSvg(s);
    expect(picture.width).toBe(900 + 200 + 500 + 64);
    expect(picture.height).toBe(700 + 96 + 300 + 64 + 56);
  });

  it('can leave the scenario out, for pictures that are not meant to reopen', () => {
    expect(diagramSvg(CHECKOUT_SCENARIO, { embedScenario: false })).not.toContain('faultline:scenario');
  });
});

describe('reading the scenario back from an SVG', () => {
  it('gives back the same scenario, hostile text included', () => {
    const scenario = hostileScenario();
    const result = readSvgScenario(diagramSvg(scenario));
    expect(result.ok && result.scenario).toEqual(scenario);
  });

  it('says an SVG without a marker holds no Faultline scenario', () => {
    const result = readSvgScenario('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
    expect(!result.ok && result.errors[0]?.message).toBe('this SVG holds no Faultline scenario: only pictures exported by Faultline can be reopened');
  });

  it('refuses a damaged marker, damaged base64 and a newer picture format', () => {
    const svg = diagramSvg(CHECKOUT_SCENARIO);
    const broken = svg.replace(/(faultline:scenario:v1:[A-Za-z0-9+/]{10})/, '$1<>');
    expect(readSvgScenario(broken).ok).toBe(false);
    const badBase64 = svg.replace(/(faultline:scenario:v1:)([A-Za-z0-9+/])/, '$1=');
    expect(!readSvgScenario(badBase64).ok && readSvgScenario(badBase64)).toMatchObject({ errors: [{ message: expect.stringContaining('damaged') }] });
    const newer = svg.replace('faultline:scenario:v1:', 'faultline:scenario:v2:');
    expect(readSvgScenario(newer)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('newer Faultline') }] });
  });

  it('passes the embedded document through restore, so an invalid scenario is refused with its path', () => {
    const payload = btoa(JSON.stringify({ format: 'faultline', version: 2, scenario: { nodes: [{ id: 'a', kind: 'spaceship' }] } }));
    const result = readSvgScenario(`<svg><!-- faultline:scenario:v1:${payload} --></svg>`);
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'scenario.nodes[0].kind' }] });
  });
});
