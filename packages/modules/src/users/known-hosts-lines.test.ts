import { hashHostKey, newContent, searchOutput } from './known-hosts-lines.js';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHnCOB7mE3';

describe('known_hosts lookups, as Ansible reads ssh-keygen -F', () => {
  // ssh-keygen -F output: a "# Host NAME found: line N" header before each matching line.
  const output = (line: number, entry: string): string => `# Host h.test found: line ${line} \n${entry}\n`;

  it('the same key is found; another key of the type is replaced; another type is added', () => {
    expect(searchOutput(output(2, `h.test ${KEY}`), `h.test ${KEY}\n`)).toEqual({ found: true, replaceOrAdd: false, foundLine: 2 });
    expect(searchOutput(output(2, `h.test ${KEY}X`), `h.test ${KEY}\n`)).toEqual({ found: true, replaceOrAdd: true, foundLine: 2 });
    expect(searchOutput(output(2, 'h.test ssh-rsa AAAA'), `h.test ${KEY}\n`)).toEqual({ found: true, replaceOrAdd: true, foundLine: null });
  });

  it('a hashed entry matches a newly hashed key of the same host', () => {
    const stored = hashHostKey('h.test', `h.test ${KEY}`, Buffer.alloc(20, 1));
    expect(stored).toBe(`|1|AQEBAQEBAQEBAQEBAQEBAQEBAQE=|${stored.split('|')[3]?.split(' ')[0]} ${KEY}`);
    expect(searchOutput(output(1, stored), `${hashHostKey('h.test', `h.test ${KEY}`)}\n`).replaceOrAdd).toBe(false);
  });

  it('replacing drops the found line and appends the key', () => {
    expect(newContent(`a ${KEY}\nh.test old\n`, { found: true, replaceOrAdd: true, foundLine: 2 }, 'present', `h.test ${KEY}\n`)).toBe(`a ${KEY}\nh.test ${KEY}\n`);
    expect(newContent(`h.test ${KEY}\n`, { found: true, replaceOrAdd: false, foundLine: 1 }, 'absent', `h.test ${KEY}\n`)).toBe('');
  });
});
