// Charset declarations: the HTTP Content-Type parameter and HTML <meta> tags, resolved to the
// encoding names TextDecoder knows (it already maps labels such as gb2312 → gbk).

/** TextDecoder's canonical name for a label, or undefined when it has none. */
export function resolveLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** charset=… from a Content-Type value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType ? /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType) : null;
  return resolveLabel(m?.[1]);
}

/** <meta charset=…> or <meta http-equiv="Content-Type" content="…charset=…"> in the first bytes. */
export function charsetFromMeta(bytes: Uint8Array, scanBytes = 4096): string | undefined {
  // Bytes read as Latin-1 keep ASCII intact whatever the real encoding, which is all a <meta> needs.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, scanBytes));
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return resolveLabel(m?.[1]);
}
