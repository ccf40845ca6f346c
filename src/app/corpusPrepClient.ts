// The page's side of the corpus worker: each request becomes a promise. The worker is started on
// first use (most visits never open a file, but the corpus panel counts the built-in text) and
// lives until the page unmounts.
import type { CorpusSummary } from '../corpus/stats.ts';
import type { Offer, ValidationSettings } from '../corpus/validate.ts';
import type { PrepRequest, PrepResponse } from './corpusPrepProtocol.ts';
import type { Preparation } from './prepareCorpus.ts';

/** Rejects the promise of a request that a newer one replaced (see cancel). */
export class PrepCancelled extends Error {
  override name = 'PrepCancelled';
}

/** A preparation, and the number to apply an offer to its text by (the worker holds the text). */
export interface Prepared {
  preparation: Preparation;
  ref: number;
}

type Payload = Prepared | { summary: CorpusSummary };

interface Waiting {
  resolve: (payload: Payload) => void;
  reject: (error: Error) => void;
  onProgress?: (fraction: number) => void;
}

/** What is sent, less the id the client adds. */
type Body<T extends PrepRequest['type']> = Omit<Extract<PrepRequest, { type: T }>, 'id'>;

export interface CorpusPrepClient {
  prepareFiles(
    files: File[],
    settings: ValidationSettings,
    readFirstPart: boolean,
    onProgress: (fraction: number) => void,
  ): Promise<Prepared>;
  preparePasted(text: string, settings: ValidationSettings): Promise<Prepared>;
  applyOffer(ref: number, offer: Offer, settings: ValidationSettings): Promise<Prepared>;
  summarise(text: string): Promise<CorpusSummary>;
  /** Stops every file read under way; their promises reject with PrepCancelled. */
  cancelReads(): void;
  dispose(): void;
}

export function createCorpusPrepClient(): CorpusPrepClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const reads = new Set<number>();
  // Text parts received so far, by request. `+` joins strings lazily (a rope), so no part is copied.
  const texts = new Map<number, string>();

  const failAll = (message: string) => {
    for (const w of waiting.values()) w.reject(new Error(message));
    waiting.clear();
    reads.clear();
    texts.clear();
  };

  const onMessage = (event: MessageEvent<PrepResponse>) => {
    const response = event.data;
    const w = waiting.get(response.id);
    if (w === undefined) return; // cancelled: nobody is waiting
    const { id } = response;
    if (response.type === 'progress') return w.onProgress?.(response.fraction);
    if (response.type === 'text-part') {
      texts.set(id, (texts.get(id) ?? '') + response.part);
      return;
    }
    waiting.delete(id);
    reads.delete(id);
    if (response.type === 'failed') w.reject(new Error(response.message));
    else if (response.type === 'summary') w.resolve({ summary: response.summary });
    else {
      const text = response.hasText ? (texts.get(id) ?? '') : null;
      w.resolve({ preparation: { ...response.preparation, text }, ref: id });
    }
    texts.delete(id);
  };

  const getWorker = (): Worker => {
    if (worker !== null) return worker;
    const created = new Worker(new URL('./corpusPrep.worker.ts', import.meta.url), {
      type: 'module',
    });
    created.onmessage = onMessage;
    created.onerror = (event) => {
      event.preventDefault();
      failAll(`The corpus reader failed: ${event.message || 'the worker could not start'}.`);
    };
    worker = created;
    return created;
  };

  function send<T extends PrepRequest['type']>(
    body: Body<T>,
    onProgress?: (fraction: number) => void,
  ): Promise<Payload> {
    const id = nextId++;
    return new Promise<Payload>((resolve, reject) => {
      waiting.set(id, onProgress ? { resolve, reject, onProgress } : { resolve, reject });
      if (body.type === 'files') reads.add(id);
      getWorker().postMessage({ ...body, id } as PrepRequest);
    });
  }

  const prepared = (payload: Payload): Prepared => {
    if (!('preparation' in payload)) throw new Error('The corpus reader answered out of turn.');
    return payload;
  };

  return {
    prepareFiles: (files, settings, readFirstPart, onProgress) =>
      send<'files'>({ type: 'files', files, settings, readFirstPart }, onProgress).then(prepared),
    preparePasted: (text, settings) =>
      send<'pasted'>({ type: 'pasted', text, settings }).then(prepared),
    applyOffer: (ref, offer, settings) =>
      send<'offer'>({ type: 'offer', ref, offer, settings }).then(prepared),
    summarise: (text) =>
      send<'summarise'>({ type: 'summarise', text }).then((payload) => {
        if (!('summary' in payload)) throw new Error('The corpus reader answered out of turn.');
        return payload.summary;
      }),
    cancelReads() {
      for (const id of reads) {
        worker?.postMessage({ type: 'cancel', id } satisfies PrepRequest);
        waiting.get(id)?.reject(new PrepCancelled('Reading was cancelled.'));
        waiting.delete(id);
        texts.delete(id);
      }
      reads.clear();
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll('The page closed the corpus reader.');
    },
  };
}
