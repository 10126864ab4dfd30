/** Python codec names (utf-8, latin-1, ascii, utf-16-le...) as Node buffer encodings; null for what Node cannot write. */
export function nodeEncoding(name: string): BufferEncoding | null {
  const normal = name.toLowerCase().replace(/[-_]/g, '');
  if (normal === 'utf8') return 'utf8';
  if (normal === 'latin1' || normal === 'iso88591') return 'latin1';
  if (normal === 'ascii' || normal === 'usascii') return 'ascii';
  if (normal === 'utf16le') return 'utf16le';
  return null;
}
