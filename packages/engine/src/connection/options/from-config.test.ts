import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/config.js';
import { connectionOptionsFromVars } from './connection-options.js';
import { connectionSettingsFromConfig } from './from-config.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'conn-cfg-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('connectionSettingsFromConfig', () => {
  it('carries ansible.cfg connection settings into host options, host variables still winning', async () => {
    writeFileSync(
      join(dir, 'ansible.cfg'),
      ['[defaults]', 'remote_user = deploy', 'timeout = 3', 'host_key_checking = False', 'private_key_file = /keys/id', '[ssh_connection]', 'retries = 2', 'ssh_args = -o ServerAliveInterval=9', ''].join('\n'),
    );
    const config = await loadConfig({ cwd: dir, env: {}, home: dir });
    const settings = connectionSettingsFromConfig(config, { env: { HOME: dir } });
    const options = connectionOptionsFromVars('web', {}, settings);
    expect(options).toMatchObject({ kind: 'ssh', user: 'deploy', connectTimeoutMs: 3000, hostKeyPolicy: 'off', retries: 2, keepaliveIntervalMs: 9000 });
    if (options.kind === 'ssh') expect(options.identityFiles).toEqual(['/keys/id']);
    expect(connectionOptionsFromVars('web', { ansible_user: 'other', ansible_ssh_timeout: 7 }, settings)).toMatchObject({ user: 'other', connectTimeoutMs: 7000 });
  });

  it('keeps host key checking on by default', async () => {
    const config = await loadConfig({ cwd: dir, env: {}, home: dir });
    expect(connectionOptionsFromVars('web', {}, connectionSettingsFromConfig(config, { env: { HOME: dir } }))).toMatchObject({ hostKeyPolicy: 'strict', connectTimeoutMs: 10_000 });
  });
});
