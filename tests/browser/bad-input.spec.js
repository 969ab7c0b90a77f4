// Bad input, everywhere a user of the page can reach it (issue 5; the command line's cases are in
// tests/bad_input.rs). Either it works, or one message says why not and names the file; the documents
// already loaded stay as they were; the page keeps working; the tab never freezes (the page answers a
// click while a large comparison runs). Each test starts from two documents on the page, wire.txt and
// outlet-1.txt, compared side by side, and checks all of that.
//
// | case | what the user gets | where tested |
// | --- | --- | --- |
// | a file that is no text, or has nothing to compare: empty, white space only, no words, a binary format (PNG, JPEG, GIF, a ZIP that is no .docx, old Office (.doc), gzip, a program, RIFF), NUL or control bytes | one outcome and message for each, the command line's too: “empty.txt” is empty: there is nothing in it to compare.; “photo.png” looks like a PNG image, not text. Copy the article’s text and use “Paste text” instead.; “nul.txt” looks like a binary file (it has control bytes), not text. … | decoding.spec.js, the table of tests/fixtures/decoding/cases.json |
// | a PDF with no text layer (scanned), one protected by a password, a damaged one | “scanned.pdf” has no text layer: …; “password.pdf” is protected by a password. …; “damaged.pdf” is a damaged PDF that cannot be read (…). … | documents.spec.js |
// | a file over 50 MB | “huge.txt” is too large (51 MB); copydesk opens files up to 50 MB. | input.spec.js: empty, binary and too large files are refused with a message |
// | one byte over 50 MB | “over.txt” is too large (50.1 MB); copydesk opens files up to 50 MB. | a 50 MB file is taken; the page answers while it is compared, and Cancel keeps everything |
// | a 50 MB file | works: compared in the background; the page answers meanwhile; Cancel says “Comparison stopped.” | a 50 MB file is taken; the page answers while it is compared, and Cancel keeps everything |
// | one line of 5 MB | works: its shared passage is found and shown | one line of 5 MB is compared and its passage shown |
// | 1,002 files at once | the first 998 are added (1,000 documents in all, shown as stories), then: Only 1,000 documents can be compared at once, so 4 were not added: “article-999.txt”, “article-1000.txt”, “article-1001.txt” and 1 more. Remove some documents to make room for them. | 1,002 files at once: 1,000 documents are indexed and the rest named |
// | files dropped while a comparison runs | works: all are added and every pair compared | files dropped while a comparison still runs are all compared |
// | many files refused at once | the first two by name, then: 4 more files could not be added: “photo-3.png”, “photo-4.png”, “photo-5.png” and 1 more. Add them one at a time to see why. | many files refused at once: two messages by name, one for the rest |
// | a folder dropped | “articles” is a folder. Open it and drop or choose the files in it instead. | a folder dropped on the page is refused by name |
// | a file that cannot be read (moved, deleted, locked) | Could not read “locked.txt”: it may have been moved, deleted or locked since it was chosen. Add it again to retry. | a file that can no longer be read says so, and adding it again works |
// | UTF-8 and UTF-16 LE / BE with and without a byte order mark, windows-1252 | read, with a note where the encoding was guessed: “cafe.txt”: not valid UTF-8, read as windows-1252.; “wire-le.txt”: no byte order mark, read as UTF-16LE (guessed from its zero bytes). | decoding.spec.js, the table of tests/fixtures/decoding/cases.json |
// | mixed line endings (CRLF, CR, LF) | works: read as LF; 100 % shared with the LF copy | mixed line endings read as one kind |
// | only CJK | works: the shared passage highlighted | Chinese, Arabic and Hebrew share their passages; right-to-left lines read right to left |
// | right-to-left text (Arabic, Hebrew) | works: the shared passage highlighted, each line laid out right to left | Chinese, Arabic and Hebrew share their passages; right-to-left lines read right to left |
// | zero-width and combining characters | works: 100 % shared (combining accents against precomposed letters), passage found through ZWJ / ZWNJ / ZWSP | zero-width and combining characters do not hide a shared passage |
// | emoji with skin tones | works: the passage highlighted with its emoji whole | emoji with skin tones stay whole inside a shared passage |
// | the same file twice | not added again: “wire.txt” is already open with the same text, so it was not added again. | the same file twice is not added again; another file of the same name is renamed |
// | another file of an open file's name | added, renamed: Added “wire.txt” as “wire (2).txt”: a document of that name is already open. | the same file twice is not added again; another file of the same name is renamed |
// | identical texts under two names | works: 100 % shared both ways, all word for word | identical texts under two names are 100% shared, word for word |
// | a saved web page (HTML) | works: “courier.html”: article text extracted from HTML by Readability. | input.spec.js: an HTML page is reduced to its article text by Readability |
// | pasting nothing (no text on the clipboard) | Nothing was added: the clipboard holds no text. To add files, drop them on the page or use “Add files…”. | pasting nothing, white space or no words adds nothing and says why |
// | pasting white space only / no words | The pasted text holds only white space: … / The pasted text has no words, only punctuation and symbols: … | pasting nothing, white space or no words adds nothing and says why |
// | “Paste text” dialog with white space only | in the dialog, which stays open: This text holds only white space: there is nothing in it to compare. | the Paste text dialog points out a text without words and stays open |
// | a huge paste (8 MB) | works: compared while the page answers | a huge paste is compared while the page keeps answering |
// | a paste over 50 MB | The pasted text is too large (51 MB); copydesk compares texts up to 50 MB. | a paste over the limit is refused |
// | a bad option value in the address | Ignored min=abc in the address … Using the default, 10 words. | options.spec.js: invalid values in the address give a message and fall back to the defaults |
// | a share link too long to open | not copied: “Not copied: this link is … characters long …”, the comparison file offered | share.spec.js: a link past what browsers open is not copied; the comparison file is offered instead |
// | a truncated, altered or malformed link | Could not open the shared comparison. This link is incomplete or altered … | share.spec.js: a broken link says what is wrong, keeps the saved work and the page keeps working |
// | a link from a future version | Could not open the shared comparison. This link was made by a newer copydesk (link format 2) … | share.spec.js: a broken link says what is wrong, keeps the saved work and the page keeps working |
//
// The command line's own cases (a directory, a missing file, a bad option) have their page counterparts
// above: a folder dropped, a file that cannot be read, a bad value in the address.

