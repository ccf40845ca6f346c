// The saved-runs side of the page: the list, export and import, and the comparison.
import './runs.css';
import type { Runs } from '../app/useRuns.ts';
import { ComparePanel } from './ComparePanel.tsx';
import { ModelFilesPanel } from './ModelFilesPanel.tsx';
import { SavedRunsPanel } from './SavedRunsPanel.tsx';

export function RunsPanels({ runs }: { runs: Runs }) {
  return (
    <div className="runs-panels">
      <SavedRunsPanel runs={runs} />
      <ModelFilesPanel runs={runs} />
      <ComparePanel runs={runs.saved.runs} />
    </div>
  );
}
