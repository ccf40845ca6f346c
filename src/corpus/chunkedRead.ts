// Decodes a large file chunk by chunk, so the page stays responsive and can show a progress bar.
// DOM-free: it takes an async iterable of byte chunks; blobChunks makes one from a File (a Blob),
// which Node has too, so both halves are unit tested.
//
// Same rules and results as decodeBytes: the first SNIFF_BYTES decide the encoding (or refuse a
// binary file), a streaming TextDecoder with fatal: true decodes, and a checker running alongside
// says where the bytes went wrong, since the decoder cannot.

import {
  SNIFF_BYTES,
  checkerFor,
  finishDecoding,
  invalidEncoding,
  sniff,
  type DecodeOptions,
  type DecodeResult,
  type Encoding,
} from './decode.ts';
import type { EncodingChecker } from './encodingCheck.ts';

/** 1 MiB: a few milliseconds of decoding, so the page can repaint the bar between chunks. */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

export interface ReadProgress {
  bytesDone: number;
  totalBytes: number;
  /** bytesDone / totalBytes, 1 when there is nothing to read. */
  fraction: number;
}

export interface ChunkedReadOptions extends DecodeOptions {
  /** Bytes the chunks add up to (File.size, or the limit when reading only the start). */
  totalBytes: number;
  /** Called after each chunk is decoded. */
  onProgress?: (progress: ReadProgress) => void;
}

/** What a File (a Blob) offers, in the subset that the DOM's and Node's Blob types share. */
export interface SliceableBlob {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** The blob's bytes in chunks, up to maxBytes (default: all), read one slice at a time. */
export async function* blobChunks(
  blob: SliceableBlob,
  chunkBytes = DEFAULT_CHUNK_BYTES,
  maxBytes = blob.size,
): AsyncGenerator<Uint8Array> {
  const end = Math.min(blob.size, maxBytes);
  for (let start = 0; start < end; start += chunkBytes) {
    const buffer = await blob.slice(start, Math.min(end, start + chunkBytes)).arrayBuffer();
    yield new Uint8Array(buffer);
  }
}

interface Stream {
  encoding: Encoding;
  hadBom: boolean;
  decoder: InstanceType<typeof TextDecoder>;
  checker: EncodingChecker;
  parts: string[];
}

type Failed = Extract<DecodeResult, { ok: false }>;

function progress(bytesDone: number, totalBytes: number): ReadProgress {
  const fraction = totalBytes > 0 ? Math.min(1, bytesDone / totalBytes) : 1;
  return { bytesDone, totalBytes, fraction };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Decides the encoding from the start of the file, or refuses it (empty, binary). */
function open(head: Uint8Array): Stream | Failed {
  const sniffed = sniff(head.subarray(0, SNIFF_BYTES));
  if (!sniffed.ok) return sniffed;
  return {
    encoding: sniffed.encoding,
    hadBom: sniffed.hadBom,
    decoder: new TextDecoder(sniffed.encoding, { fatal: true }),
    checker: checkerFor(sniffed.encoding),
    parts: [],
  };
}

/** Decodes the next bytes; the checker runs first, so the error it names is the decoder's. */
function feed(stream: Stream, bytes: Uint8Array): Failed | null {
  const error = stream.checker.push(bytes);
  if (error) {
    const { offset, line, truncated } = error;
    return { ok: false, problem: invalidEncoding(stream.encoding, offset, line, truncated) };
  }
  stream.parts.push(stream.decoder.decode(bytes, { stream: true }));
  return null;
}

/**
 * Decodes the chunks into one text. The first chunks are held back until SNIFF_BYTES have arrived
 * (or the data ends), because the encoding and the binary check need the start of the file.
 */
export async function decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  options: ChunkedReadOptions,
): Promise<DecodeResult> {
  const { totalBytes, onProgress, truncated = false } = options;
  let stream: Stream | null = null;
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let bytesDone = 0;

  for await (const chunk of chunks) {
    bytesDone += chunk.length;
    let bytes = chunk;
    if (stream === null) {
      held.push(chunk);
      heldBytes += chunk.length;
      if (heldBytes >= SNIFF_BYTES) {
        bytes = concat(held, heldBytes);
        held = [];
        const opened = open(bytes);
        if (!('decoder' in opened)) return opened;
        stream = opened;
      }
    }
    if (stream !== null) {
      const failed = feed(stream, bytes);
      if (failed) return failed;
    }
    onProgress?.(progress(bytesDone, totalBytes));
  }

  if (stream === null) {
    // Shorter than SNIFF_BYTES: everything is still held.
    const head = concat(held, heldBytes);
    const opened = open(head);
    if (!('decoder' in opened)) return opened;
    stream = opened;
    const failed = feed(stream, head);
    if (failed) return failed;
  }
  const error = stream.checker.end();
  if (error && !(error.truncated && truncated)) {
    const { offset, line } = error;
    return { ok: false, problem: invalidEncoding(stream.encoding, offset, line, true) };
  }
  // With a cut-off last character (and truncated set) the decoder holds its bytes back: drop them.
  if (!error) stream.parts.push(stream.decoder.decode());
  return finishDecoding(stream.parts.join(''), stream.encoding, stream.hadBom);
}