import {
  documentNames,
  dropFiles,
  expect,
  expectCleanText,
  expectFirstDocuments,
  fixture,
  makeText,
  message,
  names,
  openPage,
  pasteText,
  saveScreenshot,
  test,
} from './helpers.js';

const WIRE = { name: 'wire.txt', text: fixture('wire/wire.txt') };
const OUTLET = { name: 'outlet-1.txt', text: fixture('wire/outlet-1.txt') };
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];

test.beforeEach(async ({ page }) => {
  await openPage(page);
  await dropFiles(page, [WIRE, OUTLET]);
  await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
});

/** wire.txt and outlet-1.txt (or `kept`) are still the first documents, their texts as they were. */
function expectKept(page, kept = [WIRE, OUTLET]) {
  return expectFirstDocuments(page, kept);
}

/** Nothing was added: the two documents of the start are all there is, as they were, and still compared. */
async function expectUntouched(page) {
  await expectKept(page);
  await expect(documentNames(page)).toHaveCount(2);
  await expectWorking(page);
}

/**
 * The page still works: with two documents, "Swap A and B" swaps them and shows their passages; with
 * more, every matrix cell is filled and the first opens its pair with its passages; with more than the
 * matrix shows, the wire's pair with the outlet opens from the stories view.
 */
async function expectWorking(page) {
  if (await page.locator('[data-panel="stories"]').isVisible()) {
    // A large set: the wire's document view from its story, and from there its pair with the outlet.
    await expect(page.locator('[data-view="stories"]')).not.toHaveAttribute('data-indexed', '0', { timeout: 30_000 });
    await page
      .locator('[data-view="stories"]')
      .getByRole('button', { name: new RegExp(`^${WIRE.name}:`) })
      .click();
    await page.getByRole('button', { name: `${OUTLET.name}: open side by side` }).click();
    await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText(WIRE.name);
  } else if (await page.locator('[data-panel="matrix"]').isVisible()) {
    await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
    await page.locator('[data-matrix] tbody button[data-row]').first().click();
    await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText(WIRE.name);
  } else {
    const a = await page.locator('[data-side="a"] [data-side-name]').textContent();
    await page.getByRole('button', { name: 'Swap A and B' }).click();
    await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText(a);
  }
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await expectCleanText(page);
}

