import { describe, expect, it } from 'vitest';
import { readPath } from '../../../src/core/attribution/paths';

const channels = (text: string) => {
  const r = readPath(text);
  if (!r.ok) throw new Error(r.problem);
  return r.channels;
};
const problem = (text: string) => {
  const r = readPath(text);
  if (r.ok) throw new Error(`"${text}" was read as ${r.channels.join('|')}`);
  return r.problem;
};

describe('readPath', () => {
  it('splits on >, › and → with or without spaces, first touch first', () => {
    expect(channels('Search > Social > Email')).toEqual(['Search', 'Social', 'Email']);
    expect(channels('Search>Social>Email')).toEqual(['Search', 'Social', 'Email']);
    expect(channels('Search › Social→Email')).toEqual(['Search', 'Social', 'Email']);
    expect(channels('Direct')).toEqual(['Direct']);
  });
  it('trims names and keeps their case (Search and search are two channels)', () => {
    expect(channels('  Paid Search  >  search ')).toEqual(['Paid Search', 'search']);
    expect(channels('Email\u00a0> Email')).toEqual(['Email', 'Email']);
  });
  it('reads Persian and Arabic names, keeping the ZWNJ inside a word and dropping direction marks at its ends', () => {
    expect(channels('جستجو > شبکه\u200cهای اجتماعی > ایمیل')).toEqual([
      'جستجو',
      'شبکه\u200cهای اجتماعی',
      'ایمیل',
    ]);
    expect(channels('\u200fبحث مدفوع\u200f › البريد')).toEqual(['بحث مدفوع', 'البريد']);
  });
  it('refuses a path with no channel or an empty step, and says which step', () => {
    expect(problem('')).toBe('names no channel');
    expect(problem(' > > ')).toBe('names no channel');
    expect(problem('Search >  > Email')).toContain('empty step (touch 2 of 3)');
    expect(problem('Search >')).toContain('empty step (touch 2 of 2)');
  });
  it('refuses arrows pointing backwards instead of reading the path the wrong way round', () => {
    expect(problem('Email ← Search')).toContain('"←"');
    expect(problem('Email < Search')).toContain('first touch to the last');
  });
});
