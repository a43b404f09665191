import { describe, expect, it } from 'vitest';
import { fullAppUrl, isEmbedUrl } from './embedUrl';

describe('embed addresses', () => {
  it('recognises ?embed with or without a value, among other parameters', () => {
    expect(isEmbedUrl('?embed')).toBe(true);
    expect(isEmbedUrl('?embed=1&x=2')).toBe(true);
    expect(isEmbedUrl('?x=2&embed')).toBe(true);
    expect(isEmbedUrl('')).toBe(false);
    expect(isEmbedUrl('?embedded')).toBe(false);
  });

  it('opens the full app at the same place without embed, keeping the share link fragment', () => {
    expect(fullAppUrl('https://host/app/?embed#s=1.abc')).toBe('https://host/app/#s=1.abc');
    expect(fullAppUrl('https://host/?x=2&embed=1#s=1.abc')).toBe('https://host/?x=2#s=1.abc');
  });
});
