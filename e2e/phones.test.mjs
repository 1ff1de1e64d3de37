// Phones: Chromium with touch and a phone's viewport (360×740, a small Android; 390×844, an
// iPhone 12–15), every screen of both quizzes. What must hold on each:
//  - nothing scrolls sideways and the page is not zoomed out to fit (a mobile browser shrinks a
//    page wider than its viewport, which makes the result unreadable without pinching);
//  - every tap target is at least 24×24 CSS px (WCAG 2.2, 2.5.8), save the exceptions the rule
//    names: a link inside a sentence, and a native control whose label is the target;
//  - every field of the calculator and the first message has 16 px text (Safari on iPhone zooms
//    the page into a field with smaller text and leaves it zoomed), a number keyboard where a
//    number is asked, and stays visible and uncovered when the on-screen keyboard takes half the
//    screen;
//  - the result's text is at least 12 px, its body text 16 px, and the page never disables zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, answerAll } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const PHONES = [
  { name: '360×740', width: 360, height: 740 },
  { name: '390×844', width: 390, height: 844 },
];

async function phonePage({ width, height }, url, ready) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(url);
  await page.waitForSelector(ready);
  return page;
}

/** Taps `selector` (a real touch tap) and waits for the app to redraw. */
async function tap(page, selector) {
  await page.locator(selector).first().tap();
}

