// Finds where a byte stream stops being valid UTF-8 or UTF-16. TextDecoder with fatal: true says
// only that decoding failed; a workshop attendee needs to hear where ("byte 1,234, line 12"), so
// these checkers walk the same bytes by the same rules (the WHATWG Encoding Standard's) and keep
// their state across chunks, for the chunked reader.

export interface EncodingError {
  /** Offset of the first byte of the sequence that cannot be decoded. */
  offset: number;
  /** 1-based line of that byte (LF bytes before it, plus one). */
  line: number;
  /** True when the bytes end in the middle of a character rather than holding a bad one. */
  truncated: boolean;
}

export interface EncodingChecker {
  /** Checks the next chunk; returns the first error, and keeps returning it once found. */
  push(bytes: Uint8Array): EncodingError | null;
  /** Call after the last chunk: reports a character cut off by the end of the data. */
  end(): EncodingError | null;
}

/** UTF-8 per WHATWG: no overlong forms, no surrogates, nothing above U+10FFFF. */
export function createUtf8Checker(): EncodingChecker {
  let offset = 0; // absolute offset of the next byte
  let line = 1;
  let needed = 0; // continuation bytes still expected
  let lower = 0x80; // allowed range of the next continuation byte
  let upper = 0xbf;
  let start = 0; // offset of the current sequence's lead byte
  let startLine = 1;
  let error: EncodingError | null = null;

  const fail = (at: number, atLine: number, truncated: boolean): EncodingError => {
    error = { offset: at, line: atLine, truncated };
    return error;
  };

  return {
    push(bytes) {
      if (error) return error;
      for (let i = 0; i < bytes.length; i++, offset++) {
        const byte = bytes[i] ?? 0;
        if (needed > 0) {
          if (byte < lower || byte > upper) return fail(start, startLine, false);
          lower = 0x80;
          upper = 0xbf;
          needed -= 1;
          continue;
        }
        if (byte < 0x80) {
          if (byte === 0x0a) line += 1;
          continue;
        }
        start = offset;
        startLine = line;
        if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
        else if (byte >= 0xe0 && byte <= 0xef) {
          needed = 2;
          if (byte === 0xe0) lower = 0xa0; // no overlong 3-byte forms
          if (byte === 0xed) upper = 0x9f; // no UTF-16 surrogates
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          needed = 3;
          if (byte === 0xf0) lower = 0x90; // no overlong 4-byte forms
          if (byte === 0xf4) upper = 0x8f; // nothing above U+10FFFF
        } else return fail(offset, line, false);
      }
      return null;
    },
    end() {
      if (error) return error;
      return needed > 0 ? fail(start, startLine, true) : null;
    },
  };
}

/** UTF-16 in either byte order: an error is a lone surrogate or an odd byte at the end. */
export function createUtf16Checker(littleEndian: boolean): EncodingChecker {
  let offset = 0;
  let line = 1;
  let pendingByte = -1; // first byte of a unit split across chunks
  let highAt = -1; // offset of an unpaired high surrogate, or -1
  let highLine = 1;
  let error: EncodingError | null = null;

  const fail = (at: number, atLine: number, truncated: boolean): EncodingError => {
    error = { offset: at, line: atLine, truncated };
    return error;
  };

  return {
    push(bytes) {
      if (error) return error;
      for (let i = 0; i < bytes.length; i++, offset++) {
        const byte = bytes[i] ?? 0;
        if (pendingByte < 0) {
          pendingByte = byte;
          continue;
        }
        const unit = littleEndian ? pendingByte | (byte << 8) : (pendingByte << 8) | byte;
        const unitAt = offset - 1;
        pendingByte = -1;
        const isHigh = unit >= 0xd800 && unit <= 0xdbff;
        const isLow = unit >= 0xdc00 && unit <= 0xdfff;
        if (highAt >= 0 && !isLow) return fail(highAt, highLine, false);
        if (highAt < 0 && isLow) return fail(unitAt, line, false);
        if (isHigh) {
          highAt = unitAt;
          highLine = line;
        } else {
          highAt = -1;
        }
        if (unit === 0x0a) line += 1;
      }
      return null;
    },
    end() {
      if (error) return error;
      if (highAt >= 0) return fail(highAt, highLine, true);
      if (pendingByte >= 0) return fail(offset - 1, line, true);
      return null;
    },
  };
}

/** The whole buffer at once. */
export function findEncodingError(
  bytes: Uint8Array,
  checker: EncodingChecker,
): EncodingError | null {
  return checker.push(bytes) ?? checker.end();
}
