// Which tfjs backend the worker settled on, and why the faster ones were skipped. A software
// backend (SwiftShader WebGL, no GPU) explains a slow run better than any number could.
import { useTrainingState } from '../app/trainingContext.ts';
import { backendLabel } from '../app/format.ts';
import type { TrainingState } from '../app/store.ts';

const selectBackend = (state: TrainingState) => state.backend;
const selectRequested = (state: TrainingState) => state.request?.backend ?? null;

function softwareText(detail: string): string {
  return detail === '' ? 'software' : `software: ${detail}`;
}

export function BackendInfo() {
  const backend = useTrainingState(selectBackend);
  const requested = useTrainingState(selectRequested);

  if (backend === null) {
    return (
      <section className="panel backend" aria-label="Backend in use">
        <h2>Backend</h2>
        <p className="muted">
          {requested === null
            ? 'Chosen when training starts.'
            : `Looking for a backend (${requested === 'auto' ? 'auto' : requested})…`}
        </p>
      </section>
    );
  }

  return (
    <section
      className="panel backend"
      aria-label="Backend in use"
      data-backend={backend.name}
      data-software={backend.software ? 'true' : 'false'}
    >
      <h2>Backend</h2>
      <p className="backend-name">
        <strong>{backendLabel(backend.name)}</strong>{' '}
        <span className={backend.software ? 'badge badge-warn' : 'badge'}>
          {backend.software ? softwareText(backend.detail) : 'hardware'}
        </span>
      </p>
      {!backend.software && backend.detail !== '' && <p className="detail">{backend.detail}</p>}
      {backend.skipped.length > 0 && (
        <>
          <h3>Skipped</h3>
          <ul className="skipped">
            {backend.skipped.map((s) => (
              <li key={s.name}>
                <strong>{backendLabel(s.name)}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
