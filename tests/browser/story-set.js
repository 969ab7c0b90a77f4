// A generated day of coverage for the stories view's test and the browser benchmark: stories of two to
// eight articles that each take some of a story's shared paragraphs (a wire story's) among paragraphs of
// their own, and unrelated articles that share nothing. Words are pseudo-words from a fixed seed, so a
// run is repeatable and no two paragraphs share ten words in a row by chance.

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/**
 * `count` articles of about `words` words each: about two thirds in stories, the rest alone.
 * @param {number} count
 * @param {{ words?: number, seed?: number }} [options]
 * @returns {{ files: { name: string, text: string }[], stories: string[][] }} the files, and the stories
 *   they were made as (names; an article alone is a story of one), largest first
 */
export function storySet(count, { words = 400, seed = 13 } = {}) {
  const next = random(seed);
  const vocabulary = Array.from({ length: 6000 }, () => {
    const length = 3 + Math.floor(next() * 8);
    return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('');
  });
  const word = () => vocabulary[Math.floor(vocabulary.length * next() ** 2)];
  const paragraph = () => {
    const text = Array.from({ length: 45 + Math.floor(next() * 30) }, word).join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  // An article: its own first and last paragraphs, the taken ones between its own, in any order.
  const article = (taken) => {
    const paragraphs = [paragraph(), ...taken];
    let length = paragraphs.join(' ').split(' ').length;
    while (length < words - 60) {
      const own = paragraph();
      paragraphs.splice(1 + Math.floor(next() * paragraphs.length), 0, own);
      length += own.split(' ').length;
    }
    paragraphs.push(paragraph());
    return paragraphs.join('\n\n');
  };
  const files = [];
  const stories = [];
  const name = (story, member) =>
    story === null
      ? `${String(files.length + 1).padStart(4, '0')}-unrelated-report.txt`
      : `${String(files.length + 1).padStart(4, '0')}-story-${story + 1}-outlet-${member + 1}.txt`;
  let story = 0;
  while (files.length < count) {
    const size = Math.min(count - files.length, next() < 0.34 ? 1 : 2 + Math.floor(next() * 7));
    if (size === 1) {
      files.push({ name: name(null, 0), text: article([]) });
      stories.push([files.at(-1).name]);
      continue;
    }
    const wire = Array.from({ length: 4 }, paragraph);
    const members = [];
    for (let member = 0; member < size; member += 1) {
      // Each takes the wire's first paragraph and one or two of the others: every member links to the first.
      const others = wire.slice(1).sort(() => next() - 0.5);
      const taken = [wire[0], ...others.slice(0, 1 + Math.floor(next() * 2))].sort(() => next() - 0.5);
      files.push({ name: name(story, member), text: article(taken) });
      members.push(files.at(-1).name);
    }
    stories.push(members);
    story += 1;
  }
  // Interleaved, as a folder sorted by name would not be: the stories' members are spread out.
  const order = files.map((file) => ({ file, key: next() })).sort((x, y) => x.key - y.key);
  stories.sort((x, y) => y.length - x.length);
  return { files: order.map(({ file }) => file), stories };
}
