import { createServer } from 'node:net';
import { createConnection } from '@tsible/engine';
import { ansibleMessages } from './support/ansible-messages.js';

/** A local port that was just free, so connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const recorded = ansibleMessages();

describe('unreachable messages word for word as Ansible', () => {
  it('connection refused', async () => {
    const port = await closedPort();
    const connection = createConnection('h', { ansible_host: '127.0.0.1', ansible_port: port }, { env: { HOME: '/nonexistent' } });
    await expect(connection.connect()).rejects.toMatchObject({
      code: 'TSIBLE_UNREACHABLE',
      message: recorded.refused.replace('port 2:', `port ${port}:`),
    });
  });

  it('unresolvable name', async () => {
    const connection = createConnection('no-such-host.invalid', {}, { env: { HOME: '/nonexistent' } });
    await expect(connection.connect()).rejects.toMatchObject({ message: recorded.unresolvable });
  });
});
