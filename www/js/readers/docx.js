// Reads a Word document (.docx) with mammoth, as raw text: the body's paragraphs, one a block, without
// headers, footers or comments. The command line reads the same part of the file the same way
// (src/bin/copydesk/docx.rs).

import { FileProblem } from './problem.js';
import { vendor } from './vendor.js';

/**
 * @param {string} name the file's name, for messages
 * @param {ArrayBuffer} bytes
 * @returns {Promise<{ text: string, note: string }>}
 * @throws {FileProblem} for a damaged document
 */
export async function docxText(name, bytes) {
  const mammoth = await vendor('mammoth.browser.min.js', 'The Word reader', 'mammoth');
  try {
    const { value } = await mammoth.extractRawText({ arrayBuffer: bytes });
    return {
      text: value.replace(/\n{3,}/g, '\n\n').trim(),
      note: 'Word document: the text of its body, without headers and footers',
    };
  } catch (error) {
    const why = String(error?.message ?? error).replace(/\.$/, '');
    throw new FileProblem(
      `“${name}” is a damaged Word document that cannot be read (${why}). Open it in Word or LibreOffice and save it again, or copy its text and use “Paste text”.`,
    );
  }
}
