import { decodeEvidence, encodeEvidence, type MatchEvidenceRecord } from '../../src/matching/evidence-codec';

const bio = 'lashes, lipsticks & honest reviews, business: see link · Denver "quoted" 💄';
const link = 'https://linktr.ee/tamtonschoolofmus';

/** Both platforms' values of a signal: [raw, normalized] each. */
const both = (t: [string | null, string | null], x: [string | null, string | null]): MatchEvidenceRecord['values'] => [
  { platform: 'TIKTOK', raw: t[0], normalized: t[1] },
  { platform: 'X', raw: x[0], normalized: x[1] },
];

/** A probabilistic pair's evidence as the scorer builds it: the bio and link repeat across signals. */
const probabilistic: MatchEvidenceRecord[] = [
  {
    signal: 'BIO_LINK',
    reason: null,
    values: both([null, null], [link, 'linktr.ee/tamtonschoolofmus']),
    points: 0,
    level: 'MISSING',
    matchWeight: 0,
    m: 0.6774245326161361,
    u: 0.7572992700729927,
  },
  {
    signal: 'PROFILE_LINK',
    reason: null,
    values: both([bio, null], [link, null]),
    points: 0,
    level: 'NONE',
    matchWeight: 0,
    m: 0.8800770319954698,
    u: 0.8936079794015449,
  },
  {
    signal: 'DISPLAY_NAME',
    reason: 'NAME_EXACT',
    values: both(['Tamton School Of Music', 'tamton school of music'], ['Tamton School Of Music', 'tamton school of music']),
    points: 14,
    level: 'EXACT',
    matchWeight: 14.102,
    m: 0.8704834553513482,
    u: 0.00004951965930474398,
  },
  {
    signal: 'BIO_TEXT',
    reason: null,
    values: both([bio, null], ['thrift queen · Paris | 💻', null]),
    points: -1,
    level: 'DIFFERENT',
    matchWeight: -1.014,
    m: 0.47103281163679794,
    u: 0.950979902009799,
  },
  { signal: 'PRIOR', reason: null, values: [], points: -17, level: 'POPULATION', matchWeight: -16.799 },
];

describe('stored match evidence', () => {
  it('reads back what was written, with m and u to 4 significant digits', () => {
    const back = decodeEvidence(encodeEvidence(probabilistic));
    const expected = probabilistic.map((e) => {
      const out: MatchEvidenceRecord = { ...e };
      if (e.m !== undefined) out.m = Number(e.m.toPrecision(4));
      if (e.u !== undefined) out.u = Number(e.u.toPrecision(4));
      return out;
    });
    expect(back).toEqual(expected);
    expect(back[2].u).toBe(0.00004952);
    expect(back[0].m).toBe(0.6774);
  });

  it("keeps the fixed-points scorer's records, which have no level, weight, m or u", () => {
    const fixed: MatchEvidenceRecord[] = [
      {
        signal: 'USERNAME',
        reason: 'HANDLE_EXACT',
        values: both(['Mila', 'mila'], ['mila', 'mila']),
        points: 30,
      },
    ];
    const back = decodeEvidence(encodeEvidence(fixed));
    expect(back).toEqual(fixed);
    expect(Object.keys(back[0]).sort()).toEqual(['points', 'reason', 'signal', 'values']);
  });

  it('stores each string once: under half the plain JSON for a typical pair', () => {
    const stored = encodeEvidence(probabilistic);
    expect(stored.split(bio.slice(0, 20)).length - 1).toBe(1);
    expect(stored.split(link).length - 1).toBe(1);
    expect(stored.length).toBeLessThan(JSON.stringify(probabilistic).length / 2);
  });

  it('reads evidence stored before this form (a JSON array of the records) as it was written', () => {
    const legacy = JSON.stringify(probabilistic);
    expect(decodeEvidence(legacy)).toEqual(probabilistic);
    expect(decodeEvidence('[]')).toEqual([]);
    expect(decodeEvidence(null)).toEqual([]);
    expect(decodeEvidence('')).toEqual([]);
  });

  it('refuses a form it does not know rather than showing nothing', () => {
    expect(() => decodeEvidence('{"v":3,"s":[],"e":[]}')).toThrow(/version 3/);
  });

  it('is the same string for the same evidence, so an unchanged pair is recognised as unchanged', () => {
    expect(encodeEvidence(probabilistic)).toBe(encodeEvidence(structuredClone(probabilistic)));
  });
});
