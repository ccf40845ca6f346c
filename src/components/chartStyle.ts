// What every chart on the page shares: the margin, the grid and the step axis. Spread into the
// recharts elements themselves (recharts reads its axes from its direct children).
import { formatInt } from '../app/format.ts';

export const CHART_MARGIN = { top: 8, right: 16, bottom: 24, left: 8 };

export const GRID_PROPS = { stroke: '#e5e7eb', strokeDasharray: '3 3' };

export const STEP_AXIS_PROPS = {
  dataKey: 'step',
  type: 'number' as const,
  domain: ['dataMin', 'dataMax'] as [string, string],
  tickFormatter: (v: number) => formatInt(v),
  label: { value: 'Step', position: 'insideBottom' as const, offset: -12 },
};
