import { parseSystemctlShow } from './systemctl-show.js';

// Shape of real `systemctl show ssh` output (Debian 12), trimmed to a few properties.
const SHOW = `Type=notify
Restart=on-failure
ExecMainPID=612
ExecStart={ path=/usr/sbin/sshd ; argv[]=/usr/sbin/sshd -D $SSHD_OPTS ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }
ExecReload={ path=/usr/sbin/sshd ; argv[]=/usr/sbin/sshd -t ;
  ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }
Description={ a description that opens a brace
Id=ssh.service
Environment=A=1 B=2
LoadState=loaded
ActiveState=active
`;

describe('parseSystemctlShow (Ansible parse_systemctl_show)', () => {
  const status = parseSystemctlShow(SHOW);

  it('splits at the first = only', () => {
    expect(status['Environment']).toBe('A=1 B=2');
  });

  it('keeps one-line Exec values and joins the multi-line ones', () => {
    expect(status['ExecStart']).toMatch(/^\{ path=\/usr\/sbin\/sshd .* status=0\/0 \}$/);
    expect(status['ExecReload']).toBe('{ path=/usr/sbin/sshd ; argv[]=/usr/sbin/sshd -t ;\n  ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }');
  });

  it('takes an unclosed brace outside Exec keys as a plain value', () => {
    expect(status['Description']).toBe('{ a description that opens a brace');
    expect(status['Id']).toBe('ssh.service');
  });
});
