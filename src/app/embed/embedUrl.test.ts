import { describe, expect, it } from 'vitest';
import { embedCode, embedUrlFor, fullAppUrl, isEmbedUrl } from './embedUrl';

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

  it('makes the embed address of a share link, and an iframe whose attributes cannot be broken out of', () => {
    expect(embedUrlFor('https://host/app/#s=1.abc')).toBe('https://host/app/?embed#s=1.abc');
    expect(embedUrlFor('https://host/?x=2#s=1.abc')).toBe('https://host/?embed&x=2#s=1.abc');
    expect(isEmbedUrl(new URL(embedUrlFor('https://host/?x=2#s=1.abc')).search)).toBe(true);
    const code = embedCode('https://host/#s=1.abc', 'Checkout "v2" <script>');
    expect(code).toBe('<iframe src="https://host/?embed#s=1.abc" width="960" height="640" title="Faultline: Checkout &quot;v2&quot; &lt;script&gt;" style="border: 0"></iframe>');
  });
});
