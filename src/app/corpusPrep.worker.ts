// The corpus worker: the user's files are read, decoded, validated and counted here, so that even a
// 50 MB file never blocks the page (counting 50 MB takes over half a second; the page must not
// have long tasks). A file read can be cancelled between chunks. See corpusPrepProtocol.ts.
import { summariseCorpus } from '../corpus/stats.ts';
import { TEXT_PART_CHARS, type PrepRequest, type PrepResponse } from './corpusPrepProtocol.ts';
import { applyPreparationOffer, decide, preparePasted, type Preparation } from './prepareCorpus.ts';
import { PreparationCancelled, prepareFiles } from './prepareFiles.ts';

const cancelled = new Set<number>();
/** The latest text waiting for an answer to an offer, by the id of the request that made it. */
let held: { id: number; preparation: Preparation } | null = null;

function reply(message: PrepResponse): void {
  self.postMessage(message);
}

function sendPrepared(id: number, preparation: Preparation): void {
  const { text, ...rest } = preparation;
  if (text !== null) {
    for (let at = 0; at < text.length; at += TEXT_PART_CHARS) {
      reply({ type: 'text-part', id, part: text.slice(at, at + TEXT_PART_CHARS) });
    }
  }
  held = decide(preparation).kind === 'offer' ? { id, preparation } : null;
  reply({ type: 'prepared', id, preparation: rest, hasText: text !== null });
}

async function handle(request: Exclude<PrepRequest, { type: 'cancel' }>): Promise<void> {
  const { id } = request;
  switch (request.type) {
    case 'files': {
      const preparation = await prepareFiles(request.files, {
        settings: request.settings,
        readFirstPart: request.readFirstPart,
        onProgress: (fraction) => reply({ type: 'progress', id, fraction }),
        isCancelled: () => cancelled.has(id),
      });
      return sendPrepared(id, preparation);
    }
    case 'pasted':
      return sendPrepared(id, preparePasted(request.text, request.settings));
    case 'offer': {
      if (held === null || held.id !== request.ref) {
        throw new Error('That text is no longer at hand: open or drop it again.');
      }
      const { preparation } = held;
      return sendPrepared(id, applyPreparationOffer(preparation, request.offer, request.settings));
    }
    case 'summarise':
      return reply({ type: 'summary', id, summary: summariseCorpus(request.text) });
  }
}

self.onmessage = (event: MessageEvent<PrepRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  handle(request)
    .catch((error: unknown) => {
      // A cancelled read has no one waiting for it.
      if (error instanceof PreparationCancelled) return;
      const message = error instanceof Error ? error.message : String(error);
      reply({ type: 'failed', id: request.id, message });
    })
    .finally(() => cancelled.delete(request.id));
};
