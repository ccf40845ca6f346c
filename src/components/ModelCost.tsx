// What the model in the form will cost, before it trains: parameters, FLOPs per character, memory
// and time per epoch, with a warning when it is large for the corpus or slow for the machine.
// It follows the form as the user types, so the trade-offs show while choosing.
import { memo } from 'react';
import type { Hyperparameters } from '../workers/protocol.ts';
import type { TrainingState } from '../app/store.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import { useThrottledValue } from '../app/useThrottledValue.ts';
import { costWarnings, describeEpochTime, estimateCost } from '../app/modelCost.ts';
import { formatBytes, formatInt, formatSi } from '../app/format.ts';

const selectThroughput = (state: TrainingState) => state.throughput;

/** Progress arrives ~10 times a second; a speed estimate that flickers reads as noise. */
const SPEED_INTERVAL_MS = 2000;

interface Props {
  /** The form's values, or null while a field is invalid. */
  hyper: Hyperparameters | null;
  corpus: { title: string; chars: number; vocabSize: number } | undefined;
}

export const ModelCost = memo(function ModelCost({ hyper, corpus }: Props) {
  const measured = useTrainingState(selectThroughput);
  const throughput = useThrottledValue(measured, SPEED_INTERVAL_MS);

  let body;
  if (corpus === undefined) {
    body = <p className="muted">Pick a corpus: its vocabulary sets the input and output size.</p>;
  } else if (hyper === null) {
    body = <p className="muted">Fix the highlighted fields to see what this model costs.</p>;
  } else {
    const estimate = estimateCost(hyper, corpus, throughput);
    const warnings = costWarnings(estimate);
    body = (
      <>
        <dl className="facts">
          <div>
            <dt>Parameters</dt>
            <dd>{formatInt(estimate.params)}</dd>
          </div>
          <div>
            <dt>Training FLOPs per character</dt>
            <dd>≈ {formatSi(estimate.flopsPerChar, 'FLOP')}</dd>
          </div>
          <div>
            <dt>Memory while training</dt>
            <dd>≈ {formatBytes(estimate.memoryBytes)}</dd>
          </div>
          <div>
            <dt>Training text per epoch</dt>
            <dd>{formatInt(estimate.trainChars)} chars</dd>
          </div>
          <div className="fact-wide">
            <dt>Time per epoch</dt>
            <dd>{describeEpochTime(estimate)}</dd>
          </div>
        </dl>
        <p className="hint cost-basis">
          For the {formatInt(corpus.vocabSize)}-character vocabulary of “{corpus.title}”.
        </p>
        {warnings.map((warning) => (
          <p key={warning} className="warning" role="note">
            {warning}
          </p>
        ))}
      </>
    );
  }

  return (
    <section className="panel cost" aria-label="Model size">
      <h2>Model size</h2>
      {body}
    </section>
  );
});
