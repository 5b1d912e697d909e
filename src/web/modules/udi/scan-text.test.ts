import { describe, expect, it } from 'vitest';
import { markPosition, visibleText } from './scan-text.ts';

describe('scanned data as shown', () => {
  it('shows the GS separator and a trailing CR as visible control pictures, one per character', () => {
    const shown = visibleText('10LOT42\u001d21SN0001\r');
    expect(shown).toBe('10LOT42\u241d21SN0001\u240d');
    expect(shown.length).toBe('10LOT42\u001d21SN0001\r'.length);
  });

  it('marks the character at the 0-based position the server reports', () => {
    expect(markPosition('(01)09506000134353(17)271231', 17)).toEqual({
      before: '(01)0950600013435',
      at: '3',
      after: '(17)271231',
    });
  });

  it('marks the end of the data when the position is just past the last character', () => {
    expect(markPosition('(01)0950', 8)).toEqual({ before: '(01)0950', at: '', after: '' });
  });

  it('marks nothing for a missing position or one outside the data', () => {
    expect(markPosition('(01)0950', undefined)).toBeNull();
    expect(markPosition('(01)0950', 9)).toBeNull();
    expect(markPosition('(01)0950', -1)).toBeNull();
  });
});