/** Opens the pair `a` (as A) and `b` from the matrix. */
async function openPair(page, a, b) {
  await page.getByRole('button', { name: `of “${a}” is shared with “${b}”: open side by side` }).click();
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText(b);
}

/** The text a side of the pair shows, once written. */
function sideText(page, side) {
  return page.locator(`[data-side="${side}"] [data-text]`).evaluate((element) => element.textContent);
}

/** The texts of the marks of passage `n` on `side`, joined. */
function passageText(page, side, n = 0) {
  return page
    .locator(`[data-side="${side}"] mark[data-passage="${n}"]`)
    .allTextContents()
    .then((parts) => parts.join(''));
}

/** A refusal that names the file and says what to do (the binary files' second sentence). */
const notText = (name, kind) =>
  `“${name}” looks like ${kind}, not text. Copy the article’s text and use “Paste text” instead.`;

// --- files that cannot be compared -----------------------------------------------------------------

test('many files refused at once: two messages by name, one for the rest', async ({ page }) => {
  await dropFiles(
    page,
    [1, 2, 3, 4, 5, 6].map((n) => ({ name: `photo-${n}.png`, bytes: PNG })),
  );
  await expect(message(page, 'error', notText('photo-1.png', 'a PNG image'))).toBeVisible();
  await expect(message(page, 'error', notText('photo-2.png', 'a PNG image'))).toBeVisible();
  await expect(
    message(
      page,
      'error',
      '4 more files could not be added: “photo-3.png”, “photo-4.png”, “photo-5.png” and 1 more. Add them one at a time to see why.',
    ),
  ).toBeVisible();
  await expect(page.locator('[data-message]')).toHaveCount(3);
  await saveScreenshot(page, 'bad-input-many-refused');
  await expectKept(page);
  await expectWorking(page);
});

test('a folder dropped on the page is refused by name', async ({ page }) => {
  // Chromium hands a dropped folder over as a File that cannot be read; only its entry says it is a
  // folder. A synthetic drop has no entries, so the folder's is made here the way Chromium makes it.
  await page.evaluate(() => {
    const folder = new File([], 'articles');
    const entryOf = DataTransferItem.prototype.webkitGetAsEntry;
    DataTransferItem.prototype.webkitGetAsEntry = function entry() {
      return this.getAsFile()?.name === 'articles'
        ? { isDirectory: true, isFile: false, name: 'articles' }
        : entryOf.call(this);
    };
    const transfer = new DataTransfer();
    transfer.items.add(folder);
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document
        .querySelector('main')
        .dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  });
  await expect(
    message(page, 'error', '“articles” is a folder. Open it and drop or choose the files in it instead.'),
  ).toBeVisible();
  await expect(page.locator('[data-drop-overlay]')).toBeHidden();
  await saveScreenshot(page, 'bad-input-folder');
  await expectUntouched(page);
});

test('a file that can no longer be read says so, and adding it again works', async ({ page }) => {
  // What a browser does when a chosen file was moved, deleted or locked before it was read.
  await page.evaluate(() => {
    const read = Blob.prototype.arrayBuffer;
    globalThis.fileLocked = true;
    Blob.prototype.arrayBuffer = function arrayBuffer() {
      if (this.name === 'locked.txt' && globalThis.fileLocked) {
        return Promise.reject(
          new DOMException(
            'The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.',
            'NotReadableError',
          ),
        );
      }
      return read.call(this);
    };
  });
  const locked = { name: 'locked.txt', text: fixture('wire/outlet-2.txt') };
  await dropFiles(page, [locked]);
  await expect(
    message(
      page,
      'error',
      'Could not read “locked.txt”: it may have been moved, deleted or locked since it was chosen. Add it again to retry.',
    ),
  ).toBeVisible();
  await expectKept(page);
  await expect(documentNames(page)).toHaveCount(2);

  await page.evaluate(() => {
    globalThis.fileLocked = false;
  });
  await dropFiles(page, [locked]);
  await expect(documentNames(page)).toHaveCount(3);
  await expectKept(page, [WIRE, OUTLET, locked]);
  await expectWorking(page);
});

// --- sizes -----------------------------------------------------------------------------------------

