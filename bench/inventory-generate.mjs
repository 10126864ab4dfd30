// Writes a large inventory for bench/inventory.sh: 10,000 hosts in 200 groups
// (written as ranges), children three levels deep (region > datacenter >
// group), group_vars for every group and host_vars for every tenth host.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node inventory-generate.mjs DIR');
const GROUPS = 200;
const HOSTS_PER_GROUP = 50;
const pad = (n, w) => String(n).padStart(w, '0');

mkdirSync(join(dir, 'group_vars'), { recursive: true });
mkdirSync(join(dir, 'host_vars'), { recursive: true });
const ini = [];
for (let g = 0; g < GROUPS; g++) {
  const name = `app${pad(g, 3)}`;
  ini.push(`[${name}]`, `${name}-h[01:${HOSTS_PER_GROUP}].example.com ansible_user=deploy tier=${g % 3}`, '');
  ini.push(`[${name}:vars]`, `service=${name}`, `port=${8000 + g}`, '');
  writeFileSync(join(dir, 'group_vars', `${name}.yml`), `owner: team${g % 17}\nreplicas: ${g % 5}\nfeatures: [a, b, c]\n`);
  for (let h = 1; h <= HOSTS_PER_GROUP; h += 10) {
    writeFileSync(join(dir, 'host_vars', `${name}-h${pad(h, 2)}.example.com.yml`), `rack: r${h}\nserial: SN${g}${h}\n`);
  }
}
for (let d = 0; d < 10; d++) {
  ini.push(`[dc${d}:children]`);
  for (let g = d * 20; g < d * 20 + 20; g++) ini.push(`app${pad(g, 3)}`);
  ini.push('');
  writeFileSync(join(dir, 'group_vars', `dc${d}.yml`), `datacenter: dc${d}\nntp: ntp${d}.example.com\n`);
}
for (let r = 0; r < 4; r++) {
  ini.push(`[region${r}:children]`);
  for (let d = r; d < 10; d += 4) ini.push(`dc${d}`);
  ini.push('');
}
ini.push('[all:vars]', 'ansible_python_interpreter=/usr/bin/python3', '');
writeFileSync(join(dir, 'group_vars', 'all.yml'), 'env: bench\n');
writeFileSync(join(dir, 'hosts'), ini.join('\n'));
