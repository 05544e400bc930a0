import { exactHandle, normalizeHandle } from '../../src/graph/handle-key';

describe('normalizeHandle / exactHandle', () => {
  it.each([
    ['BeautyByAmy', 'beautybyamy'],
    ['beauty.by.amy', 'beautybyamy'],
    ['beauty_by_amy99', 'beautybyamy'],
    ['2beautybyamy2', 'beautybyamy'],
    ['@Beauty-By-Amy', 'beautybyamy'],
    ['amy2k', 'amy2k'],
    ['12345', ''],
    ['__', ''],
  ])('normalizeHandle(%s) -> %s', (raw, expected) => {
    expect(normalizeHandle(raw)).toBe(expected);
  });

  it('exactHandle ignores case, surrounding space and a leading @ only', () => {
    expect(exactHandle(' @BeautyByAmy ')).toBe('beautybyamy');
    expect(exactHandle('beauty.by.amy')).toBe('beauty.by.amy');
    expect(exactHandle(undefined)).toBe('');
  });
});
