import * as assert from 'node:assert/strict';
import { closeAllEditors, hoverAt, hoverText, openDocument, positionOf } from './helpers';

suite('hover in a real VS Code', () => {
  teardown(closeAllEditors);

  test('on a serial number: hex, colon form, decimal and length', async () => {
    const { document } = await openDocument('documented.yaml');
    const position = positionOf(document, '77fdf4b1033b387aaace6ce1c18710c2', 4);
    const hovers = await hoverAt(document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /\*\*Serial number\*\*/);
    assert.match(text, /hex: `77fdf4b1033b387aaace6ce1c18710c2`/);
    assert.match(text, /colon form: `77:fd:f4:b1:03:3b:38:7a:aa:ce:6c:e1:c1:87:10:c2`/);
    assert.match(text, /decimal: `159496745535942404666097463499946397890`/);
    assert.match(text, /length: 16 octets/);
    const ours = hovers.find((hover) => hoverText([hover]).includes('Serial number'));
    const range = ours?.range;
    assert.ok(range, 'the hover has the range of the serial');
    assert.equal(document.getText(range), '77fdf4b1033b387aaace6ce1c18710c2');
  });
});
