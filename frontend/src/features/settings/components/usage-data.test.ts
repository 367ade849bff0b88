import { describe, expect, it } from 'vitest';
import type { UsageReport } from '../api/types';
import { costBars, monthLabel, monthOf, recentMonths } from './usage-data';

function report(projects: UsageReport['projects']): UsageReport {
  return { month: '2030-03', currency: 'USD', totals: {}, projects, creditBalanceUsd: 0 };
}

describe('costBars', () => {
  it('maps each project to its own-key plus platform cost, largest first, scaled to the largest', () => {
    const bars = costBars(
      report([
        { projectId: 'prj_a', byokCostUsd: 1, platformCostUsd: 0 },
        { projectId: 'prj_b', byokCostUsd: 1.5, platformCostUsd: 2.5 },
        { projectId: 'prj_c', platformCostUsd: 2 },
      ]),
      new Map([
        ['prj_a', 'Alpha'],
        ['prj_b', 'Beta'],
      ]),
    );

    expect(bars.map((bar) => [bar.label, bar.totalUsd, bar.fraction])).toEqual([
      ['Beta', 4, 1],
      ['prj_c', 2, 0.5],
      ['Alpha', 1, 0.25],
    ]);
    expect(bars[0]).toMatchObject({ byokUsd: 1.5, platformUsd: 2.5 });
  });

  it('leaves out projects that cost nothing, so an all-free month has no bars', () => {
    expect(costBars(report([{ projectId: 'prj_a', runs: 3, byokCostUsd: 0 }]), new Map())).toEqual([]);
  });
});

describe('months', () => {
  it('counts months in UTC, newest first, across a year', () => {
    const now = new Date('2030-02-28T23:30:00-05:00'); // already March in UTC
    expect(monthOf(now)).toBe('2030-03');
    expect(recentMonths(now, 4)).toEqual(['2030-03', '2030-02', '2030-01', '2029-12']);
  });

  it('names a month for people', () => {
    expect(monthLabel('2030-03')).toBe('March 2030');
    expect(monthLabel('garbage')).toBe('garbage');
  });
});
