import { loadConfig } from './config.js';
import type { SettingValue } from './settings.js';

// Compile-time checks (run by `pnpm typecheck`): getter types come from the registry.
const gathering: SettingValue<'DEFAULT_GATHERING'> = 'smart';
// @ts-expect-error not one of the choices
const badGathering: SettingValue<'DEFAULT_GATHERING'> = 'sometimes';
const forks: SettingValue<'DEFAULT_FORKS'> = 5;
// @ts-expect-error forks has a default, so it is never null
const nullForks: SettingValue<'DEFAULT_FORKS'> = null;
const port: SettingValue<'DEFAULT_REMOTE_PORT'> = null;
const inventory: SettingValue<'DEFAULT_HOST_LIST'> = ['hosts'];
// @ts-expect-error booleans are booleans
const checking: SettingValue<'HOST_KEY_CHECKING'> = 'yes';

describe('typed settings', () => {
  it('returns values of the registry types at run time too', async () => {
    void [gathering, badGathering, forks, nullForks, port, inventory, checking];
    const config = await loadConfig({ cwd: '/', env: {}, home: '/nonexistent-home', systemFile: '/nonexistent/ansible.cfg' });
    const policy: 'warn' | 'error' | 'ignore' = config.get('DUPLICATE_YAML_DICT_KEY');
    expect(policy).toBe('warn');
    expect(typeof config.get('DEFAULT_TIMEOUT')).toBe('number');
    expect(config.get('DEFAULT_REMOTE_PORT')).toBeNull();
  });
});
