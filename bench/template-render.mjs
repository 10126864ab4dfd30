// Templating throughput on the built engine: `npx pnpm@9.15.9 build && node bench/template-render.mjs`.
// Prints operations per second for the paths a playbook run hits most.
import { RecordingSink, Templar } from '../packages/engine/dist/index.js';

const vars = {
  app: 'shop',
  port: 8080,
  users: Array.from({ length: 50 }, (_, i) => ({ name: `u${i}`, uid: 1000 + i, groups: ['a', 'b'] })),
  base_dir: '/srv/{{ app }}',
  conf_dir: '{{ base_dir }}/conf',
};
const templar = new Templar({ vars, sink: new RecordingSink() });

// Best of several rounds: the machine is shared, so the minimum is the honest figure.
function bench(label, fn) {
  for (let i = 0; i < 2000; i++) fn();
  const runs = 5000;
  let ns = Infinity;
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) fn();
    ns = Math.min(ns, Number(process.hrtime.bigint() - start) / runs);
  }
  console.log(`${label.padEnd(52)} ${(1e9 / ns).toFixed(0).padStart(10)} ops/s  ${(ns / 1000).toFixed(2).padStart(8)} µs/op`);
}

const args = { name: 'nginx', state: 'present', update_cache: true, cache_valid_time: 3600 };
const templatedArgs = { dest: '{{ conf_dir }}/app.conf', mode: '0644', owner: '{{ app }}', port: '{{ port }}' };
bench('non-template task args (fast path)', () => templar.render(args));
bench('task args with lazy vars (cached compile)', () => templar.render(templatedArgs));
bench("when: port > 1024 and app == 'shop'", () => templar.evaluateConditional("port > 1024 and app == 'shop'"));
bench('list expression: users | map(attribute=name) | list', () => templar.renderString("{{ users | map(attribute='name') | list }}"));
const file = '{% for u in users %}\n{{ u.name }}:x:{{ u.uid }}:{{ u.groups | join(",") }}\n{% endfor %}\n';
bench('template file, 50-line loop', () => templar.renderTemplateFile(file, 'passwd.j2'));
bench('new Templar per host + one templated argument', () => new Templar({ vars, sink: new RecordingSink() }).render(templatedArgs));
