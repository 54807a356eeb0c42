/**
 * Time spent per pipeline stage, for `npm run bench` and the JSON report.
 *
 *   const time = stageTimer(); const facts = time('validate', () => parse(text)); time.totals → { validate: 12.3, … } (ms)
 */
export type Stage = 'load' | 'validate' | 'render' | 'check' | 'write';

export interface StageTimer {
  <T>(stage: Stage, work: () => T): T;
  readonly totals: Record<Stage, number>;
}

export function stageTimer(): StageTimer {
  const totals: Record<Stage, number> = { load: 0, validate: 0, render: 0, check: 0, write: 0 };
  const time = (<T>(stage: Stage, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      totals[stage] += performance.now() - start;
    }
  }) as StageTimer;
  Object.defineProperty(time, 'totals', { get: () => Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v * 10) / 10])) });
  return time;
}