test('a 50 MB file is taken; the page answers while it is compared, and Cancel keeps everything', async ({ page }) => {
  const limit = 50 * 1024 * 1024;
  await dropFiles(page, [{ name: 'over.txt', size: limit + 1 }]);
  await expect(
    message(page, 'error', '“over.txt” is too large (50.1 MB); copydesk opens files up to 50 MB.'),
  ).toBeVisible();
  // Exactly 50 MB: ASCII words around outlet-2, whose curly quotes take more than a byte each.
  const middle = fixture('wire/outlet-2.txt');
  await makeText(page, 'fifty', { chars: limit - (Buffer.byteLength(middle) - middle.length), middle });
  await dropFiles(page, [{ name: 'archive.txt', made: 'fifty' }]);
  await expect(documentNames(page)).toHaveCount(3);
  const comparing = page.locator('[data-status] [data-task="compare"]');
  await expect(comparing).toContainText(/^Comparing/);
  // A click is answered while the comparison runs (in the worker): the menu opens, and the comparison
  // is still running after it.
  await page.locator('[data-help] summary').click();
  await expect(page.locator('[data-help]')).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(comparing).toContainText(/^Comparing/);
  await saveScreenshot(page, 'bad-input-fifty-megabytes');
  await comparing.getByRole('button', { name: 'Cancel' }).click();
  await expect(message(page, 'info', 'Comparison stopped.')).toBeVisible();
  await expect(comparing).toHaveCount(0);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(4);
  await expect(page.locator('[data-message="error"]')).toHaveCount(1); // over.txt's
  await expectKept(page);
  // Without the large file, the pair compared before it is back at once.
  await page.getByRole('button', { name: 'Remove “archive.txt”' }).click();
  await expectWorking(page);
});

test('one line of 5 MB is compared and its passage shown', async ({ page }) => {
  const passage = fixture('wire/outlet-2.txt').split('\n\n').slice(3, 8).join(' ');
  await makeText(page, 'line', { chars: 5 * 1024 * 1024, oneLine: true, middle: passage });
  await dropFiles(page, [{ name: 'one-line.txt', made: 'line' }]);
  await expect(documentNames(page)).toHaveCount(3);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  await openPair(page, WIRE.name, 'one-line.txt');
  await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
  // The line is cut into blocks for the browser's sake, but the text is the file's, whole and on one line.
  expect(await page.evaluate(() => globalThis.madeTexts.line.includes('\n'))).toBe(false);
  await expect
    .poll(async () => (await sideText(page, 'b')) === (await page.evaluate(() => globalThis.madeTexts.line)), {
      timeout: 30_000,
    })
    .toBe(true);
  await expect(
    page.locator('[data-side="b"] mark[data-passage]', { hasText: 'Waves of up to six metres' }),
  ).toBeVisible();
  await expect(page.locator('[data-message="error"]')).toHaveCount(0);
  await expectKept(page);
});

test('1,002 files at once: 1,000 documents are indexed and the rest named', async ({ page }) => {
  test.setTimeout(120_000);
  const paragraphs = WIRE.text.split('\n\n');
  // Each its own text: one paragraph of the wire, and a line of its own.
  const files = Array.from({ length: 1002 }, (_, index) => {
    const number = String(index + 1).padStart(3, '0');
    const own = `Article ${number} was filed by desk ${index} at ${index % 24} hours with ${index * 7} words of notes.`;
    return { name: `article-${number}.txt`, text: `${own}\n\n${paragraphs[index % paragraphs.length]}\n` };
  });
  await dropFiles(page, files);
  await expect(
    message(
      page,
      'error',
      'Only 1,000 documents can be compared at once, so 4 were not added: “article-999.txt”, “article-1000.txt”, “article-1001.txt” and 1 more. Remove some documents to make room for them.',
    ),
  ).toBeVisible();
  await expect(documentNames(page)).toHaveCount(1000);
  await expect(documentNames(page).last()).toHaveValue('article-998.txt');
  // Past 30 documents, no matrix: the stories of the whole set, and no pair compared.
  await expect(page.locator('[data-view="stories"]')).toHaveAttribute('data-indexed', '1000', { timeout: 30_000 });
  await expect(page.locator('[data-panel="matrix"]')).toBeHidden();
  await expect(page.locator('[data-matrix] button[data-row]')).toHaveCount(0);
  await saveScreenshot(page, 'bad-input-a-thousand');
  await expectKept(page);
  // As the message says: remove one, and one more fits.
  await page.getByRole('button', { name: 'Remove “article-998.txt”' }).click();
  await dropFiles(page, [files[998]]);
  await expect(documentNames(page).last()).toHaveValue('article-999.txt');
  await expect(documentNames(page)).toHaveCount(1000);
  await expectWorking(page);
});

