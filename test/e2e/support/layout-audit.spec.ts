/**
 * The layout audit measures what it claims: on a page made for it, a small button, a text
 * running off the side, a box wider than the viewport and a button whose text spills out are
 * each reported, while what is clipped away, hidden, visually hidden for screen readers,
 * behind `inert` or outside an open modal dialog is not.
 */
import { expect, test } from '../fixtures.ts';
import { layoutProblems } from './layout-audit.ts';

test.use({ viewport: { width: 400, height: 600 } });

test('the layout audit reports small targets and overflow, and only those', async ({ page }) => {
  await page.setContent(`<!doctype html><body style="margin:0">
    <button id="small" style="width:30px;height:30px">x</button>
    <button id="fine" style="width:48px;height:48px">ok</button>
    <p id="long" style="width:200px">${'W'.repeat(80)}</p>
    <div id="wide" style="width:500px;height:10px"></div>
    <button id="spill" style="width:60px;height:48px;white-space:nowrap;padding:0">$1,132.00 and more</button>
    <div style="width:100px;overflow:hidden"><div id="clipped" style="width:900px">${'C'.repeat(200)}</div></div>
    <button style="display:none;width:10px">gone</button>
    <span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)"><a href="#">sr</a></span>
    <div inert><button style="width:10px;height:10px">inert</button></div>
  </body>`);
  const problems = await layoutProblems(page, 'test');
  const about = (id: string) => problems.filter((p) => p.includes(`#${id}`));
  expect(about('small')).toHaveLength(1);
  expect(about('small')[0]).toContain('target 30×30 px is under 44×44');
  expect(about('fine')).toEqual([]);
  expect(about('long').join()).toContain('text');
  expect(about('wide').join()).toContain('leaves the 400 px viewport');
  expect(about('spill').join()).toContain('spills out');
  expect(about('clipped')).toEqual([]);
  expect(problems.filter((p) => /gone|inert|"sr"/.test(p))).toEqual([]);
  expect(problems.some((p) => p.includes('the page: scrolls sideways'))).toBe(true);

  // With a modal open only its content counts.
  await page.setContent(`<!doctype html><body style="margin:0">
    <button style="width:10px;height:10px">behind</button>
    <dialog id="d"><button id="in" style="width:20px;height:48px">in</button></dialog>
  </body>`);
  await page.evaluate(() => (document.getElementById('d') as HTMLDialogElement).showModal());
  const modal = await layoutProblems(page, 'modal');
  expect(modal.filter((p) => p.includes('target'))).toEqual([
    'modal: <button#in> "in" in document: target 20×48 px is under 44×44',
  ]);
  expect(modal.filter((p) => p.includes('behind'))).toEqual([]);
});
