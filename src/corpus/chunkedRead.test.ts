import { describe, expect, it } from 'vitest';
import { blobChunks, decodeChunks, type ReadProgress } from './chunkedRead.ts';
import { SNIFF_BYTES, decodeBytes } from './decode.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function* inChunks(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

describe('decodeChunks', () => {
  // Long enough to pass SNIFF_BYTES, with multi-byte characters that chunks will cut in two.
  const text = 'Zeile — 漢字 😀 café\r\n'.repeat(2_000);
  const data = utf8(text);

  it('gives the same text as decoding at once, whatever the chunk size', async () => {
    const expected = decodeBytes(data);
    for (const size of [1, 7, 1000, SNIFF_BYTES, data.length]) {
      const result = await decodeChunks(inChunks(data, size), { totalBytes: data.length });
      expect(result).toEqual(expected);
    }
  });

  it('reports progress after each chunk, ending at all bytes', async () => {
    const seen: ReadProgress[] = [];
    await decodeChunks(inChunks(data, 10_000), {
      totalBytes: data.length,
      onProgress: (p) => seen.push(p),
    });
    expect(seen).toHaveLength(Math.ceil(data.length / 10_000));
    expect(seen.map((p) => p.bytesDone)).toEqual(
      [...seen.map((p) => p.bytesDone)].sort((a, b) => a - b),
    );
    expect(seen.at(-1)).toEqual({ bytesDone: data.length, totalBytes: data.length, fraction: 1 });
  });

  it('refuses a binary file from its first chunk without reading the rest', async () => {
    let chunksRead = 0;
    async function* pdf(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 100; i++) {
        chunksRead += 1;
        yield i === 0 ? utf8(`%PDF-1.4\n${'x'.repeat(SNIFF_BYTES)}`) : utf8('x'.repeat(1000));
      }
    }
    const result = await decodeChunks(pdf(), { totalBytes: 0 });
    expect(result).toMatchObject({
      ok: false,
      problem: { kind: 'binary', format: 'PDF document' },
    });
    expect(chunksRead).toBe(1);
  });

  it('says where invalid UTF-8 is, counting bytes across chunks', async () => {
    const bad = Uint8Array.from([...utf8('a\n'.repeat(10_000)), 0xe9, 0x0a]);
    const result = await decodeChunks(inChunks(bad, 4096), { totalBytes: bad.length });
    expect(result).toMatchObject({
      ok: false,
      problem: { kind: 'invalid-encoding', offset: 20_000, line: 10_001 },
    });
  });

  it('decodes short files, empty files and UTF-16 like decodeBytes', async () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x48, 0, 0x69, 0]);
    for (const sample of [utf8('hi\r\n'), new Uint8Array(0), utf16]) {
      const result = await decodeChunks(inChunks(sample, 1), { totalBytes: sample.length });
      expect(result).toEqual(decodeBytes(sample));
    }
  });

  it('drops a character cut off by the end only when reading the first part of a file', async () => {
    const cut = utf8(`${'a'.repeat(SNIFF_BYTES)}漢`).subarray(0, SNIFF_BYTES + 2);
    const whole = await decodeChunks(inChunks(cut, 1000), { totalBytes: cut.length });
    expect(whole).toMatchObject({ ok: false, problem: { kind: 'invalid-encoding' } });
    const first = await decodeChunks(inChunks(cut, 1000), {
      totalBytes: cut.length,
      truncated: true,
    });
    expect(first).toMatchObject({ ok: true, text: 'a'.repeat(SNIFF_BYTES) });
  });
});

describe('blobChunks', () => {
  it('reads a Blob (a File) slice by slice, up to an optional limit', async () => {
    const blob = new Blob(['0123456789']);
    const read = async (size: number, max?: number) => {
      const parts: string[] = [];
      for await (const chunk of blobChunks(blob, size, max))
        parts.push(new TextDecoder().decode(chunk));
      return parts;
    };
    expect(await read(4)).toEqual(['0123', '4567', '89']);
    expect(await read(4, 6)).toEqual(['0123', '45']);
  });
});
