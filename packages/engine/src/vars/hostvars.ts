/**
 * The `hostvars` magic variable: one entry per inventory host whose
 * variables are computed (and templated) only when a template reads them,
 * so a play over many hosts does not pay for what it never looks at.
 */
export function lazyHostvars(
  hostNames: () => readonly string[],
  varsOf: (host: string) => Record<string, unknown>,
  render: (host: string, vars: Record<string, unknown>, value: unknown) => unknown,
): Record<string, unknown> {
  const hostvars: Record<string, unknown> = {};
  for (const name of hostNames()) {
    let cached: Record<string, unknown> | undefined;
    Object.defineProperty(hostvars, name, {
      enumerable: true,
      get: () => {
        if (cached === undefined) cached = renderedView(name, varsOf(name), render);
        return cached;
      },
    });
  }
  return hostvars;
}

function renderedView(
  host: string,
  vars: Record<string, unknown>,
  render: (host: string, vars: Record<string, unknown>, value: unknown) => unknown,
): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const key of Object.keys(vars)) {
    if (key === 'hostvars') continue;
    let done = false;
    let value: unknown;
    Object.defineProperty(view, key, {
      enumerable: true,
      get: () => {
        if (!done) {
          value = render(host, vars, vars[key]);
          done = true;
        }
        return value;
      },
    });
  }
  return view;
}
