/** Prints the cross-validation of bench:scan -- --cv as tables (JSON is written by the caller). */
import type { CorpusFolder } from './corpus.ts';
import type { CrossValidation, FolderScore } from './cross-validation.ts';
import { pairCell } from './report.ts';

const pad = (value: string | number, width: number): string => String(value).padStart(width);
const pct = (part: number, whole: number): string =>
  whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`;

/** "decoded(wrong)" for a positive folder, "wrong FP" for a no-barcode one. */
function cell(score: FolderScore | undefined, falsePositives: boolean): string {
  if (score === undefined) return '-';
  const { still, camera } = score;
  if (falsePositives) return `${still.wrong}/${camera.wrong} FP`;
  return pairCell(still, camera);
}

export function printCrossValidation(
  dir: string,
  corpus: readonly CorpusFolder[],
  cv: CrossValidation,
): void {
  const columns = Object.keys(cv.summary);
  const width = 18;
  console.log(`scan bench, cross-validation (leave one folder out): ${dir}`);
  console.log(
    'each cell: decoded as still / as 1280×720 camera frame, (n!) = wrong reads; FP = false positives',
  );
  console.log(
    `${'held-out folder'.padEnd(18)}${pad('n', 4)}${columns.map((c) => pad(c.slice(0, width - 1), width)).join('')}`,
  );
  for (const fold of cv.folds) {
    console.log(
      `${fold.heldOut.padEnd(18)}${pad(fold.images, 4)}${columns.map((c) => pad(cell(fold.scores[c], fold.falsePositives), width)).join('')}`,
    );
  }
  const positives = corpus
    .filter((f) => !f.falsePositives)
    .reduce((n, f) => n + f.images.length, 0);
  console.log(
    '\nover all folds (rate of the positive images; wrong = misreads + false positives):',
  );
  for (const [name, t] of Object.entries(cv.summary)) {
    console.log(
      `  ${name.padEnd(28)} still ${pct(t.still.decoded, positives)} (${t.still.decoded}/${positives}, wrong ${t.still.wrong})` +
        `   camera ${pct(t.camera.decoded, positives)} (${t.camera.decoded}, wrong ${t.camera.wrong})`,
    );
  }
  console.log(
    `\nidle budget: ${cv.idleBudget} × zxing-js's empty-frame median, 1 × its p95, in this recording ` +
      `(median ${cv.zxingJsIdle.medianMs.toFixed(2)} ms, p95 ${cv.zxingJsIdle.p95Ms.toFixed(2)} ms)`,
  );
  console.log('what each choice is worth out of fold (a change is kept only if it helps there):');
  for (const v of cv.variants) {
    const o = v.outOfFold;
    const inS = v.inSample;
    console.log(
      `  ${v.name.padEnd(52)} ${pad(v.candidates, 5)} candidates  out of fold still ${pct(o.still.decoded, positives)} camera ${pct(o.camera.decoded, positives)} wrong ${o.still.wrong + o.camera.wrong}` +
        (inS === null
          ? ''
          : `   in-sample still ${pct(inS.still.decoded, positives)} camera ${pct(inS.camera.decoded, positives)}`),
    );
    console.log(`      picked on all folders: ${v.pickOnAll ?? '(none)'}`);
  }
  console.log('\npicks per fold:');
  for (const fold of cv.folds) console.log(`  without ${fold.heldOut.padEnd(18)} ${fold.picked}`);
  const same = cv.shipped.matches;
  console.log(
    `\nthe app ships ${cv.shipped.description}: ${same ? 'the rule’s pick on all folders' : 'NOT the rule’s pick on all folders'}`,
  );
}
