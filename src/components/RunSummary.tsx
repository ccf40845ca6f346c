// The numbers the worker reports once the model is built: how big the network is and how the
// corpus was split. Shown so attendees can relate parameters and data to how fast loss falls.
import { formatInt, formatRate } from '../app/format.ts';
import type { TrainingState } from '../app/store.ts';
import { useTrainingState } from '../app/trainingContext.ts';

const selectRun = (state: TrainingState) => state.run;
const selectCorpus = (state: TrainingState) => state.request?.corpusName ?? null;
const selectRate = (state: TrainingState) => state.learningRate;

export function RunSummary() {
  const run = useTrainingState(selectRun);
  const corpusName = useTrainingState(selectCorpus);
  const learningRate = useTrainingState(selectRate);
  if (run === null) return null;
  return (
    <section className="panel run-summary">
      <h2>This run</h2>
      <dl className="facts">
        {corpusName !== null && (
          <div>
            <dt>Corpus</dt>
            <dd>{corpusName}</dd>
          </div>
        )}
        <div>
          <dt>Parameters</dt>
          <dd>{formatInt(run.paramCount)}</dd>
        </div>
        <div>
          <dt>Vocabulary</dt>
          <dd>{formatInt(run.vocabSize)} characters</dd>
        </div>
        <div>
          <dt>Training text</dt>
          <dd>{formatInt(run.trainChars)} chars</dd>
        </div>
        <div>
          <dt>Validation text</dt>
          <dd>{formatInt(run.valChars)} chars</dd>
        </div>
        <div>
          <dt>Steps</dt>
          <dd>
            {formatInt(run.stepsPerEpoch)} per epoch,{' '}
            {run.totalSteps === null ? 'until stopped' : `${formatInt(run.totalSteps)} in all`}
          </dd>
        </div>
        {learningRate !== null && (
          <div>
            {/* After the schedule and warm-up: what the optimizer steps with right now. */}
            <dt>Learning rate now</dt>
            <dd data-testid="learning-rate">{formatRate(learningRate)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
