// Shared by the two text views: render the shown pair's comparison whenever it changes and the view is
// visible, abort a render still running for an older result, and show the render's progress.

/**
 * @param {import('../store.js').Store} store
 * @param {{
 *   task: string, label: string, isVisible: () => boolean, clear: () => void,
 *   render: (result: object, documents: object[], signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<unknown>
 * }} view
 */
export function followResult(store, { task, label, isVisible, clear, render }) {
  let shown = null;
  let controller = null;
  const update = async () => {
    const pair = store.shownPair;
    const result = pair ? store.resultFor(pair) : undefined;
    if (!isVisible() || result === shown) return;
    shown = result;
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    if (!result) {
      clear();
      return;
    }
    try {
      await render(
        result,
        pair.map((id) => store.document(id)),
        signal,
        (done, total) => {
          store.setProgress(task, { label, done, total });
        },
      );
    } catch (error) {
      if (error.name !== 'AbortError')
        store.say({ tone: 'error', text: `Could not show the comparison: ${error.message}.` });
    } finally {
      if (controller.signal === signal) store.setProgress(task, null);
    }
  };
  for (const type of ['results', 'pair', 'documents', 'options', 'tab']) store.addEventListener(type, update);
}
