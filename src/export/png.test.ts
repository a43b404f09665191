import { describe, expect, it } from 'vitest';
import { encodeEmbeddedScenario } from './embed';
import { SCENARIO_KEYWORD, crc32, insertTextChunk, readChunks, readPngScenario, readTextChunk, writeChunks } from './png';
import { checkout, hostileScenario } from './testing';

/** A real 1x1 PNG (signature, IHDR, IDAT, IEND), as a browser's canvas.toBlob would give. */
const ONE_PIXEL = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const typesOf = (png: Uint8Array) => {
  const read = readChunks(png);
  if (!read.ok) throw new Error(read.error);
  return read.chunks.map((c) => c.type);
};

describe('PNG chunks', () => {
  it('computes the CRC-32 that PNG uses', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('reads the chunks of a real PNG and writes the same bytes back', () => {
    const read = readChunks(ONE_PIXEL);
    expect(read.ok && read.chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    if (read.ok) expect(writeChunks(read.chunks)).toEqual(ONE_PIXEL);
  });

  it('puts a tEXt chunk just before IEND and reads it back', () => {
    const png = insertTextChunk(ONE_PIXEL, 'faultline', 'aGVsbG8=');
    expect(typesOf(png)).toEqual(['IHDR', 'IDAT', 'tEXt', 'IEND']);
    expect(readTextChunk(png, 'faultline')).toEqual({ ok: true, text: 'aGVsbG8=' });
    expect(readTextChunk(png, 'Comment')).toEqual({ ok: true, text: null });
  });

  it('replaces an earlier chunk with the same keyword instead of adding a second', () => {
    const twice = insertTextChunk(insertTextChunk(ONE_PIXEL, 'faultline', 'b2xk'), 'faultline', 'bmV3');
    expect(typesOf(twice)).toEqual(['IHDR', 'IDAT', 'tEXt', 'IEND']);
    expect(readTextChunk(twice, 'faultline')).toEqual({ ok: true, text: 'bmV3' });
  });

  it('refuses text that a tEXt chunk cannot hold', () => {
    expect(() => insertTextChunk(ONE_PIXEL, 'faultline', 'snowman ☃')).toThrow('Latin-1');
    expect(() => insertTextChunk(ONE_PIXEL, '', 'x')).toThrow('Latin-1');
  });
});

describe('damaged PNGs', () => {
  const withScenario = insertTextChunk(ONE_PIXEL, SCENARIO_KEYWORD, encodeEmbeddedScenario(checkout()));

  it('refuses a file without the PNG signature', () => {
    expect(readChunks(new TextEncoder().encode('GIF89a....'))).toEqual({ ok: false, error: 'not a PNG file (wrong signature)' });
  });

  it('refuses every truncation of a PNG without reading past its end', () => {
    for (let length = 8; length < withScenario.length; length += Math.max(1, Math.floor(withScenario.length / 200))) {
      const result = readChunks(withScenario.slice(0, length));
      expect(result.ok, `cut at ${length}`).toBe(false);
    }
  });

  it('refuses a flipped bit anywhere after the signature by its checksum or structure', () => {
    for (let at = 8; at < ONE_PIXEL.length; at++) {
      const damaged = ONE_PIXEL.slice();
      damaged[at] = (damaged[at] as number) ^ 0x10;
      expect(readChunks(damaged).ok, `bit flipped at ${at}`).toBe(false);
    }
  });

  it('refuses a chunk length larger than the file instead of trusting it', () => {
    const damaged = ONE_PIXEL.slice();
    new DataView(damaged.buffer).setUint32(8, 0xfffffff0);
    expect(readChunks(damaged)).toMatchObject({ ok: false, error: expect.stringContaining('longer than the file') });
  });
});

describe('the scenario in a PNG', () => {
  it('comes back the same, hostile labels and all', () => {
    const scenario = hostileScenario();
    const png = insertTextChunk(ONE_PIXEL, SCENARIO_KEYWORD, encodeEmbeddedScenario(scenario));
    const result = readPngScenario(png);
    expect(result.ok && result.scenario).toEqual(scenario);
  });

  it('says plainly when a PNG holds none', () => {
    expect(readPngScenario(ONE_PIXEL)).toEqual({
      ok: false,
      errors: [{ path: '', message: 'this PNG holds no Faultline scenario: only pictures exported by Faultline can be reopened' }],
    });
  });

  it('refuses a chunk whose payload is not base64 of a scenario', () => {
    expect(readPngScenario(insertTextChunk(ONE_PIXEL, SCENARIO_KEYWORD, '!!!not base64'))).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('damaged') }] });
    expect(readPngScenario(insertTextChunk(ONE_PIXEL, SCENARIO_KEYWORD, btoa('{"format":"faultline","version":999,"scenario":{}}')))).toMatchObject({
      ok: false,
      errors: [{ path: 'version', message: expect.stringContaining('newer Faultline') }],
    });
  });
});
