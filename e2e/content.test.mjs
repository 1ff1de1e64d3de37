// End-to-end: expert content v2 as a person meets it. Questions whose answer used to be given away
// ask for behaviour, with the same concrete options on both sides; the contract checklist says who
// does and pays what; every count reads in its language's plural form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, answerAll } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Answers with the first option until the question titled like `title` shows; its options. */
async function reach(page, title) {
  for (let step = 0; step < 40; step++) {
    await page.waitForSelector('[role="radiogroup"] label');
    if (title.test(await page.textContent('legend h2'))) {
      return page.locator('[role="radiogroup"] label').allTextContents();
    }
    await page.locator('[role="radiogroup"] label').first().click();
    const before = await page.textContent('[data-testid="count"]');
    await page.click('form button[type="submit"]');
    await page.waitForFunction((b) => document.querySelector('[data-testid="count"]')?.textContent !== b, before);
  }
  throw new Error(`no question like ${title}`);
}

test('a question whose answer was given away now asks for behaviour, with the same options on both sides', async () => {
  const client = await openPage(browser, server.url);
  await client.click('[data-testid="open-client"]');
  const clientOptions = await reach(client, /Leads come in, but sales don't\. Whose job is it to find out why\?/);
  assert.equal(clientOptions.length, 4);
  assert.ok(clientOptions.some((o) => /leads that don't buy are bad leads/.test(o)), clientOptions.join(' | '));
  assert.ok(!clientOptions.some((o) => /^\s*(Yes|Mostly|Partly|No)\s*$/.test(o)), 'no agree scale');

  const specialist = await openPage(browser, server.url);
  await specialist.click('[data-testid="open-specialist"]');
  const specialistOptions = await reach(specialist, /Whose job does the client think it is/);
  // The four behaviours are word for word the client's: the two answers compare item by item.
  assert.deepEqual(specialistOptions.map((o) => o.trim()), clientOptions.map((o) => o.trim()));
  assert.deepEqual([...client.errors, ...specialist.errors], []);
});

test('the contract checklist says who does and who pays what', async () => {
  const page = await openPage(browser, server.url);
  await page.click('[data-testid="open-client"]');
  await answerAll(page, () => 0);
  const items = await page.locator('.cf-contract li').allTextContents();
  assert.equal(items.length, 10);
  const all = items.join('\n');
  assert.match(all, /The client returns edits and approvals within 2 working days/);
  assert.match(all, /work pauses and that stage counts as delivered/);
  assert.match(all, /Penalties the contractor pays: e\.g\. 10% of the contract sum/);
  assert.match(all, /does not edit it/);
  assert.match(all, /only with the client's written consent/);
  assert.deepEqual(page.errors, []);
});

test('counts read in each language\'s plural form', async () => {
  const lengths = async (lang) => {
    const page = await openPage(browser, server.url + `?lang=${lang}`);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    const texts = await page.locator('.cf-card .cf-muted').allTextContents();
    assert.deepEqual(page.errors, []);
    await page.context().close();
    return texts.join(' / ');
  };
  const en = await lengths('en');
  assert.match(en, /^33 questions, about \d+ minutes\. \/ 33 questions plus 3 optional ones, about \d+ minutes\.$/);
  const ru = await lengths('ru');
  // 33 takes Russian "few" (вопроса), like 22 and 2; 7 minutes takes "many" (минут).
  assert.match(ru, /33 вопроса/);
  assert.match(ru, /7 минут(?!ы|а)/);
  const fi = await lengths('fi');
  assert.match(fi, /33 kysymystä/);
  const es = await lengths('es');
  assert.match(es, /33 preguntas/);
  for (const text of [en, ru, fi, es]) assert.doesNotMatch(text, /[{}|]/, text);
});