/** Everything about the current screen that breaks on a phone, as a list of findings. */
function layoutFindings(page, where) {
  return page.evaluate((where) => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`${where}: scrolls sideways (${root.scrollWidth} px in ${root.clientWidth})`);
    if (window.visualViewport && Math.abs(window.visualViewport.scale - 1) > 0.01) {
      found.push(`${where}: zoomed to ${window.visualViewport.scale.toFixed(2)}`);
    }
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[hidden]');
    };
    const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.textContent || el.value || '').trim().slice(0, 30)}"`;
    // A link within running text is exempt (WCAG 2.5.8 "inline"): its parent holds other text.
    const inline = (el) => el.tagName === 'A' && el.parentElement
      && [...el.parentElement.childNodes].some((n) => n !== el && n.textContent.trim().length > 0)
      && getComputedStyle(el).display === 'inline';
    // A native radio or checkbox inside its label: the label is the target.
    const labelled = (el) => el.tagName === 'INPUT' && /^(radio|checkbox)$/.test(el.type) && el.closest('label');
    const targets = document.querySelectorAll('button, a[href], input:not([type="hidden"]), select, textarea, summary, label:has(> input[type="radio"]), label:has(> input[type="checkbox"])');
    for (const el of targets) {
      if (!visible(el) || inline(el) || labelled(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 24 - 0.5 || r.height < 24 - 0.5) found.push(`${where}: tap target ${describe(el)} is ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    }
    // Nothing visible sticks out of the viewport's width (a cut-off table, a long word).
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el) || el.closest('svg')) continue;
      const r = el.getBoundingClientRect();
      // Text spilling out of its own box (a long word, a nowrap line) shows in scrollWidth.
      const spill = el.clientWidth > 0 && getComputedStyle(el).overflowX === 'visible' ? el.scrollWidth - el.clientWidth : 0;
      if (r.right + Math.max(spill, 0) > root.clientWidth + 1 || r.left < -1) {
        let clipped = false;
        for (let p = el.parentElement; p; p = p.parentElement) {
          if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX) && p !== root && p !== document.body) { clipped = true; break; }
        }
        if (!clipped) found.push(`${where}: ${describe(el)} reaches ${r.left.toFixed(0)}–${(r.right + Math.max(spill, 0)).toFixed(0)} px`);
      }
    }
    return found;
  }, where);
}

/** Readable without zooming: no text under 12 px, paragraphs at 16 px, zoom never disabled. */
function readabilityFindings(page, where) {
  return page.evaluate((where) => {
    const found = [];
    const meta = document.querySelector('meta[name="viewport"]')?.content ?? '';
    if (!/width=device-width/.test(meta)) found.push(`${where}: viewport is not width=device-width`);
    if (/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b/.test(meta)) found.push(`${where}: zoom is disabled (${meta})`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const small = new Set();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el || el.closest('svg, option, [aria-hidden="true"]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 12) small.add(`${el.tagName.toLowerCase()} "${n.textContent.trim().slice(0, 25)}" at ${size} px`);
    }
    for (const s of small) found.push(`${where}: text ${s}`);
    const body = [...document.querySelectorAll('[data-testid="result"] p, [data-testid="result"] li')].filter((p) => p.getBoundingClientRect().height > 0);
    if (body.length === 0) found.push(`${where}: no result text found`);
    const tiny = body.filter((p) => parseFloat(getComputedStyle(p).fontSize) < 14);
    if (tiny.length > body.length / 4) found.push(`${where}: ${tiny.length} of ${body.length} result paragraphs under 14 px`);
    return found;
  }, where);
}

/**
 * The fields under `container`: 16 px text, a number keyboard for numbers, and each one, focused
 * by a tap with the on-screen keyboard taking the lower half, visible and not covered. `numeric`
 * says, by field id, which fields ask for a number.
 */
async function fieldFindings(page, phone, container, where, numeric = () => false) {
  const found = [];
  const fields = page.locator(`${container} input:not([type="hidden"]):not([type="radio"]):not([type="checkbox"]), ${container} select, ${container} textarea`);
  const count = await fields.count();
  if (count === 0) return [`${where}: no fields in ${container}`];
  const keyboard = Math.round(phone.height * 0.45);
  await page.setViewportSize({ width: phone.width, height: phone.height - keyboard });
  try {
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i);
      if (!(await field.isVisible())) continue;
      const info = await field.evaluate((el) => ({
        name: el.id || el.name || el.tagName,
        size: parseFloat(getComputedStyle(el).fontSize),
        inputmode: el.getAttribute('inputmode'),
        type: el.type,
      }));
      info.numeric = numeric(info.name);
      if (info.size < 16) found.push(`${where}: ${info.name} has ${info.size} px text (Safari zooms in)`);
      if (info.numeric && info.type !== 'select-one' && !/^(decimal|numeric)$/.test(info.inputmode ?? '')) {
        found.push(`${where}: ${info.name} asks a number without a number keyboard`);
      }
      await field.tap();
      const seen = await field.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const x = Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1);
        const y = r.top + Math.min(r.height / 2, 12);
        const top = document.elementFromPoint(x, y);
        return { focused: document.activeElement === el, inView: r.top >= 0 && r.top + Math.min(r.height, 40) <= innerHeight, covered: top !== el && !el.contains(top) && !(top && top.control === el) };
      });
      if (!seen.focused) found.push(`${where}: a tap does not focus ${info.name}`);
      if (!seen.inView) found.push(`${where}: ${info.name} is out of sight above the keyboard`);
      if (seen.covered) found.push(`${where}: ${info.name} is covered when focused`);
    }
  } finally {
    await page.setViewportSize({ width: phone.width, height: phone.height });
  }
  return found;
}

for (const phone of PHONES) {
  test(`phone ${phone.name}: every screen fits, every target is tappable, the fields and result are usable`, { timeout: 600000 }, async () => {
    const findings = [];
    const check = async (page, where) => findings.push(...(await layoutFindings(page, `${phone.name} ${where}`)));

    const page = await phonePage(phone, server.url, '[data-testid^="open-"]');
    await check(page, 'start');
    await tap(page, '[data-testid="open-client"]');
    await page.waitForSelector('[role="radiogroup"]');
    await check(page, 'client question');
    await tap(page, '[role="radiogroup"] label');
    await check(page, 'client question answered');
    await answerAll(page, () => 0);
    await page.waitForSelector('[data-testid="calculator"] input');
    await check(page, 'client result');
    findings.push(...(await readabilityFindings(page, `${phone.name} client result`)));
    findings.push(...(await fieldFindings(page, phone, '[data-testid="calculator"]', `${phone.name} calculator`, () => true)));
    findings.push(...(await fieldFindings(page, phone, '[data-testid="brief"]', `${phone.name} first message`,
      (id) => /^brief-(cost_per_lead|conversion|avg_order|budget)$/.test(id))));
    await check(page, 'client result after typing');
    const client = await page.inputValue('[data-testid="share-link"]');

    const specialist = await phonePage(phone, server.url + '?quiz=specialist', '[role="radiogroup"]');
    await check(specialist, 'specialist question');
    await answerAll(specialist, (step) => (step === 3 ? 2 : 0));
    await specialist.waitForSelector('[data-testid="result"]');
    await check(specialist, 'specialist result');
    findings.push(...(await readabilityFindings(specialist, `${phone.name} specialist result`)));
    findings.push(...(await fieldFindings(specialist, phone, '[data-testid="compare-box"]', `${phone.name} compare box`)));
    const link = await specialist.inputValue('[data-testid="share-link"]');

    const shared = await phonePage(phone, client, '[data-testid="shared-banner"]');
    await check(shared, 'shared result');
    await shared.locator('[data-testid="paste-link"]').fill(link);
    await tap(shared, '[data-testid="compare-go"]');
    await shared.waitForSelector('[data-testid="compare"]');
    await check(shared, 'comparison');

    await tap(page, '[data-testid="lang"]');
    await page.selectOption('[data-testid="lang"]', 'ru');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await check(page, 'client result in Russian');
    findings.push(...(await readabilityFindings(page, `${phone.name} client result in Russian`)));

    for (const p of [page, specialist, shared]) assert.deepEqual(p.errors, []);
    assert.deepEqual(findings, []);
    await page.screenshot({ path: new URL(`./artifacts/phone-${phone.width}-result.png`, import.meta.url).pathname, fullPage: false });
    for (const p of [page, specialist, shared]) await p.context().close();
  });
}

test('the phone checks find what they look for', async () => {
  const phone = PHONES[0];
  const page = await phonePage(phone, server.url, '[data-testid^="open-"]');
  assert.deepEqual(await layoutFindings(page, 'clean'), []);
  // A small button, a word wider than the screen, a 14 px text field: each must be reported.
  // Styled through the CSSOM: the page's policy refuses style attributes.
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.dataset.testid = 'calculator';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'x';
    Object.assign(button.style, { width: '20px', height: '20px', minWidth: '0', minHeight: '0', padding: '0' });
    const word = document.createElement('p');
    word.textContent = 'Averyveryverylongunbreakablewordthatnophonecanfitonasinglelineatall';
    const field = document.createElement('input');
    field.id = 'planted';
    field.style.fontSize = '14px';
    box.append(button, word, field);
    document.body.prepend(box);
  });
  const layout = (await layoutFindings(page, 'planted')).join('\n');
  assert.match(layout, /tap target button "x" is 20×20/);
  assert.match(layout, /scrolls sideways/);
  assert.match(layout, /p "Averyvery/);
  await page.evaluate(() => document.querySelector('[data-testid="calculator"] p').remove());
  const fields = (await fieldFindings(page, phone, '[data-testid="calculator"]', 'planted', () => true)).join('\n');
  assert.match(fields, /planted has 14 px text/);
  assert.match(fields, /planted asks a number without a number keyboard/);
  await page.context().close();
});
