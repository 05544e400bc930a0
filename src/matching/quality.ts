/**
 * Matcher quality from reviewer decisions: every pair a reviewer approved or linked (MANUAL) is a
 * positive label, every rejected pair a negative one, and the score the matcher gave the pair is
 * its prediction. At each threshold, precision is the share of labelled pairs scoring at or above
 * it that reviewers approved, and recall the share of approved pairs scoring at or above it, so
 * the auto and review thresholds can be tuned from evidence rather than guessed.
 */
import type { MatchStatus } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';

export interface Label {
  /** MANUAL: the reviewer says same creator; REJECTED: not. */
  status: Extract<MatchStatus, 'MANUAL' | 'REJECTED'>;
  score: number;
}

export interface ThresholdQuality {
  threshold: number;
  /** Null when no labelled pair scores at or above the threshold. */
  precision: number | null;
  /** Null when there is no approved pair. */
  recall: number | null;
  pairsAtOrAbove: number;
}

export interface MatchQuality {
  labelledPairs: number;
  approved: number;
  rejected: number;
  byThreshold: ThresholdQuality[];
}

/** Thresholds reported: every 5 points from 0 to 100, plus each distinct labelled score. */
export function qualityThresholds(labels: readonly Label[]): number[] {
  const t = new Set<number>();
  for (let s = 0; s <= 100; s += 5) t.add(s);
  for (const l of labels) t.add(l.score);
  return [...t].sort((a, b) => a - b);
}

/** Precision and recall per threshold for a labelled set. Linear after sorting. */
export function computeQuality(labels: readonly Label[]): MatchQuality {
  const approved = labels.filter((l) => l.status === 'MANUAL').length;
  const sorted = [...labels].sort((a, b) => b.score - a.score);
  const thresholds = qualityThresholds(labels).reverse();
  const byThreshold: ThresholdQuality[] = [];
  let i = 0;
  let above = 0;
  let approvedAbove = 0;
  for (const threshold of thresholds) {
    while (i < sorted.length && sorted[i].score >= threshold) {
      above++;
      if (sorted[i].status === 'MANUAL') approvedAbove++;
      i++;
    }
    byThreshold.push({
      threshold,
      precision: above === 0 ? null : approvedAbove / above,
      recall: approved === 0 ? null : approvedAbove / approved,
      pairsAtOrAbove: above,
    });
  }
  return { labelledPairs: labels.length, approved, rejected: labels.length - approved, byThreshold: byThreshold.reverse() };
}

/** Quality measured on the reviewer decisions stored in the graph. */
export async function matchQuality(graph: GraphClient): Promise<MatchQuality> {
  return computeQuality(await graph.read<Label>('matching/labelled-matches'));
}