test('files dropped while a comparison still runs are all compared', async ({ page }) => {
  await makeText(page, 'long', { chars: 3 * 1024 * 1024, middle: fixture('wire/outlet-3.txt') });
  // The second drop happens the moment the first one's comparison shows as running.
  await page.evaluate(
    async ([third, fourth]) => {
      const drop = (files) => {
        const transfer = new DataTransfer();
        for (const file of files) transfer.items.add(file);
        document
          .querySelector('main')
          .dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      };
      const status = document.querySelector('[data-status]');
      const running = new Promise((resolve) => {
        new MutationObserver((changes, observer) => {
          if (!status.querySelector('[data-task="compare"]')) return;
          observer.disconnect();
          drop([new File([third.text], third.name), new File([fourth.text], fourth.name)]);
          resolve();
        }).observe(status, { childList: true });
      });
      drop([new File([globalThis.madeTexts.long], 'long.txt')]);
      await running;
    },
    [
      { name: 'outlet-3.txt', text: fixture('wire/outlet-3.txt') },
      { name: 'outlet-4.txt', text: fixture('wire/outlet-4.txt') },
    ],
  );
  await expect.poll(() => names(page)).toEqual([WIRE.name, OUTLET.name, 'long.txt', 'outlet-3.txt', 'outlet-4.txt']);
  await expect(page.locator('[data-matrix] button[data-row]')).toHaveCount(20);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0, { timeout: 30_000 });
  // long.txt holds outlet-3 word for word: from outlet-3's side, all of it is shared.
  await expect(
    page.getByRole('button', { name: '100% of “outlet-3.txt” is shared with “long.txt”: open side by side' }),
  ).toBeVisible();
  await expectKept(page);
  await expectWorking(page);
});

// --- encodings and line endings --------------------------------------------------------------------

test('mixed line endings read as one kind', async ({ page }) => {
  const mixed = WIRE.text
    .split('\n')
    .map((line, index) => (index === 0 ? line : `${['\r\n', '\n', '\r'][index % 3]}${line}`))
    .join('');
  expect(mixed).toMatch(/\r\n.*\n.*\r[^\n]/s);
  await dropFiles(page, [{ name: 'wire-mixed.txt', text: mixed }]);
  await expect(documentNames(page)).toHaveCount(3);
  await openPair(page, 'wire-mixed.txt', WIRE.name);
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText('100% shared');
  await expect.poll(() => sideText(page, 'a')).toBe(WIRE.text);
  await expect(page.locator('[data-side="a"] .line')).toHaveCount(await page.locator('[data-side="b"] .line').count());
  await expect(page.locator('[data-message]')).toHaveCount(0);
  await expectKept(page);
});

// --- scripts and special characters: each pair shares one passage, highlighted on both sides ----------

/** Drops `a` and `b`, opens them side by side, and checks that they share one passage, `shared` on both sides. */
async function expectOnePassage(page, [a, b], shared) {
  await dropFiles(page, [a, b]);
  await openPair(page, a.name, b.name);
  await expect(page.locator('[data-stat="passages"] .stat-value')).toHaveText('1');
  await expect.poll(() => passageText(page, 'a')).toBe(shared);
  await expect.poll(() => passageText(page, 'b')).toBe(shared);
  await page.getByRole('button', { name: '← All documents' }).click();
}

