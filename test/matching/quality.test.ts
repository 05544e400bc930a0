import { computeQuality, qualityThresholds, type Label } from '../../src/matching/quality';

describe('computeQuality', () => {
  // A hand-made labelled set: reviewers approved the four strongest-but-one and one weak pair.
  const labels: Label[] = [
    { status: 'MANUAL', score: 100 },
    { status: 'MANUAL', score: 90 },
    { status: 'REJECTED', score: 90 },
    { status: 'MANUAL', score: 60 },
    { status: 'MANUAL', score: 40 },
    { status: 'REJECTED', score: 40 },
    { status: 'REJECTED', score: 30 },
    { status: 'MANUAL', score: 0 },
  ];
  const q = computeQuality(labels);
  const at = (t: number) => q.byThreshold.find((b) => b.threshold === t)!;

  it('counts the labels', () => {
    expect(q).toMatchObject({ labelledPairs: 8, approved: 5, rejected: 3 });
  });

  it('gives precision and recall at each threshold', () => {
    expect(at(0)).toEqual({ threshold: 0, precision: 5 / 8, recall: 1, pairsAtOrAbove: 8 });
    expect(at(30)).toEqual({ threshold: 30, precision: 4 / 7, recall: 4 / 5, pairsAtOrAbove: 7 });
    expect(at(35)).toEqual({ threshold: 35, precision: 4 / 6, recall: 4 / 5, pairsAtOrAbove: 6 });
    expect(at(60)).toEqual({ threshold: 60, precision: 3 / 4, recall: 3 / 5, pairsAtOrAbove: 4 });
    expect(at(95)).toEqual({ threshold: 95, precision: 1, recall: 1 / 5, pairsAtOrAbove: 1 });
    expect(at(100)).toEqual({ threshold: 100, precision: 1, recall: 1 / 5, pairsAtOrAbove: 1 });
  });

  it('reports every 5 points plus each distinct labelled score, ascending', () => {
    expect(qualityThresholds([{ status: 'MANUAL', score: 42 }, { status: 'REJECTED', score: 7 }])).toEqual(
      [0, 5, 7, 10, 15, 20, 25, 30, 35, 40, 42, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100],
    );
    expect(q.byThreshold.map((b) => b.threshold)).toEqual(qualityThresholds(labels));
  });

  it('is null where a ratio has no denominator', () => {
    const empty = computeQuality([]);
    expect(empty).toMatchObject({ labelledPairs: 0, approved: 0, rejected: 0 });
    expect(empty.byThreshold.every((b) => b.precision === null && b.recall === null && b.pairsAtOrAbove === 0)).toBe(true);
    const onlyRejected = computeQuality([{ status: 'REJECTED', score: 50 }]);
    expect(onlyRejected.byThreshold.find((b) => b.threshold === 50)).toEqual({ threshold: 50, precision: 0, recall: null, pairsAtOrAbove: 1 });
  });
});
