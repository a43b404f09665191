import { describe, expect, it } from 'vitest';
import { documentTitleFor } from './documentTitle';

describe('document title', () => {
  it('names the scenario before the app, and only the app when the scenario has no title', () => {
    expect(documentTitleFor('E-commerce checkout')).toBe('E-commerce checkout — Faultline');
    expect(documentTitleFor('   ')).toBe('Faultline');
  });

  it('keeps markup as the characters typed', () => {
    expect(documentTitleFor('<script>x</script>')).toBe('<script>x</script> — Faultline');
  });
});
