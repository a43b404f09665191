import { describe, expect, it } from 'vitest';
import { serializeScenario, type RestoreResult } from '../model';
import { diagramSvg } from './diagramSvg';
import { encodeEmbeddedScenario } from './embed';
import { MAX_IMPORT_BYTES, detectImportKind, importBytes, readImportFile } from './importFile';
import { SCENARIO_KEYWORD, insertTextChunk } from './png';
import { accepted, checkout } from './testing';

const ONE_PIXEL = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);
const kindOf = (bytes: Uint8Array) => detectImportKind(bytes, () => new TextDecoder().decode(bytes));
const message = (r: RestoreResult) => (r.ok ? 'accepted' : r.errors.map((e) => `${e.path ? `${e.path}: ` : ''}${e.message}`).join('; '));

describe('recognising a file by its content', () => {
  it('tells PNG, SVG, JSON, Mermaid and anything else apart, whatever the name', () => {
    expect(kindOf(ONE_PIXEL)).toBe('png');
    expect(kindOf(utf8('<?xml version="1.0"?>\n<!-- made by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('svg');
    expect(kindOf(utf8('\uFEFF  {"format":"faultline"}'))).toBe('json');
    expect(kindOf(utf8('%% checkout\nflowchart LR\n  a --> b'))).toBe('mermaid');
    expect(kindOf(utf8('---\ntitle: Shop\n---\ngraph TD;a-->b'))).toBe('mermaid');
    expect(kindOf(utf8('graphs are fun'))).toBe('unknown');
    expect(kindOf(utf8('GIF89a'))).toBe('unknown');
  });
});

describe('opening a file of each kind', () => {
  const scenario = checkout();

  it('opens scenario JSON through restore', () => {
    const result = importBytes(utf8(serializeScenario(scenario)), 'anything.txt');
    expect(result.ok && result.scenario).toEqual(scenario);
  });

  it('reads UTF-16 with a byte-order mark, and names UTF-16 without one', () => {
    const text = serializeScenario(checkout());
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
      be[2 + 2 * i] = c >> 8;
      be[3 + 2 * i] = c & 0xff;
    }
    const fromLe = importBytes(le, 'windows.json');
    const fromBe = importBytes(be, 'mac.json');
    expect(fromLe.ok && fromLe.scenario).toEqual(checkout());
    expect(fromBe.ok && fromBe.scenario).toEqual(checkout());
    expect(message(importBytes(le.subarray(2), 'unmarked.json'))).toMatch(/looks like UTF-16 text without a byte-order mark.*save it as UTF-8/);
  });

  it('opens an SVG exported by Faultline', () => {
    const result = importBytes(utf8(diagramSvg(scenario)), 'picture.svg');
    expect(result.ok && result.scenario).toEqual(scenario);
  });

  it('opens a PNG exported by Faultline', () => {
    const result = importBytes(insertTextChunk(ONE_PIXEL, SCENARIO_KEYWORD, encodeEmbeddedScenario(scenario)), 'picture.png');
    expect(result.ok && result.scenario).toEqual(scenario);
  });

  it('says a PNG or SVG from elsewhere holds no Faultline scenario', () => {
    expect(message(importBytes(ONE_PIXEL, 'photo.png'))).toBe('this PNG holds no Faultline scenario: only pictures exported by Faultline can be reopened');
    expect(message(importBytes(utf8('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg'))).toBe('this SVG holds no Faultline scenario: only pictures exported by Faultline can be reopened');
  });

  it('hands Mermaid text to the Mermaid reader', () => {
    const seen: string[] = [];
    const result = importBytes(utf8('flowchart LR\n  a --> b'), 'topology.mmd', {
      mermaid: (text) => {
        seen.push(text);
        return { ok: true, scenario: accepted({ title: 'From Mermaid' }), warnings: [], fromVersion: 2 };
      },
    });
    expect(seen).toEqual(['flowchart LR\n  a --> b']);
    expect(result.ok && result.scenario.title).toBe('From Mermaid');
  });

  it('opens a Mermaid flowchart as services and calls', () => {
    const result = importBytes(utf8('flowchart LR\n  web[Web shop] --> orders\n  orders --> db[(Orders DB)]\n'), 'shop.mmd');
    expect(result.ok, message(result)).toBe(true);
    if (result.ok) {
      expect(result.scenario.nodes).toHaveLength(3);
      expect(result.scenario.edges).toHaveLength(2);
    }
  });

  it('refuses garbage with a message that lists what it can open', () => {
    expect(message(importBytes(utf8('hello world'), 'notes.txt'))).toContain('expected a scenario JSON file, a PNG or SVG exported by Faultline, or a Mermaid flowchart');
    expect(message(importBytes(Uint8Array.of(0, 1, 2, 255, 254), 'blob.bin'))).toContain('Faultline cannot open this file');
  });

  it('keeps the JSON parser message for a broken .json file', () => {
    expect(message(importBytes(utf8('{ nodes: ['), 'broken.json'))).toContain('not valid JSON');
    expect(message(importBytes(utf8('nope'), 'broken.json'))).toContain('not valid JSON');
  });

  it('refuses a file larger than the limit before reading it', async () => {
    const huge = { size: MAX_IMPORT_BYTES + 1, name: 'huge.png', arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob & { name: string };
    expect(message(await readImportFile(huge))).toContain('too large');
  });

  it('reads a Blob the way a dropped file arrives', async () => {
    const file = new Blob([diagramSvg(scenario)], { type: 'image/svg+xml' });
    const result = await readImportFile(Object.assign(file, { name: 'diagram.svg' }));
    expect(result.ok).toBe(true);
  });
});
