// Messages between the page and the corpus worker (corpusPrep.worker.ts), which reads, decodes,
// checks and counts text off the main thread. Types only.
//
// A prepared text comes back in parts of TEXT_PART_CHARS, each its own message: the page then
// takes each part in its own task (a few milliseconds), where one 50 MB string would block it for
// ~100 ms while being copied in. A text awaiting an answer to an offer stays in the worker, so
// applying the offer sends only the request's number, not the text back.
import type { CorpusSummary } from '../corpus/stats.ts';
import type { Offer, ValidationSettings } from '../corpus/validate.ts';
import type { Preparation } from './prepareCorpus.ts';

/** UTF-16 units per text part: 1 Mi, about 2 ms to copy in. */
export const TEXT_PART_CHARS = 1 << 20;

export type PrepRequest =
  | {
      type: 'files';
      id: number;
      /** Files are handles: posting one copies no bytes; the worker reads it in chunks. */
      files: File[];
      settings: ValidationSettings;
      readFirstPart: boolean;
    }
  | { type: 'pasted'; id: number; text: string; settings: ValidationSettings }
  /** Applies an offer to the text that request `ref` prepared (held by the worker). */
  | { type: 'offer'; id: number; ref: number; offer: Offer; settings: ValidationSettings }
  /** The panel's figures for a built-in corpus (a Tang-sized count takes ~200 ms). */
  | { type: 'summarise'; id: number; text: string }
  /** Stop reading the files of request `id` at the next chunk. */
  | { type: 'cancel'; id: number };

export type PrepResponse =
  | { type: 'progress'; id: number; fraction: number }
  /** The next part of the text of request `id`'s preparation; its 'prepared' follows. */
  | { type: 'text-part'; id: number; part: string }
  /** The preparation, with its text (when it has one) sent before in parts. */
  | { type: 'prepared'; id: number; preparation: Omit<Preparation, 'text'>; hasText: boolean }
  | { type: 'summary'; id: number; summary: CorpusSummary }
  | { type: 'failed'; id: number; message: string };
