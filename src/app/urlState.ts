// Settings the page reads from its URL, e.g. `?backend=wasm`, so a workshop link or a browser test
// can pin the backend. A tiny schema: each parameter parses its raw value or falls back with a note
// the page shows, instead of failing silently.
import { BACKENDS, type BackendChoice } from '../workers/protocol.ts';

export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKENDS];

interface Parsed<T> {
  value: T;
  /** Why the URL's value was not used; shown to the user. */
  note?: string;
}

interface Param<T> {
  parse(raw: string | null): Parsed<T>;
}

/** A parameter that must be one of a few words; anything else falls back to `fallback`. */
function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): Param<T> {
  return {
    parse(raw) {
      if (raw === null || raw.trim() === '') return { value: fallback };
      const normalised = raw.trim().toLowerCase();
      const match = allowed.find((option) => option === normalised);
      if (match !== undefined) return { value: match };
      return {
        value: fallback,
        note: `Unknown ${name} "${raw}" in the URL; using ${fallback}. Valid values: ${allowed.join(', ')}.`,
      };
    },
  };
}

const schema = {
  backend: oneOf('backend', BACKEND_CHOICES, 'auto'),
};

export interface UrlState {
  backend: BackendChoice;
  /** One line per ignored parameter value. */
  notes: string[];
}

/** Reads the page's settings from `location.search` (with or without the leading "?"). */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const backend = schema.backend.parse(params.get('backend'));
  return {
    backend: backend.value,
    notes: backend.note === undefined ? [] : [backend.note],
  };
}

/** `search` with the backend set, so the address bar can be shared; 'auto' drops the parameter. */
export function withBackend(search: string, backend: BackendChoice): string {
  const params = new URLSearchParams(search);
  if (backend === 'auto') params.delete('backend');
  else params.set('backend', backend);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
