// Generation and a look inside the network (issue 5): the Generate, Next character and Inside the
// network panels, and the addition accuracy chart. No props: everything comes from the training
// store and the worker bridge in context, so the App only has to mount it.
import './insights.css';
import { useMemo } from 'react';
import { useGeneration } from '../app/useGeneration.ts';
import { AccuracyChart } from './AccuracyChart.tsx';
import { GeneratePanel } from './GeneratePanel.tsx';
import { InsidePanel } from './InsidePanel.tsx';
import { NextCharacterPanel } from './NextCharacterPanel.tsx';

export function InsightPanels() {
  // Owned here so the Next character panel can probe what the Generate panel wrote.
  const { generation, generate, stop } = useGeneration();
  const generated = useMemo(
    () => (generation.request?.prime ?? '') + generation.chunks.join(''),
    [generation.request, generation.chunks],
  );
  return (
    <div className="insight-panels">
      <AccuracyChart />
      <GeneratePanel generation={generation} onGenerate={generate} onStop={stop} />
      <NextCharacterPanel generated={generation.running ? '' : generated} />
      <InsidePanel />
    </div>
  );
}
