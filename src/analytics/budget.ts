/**
 * budgetProjection: what tracking will cost, from the dated planning configuration. TikTok-side
 * costs scale linearly with TikLiveAPI credits (a profile refresh a creator a day, plus post
 * polling for the actively tracked); X-side costs are a step function of the tier whose monthly
 * post-read cap covers the projected reads. Every assumption used is written into `notes`.
 */
import type { PlanningConfig } from './planning-config';

export interface BudgetRequest {
  trackedCreators: number;
  activelyTracked: number;
  days: number;
}

export interface BudgetProjectionRow {
  tiktokCreditsLow: number;
  tiktokCreditsHigh: number;
  xTier: 'FREE' | 'BASIC' | 'PRO' | 'ENTERPRISE';
  xMonthlyUsdLow: number | null;
  xMonthlyUsdHigh: number | null;
  xPostReadsPerMonth: number;
  notes: string[];
}

export function checkBudgetRequest(r: BudgetRequest): string | null {
  if (!Number.isInteger(r.trackedCreators) || r.trackedCreators < 0 || r.trackedCreators > 10_000_000) return 'trackedCreators must be 0 to 10,000,000';
  if (!Number.isInteger(r.activelyTracked) || r.activelyTracked < 0) return 'activelyTracked must not be negative';
  if (r.activelyTracked > r.trackedCreators) return 'activelyTracked cannot exceed trackedCreators';
  if (!Number.isInteger(r.days) || r.days < 1 || r.days > 366) return 'days must be 1 to 366';
  return null;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function projectBudget(r: BudgetRequest, cfg: PlanningConfig): BudgetProjectionRow {
  const t = cfg.tiklive;
  const profiles = r.trackedCreators * t.profileRefreshCreditsPerCreatorPerDay * r.days;
  const pollLow = r.activelyTracked * t.postPollingCreditsPerActiveCreatorPerDay.low * r.days;
  const pollHigh = r.activelyTracked * t.postPollingCreditsPerActiveCreatorPerDay.high * r.days;

  // X reads are billed per month: project a 30-day month whatever the horizon asked for.
  const x = cfg.x;
  const readsPerDay = r.trackedCreators * x.postReadsPerCreatorPerDay.high + r.activelyTracked * x.extraPostReadsPerActiveCreatorPerDay;
  const reads = Math.ceil(readsPerDay * 30);
  const tiers = [...x.tiers].sort((a, b) => (a.postReadsPerMonth ?? Infinity) - (b.postReadsPerMonth ?? Infinity));
  const tier = tiers.find((tr) => tr.postReadsPerMonth === null || tr.postReadsPerMonth >= reads) ?? tiers[tiers.length - 1];
  const months = r.days / 30;
  return {
    tiktokCreditsLow: Math.round(profiles + pollLow),
    tiktokCreditsHigh: Math.round(profiles + pollHigh),
    xTier: tier.tier,
    xMonthlyUsdLow: tier.usdLow,
    xMonthlyUsdHigh: tier.usdHigh,
    xPostReadsPerMonth: reads,
    notes: [
      `prices, credit costs and tier limits as of ${cfg.asOf} (config/planning.json)`,
      `TikTok profiles: ${fmt(r.trackedCreators)} creators x ${t.profileRefreshCreditsPerCreatorPerDay} credit a day x ${r.days} days = ${fmt(profiles)} credits`,
      `TikTok post polling: ${fmt(r.activelyTracked)} actively tracked x ${t.postPollingCreditsPerActiveCreatorPerDay.low} to ${t.postPollingCreditsPerActiveCreatorPerDay.high} credits a day x ${r.days} days = ${fmt(pollLow)} to ${fmt(pollHigh)} credits`,
      `X post reads: ${fmt(r.trackedCreators)} creators x up to ${x.postReadsPerCreatorPerDay.high} new posts a day (daily pulls read each new post once) + ${x.extraPostReadsPerActiveCreatorPerDay} re-read a day for each of the ${fmt(r.activelyTracked)} polled hourly, over a 30-day month = ${fmt(reads)} reads`,
      tier.postReadsPerMonth === null
        ? `X tier ${tier.tier}: no published read cap; price negotiated from ${fmt(tier.usdLow)} USD a month`
        : `X tier ${tier.tier}: the smallest whose cap (${fmt(tier.postReadsPerMonth)} reads a month) covers that; ${fmt(tier.usdLow)} to ${fmt(tier.usdHigh ?? tier.usdLow)} USD a month${months !== 1 ? ` (about ${months.toFixed(1)} months for ${r.days} days)` : ''}`,
      'X costs step with the tier and dominate the stack; TikTok costs scale linearly with credits',
    ],
  };
}
