import fc from 'fast-check';

/** YAML-ish token soup: every indicator, tags, anchors, documents, tricky scalars. */
export const yamlish = fc.string({
  unit: fc.constantFrom(
    ...'-:?,[]{}#&*!|>\'"%@` \t\n\r\\~<=.0123456789abcxyzTFNOE_+'.split(''),
    '- ', ': ', '  ', '\n  ', '\n- ', '<<: ', '&a ', '*a', '!!int ', '!!str ', '!vault ', '!unsafe ', '---\n', '...\n', '0x', '0o', '.inf', 'yes', '~',
  ),
  maxLength: 80,
});

const scalarText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('yes', 'no', '0644', '1:20', '1.0e+3', '1.0', '.nan', '~', 'null', '2001-12-14', 'a: b', '- x', '#c', '"q: x"', "'it''s'", '[a, {b: c}]', '{k: [1, 2]}', '|', '>-'),
);
const indent = fc.integer({ min: 0, max: 6 }).map((n) => ' '.repeat(n));

/** Lines of indented keys, items and scalars: mostly valid YAML structures. */
export const yamlLines = fc
  .array(fc.tuple(indent, fc.constantFrom('', '- ', '? ', 'key: ', 'other: ', 'yes: ', '1.5: ', '<<: ', '&x ', '*x', 'k: &y ', '- *y', '- k: '), scalarText), { maxLength: 20 })
  .map((lines) => lines.map(([i, p, s]) => `${i}${p}${s}`).join('\n'));
