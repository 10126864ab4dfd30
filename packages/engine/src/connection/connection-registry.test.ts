import { ConnectionRegistry } from './connection-registry.js';
import { SshConnection } from './ssh/ssh-connection.js';
import { LocalConnection } from './local.js';

describe('ConnectionRegistry', () => {
  it('keeps one connection per host while its connection variables stay the same', () => {
    const registry = new ConnectionRegistry({ env: { HOME: '/nonexistent' } });
    const first = registry.for('web1', { ansible_host: '192.0.2.5', ansible_user: 'a', unrelated: 1 });
    expect(first).toBeInstanceOf(SshConnection);
    expect(registry.for('web1', { ansible_host: '192.0.2.5', ansible_user: 'a', unrelated: 2 })).toBe(first);
    expect(registry.for('web2', { ansible_host: '192.0.2.5', ansible_user: 'a' })).not.toBe(first);
  });

  it('opens a new connection when they change, and closes old and new at the end', async () => {
    const registry = new ConnectionRegistry({ env: { HOME: '/nonexistent' } });
    const before = registry.for('db', { ansible_user: 'a' });
    const after = registry.for('db', { ansible_user: 'b' });
    expect(after).not.toBe(before);
    const local = registry.for('db', { ansible_connection: 'local' });
    expect(local).toBeInstanceOf(LocalConnection);
    const closed: string[] = [];
    for (const [name, c] of [['a', before], ['b', after], ['local', local]] as const) {
      const close = c.close.bind(c);
      c.close = async () => {
        closed.push(name);
        await close();
      };
    }
    await registry.closeAll();
    expect(closed.sort()).toEqual(['a', 'b', 'local']);
  });
});
