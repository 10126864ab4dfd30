import { ANSIBLE_ENV_VARS, ANSIBLE_INI_KEYS } from './ansible-known-settings.js';
import { envNames, SETTING_NAMES, settingDefinition } from './settings.js';

/** Settings that exist only in tsible. */
const TSIBLE_ONLY = new Set(['RECIPES_PATH']);

describe('settings registry', () => {
  it("uses only ini keys that Ansible itself reads (except tsible's own settings)", () => {
    const unknown = SETTING_NAMES.filter((name) => !TSIBLE_ONLY.has(name)).flatMap((name) =>
      (settingDefinition(name).ini ?? []).map(([section, key]) => `${section}.${key}`).filter((id) => !ANSIBLE_INI_KEYS.has(id)).map((id) => `${name}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  it("uses only environment variables that Ansible itself reads (except tsible's own)", () => {
    const unknown = SETTING_NAMES.filter((name) => !TSIBLE_ONLY.has(name)).flatMap((name) =>
      (settingDefinition(name).env ?? []).filter((variable) => !ANSIBLE_ENV_VARS.has(variable)).map((variable) => `${name}: ${variable}`),
    );
    expect(unknown).toEqual([]);
  });

  it('gives every ANSIBLE_* variable a TSIBLE_* twin that is looked at last', () => {
    for (const name of SETTING_NAMES) {
      const names = envNames(settingDefinition(name));
      for (const variable of names.filter((n) => n.startsWith('ANSIBLE_'))) {
        const twin = `TSIBLE_${variable.slice('ANSIBLE_'.length)}`;
        expect(names.indexOf(twin)).toBeGreaterThan(names.indexOf(variable));
      }
    }
  });

  it('has help, a valid default for its choices, and list defaults as lists', () => {
    for (const name of SETTING_NAMES) {
      const def = settingDefinition(name);
      expect(def.help.length).toBeGreaterThan(10);
      if (def.choices !== undefined && typeof def.default === 'string') expect(def.choices).toContain(def.default);
      if (def.type === 'list') expect(Array.isArray(def.default)).toBe(true);
    }
  });
});
