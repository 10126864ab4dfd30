import { HIDDEN_COMMAND, maskSecrets, traceWithoutCommand } from './redact.js';

describe('log redaction', () => {
  it('masks request secrets and the become password', () => {
    expect(maskSecrets("echo 'tok-123' pw-456", { secrets: ['tok-123'], become: { method: 'sudo', user: 'root', password: 'pw-456' } })).toBe("echo '********' ********");
  });

  it('shows nothing of a no_log command', () => {
    expect(maskSecrets('echo visible-secret', { hideInLogs: true })).toBe(HIDDEN_COMMAND);
  });

  it('drops the command from an ssh2 exec trace line and leaves other lines alone', () => {
    expect(traceWithoutCommand("Outbound: Sending CHANNEL_REQUEST (r:0, exec: sh -c 'echo s3cr3t')")).toBe('Outbound: Sending CHANNEL_REQUEST (r:0, exec)');
    expect(traceWithoutCommand('Outbound: Sending CHANNEL_REQUEST (r:0, pty-req)')).toBe('Outbound: Sending CHANNEL_REQUEST (r:0, pty-req)');
  });
});
