import { adhocTemplater } from './adhoc-template.js';
import { RecordingSink } from '../output/events.js';
import { TsibleError } from '../errors/tsible-error.js';

const hosts = [
  { name: 'web1', vars: { inventory_hostname: 'web1', port: 8080, greeting: 'hi {{ inventory_hostname }}' } },
  { name: 'web2', vars: { inventory_hostname: 'web2', ansible_user: '{{ login }}', login: 'deploy' } },
];
const prepare = adhocTemplater(
  { hosts, groups: { all: ['web1', 'web2'], web: ['web1', 'web2'] }, playbookDir: '/srv/play', checkMode: true, diffMode: false, forks: 5, verbosity: 0 },
  new RecordingSink(),
);

const templater = (host: (typeof hosts)[number], args: Record<string, unknown>) => prepare(host, args).args;

describe('adhocTemplater', () => {
  it("renders each host's arguments with its own variables and the play's magic variables", () => {
    const args = { _raw_params: 'echo {{ inventory_hostname }} {{ groups.web | length }} {{ ansible_check_mode }} {{ hostvars.web1.port }}', chdir: '{{ playbook_dir }}' };
    expect(templater(hosts[1]!, args)).toEqual({ _raw_params: 'echo web2 2 True 8080', chdir: '/srv/play' });
  });

  it('templates variables that are themselves templates', () => {
    expect(templater(hosts[0]!, { msg: '{{ greeting }}' })).toEqual({ msg: 'hi web1' });
  });

  it('templates connection variables, leaving the others as they are', () => {
    expect(prepare(hosts[1]!, {}).host.vars).toEqual({ inventory_hostname: 'web2', ansible_user: 'deploy', login: 'deploy' });
  });

  it('fails on an undefined variable with Ansible\'s message', () => {
    expect(() => templater(hosts[1]!, { _raw_params: 'echo {{ port }}' })).toThrow(TsibleError);
    expect(() => templater(hosts[1]!, { _raw_params: 'echo {{ port }}' })).toThrow("'port' is undefined");
  });
});
