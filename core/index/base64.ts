// Base64 through the platform's btoa/atob (present in Node ≥ 16, pages and workers), chunked so
// large typed arrays never build a giant argument list. Decoded buffers are 4-byte aligned so
// typed-array views can sit on them directly.
const CHUNK = 0x8000;

export function bytesToBase64(b: Uint8Array): string {
  const parts: string[] = [];
  for (let s = 0; s < b.length; s += CHUNK)
    parts.push(String.fromCharCode.apply(null, b.subarray(s, s + CHUNK) as unknown as number[]));
  return btoa(parts.join(''));
}

export function base64ToBytes(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(new ArrayBuffer(Math.ceil(bin.length / 4) * 4), 0, bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
