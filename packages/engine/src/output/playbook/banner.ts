/** Ansible's banner: the text, a space, then stars up to 80 columns (at least 3), after an empty line. */
export function banner(text: string): string {
  const msg = text.trim();
  const stars = Math.max(3, 80 - msg.length - 1);
  return `\n${msg} ${'*'.repeat(stars)}\n`;
}
