// A content hash of a corpus text: a saved run of a built-in corpus must not resume on a corpus
// file that changed since. SHA-256 where the browser offers it (secure contexts: https and
// localhost); a workshop served over plain http on a LAN address gets FNV-1a instead, which tells
// texts apart just as well for this purpose. The prefix says which one a hash is.

function fnv1a(text: string): string {
  // Two 32-bit FNV-1a lanes with different offsets: 64 bits, so collisions stay out of reach.
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `fnv1a:${hex(a)}${hex(b)}:${text.length}`;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'));
  return `sha256:${hex.join('')}`;
}

const hasSubtle = () => typeof crypto !== 'undefined' && crypto.subtle !== undefined;

export function contentHash(text: string): Promise<string> {
  return hasSubtle() ? sha256(text) : Promise.resolve(fnv1a(text));
}

/** Whether `text` is the text `hash` was taken of, with the same algorithm. */
export async function matchesHash(text: string, hash: string): Promise<boolean> {
  if (hash.startsWith('fnv1a:')) return fnv1a(text) === hash;
  if (hash.startsWith('sha256:') && hasSubtle()) return (await sha256(text)) === hash;
  return false;
}