test('Chinese, Arabic and Hebrew share their passages; right-to-left lines read right to left', async ({ page }) => {
  const chinese = '风暴袭击叙利亚沿海，塔尔图斯港被迫关闭，四十多艘货船在港外锚地等候。';
  await expectOnePassage(
    page,
    [
      { name: '港口-a.txt', text: `气象部门说，这是十多年来最强的风暴。${chinese}` },
      { name: '港口-b.txt', text: `${chinese}当地渔民连夜把渔船拖上岸。` },
    ],
    chinese,
  );
  const arabic = 'قالت السلطات إن العاصفة أغلقت ميناء طرطوس يوم الأحد وإن السفن بقيت في البحر حتى هدأت الرياح.';
  await expectOnePassage(
    page,
    [
      { name: 'طرطوس-a.txt', text: `Tartus, Jan 13.\n\n${arabic}` },
      { name: 'طرطوس-b.txt', text: `${arabic}\n\nوأضافت أن الميناء سيفتح مجددا.` },
    ],
    arabic,
  );
  const hebrew = 'הרשויות אמרו כי הסערה סגרה את נמל טרטוס ביום ראשון וכי הספינות נשארו בים עד שהרוחות נרגעו.';
  await expectOnePassage(
    page,
    [
      { name: 'hebrew-a.txt', text: `${hebrew}\n\nהנמל ייפתח מחדש ביום שלישי.` },
      { name: 'hebrew-b.txt', text: `Tartus, Jan 13.\n\n${hebrew}` },
    ],
    hebrew,
  );

  // Right to left: the sentence's closing full stop stands left of its last word, not right of it.
  await openPair(page, 'طرطوس-b.txt', 'طرطوس-a.txt');
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  const [letter, stop] = await page.locator('[data-side="a"] mark[data-passage="0"]').evaluate((mark) => {
    const text = mark.firstChild;
    const place = (offset) => {
      const range = document.createRange();
      range.setStart(text, offset);
      range.setEnd(text, offset + 1);
      return range.getBoundingClientRect();
    };
    return [place(text.data.length - 2), place(text.data.length - 1)].map(({ left, top }) => ({ left, top }));
  });
  expect(stop.top).toBe(letter.top);
  expect(stop.left).toBeLessThan(letter.left);
  await saveScreenshot(page, 'bad-input-right-to-left');
  await expect(page.locator('[data-message="error"]')).toHaveCount(0);
  await expectKept(page);
});

test('zero-width and combining characters do not hide a shared passage', async ({ page }) => {
  await page.getByLabel('Shortest passage').fill('5');
  await expect(page).toHaveURL(/\?min=5$/);
  const invisible =
    'The minister said می\u200Cخواهم in Tehran, posted 👨\u200D👩\u200D👧 and ข่าว\u200Bล่าสุด from Bangkok before the port of Tartus closed on Monday.';
  await expectOnePassage(
    page,
    [
      { name: 'zero-width-a.txt', text: `Earlier: ${invisible}` },
      { name: 'zero-width-b.txt', text: `${invisible} Later.` },
    ],
    invisible,
  );
  const composed = 'Tartús and Lattaquié reopened their ports on Monday, the ministry said in Damascus.';
  const decomposed = composed.replace('ú', 'u\u0301').replace('é', 'e\u0301');
  await dropFiles(page, [
    { name: 'nfc.txt', text: composed },
    { name: 'nfd.txt', text: decomposed },
  ]);
  await openPair(page, 'nfd.txt', 'nfc.txt');
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText('100% shared');
  await expect(page.locator('[data-stat="b"] .stat-value')).toHaveText('100% shared');
  await expect.poll(() => sideText(page, 'a')).toBe(decomposed);
  await expectKept(page);
});

test('emoji with skin tones stay whole inside a shared passage', async ({ page }) => {
  const shared =
    'Fishermen 👍🏽 pulled their boats 🚣🏿‍♀️ ashore at Tartus 🇸🇾 before the storm 🌊 closed the port on Monday.';
  await expectOnePassage(
    page,
    [
      { name: 'emoji-a.txt', text: `👋🏻 Update: ${shared}` },
      { name: 'emoji-b.txt', text: `${shared} 🙏🏼` },
    ],
    shared,
  );
  await expectKept(page);
  await expectWorking(page);
});

// --- the same text twice ---------------------------------------------------------------------------

test('the same file twice is not added again; another file of the same name is renamed', async ({ page }) => {
  await dropFiles(page, [WIRE]);
  await expect(
    message(page, 'info', '“wire.txt” is already open with the same text, so it was not added again.'),
  ).toBeVisible();
  await expect(documentNames(page)).toHaveCount(2);

  const outlet2 = { name: 'outlet-2.txt', text: fixture('wire/outlet-2.txt') };
  const otherWire = { name: 'wire.txt', text: fixture('wire/outlet-3.txt') };
  await dropFiles(page, [outlet2, outlet2, otherWire]);
  await expect(
    message(page, 'info', '“outlet-2.txt” is already open with the same text, so it was not added again.'),
  ).toBeVisible();
  await expect(
    message(page, 'info', 'Added “wire.txt” as “wire (2).txt”: a document of that name is already open.'),
  ).toBeVisible();
  await saveScreenshot(page, 'bad-input-same-file');
  await expectKept(page, [WIRE, OUTLET, outlet2, { name: 'wire (2).txt', text: otherWire.text }]);
  await expect(documentNames(page)).toHaveCount(4);
  await expectWorking(page);
});

