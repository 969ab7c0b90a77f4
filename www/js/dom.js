// Small DOM helpers. Text always goes in as text nodes (append with strings), never as HTML.

/**
 * Creates an element with attributes (`true`: present, `false` / null: absent) and children.
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {...(Node | string | null | false)} children
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(
    ...children
      .filter((child) => child != null && child !== false)
      .map((child) => /** @type {Node | string} */ (child)),
  );
  return element;
}

/** Calls `handler(button, event)` for clicks on `[data-action=name]` buttons inside `root`. */
export function onAction(root, name, handler) {
  root.addEventListener('click', (event) => {
    const button = event.target.closest(`[data-action="${name}"]`);
    if (button && root.contains(button)) handler(button, event);
  });
}

/** Whether a key press belongs to a text field rather than to the page's shortcuts. */
export function isTyping(event) {
  const target = event.target;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** 'smooth' unless the user asked the system for less motion. */
export function scrollBehavior() {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/**
 * Saves `content` as a file named `name`: a Blob behind an object URL, clicked as a download link. The
 * content never leaves the browser; the URL is released once the download has surely started.
 */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
