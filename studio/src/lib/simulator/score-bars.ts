// The score chart's data: each characteristic's points and the most it could give, on one scale
// that always includes zero. Display only: points are small whole or decimal numbers.
import type { ScoreRecord } from '@plazo/engine';

export interface ScoreBar {
  readonly name: string;
  readonly label: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly value: string;
}

export function scoreBars(score: Pick<ScoreRecord, 'characteristics'>): { rows: ScoreBar[]; min: number; max: number } {
  const rows = score.characteristics.map((c) => ({
    name: c.name,
    label: c.label ?? c.name,
    points: Number(c.points),
    maxPoints: Number(c.maxPoints),
    value: c.value === null ? '—' : String(c.value),
  }));
  const all = rows.flatMap((r) => [r.points, r.maxPoints]);
  return { rows, min: Math.min(0, ...all), max: Math.max(0, ...all) };
}