test('identical texts under two names are 100% shared, word for word', async ({ page }) => {
  const text = fixture('wire/outlet-3.txt');
  await dropFiles(page, [
    { name: 'riviera.txt', text },
    { name: 'riviera-copy.txt', text },
  ]);
  await openPair(page, 'riviera.txt', 'riviera-copy.txt');
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText('100% shared');
  await expect(page.locator('[data-stat="b"] .stat-value')).toHaveText('100% shared');
  await expect(page.locator('[data-stat="passages"] .stat-detail')).toHaveText('all word for word');
  await expect(page.locator('[data-message]')).toHaveCount(0);
  await expectKept(page);
});

// --- pasting -----------------------------------------------------------------------------------------

test('pasting nothing, white space or no words adds nothing and says why', async ({ page }) => {
  await pasteText(page, '');
  await expect(
    message(
      page,
      'error',
      'Nothing was added: the clipboard holds no text. To add files, drop them on the page or use “Add files…”.',
    ),
  ).toBeVisible();
  await pasteText(page, '  \r\n\t  \n');
  await expect(
    message(page, 'error', 'The pasted text holds only white space: there is nothing in it to compare.'),
  ).toBeVisible();
  await pasteText(page, '— … !!! *** ★');
  await expect(
    message(
      page,
      'error',
      'The pasted text has no words, only punctuation and symbols: there is nothing in it to compare.',
    ),
  ).toBeVisible();
  await saveScreenshot(page, 'bad-input-paste');
  await expectUntouched(page);
});

test('the Paste text dialog points out a text without words and stays open', async ({ page }) => {
  await page.locator('header [data-action="paste-text"]').click();
  const dialog = page.locator('[data-paste-dialog]');
  const text = dialog.getByLabel('Text');
  await text.fill('   \n\n   ');
  await dialog.getByRole('button', { name: 'Add document' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'This text holds only white space: there is nothing in it to compare.',
  );
  await expect(dialog).toBeVisible();
  await expect(text).toHaveAttribute('aria-invalid', 'true');
  await expect(text).toHaveAccessibleDescription(
    'This text holds only white space: there is nothing in it to compare.',
  );
  await saveScreenshot(page, 'bad-input-paste-dialog');

  const short = fixture('short/a.txt');
  await text.fill(short);
  await expect(dialog.getByRole('alert')).toBeHidden();
  await dialog.getByRole('button', { name: 'Add document' }).click();
  await expect(dialog).toBeHidden();
  await expectKept(page, [WIRE, OUTLET, { name: 'Pasted text 1', text: short }]);
  await expectWorking(page);
});

test('a huge paste is compared while the page keeps answering', async ({ page }) => {
  await dropFiles(page, [{ name: 'outlet-2.txt', text: fixture('wire/outlet-2.txt') }]);
  await makeText(page, 'huge', { chars: 8 * 1024 * 1024, middle: fixture('wire/outlet-2.txt') });
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  await pasteText(page, { made: 'huge' });
  await expect(
    message(page, 'info', 'Added the pasted text as “Pasted text 1”; rename it in the document list.'),
  ).toBeVisible();
  const comparing = page.locator('[data-status] [data-task="compare"]');
  await expect(comparing).toContainText(/^Comparing/);
  await page.locator('[data-help] summary').click();
  await expect(page.locator('[data-help]')).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0, { timeout: 60_000 });
  // The paste holds outlet-2 word for word amid words of no language: the wire shares with it what it
  // shares with outlet-2.
  const shareWith = (name) =>
    page.getByRole('button', { name: new RegExp(`of “wire\\.txt” is shared with “${name}”`) }).textContent();
  expect(await shareWith('Pasted text 1')).toBe(await shareWith('outlet-2\\.txt'));
  await expectKept(page, [WIRE, OUTLET, { name: 'outlet-2.txt', text: fixture('wire/outlet-2.txt') }]);
  await expectWorking(page);
});

test('a paste over the limit is refused', async ({ page }) => {
  await makeText(page, 'over', { chars: 51 * 1024 * 1024 });
  await pasteText(page, { made: 'over' });
  await expect(
    message(page, 'error', 'The pasted text is too large (51 MB); copydesk compares texts up to 50 MB.'),
  ).toBeVisible();
  await expectUntouched(page);
});
