// The form's three groups, each a fieldset with a legend: the model's shape, how it is trained,
// and how it is sampled. Hints say what a value does, in the lectures' terms.
import {
  CELL_KINDS,
  CELL_LABELS,
  OPTIMIZER_KINDS,
  OPTIMIZER_LABELS,
  SCHEDULE_KINDS,
  SCHEDULE_LABELS,
} from '../model/kinds.ts';
import type { ReactNode } from 'react';
import { CheckboxField, NumberField, SelectField, type FieldsProps } from './FormFields.tsx';

/** One group: a fieldset, its legend, and its fields in the form's grid. */
function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="field-group">
      <legend>{legend}</legend>
      <div className="hyper-grid">{children}</div>
    </fieldset>
  );
}

export function ModelFields({ fields }: { fields: FieldsProps }) {
  const { form, onPatch } = fields;
  return (
    <FieldGroup legend="Model">
      <SelectField
        field="cell"
        label="Cell"
        hint="LSTM and GRU gate their memory; the simple RNN is s_t = tanh(W s_t-1 + U x_t)."
        value={form.cell}
        options={CELL_KINDS}
        labels={CELL_LABELS}
        onSelect={(cell) => onPatch({ cell })}
        fields={fields}
      />
      <NumberField field="layers" hint="Stacked recurrent layers." fields={fields} />
      <NumberField field="hiddenSize" hint="Units per layer." fields={fields} />
      <NumberField
        field="embeddingSize"
        hint="0 = one-hot characters; else a learned embedding this wide."
        fields={fields}
      />
      <NumberField
        field="dropout"
        hint="Between layers while training; 0 for none."
        fields={fields}
      />
    </FieldGroup>
  );
}

export function TrainingFields({ fields }: { fields: FieldsProps }) {
  const { form, mode, onPatch } = fields;
  return (
    <FieldGroup legend="Training">
      <SelectField
        field="optimizer"
        label="Optimizer"
        hint="RMSProp is char-rnn's default; SGD uses momentum 0.9."
        value={form.optimizer}
        options={OPTIMIZER_KINDS}
        labels={OPTIMIZER_LABELS}
        onSelect={(optimizer) => onPatch({ optimizer })}
        fields={fields}
      />
      <NumberField
        field="learningRate"
        hint="Base step size; can be changed while training."
        fields={fields}
      />
      <SelectField
        field="schedule"
        label="Learning-rate schedule"
        hint="Step decay is char-rnn's; cosine needs a fixed number of epochs."
        value={form.schedule}
        options={SCHEDULE_KINDS}
        labels={SCHEDULE_LABELS}
        onSelect={(schedule) => onPatch({ schedule })}
        fields={fields}
      />
      <NumberField field="warmupSteps" hint="Linear warm-up; 0 for none." fields={fields} />
      <NumberField field="clipNorm" hint="Clips the global gradient norm." fields={fields} />
      <NumberField field="batchSize" hint="Windows per step." fields={fields} />
      <NumberField
        field="seqLen"
        hint="Characters per window: how far back BPTT reaches."
        fields={fields}
      />
      <NumberField field="seed" hint="Same seed, same run." fields={fields} />
      <NumberField
        field="epochs"
        hint="Passes over the text; fractions allowed."
        fields={fields}
        override={form.untilStopped ? '0' : undefined}
        disabled={form.untilStopped}
      />
      <NumberField
        field="valFraction"
        hint="Share of the text (its end) held out for validation."
        fields={fields}
      />
      <CheckboxField
        label="Train until stopped"
        hint="Epochs 0: no end, press Stop when the samples look good."
        checked={form.untilStopped}
        onChange={(untilStopped) => onPatch({ untilStopped })}
        disabled={mode !== 'edit'}
        control="epochs"
      />
      <CheckboxField
        label="Carry hidden state across batches"
        hint="char-rnn style: each window continues from the state the previous one ended in."
        checked={form.carryState}
        onChange={(carryState) => onPatch({ carryState })}
        disabled={mode !== 'edit'}
        control="carryState"
      />
    </FieldGroup>
  );
}

export function SamplingFields({ fields }: { fields: FieldsProps }) {
  return (
    <FieldGroup legend="Sampling">
      <NumberField
        field="temperature"
        hint="Lower is safer, higher is wilder; can be changed while training."
        fields={fields}
      />
    </FieldGroup>
  );
}
