import { PassThrough } from 'node:stream';
import { colourFor } from './colour.js';

const tty = (): NodeJS.WritableStream => Object.assign(new PassThrough(), { isTTY: true });

describe('colourFor', () => {
  it('leaves text plain when not on a terminal, or with nocolor', async () => {
    expect((await colourFor(new PassThrough(), { noColour: false, forceColour: false }))('changed', 'a | CHANGED\n')).toBe('a | CHANGED\n');
    expect((await colourFor(tty(), { noColour: true, forceColour: false }))('failed', 'x\n')).toBe('x\n');
  });

  it("colours each line as Ansible does on a terminal or with force_color, keeping newlines outside", async () => {
    const paint = await colourFor(tty(), { noColour: false, forceColour: false });
    expect(paint('changed', 'a\nb\n')).toBe('\u001b[33ma\u001b[39m\n\u001b[33mb\u001b[39m\n');
    expect(paint('ok', 'ok\n')).toBe('\u001b[32mok\u001b[39m\n');
    expect(paint('failed', 'f\n')).toBe('\u001b[31mf\u001b[39m\n');
    expect((await colourFor(new PassThrough(), { noColour: false, forceColour: true }))('skipped', 's\n')).toBe('\u001b[36ms\u001b[39m\n');
  });
});
