/**
 * The previews of a group of files just read (the import screen's reading, and its re-check
 * when it is shown again): one preview batch for the group (db/import-ops.ts previewImports),
 * then one more for the files whose plan is unknown here but matches one (offered first in
 * «Nhập vào kế hoạch»). No React here: the store and the bench use it alike.
 */
import { inputOf, previewImports, type ImportPreview, type PreviewInput } from '@db';
import { errorText } from './import-cards';

export type FilePreview =
  /** `original`: under the file's own plan; `preview`: as it would be applied, under `planChoice` ('' none). */
  | { ok: true; original: ImportPreview; preview: ImportPreview; planChoice: string }
  | { ok: false; message: string };

/**
 * Previews every input. A file the preview fails on fails alone: the batch is then previewed
 * file by file, so that the others still get theirs. `planChoice(i, original)` is the plan to
 * file input i under ('' none): by default the suggested plan of a file whose plan is unknown.
 */
export async function previewFiles(
  inputs: readonly PreviewInput[],
  planChoice: (i: number, original: ImportPreview) => string = (_, o) => (!o.planKnown && o.suggestedPlanId ? o.suggestedPlanId : ''),
): Promise<FilePreview[]> {
  try {
    return await previewBatch(inputs, planChoice);
  } catch (error) {
    if (inputs.length === 1) return [{ ok: false, message: errorText(error) }];
    const out: FilePreview[] = [];
    for (let i = 0; i < inputs.length; i++) out.push((await previewFiles([inputs[i]!], (_, o) => planChoice(i, o)))[0]!);
    return out;
  }
}

async function previewBatch(inputs: readonly PreviewInput[], planChoice: (i: number, original: ImportPreview) => string): Promise<FilePreview[]> {
  const originals = await previewImports(inputs);
  const chosen = originals.map((o, i) => planChoice(i, o));
  const again = originals.map((_, i) => i).filter((i) => chosen[i] !== '');
  const filed = await previewImports(again.map((i) => inputOf(originals[i]!, chosen[i]!)));
  const out: FilePreview[] = originals.map((original) => ({ ok: true, original, preview: original, planChoice: '' }));
  again.forEach((i, k) => (out[i] = { ok: true, original: originals[i]!, preview: filed[k]!, planChoice: chosen[i]! }));
  return out;
}
