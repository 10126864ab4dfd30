/** Python's repr() of a bytes value, as it appears in Ansible's OSError messages. */
export function pythonBytesRepr(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const hasSingle = bytes.includes(0x27);
  const hasDouble = bytes.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let body = '';
  for (const b of bytes) {
    if (b === 0x5c) body += '\\\\';
    else if (b === quote.charCodeAt(0)) body += `\\${quote}`;
    else if (b === 0x09) body += '\\t';
    else if (b === 0x0a) body += '\\n';
    else if (b === 0x0d) body += '\\r';
    else if (b < 0x20 || b >= 0x7f) body += `\\x${b.toString(16).padStart(2, '0')}`;
    else body += String.fromCharCode(b);
  }
  return `b${quote}${body}${quote}`;
}
