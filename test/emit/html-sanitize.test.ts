import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { CLOBBER_PREFIX, sanitizeFragment } from '../../src/emit/html-sanitize.js';
import { elements, htmlFragmentLinks, htmlIds, parseHtml } from './parse-output.js';

/** Sanitises, serialises and parses back, as the page would be read by a browser. */
function roundTrip(children: ElementContent[]): Root {
  const safe = sanitizeFragment(children);
  return parseHtml(unified().use(rehypeStringify).stringify({ type: 'root', children: safe }));
}

const raw = (value: string): ElementContent => ({ type: 'raw', value }) as unknown as ElementContent;

describe('sanitizeFragment', () => {
  it('should remove script-capable elements, handlers and dangerous URLs even from a hand-built tree', () => {
    const tree = roundTrip([
      h('script', 'alert(1)'),
      h('img', { src: 'x', onError: 'alert(1)' }),
      h('svg', { onLoad: 'alert(1)' }),
      h('iframe', { srcDoc: '<script>alert(1)</script>' }),
      h('meta', { httpEquiv: 'refresh', content: '0;url=javascript:alert(1)' }),
      h('base', { href: 'javascript:alert(1)//' }),
      h('form', { action: 'javascript:alert(1)' }, [h('button', { formAction: 'javascript:alert(1)' }, 'go')]),
      h('a', { href: 'javascript:alert(1)' }, 'js'),
      h('a', { href: 'data:text/html,x' }, 'data'),
      h('a', { href: 'vbscript:x' }, 'vb'),
      h('a', { href: 'file:///etc/passwd' }, 'file'),
      h('p', { onClick: 'alert(1)', style: 'color:red' }, 'text'),
      raw('<script>alert(1)</script>'),
    ]);
    const all = elements(tree).filter((e) => !['html', 'head', 'body'].includes(e.tagName));
    expect(all.map((e) => e.tagName).sort()).toEqual(['a', 'a', 'a', 'a', 'a', 'p']); // the img became an (empty) link, see offlineImages
    for (const el of all) {
      expect(Object.keys(el.properties).filter((k) => /^on|^style$/i.test(k))).toEqual([]);
      if (el.tagName === 'a' && el.properties.href !== undefined) expect(String(el.properties.href)).toMatch(/^https?:|^#|^[^:]*$/);
    }
  });

  it('should prefix ids and in-page links alike, so anchors resolve and cannot clobber globals', () => {
    const tree = roundTrip([
      h('h3', { id: 'note-a' }, 'A'),
      h('a', { href: '#note-a' }, 'to A'),
      h('p', [h('sup', [h('a', { href: '#fn-1', id: 'fnref-1', ariaDescribedBy: ['footnote-label'] }, '1')])]),
      h('h4', { id: 'footnote-label' }, 'Notes'),
      h('ol', [h('li', { id: 'fn-1' }, [h('a', { href: '#fnref-1' }, 'back')])]),
      h('img', { id: 'location', src: 'https://example.com/x.png' }),
    ]);
    const ids = htmlIds(tree);
    expect([...ids.keys()].sort()).toEqual(['fn-1', 'fnref-1', 'footnote-label', 'note-a'].map((id) => `${CLOBBER_PREFIX}${id}`));
    expect(htmlFragmentLinks(tree).filter((l) => !ids.has(l))).toEqual([]);
    const ref = elements(tree).find((e) => e.properties.id === `${CLOBBER_PREFIX}fnref-1`) as Element;
    expect(ref.properties.ariaDescribedBy).toEqual([`${CLOBBER_PREFIX}footnote-label`]);
  });

  it('should turn images into links so opening the page fetches nothing', () => {
    const tree = roundTrip([h('p', [h('img', { src: 'https://tracker.example/p.png', alt: 'pixel' })])]);
    expect(elements(tree).filter((e) => e.tagName === 'img')).toEqual([]);
    const link = elements(tree).find((e) => e.tagName === 'a')!;
    expect(link.properties.href).toBe('https://tracker.example/p.png');
  });
});
