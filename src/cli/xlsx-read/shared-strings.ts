/**
 * The shared string table: cells refer to its items by index, so every item is kept — as one flat
 * string each, decoded afresh from the bytes (never a slice of a big buffer that would keep it alive).
 */
import { NS, type PartSource, readPart } from './parts';
import { StringItem } from './text';
import type { ZipEntry } from './zip';

export async function readSharedStrings(entry: ZipEntry, source: PartSource): Promise<string[]> {
  const strings: string[] = [];
  const item = new StringItem();
  let inItem = false;
  await readPart(
    entry,
    NS.main,
    {
      open(local, s, empty) {
        if (local === 'si') {
          if (empty) strings.push('');
          else {
            inItem = true;
            item.reset(s);
          }
        } else if (inItem) item.open(local, s, empty);
      },
      close(local, s) {
        if (!inItem) return;
        if (local === 'si') {
          strings.push(item.value());
          inItem = false;
        } else item.close(local, s);
      },
    },
    source,
  );
  return strings;
}
