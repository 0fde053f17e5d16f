import { describe, expect, it } from 'vitest';
import { findBadText, textFault } from './request-text.ts';

describe('text a request may hold', () => {
  it('refuses C0 controls but tab, line feed and carriage return, and lone surrogates', () => {
    for (const bad of [
      '\u0000',
      'a\u0001',
      '\u0007',
      '\u000B',
      '\u000C',
      '\u001F',
      '\uD800',
      'x\uDFFF',
    ]) {
      expect(textFault(bad)).toEqual(expect.any(String));
    }
    for (const good of [
      '',
      'plain',
      'tab\there',
      'lines\r\n',
      '已签收',
      '😀',
      '\u007F',
      '\u00A0',
    ]) {
      expect(textFault(good)).toBeUndefined();
    }
  });

  it('points at every bad string and field name, escaped as RFC 6901 says', () => {
    expect(
      findBadText(
        {
          orderRef: 'O\u0000',
          parcel: { category: 'ok', 'a/b~c': ['fine', '\u0000'] },
          'bad\u0000key': 'value',
        },
        '',
      ),
    ).toEqual([
      { pointer: '/orderRef', detail: expect.stringContaining('control characters') },
      { pointer: '/parcel/a~1b~0c/1', detail: expect.stringContaining('control characters') },
      { pointer: '/bad\u0000key', detail: expect.stringContaining('field name') },
    ]);
    expect(findBadText({ com: 'zto\u0000' }, '/query')).toEqual([
      { pointer: '/query/com', detail: expect.any(String) },
    ]);
    expect(findBadText('\u0000', '')).toEqual([{ pointer: '', detail: expect.any(String) }]);
    expect(findBadText({ n: 1, ok: [true, null, 'text'] }, '')).toEqual([]);
  });

  it('walks a body nested far deeper than the call stack would allow', () => {
    let deep: unknown = '\u0000';
    for (let depth = 0; depth < 200_000; depth++) {
      deep = [deep];
    }
    expect(findBadText(deep, '')).toHaveLength(1);
  });

  it('reports at most 20 fields', () => {
    expect(
      findBadText(
        Array.from({ length: 100 }, () => '\u0000'),
        '',
      ),
    ).toHaveLength(20);
  });
});
